#pragma once

#include "core/WeightSplit.h"

#include <QWidget>

namespace optimist {

/// The traffic split as one bar: the blue color's share on the left, green's on the right, each
/// labelled with its weight.
class SplitBar : public QWidget
{
    Q_OBJECT
public:
    explicit SplitBar(QWidget *parent = nullptr);

    WeightSplit split() const { return m_split; }
    void setSplit(const WeightSplit &split);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    WeightSplit m_split;
};

} // namespace optimist

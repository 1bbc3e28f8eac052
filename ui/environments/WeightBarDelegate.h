#pragma once

#include <QStyledItemDelegate>

namespace optimist {

/// Draws a color's traffic weight (WeightRole, with ColorRole) as a small bar in the color's
/// swatch under its text; any other cell as usual.
class WeightBarDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace optimist

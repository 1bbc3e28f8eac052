#include "SplitBar.h"

#include "common/DisplayText.h"

#include <QPainter>

namespace optimist {

namespace {

const QColor kBlue(0x1e, 0x88, 0xe5);
const QColor kGreen(0x43, 0xa0, 0x47);

} // namespace

SplitBar::SplitBar(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setSplit(WeightSplit{});
}

void SplitBar::setSplit(const WeightSplit &split)
{
    m_split = split;
    const QString text = DisplayText::split(split.blue, split.green);
    setToolTip(text);
    setAccessibleName(tr("Traffic split"));
    setAccessibleDescription(text);
    update();
}

QSize SplitBar::sizeHint() const
{
    return {320, fontMetrics().height() + 10};
}

QSize SplitBar::minimumSizeHint() const
{
    return {120, fontMetrics().height() + 10};
}

void SplitBar::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF bar = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
    const double blueWidth = bar.width() * m_split.blue / 100.0;
    const QRectF blue(bar.left(), bar.top(), blueWidth, bar.height());
    const QRectF green(bar.left() + blueWidth, bar.top(), bar.width() - blueWidth, bar.height());
    painter.fillRect(blue, kBlue);
    painter.fillRect(green, kGreen);
    painter.setPen(palette().color(QPalette::Mid));
    painter.drawRect(bar);

    // Each label only where it fits in its part.
    painter.setPen(Qt::white);
    const QString blueText =
        tr("%1 %2 %", "color and weight").arg(DisplayText::color(Color::Blue)).arg(m_split.blue);
    const QString greenText =
        tr("%1 %2 %", "color and weight").arg(DisplayText::color(Color::Green)).arg(m_split.green);
    if (fontMetrics().horizontalAdvance(blueText) + 8 < blue.width())
        painter.drawText(blue.adjusted(4, 0, -4, 0), Qt::AlignVCenter | Qt::AlignLeft, blueText);
    if (fontMetrics().horizontalAdvance(greenText) + 8 < green.width())
        painter.drawText(green.adjusted(4, 0, -4, 0), Qt::AlignVCenter | Qt::AlignRight, greenText);
}

} // namespace optimist

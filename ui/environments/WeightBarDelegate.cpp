#include "WeightBarDelegate.h"

#include "common/ModelRoles.h"
#include "environments/EnvironmentTreeModel.h"

#include <QApplication>
#include <QPainter>

#include <algorithm>

namespace optimist {

namespace {

constexpr int kBarHeight = 6;
constexpr int kBarWidth = 48;
constexpr int kMargin = 4;

bool hasBar(const QModelIndex &index)
{
    return index.data(WeightRole).isValid() && index.data(ColorRole).isValid();
}

} // namespace

void WeightBarDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const
{
    if (!hasBar(index)) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }

    // The usual cell (background, selection, the right-aligned text), the bar on its left.
    QStyleOptionViewItem cell = option;
    initStyleOption(&cell, index);
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &cell, painter, widget);

    const int width = std::min(kBarWidth, option.rect.width() / 2 - kMargin);
    if (width <= 0)
        return;
    const QRect track(option.rect.left() + kMargin, option.rect.center().y() - kBarHeight / 2,
                      width, kBarHeight);
    const int filled = width * std::clamp(index.data(WeightRole).toInt(), 0, 100) / 100;
    // The color's own swatch, as the name column shows it.
    const QColor swatch = index.siblingAtColumn(EnvironmentTreeModel::NameColumn)
                              .data(Qt::DecorationRole)
                              .value<QColor>();
    painter->save();
    painter->setPen(Qt::NoPen);
    painter->setBrush(option.palette.color(QPalette::Midlight));
    painter->drawRect(track);
    painter->setBrush(swatch.isValid() ? swatch : option.palette.color(QPalette::Highlight));
    painter->drawRect(QRect(track.topLeft(), QSize(filled, kBarHeight)));
    painter->restore();
}

QSize WeightBarDelegate::sizeHint(const QStyleOptionViewItem &option,
                                  const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    if (hasBar(index))
        size.setWidth(size.width() + kBarWidth + 2 * kMargin);
    return size;
}

} // namespace optimist

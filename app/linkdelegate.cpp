#include "linkdelegate.h"

#include <QApplication>
#include <QMouseEvent>
#include <QPainter>

LinkDelegate::LinkDelegate(int linkRole, QObject *parent)
    : QStyledItemDelegate(parent), m_linkRole(linkRole)
{}

void LinkDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                         const QModelIndex &index) const
{
    if (index.data(m_linkRole).toString().isEmpty()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.font.setUnderline(true);
    const QColor link = opt.palette.color(QPalette::Link);
    opt.palette.setColor(QPalette::Text, link);
    opt.palette.setColor(QPalette::HighlightedText, opt.palette.color(QPalette::HighlightedText));
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
}

bool LinkDelegate::editorEvent(QEvent *event, QAbstractItemModel *model,
                               const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (event->type() == QEvent::MouseButtonRelease) {
        const auto *mouse = static_cast<QMouseEvent *>(event);
        const QString chain = index.data(m_linkRole).toString();
        if (mouse->button() == Qt::LeftButton && !chain.isEmpty() &&
            mouse->modifiers() == Qt::NoModifier) {
            emit linkActivated(chain);
            return true;
        }
    }
    return QStyledItemDelegate::editorEvent(event, model, option, index);
}

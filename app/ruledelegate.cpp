#include "ruledelegate.h"

#include "ruletablemodel.h"
#include "themecolors.h"

#include <QLineEdit>
#include <QPointer>
#include <QSortFilterProxyModel>

RuleDelegate::RuleDelegate(RuleTableModel *model, QSortFilterProxyModel *proxy, QObject *parent)
    : LinkDelegate(RuleTableModel::LinkTargetRole, parent), m_model(model), m_proxy(proxy)
{}

QWidget *RuleDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                                    const QModelIndex &index) const
{
    auto *edit =
        qobject_cast<QLineEdit *>(QStyledItemDelegate::createEditor(parent, option, index));
    if (!edit) {
        return QStyledItemDelegate::createEditor(parent, option, index);
    }
    const QModelIndex source = m_proxy->mapToSource(index);
    QPointer<RuleTableModel> model = m_model;
    const int row = source.row();
    const int column = source.column();
    edit->setPlaceholderText(tr("any"));
    QObject::connect(
        edit, &QLineEdit::textChanged, edit, [edit, model, row, column](const QString &t) {
            if (!model || row >= model->rowCount()) {
                return;
            }
            QString error;
            const bool ok = !model->specWithCell(row, column, t, &error).isEmpty();
            // Red text and the parser's message while the cell would not make a valid rule.
            edit->setStyleSheet(ok ? QString()
                                   : QStringLiteral("QLineEdit { %1 }")
                                         .arg(ThemeColors::textStyleSheet(
                                             ThemeColors::errorText(edit->palette()))));
            edit->setToolTip(ok ? QString() : error);
        });
    return edit;
}

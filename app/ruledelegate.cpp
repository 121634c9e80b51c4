#include "ruledelegate.h"

#include "celleditor.h"
#include "rulecells.h"
#include "ruletablemodel.h"

#include <QPointer>
#include <QSortFilterProxyModel>

RuleDelegate::RuleDelegate(RuleTableModel *model, QSortFilterProxyModel *proxy, QObject *parent)
    : LinkDelegate(RuleTableModel::LinkTargetRole, parent), m_model(model), m_proxy(proxy)
{}

QWidget *RuleDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &,
                                    const QModelIndex &index) const
{
    // Every editable cell holds text (interfaces, addresses, target, comment).
    auto *edit = new CellEditor(parent);
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
            const bool ok = !RuleCells::withCell(model->ruleAt(row), column, t, &error).isEmpty();
            edit->setProblem(ok ? QString() : error);
        });
    return edit;
}

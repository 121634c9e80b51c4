#include "ruletable.h"

#include "celleditor.h"

namespace {
/// The editor if it holds text that the model would refuse.
CellEditor *refused(QWidget *editor)
{
    auto *cell = qobject_cast<CellEditor *>(editor);
    return cell && !cell->problem().isEmpty() ? cell : nullptr;
}
} // namespace

RuleTable::RuleTable(QWidget *parent) : QTableView(parent) {}

void RuleTable::commitData(QWidget *editor)
{
    // The model would refuse it, and its refusal would not keep the text.
    if (CellEditor *cell = refused(editor)) {
        cell->showProblem();
        return;
    }
    QTableView::commitData(editor);
}

void RuleTable::closeEditor(QWidget *editor, QAbstractItemDelegate::EndEditHint hint)
{
    if (CellEditor *cell = refused(editor);
        cell && hint != QAbstractItemDelegate::RevertModelCache) {
        cell->showProblem();
        return;
    }
    QTableView::closeEditor(editor, hint);
}

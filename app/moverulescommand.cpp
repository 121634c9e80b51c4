#include "moverulescommand.h"

#include "ruletablemodel.h"

MoveRulesCommand::MoveRulesCommand(RuleTableModel *model, const QVector<int> &rows, int destination,
                                   const QString &text, QUndoCommand *parent)
    : QUndoCommand(text, parent), m_model(model), m_rows(rows), m_destination(destination)
{}

void MoveRulesCommand::redo()
{
    m_first = m_model->moveRules(m_rows, m_destination);
}

void MoveRulesCommand::undo()
{
    m_model->unmoveRules(m_first, m_rows);
}

bool MoveRulesCommand::isNoOp(const QVector<int> &rows, int destination)
{
    if (rows.isEmpty()) {
        return true;
    }
    // Already one block, and the destination is inside it or right after it.
    for (int i = 1; i < rows.size(); ++i) {
        if (rows.at(i) != rows.at(i - 1) + 1) {
            return false;
        }
    }
    return destination >= rows.first() && destination <= rows.last() + 1;
}

#include "insertrulescommand.h"

#include "ruletablemodel.h"

namespace {
QVector<int> consecutive(int first, qsizetype count)
{
    QVector<int> rows;
    rows.reserve(count);
    for (int i = 0; i < count; ++i) {
        rows.append(first + i);
    }
    return rows;
}
} // namespace

InsertRulesCommand::InsertRulesCommand(RuleTableModel *model, int row,
                                       const QVector<RuleRow> &rules, const QString &text,
                                       QUndoCommand *parent)
    : InsertRulesCommand(model, consecutive(qBound(0, row, model->rowCount()), rules.size()), rules,
                         text, parent)
{}

InsertRulesCommand::InsertRulesCommand(RuleTableModel *model, const QVector<int> &rows,
                                       const QVector<RuleRow> &rules, const QString &text,
                                       QUndoCommand *parent)
    : QUndoCommand(text, parent), m_model(model), m_rows(rows), m_rules(rules)
{
    Q_ASSERT(rows.size() == rules.size());
}

void InsertRulesCommand::redo()
{
    // Inserted run by run from the top, each row is already where it belongs.
    m_model->restoreRules(m_rows, m_rules);
}

void InsertRulesCommand::undo()
{
    m_model->removeRules(m_rows);
}

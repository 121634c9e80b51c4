#include "insertrulescommand.h"

#include "ruletablemodel.h"

InsertRulesCommand::InsertRulesCommand(RuleTableModel *model, int row,
                                       const QVector<RuleRow> &rules, const QString &text,
                                       QUndoCommand *parent)
    : QUndoCommand(text, parent), m_model(model), m_row(row), m_rules(rules)
{}

void InsertRulesCommand::redo()
{
    m_model->insertRules(m_row, m_rules);
}

void InsertRulesCommand::undo()
{
    QVector<int> rows;
    rows.reserve(m_rules.size());
    for (int i = 0; i < m_rules.size(); ++i) {
        rows.append(m_row + i);
    }
    m_model->removeRules(rows);
}

#include "replacerulescommand.h"

#include "ruletablemodel.h"

ReplaceRulesCommand::ReplaceRulesCommand(RuleTableModel *model, const QVector<RuleRow> &rules,
                                         const QString &text, QUndoCommand *parent)
    : QUndoCommand(text, parent), m_model(model), m_before(model->rules()), m_after(rules)
{}

void ReplaceRulesCommand::redo()
{
    m_model->resetRules(m_after);
}

void ReplaceRulesCommand::undo()
{
    m_model->resetRules(m_before);
}

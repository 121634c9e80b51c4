#include "editrulecommand.h"

#include "ruletablemodel.h"

EditRuleCommand::EditRuleCommand(RuleTableModel *model, int row, const QString &newSpec,
                                 const QString &text, QUndoCommand *parent)
    : QUndoCommand(text, parent), m_model(model), m_row(row), m_before(model->ruleAt(row))
{
    m_after = m_before;
    m_after.setSpec(newSpec);
    // A changed rule is a new kernel rule: the old counters and verbatim entry no longer apply.
    m_after.verbatimId.clear();
    m_after.unknownExtensions.clear();
    m_after.hasCounters = false;
    m_after.packets = 0;
    m_after.bytes = 0;
    m_after.baselineIndex = -1;
    m_after.editedFrom = m_before.baselineIndex >= 0 ? m_before.baselineIndex : m_before.editedFrom;
    m_after.addedOutside = false; // the user has seen it now: it is the user's rule
}

void EditRuleCommand::redo()
{
    m_model->replaceRule(m_row, m_after);
}

void EditRuleCommand::undo()
{
    m_model->replaceRule(m_row, m_before);
}

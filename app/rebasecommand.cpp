#include "rebasecommand.h"

#include "ruletablemodel.h"

RebaseCommand::RebaseCommand(EditSession *session, const QVector<RuleRow> &rows,
                             const EditSession::BaselineState &before,
                             const EditSession::BaselineState &after, const QString &text,
                             QUndoCommand *parent)
    : QUndoCommand(text, parent), m_session(session), m_before(session->model()->rules()),
      m_after(rows), m_baselineBefore(before), m_baselineAfter(after)
{}

void RebaseCommand::redo()
{
    // Rows first: the baseline's change tells the window to look at the table again.
    m_session->model()->resetRules(m_after);
    m_session->restoreBaselineState(m_baselineAfter);
}

void RebaseCommand::undo()
{
    m_session->model()->resetRules(m_before);
    m_session->restoreBaselineState(m_baselineBefore);
}

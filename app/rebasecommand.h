#pragma once

#include "editsession.h"
#include "rulerow.h"

#include <QUndoCommand>
#include <QVector>

class RuleTableModel;

/**
 * The table put on top of rules changed outside Userchain (EditSession::rebase): the rows and
 * the baseline change together, so undoing it brings back both the table as it was and the
 * "changed outside" state it was in, and the commands before it still fit their rows.
 */
class RebaseCommand final : public QUndoCommand
{
public:
    RebaseCommand(EditSession *session, const QVector<RuleRow> &rows,
                  const EditSession::BaselineState &before, const EditSession::BaselineState &after,
                  const QString &text, QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    EditSession *m_session;
    QVector<RuleRow> m_before;
    QVector<RuleRow> m_after;
    EditSession::BaselineState m_baselineBefore;
    EditSession::BaselineState m_baselineAfter;
};

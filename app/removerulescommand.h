#pragma once

#include "rulerow.h"

#include <QUndoCommand>
#include <QVector>

class RuleTableModel;

/// Deletes any set of rows; undo puts each back where it was.
class RemoveRulesCommand final : public QUndoCommand
{
public:
    /// `rows` in any order; duplicates are ignored.
    RemoveRulesCommand(RuleTableModel *model, const QVector<int> &rows,
                       QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    RuleTableModel *m_model;
    QVector<int> m_rows; ///< ascending
    QVector<RuleRow> m_removed;
};

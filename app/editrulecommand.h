#pragma once

#include "rulerow.h"

#include <QUndoCommand>

class RuleTableModel;

/// Replaces the text of one rule (in-place edit or the rule dialog). The row keeps its id.
class EditRuleCommand final : public QUndoCommand
{
public:
    EditRuleCommand(RuleTableModel *model, int row, const QString &newSpec, const QString &text,
                    QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    RuleTableModel *m_model;
    int m_row;
    RuleRow m_before;
    RuleRow m_after;
};

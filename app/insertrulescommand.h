#pragma once

#include "rulerow.h"

#include <QUndoCommand>
#include <QVector>

class RuleTableModel;

/// Adds rules at one position: add, duplicate, a wizard's rules, an import appended.
class InsertRulesCommand final : public QUndoCommand
{
public:
    InsertRulesCommand(RuleTableModel *model, int row, const QVector<RuleRow> &rules,
                       const QString &text, QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    RuleTableModel *m_model;
    int m_row;
    QVector<RuleRow> m_rules;
};

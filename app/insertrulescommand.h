#pragma once

#include "rulerow.h"

#include <QUndoCommand>
#include <QVector>

class RuleTableModel;

/// Adds rules: at one position (add, duplicate, a wizard's rules) or at several (an import).
class InsertRulesCommand final : public QUndoCommand
{
public:
    InsertRulesCommand(RuleTableModel *model, int row, const QVector<RuleRow> &rules,
                       const QString &text, QUndoCommand *parent = nullptr);
    /// rows: ascending, the row each of `rules` has once they are in (an import's -I and -A).
    InsertRulesCommand(RuleTableModel *model, const QVector<int> &rows,
                       const QVector<RuleRow> &rules, const QString &text,
                       QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    RuleTableModel *m_model;
    QVector<int> m_rows;
    QVector<RuleRow> m_rules;
};

#pragma once

#include "rulerow.h"

#include <QUndoCommand>
#include <QVector>

class RuleTableModel;

/// Replaces the whole table: the recommended policy, an import that replaces.
class ReplaceRulesCommand final : public QUndoCommand
{
public:
    ReplaceRulesCommand(RuleTableModel *model, const QVector<RuleRow> &rules, const QString &text,
                        QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    RuleTableModel *m_model;
    QVector<RuleRow> m_before;
    QVector<RuleRow> m_after;
};

#pragma once

#include <QUndoCommand>
#include <QVector>

class RuleTableModel;

/// Reorders: a drop, Ctrl+Up/Down. The moved rows end up as one block.
class MoveRulesCommand final : public QUndoCommand
{
public:
    /// `rows` ascending; `destination` is an insertion point (0..rowCount()) before the move.
    MoveRulesCommand(RuleTableModel *model, const QVector<int> &rows, int destination,
                     const QString &text, QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

    /// True if moving `rows` to `destination` would leave the order as it is.
    static bool isNoOp(const QVector<int> &rows, int destination);
    /// The first row of the moved block after redo().
    int firstRow() const { return m_first; }
    int rowCount() const { return int(m_rows.size()); }

private:
    RuleTableModel *m_model;
    QVector<int> m_rows;
    int m_destination;
    int m_first = -1;
};

#pragma once

#include <QTableView>

/**
 * The table of RuleTableView. An in-place edit (CellEditor) whose text would not make a valid
 * rule is neither committed nor closed, whichever way the user leaves it (Enter, Tab, a click
 * elsewhere): the editor stays open with what was typed and the reason at the cell, until the
 * text is fixed or Escape gives up the edit.
 */
class RuleTable final : public QTableView
{
    Q_OBJECT
public:
    explicit RuleTable(QWidget *parent = nullptr);

protected slots:
    void commitData(QWidget *editor) override;
    void closeEditor(QWidget *editor, QAbstractItemDelegate::EndEditHint hint) override;
};

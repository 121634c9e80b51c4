#include "removerulescommand.h"

#include "ruletablemodel.h"

#include <QCoreApplication>
#include <algorithm>

RemoveRulesCommand::RemoveRulesCommand(RuleTableModel *model, const QVector<int> &rows,
                                       QUndoCommand *parent)
    : QUndoCommand(parent), m_model(model), m_rows(rows)
{
    std::sort(m_rows.begin(), m_rows.end());
    m_rows.erase(std::unique(m_rows.begin(), m_rows.end()), m_rows.end());
    setText(m_rows.size() == 1
                ? QCoreApplication::translate("RemoveRulesCommand", "Delete rule %1")
                      .arg(m_rows.first() + 1)
                : QCoreApplication::translate("RemoveRulesCommand", "Delete %n rules", nullptr,
                                              int(m_rows.size())));
}

void RemoveRulesCommand::redo()
{
    m_removed = m_model->removeRules(m_rows);
}

void RemoveRulesCommand::undo()
{
    m_model->restoreRules(m_rows, m_removed);
}

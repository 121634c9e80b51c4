#include "ruleactions.h"

#include "editrulecommand.h"
#include "editsession.h"
#include "hostinfo.h"
#include "insertrulescommand.h"
#include "modalrunner.h"
#include "moverulescommand.h"
#include "rawruledialog.h"
#include "removerulescommand.h"
#include "replacerulescommand.h"
#include "ruletablemodel.h"
#include "ruletableview.h"

#include <QApplication>
#include <QClipboard>
#include <QUndoStack>

RuleActions::RuleActions(EditSession *session, RuleTableView *view, QWidget *dialogParent,
                         QObject *parent)
    : QObject(parent), m_session(session), m_view(view), m_dialogParent(dialogParent)
{}

WizardContext RuleActions::wizardContext() const
{
    WizardContext context = HostInfo::context(m_session->snapshot());
    if (m_interfaces) {
        context.interfaces = *m_interfaces;
    }
    return context;
}

int RuleActions::insertionRow() const
{
    const QVector<int> selected = m_view->selectedRows();
    if (!selected.isEmpty()) {
        return selected.first();
    }
    const RuleTableModel *model = m_session->model();
    const int count = model->rowCount();
    if (count > 0 && model->ruleAt(count - 1).spec == QLatin1String("-j RETURN")) {
        return count - 1;
    }
    return count;
}

void RuleActions::insertRules(const QStringList &specs, const QString &undoText)
{
    if (specs.isEmpty()) {
        return;
    }
    RuleTableModel *model = m_session->model();
    QVector<RuleRow> rows;
    rows.reserve(specs.size());
    for (const QString &spec : specs) {
        rows.append(model->makeRow(spec));
    }
    const int row = insertionRow();
    m_session->undoStack()->push(new InsertRulesCommand(model, row, rows, undoText));
    m_view->selectRows(row, int(rows.size()));
}

void RuleActions::addRule()
{
    RawRuleDialog dialog(m_session->family(), m_dialogParent);
    dialog.setWindowTitle(tr("Add rule — Userchain"));
    if (ModalRunner::exec(&dialog) == QDialog::Accepted && dialog.isValid()) {
        insertRules({dialog.spec()}, tr("Add rule"));
    }
}

void RuleActions::editRule(int row)
{
    RuleTableModel *model = m_session->model();
    if (row < 0 || row >= model->rowCount()) {
        return;
    }
    if (model->ruleAt(row).isVerbatim()) {
        emit statusMessage(
            tr("Rule %1 is kept verbatim: it can be moved or deleted, not edited.").arg(row + 1));
        return;
    }
    RawRuleDialog dialog(m_session->family(), m_dialogParent);
    dialog.setWindowTitle(tr("Edit rule %1 — Userchain").arg(row + 1));
    dialog.setSpec(model->ruleAt(row).spec);
    if (ModalRunner::exec(&dialog) == QDialog::Accepted && dialog.isValid() &&
        dialog.spec() != model->ruleAt(row).spec) {
        m_session->undoStack()->push(
            new EditRuleCommand(model, row, dialog.spec(), tr("Edit rule %1").arg(row + 1)));
    }
}

void RuleActions::editSelected()
{
    const QVector<int> rows = m_view->selectedRows();
    if (!rows.isEmpty()) {
        editRule(rows.first());
    }
}

void RuleActions::duplicateSelected()
{
    const QVector<int> rows = m_view->selectedRows();
    if (rows.isEmpty()) {
        return;
    }
    RuleTableModel *model = m_session->model();
    QVector<RuleRow> copies;
    for (int row : rows) {
        RuleRow copy = model->makeRow(model->ruleAt(row).spec);
        // A verbatim rule's copy is the same kernel entry again: keep its id so it stays exact.
        copy.verbatimId = model->ruleAt(row).verbatimId;
        copy.unknownExtensions = model->ruleAt(row).unknownExtensions;
        copies.append(copy);
    }
    const int at = rows.last() + 1;
    m_session->undoStack()->push(new InsertRulesCommand(
        model, at, copies,
        rows.size() == 1 ? tr("Duplicate rule %1").arg(rows.first() + 1)
                         : tr("Duplicate %n rules", nullptr, int(rows.size()))));
    m_view->selectRows(at, int(copies.size()));
}

void RuleActions::deleteSelected()
{
    const QVector<int> rows = m_view->selectedRows();
    if (rows.isEmpty()) {
        return;
    }
    m_session->undoStack()->push(new RemoveRulesCommand(m_session->model(), rows));
}

void RuleActions::moveSelected(int delta)
{
    const QVector<int> rows = m_view->selectedRows();
    RuleTableModel *model = m_session->model();
    if (rows.isEmpty()) {
        return;
    }
    const int destination = delta < 0 ? rows.first() - 1 : rows.last() + 2;
    if (destination < 0 || destination > model->rowCount() ||
        MoveRulesCommand::isNoOp(rows, destination)) {
        return;
    }
    const QString text =
        rows.size() == 1
            ? (delta < 0 ? tr("Move rule %1 up") : tr("Move rule %1 down")).arg(rows.first() + 1)
            : (delta < 0 ? tr("Move %n rules up", nullptr, int(rows.size()))
                         : tr("Move %n rules down", nullptr, int(rows.size())));
    auto *command = new MoveRulesCommand(model, rows, destination, text);
    m_session->undoStack()->push(command);
    m_view->selectRows(command->firstRow(), command->rowCount());
}

void RuleActions::moveSelectedUp()
{
    moveSelected(-1);
}

void RuleActions::moveSelectedDown()
{
    moveSelected(+1);
}

QString RuleActions::copySelectedAsCommand()
{
    const QVector<int> rows = m_view->selectedRows();
    QStringList lines;
    for (int row : rows) {
        lines << QStringLiteral("iptables -I DOCKER-USER %1 %2")
                     .arg(row + 1)
                     .arg(m_session->model()->ruleAt(row).spec);
    }
    const QString text = lines.join(QLatin1Char('\n'));
    if (!text.isEmpty()) {
        QApplication::clipboard()->setText(text);
        emit statusMessage(tr("Copied: %1").arg(lines.first()));
    }
    return text;
}

void RuleActions::runWizard(RuleWizard::Kind kind)
{
    RuleTableModel *model = m_session->model();
    RuleWizard *wizard =
        RuleWizard::create(kind, wizardContext(), model->rowCount(), m_dialogParent);
    wizard->setAttribute(Qt::WA_DeleteOnClose, false);
    const int result = ModalRunner::exec(wizard);
    const QStringList rules = wizard->rules();
    const bool replace = wizard->replaceTable();
    delete wizard;
    if (result != QDialog::Accepted || rules.isEmpty()) {
        return;
    }
    if (replace) {
        QVector<RuleRow> rows;
        for (const QString &spec : rules) {
            rows.append(model->makeRow(spec));
        }
        m_session->undoStack()->push(
            new ReplaceRulesCommand(model, rows, tr("Replace rules with the recommended policy")));
        return;
    }
    insertRules(rules, RuleWizard::title(kind));
}

#include "ruleactions.h"

#include "editrulecommand.h"
#include "editsession.h"
#include "familytext.h"
#include "hostinfo.h"
#include "importplacement.h"
#include "insertrulescommand.h"
#include "modalrunner.h"
#include "moverulescommand.h"
#include "rawruledialog.h"
#include "removerulescommand.h"
#include "replacerulescommand.h"
#include "ruletablemodel.h"
#include "ruletableview.h"
#include "workspace.h"

#include <QApplication>
#include <QClipboard>
#include <QUndoStack>
#include <algorithm>

using Userchain::Family;

RuleActions::RuleActions(Workspace *workspace, QWidget *dialogParent, QObject *parent)
    : QObject(parent), m_workspace(workspace), m_dialogParent(dialogParent)
{}

void RuleActions::setView(Family family, RuleTableView *view)
{
    m_views[family == Family::IPv6 ? 1 : 0] = view;
}

EditSession *RuleActions::session() const
{
    return m_workspace->current();
}

RuleTableView *RuleActions::view(Family family) const
{
    return m_views.at(family == Family::IPv6 ? 1 : 0);
}

RuleTableView *RuleActions::view() const
{
    return view(m_workspace->currentFamily());
}

bool RuleActions::otherFamilyEditable() const
{
    return m_workspace->session(FamilyText::other(m_workspace->currentFamily()))->isEditable();
}

WizardContext RuleActions::wizardContext() const
{
    WizardContext context = HostInfo::context(session()->snapshot());
    context.family = session()->family();
    context.otherFamilyAvailable = otherFamilyEditable();
    if (m_interfaces) {
        context.interfaces = *m_interfaces;
    }
    context.currentRules = session()->model()->specs();
    context.insertionRow = insertionRow();
    if (session()->hasSnapshot()) {
        context.snapshot = session()->editedSnapshot();
    }
    return context;
}

int RuleActions::insertionRow() const
{
    return insertionRow(m_workspace->currentFamily());
}

int RuleActions::insertionRow(Family family) const
{
    // The selection counts only on screen: a rule added to the other family as well goes where
    // new rules go there, not next to a selection the user cannot see.
    RuleTableView *v = family == m_workspace->currentFamily() ? view(family) : nullptr;
    if (v) {
        const QVector<int> selected = v->selectedRows();
        if (!selected.isEmpty()) {
            return selected.first();
        }
    }
    const RuleTableModel *model = m_workspace->session(family)->model();
    const int count = model->rowCount();
    if (count > 0 && model->ruleAt(count - 1).spec == QLatin1String("-j RETURN")) {
        return count - 1;
    }
    return count;
}

void RuleActions::insertRules(const QStringList &specs, const QString &undoText)
{
    insertRules(m_workspace->currentFamily(), specs, undoText);
}

void RuleActions::insertRules(Family family, const QStringList &specs, const QString &undoText,
                              int row)
{
    if (specs.isEmpty()) {
        return;
    }
    EditSession *target = m_workspace->session(family);
    RuleTableModel *model = target->model();
    QVector<RuleRow> rows;
    rows.reserve(specs.size());
    for (const QString &spec : specs) {
        rows.append(model->makeRow(spec));
    }
    if (row < 0) {
        row = insertionRow(family);
    }
    row = qBound(0, row, model->rowCount());
    target->undoStack()->push(new InsertRulesCommand(model, row, rows, undoText));
    if (RuleTableView *v = view(family); v && family == m_workspace->currentFamily()) {
        v->selectRows(row, int(rows.size()));
    }
}

void RuleActions::alsoInOtherFamily(const QStringList &specs, bool replace, const QString &undoText)
{
    const Family from = m_workspace->currentFamily();
    const Family to = FamilyText::other(from);
    if (specs.isEmpty() || !m_workspace->session(to)->isEditable()) {
        return;
    }
    const QString text = tr("%1 (from %2)").arg(undoText, FamilyText::name(from));
    if (replace) {
        RuleTableModel *model = m_workspace->session(to)->model();
        QVector<RuleRow> rows;
        for (const QString &spec : specs) {
            rows.append(model->makeRow(spec));
        }
        m_workspace->session(to)->undoStack()->push(new ReplaceRulesCommand(model, rows, text));
    } else {
        insertRules(to, specs, text);
    }
    emit statusMessage(tr("Added to %1 and %2; each family applies and undoes on its own.")
                           .arg(FamilyText::name(from), FamilyText::name(to)));
}

void RuleActions::addRule()
{
    RawRuleDialog dialog(session()->family(), m_dialogParent);
    dialog.setWindowTitle(tr("Add %1 rule").arg(FamilyText::name(session()->family())));
    dialog.setOtherFamilyAvailable(otherFamilyEditable());
    dialog.setSeveralAllowed(true);
    if (ModalRunner::exec(&dialog) == QDialog::Accepted && dialog.isValid()) {
        const QString other = dialog.otherFamilySpec();
        // A command typed as on Docker's page goes where it says, as an imported one would.
        int row = -1;
        if (const auto command = dialog.command()) {
            row = command->insert ? command->position - 1
                                  : ImportPlacement::appendRow(session()->model());
        }
        const QStringList specs = dialog.specs();
        insertRules(session()->family(), specs,
                    specs.size() > 1 ? tr("Add %n rules", nullptr, int(specs.size()))
                    : other.isEmpty()
                        ? tr("Add rule")
                        : tr("Add rule (also in %1)")
                              .arg(FamilyText::name(FamilyText::other(session()->family()))),
                    row);
        if (!other.isEmpty()) {
            alsoInOtherFamily({other}, false, tr("Add rule"));
        }
    }
}

void RuleActions::editRule(int row)
{
    RuleTableModel *model = session()->model();
    if (row < 0 || row >= model->rowCount()) {
        return;
    }
    if (model->ruleAt(row).isVerbatim()) {
        emit statusMessage(
            tr("Rule %1 is kept verbatim: it can be moved or deleted, not edited.").arg(row + 1));
        return;
    }
    RawRuleDialog dialog(session()->family(), m_dialogParent);
    dialog.setWindowTitle(tr("Edit rule %1").arg(row + 1));
    dialog.setSpec(model->ruleAt(row).spec);
    if (ModalRunner::exec(&dialog) == QDialog::Accepted && dialog.isValid() &&
        dialog.spec() != model->ruleAt(row).spec) {
        session()->undoStack()->push(
            new EditRuleCommand(model, row, dialog.spec(), tr("Edit rule %1").arg(row + 1)));
    }
}

void RuleActions::editSelected()
{
    const QVector<int> rows = view()->selectedRows();
    if (!rows.isEmpty()) {
        editRule(rows.first());
    }
}

void RuleActions::duplicateSelected()
{
    const QVector<int> rows = view()->selectedRows();
    if (rows.isEmpty()) {
        return;
    }
    RuleTableModel *model = session()->model();
    QVector<RuleRow> copies;
    for (int row : rows) {
        RuleRow copy = model->makeRow(model->ruleAt(row).spec);
        // A verbatim rule's copy is the same kernel entry again: keep its id so it stays exact.
        copy.verbatimId = model->ruleAt(row).verbatimId;
        copy.unknownExtensions = model->ruleAt(row).unknownExtensions;
        copies.append(copy);
    }
    const int at = rows.last() + 1;
    session()->undoStack()->push(new InsertRulesCommand(
        model, at, copies,
        rows.size() == 1 ? tr("Duplicate rule %1").arg(rows.first() + 1)
                         : tr("Duplicate %n rules", nullptr, int(rows.size()))));
    view()->selectRows(at, int(copies.size()));
}

void RuleActions::deleteSelected()
{
    const QVector<int> rows = view()->selectedRows();
    if (rows.isEmpty()) {
        return;
    }
    session()->undoStack()->push(new RemoveRulesCommand(session()->model(), rows));
}

void RuleActions::moveSelected(int delta)
{
    const QVector<int> rows = view()->selectedRows();
    RuleTableModel *model = session()->model();
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
    session()->undoStack()->push(command);
    view()->selectRows(command->firstRow(), command->rowCount());
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
    const QVector<int> rows = view()->selectedRows();
    QStringList lines;
    for (int row : rows) {
        lines << QStringLiteral("%1 -I DOCKER-USER %2 %3")
                     .arg(FamilyText::tool(session()->family()))
                     .arg(row + 1)
                     .arg(session()->model()->ruleAt(row).spec);
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
    RuleTableModel *model = session()->model();
    RuleWizard *wizard =
        RuleWizard::create(kind, wizardContext(), model->rowCount(), m_dialogParent);
    wizard->setAttribute(Qt::WA_DeleteOnClose, false);
    const int result = ModalRunner::exec(wizard);
    const QStringList rules = wizard->rules();
    const QStringList otherRules = wizard->otherFamilyRules();
    const bool replace = wizard->replaceTable();
    const int row = wizard->insertionRow();
    delete wizard;
    if (result != QDialog::Accepted || rules.isEmpty()) {
        return;
    }
    const QString text =
        replace ? tr("Replace rules with the recommended policy") : RuleWizard::title(kind);
    const QString here =
        otherRules.isEmpty()
            ? text
            : tr("%1 (also in %2)")
                  .arg(text, FamilyText::name(FamilyText::other(session()->family())));
    if (replace) {
        QVector<RuleRow> rows;
        for (const QString &spec : rules) {
            rows.append(model->makeRow(spec));
        }
        session()->undoStack()->push(new ReplaceRulesCommand(model, rows, here));
    } else {
        insertRules(session()->family(), rules, here, row);
    }
    alsoInOtherFamily(otherRules, replace, text);
}

QVector<Userchain::RuleLint> RuleActions::fixes(int row) const
{
    QVector<Userchain::RuleLint> out;
    for (const Userchain::RuleLint &lint : session()->model()->lintsAt(row)) {
        if (lint.hasFix) {
            out.append(lint);
        }
    }
    return out;
}

std::optional<Userchain::RuleLint> RuleActions::selectedFix() const
{
    RuleTableView *v = view();
    const QVector<int> rows = v ? v->selectedRows() : QVector<int>();
    if (rows.isEmpty()) {
        return std::nullopt;
    }
    const QVector<Userchain::RuleLint> offered = fixes(rows.first());
    return offered.isEmpty() ? std::nullopt : std::optional(offered.first());
}

bool RuleActions::applyFix(int row, const Userchain::RuleLint &lint)
{
    RuleTableModel *model = session()->model();
    if (row < 0 || row >= model->rowCount() || !lint.hasFix ||
        model->ruleAt(row).spec != lint.spec) {
        return false;
    }
    const QString text = tr("Fix rule %1: %2").arg(row + 1).arg(lint.fixSummary);
    // One step however many rules the fix has: the first takes the row's place (keeping its
    // id), the others follow it; no rules means the row goes.
    auto *command = new QUndoCommand(text);
    if (lint.fix.isEmpty()) {
        new RemoveRulesCommand(model, {row}, command);
    } else {
        new EditRuleCommand(model, row, lint.fix.first(), text, command);
        QVector<RuleRow> more;
        for (int i = 1; i < lint.fix.size(); ++i) {
            more.append(model->makeRow(lint.fix.at(i)));
        }
        if (!more.isEmpty()) {
            new InsertRulesCommand(model, row + 1, more, text, command);
        }
    }
    session()->undoStack()->push(command);
    if (!lint.fix.isEmpty()) {
        view()->selectRows(row, int(lint.fix.size()));
    }
    emit statusMessage(text);
    return true;
}

void RuleActions::fixSelected()
{
    if (const auto lint = selectedFix()) {
        applyFix(view()->selectedRows().first(), *lint);
    }
}

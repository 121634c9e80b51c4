#include "copytohost.h"

#include "applycontroller.h"
#include "connectdialog.h"
#include "connectioncontroller.h"
#include "editsession.h"
#include "familytext.h"
#include "hostwindows.h"
#include "mainwindow.h"
#include "modalrunner.h"
#include "recenthosts.h"
#include "replacerulescommand.h"
#include "ruletablemodel.h"
#include "workspace.h"

#include <QMessageBox>
#include <QUndoStack>

using Userchain::Family;

namespace {
int slot(Family family)
{
    return family == Family::IPv6 ? 1 : 0;
}

QString nameOf(const MainWindow *window)
{
    return window->host().isEmpty() ? CopyToHost::tr("this computer") : window->host();
}
} // namespace

void CopyToHost::start(MainWindow *source)
{
    Tables tables;
    tables.from = nameOf(source);
    QStringList verbatim;
    for (const Family family : Workspace::families()) {
        const EditSession *session = source->workspace()->session(family);
        if (!session->hasSnapshot() || !session->isEditable()) {
            continue;
        }
        const RuleTableModel *model = session->model();
        for (int row = 0; row < model->rowCount(); ++row) {
            const RuleRow &rule = model->ruleAt(row);
            if (rule.isVerbatim()) {
                verbatim << tr("%1 rule %2: %3")
                                .arg(FamilyText::name(family))
                                .arg(row + 1)
                                .arg(rule.spec);
            }
            tables.rules[slot(family)] << rule.spec;
        }
        tables.present[slot(family)] = true;
    }
    if (!verbatim.isEmpty() || !(tables.present[0] || tables.present[1])) {
        QMessageBox box(
            QMessageBox::Warning, tr("These rules cannot be carried to another host"),
            verbatim.isEmpty()
                ? tr("There is no DOCKER-USER table here to carry.")
                : tr("Userchain keeps these rules exactly as the kernel of %1 holds them, without "
                     "reading them, so they cannot be written on another host:\n\n%2\n\nDelete "
                     "or rewrite them first.")
                      .arg(tables.from, verbatim.join(QLatin1Char('\n'))),
            QMessageBox::Ok, source);
        box.setObjectName(QStringLiteral("copyRefused"));
        ModalRunner::exec(&box);
        return;
    }
    ConnectDialog dialog(source);
    dialog.setWindowTitle(tr("Apply These Rules to Another Host"));
    dialog.setIntro(tr("The DOCKER-USER rules shown here (%1, unapplied edits included) replace "
                       "those of the host you choose, in its own window: you review the "
                       "difference to its current rules before anything is applied there.")
                        .arg(tables.from));
    if (ModalRunner::exec(&dialog) != QDialog::Accepted || !dialog.target()) {
        return;
    }
    if (HostWindows::find(*dialog.target()) == source) {
        source->showStatusMessage(tr("These rules are already those of %1.").arg(tables.from));
        return;
    }
    RecentHosts::add(dialog.target()->displayName());
    carry(tables, HostWindows::open(*dialog.target()));
}

void CopyToHost::carry(const Tables &tables, MainWindow *target)
{
    auto *copy = new CopyToHost(tables, target);
    copy->tryCarry();
}

CopyToHost::CopyToHost(const Tables &tables, MainWindow *target)
    : QObject(target), m_tables(tables), m_target(target)
{
    for (const Family family : Workspace::families()) {
        connect(target->workspace()->session(family), &EditSession::snapshotChanged, this,
                &CopyToHost::tryCarry);
    }
    // Not connected yet or any more: the connection bar says why; the copy waits for it.
    target->showStatusMessage(tr("Reading the rules of %1 before the rules of %2 replace them…")
                                  .arg(nameOf(target), m_tables.from));
}

void CopyToHost::tryCarry()
{
    if (m_done) {
        return;
    }
    Workspace *workspace = m_target->workspace();
    for (const Family family : Workspace::families()) {
        if (m_tables.present[slot(family)] && !workspace->session(family)->hasSnapshot()) {
            return; // still reading
        }
    }
    m_done = true;
    QStringList skipped;
    for (const Family family : Workspace::families()) {
        if (!m_tables.present[slot(family)]) {
            continue;
        }
        EditSession *session = workspace->session(family);
        if (!session->isEditable()) {
            skipped << FamilyText::name(family);
            continue;
        }
        RuleTableModel *model = session->model();
        QVector<RuleRow> rows;
        for (const QString &spec : std::as_const(m_tables.rules[slot(family)])) {
            rows.append(model->makeRow(spec));
        }
        session->undoStack()->push(
            new ReplaceRulesCommand(model, rows, tr("Rules of %1").arg(m_tables.from)));
    }
    if (!skipped.isEmpty()) {
        m_target->showStatusMessage(
            tr("%1 has no %2 DOCKER-USER that Userchain can edit: those rules were not carried.")
                .arg(nameOf(m_target), skipped.join(tr(" and "))));
    }
    m_target->applyController()->startApply();
    deleteLater();
}

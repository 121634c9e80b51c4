#include "applycontroller.h"

#include "chainlayout.h"
#include "editsession.h"
#include "exposuresummary.h"
#include "familytext.h"
#include "helperclient.h"
#include "helpercodetext.h"
#include "lintreview.h"
#include "modalrunner.h"
#include "ruleset.h"
#include "ruletablemodel.h"
#include "themecolors.h"
#include "workspace.h"

#include <QGuiApplication>
#include <QMessageBox>
#include <QPushButton>

using Userchain::ApplyCreateChain;
using Userchain::ApplyCreateJump;
using Userchain::Family;
using Userchain::RuleDiff;

ApplyController::ApplyController(Workspace *workspace, HelperClient *helper, QWidget *dialogParent,
                                 QObject *parent)
    : QObject(parent), m_workspace(workspace), m_helper(helper), m_dialogParent(dialogParent)
{
    connect(helper, &HelperClient::applied, this, &ApplyController::onApplied);
    connect(helper, &HelperClient::applyFailed, this, &ApplyController::onApplyFailed);
    connect(helper, &HelperClient::confirmed, this, &ApplyController::onConfirmed);
    connect(helper, &HelperClient::confirmFailed, this, &ApplyController::onConfirmFailed);
    connect(helper, &HelperClient::rolledBack, this, &ApplyController::onRolledBack);
    connect(helper, &HelperClient::rollbackFailed, this, &ApplyController::onRollbackFailed);
}

void ApplyController::setState(State state)
{
    const bool wasBusy = isBusy();
    m_state = state;
    if (wasBusy != isBusy()) {
        emit busyChanged(isBusy());
    }
}

int ApplyController::ask(const QString &title, const QString &text, const QString &yesText)
{
    QMessageBox box(QMessageBox::Question, title, text, QMessageBox::Cancel, m_dialogParent);
    box.setObjectName(QStringLiteral("applyQuestion"));
    QPushButton *yes = box.addButton(yesText, QMessageBox::AcceptRole);
    box.setDefaultButton(yes);
    const int result = ModalRunner::exec(&box);
    // A test hook answers with QMessageBox::Yes/AcceptRole; a person clicks the button.
    return (box.clickedButton() == yes || result == QMessageBox::Yes ||
            result == QMessageBox::AcceptRole)
               ? QMessageBox::Yes
               : QMessageBox::Cancel;
}

void ApplyController::tell(const QString &title, const QString &text, bool error)
{
    QMessageBox box(error ? QMessageBox::Critical : QMessageBox::Warning, title, text,
                    QMessageBox::Ok, m_dialogParent);
    box.setObjectName(QStringLiteral("applyMessage"));
    ModalRunner::exec(&box);
}

ApplyController::Step ApplyController::stepFor(Family family, uint flags) const
{
    Step step{family, flags};
    if (!m_workspace->session(family)->snapshot().dockerUserExists) {
        // Apply needs somewhere to put the rules; Docker itself would create both.
        step.flags |= ApplyCreateChain | ApplyCreateJump;
    }
    return step;
}

QString ApplyController::familyLabel(Family family) const
{
    return m_host.isEmpty() ? FamilyText::label(family)
                            : tr("%1 on %2").arg(FamilyText::label(family), m_host);
}

bool ApplyController::refuseOffline()
{
    if (m_online) {
        return false;
    }
    emit statusMessage(tr("Not connected to %1: reconnect first, then apply. Your edits are "
                          "kept meanwhile.")
                           .arg(m_host.isEmpty() ? tr("the system bus") : m_host));
    return true;
}

void ApplyController::setOnline(bool online)
{
    if (m_online == online) {
        return;
    }
    m_online = online;
    if (online) {
        return;
    }
    const QString where = m_host.isEmpty() ? tr("the system bus") : m_host;
    const QString name = FamilyText::name(m_current.family);
    QString message;
    switch (m_state) {
    case State::Idle:
    case State::Reloading:
        // Reloading: the rules are in place and kept; the snapshot comes after reconnecting.
        return;
    case State::Applying:
        message = m_lastConfirmSeconds > 0
                      ? tr("The connection to %1 was lost while applying %2: if the rules "
                           "arrived, the helper there restores the previous ones as it sees "
                           "this window go. Your edits are still here.")
                            .arg(where, name)
                      : tr("The connection to %1 was lost while applying %2: reconnect to see "
                           "which rules it holds. Your edits are still here.")
                            .arg(where, name);
        break;
    case State::AwaitingConfirmation:
    case State::RollingBack:
        message = tr("The connection to %1 was lost before the new %2 rules were kept: the "
                     "helper there restores the previous rules as it sees this window go. Your "
                     "edits are still here.")
                      .arg(where, name);
        break;
    case State::Confirming:
        message = tr("The connection to %1 was lost while keeping the new %2 rules: reconnect "
                     "to see whether they were kept. Your edits are still here.")
                      .arg(where, name);
        break;
    }
    if (m_confirm) {
        m_confirm->dismiss();
    }
    m_transaction.clear(); // late replies and RolledBack of the old connection change nothing
    stop(false, message);
}

void ApplyController::startApply()
{
    if (isBusy() || refuseOffline()) {
        return;
    }
    QVector<Step> steps;
    for (Family family : Workspace::families()) {
        const EditSession *session = m_workspace->session(family);
        if (session->isEditable() && session->isModified()) {
            steps.append(stepFor(family, 0));
        }
    }
    review(steps);
}

void ApplyController::startApply(Family family, uint flags)
{
    if (isBusy() || !m_workspace->session(family)->isEditable() || refuseOffline()) {
        return;
    }
    review({stepFor(family, flags)});
}

QStringList ApplyController::exposureChanges(const EditSession &session)
{
    using Userchain::Exposure;
    using Userchain::ExposureSummary;
    using Userchain::Ruleset;
    const Ruleset before = Ruleset::fromSnapshot(session.latestSnapshot());
    const Ruleset after = Ruleset::fromSnapshot(session.editedSnapshot());
    const auto portsAfter = Exposure::compute(after);
    if (portsAfter.isEmpty()) {
        return {};
    }
    const QStringList lines = ExposureSummary::changes(Exposure::compute(before), portsAfter,
                                                       session.family(), after.bridges());
    return lines.isEmpty() ? QStringList{tr("no change for any published port")} : lines;
}

void ApplyController::review(const QVector<Step> &steps)
{
    QVector<ApplyDialog::Review> reviews;
    QVector<Step> planned;
    for (const Step &step : steps) {
        const EditSession *session = m_workspace->session(step.family);
        const QVector<RuleDiff::Change> lines =
            RuleDiff::withContext(session->baselineSpecs(), session->model()->specs());
        const bool changes = std::any_of(lines.cbegin(), lines.cend(), [](const auto &line) {
            return line.kind != RuleDiff::Kind::Kept;
        });
        if (!changes && step.flags == 0) {
            continue;
        }
        QStringList extra;
        if (step.flags & ApplyCreateChain) {
            extra << tr("Also creates the DOCKER-USER chain.");
        }
        if (step.flags & ApplyCreateJump) {
            extra << tr("Also inserts the jump <tt>%1 -I FORWARD 1 -j DOCKER-USER</tt>, so that "
                        "forwarded traffic reaches these rules.")
                         .arg(FamilyText::tool(step.family));
        }
        // What the table on screen already warns about, said once more where it is decided.
        const RuleTableModel *model = session->model();
        const int ending = model->firstEndingRow();
        const ChainLayout::Result layout = ChainLayout::analyse(
            model->rowCount(), ending, ending >= 0 ? model->ruleAt(ending).spec : QString());
        if (ChainLayout::isWarning(layout)) {
            extra << QStringLiteral("<span style=\"color:%1\">%2</span>")
                         .arg(ThemeColors::errorText(QGuiApplication::palette()).name(),
                              ChainLayout::explain(layout));
        }
        if (const QString lints = LintReview::html(*session); !lints.isEmpty()) {
            extra << lints;
        }
        // After a rebase the kept lines include rules someone else added: say they stay.
        if (const int outside = session->rebaseSummary().keptOutside; outside == 1) {
            extra << tr("The rule added outside Userchain stays in its place.");
        } else if (outside > 1) {
            extra << tr("The %n rules added outside Userchain stay in their place.", nullptr,
                        outside);
        }
        reviews.append(
            {step.family, lines, extra.join(QLatin1Char(' ')), exposureChanges(*session)});
        planned.append(step);
    }
    if (planned.isEmpty()) {
        emit statusMessage(tr("Nothing to apply: DOCKER-USER already holds these rules."));
        return;
    }
    QString note;
    if (planned.size() > 1) {
        note = tr("%1 is applied first, then %2. With automatic revert, each family's rules are "
                  "kept on their own: the helper keeps one change pending at a time.")
                   .arg(FamilyText::name(planned.at(0).family),
                        FamilyText::name(planned.at(1).family));
    }
    ApplyDialog dialog(m_dialogParent);
    dialog.setHost(m_host);
    dialog.setConfirmSeconds(m_confirmSeconds);
    dialog.setReviews(reviews, note);
    if (ModalRunner::exec(&dialog) != QDialog::Accepted) {
        emit statusMessage(tr("Apply cancelled."));
        return;
    }
    if (refuseOffline()) {
        return; // lost while the review was open
    }
    m_lastConfirmSeconds = dialog.confirmEnabled() ? dialog.confirmSeconds() : 0;
    m_queue = planned;
    applyNext();
}

void ApplyController::applyNext()
{
    if (m_queue.isEmpty()) {
        setState(State::Idle);
        emit finished(true);
        return;
    }
    m_current = m_queue.takeFirst();
    const EditSession *session = m_workspace->session(m_current.family);
    setState(State::Applying);
    emit statusMessage(
        m_host.isEmpty()
            ? tr("Applying %1… the system may ask for an administrator's password.")
                  .arg(FamilyText::name(m_current.family))
            : tr("Applying %1 to %2 over ssh…").arg(FamilyText::name(m_current.family), m_host));
    m_sent = session->applyRules();
    m_helper->apply(int(m_current.family), m_sent, session->snapshot().revision,
                    m_lastConfirmSeconds, m_current.flags);
}

QString ApplyController::notAppliedText() const
{
    QStringList names;
    for (const Step &step : m_queue) {
        names << FamilyText::name(step.family);
    }
    return names.isEmpty()
               ? QString()
               : tr("%1 was not applied; its edits are still here.").arg(names.join(tr(" and ")));
}

void ApplyController::stop(bool kept, const QString &message)
{
    QString text = message;
    const QString rest = notAppliedText();
    if (!rest.isEmpty()) {
        text += (text.isEmpty() ? QString() : QStringLiteral(" ")) + rest;
    }
    if (!text.isEmpty()) {
        emit statusMessage(text);
    }
    m_queue.clear();
    setState(State::Idle);
    emit finished(kept);
}

void ApplyController::onApplied(const QString &transactionId, const QString &newRevision)
{
    Q_UNUSED(newRevision);
    if (m_state != State::Applying) {
        return;
    }
    m_transaction = transactionId;
    const QString label = familyLabel(m_current.family);
    if (m_lastConfirmSeconds == 0) {
        emit statusMessage(tr("Applied %1.").arg(FamilyText::name(m_current.family)));
        reload(false);
        return;
    }
    setState(State::AwaitingConfirmation);
    emit statusMessage(tr("Applied %1; waiting for you to keep the new rules.")
                           .arg(FamilyText::name(m_current.family)));
    delete m_confirm;
    m_confirm = new ConfirmDialog(m_dialogParent);
    m_confirm->setAttribute(Qt::WA_DeleteOnClose);
    QStringList next;
    for (const Step &step : std::as_const(m_queue)) {
        next << FamilyText::name(step.family);
    }
    m_confirm->setFamily(
        label, next.isEmpty() ? QString()
                              : tr("%1 follows once you keep these.").arg(next.join(tr(" and "))));
    connect(m_confirm, &ConfirmDialog::keepRequested, this, [this] {
        if (m_state != State::AwaitingConfirmation) {
            return;
        }
        setState(State::Confirming);
        m_helper->confirm(m_transaction);
    });
    connect(m_confirm, &ConfirmDialog::revertRequested, this, [this](bool timedOut) {
        if (m_state != State::AwaitingConfirmation) {
            return;
        }
        setState(State::RollingBack);
        emit statusMessage(timedOut ? tr("No answer in time: restoring the previous rules…")
                                    : tr("Restoring the previous rules…"));
        m_helper->rollback(m_transaction);
    });
    m_confirm->start(m_lastConfirmSeconds);
    m_confirm->open();
    emit confirmationStarted(m_confirm);
}

void ApplyController::reload(bool reapply)
{
    // After an apply the system's rules become the baseline; after a stale revision the
    // edits are put on top of them (EditSession::rebase).
    m_reapplyAfterReload = reapply;
    setState(State::Reloading);
    emit snapshotNeeded(int(m_current.family));
}

void ApplyController::onApplyFailed(const HelperError &error)
{
    if (m_state != State::Applying) {
        return;
    }
    setState(State::Idle);
    emit statusMessage(error.title());
    const QString name = FamilyText::name(m_current.family);
    switch (error.kind()) {
    case HelperError::Kind::StaleRevision:
        if (ask(error.title(),
                tr("DOCKER-USER (%1) was changed outside Userchain after it was loaded (by "
                   "%2, a script, or Docker restarting). Nothing was applied.\n\nKeep your "
                   "edits on top of the current rules? Rules added outside stay in their place "
                   "(marked), rules removed outside stay removed, and you review the result "
                   "before anything is applied.")
                    .arg(name, FamilyText::tool(m_current.family)),
                tr("Keep my edits (rebase)")) == QMessageBox::Yes) {
            reload(true);
            return;
        }
        // The banner then offers the same choice, and the reload that discards the edits.
        emit snapshotNeeded(int(m_current.family));
        break;
    case HelperError::Kind::ChainMissing:
        if (ask(error.title(), error.explanation(), tr("Create and apply")) == QMessageBox::Yes) {
            QVector<Step> steps{
                stepFor(m_current.family, m_current.flags | ApplyCreateChain | ApplyCreateJump)};
            steps += m_queue;
            m_queue.clear();
            review(steps);
            return;
        }
        break;
    case HelperError::Kind::Cancelled:
        tell(error.title(), error.explanation(), false);
        break;
    case HelperError::Kind::InvalidRule:
        tellRefused(error);
        break;
    default:
        tell(error.title(), error.explanation(), true);
        break;
    }
    stop(false, QString());
}

void ApplyController::tellRefused(const HelperError &error)
{
    const QString name = FamilyText::name(m_current.family);
    QStringList reasons;
    int shown = 0; // the first refused rule of the list, selected in the table
    for (const Userchain::RuleRefusal &refusal :
         Userchain::RuleRefusal::fromMessage(error.detail())) {
        const int index = refusal.number - 1;
        if (refusal.where != Userchain::RuleRefusal::Where::Rule || index < 0 ||
            index >= m_sent.size()) {
            reasons << HelperCodeText::refusal(refusal);
            continue;
        }
        QString token;
        const QString why =
            HelperCodeText::reason(refusal, m_sent.at(index).spec, m_current.family, &token);
        reasons << (token.isEmpty()
                        ? tr("Rule %1: %2").arg(refusal.number).arg(why)
                        : tr("Rule %1, at “%2”: %3").arg(refusal.number).arg(token, why));
        if (shown == 0) {
            shown = refusal.number;
        }
    }
    if (shown > 0) {
        emit ruleRefused(int(m_current.family), shown);
    }
    tell(shown > 0 ? tr("The helper refused rule %1").arg(shown) : error.title(),
         tr("Nothing was applied to %1 DOCKER-USER.").arg(name) + QStringLiteral("\n\n") +
             reasons.join(QLatin1Char('\n')),
         true);
}

bool ApplyController::consumeSnapshot(const Userchain::Snapshot &snapshot)
{
    if (m_state != State::Reloading || snapshot.family != int(m_current.family)) {
        return false;
    }
    EditSession *session = m_workspace->session(m_current.family);
    if (m_reapplyAfterReload) {
        m_reapplyAfterReload = false;
        session->rebase(snapshot);
        setState(State::Idle);
        QVector<Step> steps{m_current};
        steps += m_queue;
        m_queue.clear();
        review(steps);
        if (!isBusy()) {
            emit finished(false);
        }
        return true;
    }
    session->load(snapshot);
    emit familyApplied(int(m_current.family));
    applyNext();
    return true;
}

void ApplyController::onConfirmed(const QString &transactionId)
{
    if (transactionId != m_transaction) {
        return;
    }
    emit statusMessage(tr("Kept the new %1 rules.").arg(FamilyText::name(m_current.family)));
    reload(false);
}

void ApplyController::onConfirmFailed(const QString &transactionId, const HelperError &error)
{
    if (transactionId != m_transaction) {
        return;
    }
    // Most likely the helper's timer ran out first and the previous rules are back.
    tell(tr("The rules could not be kept"), error.explanation(), true);
    emit snapshotNeeded(int(m_current.family));
    stop(false, QString());
}

void ApplyController::onRolledBack(const QString &transactionId, const QString &reason)
{
    if (transactionId != m_transaction || m_state == State::Idle || m_state == State::Reloading) {
        return; // the helper's signal and our Rollback's reply can both arrive
    }
    if (m_confirm) {
        m_confirm->dismiss();
    }
    emit snapshotNeeded(int(m_current.family));
    // The helper restores only over the chain the apply left; otherwise it keeps the chain.
    if (reason == QLatin1String("conflict")) {
        tell(tr("The previous rules were not restored"),
             tr("Someone else changed the %1 DOCKER-USER chain after your apply, so the helper "
                "kept it as it is instead of writing the previous rules over their change. "
                "Check the rules shown now.")
                 .arg(FamilyText::name(m_current.family)),
             false);
        stop(false, QString());
        return;
    }
    if (reason == QLatin1String("failed")) {
        tell(tr("The previous rules could not be restored"),
             tr("The confirmation time ran out, but the helper could not write the previous %1 "
                "rules back: DOCKER-USER still holds the rules you applied. The helper's log "
                "says why.")
                 .arg(FamilyText::name(m_current.family)),
             true);
        stop(false, QString());
        return;
    }
    QString why = reason;
    if (reason == QLatin1String("timeout")) {
        why = tr("not confirmed in time");
    } else if (reason == QLatin1String("requested")) {
        why = tr("rolled back on request");
    }
    // Same revision as before the apply: the session keeps the edits, takes the counters.
    stop(false, tr("The previous %1 rules are back (%2). Your edits are still here.")
                    .arg(FamilyText::name(m_current.family), why));
}

void ApplyController::onRollbackFailed(const QString &transactionId, const HelperError &error)
{
    if (transactionId != m_transaction) {
        return;
    }
    tell(tr("The previous rules could not be restored"), error.explanation(), true);
    emit snapshotNeeded(int(m_current.family));
    stop(false, QString());
}

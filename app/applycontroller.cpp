#include "applycontroller.h"

#include "applydialog.h"
#include "confirmdialog.h"
#include "editsession.h"
#include "helperclient.h"
#include "modalrunner.h"
#include "rulediff.h"
#include "ruletablemodel.h"

#include <QMessageBox>
#include <QPushButton>

using Userchain::ApplyCreateChain;
using Userchain::ApplyCreateJump;

ApplyController::ApplyController(EditSession *session, HelperClient *helper, QWidget *dialogParent,
                                 QObject *parent)
    : QObject(parent), m_session(session), m_helper(helper), m_dialogParent(dialogParent)
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

void ApplyController::startApply(uint flags)
{
    if (isBusy() || !m_session->hasSnapshot()) {
        return;
    }
    m_flags = flags;
    if (!m_session->snapshot().dockerUserExists) {
        // Apply needs somewhere to put the rules; Docker itself would create both.
        m_flags |= ApplyCreateChain | ApplyCreateJump;
    }
    const RuleDiff diff =
        RuleDiff::compute(m_session->baselineSpecs(), m_session->model()->specs());
    if (diff.isEmpty() && m_flags == 0) {
        emit statusMessage(tr("Nothing to apply: DOCKER-USER already holds these rules."));
        return;
    }
    QStringList extra;
    if (m_flags & ApplyCreateChain) {
        extra << tr("Also creates the DOCKER-USER chain.");
    }
    if (m_flags & ApplyCreateJump) {
        extra << tr("Also inserts the jump <tt>-I FORWARD 1 -j DOCKER-USER</tt>, so that "
                    "forwarded traffic reaches these rules.");
    }
    ApplyDialog dialog(m_dialogParent);
    dialog.setConfirmSeconds(m_confirmSeconds);
    dialog.setDiff(diff, extra.join(QLatin1Char(' ')));
    if (ModalRunner::exec(&dialog) != QDialog::Accepted) {
        emit statusMessage(tr("Apply cancelled."));
        return;
    }
    m_lastConfirmSeconds = dialog.confirmEnabled() ? dialog.confirmSeconds() : 0;
    setState(State::Applying);
    emit statusMessage(tr("Applying… the system may ask for an administrator's password."));
    m_helper->apply(m_session->snapshot().family, m_session->applyRules(),
                    m_session->snapshot().revision, m_lastConfirmSeconds, m_flags);
}

void ApplyController::onApplied(const QString &transactionId, const QString &newRevision)
{
    Q_UNUSED(newRevision);
    if (m_state != State::Applying) {
        return;
    }
    m_transaction = transactionId;
    if (m_lastConfirmSeconds == 0) {
        emit statusMessage(tr("Applied."));
        reloadAndAdopt();
        emit finished(true);
        return;
    }
    setState(State::AwaitingConfirmation);
    emit statusMessage(tr("Applied; waiting for you to keep the new rules."));
    delete m_confirm;
    m_confirm = new ConfirmDialog(m_dialogParent);
    m_confirm->setAttribute(Qt::WA_DeleteOnClose);
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

void ApplyController::reloadAndAdopt()
{
    // The applied rules are the system's now: the next snapshot becomes the baseline.
    m_reapplyAfterReload = false;
    setState(State::Reloading);
    emit snapshotNeeded();
}

void ApplyController::onApplyFailed(const HelperError &error)
{
    if (m_state != State::Applying) {
        return;
    }
    setState(State::Idle);
    emit statusMessage(error.title());
    switch (error.kind()) {
    case HelperError::StaleRevision:
        if (ask(error.title(),
                tr("DOCKER-USER was changed outside Userchain after it was loaded (by iptables, "
                   "a script, or Docker restarting). Nothing was applied.\n\nReload the current "
                   "rules and review your table against them again?"),
                tr("Reload and reapply")) == QMessageBox::Yes) {
            m_reapplyAfterReload = true;
            setState(State::Reloading);
            emit snapshotNeeded();
            return;
        }
        break;
    case HelperError::ChainMissing:
        if (ask(error.title(), error.explanation(), tr("Create and apply")) == QMessageBox::Yes) {
            startApply(m_flags | ApplyCreateChain | ApplyCreateJump);
            return;
        }
        break;
    case HelperError::Cancelled:
        tell(error.title(), error.explanation(), false);
        break;
    default:
        tell(error.title(), error.explanation(), true);
        break;
    }
    emit finished(false);
}

bool ApplyController::consumeSnapshot(const Userchain::Snapshot &snapshot)
{
    if (m_state != State::Reloading) {
        return false;
    }
    setState(State::Idle);
    if (m_reapplyAfterReload) {
        m_reapplyAfterReload = false;
        m_session->rebase(snapshot);
        startApply(m_flags);
    } else {
        m_session->load(snapshot);
    }
    return true;
}

void ApplyController::onConfirmed(const QString &transactionId)
{
    if (transactionId != m_transaction) {
        return;
    }
    emit statusMessage(tr("Kept the new rules."));
    reloadAndAdopt();
    emit finished(true);
}

void ApplyController::onConfirmFailed(const QString &transactionId, const HelperError &error)
{
    if (transactionId != m_transaction) {
        return;
    }
    setState(State::Idle);
    // Most likely the helper's timer ran out first and the previous rules are back.
    tell(tr("The rules could not be kept"), error.explanation(), true);
    emit snapshotNeeded();
    emit finished(false);
}

void ApplyController::onRolledBack(const QString &transactionId, const QString &reason)
{
    if (transactionId != m_transaction || m_state == State::Idle || m_state == State::Reloading) {
        return; // the helper's signal and our Rollback's reply can both arrive
    }
    setState(State::Idle);
    if (m_confirm) {
        m_confirm->dismiss();
    }
    emit statusMessage(
        tr("The previous rules are back (%1). Your edits are still here.").arg(reason));
    // Same revision as before the apply: the session keeps the edits, takes the counters.
    emit snapshotNeeded();
    emit finished(false);
}

void ApplyController::onRollbackFailed(const QString &transactionId, const HelperError &error)
{
    if (transactionId != m_transaction) {
        return;
    }
    setState(State::Idle);
    tell(tr("The previous rules could not be restored"), error.explanation(), true);
    emit snapshotNeeded();
    emit finished(false);
}

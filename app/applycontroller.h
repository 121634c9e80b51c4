#pragma once

#include "confirmdialog.h"
#include "dbustypes.h"
#include "helpererror.h"

#include <QObject>
#include <QPointer>

class EditSession;
class HelperClient;
class QWidget;

/**
 * Review and apply: shows the diff, sends the table with the baseline's revision, runs the
 * "Keep these rules?" countdown for a confirmed apply, and handles a stale revision by
 * reloading and offering the same rules again. All of it asynchronous; the only modal dialogs
 * (review, questions) go through ModalRunner.
 */
class ApplyController final : public QObject
{
    Q_OBJECT
public:
    enum class State { Idle, Applying, AwaitingConfirmation, Confirming, RollingBack, Reloading };

    ApplyController(EditSession *session, HelperClient *helper, QWidget *dialogParent,
                    QObject *parent = nullptr);

    /// Review the change and apply it; `flags` are Userchain::ApplyFlag bits.
    void startApply(uint flags = 0);
    State state() const { return m_state; }
    bool isBusy() const { return m_state != State::Idle; }
    ConfirmDialog *confirmDialog() const { return m_confirm; }
    QString transactionId() const { return m_transaction; }
    void setDefaultConfirmSeconds(uint seconds) { m_confirmSeconds = seconds; }

    /**
     * Offers a snapshot to the controller first: while it reloads (after a stale revision or a
     * kept apply) the snapshot is its to use. Returns true if it took it.
     */
    bool consumeSnapshot(const Userchain::Snapshot &snapshot);

signals:
    void statusMessage(const QString &message);
    /// The controller needs a fresh snapshot (it will consume it).
    void snapshotNeeded();
    /// A confirmation countdown began; tests drive the dialog from here.
    void confirmationStarted(ConfirmDialog *dialog);
    /// The apply is over: `kept` false if nothing changed or the old rules came back.
    void finished(bool kept);
    void busyChanged(bool busy);

private:
    void setState(State state);
    void onApplied(const QString &transactionId, const QString &newRevision);
    void onApplyFailed(const HelperError &error);
    void onConfirmed(const QString &transactionId);
    void onConfirmFailed(const QString &transactionId, const HelperError &error);
    void onRolledBack(const QString &transactionId, const QString &reason);
    void onRollbackFailed(const QString &transactionId, const HelperError &error);
    int ask(const QString &title, const QString &text, const QString &yesText);
    void tell(const QString &title, const QString &text, bool error);
    void reloadAndAdopt();

    EditSession *m_session;
    HelperClient *m_helper;
    QWidget *m_dialogParent;
    QPointer<ConfirmDialog> m_confirm;
    State m_state = State::Idle;
    uint m_flags = 0;
    uint m_confirmSeconds = 30;
    uint m_lastConfirmSeconds = 0;
    QString m_transaction;
    bool m_reapplyAfterReload = false;
};

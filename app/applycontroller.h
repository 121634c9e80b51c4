#pragma once

#include "applydialog.h"
#include "confirmdialog.h"
#include "dbustypes.h"
#include "helpererror.h"

#include <QObject>
#include <QPointer>

class EditSession;
class HelperClient;
class QWidget;
class Workspace;

/**
 * Review and apply: shows the diff of every family with changes, sends each family's table with
 * its baseline's revision, one family after the other (IPv4 first), runs the "Keep these
 * rules?" countdown of a confirmed apply for each, and handles a stale revision by putting the
 * edits on top of the rules the system holds now (EditSession::rebase) and reviewing again. All of
 * it asynchronous; the only modal dialogs (review, questions) go through ModalRunner.
 *
 * Why one family after the other: the helper keeps one confirmed apply pending at a time, so
 * the second family is sent only once the first is kept. A revert or a failure stops the
 * families still waiting; their edits stay.
 */
class ApplyController final : public QObject
{
    Q_OBJECT
public:
    enum class State { Idle, Applying, AwaitingConfirmation, Confirming, RollingBack, Reloading };

    ApplyController(Workspace *workspace, HelperClient *helper, QWidget *dialogParent,
                    QObject *parent = nullptr);

    /// Review and apply every family with edits.
    void startApply();
    /// Review and apply one family; `flags` are Userchain::ApplyFlag bits.
    void startApply(Userchain::Family family, uint flags);
    State state() const { return m_state; }
    bool isBusy() const { return m_state != State::Idle; }
    /// The family being applied (meaningful while busy).
    Userchain::Family family() const { return m_current.family; }
    ConfirmDialog *confirmDialog() const { return m_confirm; }
    QString transactionId() const { return m_transaction; }
    void setDefaultConfirmSeconds(uint seconds) { m_confirmSeconds = seconds; }
    /// The remote host the rules go to (BusTarget::displayName()), named in the review and in
    /// "Keep these rules?"; empty for this computer.
    void setHost(const QString &host) { m_host = host; }
    QString host() const { return m_host; }

    /**
     * Whether the helper can be reached. Going offline ends what was under way: nothing can be
     * answered over the lost connection, and a confirmed apply that was not kept is rolled
     * back by the helper as it sees this client go; the edits stay. A family waiting for its
     * new snapshot after a kept apply keeps waiting and takes it once connected again. Offline,
     * Apply only says why it cannot start.
     */
    void setOnline(bool online);
    bool isOnline() const { return m_online; }

    /**
     * Offers a snapshot to the controller first: while it reloads a family (after a stale
     * revision or an apply) that family's snapshot is its to use. Returns true if it took it.
     */
    bool consumeSnapshot(const Userchain::Snapshot &snapshot);

signals:
    void statusMessage(const QString &message);
    /// The controller needs a fresh snapshot of `family` (it will consume it).
    void snapshotNeeded(int family);
    /// A confirmation countdown began; tests drive the dialog from here.
    void confirmationStarted(ConfirmDialog *dialog);
    /// One family's rules are in place and kept (its new snapshot is loaded).
    void familyApplied(int family);
    /// The apply is over: `kept` false if a family was not applied or its old rules came back.
    void finished(bool kept);
    void busyChanged(bool busy);
    /// The helper refused rule `rule` (1-based) of `family`'s DOCKER-USER as sent: show it.
    void ruleRefused(int family, int rule);

private:
    struct Step
    {
        Userchain::Family family = Userchain::Family::IPv4;
        uint flags = 0;
    };

    Step stepFor(Userchain::Family family, uint flags) const;
    void review(const QVector<Step> &steps);
    /**
     * "8080/tcp: anyone, any interface → only 10.11.11.0/24 on eth0" for each published port
     * whose answer the edits change, against the rules in the kernel now. Runs on the GUI
     * thread: the review waits for it (about 1 s for 10,000 rules, once per Apply).
     */
    static QStringList exposureChanges(const EditSession &session);
    void applyNext();
    void stop(bool kept, const QString &message);
    QString notAppliedText() const;
    void setState(State state);
    void onApplied(const QString &transactionId, const QString &newRevision);
    void onApplyFailed(const HelperError &error);
    /// InvalidRule: selects the refused rule (ruleRefused) and says why, naming the token.
    void tellRefused(const HelperError &error);
    void onConfirmed(const QString &transactionId);
    void onConfirmFailed(const QString &transactionId, const HelperError &error);
    void onRolledBack(const QString &transactionId, const QString &reason);
    void onRollbackFailed(const QString &transactionId, const HelperError &error);
    int ask(const QString &title, const QString &text, const QString &yesText);
    void tell(const QString &title, const QString &text, bool error);
    void reload(bool reapply);
    /// "IPv4 (iptables)", with " on HOST" for a remote host.
    QString familyLabel(Userchain::Family family) const;
    bool refuseOffline();

    Workspace *m_workspace;
    HelperClient *m_helper;
    QWidget *m_dialogParent;
    QPointer<ConfirmDialog> m_confirm;
    State m_state = State::Idle;
    Step m_current;
    QVector<Step> m_queue;           ///< families still to apply after m_current
    Userchain::ApplyRuleList m_sent; ///< m_current's rules as sent, for a refused rule
    uint m_confirmSeconds = 30;
    uint m_lastConfirmSeconds = 0;
    QString m_transaction;
    bool m_reapplyAfterReload = false;
    QString m_host;
    bool m_online = true;
};

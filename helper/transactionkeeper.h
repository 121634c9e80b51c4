#pragma once

#include "backend.h"
#include "backendworker.h"
#include "callgate.h"
#include "transactionlock.h"

#include <QDBusConnection>
#include <QMap>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QVector>
#include <functional>

namespace Userchain {

class PendingTransaction;

/**
 * The confirmed apply waiting for its confirmation (there is at most one) and its rollback:
 * when the window closes, when the applying client leaves the bus, or on request, the
 * previous rules are written back through the family's ChainWriter (under the xtables lock, one
 * atomic commit), retried for a while if the lock or the commit fails, and the applying client
 * alone hears RolledBack.
 *
 * Only over the chain the apply left: if DOCKER-USER no longer has the revision the apply
 * produced (the write's expected revision), someone else (Docker, an administrator's iptables)
 * changed it meanwhile, and writing the old rules back would silently undo their change (the
 * writer's Stale, here a conflict). Then the chain is kept as it
 * is, the conflict logged, and RolledBack says "conflict". A rollback that cannot be written
 * at all ends with RolledBack "failed", so that the client does not report rules that are not
 * there.
 *
 * Threads: the keeper lives on the main thread, and the decisions are taken there, when they
 * fall due: when the window closes the transaction stops accepting Confirm at once, even if
 * the family's BackendWorker is still busy (say, reading for another client); the write
 * itself then queues behind the worker's earlier jobs, and its result comes back here.
 */
class TransactionKeeper final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TransactionKeeper)

public:
    enum class Outcome {
        RolledBack, ///< the previous rules are back
        Conflict,   ///< DOCKER-USER changed since the apply; kept as it is
        Failed,     ///< could not lock, read or commit (error says why)
    };
    using Done = std::function<void(Outcome outcome, const QString &error)>;

    TransactionKeeper(const QDBusConnection &bus, BackendWorker::ForFamily workers,
                      QObject *parent = nullptr);
    ~TransactionKeeper() override;

    /// A transaction is reserved, pending or being rolled back: no other change may start.
    bool busy() const;

    /**
     * Whether a write (Apply, ApplyFile, RestoreSaved) may go to its worker now; decided on the
     * main thread in the order calls arrive, so that no write admitted after a confirmed apply
     * reaches the kernel before its transaction starts, or between its commit and its
     * rollback. A dry run changes nothing and is always admitted. With reserve (a confirmed
     * apply) the transaction is reserved here (see reserve()). Otherwise the call is answered
     * Busy and false returned.
     */
    bool admit(CallGate *gate, const CallGate::Call &call, bool dryRun, bool reserve);

    /**
     * Takes the transaction lock (TransactionLock) before a confirmed apply commits, so that
     * `userchain-helper --restore-saved` cannot write DOCKER-USER while the window is open.
     * False (error says why) when a restore holds it now or the file cannot be locked: the
     * apply must then not commit. From here on busy() is true. start() keeps the lock;
     * release it with unreserve() when the apply does not go ahead.
     */
    bool reserve(QString *error);
    void unreserve();

    /// Opens a confirmation window for an apply by caller that replaced previous and left
    /// DOCKER-USER with appliedRevision; returns the new transaction's id.
    QString start(const QString &caller, Family family, QVector<BackendRule> previous,
                  const QString &appliedRevision, uint confirmSeconds);

    /// The pending transaction transactionId names (empty: the one pending, whoever's it is;
    /// HelperService decides who may act on it), or nullptr.
    PendingTransaction *pendingFor(const QString &transactionId) const;
    /// What polkit's agents and rules see of a Confirm or Rollback.
    static QMap<QString, QString> details(const QString &transactionId);
    /**
     * Runs act if transactionId names the pending transaction and the caller (already
     * authorized for apply) may act on it: its own, by its id or an empty one; someone
     * else's only by its exact id and if polkit also grants the caller
     * io.github.userchain.persist. Otherwise answers the call NoSuchTransaction.
     */
    void decide(CallGate *gate, const CallGate::Call &call, const QString &transactionId,
                std::function<void()> act);
    /// Keeps the pending transaction's rules.
    void confirm();
    /// Restores the pending transaction's previous rules; reason goes into RolledBack.
    void rollBack(const QString &reason, Done done);

Q_SIGNALS:
    /// busy() may have changed (the helper's idle timer listens).
    void busyChanged();

private:
    void attempt(const QString &reason, int attempt, Done done);
    /// Back on the main thread after one try: retry, or end the transaction and tell.
    void attempted(const QString &reason, int attempt, const Done &done, Outcome outcome,
                   QString error);

    QDBusConnection m_bus;
    BackendWorker::ForFamily m_workers;
    TransactionLock m_transactionLock;
    QPointer<PendingTransaction> m_pending;
    bool m_reserved = false; ///< reserve() succeeded; start() or unreserve() not yet called
    bool m_rollingBack = false;
};

} // namespace Userchain

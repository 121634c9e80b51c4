#pragma once

#include <QString>

namespace Userchain {

/**
 * The file lock that says "a confirmed apply is waiting for Keep": flock() on
 * `/run/userchain/transaction.lock`, or on `$USERCHAIN_TRANSACTION_LOCK` (the sandbox and the
 * tests point it at a private file, as they do with XTABLES_LOCKFILE).
 *
 * The D-Bus helper holds it from just before a confirmed apply commits until the transaction is
 * kept or rolled back; `userchain-helper --restore-saved`, a separate process, takes it for its
 * whole run and refuses to start when it cannot. Without it the boot/Docker-restart restore
 * could write DOCKER-USER between an apply and its rollback, and the rollback (which only
 * compares revisions) would then either undo the restore or be dropped as a conflict: in both
 * cases the firewall ends up as neither side meant. An flock dies with its process, so a
 * crashed helper never leaves the restore locked out.
 */
class TransactionLock final
{
public:
    /// `$USERCHAIN_TRANSACTION_LOCK` if set, else `/run/userchain/transaction.lock`.
    static QString defaultPath();

    explicit TransactionLock(const QString &path = defaultPath());
    ~TransactionLock();
    TransactionLock(const TransactionLock &) = delete;
    TransactionLock &operator=(const TransactionLock &) = delete;

    QString path() const { return m_path; }

    /**
     * Takes the lock without waiting (creating the directory, 0755, and the file, 0600, if
     * missing). False with *contended set when another process holds it; false with
     * *contended clear when the file cannot be opened or locked (error says why).
     * Holding it already is success.
     */
    bool tryHold(bool *contended, QString *error);
    /// Drops the lock (nothing if not held).
    void release();
    bool isHeld() const { return m_fd >= 0; }

private:
    QString m_path;
    int m_fd = -1;
};

} // namespace Userchain

#pragma once

#include "applyvalidator.h"
#include "backend.h"

#include <QString>
#include <QVector>
#include <functional>
#include <memory>

namespace Userchain {

class BackendChooser;
class XtablesLock;

/**
 * The one way DOCKER-USER is written. Apply and ApplyFile (ApplyJob), the rollback of a
 * confirmed apply (TransactionKeeper), RestoreSaved (PersistenceCalls) and `userchain-helper
 * --restore-saved` (UnitRestore) each describe their write as a Request; the writer runs it:
 *
 * 1. the family's writable backend (BackendChooser), or Unavailable;
 * 2. the request's precheck, if any, on an unlocked read (ApplyFile's lines);
 * 3. when the xtables lock is taken and a revision is expected, the revision on an unlocked
 *    read: a stale writer hears so at once rather than after someone else's lock;
 * 4. the xtables lock, waited for at most lockTimeoutMs, or Busy;
 * 5. under it: the backend chosen again (an earlier failed write may have made it detect
 *    anew), one session (one read of DOCKER-USER, committed on that very state), the expected
 *    revision (Stale: nothing changed), ChainMissing unless the chain is to be created;
 * 6. the request's rules for DOCKER-USER as read (verbatim ids resolved, counters carried);
 * 7. a dry run, or rules equal to the chain's when asked to skip those, end here;
 * 8. prepare, commit (the new revision hashed meanwhile), and the failure's kind from the
 *    backend (Stale when the chain changed between the read and the commit).
 *
 * Why one writer: the checks that make a write safe (lock, revision, one read for check and
 * commit, the backend's failure kinds) are then written, and tested, once.
 *
 * Threads: only on the thread that owns backends and lock (a BackendWorker, or the restore
 * command's main thread), which must run an event loop: the lock is polled from a timer.
 */
class ChainWriter final
{
public:
    /// Why a write did not happen, as far as callers act differently on it.
    enum class Failure {
        None,
        Unavailable, ///< no backend can write this family here (BackendUnavailable)
        Busy,        ///< the xtables lock stayed taken (Busy)
        Stale,       ///< not at the expected revision, or changed before the commit (StaleRevision)
        ChainMissing, ///< DOCKER-USER does not exist and was not to be created (ChainMissing)
        Refused,      ///< the request's precheck or rules refused; error.name is theirs
        BadRule,      ///< the backend cannot write a rule where it is (InvalidRule, "rule N: ...")
        Other,        ///< reading or committing failed (Failed)
    };

    struct Request
    {
        Family family = Family::IPv4;
        QString expectedRevision; ///< empty: whatever DOCKER-USER holds (flag 8, a restore)
        bool createChain = false; ///< DOCKER-USER, when missing
        bool createJump = false;  ///< `FORWARD -j DOCKER-USER` at position 1, when missing
        bool dryRun = false;      ///< everything but prepare and commit
        /// Write nothing when the rules equal DOCKER-USER's (same texts, same kernel bytes): a
        /// commit would only reset their counters.
        bool skipUnchanged = false;
        /// Optional, before the lock: refuse what an unlocked read can show (Refused).
        std::function<bool(Backend *backend, ApplyError *error)> precheck;
        /// Under the lock: the rules to write, given DOCKER-USER as read (nullptr: missing).
        std::function<bool(const BackendChain *current, QVector<BackendRule> *rules,
                           ApplyError *error)>
            rules;
        /// Optional: told the rules once rules() has made them, also for a dry run or when
        /// nothing is written; before a commit it runs on another thread while the kernel
        /// takes the commit, and is finished before done is called.
        std::function<void(const QVector<BackendRule> &rules)> alongside;
    };

    struct Result
    {
        Failure failure = Failure::None;
        ApplyError error; ///< name: the D-Bus error for failure; empty on success
        QString backend;  ///< on success, the backend's name ("legacy", "nft")
        bool committed = false;
        /// After a commit, the revision of what was written (what the next GetSnapshot
        /// reports); otherwise the current one (dry run, nothing to write).
        QString revision;
        /// After a commit, DOCKER-USER as it was, removed rules with the counters they had
        /// until the commit where the backend knows them: what a rollback writes back.
        QVector<BackendRule> previous;
    };
    using Done = std::function<void(const Result &result)>;

    /// backends and lock belong to the calling thread and outlive the writer.
    ChainWriter(BackendChooser *backends, XtablesLock *lock, int lockTimeoutMs);

    /// Runs request and calls done once, at once or after the wait for the lock.
    void write(const Request &request, Done done);

    /// The D-Bus error name (DBusError) for a failure other than Refused.
    static const char *errorName(Failure failure);
    /// The error message for it: a backend's "rule N: ..." becomes a RuleRefusal line.
    static QString errorMessage(Failure failure, const QString &message);
    /// The writer's kind of a backend's failure to begin, prepare or commit.
    static Failure failureOf(BackendFailure failure);

private:
    /// *leftovers: what the caller frees once done has the result (see write()).
    Result writeLocked(const Request &request, std::shared_ptr<void> *leftovers);

    BackendChooser *m_backends = nullptr;
    XtablesLock *m_lock = nullptr;
    int m_lockTimeoutMs = 0;
};

} // namespace Userchain

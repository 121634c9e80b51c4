#pragma once

#include "applyvalidator.h"
#include "backend.h"
#include "persistentstore.h"
#include "transactionlock.h"

#include <QList>
#include <QString>

namespace Userchain {

/**
 * Puts the saved DOCKER-USER back. One path for both callers: the D-Bus method RestoreSaved
 * (HelperService, after polkit) and `userchain-helper --restore-saved`, which systemd runs at
 * boot and after each start of Docker (userchain-restore.service) as root, without D-Bus and
 * without polkit.
 *
 * Both load the file with PersistentStore (the same checks as Apply), take the xtables lock,
 * and call restoreLocked(): a fresh read, ApplyValidator::resolve, one atomic
 * replaceDockerUser through the detected backend.
 */
class SavedRestorer final
{
public:
    /// Exit statuses of `userchain-helper --restore-saved` (docs/helper.md, "Persistence").
    enum Exit : int {
        ExitOk = 0,           ///< restored, or nothing saved
        ExitUsage = 1,        ///< bad command line or not root (main.cpp)
        ExitBadFile = 2,      ///< a saved file is unreadable, unsafe or invalid
        ExitNoBackend = 3,    ///< no Docker chains in iptables-legacy or iptables-nft
        ExitBusy = 4,         ///< the xtables lock stayed taken
        ExitCommitFailed = 5, ///< the backend could not read or replace DOCKER-USER
        ExitPending = 6       ///< a confirmed apply waits for Keep: nothing was done
    };

    /// How long `--restore-saved` waits for the xtables lock unless --lock-timeout says.
    static constexpr int BootLockTimeoutMs = 60 * 1000;

    /**
     * With the xtables lock held: replace DOCKER-USER of family with saved's rules through
     * backend. flags as Apply (ApplyCreateChain, ApplyCreateJump, ApplyDryRun); without
     * ApplyCreateChain a missing chain is ChainMissing. There is no revision check: the saved
     * file is the authority. newRevision is what the next GetSnapshot reports (for a dry run,
     * the current revision).
     */
    static bool restoreLocked(Backend *backend, Family family, const SavedRules &saved, uint flags,
                              QString *newRevision, ApplyError *error);

    /**
     * `--restore-saved`: for each family with a saved file, detect the backend, wait at most
     * lockTimeoutMs for the lock, restore with ApplyCreateChain | ApplyCreateJump. A family
     * that fails does not stop the others. Messages go to stdout (done) and stderr (failed),
     * i.e. the journal. Returns an Exit value (the first failure's).
     *
     * First of all it takes the TransactionLock at transactionLockPath and holds it to the
     * end; held by the helper (a confirmed apply waiting for Keep), it changes nothing and
     * returns ExitPending.
     */
    static int runCommand(const QList<Family> &families, int lockTimeoutMs,
                          const PersistentStore &store = PersistentStore(),
                          const QString &transactionLockPath = TransactionLock::defaultPath());
};

} // namespace Userchain

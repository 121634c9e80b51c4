#pragma once

#include "chainwriter.h"
#include "persistentstore.h"
#include "transactionlock.h"

#include <QList>
#include <QString>

namespace Userchain {

/**
 * `userchain-helper --restore-saved`: the saved DOCKER-USER put back by systemd, as root, with
 * no D-Bus and no polkit (there is no user at boot; the only input is the root-owned file,
 * checked as Apply checks a client's rules). Each family is restored through a ChainWriter with
 * SavedRestorer's request, as RestoreSaved restores.
 *
 * Three moments (Mode):
 * - BeforeDocker (userchain-restore.service, ordered before docker.service): the saved rules
 *   go in before dockerd starts any container. There are no Docker chains yet, so the backend
 *   is the one Docker will use (BackendChooser::Moment::BeforeDocker); the chain, the FORWARD
 *   jump and, if need be, the table are created. Docker keeps an existing DOCKER-USER and
 *   moves its jump to position 1.
 * - AfterDocker (userchain-restore-check.service, after docker.service): DOCKER-USER is
 *   compared with the saved rules and the jump with position 1 (a read, without the lock);
 *   only if they differ (the early restore failed or was skipped, or someone changed the
 *   chain) is it restored again.
 * - Always (no mode option): restore, as `userchainctl restore` does through the helper.
 *
 * Fail-closed (the file `fail-closed` in /etc/userchain, root's): when the saved rules of a
 * family cannot be put in place (a damaged file, a refused commit), DOCKER-USER is set to rules
 * that drop forwarded traffic to Docker's bridges instead (FailClosedRules), until a later
 * restore succeeds. Without it a failed restore changes nothing and traffic flows as Docker
 * allows it.
 *
 * First of all it takes the TransactionLock and holds it to the end; held by the helper (a
 * confirmed apply waiting for Keep), it changes nothing and returns ExitPending.
 */
class UnitRestore final
{
public:
    /// Exit statuses (docs/helper.md, "Persistence").
    enum Exit : int {
        ExitOk = 0,           ///< restored, in place already, or nothing saved
        ExitUsage = 1,        ///< bad command line or not root (main.cpp)
        ExitBadFile = 2,      ///< a saved file is unreadable, unsafe or invalid
        ExitNoBackend = 3,    ///< no Docker chains (nor, before Docker, a known iptables)
        ExitBusy = 4,         ///< the xtables lock stayed taken
        ExitCommitFailed = 5, ///< the backend could not read or replace DOCKER-USER
        ExitPending = 6       ///< a confirmed apply waits for Keep: nothing was done
    };
    enum class Mode { Always, BeforeDocker, AfterDocker };

    struct Options
    {
        QList<Family> families{Family::IPv4, Family::IPv6};
        Mode mode = Mode::Always;
        int lockTimeoutMs = 60 * 1000; ///< Docker may hold the lock a while as it starts
        QString transactionLockPath = TransactionLock::defaultPath();
    };

    /// What fail-closed writes: forwarded packets to Docker's bridges (docker0 and the br-…
    /// of user-defined networks) are dropped; the comment says why.
    static QStringList failClosedRules();

    /// Messages go to stdout (done) and stderr (failed), i.e. the journal; returns an Exit
    /// value (the first failure's). A family that fails does not stop the others.
    static int run(const Options &options, const PersistentStore &store = PersistentStore());

private:
    struct Outcome
    {
        int code = ExitOk;
        QString message;
    };
    static Outcome restoreFamily(Family family, const Options &options,
                                 const PersistentStore &store, bool failClosed);
    /// The fail-closed rules written in place of the saved ones after why; why, reworded.
    static Outcome closeOff(ChainWriter *writer, Family family, Outcome why);
    /// Runs request through writer and waits for it (a local event loop drives the lock's poll
    /// timer: this mode has no bus and nothing else to serve).
    static ChainWriter::Result written(ChainWriter *writer, const ChainWriter::Request &request);
};

} // namespace Userchain

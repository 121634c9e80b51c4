#pragma once

#include "chainwriter.h"
#include "persistentstore.h"

namespace Userchain {

/**
 * Puts the saved DOCKER-USER back. One request for both callers: the D-Bus method RestoreSaved
 * (PersistenceCalls, after polkit) and `userchain-helper --restore-saved` (UnitRestore), which
 * systemd runs before and after each start of Docker as root, without D-Bus and without polkit.
 *
 * Both load the file with PersistentStore (the same checks as Apply) and hand this request to
 * a ChainWriter: under the lock, a fresh read, ApplyValidator::resolve, one atomic commit.
 */
class SavedRestorer final
{
public:
    /**
     * The write of saved's rules into DOCKER-USER of family. flags as Apply (ApplyCreateChain,
     * ApplyCreateJump, ApplyDryRun); without ApplyCreateChain a missing chain is ChainMissing.
     * There is no revision check: the saved file is the authority. The result's revision is
     * what the next GetSnapshot reports (for a dry run, the current revision).
     */
    static ChainWriter::Request request(Family family, const SavedRules &saved, uint flags);
};

} // namespace Userchain

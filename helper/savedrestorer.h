#pragma once

#include "applyvalidator.h"
#include "backend.h"
#include "persistentstore.h"

#include <QString>

namespace Userchain {

/**
 * Puts the saved DOCKER-USER back. One path for both callers: the D-Bus method RestoreSaved
 * (HelperService, after polkit) and `userchain-helper --restore-saved` (UnitRestore), which
 * systemd runs before and after each start of Docker as root, without D-Bus and without polkit.
 *
 * Both load the file with PersistentStore (the same checks as Apply), take the xtables lock,
 * and call restoreLocked(): a fresh read, ApplyValidator::resolve, one atomic
 * replaceDockerUser through the detected backend.
 */
class SavedRestorer final
{
public:
    /**
     * With the xtables lock held: replace DOCKER-USER of family with saved's rules through
     * backend. flags as Apply (ApplyCreateChain, ApplyCreateJump, ApplyDryRun); without
     * ApplyCreateChain a missing chain is ChainMissing. There is no revision check: the saved
     * file is the authority. newRevision is what the next GetSnapshot reports (for a dry run,
     * the current revision).
     */
    static bool restoreLocked(Backend *backend, Family family, const SavedRules &saved, uint flags,
                              QString *newRevision, ApplyError *error);
};

} // namespace Userchain

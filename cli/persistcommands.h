#pragma once

#include "dbustypes.h"
#include "exitcode.h"
#include "rule.h"

#include <QString>

namespace Userchain {

/**
 * The persistence commands: `save` (polkit io.github.userchain.persist), `restore`
 * (io.github.userchain.apply) and the "saved:" lines of `status` (io.github.userchain.read).
 * The helper decides everything (which rules, which file); the client only names the family.
 */
class PersistCommands final
{
public:
    /// Save the live DOCKER-USER of family to the helper's file; prints the path.
    static ExitCode save(Family family);

    /**
     * Replace DOCKER-USER with the saved rules. Prints the diff (live → saved) first;
     * flags as Apply (ApplyCreateChain, ApplyCreateJump, ApplyDryRun).
     */
    static ExitCode restore(Family family, uint flags);

    /**
     * For `status`: "saved:        yes (N rules, at TIME)" and "live differs: yes/no",
     * comparing the saved specs with snapshot's DOCKER-USER; "saved:        no" when nothing
     * is saved. A helper error becomes a line too: status stays a report.
     */
    static QString statusLines(Family family, const Snapshot &snapshot);
};

} // namespace Userchain

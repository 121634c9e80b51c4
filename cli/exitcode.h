#pragma once

namespace Userchain {

/// userchainctl's exit statuses, documented in `userchainctl --help` and docs/helper.md.
enum ExitCode : int {
    ExitOk = 0,
    ExitUsage = 1,         ///< bad command line
    ExitInvalidInput = 2,  ///< the file or a rule is invalid (also InvalidRule/InvalidArgument)
    ExitNotAuthorized = 3, ///< polkit said no
    ExitStale = 4,         ///< DOCKER-USER changed since the revision the change was based on
    ExitUnreachable = 5,   ///< no helper on the system bus (or no bus)
    ExitFailed = 6,        ///< busy, backend unavailable, chain missing, or another failure
    ExitRolledBack = 7,    ///< a confirmed apply was not confirmed and has been rolled back
    // The helper stopped answering an apply (it died, or the bus dropped it); read again:
    ExitLostApplied = 8,   ///< DOCKER-USER holds the new rules (and no window is open)
    ExitLostUnchanged = 9, ///< DOCKER-USER holds the rules from before: nothing was applied
    ExitLostOther = 10,    ///< DOCKER-USER holds neither (or what it held before is unknown)
};

} // namespace Userchain

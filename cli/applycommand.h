#pragma once

#include "exitcode.h"
#include "rule.h"

#include <QString>

namespace Userchain {

/**
 * `userchainctl apply FILE`: send the file to the helper (ApplyFile), which parses it and
 * replaces DOCKER-USER, and print the diff between the rules before and after. At a terminal,
 * with --confirm or --dry-run, a dry run shows the diff first and the apply then quotes its
 * revision. With --confirm, waits for Enter (ConfirmPrompt) and otherwise lets the helper
 * roll back.
 */
class ApplyCommand final
{
public:
    struct Options
    {
        QString fileName;
        Family family = Family::IPv4;
        QString expectRevision; ///< empty: the revision the preview saw, or any without one
        uint confirmSeconds = 0;
        bool dryRun = false;
        bool createChain = false;
        bool createJump = false;
    };

    static ExitCode run(const Options &options);
};

} // namespace Userchain

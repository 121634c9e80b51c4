#pragma once

#include "exitcode.h"
#include "rule.h"

#include <QString>

namespace Userchain {

/**
 * `userchainctl apply FILE`: read the file, read the current DOCKER-USER from the helper,
 * print the diff, then send the whole new list with the revision it was based on. With
 * --confirm, waits for Enter (ConfirmPrompt) and otherwise lets the helper roll back.
 */
class ApplyCommand final
{
public:
    struct Options
    {
        QString fileName;
        Family family = Family::IPv4;
        QString expectRevision; ///< empty: the revision of the snapshot the diff is made from
        uint confirmSeconds = 0;
        bool dryRun = false;
        bool createChain = false;
        bool createJump = false;
    };

    static ExitCode run(const Options &options);
};

} // namespace Userchain

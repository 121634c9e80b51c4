#pragma once

#include "exitcode.h"
#include "rule.h"

#include <QString>

namespace Userchain {

/// The commands that only read: `status`, `show`, `export` (polkit: io.github.userchain.read).
class ReadCommands final
{
public:
    static ExitCode status(Family family);
    static ExitCode show(Family family, const QString &chain, const QString &table, bool counters);
    /// outputFile empty or "-": standard output.
    static ExitCode exportRules(Family family, const QString &outputFile);
};

} // namespace Userchain

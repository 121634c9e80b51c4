#pragma once

#include "exitcode.h"
#include "rule.h"

#include <QString>

namespace Userchain {

/**
 * `userchainctl check FILE`: no helper, no root. Imports the file like `apply` would and
 * prints DOCKER-USER in canonical form (`-A DOCKER-USER <spec>`), or every error as
 * `FILE:LINE: message`.
 */
class CheckCommand final
{
public:
    static ExitCode run(const QString &fileName, Family family);
};

} // namespace Userchain

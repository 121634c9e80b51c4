#pragma once

#include "backend.h"

namespace Userchain::TestBackend {

/**
 * DOCKER-USER replaced through one session of backend (begun, prepared, committed): the
 * backends' one way to write, as the helper's ChainWriter drives it, without the writer's lock
 * and checks. For tests of the backends themselves, in a private network namespace.
 */
bool replaceDockerUser(Backend &backend, Family family, const QVector<BackendRule> &rules,
                       bool createChain, bool createJump, QString *error);

} // namespace Userchain::TestBackend

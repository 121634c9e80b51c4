#include "backendwrite.h"

#include <memory>

namespace Userchain::TestBackend {

bool replaceDockerUser(Backend &backend, Family family, const QVector<BackendRule> &rules,
                       bool createChain, bool createJump, QString *error)
{
    const std::unique_ptr<BackendSession> session = backend.beginSession(family, error);
    return session && session->prepare(rules, createChain, createJump, error) &&
           session->commit(error);
}

} // namespace Userchain::TestBackend

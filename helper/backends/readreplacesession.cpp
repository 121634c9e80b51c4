#include "readreplacesession.h"

namespace Userchain {

ReadReplaceSession::ReadReplaceSession(Backend *backend, Family family, QString *error)
    : m_backend(backend), m_family(family)
{
    m_ok = backend->read(family, &m_tables, error);
    if (!m_ok)
        return;
    for (const BackendChain &chain : std::as_const(m_tables.chains)) {
        if (chain.table == QLatin1String("filter") && chain.name == QLatin1String("DOCKER-USER")) {
            m_dockerUser = &chain;
            break;
        }
    }
}

bool ReadReplaceSession::replaceDockerUser(const QVector<BackendRule> &rules, bool createChain,
                                           bool createJump, QString *error)
{
    return m_backend->replaceDockerUser(m_family, rules, createChain, createJump, error);
}

} // namespace Userchain

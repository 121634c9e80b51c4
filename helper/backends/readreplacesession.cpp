#include "readreplacesession.h"

namespace Userchain {

ReadReplaceSession::ReadReplaceSession(Backend *backend, Family family, BackendTables tables)
    : m_backend(backend), m_family(family), m_tables(std::move(tables))
{
    for (const BackendChain &chain : std::as_const(m_tables.chains)) {
        if (chain.table == QLatin1String("filter") && chain.name == QLatin1String("DOCKER-USER")) {
            m_dockerUser = &chain;
            break;
        }
    }
}

bool ReadReplaceSession::prepare(const QVector<BackendRule> &rules, bool createChain,
                                 bool createJump, QString *error)
{
    if (m_rules) {
        *error = QStringLiteral("this session has already been used");
        return false;
    }
    m_rules = rules;
    m_createChain = createChain;
    m_createJump = createJump;
    return true;
}

bool ReadReplaceSession::commit(QString *error)
{
    if (!m_rules) {
        *error = QStringLiteral("nothing prepared to commit");
        return false;
    }
    return m_backend->replaceDockerUser(m_family, *m_rules, m_createChain, m_createJump, error);
}

} // namespace Userchain

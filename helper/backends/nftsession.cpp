#include "nftsession.h"

#include "nftbackend.h"

namespace Userchain {

NftSession::NftSession(NftBackend *backend, Family family, NftDockerUserState state)
    : m_backend(backend), m_family(family), m_state(std::move(state))
{}

bool NftSession::prepare(const QVector<BackendRule> &rules, bool createChain, bool createJump,
                         QString *error)
{
    if (m_rules) {
        *error = QStringLiteral("this session has already been used");
        return false;
    }
    if (!m_backend->buildBatch(m_family, &m_state, rules, createChain, createJump, &m_batch, error))
        return false;
    m_rules = rules;
    m_createChain = createChain;
    m_createJump = createJump;
    return true;
}

bool NftSession::commit(QString *error)
{
    if (!m_rules) {
        *error = QStringLiteral("nothing prepared to commit");
        return false;
    }
    return m_backend->commitBatch(m_family, &m_state, *m_rules, m_createChain, m_createJump,
                                  m_batch, error);
}

} // namespace Userchain

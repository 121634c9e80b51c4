#pragma once

#include "backend.h"
#include "nftwriter.h"

#include <optional>

namespace Userchain {

class NftBackend;

/**
 * An apply on nf_tables: DOCKER-USER as read at one generation (or as the backend remembers
 * it from its last read or write, at the generation the ruleset is still at), and the one
 * batch that changes it, conditional on that generation. prepare() builds the batch (every
 * rule encoded, nothing sent); commit() sends it. If anything committed in between, the
 * kernel refuses the batch and the backend reports DOCKER-USER as changed (stale) unless only
 * other chains did. After the commit, the rules it removed carry the counters they had until
 * then (what a rollback puts back).
 */
class NftSession final : public BackendSession
{
public:
    NftSession(NftBackend *backend, Family family, NftDockerUserState state);

    const BackendChain *dockerUser() const override
    {
        return m_state.chainExists ? &m_state.chain : nullptr;
    }
    bool prepare(const QVector<BackendRule> &rules, bool createChain, bool createJump,
                 QString *error) override;
    bool commit(QString *error) override;

private:
    NftBackend *m_backend;
    Family m_family;
    NftDockerUserState m_state;
    std::optional<QVector<BackendRule>> m_rules;
    bool m_createChain = false, m_createJump = false;
    NftBatch m_batch;
};

} // namespace Userchain

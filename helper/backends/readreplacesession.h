#pragma once

#include "backend.h"

#include <optional>

namespace Userchain {

/**
 * A BackendSession made of tables the backend has read and its replaceDockerUser(): for
 * backends whose writes do not start from a read of their own (iptables-nft-restore replaces
 * the chain by name), so that there is no read state to share.
 */
class ReadReplaceSession final : public BackendSession
{
public:
    /// tables: what backend read, DOCKER-USER among them unless it is missing.
    ReadReplaceSession(Backend *backend, Family family, BackendTables tables);

    const BackendChain *dockerUser() const override { return m_dockerUser; }
    /// Keeps the rules: the backend checks them when it writes (in commit()).
    bool prepare(const QVector<BackendRule> &rules, bool createChain, bool createJump,
                 QString *error) override;
    bool commit(QString *error) override;

private:
    Backend *m_backend;
    Family m_family;
    BackendTables m_tables;
    const BackendChain *m_dockerUser = nullptr;
    std::optional<QVector<BackendRule>> m_rules; ///< set by prepare()
    bool m_createChain = false;
    bool m_createJump = false;
};

} // namespace Userchain

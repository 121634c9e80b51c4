#pragma once

#include "backend.h"

#include <optional>

namespace Userchain {

/**
 * A BackendSession made of a backend's whole read() and its replaceDockerUser(): for backends
 * whose writes do not start from a read of their own (iptables-nft-restore replaces the chain
 * by name), so that sharing one read would save nothing.
 */
class ReadReplaceSession final : public BackendSession
{
public:
    /// Reads the tables through backend; check ok() (error set when false).
    ReadReplaceSession(Backend *backend, Family family, QString *error);

    bool ok() const { return m_ok; }
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
    bool m_ok = false;
    std::optional<QVector<BackendRule>> m_rules; ///< set by prepare()
    bool m_createChain = false;
    bool m_createJump = false;
};

} // namespace Userchain

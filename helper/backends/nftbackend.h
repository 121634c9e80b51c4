#pragma once

#include "backend.h"
#include "toolrunner.h"

#include <array>
#include <memory>

#include <QByteArray>
#include <QString>
#include <QVector>
#include <optional>

namespace Userchain {

/**
 * The backend for hosts where iptables is the nf_tables variant (Debian 11 and later, and most
 * current distributions): Docker's chains live in nf_tables tables `ip filter` / `ip6 filter`
 * "managed by iptables-nft", which libiptc cannot see.
 *
 * It reads and writes them over netlink (libnftnl, libmnl; see docs/nft-backend.md):
 * - read(): filter, nat and raw at one generation id, each rule decoded the way iptables-nft
 *   1.8.9 lays it out and checked by encoding it again; anything else is a native rule,
 *   shown read-only and never rewritten;
 * - beginSession(): DOCKER-USER read at one generation, then one batch
 *   carrying that generation (NFNL_BATCH_GENID): incremental by handle, native rules kept in
 *   place; if anything committed in between, DOCKER-USER is read again and the write is
 *   refused as Stale when it changed. The chain this backend last read or wrote is
 *   remembered with its generation: while the ruleset is still there (one NFT_MSG_GETGEN),
 *   a session starts from it without reading.
 *
 * It never touches libiptc: on an nf_tables host even a read-only iptc_init creates an empty
 * legacy table, after which iptables-nft warns on every call.
 *
 * BackendRule::raw here (never mixed with IptcBackend's): `nft1` + 'x' + flags + an x_tables
 * entry for an iptables rule RuleParser cannot represent exactly (written again from the
 * entry), or `nft1` + 'n' + handle + kernel bytes for a native rule (only ever kept).
 *
 * ToolRunner remains for `nft list tables` (dockerNftablesExists) and for tests.
 *
 * Calls are synchronous (netlink answers at once); the helper serializes backend calls. Not
 * thread-safe: use one instance from one thread.
 */
class NftBackend final : public Backend
{
public:
    /// What went wrong in the last failed call, for tests and for the helper's error codes.
    enum class ErrorKind {
        None,
        Tool,         ///< `nft` was missing, failed, timed out or said too much (see toolError)
        ChainMissing, ///< DOCKER-USER does not exist and createChain was false
        BadRule,      ///< a rule cannot be written (control characters, commands in raw text)
        Kernel,       ///< the netlink read or write failed (message from the kernel)
        NativeRule,   ///< a native nftables rule cannot be kept where it is
        Stale,        ///< DOCKER-USER changed since it was read; nothing was changed
    };

    /// The real tools from the trusted system directories.
    NftBackend();
    /// Tests: tools from the given runner (fake tools, short timeouts).
    explicit NftBackend(const ToolRunner &runner);
    ~NftBackend() override;
    Q_DISABLE_COPY_MOVE(NftBackend)

    QString name() const override { return QStringLiteral("nft"); }
    bool read(Family family, BackendTables *out, QString *error) override;
    std::unique_ptr<BackendSession> beginSession(Family family, QString *error) override;

    ErrorKind lastErrorKind() const { return m_lastError; }
    /// ErrorKind as the helper tells it apart: Stale, ChainMissing, BadRule (and NativeRule),
    /// the rest Other.
    BackendFailure lastFailure() const override;
    ToolRunner::ErrorKind lastToolError() const { return m_lastToolError; }

    /**
     * Docker 29's own nftables firewall: whether `table ip docker-bridges` (IPv4) or
     * `table ip6 docker-bridges` (IPv6) exists, from `nft list tables`. When it does and there
     * are no iptables chains, Docker runs its nftables backend and has no DOCKER-USER at all.
     * nullopt with error set when nft is missing or fails.
     */
    std::optional<bool> dockerNftablesExists(Family family, QString *error);

    /**
     * NftSession's steps: the batch for rules from state, and sending it (see NftWriter).
     * Both may replace state with a fresh read of the same rules (counters a remembered state
     * does not have; a commit refused because Docker wrote another chain), and commitBatch
     * gives the rules it removed the counters they had until then.
     */
    bool buildBatch(Family family, struct NftDockerUserState *state,
                    const QVector<BackendRule> &rules, bool createChain, bool createJump,
                    struct NftBatch *out, QString *error);
    bool commitBatch(Family family, struct NftDockerUserState *state,
                     const QVector<BackendRule> &rules, bool createChain, bool createJump,
                     const struct NftBatch &batch, QString *error);

    /// The tables read straight from the kernel (see read()); onlyChain: rules of it only.
    bool readKernel(Family family, const QStringList &tables, const QString &onlyChain,
                    BackendTables *out, QString *error);

    /// Whether the next session of family starts from what this backend last read or wrote,
    /// without reading DOCKER-USER (see remembered()); for tests.
    bool remembers(Family family) const;

private:
    bool fail(QString *error, ErrorKind kind, const QString &message);
    /// The state last read or written, if the ruleset is still at its generation.
    bool remembered(Family family, struct NftDockerUserState *out);
    void remember(Family family, const struct NftDockerUserState &state);
    bool runTool(const QString &tool, const QStringList &args, const QByteArray &input,
                 QByteArray *out, QString *error);

    ToolRunner m_runner;
    std::unique_ptr<class NftNetlink> m_netlink;
    std::array<std::unique_ptr<class NftTranslator>, 2> m_translators; ///< IPv4, IPv6
    /**
     * DOCKER-USER as this backend last read or wrote it (IPv4, IPv6), valid while the ruleset
     * is at the state's generation in the same namespace. A commit's own result is known from
     * the kernel's echo of it, so that the next apply needs no read when nothing else wrote.
     */
    std::array<std::unique_ptr<struct NftDockerUserState>, 2> m_known;
    ErrorKind m_lastError = ErrorKind::None;
    ToolRunner::ErrorKind m_lastToolError = ToolRunner::ErrorKind::None;
};

} // namespace Userchain

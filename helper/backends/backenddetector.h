#pragma once

#include "backend.h"
#include "snapshotnote.h"

#include <QString>
#include <QStringList>
#include <memory>
#include <optional>

namespace Userchain {

/// Where Docker's chains were found and which backend the helper should use for one family.
struct BackendDetection
{
    enum class Presence { None, Legacy, Nft, Both };

    Presence found = Presence::None;          ///< where Docker's filter chains are
    QString backend = QStringLiteral("none"); ///< "legacy", "nft" or "none": what to use
    bool dockerUserExists = false;            ///< in the chosen backend
    bool iptablesDisabled = false;            ///< daemon.json: "iptables" (or "ip6tables") is false
    bool dockerNftables = false;    ///< Docker 29's own nftables table (docker-bridges) exists
    bool legacyTablesExist = false; ///< the kernel lists an iptables-legacy filter table
    QString iptablesVariant;        ///< "legacy" / "nf_tables" from `iptables -V`; "" unknown
    SnapshotNote detail;            ///< why this backend, or why none (a NoteCode)
    SnapshotNotes warnings;         ///< everything else worth telling the user (NoteCodes)
};

/**
 * Decides which firewall backend Docker uses, before anything touches libiptc: a legacy table
 * is opened only if the kernel already lists it, because opening creates it (and an empty
 * legacy table makes iptables-nft print warnings). nf_tables is inspected with
 * iptables-nft-save and nft, run from a fixed directory with fixed arguments, an empty
 * environment besides PATH, a timeout and a bound on their output.
 */
class BackendDetector final
{
public:
    /// What the detector reads; tests point it elsewhere.
    struct Environment
    {
        QStringList toolDirectories{QStringLiteral("/usr/sbin"), QStringLiteral("/sbin")};
        QString daemonJson = QStringLiteral("/etc/docker/daemon.json");
        int timeoutMs = 10000;
        qint64 maxOutput = 64 * 1024 * 1024;
    };

    /// Detection on this host.
    static BackendDetection detect(Family family);
    static BackendDetection detect(Family family, const Environment &environment);

    /**
     * The backend object for a detection: IptcBackend for "legacy", NftBackend for "nft",
     * nullptr for "none" (the helper then reports BackendUnavailable with the detail).
     */
    static std::unique_ptr<Backend> create(const BackendDetection &detection);

    /// Runs a tool from the tool directories; nullopt (error set) if absent, failed, timed out
    /// or too talkative. Exposed for tests.
    static std::optional<QByteArray> runTool(const Environment &environment, const QString &tool,
                                             const QStringList &args, QString *error);
};

} // namespace Userchain

#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace Userchain {

/**
 * One fact of a Snapshot that the user is told about (why this backend, a warning), as a code
 * with arguments: `(s code, as args)` on the bus. The helper never sends a sentence; the GUI
 * words each code through tr() (HelperCodeText) and the CLI in its own words (CliWords).
 * Clients show an unknown code (a newer helper) as the code and its arguments.
 */
struct SnapshotNote
{
    QString code;
    QStringList args;

    bool isEmpty() const { return code.isEmpty(); }
    bool operator==(const SnapshotNote &other) const
    {
        return code == other.code && args == other.args;
    }
    /// "code" or "code(arg, arg)": for logs and the fallback text of error messages.
    QString toString() const;
};

using SnapshotNotes = QList<SnapshotNote>;

/// The codes of SnapshotNote, with their arguments. Snapshot::backendDetail holds one of the
/// detail codes, Snapshot::warnings any of the warning codes.
namespace NoteCode {
// Why this backend, or why none (Snapshot::backendDetail).
/// Docker's chains are in iptables-legacy.
inline constexpr const char *Legacy = "legacy";
/// Docker's chains are in iptables-nft (nf_tables).
inline constexpr const char *Nft = "nft";
/// Docker's chains are in both; args: the backend used ("legacy", "nft"), and why: "iptables-v"
/// (what `iptables -V` reports) or "docker-user" (the one holding DOCKER-USER).
inline constexpr const char *Both = "both";
/// daemon.json sets "iptables" (IPv6: "ip6tables") to false; Docker creates no chains.
inline constexpr const char *IptablesDisabled = "iptables-disabled";
/// Docker 29's nftables firewall backend; there is no DOCKER-USER. Also a warning, whenever
/// Docker uses it (a DOCKER-USER then is left over from iptables mode).
inline constexpr const char *DockerNftables = "docker-nftables";
/// Neither iptables-legacy nor iptables-nft holds Docker's chains (is Docker running?).
inline constexpr const char *NoDockerChains = "no-docker-chains";
/// Only before Docker starts (the boot restore, never in a Snapshot): no Docker chains yet, the
/// rules go where Docker's iptables will put them; args: that variant ("legacy", "nf_tables").
inline constexpr const char *DockerToCome = "docker-to-come";
/// Only before Docker starts: the legacy filter table could not be created; args: the error.
inline constexpr const char *LegacyTableNotCreated = "legacy-table-not-created";

// Warnings (Snapshot::warnings).
/// The iptables-legacy filter table cannot be read; args: the library's error.
inline constexpr const char *LegacyUnreadable = "legacy-unreadable";
/// iptables-nft-save could not be run; args: why (the tool runner's message).
inline constexpr const char *NftUninspectable = "nft-uninspectable";
/// Docker's chains exist in both backends; args: the backend ignored ("legacy", "nft").
inline constexpr const char *OtherCopyIgnored = "other-copy-ignored";
/// `iptables` is the nf_tables variant but Docker's chains are legacy (Docker was started
/// with iptables-legacy).
inline constexpr const char *VariantMismatch = "variant-mismatch";
/// iptables-legacy tables exist but hold none of Docker's chains.
inline constexpr const char *LegacyTablesUnused = "legacy-tables-unused";
/// daemon.json disables Docker's iptables rules, yet chains exist: left over, unmaintained.
inline constexpr const char *IptablesDisabledLeftOver = "iptables-disabled-leftover";
/// /etc/docker/daemon.json is not valid JSON.
inline constexpr const char *DaemonJsonInvalid = "daemon-json-invalid";
/// /etc/docker/daemon.json cannot be read (or is not a regular file).
inline constexpr const char *DaemonJsonUnreadable = "daemon-json-unreadable";
/// /etc/docker/daemon.json is over DockerDaemonConfig::MaxFileSize; args: the limit in bytes.
inline constexpr const char *DaemonJsonTooLarge = "daemon-json-too-large";
/// DOCKER-USER exists but FORWARD does not jump to it.
inline constexpr const char *ForwardJumpMissing = "forward-jump-missing";
/// FORWARD jumps to DOCKER-USER, but not first; args: its rule number in FORWARD.
inline constexpr const char *ForwardJumpNotFirst = "forward-jump-not-first";
} // namespace NoteCode

} // namespace Userchain

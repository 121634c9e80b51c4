#pragma once

#include <QDBusArgument>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include "snapshotnote.h"

/**
 * The typed payloads of io.github.userchain.Helper1 (see
 * resources/io.github.userchain.Helper1.xml). Shared by the helper, the CLI and the GUI so that all
 * three marshal the same signatures.
 */
namespace Userchain {

/// D-Bus error names the helper returns; clients word them for the user.
namespace DBusError {
inline constexpr const char *NotAuthorized = "io.github.userchain.Helper1.Error.NotAuthorized";
/// The user dismissed or cancelled polkit's authentication dialog: not a refusal.
inline constexpr const char *Cancelled = "io.github.userchain.Helper1.Error.Cancelled";
inline constexpr const char *StaleRevision = "io.github.userchain.Helper1.Error.StaleRevision";
inline constexpr const char *InvalidRule = "io.github.userchain.Helper1.Error.InvalidRule";
inline constexpr const char *InvalidArgument = "io.github.userchain.Helper1.Error.InvalidArgument";
inline constexpr const char *BackendUnavailable =
    "io.github.userchain.Helper1.Error.BackendUnavailable";
inline constexpr const char *Busy = "io.github.userchain.Helper1.Error.Busy";
inline constexpr const char *ChainMissing = "io.github.userchain.Helper1.Error.ChainMissing";
inline constexpr const char *NoSuchTransaction =
    "io.github.userchain.Helper1.Error.NoSuchTransaction";
inline constexpr const char *Failed = "io.github.userchain.Helper1.Error.Failed";
} // namespace DBusError

/// Apply flags (bit set).
enum ApplyFlag : uint {
    ApplyCreateChain = 0x1, ///< create DOCKER-USER if it is missing
    ApplyCreateJump = 0x2,  ///< insert `FORWARD -j DOCKER-USER` at position 1 if missing
    ApplyDryRun = 0x4,      ///< authorize and validate only
    ApplyAnyRevision = 0x8, ///< replace whatever DOCKER-USER holds (no expected revision)
};

/// One rule as the kernel holds it (on the bus, in bulk with its chain's other rules).
struct RuleEntry
{
    QString spec; ///< canonical rule-spec text (best effort for verbatim rules)
    quint64 packets = 0;
    quint64 bytes = 0;
    QString verbatimId; ///< non-empty: the library cannot represent this rule; send this id back
    QString unknownExtensions; ///< comma-separated extension names the library does not know
};

/**
 * (s table, s name, s policy, b builtin, b editable, ay specs, ay counters,
 *  au verbatimIndexes, as verbatimIds, as unknownExtensions): the rules in bulk on the bus
 * (see the operators in dbustypes.cpp), a list of RuleEntry here.
 */
struct ChainInfo
{
    QString table;
    QString name;
    QString policy; ///< "ACCEPT"/"DROP" for built-in chains, "-" for user chains
    bool builtin = false;
    bool editable = false;
    QList<RuleEntry> rules;
};

/**
 * A running container's address on one Docker network, as Docker's Engine API reports it
 * (`GET /containers/json`): (s name, s network, s address, i prefixLength, s gateway).
 */
struct ContainerAddress
{
    QString name;         ///< the container's name without Docker's leading "/"; may be empty
    QString network;      ///< the Docker network's name ("bridge", "mynet")
    QString address;      ///< of the snapshot's family
    int prefixLength = 0; ///< of the network's subnet
    QString gateway;      ///< the network's gateway (the host's own address on it); may be empty
};

/**
 * The contents of one ipset that the snapshot's rules name, a hash:ip or hash:net set of the
 * snapshot's family: (s name, ay entries). Each entry is the address in network byte order
 * (ipsetEntrySize() - 1 bytes) followed by its prefix length (1 byte); a hash:ip set's
 * entries carry its netmask (32 or 128 without one).
 */
struct IpsetInfo
{
    QString name;
    QByteArray entries;
};

/// Bytes per entry of IpsetInfo::entries: 5 for family 4, 17 for family 6.
inline int ipsetEntrySize(int family)
{
    return family == 6 ? 17 : 5;
}

/**
 * (s backend, i family, s revision, a(sssbbayayauasas) chains, b dockerUserExists,
 *  i forwardJumpPosition, b iptablesDisabled, (sas) backendDetail, a(sas) warnings,
 *  b containersRead, a(sssis) containers, a(say) ipsets)
 *
 * backendDetail and warnings are codes with arguments (SnapshotNote, NoteCode), never
 * sentences: the clients word them.
 */
struct Snapshot
{
    QString backend; ///< "legacy", "nft", or "none"
    int family = 4;
    QString revision; ///< hash of DOCKER-USER's rules; Apply must quote it
    QList<ChainInfo> chains;
    bool dockerUserExists = false;
    int forwardJumpPosition = 0;   ///< 1-based rule number of `FORWARD -j DOCKER-USER`, 0: none
    bool iptablesDisabled = false; ///< /etc/docker/daemon.json says "iptables": false
    SnapshotNote backendDetail;    ///< why this backend, or why none
    SnapshotNotes warnings;
    // Appended after warnings, so that the fields above keep their places on the bus.
    /// The helper read the running containers from Docker's API; false: Docker did not
    /// answer (not running, no socket), and which addresses containers have is not known.
    bool containersRead = false;
    QList<ContainerAddress> containers; ///< every running container's address of this family
    /// The sets the rules name that the helper could read; a set not listed was not read.
    QList<IpsetInfo> ipsets;
};

/// One rule to apply: (s spec, s verbatimId); verbatimId set means "keep that kernel rule as is".
struct ApplyRule
{
    QString spec;
    QString verbatimId;
};

using ApplyRuleList = QList<ApplyRule>;

void registerDBusTypes();

QDBusArgument &operator<<(QDBusArgument &arg, const SnapshotNote &v);
const QDBusArgument &operator>>(const QDBusArgument &arg, SnapshotNote &v);
QDBusArgument &operator<<(QDBusArgument &arg, const ContainerAddress &v);
const QDBusArgument &operator>>(const QDBusArgument &arg, ContainerAddress &v);
QDBusArgument &operator<<(QDBusArgument &arg, const IpsetInfo &v);
const QDBusArgument &operator>>(const QDBusArgument &arg, IpsetInfo &v);
QDBusArgument &operator<<(QDBusArgument &arg, const ChainInfo &v);
const QDBusArgument &operator>>(const QDBusArgument &arg, ChainInfo &v);
QDBusArgument &operator<<(QDBusArgument &arg, const Snapshot &v);
const QDBusArgument &operator>>(const QDBusArgument &arg, Snapshot &v);
QDBusArgument &operator<<(QDBusArgument &arg, const ApplyRule &v);
const QDBusArgument &operator>>(const QDBusArgument &arg, ApplyRule &v);

} // namespace Userchain

Q_DECLARE_METATYPE(Userchain::RuleEntry)
Q_DECLARE_METATYPE(Userchain::SnapshotNote)
Q_DECLARE_METATYPE(Userchain::ChainInfo)
Q_DECLARE_METATYPE(Userchain::ContainerAddress)
Q_DECLARE_METATYPE(Userchain::IpsetInfo)
Q_DECLARE_METATYPE(Userchain::Snapshot)
Q_DECLARE_METATYPE(Userchain::ApplyRule)

#include "dbustypes.h"

#include <QDBusMetaType>
#include <QStringEncoder>

#include <cstring>

namespace Userchain {

void registerDBusTypes()
{
    qDBusRegisterMetaType<SnapshotNote>();
    qDBusRegisterMetaType<SnapshotNotes>();
    qDBusRegisterMetaType<ChainInfo>();
    qDBusRegisterMetaType<QList<ChainInfo>>();
    qDBusRegisterMetaType<ContainerAddress>();
    qDBusRegisterMetaType<QList<ContainerAddress>>();
    qDBusRegisterMetaType<IpsetInfo>();
    qDBusRegisterMetaType<QList<IpsetInfo>>();
    qDBusRegisterMetaType<Snapshot>();
    qDBusRegisterMetaType<ApplyRule>();
    qDBusRegisterMetaType<ApplyRuleList>();
    // The generated adaptor names the typedef from the XML's QtTypeName annotation; QtDBus
    // resolves method signatures by that name, so it must be registered as well.
    qRegisterMetaType<ApplyRuleList>("Userchain::ApplyRuleList");
}

namespace {
constexpr int CounterBytes = 16; ///< packets and bytes, 8 bytes each, little-endian

void putCounter(char *at, quint64 value)
{
    for (int i = 0; i < 8; ++i)
        at[i] = char((value >> (8 * i)) & 0xff);
}

quint64 getCounter(const char *at)
{
    quint64 value = 0;
    for (int i = 0; i < 8; ++i)
        value |= quint64(uchar(at[i])) << (8 * i);
    return value;
}
} // namespace

// Why a chain's rules are not an array of (spec, packets, bytes, verbatimId, unknown) structs:
// libdbus marshals, validates and demarshals every field of every element on its own, and
// QtDBus adds calls per field and per array element; for 10,000 rules that cost more than
// reading the kernel's table (a `show` took 2.7 times iptables-legacy-save, most of it there).
// So the rules travel as two byte arrays, moved whole: the specs as UTF-8, each ended by a NUL
// (a rule's text never holds one: the kernel's strings end at NUL and the parser refuses
// control characters), and the counters, 16 bytes per rule; the verbatim rules (rare) as a
// sparse list: (s table, s name, s policy, b builtin, b editable, ay specs, ay counters,
// au verbatimIndexes, as verbatimIds, as unknownExtensions).
QDBusArgument &operator<<(QDBusArgument &arg, const ChainInfo &v)
{
    // Each text encoded straight into the one array (room for the worst case reserved, and
    // only what is written touched), rather than into an array of its own first.
    qsizetype units = 0;
    for (const RuleEntry &rule : v.rules)
        units += rule.spec.size() + 1;
    QByteArray specs;
    specs.reserve(3 * units);
    QStringEncoder encoder(QStringEncoder::Utf8, QStringEncoder::Flag::Stateless);
    QByteArray counters(v.rules.size() * CounterBytes, Qt::Uninitialized);
    QList<uint> verbatimIndexes;
    QStringList verbatimIds;
    QStringList unknownExtensions;
    for (qsizetype i = 0; i < v.rules.size(); ++i) {
        const RuleEntry &rule = v.rules.at(i);
        const qsizetype at = specs.size();
        specs.resize(at + encoder.requiredSpace(rule.spec.size()) + 1);
        char *begin = specs.data() + at;
        char *end = encoder.appendToBuffer(begin, rule.spec);
        *end = '\0';
        specs.truncate(end + 1 - specs.constData());
        putCounter(counters.data() + i * CounterBytes, rule.packets);
        putCounter(counters.data() + i * CounterBytes + 8, rule.bytes);
        if (!rule.verbatimId.isEmpty() || !rule.unknownExtensions.isEmpty()) {
            verbatimIndexes.append(uint(i));
            verbatimIds.append(rule.verbatimId);
            unknownExtensions.append(rule.unknownExtensions);
        }
    }
    arg.beginStructure();
    arg << v.table << v.name << v.policy << v.builtin << v.editable << specs << counters
        << verbatimIndexes << verbatimIds << unknownExtensions;
    arg.endStructure();
    return arg;
}

const QDBusArgument &operator>>(const QDBusArgument &arg, ChainInfo &v)
{
    QByteArray specs;
    QByteArray counters;
    QList<uint> verbatimIndexes;
    QStringList verbatimIds;
    QStringList unknownExtensions;
    arg.beginStructure();
    arg >> v.table >> v.name >> v.policy >> v.builtin >> v.editable >> specs >> counters >>
        verbatimIndexes >> verbatimIds >> unknownExtensions;
    arg.endStructure();
    // Arrays that do not add up (no helper sends them) give no rules rather than wrong ones.
    v.rules.clear();
    if (counters.size() % CounterBytes != 0 || verbatimIds.size() != verbatimIndexes.size() ||
        unknownExtensions.size() != verbatimIndexes.size())
        return arg;
    const qsizetype count = counters.size() / CounterBytes;
    v.rules.resize(count);
    const char *const begin = specs.constData();
    qsizetype at = 0;
    for (qsizetype i = 0; i < count; ++i) {
        const void *nul =
            at < specs.size() ? std::memchr(begin + at, 0, size_t(specs.size() - at)) : nullptr;
        if (!nul) {
            v.rules.clear();
            return arg;
        }
        const qsizetype end = static_cast<const char *>(nul) - begin;
        RuleEntry &rule = v.rules[i];
        rule.spec = QString::fromUtf8(begin + at, end - at);
        at = end + 1;
        rule.packets = getCounter(counters.constData() + i * CounterBytes);
        rule.bytes = getCounter(counters.constData() + i * CounterBytes + 8);
    }
    if (at != specs.size()) {
        v.rules.clear();
        return arg;
    }
    for (qsizetype i = 0; i < verbatimIndexes.size(); ++i) {
        if (verbatimIndexes.at(i) >= uint(v.rules.size()))
            continue;
        RuleEntry &rule = v.rules[verbatimIndexes.at(i)];
        rule.verbatimId = verbatimIds.at(i);
        rule.unknownExtensions = unknownExtensions.at(i);
    }
    return arg;
}

QDBusArgument &operator<<(QDBusArgument &arg, const SnapshotNote &v)
{
    arg.beginStructure();
    arg << v.code << v.args;
    arg.endStructure();
    return arg;
}

const QDBusArgument &operator>>(const QDBusArgument &arg, SnapshotNote &v)
{
    arg.beginStructure();
    arg >> v.code >> v.args;
    arg.endStructure();
    return arg;
}

QDBusArgument &operator<<(QDBusArgument &arg, const ContainerAddress &v)
{
    arg.beginStructure();
    arg << v.name << v.network << v.address << v.prefixLength << v.gateway;
    arg.endStructure();
    return arg;
}

const QDBusArgument &operator>>(const QDBusArgument &arg, ContainerAddress &v)
{
    arg.beginStructure();
    arg >> v.name >> v.network >> v.address >> v.prefixLength >> v.gateway;
    arg.endStructure();
    return arg;
}

// A set's entries travel as one byte array (see IpsetInfo) rather than one string or struct
// each: Docker's sets hold up to 65,536 entries, which would be marshalled one by one.
QDBusArgument &operator<<(QDBusArgument &arg, const IpsetInfo &v)
{
    arg.beginStructure();
    arg << v.name << v.entries;
    arg.endStructure();
    return arg;
}

const QDBusArgument &operator>>(const QDBusArgument &arg, IpsetInfo &v)
{
    arg.beginStructure();
    arg >> v.name >> v.entries;
    arg.endStructure();
    return arg;
}

QDBusArgument &operator<<(QDBusArgument &arg, const Snapshot &v)
{
    arg.beginStructure();
    arg << v.backend << v.family << v.revision << v.chains << v.dockerUserExists
        << v.forwardJumpPosition << v.iptablesDisabled << v.backendDetail << v.warnings
        << v.containersRead << v.containers << v.ipsets;
    arg.endStructure();
    return arg;
}

const QDBusArgument &operator>>(const QDBusArgument &arg, Snapshot &v)
{
    arg.beginStructure();
    arg >> v.backend >> v.family >> v.revision >> v.chains >> v.dockerUserExists >>
        v.forwardJumpPosition >> v.iptablesDisabled >> v.backendDetail >> v.warnings >>
        v.containersRead >> v.containers >> v.ipsets;
    arg.endStructure();
    return arg;
}

QDBusArgument &operator<<(QDBusArgument &arg, const ApplyRule &v)
{
    arg.beginStructure();
    arg << v.spec << v.verbatimId;
    arg.endStructure();
    return arg;
}

const QDBusArgument &operator>>(const QDBusArgument &arg, ApplyRule &v)
{
    arg.beginStructure();
    arg >> v.spec >> v.verbatimId;
    arg.endStructure();
    return arg;
}

} // namespace Userchain

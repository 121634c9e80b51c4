#include "snapshotprinter.h"

#include "cliwords.h"

#include <QStringEncoder>

#include <cstring>

namespace Userchain {

namespace {
QString familyName(int family)
{
    return family == 6 ? QStringLiteral("IPv6") : QStringLiteral("IPv4");
}

/**
 * Appends UTF-8 to one array, encoding each text straight into it: tens of thousands of rules
 * printed through a UTF-16 string and a conversion at the end took twice the memory, and its
 * growth, most of printing them.
 */
class Utf8Out
{
public:
    explicit Utf8Out(QByteArray *out) : m_out(out) {}
    void add(QStringView text)
    {
        const qsizetype at = m_out->size();
        m_out->resize(at + m_encoder.requiredSpace(text.size()));
        char *begin = m_out->data() + at;
        m_out->truncate(at + (m_encoder.appendToBuffer(begin, text) - begin));
    }
    void add(const char *text) { m_out->append(text, qsizetype(std::strlen(text))); }
    void add(char c) { m_out->append(c); }
    void add(quint64 number) { m_out->append(QByteArray::number(number)); }

private:
    QByteArray *m_out;
    QStringEncoder m_encoder{QStringEncoder::Utf8, QStringEncoder::Flag::Stateless};
};
} // namespace

const ChainInfo *SnapshotPrinter::dockerUser(const Snapshot &snapshot)
{
    for (const ChainInfo &chain : snapshot.chains) {
        if (chain.table == QLatin1String("filter") && chain.name == QLatin1String("DOCKER-USER"))
            return &chain;
    }
    return nullptr;
}

QStringList SnapshotPrinter::dockerUserSpecs(const Snapshot &snapshot)
{
    QStringList specs;
    if (const ChainInfo *chain = dockerUser(snapshot)) {
        specs.reserve(chain->rules.size());
        for (const RuleEntry &rule : chain->rules)
            specs.append(rule.spec);
    }
    return specs;
}

QString SnapshotPrinter::status(const Snapshot &snapshot)
{
    QString out;
    out += QStringLiteral("backend:      %1 (%2)\n")
               .arg(snapshot.backend, familyName(snapshot.family));
    const Family family = snapshot.family == 6 ? Family::IPv6 : Family::IPv4;
    if (!snapshot.backendDetail.isEmpty())
        out += QStringLiteral("detail:       %1\n")
                   .arg(CliWords::detail(snapshot.backendDetail, family));
    out += QStringLiteral("revision:     %1\n").arg(snapshot.revision);
    if (const ChainInfo *chain = dockerUser(snapshot)) {
        int verbatim = 0;
        for (const RuleEntry &rule : chain->rules)
            verbatim += rule.verbatimId.isEmpty() ? 0 : 1;
        out += QStringLiteral("DOCKER-USER:  present, %1 rules").arg(chain->rules.size());
        if (verbatim)
            out += QStringLiteral(" (%1 with extensions kept verbatim)").arg(verbatim);
        out += QLatin1Char('\n');
    } else {
        out += QStringLiteral("DOCKER-USER:  missing\n");
    }
    if (snapshot.forwardJumpPosition > 0)
        out += QStringLiteral("FORWARD jump: -j DOCKER-USER at position %1\n")
                   .arg(snapshot.forwardJumpPosition);
    else
        out += QStringLiteral("FORWARD jump: missing\n");
    out += QStringLiteral("daemon.json:  %1\n")
               .arg(snapshot.iptablesDisabled ? QStringLiteral("\"iptables\": false (Docker "
                                                               "manages no chains)")
                                              : QStringLiteral("Docker manages iptables"));
    int chains = 0, rules = 0;
    for (const ChainInfo &chain : snapshot.chains) {
        ++chains;
        rules += chain.rules.size();
    }
    out += QStringLiteral("tables:       %1 chains, %2 rules\n").arg(chains).arg(rules);
    if (!snapshot.containersRead) {
        out += QStringLiteral("containers:   not known (Docker's API did not answer)\n");
    } else if (snapshot.containers.isEmpty()) {
        out += QStringLiteral("containers:   no running container has an %1 address\n")
                   .arg(familyName(snapshot.family));
    } else {
        QStringList containers;
        for (const ContainerAddress &c : snapshot.containers)
            containers << QStringLiteral("%1 %2 (%3)")
                              .arg(c.name.isEmpty() ? QStringLiteral("(unnamed)") : c.name,
                                   c.address, c.network);
        out += QStringLiteral("containers:   %1\n").arg(containers.join(QStringLiteral(", ")));
    }
    for (const IpsetInfo &set : snapshot.ipsets)
        out += QStringLiteral("ipset:        %1, %2 entries read\n")
                   .arg(set.name)
                   .arg(set.entries.size() / ipsetEntrySize(snapshot.family));
    for (const SnapshotNote &warning : snapshot.warnings)
        out += QStringLiteral("warning:      %1\n").arg(CliWords::warning(warning, family));
    return out;
}

QByteArray SnapshotPrinter::save(const Snapshot &snapshot, const QString &chain,
                                 const QString &table, bool counters)
{
    QStringList tables;
    for (const ChainInfo &info : snapshot.chains) {
        if (!tables.contains(info.table))
            tables.append(info.table);
    }
    const auto shown = [&](const ChainInfo &info, const QString &name) {
        return info.table == name && (chain.isEmpty() || info.name == chain);
    };
    // Room for everything at once: a UTF-16 unit is at most three bytes of UTF-8, and what is
    // reserved but not written is never touched.
    qsizetype units = 0;
    for (const ChainInfo &info : snapshot.chains)
        for (const RuleEntry &rule : info.rules)
            units += rule.spec.size() + info.name.size() + 48;
    QByteArray out;
    out.reserve(3 * units + 4096);
    Utf8Out write(&out);
    for (const QString &name : std::as_const(tables)) {
        if (!table.isEmpty() && name != table)
            continue;
        bool any = false;
        for (const ChainInfo &info : snapshot.chains)
            any = any || shown(info, name);
        if (!any)
            continue;
        write.add('*');
        write.add(name);
        write.add('\n');
        // Chain counters are not part of the snapshot; iptables-restore ignores zeros.
        for (const ChainInfo &info : snapshot.chains) {
            if (!shown(info, name))
                continue;
            write.add(':');
            write.add(info.name);
            write.add(' ');
            write.add(info.policy);
            write.add(" [0:0]\n");
        }
        for (const ChainInfo &info : snapshot.chains) {
            if (!shown(info, name))
                continue;
            for (const RuleEntry &rule : info.rules) {
                if (counters) {
                    write.add('[');
                    write.add(rule.packets);
                    write.add(':');
                    write.add(rule.bytes);
                    write.add("] ");
                }
                write.add("-A ");
                write.add(info.name);
                if (!rule.spec.isEmpty()) {
                    write.add(' ');
                    write.add(rule.spec);
                }
                write.add('\n');
            }
        }
        write.add("COMMIT\n");
    }
    return out;
}

} // namespace Userchain

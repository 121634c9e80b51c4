#include "snapshotprinter.h"

#include "cliwords.h"

namespace Userchain {

namespace {
QString familyName(int family)
{
    return family == 6 ? QStringLiteral("IPv6") : QStringLiteral("IPv4");
}
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

QString SnapshotPrinter::save(const Snapshot &snapshot, const QString &chain, const QString &table,
                              bool counters)
{
    QStringList tables;
    for (const ChainInfo &info : snapshot.chains) {
        if (!tables.contains(info.table))
            tables.append(info.table);
    }
    QString out;
    for (const QString &name : std::as_const(tables)) {
        if (!table.isEmpty() && name != table)
            continue;
        QString declarations;
        QString rules;
        for (const ChainInfo &info : snapshot.chains) {
            if (info.table != name || (!chain.isEmpty() && info.name != chain))
                continue;
            // Chain counters are not part of the snapshot; iptables-restore ignores zeros.
            declarations += QStringLiteral(":%1 %2 [0:0]\n").arg(info.name, info.policy);
            // Appended piece by piece: QString::arg per rule was most of printing 50,000.
            for (const RuleEntry &rule : info.rules) {
                if (counters) {
                    rules += QLatin1Char('[') + QString::number(rule.packets) + QLatin1Char(':') +
                             QString::number(rule.bytes) + QLatin1String("] ");
                }
                rules += QLatin1String("-A ");
                rules += info.name;
                if (!rule.spec.isEmpty()) {
                    rules += QLatin1Char(' ');
                    rules += rule.spec;
                }
                rules += QLatin1Char('\n');
            }
        }
        if (declarations.isEmpty())
            continue;
        out +=
            QStringLiteral("*%1\n").arg(name) + declarations + rules + QStringLiteral("COMMIT\n");
    }
    return out;
}

} // namespace Userchain

#include "ruleset.h"

#include "iptablescommand.h"
#include "ruleparser.h"

#include <QCoreApplication>
#include <algorithm>

namespace Userchain {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Userchain::Ruleset", text);
}

RulesetRule makeRule(const QString &spec, Family family, RuleError *error)
{
    RulesetRule r;
    r.text = spec;
    RuleError e;
    r.rule = RuleParser::parse(spec, family, &e);
    if (r.rule) {
        r.text = r.rule->toString();
    } else {
        r.opaque = e.unsupported && !e.token.isEmpty() ? e.token : e.message;
        if (error)
            *error = e;
    }
    return r;
}

} // namespace

void Ruleset::addChain(const RulesetChain &chain)
{
    if (!m_chains.value(chain.table).contains(chain.name))
        m_order[chain.table].append(chain.name);
    m_chains[chain.table].insert(chain.name, chain);
}

bool Ruleset::appendRule(const QString &table, const QString &chainName, const QString &spec,
                         QString *error)
{
    auto &tableChains = m_chains[table];
    auto it = tableChains.find(chainName);
    if (it == tableChains.end()) {
        if (error)
            *error = tr("no chain %1 in table %2").arg(chainName, table);
        return false;
    }
    RuleError e;
    RulesetRule r = makeRule(spec, family, &e);
    if (!r.rule && !e.unsupported) {
        if (error)
            *error = e.message;
        return false;
    }
    it->rules.append(r);
    derive();
    return true;
}

std::optional<Ruleset> Ruleset::fromSave(const QByteArray &data, Family family,
                                         QVector<FileError> *errors)
{
    RestoreFile file;
    if (!RestoreFile::read(data, &file, errors))
        return std::nullopt;
    Ruleset rs;
    rs.family = family;
    for (const RestoreChain &c : file.chains)
        rs.addChain({c.table, c.name, c.policy, {}});
    for (const RestoreCommand &cmd : file.commands) {
        const QString op = cmd.args.value(0);
        const QString chainName = cmd.args.value(1);
        const IptablesCommand::Kind command = IptablesCommand::of(op);
        if (command == IptablesCommand::NewChain) {
            rs.addChain({cmd.table, chainName, QStringLiteral("-"), {}});
            continue;
        }
        const bool append = command == IptablesCommand::Append;
        const bool insert = command == IptablesCommand::Insert;
        if (!append && !insert) {
            // Flushes and deletions do not occur in iptables-save output; refusing them keeps
            // the evaluator from modelling a table that differs from the file's intent.
            errors->append(
                {cmd.line, tr("\"%1\" is not a command of iptables-save output").arg(op)});
            continue;
        }
        auto &tableChains = rs.m_chains[cmd.table];
        auto it = tableChains.find(chainName);
        if (it == tableChains.end()) {
            errors->append({cmd.line, tr("chain %1 is not declared").arg(chainName)});
            continue;
        }
        QStringList spec = cmd.args.mid(2);
        int position = int(it->rules.size());
        if (insert) {
            bool ok = false;
            const int n = spec.value(0).toInt(&ok);
            position = 0;
            if (ok && n >= 1) {
                position = std::min(n - 1, int(it->rules.size()));
                spec.removeFirst();
            }
        }
        RuleError e;
        RulesetRule r;
        r.rule = RuleParser::parseArgs(spec, family, &e);
        if (r.rule) {
            r.text = r.rule->toString();
        } else if (e.unsupported) {
            r.text = spec.join(QLatin1Char(' '));
            r.opaque = e.token.isEmpty() ? e.message : e.token;
        } else {
            errors->append({cmd.line, e.message});
            continue;
        }
        it->rules.insert(position, r);
    }
    if (!errors->isEmpty())
        return std::nullopt;
    rs.derive();
    return rs;
}

Ruleset Ruleset::fromSnapshot(const Snapshot &snapshot)
{
    Ruleset rs;
    rs.family = snapshot.family == 6 ? Family::IPv6 : Family::IPv4;
    for (const ChainInfo &c : snapshot.chains) {
        RulesetChain chain{c.table, c.name, c.policy, {}};
        for (const RuleEntry &e : c.rules) {
            if (!e.verbatimId.isEmpty()) {
                RulesetRule r;
                r.text = e.spec;
                r.opaque = e.unknownExtensions.isEmpty() ? tr("a rule kept verbatim")
                                                         : e.unknownExtensions;
                chain.rules.append(r);
                continue;
            }
            chain.rules.append(makeRule(e.spec, rs.family, nullptr));
        }
        rs.addChain(chain);
    }
    const int entrySize = ipsetEntrySize(snapshot.family);
    for (const IpsetInfo &set : snapshot.ipsets) {
        // Entries that do not add up (no helper sends them) leave the set unread, not wrong.
        if (set.entries.size() % entrySize != 0)
            continue;
        IpSetContents contents;
        contents.reserve(set.entries.size() / entrySize);
        const auto *bytes = reinterpret_cast<const unsigned char *>(set.entries.constData());
        for (qsizetype at = 0; at < set.entries.size(); at += entrySize) {
            const auto net = IpNetwork::fromPrefix(IpAddress::fromBytes(bytes + at, rs.family),
                                                   bytes[at + entrySize - 1], rs.family);
            if (!net) {
                contents.clear();
                break;
            }
            contents.append(*net);
        }
        if (contents.size() == set.entries.size() / entrySize)
            rs.m_sets.insert(set.name, contents);
    }
    if (snapshot.containersRead) {
        QVector<RunningContainer> containers;
        for (const ContainerAddress &c : snapshot.containers) {
            const auto address = IpAddress::parse(c.address, rs.family);
            // One address that cannot be read makes "no container has X" unprovable.
            if (!address) {
                containers.clear();
                break;
            }
            RunningContainer r{c.name, c.network, *address, c.prefixLength, std::nullopt};
            if (!c.gateway.isEmpty())
                r.gateway = IpAddress::parse(c.gateway, rs.family);
            containers.append(r);
        }
        if (containers.size() == snapshot.containers.size())
            rs.m_containers = containers;
    }
    rs.derive();
    return rs;
}

void Ruleset::setRunningContainers(const QVector<RunningContainer> &containers)
{
    m_containers = containers;
}

bool Ruleset::addIpsets(const QByteArray &ipsetSave, QString *error)
{
    // Set name → the prefix every entry gets (a hash:ip set's netmask; -1: the entry's own),
    // for the hash:ip/hash:net sets of this family that can be read.
    QHash<QString, int> usable;
    int lineNo = 0;
    for (const QByteArray &raw : ipsetSave.split('\n')) {
        ++lineNo;
        const QStringList f = QString::fromUtf8(raw).split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (f.isEmpty() || f[0].startsWith(QLatin1Char('#')))
            continue;
        if (f[0] == QLatin1String("create") && f.size() >= 3) {
            const bool hashIp = f[2] == QLatin1String("hash:ip");
            const bool type = hashIp || f[2] == QLatin1String("hash:net");
            const int fam = f.indexOf(QStringLiteral("family"));
            const QString want =
                family == Family::IPv4 ? QStringLiteral("inet") : QStringLiteral("inet6");
            const bool familyOk = fam < 0 ? family == Family::IPv4 : f.value(fam + 1) == want;
            // hash:ip's netmask N stores and matches addresses as /N; a bitmask need not be a
            // prefix at all.
            const int netmaskAt = f.indexOf(QStringLiteral("netmask"));
            const int netmask = netmaskAt < 0 ? -1 : f.value(netmaskAt + 1).toInt();
            const bool maskOk = !f.contains(QStringLiteral("bitmask")) &&
                                (netmaskAt < 0 || (hashIp && netmask > 0));
            usable.remove(f[1]);
            m_sets.remove(f[1]);
            if (type && familyOk && maskOk) {
                usable.insert(f[1], netmask);
                m_sets.insert(f[1], {});
            }
        } else if (f[0] == QLatin1String("add") && f.size() >= 3) {
            const auto set = usable.constFind(f[1]);
            if (set == usable.constEnd())
                continue;
            // A nomatch entry carves an exception out of the entries around it: such a set is
            // left unread rather than read as a plain union.
            if (f.contains(QStringLiteral("nomatch"))) {
                m_sets.remove(f[1]);
                usable.remove(f[1]);
                continue;
            }
            auto net = IpNetwork::parse(f[2], family);
            if (net && *set >= 0)
                net = IpNetwork::fromPrefix(net->addr, *set, family);
            if (!net) {
                if (error)
                    *error =
                        tr("line %1: \"%2\" is not an address or network").arg(lineNo).arg(f[2]);
                return false;
            }
            m_sets[f[1]].append(*net);
        }
    }
    return true;
}

const RulesetChain *Ruleset::chain(const QString &table, const QString &name) const
{
    // Two lookups without building a key: the walker resolves every jump through here.
    const auto t = m_chains.constFind(table);
    if (t == m_chains.constEnd())
        return nullptr;
    const auto it = t->constFind(name);
    return it == t->constEnd() ? nullptr : &*it;
}

QStringList Ruleset::chainNames(const QString &table) const
{
    return m_order.value(table);
}

const IpSetContents *Ruleset::set(const QString &name) const
{
    const auto it = m_sets.constFind(name);
    return it == m_sets.constEnd() ? nullptr : &*it;
}

void Ruleset::derive()
{
    deriveRoutes();
    deriveMarks();
}

void Ruleset::deriveMarks()
{
    // What can give a packet or its connection a mark in the tables read: MARK, CONNMARK
    // (--restore-mark copies the connection's mark to the packet, the others set the
    // connection's), and any rule the evaluator cannot read.
    m_markSet = m_ctMarkSet = false;
    for (const auto &table : std::as_const(m_chains)) {
        for (const RulesetChain &c : table) {
            for (const RulesetRule &r : c.rules) {
                const QString target = r.rule ? r.rule->target.name : QString();
                if (!r.rule) {
                    m_markSet = m_ctMarkSet = true;
                } else if (target == QLatin1String("MARK")) {
                    m_markSet = true;
                } else if (target == QLatin1String("CONNMARK")) {
                    if (r.rule->target.option(QStringLiteral("--restore-mark")))
                        m_markSet = true;
                    else
                        m_ctMarkSet = true;
                }
            }
        }
    }
}

std::optional<quint32> Ruleset::initialMark() const
{
    // Without the mangle table nothing says that no rule there sets marks.
    if (m_markSet || !m_chains.contains(QStringLiteral("mangle")))
        return std::nullopt;
    return 0;
}

std::optional<quint32> Ruleset::initialCtMark() const
{
    if (m_ctMarkSet || !m_chains.contains(QStringLiteral("mangle")))
        return std::nullopt;
    return 0;
}

void Ruleset::deriveRoutes()
{
    m_routes.clear();
    auto add = [this](const QString &net, const QString &bridge) {
        const auto n = IpNetwork::parse(net, family);
        if (n && n->isContiguous() && !bridge.isEmpty() && !bridge.endsWith(QLatin1Char('+')))
            m_routes.append({*n, bridge});
    };
    if (const RulesetChain *c = chain(QStringLiteral("filter"), QStringLiteral("DOCKER"))) {
        for (const RulesetRule &r : c->rules)
            if (r.rule && !r.rule->destination.isEmpty() && !r.rule->destinationNegated &&
                !r.rule->outInterfaceNegated)
                add(r.rule->destination, r.rule->outInterface);
    }
    if (const RulesetChain *c = chain(QStringLiteral("raw"), QStringLiteral("PREROUTING"))) {
        for (const RulesetRule &r : c->rules)
            if (r.rule && !r.rule->destination.isEmpty() && !r.rule->destinationNegated &&
                r.rule->inInterfaceNegated && r.rule->target.name == QLatin1String("DROP"))
                add(r.rule->destination, r.rule->inInterface);
    }
    if (const RulesetChain *c = chain(QStringLiteral("nat"), QStringLiteral("POSTROUTING"))) {
        for (const RulesetRule &r : c->rules)
            if (r.rule && !r.rule->source.isEmpty() && !r.rule->sourceNegated &&
                r.rule->outInterfaceNegated && r.rule->target.name == QLatin1String("MASQUERADE"))
                add(r.rule->source, r.rule->outInterface);
    }
    // Longest prefix first, as the kernel's routing table chooses.
    std::stable_sort(m_routes.begin(), m_routes.end(),
                     [](const Route &a, const Route &b) { return a.net.prefix > b.net.prefix; });
}

QString Ruleset::bridgeFor(const IpAddress &address) const
{
    for (const Route &r : m_routes)
        if (r.net.contains(address))
            return r.bridge;
    return {};
}

QStringList Ruleset::bridges() const
{
    QStringList names;
    for (const Route &r : m_routes)
        if (!r.bridge.isEmpty() && !names.contains(r.bridge))
            names << r.bridge;
    return names;
}

bool Ruleset::isContainerAddress(const IpAddress &address) const
{
    for (const Route &r : m_routes) {
        const AddressRange range = r.net.range(family);
        if (range.first == range.last && range.first == address)
            return true;
    }
    return false;
}

QString Ruleset::runningContainerName(const IpAddress &address) const
{
    // Networks with overlapping subnets could give one address to two containers; a name is
    // given only when it is the one.
    QString name;
    if (m_containers) {
        for (const RunningContainer &c : *m_containers) {
            if (c.address != address || c.name == name)
                continue;
            if (!name.isEmpty())
                return {};
            name = c.name;
        }
    }
    return name;
}

bool parseNatDestination(const QString &text, Family family, IpAddress *address, int *port)
{
    QString addr = text;
    QString portText;
    if (text.startsWith(QLatin1Char('['))) {
        const qsizetype close = text.indexOf(QLatin1Char(']'));
        if (close < 0)
            return false;
        addr = text.mid(1, close - 1);
        if (text.mid(close + 1).startsWith(QLatin1Char(':')))
            portText = text.mid(close + 2);
    } else if (family == Family::IPv4) {
        const qsizetype colon = text.indexOf(QLatin1Char(':'));
        if (colon >= 0) {
            addr = text.left(colon);
            portText = text.mid(colon + 1);
        }
    }
    // A range of addresses "a-b" (rare for Docker): the first one stands for the container.
    addr = addr.section(QLatin1Char('-'), 0, 0);
    const auto a = IpAddress::parse(addr, family);
    if (!a)
        return false;
    *address = *a;
    *port = portText.isEmpty() ? 0 : portText.section(QLatin1Char('-'), 0, 0).toInt();
    return true;
}

QVector<PublishedPort> Ruleset::publishedPorts() const
{
    QVector<PublishedPort> out;
    const RulesetChain *c = chain(QStringLiteral("nat"), QStringLiteral("DOCKER"));
    if (!c)
        return out;
    for (int i = 0; i < c->rules.size(); ++i) {
        const RulesetRule &r = c->rules[i];
        if (!r.rule || r.rule->target.name != QLatin1String("DNAT"))
            continue;
        const RuleOption *to = r.rule->target.option(QStringLiteral("--to-destination"));
        PublishedPort p;
        if (!to ||
            !parseNatDestination(to->args.value(0), family, &p.containerAddress, &p.containerPort))
            continue;
        if (!r.rule->destination.isEmpty() && !r.rule->destinationNegated) {
            const auto net = IpNetwork::parse(r.rule->destination, family);
            if (net && net->range(family).first == net->range(family).last)
                p.hostAddress = net->addr;
        }
        const bool tcp = r.rule->protocol == QLatin1String("tcp");
        const bool udp = r.rule->protocol == QLatin1String("udp");
        if (r.rule->protocolNegated || (!tcp && !udp && r.rule->protocol != QLatin1String("sctp")))
            continue;
        p.protocol = tcp ? 6 : udp ? 17 : 132;
        const RuleMatch *m = r.rule->match(r.rule->protocol);
        const RuleOption *dport = m ? m->option(QStringLiteral("--dport")) : nullptr;
        if (!dport || dport->negated)
            continue;
        const auto ports = PortRange::parse(dport->args.value(0));
        if (!ports)
            continue;
        p.hostPorts = *ports;
        p.bridge = bridgeFor(p.containerAddress);
        p.containerName = runningContainerName(p.containerAddress);
        p.ruleNumber = i + 1;
        p.ruleText = r.text;
        out.append(p);
    }
    return out;
}

} // namespace Userchain

#include "replywitness.h"

#include "chainwalker.h"
#include "rulematcher.h"

namespace Userchain {

namespace {

/// Once the walks have tried this many rules in all, the remaining rules get no lint: each
/// proof walks FORWARD up to the rule, and a table of 10,000 rules must stay quick to lint
/// (about 0.3 s of walking at most).
constexpr qint64 WalkBudget = 1000000;
constexpr int EphemeralPort = 40000;

bool testsDestination(const Rule &rule)
{
    if (!rule.destination.isEmpty())
        return true;
    for (const RuleMatch &m : rule.matches) {
        if (m.name == QLatin1String("set") || m.name == QLatin1String("addrtype"))
            return true;
        for (const RuleOption &o : m.options) {
            if (o.name == QLatin1String("--dst-range") || o.name == QLatin1String("--ctorigdst") ||
                o.name == QLatin1String("--ctrepldst") || o.name == QLatin1String("--ctreplsrc") ||
                o.name == QLatin1String("--ctorigsrc"))
                return true;
        }
    }
    return false;
}

bool usesSnatState(const Rule &rule)
{
    for (const RuleMatch &m : rule.matches)
        for (const RuleOption &o : m.options)
            if ((o.name == QLatin1String("--ctstate") || o.name == QLatin1String("--state")) &&
                o.args.value(0).split(QLatin1Char(',')).contains(QLatin1String("SNAT")))
                return true;
    return false;
}

/// The protocol number a rule's `-p` names for this lint, or 0 when it is not one it handles.
int protocolOf(const Rule &rule)
{
    if (rule.protocol.isEmpty())
        return 6; // any: a TCP reply stands for them
    if (rule.protocolNegated)
        return 0;
    if (rule.protocol == QLatin1String("tcp"))
        return 6;
    if (rule.protocol == QLatin1String("udp"))
        return 17;
    if (rule.family == Family::IPv4 && rule.protocol == QLatin1String("icmp"))
        return 1;
    if (rule.family == Family::IPv6 &&
        (rule.protocol == QLatin1String("ipv6-icmp") || rule.protocol == QLatin1String("icmpv6")))
        return 58;
    return 0;
}

/**
 * The rule's own conditions allow the lint: nothing aimed at particular sources, no port, flag,
 * type or state condition. Sets *port to `--ctorigdstport`'s port when it has one.
 */
bool conditionsAllowed(const Rule &rule, int *port)
{
    if ((!rule.source.isEmpty() && !rule.sourceNegated) || rule.fragment)
        return false;
    for (const RuleMatch &m : rule.matches) {
        if (m.name == QLatin1String("comment"))
            continue;
        if ((m.name == QLatin1String("tcp") || m.name == QLatin1String("udp")) &&
            m.options.isEmpty())
            continue;
        for (const RuleOption &o : m.options) {
            if (m.name == QLatin1String("iprange")) {
                if (o.name == QLatin1String("--src-range") && !o.negated)
                    return false;
            } else if (m.name == QLatin1String("set")) {
                const QString dir = o.args.value(1).section(QLatin1Char(','), 0, 0);
                if (o.name != QLatin1String("--match-set") ||
                    (dir == QLatin1String("src") && !o.negated))
                    return false;
            } else if (m.name == QLatin1String("conntrack") &&
                       o.name == QLatin1String("--ctorigdstport") && !o.negated) {
                const auto range = PortRange::parse(o.args.value(0));
                if (!range)
                    return false;
                *port = range->first;
            } else {
                return false;
            }
        }
    }
    return true;
}

} // namespace

ReplyWitness::ReplyWitness(const Ruleset &ruleset)
    : m_ruleset(ruleset),
      m_chain(ruleset.chain(QStringLiteral("filter"), QStringLiteral("DOCKER-USER")))
{
    const Family family = ruleset.family;
    auto addBridge = [this](const QString &name) {
        if (!name.isEmpty() && !name.endsWith(QLatin1Char('+')) && !m_bridges.contains(name))
            m_bridges.append(name);
    };
    // Containers Docker publishes ports for are running; their addresses are the best examples.
    for (const PublishedPort &p : ruleset.publishedPorts()) {
        if (p.bridge.isEmpty())
            continue;
        addBridge(p.bridge);
        const bool known =
            std::any_of(m_containers.cbegin(), m_containers.cend(),
                        [&](const Container &c) { return c.address == p.containerAddress; });
        if (!known)
            m_containers.append({p.containerAddress, p.bridge, true});
    }
    if (const RulesetChain *docker =
            ruleset.chain(QStringLiteral("filter"), QStringLiteral("DOCKER")))
        for (const RulesetRule &r : docker->rules)
            if (r.rule && !r.rule->outInterfaceNegated)
                addBridge(r.rule->outInterface);
    // `-s SUBNET ! -o BRIDGE -j MASQUERADE`: the network's containers connect out.
    if (const RulesetChain *post =
            ruleset.chain(QStringLiteral("nat"), QStringLiteral("POSTROUTING"))) {
        for (const RulesetRule &r : post->rules) {
            if (!r.rule || r.rule->target.name != QLatin1String("MASQUERADE") ||
                r.rule->source.isEmpty() || r.rule->sourceNegated || !r.rule->outInterfaceNegated ||
                r.rule->outInterface.endsWith(QLatin1Char('+')))
                continue;
            addBridge(r.rule->outInterface);
            const auto net = IpNetwork::parse(r.rule->source, family);
            if (!net || !net->isContiguous() || net->prefix > (family == Family::IPv4 ? 30 : 126))
                continue;
            const IpAddress representative = net->range(family).first.next().next();
            const bool known =
                std::any_of(m_containers.cbegin(), m_containers.cend(),
                            [&](const Container &c) { return c.address == representative; });
            if (!known)
                m_containers.append({representative, r.rule->outInterface, false});
        }
    }
    if (!m_chain)
        return;
    Prefix running;
    m_prefix.reserve(m_chain->rules.size());
    for (const RulesetRule &r : m_chain->rules) {
        if (!r.rule) {
            running.several = true; // what it names is not known
        } else {
            for (const QString &name : {r.rule->inInterface, r.rule->outInterface}) {
                if (name.isEmpty() || namesBridge(name))
                    continue;
                if (running.external.isEmpty())
                    running.external = name;
                else if (running.external != name)
                    running.several = true;
            }
            running.testsDestination = running.testsDestination || testsDestination(*r.rule);
            running.snatState = running.snatState || usesSnatState(*r.rule);
        }
        m_prefix.append(running);
    }
}

bool ReplyWitness::namesBridge(const QString &pattern) const
{
    return std::any_of(m_bridges.cbegin(), m_bridges.cend(),
                       [&](const QString &bridge) { return interfaceMatches(pattern, bridge); });
}

ReplyWitness::Walk ReplyWitness::walk(bool reply, const ReplyExample &example,
                                      const IpAddress &remote, const IpAddress &container)
{
    const QString key = QStringLiteral("%1|%2|%3|%4|%5|%6")
                            .arg(int(reply))
                            .arg(example.protocol)
                            .arg(example.remotePort)
                            .arg(example.inInterface, example.remote, example.container);
    const auto cached = m_walks.constFind(key);
    if (cached != m_walks.constEnd())
        return *cached;
    const Family family = m_ruleset.family;
    const bool icmp = example.protocol == 1 || example.protocol == 58;
    MatchContext ctx;
    ctx.family = family;
    ctx.hasOut = true;
    ctx.protocol = example.protocol;
    ctx.dstContainer = true; // forwarded unicast, both ways
    ctx.origSrc = container;
    ctx.origDst = remote;
    ctx.replSrc = remote;
    // The reply's destination in the reply tuple is the host's masquerading address: unknown.
    if (!icmp) {
        ctx.origSport = EphemeralPort;
        ctx.origDport = example.remotePort;
        ctx.replSport = example.remotePort;
    }
    if (reply) {
        ctx.in = example.inInterface;
        ctx.out = m_ruleset.bridgeFor(container);
        ctx.src = remote;
        ctx.dst = container;
        ctx.state = CtState::Established;
        ctx.direction = CtDirection::Reply;
        ctx.confirmed = true;
        if (icmp) {
            ctx.icmpType = family == Family::IPv4 ? 0 : 129; // echo reply
            ctx.icmpCode = 0;
        } else {
            ctx.sport = example.remotePort;
            ctx.dport = EphemeralPort;
        }
        if (example.protocol == 6)
            ctx.tcpFlags = 0x10; // ACK
    } else {
        ctx.in = m_ruleset.bridgeFor(container);
        ctx.out = example.inInterface;
        ctx.src = container;
        ctx.dst = remote;
        ctx.state = CtState::New;
        ctx.direction = CtDirection::Original;
        if (icmp) {
            ctx.icmpType = family == Family::IPv4 ? 8 : 128; // echo request
            ctx.icmpCode = 0;
        } else {
            ctx.sport = EphemeralPort;
            ctx.dport = example.remotePort;
        }
        if (example.protocol == 6)
            ctx.tcpFlags = 0x02; // SYN
    }
    // What a walk costs: the rules of DOCKER-USER up to where it ends, or all of them.
    m_spent += m_chain->rules.size() + 1;
    PacketOracle oracle(m_ruleset, ctx);
    const WalkOutcome outcome = ChainWalker::walk(m_ruleset, QStringLiteral("filter"),
                                                  QStringLiteral("FORWARD"), oracle, false);
    const Walk result{int(outcome.kind), outcome.chain == m_chain ? outcome.index : -1};
    m_walks.insert(key, result);
    return result;
}

std::optional<ReplyExample> ReplyWitness::dropsReplies(int index)
{
    if (!m_chain || index < 0 || index >= m_chain->rules.size() || !m_chain->rules[index].rule)
        return std::nullopt;
    const Rule &rule = *m_chain->rules[index].rule;
    const Prefix &prefix = m_prefix.at(index);
    if (rule.target.isGoto ||
        (rule.target.name != QLatin1String("DROP") &&
         rule.target.name != QLatin1String("REJECT")) ||
        prefix.several || prefix.snatState)
        return std::nullopt;
    ReplyExample example;
    example.protocol = protocolOf(rule);
    example.remotePort = example.protocol == 17 ? 53 : 443;
    if (example.protocol == 0 || !conditionsAllowed(rule, &example.remotePort))
        return std::nullopt;
    if (example.protocol == 1 || example.protocol == 58)
        example.remotePort = 0;
    // Replies come in from outside Docker's bridges and go out to a container's bridge.
    if (!rule.outInterface.isEmpty() &&
        (rule.outInterfaceNegated || !namesBridge(rule.outInterface)))
        return std::nullopt;
    QString name;
    if (!rule.inInterface.isEmpty()) {
        if (rule.inInterfaceNegated != namesBridge(rule.inInterface))
            return std::nullopt; // `-i docker0` or `! -i eth0`: not simply "from outside"
        if (!rule.inInterfaceNegated)
            name = rule.inInterface;
    }
    if (!prefix.external.isEmpty() && prefix.external != name)
        return std::nullopt; // another outside interface is named: the answer may differ
    example.inInterface = name;
    if (name.endsWith(QLatin1Char('+')))
        name = name.chopped(1) + QLatin1Char('0');
    else if (name.isEmpty())
        name = QStringLiteral("eth0"); // any name outside Docker's bridges gives the same walk
    if (namesBridge(name))
        return std::nullopt;

    const Family family = m_ruleset.family;
    const QStringList remotes =
        family == Family::IPv4
            ? QStringList{QStringLiteral("203.0.113.10"), QStringLiteral("198.51.100.10"),
                          QStringLiteral("192.0.2.10"), QStringLiteral("8.8.8.8")}
            : QStringList{QStringLiteral("2001:db8:ffff::10"), QStringLiteral("2001:db8:1::10"),
                          QStringLiteral("2606:4700:4700::1111")};
    for (const Container &c : std::as_const(m_containers)) {
        if ((!c.published && prefix.testsDestination) ||
            (!rule.outInterface.isEmpty() && !interfaceMatches(rule.outInterface, c.bridge)))
            continue;
        for (const QString &remoteText : remotes) {
            const auto remote = IpAddress::parse(remoteText, family);
            if (!remote || !m_ruleset.bridgeFor(*remote).isEmpty())
                continue;
            if (m_spent >= WalkBudget)
                return std::nullopt;
            ReplyExample candidate = example;
            candidate.remote = remoteText;
            candidate.container = c.address.toString(family);
            candidate.bridge = c.bridge;
            candidate.published = c.published;
            ReplyExample walked = candidate;
            walked.inInterface = name;
            const Walk back = walk(true, walked, *remote, c.address);
            if (back.index != index ||
                (back.kind != WalkOutcome::Drop && back.kind != WalkOutcome::Reject))
                continue;
            if (walk(false, walked, *remote, c.address).kind != WalkOutcome::Accept)
                continue; // the container cannot connect there: no replies to drop
            return candidate;
        }
    }
    return std::nullopt;
}

} // namespace Userchain

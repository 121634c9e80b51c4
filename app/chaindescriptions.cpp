#include "chaindescriptions.h"

#include "ruleparser.h"

#include <functional>

using Userchain::ChainInfo;
using Userchain::Family;
using Userchain::Rule;
using Userchain::Snapshot;

namespace {
/// The rule a spec holds; a spec whose family is not known is read as either (a rule with no
/// address reads the same in both). nullopt for text the parser does not read.
std::optional<Rule> parsed(const QString &spec, std::optional<Family> family = std::nullopt)
{
    for (const Family f : {Family::IPv4, Family::IPv6}) {
        if (family && *family != f) {
            continue;
        }
        if (auto rule = Userchain::RuleParser::parse(spec, f)) {
            return rule;
        }
    }
    return std::nullopt;
}

/// Whether the rule tests Docker's ipset of bridge subnets (docker-ext-bridges-v4 / -v6).
bool usesBridgeSet(const Rule &rule)
{
    const Userchain::RuleMatch *set = rule.match(QStringLiteral("set"));
    const Userchain::RuleOption *option =
        set ? set->option(QStringLiteral("--match-set")) : nullptr;
    return option && option->args.value(0).startsWith(QLatin1String("docker-ext-bridges-v"));
}

bool hasDestinationPort(const Rule &rule)
{
    for (const Userchain::RuleMatch &m : rule.matches) {
        if ((m.name == QLatin1String("tcp") || m.name == QLatin1String("udp")) &&
            m.option(QStringLiteral("--dport"))) {
            return true;
        }
    }
    return false;
}

const ChainInfo *findChain(const Snapshot &host, const QString &table, const QString &name)
{
    for (const ChainInfo &c : host.chains) {
        if (c.table == table && c.name == name) {
            return &c;
        }
    }
    return nullptr;
}

bool anyRule(const ChainInfo *chain, Family family, const std::function<bool(const Rule &)> &test)
{
    return chain && std::any_of(chain->rules.cbegin(), chain->rules.cend(),
                                [&](const Userchain::RuleEntry &r) {
                                    const auto rule = parsed(r.spec, family);
                                    return rule && test(*rule);
                                });
}
} // namespace

QStringList ChainDescriptions::dockerFilterChains()
{
    return {QStringLiteral("DOCKER"),
            QStringLiteral("DOCKER-ISOLATION-STAGE-1"),
            QStringLiteral("DOCKER-ISOLATION-STAGE-2"),
            QStringLiteral("DOCKER-FORWARD"),
            QStringLiteral("DOCKER-BRIDGE"),
            QStringLiteral("DOCKER-CT"),
            QStringLiteral("DOCKER-INTERNAL"),
            QStringLiteral("DOCKER-INGRESS")};
}

QStringList ChainDescriptions::dockerNatChains()
{
    return {QStringLiteral("DOCKER"), QStringLiteral("DOCKER-INGRESS")};
}

QString ChainDescriptions::describeRule(const QString &table, const QString &chain,
                                        const QString &spec)
{
    Q_UNUSED(chain);
    const auto rule = parsed(spec);
    if (!rule) {
        return QString();
    }
    if (usesBridgeSet(*rule)) {
        return tr("docker-ext-bridges-v4/-v6 is the ipset in which Docker 28.0 keeps the subnets "
                  "of its bridge networks (those that are not --internal): this rule matches "
                  "traffic to or from any of them. Docker fills the set itself.");
    }
    if (table == QLatin1String("raw") && rule->target.name == QLatin1String("DROP")) {
        return tr("Docker 28's protection against direct routing: drops packets for a "
                  "container's address that arrive on any interface but the container's own "
                  "bridge, so that only published ports reach it.");
    }
    return QString();
}

bool ChainDescriptions::isDockerChain(const QString &name)
{
    return name != QLatin1String("DOCKER-USER") &&
           (name == QLatin1String("DOCKER") || name.startsWith(QLatin1String("DOCKER-")));
}

QString ChainDescriptions::describe(const QString &table, const QString &chain,
                                    const Snapshot &host)
{
    if (table == QLatin1String("nat")) {
        if (chain == QLatin1String("DOCKER")) {
            return tr("Docker's published ports: rewrites the destination of traffic to a host "
                      "port to the container (DNAT). Docker rewrites it whenever a container "
                      "starts or stops; an edit would be lost or break port publishing.");
        }
        if (chain == QLatin1String("DOCKER-INGRESS")) {
            return tr("Swarm's routing mesh: sends traffic for a service's published port to "
                      "the ingress network (DNAT). Docker maintains it while the node is in a "
                      "swarm.");
        }
        return tr("A chain of the nat table, shown for reference. Userchain never changes it.");
    }
    if (table == QLatin1String("raw")) {
        if (chain == QLatin1String("PREROUTING")) {
            // Docker 28.0 and 28.1 drop per published port, 28.2 and later per container.
            const ChainInfo *raw = findChain(host, table, chain);
            const auto isDrop = [](const Rule &rule) {
                return rule.target.name == QLatin1String("DROP");
            };
            const Family family = host.family == 6 ? Family::IPv6 : Family::IPv4;
            QString text = tr("The raw table sees packets before connection tracking and before "
                              "DOCKER-USER; rules in DOCKER-USER cannot let through what it "
                              "drops.");
            if (anyRule(raw, family, [&isDrop](const Rule &rule) {
                    return isDrop(rule) && hasDestinationPort(rule);
                })) {
                text += QLatin1Char(' ') +
                        tr("Here Docker drops packets for a published port of a container that "
                           "arrive on any interface but the container's own bridge (direct "
                           "routing), one rule per published port.");
            } else if (anyRule(raw, family, isDrop)) {
                text += QLatin1Char(' ') +
                        tr("Here Docker drops packets for a container's address that arrive on "
                           "any interface but the container's own bridge (direct routing), one "
                           "rule per container.");
            }
            return text;
        }
        return tr("A chain of the raw table, shown for reference. Userchain never changes it.");
    }
    if (chain == QLatin1String("DOCKER-USER")) {
        return tr("Your rules. Forwarded traffic passes here before any of Docker's rules, and "
                  "Docker never changes what you put here. RETURN hands a packet on to Docker; "
                  "ACCEPT skips Docker's own checks.");
    }
    if (chain == QLatin1String("DOCKER")) {
        return tr("Accepts traffic to the ports containers publish. Docker rewrites it whenever "
                  "a container starts or stops; an edit would be lost or open the wrong port.");
    }
    if (chain == QLatin1String("DOCKER-ISOLATION-STAGE-1")) {
        return tr("First stage of the isolation between Docker networks: sends traffic that "
                  "leaves a bridge to stage 2. Docker manages it; an edit could connect "
                  "networks that are meant to be apart.");
    }
    if (chain == QLatin1String("DOCKER-ISOLATION-STAGE-2")) {
        return tr("Drops traffic crossing from one Docker network into another. Docker "
                  "manages it; an edit could connect networks that are meant to be apart.");
    }
    if (chain == QLatin1String("DOCKER-FORWARD")) {
        return tr("Docker 28's entry point from FORWARD: runs Docker's connection-tracking, "
                  "internal-network and bridge chains. Docker rebuilds it at start; edits are "
                  "lost and can cut containers off.");
    }
    if (chain == QLatin1String("DOCKER-BRIDGE")) {
        return tr("Sends traffic for each Docker bridge to the DOCKER chain (Docker 28). "
                  "Docker rebuilds it whenever a network changes.");
    }
    if (chain == QLatin1String("DOCKER-CT")) {
        return tr("Accepts replies of connections containers take part in (Docker 28). Docker "
                  "rebuilds it; breaking it stops replies reaching containers.");
    }
    if (chain == QLatin1String("DOCKER-INTERNAL")) {
        return tr("Keeps --internal networks from reaching outside (Docker 28). Docker "
                  "rebuilds it; an edit could let an internal network out.");
    }
    if (chain == QLatin1String("DOCKER-INGRESS")) {
        return tr("Swarm's published ports: accepts traffic to and from the ports of swarm "
                  "services (the routing mesh). Docker maintains it while the node is in a "
                  "swarm.");
    }
    if (chain == QLatin1String("FORWARD")) {
        // One layout, the host's: Docker 28.0.1+ (DOCKER-FORWARD), 28.0.0 (the ipset in
        // FORWARD itself) or the per-bridge rules of Docker 27 and earlier.
        QString layout;
        if (findChain(host, table, QStringLiteral("DOCKER-FORWARD"))) {
            layout = tr("Docker jumps from here to DOCKER-USER first, then to DOCKER-FORWARD, "
                        "which runs Docker's other chains.");
        } else if (anyRule(findChain(host, table, chain),
                           host.family == 6 ? Family::IPv6 : Family::IPv4, usesBridgeSet)) {
            layout = tr("Docker jumps from here to DOCKER-USER first; its next rules match all "
                        "its bridges at once through the ipset docker-ext-bridges-v4 (-v6), "
                        "accept replies, and send new connections to DOCKER.");
        } else if (findChain(host, table, QStringLiteral("DOCKER-ISOLATION-STAGE-1"))) {
            layout = tr("Docker jumps from here to DOCKER-USER first, then to "
                        "DOCKER-ISOLATION-STAGE-1; then, for each of its bridges, it accepts "
                        "replies, sends new connections to DOCKER and accepts what leaves the "
                        "bridge.");
        } else {
            layout = tr("Docker puts its jumps here, DOCKER-USER first.");
        }
        return tr("The kernel's chain for forwarded traffic.") + QLatin1Char(' ') + layout +
               QLatin1Char(' ') +
               tr("Userchain only ever restores the jump to DOCKER-USER, and only when you ask.");
    }
    if (isDockerChain(chain)) {
        return tr("A chain Docker created. Docker manages it; do not edit it.");
    }
    return tr("A chain that is not Docker's, shown for reference. Userchain never changes it.");
}

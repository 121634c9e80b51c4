#include "chaindescriptions.h"

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
    if (spec.contains(QLatin1String("--match-set docker-ext-bridges-v"))) {
        return tr("docker-ext-bridges-v4/-v6 is the ipset in which Docker 28.0 keeps the subnets "
                  "of its bridge networks (those that are not --internal): this rule matches "
                  "traffic to or from any of them. Docker fills the set itself.");
    }
    if (table == QLatin1String("raw") && spec.endsWith(QLatin1String("-j DROP"))) {
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

QString ChainDescriptions::describe(const QString &table, const QString &chain)
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
            return tr("The raw table sees packets before connection tracking and before "
                      "DOCKER-USER. Since Docker 28 it holds Docker's drops of packets sent "
                      "straight to a container's address from outside its bridge (direct "
                      "routing), per published port (28.0, 28.1) or per container (28.2 and "
                      "later). Rules in DOCKER-USER cannot let such packets through.");
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
        return tr("The kernel's chain for forwarded traffic. Docker puts its jumps here, "
                  "DOCKER-USER first (from 28.0.1 on only DOCKER-USER and DOCKER-FORWARD; 28.0.0 "
                  "matches its bridges with the ipset docker-ext-bridges-v4 here). Userchain "
                  "only ever restores the jump to DOCKER-USER, and only when you ask.");
    }
    if (isDockerChain(chain)) {
        return tr("A chain Docker created. Docker manages it; do not edit it.");
    }
    return tr("A chain that is not Docker's, shown for reference. Userchain never changes it.");
}

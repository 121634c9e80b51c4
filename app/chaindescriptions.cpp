#include "chaindescriptions.h"

QStringList ChainDescriptions::dockerFilterChains()
{
    return {QStringLiteral("DOCKER"),
            QStringLiteral("DOCKER-ISOLATION-STAGE-1"),
            QStringLiteral("DOCKER-ISOLATION-STAGE-2"),
            QStringLiteral("DOCKER-FORWARD"),
            QStringLiteral("DOCKER-BRIDGE"),
            QStringLiteral("DOCKER-CT"),
            QStringLiteral("DOCKER-INTERNAL")};
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
        return tr("A chain of the nat table, shown for reference. Userchain never changes it.");
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
    if (chain == QLatin1String("FORWARD")) {
        return tr("The kernel's chain for forwarded traffic. Docker puts its jumps here, "
                  "DOCKER-USER first. Userchain only ever restores the jump to DOCKER-USER, and "
                  "only when you ask.");
    }
    if (isDockerChain(chain)) {
        return tr("A chain Docker created. Docker manages it; do not edit it.");
    }
    return tr("A chain that is not Docker's, shown for reference. Userchain never changes it.");
}

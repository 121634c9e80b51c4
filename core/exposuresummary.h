#pragma once

#include "exposure.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QVector>

namespace Userchain {

/// A rule that decides part of a port's exposure: where to find it and what it says.
struct DecidingRule
{
    QString table;
    QString chain;
    int rule = 0; ///< 1-based; 0: the chain's policy
    QString text;

    bool operator==(const DecidingRule &o) const
    {
        return table == o.table && chain == o.chain && rule == o.rule;
    }
};

/**
 * One published port's exposure in the words a user reads: "anyone, any interface",
 * "only 10.11.11.0/24 on eth0", "nobody", or "depends on rule 3 of DOCKER-USER (uses limit)".
 * The Exposure view, the apply review and the wizards say the same thing through this one
 * class, so a port never reads differently in two places.
 */
class ExposureSummary final
{
    Q_DECLARE_TR_FUNCTIONS(ExposureSummary)
public:
    enum class Reach {
        Anyone,  ///< every source on every interface
        Some,    ///< some sources or interfaces; nothing undecided
        Nobody,  ///< no new connection reaches the container
        Depends, ///< some part depends on a rule the evaluator cannot decide
    };

    Reach reach = Reach::Nobody;
    QString text;                   ///< one line, at most a few parts ("… and 3 more")
    QStringList parts;              ///< every part on its own, with its deciding rule
    QVector<DecidingRule> rules;    ///< the rules that let connections in (or may), each once
    QVector<DecidingRule> blockers; ///< the rules that drop or reject some, the user's first

    /**
     * `dockerBridges` (Ruleset::bridges()) are left out of the one-line text: traffic from
     * one container to another is not "who can reach my containers"; `parts` still has it.
     */
    static ExposureSummary of(const PortExposure &exposure, Family family,
                              const QStringList &dockerBridges);
    /// "8080/tcp", "127.0.0.1:8080/tcp", "[::1]:8000-8010/udp".
    static QString portText(const PublishedPort &port, Family family);
    /// "172.17.0.2:80", "web (172.17.0.2:80)".
    static QString containerText(const PublishedPort &port, Family family);
    /// "DOCKER-USER rule 3", "FORWARD policy", "nat DOCKER rule 2" (filter goes unnamed).
    static QString ruleName(const DecidingRule &rule);
    /**
     * What a change does to exposure, one line per port whose answer changes:
     * "8080/tcp: anyone → only 10.11.11.0/24 on eth0". Ports are matched by what the DNAT
     * rule publishes (host address, port, protocol), which the edits of DOCKER-USER never
     * change.
     */
    static QStringList changes(const QVector<PortExposure> &before,
                               const QVector<PortExposure> &after, Family family,
                               const QStringList &dockerBridges);

private:
    static QString partText(const ExposureEntry &entry, Family family);
    static QString reachText(const QVector<ExposureEntry> &entries, Family family,
                             const QStringList &dockerBridges, Reach *reach);
};

} // namespace Userchain

#pragma once

#include "rulelints.h"

#include <QString>
#include <QVector>
#include <optional>

namespace Userchain {

/**
 * The lint of a DOCKER-USER rule that names a container address no container has
 * (RuleLint::Kind::UnknownContainer), part of RuleLints.
 *
 * With the running containers the helper read from Docker (Ruleset::runningContainers()): a
 * `-d` or conntrack `--ctorigdst` that is one address (or a /32, /128), not negated, on a
 * Docker bridge as Docker's rules route it, that no running container has, that is no
 * network's gateway, and that Docker's rules do not name either. Fix: the address of the
 * running container on that bridge the rule's comment names, else of the one other container
 * Docker publishes the rule's `--dport` for there; otherwise the reason alone.
 *
 * Without them (a saved file, or Docker did not answer) nothing says an address is unused, so
 * only what Docker's rules prove: `-d ADDR --dport N` where Docker publishes port N of another
 * container on that bridge and names no container at ADDR.
 */
class ContainerAddressLint final
{
public:
    /// published: the ports Docker publishes, not those on loopback only.
    ContainerAddressLint(const Ruleset &ruleset, const QVector<PublishedPort> &published);

    /// The lint of rule (at 0-based index, with the text spec), if it has one.
    std::optional<RuleLint> check(const Rule &rule, int index, const QString &spec) const;

private:
    std::optional<IpAddress> singleAddress(const QString &text) const;
    QString withDestination(const Rule &rule, const IpAddress &from, const IpAddress &to) const;
    std::optional<RuleLint> unusedAddress(const Rule &rule, int index, const QString &spec,
                                          const QVector<RunningContainer> &running) const;
    RuleLint unusedAddressLint(const Rule &rule, int index, const QString &spec,
                               const IpAddress &address, const QString &bridge,
                               const QVector<RunningContainer> &running) const;
    std::optional<IpAddress> publishedElsewhere(const Rule &rule, const IpAddress &named,
                                                const QString &bridge) const;
    std::optional<RuleLint> unpublishedAddress(const Rule &rule, int index,
                                               const QString &spec) const;
    static bool namesWord(const QString &text, const QString &word);

    const Ruleset &m_ruleset;
    Family m_family;
    QVector<PublishedPort> m_published;
};

} // namespace Userchain

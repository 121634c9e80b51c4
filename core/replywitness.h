#pragma once

#include "ruleset.h"

#include <QHash>
#include <QString>
#include <QStringList>
#include <QVector>
#include <optional>

namespace Userchain {

/// A reply to a container's outgoing connection that a rule of DOCKER-USER drops.
struct ReplyExample
{
    QString remote;     ///< the address the container connected to
    int protocol = 6;   ///< 6, 17, 1 or 58
    int remotePort = 0; ///< 0 for ICMP
    QString container;  ///< the container's address
    QString bridge;     ///< the container's bridge
    bool published =
        false;           ///< Docker publishes its ports (it runs); else an address of its network
    QString inInterface; ///< where the reply arrives; empty: any interface outside Docker's
};

/**
 * For RuleLints: proves that a DROP or REJECT in DOCKER-USER also drops replies to the
 * containers' own outgoing connections, with an example packet, or says nothing.
 *
 * The example is a container (one Docker's rules publish ports for, or one address of a network
 * Docker masquerades when no rule up to this one tests destinations) connecting to a public
 * address. Its outgoing packet is followed through filter FORWARD (DOCKER-USER, then Docker's
 * chains) and must be accepted, so the connection exists; its reply, ESTABLISHED in the REPLY
 * direction, is followed through FORWARD as well and must be dropped by this very rule. Both
 * walks use RuleMatcher, so a rule that cannot be decided (verbatim, a rate limit, a set not
 * read) stops the proof. The interface the example names is the rule's own `-i`, and only when
 * no rule up to it names any other interface outside Docker's bridges: then the result holds
 * for every such interface.
 *
 * Not handled (no lint): rules aimed at particular sources (`-s`, `--src-range`, a source set
 * without `!`), since dropping a blocked network's replies is what such a rule means; rules with
 * port, TCP flag, ICMP type or conntrack state conditions other than `--ctorigdstport`; and
 * conntrack's SNAT state anywhere up to the rule (the matcher models connections from outside).
 */
class ReplyWitness final
{
public:
    explicit ReplyWitness(const Ruleset &ruleset);

    /// The bridges Docker's rules name (masquerading, published ports, filter DOCKER).
    const QStringList &bridges() const { return m_bridges; }
    /// True if `pattern` (an interface of a rule, `+` allowed) matches one of bridges().
    bool namesBridge(const QString &pattern) const;
    /// An example reply DOCKER-USER's rule `index` drops, or nullopt if none can be proven.
    std::optional<ReplyExample> dropsReplies(int index);

private:
    struct Container
    {
        IpAddress address;
        QString bridge;
        bool published = false; ///< a running container (Docker publishes its ports)
    };
    struct Prefix
    {
        QString external; ///< the one interface outside Docker named by the rules so far
        bool several = false;
        bool testsDestination = false;
        bool snatState = false;
    };
    /// The outcome of one walk through filter FORWARD: the deciding rule of DOCKER-USER (or -1)
    /// and whether the packet was accepted or dropped there.
    struct Walk
    {
        int kind = -1;  ///< WalkOutcome::Kind
        int index = -1; ///< index in DOCKER-USER when the walk ended there, else -1
    };

    Walk walk(bool reply, const ReplyExample &example, const IpAddress &remote,
              const IpAddress &container);

    const Ruleset &m_ruleset;
    const RulesetChain *m_chain = nullptr;
    QStringList m_bridges;
    QVector<Container> m_containers;
    QVector<Prefix> m_prefix; ///< per rule: what the rules up to it (inclusive) name
    QHash<QString, Walk> m_walks;
    qint64 m_spent = 0; ///< rules the walks have tried (an upper bound), against a budget
};

} // namespace Userchain

#pragma once

#include "ipaddress.h"
#include "rule.h"

#include <QHash>
#include <QStringList>
#include <QVector>

namespace Userchain {

/**
 * The rules of a chain with a final verdict, added in order, and for a later rule the first of
 * them that takes all its packets (Reachability::covers()). For RuleLints, which asks this of
 * every rule of DOCKER-USER: pairwise, 10,000 rules would cost 50 million comparisons, each
 * parsing addresses.
 *
 * So each added rule is filed under one thing a rule it covers must share, whichever has the
 * fewest rules filed so far: its source or destination prefix (a covered rule has a positive
 * range inside it), its exact in or out interface, or a single destination port (tcp, udp,
 * multiport or conntrack's original one). A later rule looks up each of its own; only rules
 * with none of these are tried for every later rule. Before covers() itself, a cheap test of
 * precomputed fields (interfaces, protocol, address ranges, ports, states) rules out most pairs;
 * each of its tests is implied by covers(), so the answer is exactly covers()'s, only faster.
 */
class ShadowIndex final
{
public:
    explicit ShadowIndex(Family family) : m_family(family) {}

    /// Adds `rule` (which must outlive the index) as the chain's rule `index`; indices ascend.
    void add(const Rule &rule, int index);
    /// The index of the first added rule that covers `later`, or -1.
    int firstCovering(const Rule &later) const;

    /// One address condition (`-s`, `--src-range`, ...) as a range.
    struct AddressCondition
    {
        AddressRange range;
        bool negated = false;
    };
    /// One option of a match that the cheap test compares: ports, states, or anything else.
    struct Condition
    {
        QString match;
        const RuleOption *option = nullptr;
        int portKey = 0;          ///< 0: not a port
        QVector<PortRange> ports; ///< for a port
        QStringList states;       ///< for --ctstate and --state
    };
    /// An in or out interface condition: none (any), a name, or a `+` prefix; maybe negated.
    struct Interface
    {
        QString prefix; ///< the name, or the pattern without its `+`
        bool any = true;
        bool wildcard = false;
        bool negated = false;
    };
    /// What the cheap test needs of a rule.
    struct Shape
    {
        const Rule *rule = nullptr;
        Interface in;
        Interface out;
        bool everything = false;    ///< no condition: covers every rule
        bool coversNothing = false; ///< a match covers() never compares (a rate limit, ...)
        bool known = true;          ///< every address and port parsed
        QVector<AddressCondition> src;
        QVector<AddressCondition> dst;
        QVector<Condition> conditions;
    };

private:
    /// Where an added rule is filed: a prefix of its source or destination, an interface, a port.
    struct Key
    {
        int kind = 0; ///< 1 source prefix, 2 destination prefix, 3 in, 4 out, 5 port
        IpAddress address;
        int number = 0; ///< the prefix length, or the port key and port
        QString name;
        bool operator==(const Key &o) const
        {
            return kind == o.kind && address == o.address && number == o.number && name == o.name;
        }
        friend size_t qHash(const Key &k, size_t seed = 0)
        {
            return qHashMulti(seed, k.kind, k.address.hi, k.address.lo, k.number, k.name);
        }
    };

    Family m_family;
    /// The keys a rule is filed under or looks up (prefixes: only those of exactly this length
    /// for filing, every one around the rule's ranges for lookups).
    QVector<Key> keysOf(const Shape &shape, bool lookup) const;

    QVector<Shape> m_shapes;          ///< the added rules, in order
    QVector<int> m_indices;           ///< their chain indices, ascending
    QHash<Key, QVector<int>> m_filed; ///< positions in m_shapes, ascending
    QVector<int> m_others;            ///< positions of rules filed under no key
};

} // namespace Userchain

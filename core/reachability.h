#pragma once

#include "rule.h"

#include <QVector>

namespace Userchain {

/**
 * Which rules of a chain a packet can reach. A rule with a final verdict (ACCEPT, DROP,
 * REJECT, RETURN, or a goto: the packet does not come back to this chain) that matches every
 * packet another rule matches makes that later rule dead: iptables accepts such a chain
 * silently.
 *
 * The analysis is conservative in one direction only: covers() answers true only when it can
 * prove the superset from the rules' canonical fields (interfaces with `+` wildcards and `!`,
 * source and destination prefixes, protocol, fragments, tcp/udp/multiport ports, conntrack and
 * state, iprange); any condition it does not understand (a rate limit, an address type it
 * cannot compare, a negated option that differs) makes it answer false. So "shadowed" is always
 * true, and "not shadowed" may miss a case.
 */
class Reachability final
{
public:
    /// True if a packet matching `rule` leaves the chain there (ACCEPT, DROP, REJECT, RETURN,
    /// or any goto).
    static bool isFinal(const Rule &rule);
    /// True if `rule` has no condition at all (a comment is no condition).
    static bool matchesEveryPacket(const Rule &rule);
    /// True if every packet `rule` matches leaves the chain at it (ChainLayout's "ends the chain").
    static bool endsChain(const Rule &rule) { return isFinal(rule) && matchesEveryPacket(rule); }
    /// True if `earlier` provably matches every packet `later` matches (its target aside).
    static bool covers(const Rule &earlier, const Rule &later);
    /// True if `earlier`, placed above `later`, keeps every packet from reaching it.
    static bool shadows(const Rule &earlier, const Rule &later)
    {
        return isFinal(earlier) && covers(earlier, later);
    }
    /**
     * The index of the first rule of `earlier` (nullptr entries, e.g. rules that do not parse,
     * are skipped) that shadows at least one of `rules`, or -1. Inserting `rules` above that
     * index makes all of them reachable again, as far as this analysis can tell.
     */
    static int firstShadowing(const QVector<const Rule *> &earlier, const QVector<Rule> &rules);
};

} // namespace Userchain

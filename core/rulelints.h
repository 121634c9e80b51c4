#pragma once

#include "ruleset.h"

#include <QString>
#include <QStringList>
#include <QVector>

namespace Userchain {

/// One finding about a rule of DOCKER-USER: what is wrong, why, and a fix where one exists.
struct RuleLint
{
    enum class Kind {
        NeverMatches,      ///< an earlier rule with another verdict takes all its packets
        Redundant,         ///< an earlier rule with the same verdict takes all its packets
        DnatPort,          ///< `--dport`/`--sport` on traffic Docker has DNAT'd
        AcceptSkipsDocker, ///< ACCEPT: its packets skip Docker's own checks
        DropsReplies,      ///< also drops replies to the containers' own outgoing connections
        UnknownContainer,  ///< names a container address that no container has
    };

    Kind kind = Kind::NeverMatches;
    int rule = -1;         ///< 0-based position in DOCKER-USER
    QString spec;          ///< the rule's text when it was linted (a later edit makes it stale)
    QVector<int> involved; ///< the other rules the reason names, 0-based
    QString summary;       ///< a few words: "ACCEPT skips Docker's checks"
    QString reason; ///< the whole story in plain words; rules numbered from 1 as `iptables -L`
    bool hasFix = false;
    /// What replaces the rule, in order: canonical rule-specs. Empty with hasFix: delete it.
    QStringList fix;
    QString fixSummary; ///< a few words for a menu: "use RETURN instead of ACCEPT"
};

/**
 * Lints of DOCKER-USER's rules, each proven from the rules, never guessed: what it cannot
 * decide (a rule kept verbatim, a match it cannot compare, a container Docker's rules do not
 * name) gives no lint at all. So a missing lint proves nothing, and every lint shown is true.
 *
 * - NeverMatches / Redundant: an earlier rule with a final verdict matches every packet this
 *   one matches (Reachability, pairwise: a rule hidden only by several rules together is not
 *   found). Redundant when the verdict is the same (fix: delete it), else NeverMatches.
 * - DnatPort: `--dport N`/`--sport N` where N is a port Docker publishes on the host with
 *   another container port (DNAT has already rewritten it when DOCKER-USER runs), or the
 *   container port of such a published port. Fix: conntrack's `--ctorigdstport HOST
 *   --ctdir ORIGINAL` (`REPLY` for `--sport`).
 * - AcceptSkipsDocker: ACCEPT is final in DOCKER-USER. Fix: the same rule with RETURN.
 * - DropsReplies: a DROP or REJECT whose own conditions do not aim at particular sources,
 *   proven by an example: a reply to a container's outgoing connection that Docker lets out
 *   (the outgoing packet is followed through FORWARD and accepted), which this rule drops
 *   (followed through FORWARD as well). Fix: add `-m conntrack --ctdir ORIGINAL`.
 * - UnknownContainer: a `-d` or `--ctorigdst` of one address on a Docker bridge that no running
 *   container has, when the helper read the running containers from Docker; without them only
 *   `-d ADDR --dport N` where Docker's rules publish port N of another container on that bridge
 *   and name no container at ADDR (see ContainerAddressLint).
 *
 * Rules that never match get only that lint. Cost: the pairwise comparison is quadratic in
 * the worst case but prefiltered on precomputed fields (see bench/eval: 10,000 rules).
 */
class RuleLints final
{
public:
    /// The lints of every rule of filter DOCKER-USER in `ruleset`, ordered by rule.
    static QVector<RuleLint> compute(const Ruleset &ruleset);
    /// A short name for the kind ("never matches", "redundant", ...).
    static QString kindName(RuleLint::Kind kind);
    /// "rule 3: ACCEPT skips Docker's checks — RETURN would keep them": one line per lint.
    static QString line(const RuleLint &lint);
};

} // namespace Userchain

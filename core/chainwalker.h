#pragma once

#include "packet.h"
#include "rulematcher.h"
#include "ruleset.h"

#include <QString>
#include <QVector>

namespace Userchain {

/// Answers, for ChainWalker, which rule from a position on matches (or may match) the packet.
class RuleOracle
{
public:
    virtual ~RuleOracle() = default;
    /**
     * The index of the first rule at or after `from` in `chain` whose result is Yes or
     * Unknown (set in *result), or -1 when none of the remaining rules matches.
     */
    virtual int next(const RulesetChain &chain, int from, MatchResult *result) = 0;
};

/// The oracle of one concrete packet: RuleMatcher on every rule in turn.
class PacketOracle final : public RuleOracle
{
public:
    PacketOracle(const Ruleset &ruleset, const MatchContext &ctx) : m_ruleset(ruleset), m_ctx(ctx)
    {}
    int next(const RulesetChain &chain, int from, MatchResult *result) override;

private:
    const Ruleset &m_ruleset;
    const MatchContext &m_ctx;
};

/// How a walk through one table's chains ended.
struct WalkOutcome
{
    enum Kind { Accept, Drop, Reject, Dnat, Unknown } kind = Accept;
    const RulesetChain *chain = nullptr; ///< the chain of the deciding rule or policy
    int index = -1;                      ///< 0-based rule index; -1: the chain's policy
    QString uses;                        ///< Unknown: what the deciding rule depends on
    QVector<TraceStep> steps;            ///< filled when asked for

    /// "depends on rule N of CHAIN (uses X)" for Unknown.
    QString dependsOn() const;
};

/**
 * Follows one table from a built-in chain the way the kernel's ip_tables does: rules in order,
 * jumps (-j) push a return point, gotos (-g) do not, RETURN and the end of a user chain go
 * back, the end of a built-in chain applies its policy. A rule that may match (Unknown) ends
 * the walk as Unknown unless its target would not decide anything (no target, LOG).
 */
class ChainWalker final
{
public:
    static WalkOutcome walk(const Ruleset &ruleset, const QString &table, const QString &chain,
                            RuleOracle &oracle, bool recordSteps);
};

} // namespace Userchain

#include "chainwalker.h"

#include "extensions.h"

#include <QCoreApplication>
#include <QVarLengthArray>

namespace Userchain {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Userchain::ChainWalker", text);
}

/// The kernel refuses loops when a table is loaded; this bound only guards a malformed model.
constexpr int MaxDepth = 64;

/// No target, or one after which the packet goes on (LOG, NFLOG, MARK, CONNMARK, TCPMSS).
bool continuesAfter(const Rule &rule)
{
    if (rule.target.name.isEmpty())
        return true;
    const ExtensionSpec *spec = Extensions::target(rule.target.name, rule.family);
    return spec && spec->continues;
}

bool decidesNothing(const RulesetRule &r)
{
    return r.rule && continuesAfter(*r.rule);
}

} // namespace

int PacketOracle::next(const RulesetChain &chain, int from, MatchResult *result)
{
    for (int i = from; i < chain.rules.size(); ++i) {
        const RulesetRule &r = chain.rules[i];
        if (!r.rule) {
            *result = {Tri::Unknown, r.opaque};
            return i;
        }
        const MatchResult m = RuleMatcher::match(*r.rule, m_ctx, m_ruleset);
        if (m.value != Tri::No) {
            *result = m;
            return i;
        }
    }
    return -1;
}

QString WalkOutcome::dependsOn() const
{
    if (kind != Unknown || !chain)
        return {};
    return tr("depends on rule %1 of %2 (uses %3)").arg(index + 1).arg(chain->name, uses);
}

WalkOutcome ChainWalker::walk(const Ruleset &ruleset, const QString &table, const QString &chain,
                              RuleOracle &oracle, bool recordSteps)
{
    WalkOutcome out;
    struct Frame
    {
        const RulesetChain *chain;
        int next;
    };
    QVarLengthArray<Frame, 16> stack;
    const RulesetChain *builtin = ruleset.chain(table, chain);
    if (!builtin)
        return out; // no such chain: the hook lets everything through (an absent table)
    const RulesetChain *cur = builtin;
    int from = 0;
    auto policy = [&]() {
        out.chain = builtin;
        out.index = -1;
        out.kind =
            builtin->policy == QLatin1String("DROP") ? WalkOutcome::Drop : WalkOutcome::Accept;
        if (recordSteps)
            out.steps.append({table, builtin->name, 0,
                              QStringLiteral("-P %1 %2").arg(builtin->name, builtin->policy),
                              builtin->policy});
        return out;
    };
    for (;;) {
        MatchResult m;
        const int idx = oracle.next(*cur, from, &m);
        if (idx < 0) {
            if (stack.isEmpty())
                return policy();
            cur = stack.last().chain;
            from = stack.last().next;
            stack.removeLast();
            continue;
        }
        const RulesetRule &r = cur->rules[idx];
        if (m.value == Tri::Unknown) {
            if (decidesNothing(r)) {
                from = idx + 1;
                continue;
            }
            out.kind = WalkOutcome::Unknown;
            out.chain = cur;
            out.index = idx;
            out.uses = m.uses;
            return out;
        }
        const QString &target = r.rule->target.name;
        if (recordSteps) {
            QString action = target;
            if (ruleset.chain(table, target))
                action =
                    (r.rule->target.isGoto ? QStringLiteral("goto ") : QStringLiteral("jump ")) +
                    target;
            else if (target == QLatin1String("DNAT"))
                action = QStringLiteral("DNAT ") +
                         r.rule->target.option(QStringLiteral("--to-destination"))->args.value(0);
            out.steps.append({table, cur->name, idx + 1, r.text, action});
        }
        out.chain = cur;
        out.index = idx;
        if (continuesAfter(*r.rule)) {
            from = idx + 1;
            continue;
        }
        if (target == QLatin1String("ACCEPT") || target == QLatin1String("MASQUERADE")) {
            out.kind = WalkOutcome::Accept;
            return out;
        }
        if (target == QLatin1String("DROP")) {
            out.kind = WalkOutcome::Drop;
            return out;
        }
        if (target == QLatin1String("REJECT")) {
            out.kind = WalkOutcome::Reject;
            return out;
        }
        if (target == QLatin1String("DNAT")) {
            out.kind = WalkOutcome::Dnat;
            return out;
        }
        if (target == QLatin1String("RETURN")) {
            if (stack.isEmpty())
                return policy();
            cur = stack.last().chain;
            from = stack.last().next;
            stack.removeLast();
            continue;
        }
        const RulesetChain *callee = ruleset.chain(table, target);
        if (!callee || stack.size() >= MaxDepth) {
            out.kind = WalkOutcome::Unknown;
            out.uses =
                callee ? tr("chains nested too deeply") : tr("the missing chain %1").arg(target);
            return out;
        }
        if (!r.rule->target.isGoto)
            stack.append({cur, idx + 1});
        cur = callee;
        from = 0;
    }
}

} // namespace Userchain

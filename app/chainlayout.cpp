#include "chainlayout.h"

#include "reachability.h"
#include "ruleparser.h"

using Userchain::Family;
using Userchain::Rule;

namespace {
/// The target of the rule that ends the chain (a rule without conditions: either family reads
/// it), or "" when the text is no rule.
QString targetOf(const QString &spec)
{
    const auto rule = Userchain::RuleParser::parse(spec, Family::IPv4);
    return rule ? rule->target.name : QString();
}
} // namespace

bool ChainLayout::mayEndChain(const QString &spec)
{
    return spec.startsWith(QLatin1String("-j ")) || spec.startsWith(QLatin1String("-g ")) ||
           spec.startsWith(QLatin1String("-m comment "));
}

bool ChainLayout::endsChain(const Rule &rule)
{
    return Userchain::Reachability::endsChain(rule);
}

bool ChainLayout::endsChain(const QString &spec, Family family)
{
    if (!mayEndChain(spec)) {
        return false;
    }
    Userchain::RuleError error;
    const auto rule = Userchain::RuleParser::parse(spec, family, &error);
    return rule && endsChain(*rule);
}

ChainLayout::Result ChainLayout::analyse(const QStringList &specs, Family family)
{
    int ending = -1;
    for (int i = 0; i < specs.size() && ending < 0; ++i) {
        if (endsChain(specs.at(i), family)) {
            ending = i;
        }
    }
    return analyse(int(specs.size()), ending, ending >= 0 ? specs.at(ending) : QString());
}

ChainLayout::Result ChainLayout::analyse(int rowCount, int endingRow, const QString &endingSpec)
{
    Result r;
    r.endingRow = endingRow;
    r.endingSpec = endingSpec;
    if (rowCount == 0) {
        r.kind = Kind::Empty;
    } else if (endingRow >= 0 && endingRow < rowCount - 1) {
        r.kind = Kind::Unreachable;
        r.unreachableCount = rowCount - 1 - endingRow;
    } else if (endingRow == rowCount - 1) {
        const QString target = targetOf(endingSpec);
        // Docker's own rule, exactly as Docker writes it.
        if (endingSpec == QLatin1String("-j RETURN")) {
            r.kind = Kind::EndsWithReturn;
        } else if (target == QLatin1String("ACCEPT")) {
            r.kind = Kind::EndsWithAccept;
        } else if (target == QLatin1String("DROP") || target == QLatin1String("REJECT")) {
            r.kind = Kind::EndsWithDrop;
        }
    }
    return r;
}

bool ChainLayout::isWarning(const Result &result)
{
    return result.kind == Kind::Unreachable || result.kind == Kind::EndsWithAccept;
}

QString ChainLayout::explain(const Result &result)
{
    switch (result.kind) {
    case Kind::Empty:
        return tr("DOCKER-USER is empty, as Docker 28.2.2 and later create it: forwarded packets "
                  "go straight on to Docker's own rules. Rules you add here run first.");
    case Kind::EndsWithReturn:
        return tr("The final <tt>-j RETURN</tt> is the one Docker up to 28.2.1 appends. It is "
                  "harmless: a packet that reaches it goes on to Docker's own rules, just as at "
                  "the end of an empty chain. New rules go before it.");
    case Kind::EndsWithAccept:
        return tr("Rule %1 accepts every packet that reaches it. In DOCKER-USER an ACCEPT is "
                  "final: those packets skip Docker's own checks (published ports, network "
                  "isolation). Use RETURN to hand packets on to Docker instead.")
            .arg(result.endingRow + 1);
    case Kind::EndsWithDrop:
        return tr("Rule %1 drops every packet the rules above it did not let through: containers "
                  "get only the traffic those rules allow.")
            .arg(result.endingRow + 1);
    case Kind::Unreachable:
        return (result.unreachableCount == 1
                    ? tr("Rule %1 (<tt>%2</tt>) ends the chain for every packet, so the rule "
                         "after it is never reached. Move it above rule %1, or delete it.")
                    : tr("Rule %1 (<tt>%2</tt>) ends the chain for every packet, so the %n rules "
                         "after it are never reached. Move them above it, or delete them.",
                         nullptr, result.unreachableCount))
            .arg(result.endingRow + 1)
            .arg(result.endingSpec.toHtmlEscaped());
    case Kind::Plain:
        break;
    }
    return QString();
}

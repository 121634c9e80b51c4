#include "lintsupport.h"

#include "ruleparser.h"

namespace Userchain::LintSupport {

QString canonical(const Rule &rule)
{
    const auto parsed = RuleParser::parse(rule.toString(), rule.family);
    return parsed ? parsed->toString() : QString();
}

void setFix(RuleLint *lint, const QStringList &specs, const QString &summary)
{
    for (const QString &spec : specs)
        if (spec.isEmpty())
            return; // a replacement that does not parse is no fix
    lint->hasFix = true;
    lint->fix = specs;
    lint->fixSummary = summary;
}

bool isSinglePort(const PublishedPort &p)
{
    return p.hostPorts.first == p.hostPorts.last && p.containerPort > 0;
}

std::optional<PortTest> portTestOf(const Rule &rule)
{
    if (rule.protocolNegated ||
        (rule.protocol != QLatin1String("tcp") && rule.protocol != QLatin1String("udp")))
        return std::nullopt;
    PortTest test;
    test.protocol = rule.protocol == QLatin1String("tcp") ? 6 : 17;
    for (int i = 0; i < rule.matches.size(); ++i) {
        const RuleMatch &m = rule.matches.at(i);
        if (m.name == QLatin1String("multiport"))
            return std::nullopt;
        if (m.name != rule.protocol)
            continue;
        if (m.options.size() != 1 || m.options.first().negated)
            return std::nullopt;
        const RuleOption &o = m.options.first();
        if (o.name != QLatin1String("--dport") && o.name != QLatin1String("--sport"))
            return std::nullopt;
        const auto range = PortRange::parse(o.args.value(0));
        if (!range || range->first != range->last)
            return std::nullopt;
        test.destination = o.name == QLatin1String("--dport");
        test.port = range->first;
        test.matchIndex = i;
    }
    return test.matchIndex < 0 ? std::nullopt : std::optional<PortTest>(test);
}

} // namespace Userchain::LintSupport

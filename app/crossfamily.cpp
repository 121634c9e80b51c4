#include "crossfamily.h"

#include "familytext.h"
#include "ruleparser.h"

using Userchain::Family;
using Userchain::Rule;

std::optional<QString> CrossFamily::translate(const QString &spec, Family from)
{
    Userchain::RuleError error;
    const auto rule = Userchain::RuleParser::parse(spec, from, &error);
    if (!rule || !rule->source.isEmpty() || !rule->destination.isEmpty()) {
        return std::nullopt;
    }
    static const QStringList icmp = {QStringLiteral("icmp"), QStringLiteral("ipv6-icmp"),
                                     QStringLiteral("icmpv6"), QStringLiteral("1"),
                                     QStringLiteral("58")};
    if (icmp.contains(rule->protocol)) {
        return std::nullopt;
    }
    static const QStringList addressOptions = {
        QStringLiteral("--ctorigsrc"), QStringLiteral("--ctorigdst"), QStringLiteral("--ctreplsrc"),
        QStringLiteral("--ctrepldst")};
    for (const Userchain::RuleMatch &match : rule->matches) {
        if (match.name == QLatin1String("iprange") || match.name == QLatin1String("set") ||
            match.name == QLatin1String("icmp") || match.name == QLatin1String("icmp6")) {
            return std::nullopt;
        }
        for (const Userchain::RuleOption &option : match.options) {
            if (addressOptions.contains(option.name)) {
                return std::nullopt;
            }
        }
    }
    // The last word goes to the parser: a REJECT type or a protocol of one family fails here.
    const auto other = Userchain::RuleParser::parse(spec, FamilyText::other(from), &error);
    if (!other || other->toString() != rule->toString()) {
        return std::nullopt;
    }
    return other->toString();
}

std::optional<QStringList> CrossFamily::translate(const QStringList &specs, Family from)
{
    if (specs.isEmpty()) {
        return std::nullopt;
    }
    QStringList out;
    for (const QString &spec : specs) {
        const auto translated = translate(spec, from);
        if (!translated) {
            return std::nullopt;
        }
        out << *translated;
    }
    return out;
}

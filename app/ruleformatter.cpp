#include "ruleformatter.h"

#include "restoretokenizer.h"
#include "ruleparser.h"

#include <QStringList>

using Userchain::Rule;
using Userchain::RuleMatch;
using Userchain::RuleOption;

QString RuleFormatter::negate(const QString &text, bool negated)
{
    return negated ? tr("not %1").arg(text) : text;
}

QString RuleFormatter::address(const QString &address, bool negated)
{
    if (address.isEmpty()) {
        return negated ? tr("none") : tr("any");
    }
    // A single host is easier to read without its full-length mask.
    QString shown = address;
    if (shown.endsWith(QLatin1String("/32")) && !shown.contains(QLatin1Char(':'))) {
        shown.chop(3);
    } else if (shown.endsWith(QLatin1String("/128"))) {
        shown.chop(4);
    }
    return negate(shown, negated);
}

QString RuleFormatter::interfaceName(const QString &name, bool negated)
{
    if (name.isEmpty()) {
        return tr("any");
    }
    return negate(name, negated);
}

QString RuleFormatter::source(const Rule &rule)
{
    if (const RuleMatch *m = rule.match(QStringLiteral("iprange"))) {
        if (const RuleOption *o = m->option(QStringLiteral("--src-range"))) {
            return negate(tr("range %1").arg(o->args.join(QLatin1Char(' '))), o->negated);
        }
    }
    return address(rule.source, rule.sourceNegated);
}

QString RuleFormatter::destination(const Rule &rule)
{
    if (const RuleMatch *m = rule.match(QStringLiteral("iprange"))) {
        if (const RuleOption *o = m->option(QStringLiteral("--dst-range"))) {
            return negate(tr("range %1").arg(o->args.join(QLatin1Char(' '))), o->negated);
        }
    }
    return address(rule.destination, rule.destinationNegated);
}

bool RuleFormatter::sourceNegated(const Rule &rule)
{
    if (const RuleMatch *m = rule.match(QStringLiteral("iprange"))) {
        if (const RuleOption *o = m->option(QStringLiteral("--src-range"))) {
            return o->negated;
        }
    }
    return rule.sourceNegated;
}

bool RuleFormatter::destinationNegated(const Rule &rule)
{
    if (const RuleMatch *m = rule.match(QStringLiteral("iprange"))) {
        if (const RuleOption *o = m->option(QStringLiteral("--dst-range"))) {
            return o->negated;
        }
    }
    return rule.destinationNegated;
}

bool RuleFormatter::protocolNegated(const Rule &rule)
{
    if (rule.protocolNegated) {
        return true;
    }
    for (const RuleMatch &m : rule.matches) {
        for (const RuleOption &o : m.options) {
            if (o.negated && (o.name.endsWith(QLatin1String("port")) ||
                              o.name.endsWith(QLatin1String("ports")))) {
                return true;
            }
        }
    }
    return false;
}

QString RuleFormatter::optionText(const RuleOption &option, const QString &label)
{
    return negate(label + QLatin1Char(' ') + option.args.join(QLatin1Char(' ')), option.negated);
}

QString RuleFormatter::protocolAndPorts(const Rule &rule)
{
    QStringList parts;
    if (!rule.protocol.isEmpty()) {
        parts << negate(rule.protocol, rule.protocolNegated);
    }
    for (const RuleMatch &m : rule.matches) {
        for (const RuleOption &o : m.options) {
            const QString &n = o.name;
            if (n == QLatin1String("--dport") || n == QLatin1String("--dports") ||
                n == QLatin1String("--destination-port")) {
                parts << optionText(o, tr("port"));
            } else if (n == QLatin1String("--sport") || n == QLatin1String("--sports") ||
                       n == QLatin1String("--source-port")) {
                parts << optionText(o, tr("from port"));
            } else if (n == QLatin1String("--ports")) {
                parts << optionText(o, tr("ports"));
            } else if (n == QLatin1String("--ctorigdstport")) {
                // The port as the client dialled it, before Docker's DNAT.
                parts << optionText(o, tr("published port"));
            } else if (n == QLatin1String("--ctorigsrcport")) {
                parts << optionText(o, tr("original source port"));
            } else if (n == QLatin1String("--icmp-type") || n == QLatin1String("--icmpv6-type")) {
                parts << optionText(o, tr("type"));
            } else if (n == QLatin1String("--tcp-flags") || n == QLatin1String("--syn")) {
                parts << negate(n.mid(2) + QLatin1Char(' ') + o.args.join(QLatin1Char(' ')),
                                o.negated)
                             .trimmed();
            }
        }
    }
    if (rule.fragment) {
        parts << negate(tr("fragments"), rule.fragmentNegated);
    }
    return parts.isEmpty() ? tr("all") : parts.join(QLatin1Char(' '));
}

QString RuleFormatter::state(const Rule &rule)
{
    QStringList parts;
    for (const RuleMatch &m : rule.matches) {
        for (const RuleOption &o : m.options) {
            if (o.name == QLatin1String("--ctstate") || o.name == QLatin1String("--state")) {
                parts << negate(o.args.join(QLatin1Char(' ')), o.negated);
            } else if (o.name == QLatin1String("--ctdir")) {
                parts << optionText(o, tr("direction"));
            } else if (o.name == QLatin1String("--ctorigsrc")) {
                parts << optionText(o, tr("original source"));
            } else if (o.name == QLatin1String("--ctorigdst")) {
                parts << optionText(o, tr("original destination"));
            } else if (o.name == QLatin1String("--ctstatus")) {
                parts << optionText(o, tr("status"));
            }
        }
    }
    return parts.join(QLatin1String(", "));
}

QString RuleFormatter::target(const Rule &rule)
{
    if (rule.target.name.isEmpty()) {
        return tr("(count only)");
    }
    QStringList parts;
    parts << (rule.target.isGoto ? tr("goto %1").arg(rule.target.name) : rule.target.name);
    for (const RuleOption &o : rule.target.options) {
        parts << (o.negated ? QStringLiteral("! ") : QString()) + o.name;
        parts << o.args;
    }
    return parts.join(QLatin1Char(' '));
}

QString RuleFormatter::jumpTarget(const QString &spec)
{
    // The target of the parsed rule. The text does not say its family; a rule that parses
    // as either has no address and the same target in both.
    for (const Userchain::Family family : {Userchain::Family::IPv4, Userchain::Family::IPv6}) {
        if (const auto rule = Userchain::RuleParser::parse(spec, family)) {
            return rule->target.name;
        }
    }
    // A rule kept verbatim (an extension the parser lacks) has only its text: its target is
    // the word after the last -j or -g, read with iptables-restore's quoting.
    QString error;
    const QStringList tokens =
        Userchain::RestoreTokenizer::split(spec, &error).value_or(QStringList());
    for (qsizetype i = tokens.size() - 2; i >= 0; --i) {
        if (tokens.at(i) == QLatin1String("-j") || tokens.at(i) == QLatin1String("-g") ||
            tokens.at(i) == QLatin1String("--jump") || tokens.at(i) == QLatin1String("--goto")) {
            return tokens.at(i + 1);
        }
    }
    return QString();
}

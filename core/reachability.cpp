#include "reachability.h"

#include <QPair>
#include <arpa/inet.h>
#include <optional>

namespace Userchain {

namespace {

/// An inclusive interval of addresses, as network-order bytes (compared bytewise).
struct Span
{
    QByteArray first;
    QByteArray last;
};

/// An in/out interface condition: a name, or a prefix with iptables' `+` wildcard.
struct Interface
{
    QString prefix;
    bool wildcard = false;
};

/// A set of ports as inclusive intervals.
using Ports = QVector<QPair<int, int>>;

/// Where a condition applies; the same key from two different matches means the same thing.
enum class PortKey {
    None,
    Destination,
    Source,
    Either,
    CtOrigSrc,
    CtOrigDst,
    CtReplSrc,
    CtReplDst
};

int addressBytes(Family family)
{
    return family == Family::IPv6 ? 16 : 4;
}

std::optional<QByteArray> parseAddress(const QString &text, Family family)
{
    QByteArray bytes(addressBytes(family), '\0');
    const int af = family == Family::IPv6 ? AF_INET6 : AF_INET;
    if (inet_pton(af, text.toLatin1().constData(), bytes.data()) != 1) {
        return std::nullopt;
    }
    return bytes;
}

Span everything(Family family)
{
    return {QByteArray(addressBytes(family), '\0'), QByteArray(addressBytes(family), '\xff')};
}

/// "10.0.0.0/8", "10.0.0.1" (conntrack's form) → its span; a dotted (non-contiguous) mask is
/// not understood and gives nullopt.
std::optional<Span> networkSpan(const QString &text, Family family)
{
    const int slash = text.indexOf(QLatin1Char('/'));
    const auto address = parseAddress(slash < 0 ? text : text.left(slash), family);
    if (!address) {
        return std::nullopt;
    }
    const int bits = addressBytes(family) * 8;
    int prefix = bits;
    if (slash >= 0) {
        bool ok = false;
        prefix = text.mid(slash + 1).toInt(&ok);
        if (!ok || prefix < 0 || prefix > bits) {
            return std::nullopt;
        }
    }
    Span span{*address, *address};
    for (int bit = prefix; bit < bits; ++bit) {
        const char mask = char(0x80 >> (bit % 8));
        span.first[bit / 8] = char(span.first.at(bit / 8) & ~mask);
        span.last[bit / 8] = char(span.last.at(bit / 8) | mask);
    }
    return span;
}

/// "A-B" → its span.
std::optional<Span> rangeSpan(const QString &text, Family family)
{
    const QStringList ends = text.split(QLatin1Char('-'));
    if (ends.size() != 2) {
        return std::nullopt;
    }
    const auto first = parseAddress(ends.at(0), family);
    const auto last = parseAddress(ends.at(1), family);
    if (!first || !last) {
        return std::nullopt;
    }
    return Span{*first, *last};
}

bool within(const Span &inner, const Span &outer)
{
    return outer.first <= inner.first && inner.last <= outer.last;
}

bool disjoint(const Span &a, const Span &b)
{
    return a.last < b.first || b.last < a.first;
}

/// One address condition: a span, negated or not.
struct AddressCondition
{
    Span span;
    bool negated = false;
};

/**
 * A rule's conditions on one side (source or destination): `-s`/`-d` and iprange's
 * `--src-range`/`--dst-range`. nullopt if one of them is not understood.
 */
std::optional<QVector<AddressCondition>> addressConditions(const Rule &rule, bool source)
{
    QVector<AddressCondition> conditions;
    const QString &net = source ? rule.source : rule.destination;
    if (!net.isEmpty()) {
        const auto span = networkSpan(net, rule.family);
        if (!span) {
            return std::nullopt;
        }
        conditions.append({*span, source ? rule.sourceNegated : rule.destinationNegated});
    }
    const QString rangeOption =
        source ? QStringLiteral("--src-range") : QStringLiteral("--dst-range");
    for (const RuleMatch &match : rule.matches) {
        if (match.name != QLatin1String("iprange")) {
            continue;
        }
        for (const RuleOption &option : match.options) {
            if (option.name != rangeOption) {
                continue;
            }
            const auto span = rangeSpan(option.args.value(0), rule.family);
            if (!span) {
                return std::nullopt;
            }
            conditions.append({*span, option.negated});
        }
    }
    return conditions;
}

/**
 * True if every address `later`'s conditions let through satisfies `condition`: for a
 * positive condition, one positive condition of `later` (or none: everything) lies within
 * it; for a negated one, one positive condition of `later` avoids it, or one negated condition
 * of `later` excludes at least as much.
 */
bool addressImplied(const AddressCondition &condition, const QVector<AddressCondition> &later,
                    Family family)
{
    bool anyPositive = false;
    for (const AddressCondition &l : later) {
        anyPositive = anyPositive || !l.negated;
        if (!condition.negated && !l.negated && within(l.span, condition.span)) {
            return true;
        }
        if (condition.negated && !l.negated && disjoint(l.span, condition.span)) {
            return true;
        }
        if (condition.negated && l.negated && within(condition.span, l.span)) {
            return true;
        }
    }
    return !condition.negated && !anyPositive && within(everything(family), condition.span);
}

bool addressesCovered(const Rule &earlier, const Rule &later, bool source)
{
    const auto e = addressConditions(earlier, source);
    const auto l = addressConditions(later, source);
    if (!e || !l) {
        return false;
    }
    for (const AddressCondition &condition : *e) {
        if (!addressImplied(condition, *l, earlier.family)) {
            return false;
        }
    }
    return true;
}

Interface interfaceOf(const QString &name)
{
    if (name.endsWith(QLatin1Char('+'))) {
        return {name.chopped(1), true};
    }
    return {name, false};
}

/// Every name `inner` matches is matched by `outer`.
bool interfaceWithin(const Interface &inner, const Interface &outer)
{
    if (outer.wildcard) {
        return inner.prefix.startsWith(outer.prefix);
    }
    return !inner.wildcard && inner.prefix == outer.prefix;
}

bool interfacesDisjoint(const Interface &a, const Interface &b)
{
    if (!a.wildcard && !b.wildcard) {
        return a.prefix != b.prefix;
    }
    if (a.wildcard && b.wildcard) {
        return !a.prefix.startsWith(b.prefix) && !b.prefix.startsWith(a.prefix);
    }
    const Interface &pattern = a.wildcard ? a : b;
    const Interface &name = a.wildcard ? b : a;
    return !name.prefix.startsWith(pattern.prefix);
}

bool interfaceCovered(const QString &earlier, bool earlierNegated, const QString &later,
                      bool laterNegated)
{
    if (earlier.isEmpty()) {
        return true;
    }
    const Interface e = interfaceOf(earlier);
    // No condition on the later rule: every name, i.e. the pattern "+".
    const Interface l = later.isEmpty() ? Interface{QString(), true} : interfaceOf(later);
    const bool lNeg = !later.isEmpty() && laterNegated;
    if (!earlierNegated) {
        return !lNeg && interfaceWithin(l, e);
    }
    return lNeg ? interfaceWithin(e, l) : interfacesDisjoint(l, e);
}

bool protocolCovered(const Rule &earlier, const Rule &later)
{
    if (earlier.protocol.isEmpty()) {
        return true;
    }
    if (later.protocol.isEmpty()) {
        return false;
    }
    if (!earlier.protocolNegated) {
        return !later.protocolNegated && later.protocol == earlier.protocol;
    }
    // "! -p tcp" holds for "-p udp" and for "! -p tcp".
    return later.protocolNegated == (later.protocol == earlier.protocol);
}

PortKey portKey(const QString &match, const QString &option)
{
    if (match == QLatin1String("tcp") || match == QLatin1String("udp")) {
        return option == QLatin1String("--dport")   ? PortKey::Destination
               : option == QLatin1String("--sport") ? PortKey::Source
                                                    : PortKey::None;
    }
    if (match == QLatin1String("multiport")) {
        return option == QLatin1String("--dports")   ? PortKey::Destination
               : option == QLatin1String("--sports") ? PortKey::Source
               : option == QLatin1String("--ports")  ? PortKey::Either
                                                     : PortKey::None;
    }
    if (match == QLatin1String("conntrack")) {
        return option == QLatin1String("--ctorigsrcport")   ? PortKey::CtOrigSrc
               : option == QLatin1String("--ctorigdstport") ? PortKey::CtOrigDst
               : option == QLatin1String("--ctreplsrcport") ? PortKey::CtReplSrc
               : option == QLatin1String("--ctrepldstport") ? PortKey::CtReplDst
                                                            : PortKey::None;
    }
    return PortKey::None;
}

/// "80", "1000:2000", "80,443,1000:2000" → intervals; empty if not understood.
Ports parsePorts(const QString &text)
{
    Ports ports;
    for (const QString &part : text.split(QLatin1Char(','))) {
        const QStringList ends = part.split(QLatin1Char(':'));
        bool ok1 = false;
        bool ok2 = false;
        const int first = ends.value(0).toInt(&ok1);
        const int last = ends.size() == 2 ? ends.at(1).toInt(&ok2) : first;
        if (!ok1 || (ends.size() == 2 && !ok2) || ends.size() > 2) {
            return {};
        }
        ports.append({first, last});
    }
    return ports;
}

bool portsWithin(const Ports &inner, const Ports &outer)
{
    if (inner.isEmpty() || outer.isEmpty()) {
        return false;
    }
    for (const auto &i : inner) {
        bool found = false;
        for (const auto &o : outer) {
            found = found || (o.first <= i.first && i.second <= o.second);
        }
        if (!found) {
            return false;
        }
    }
    return true;
}

QStringList states(const QString &match, const RuleOption &option)
{
    if ((match == QLatin1String("conntrack") && option.name == QLatin1String("--ctstate")) ||
        (match == QLatin1String("state") && option.name == QLatin1String("--state"))) {
        return option.args.value(0).split(QLatin1Char(','));
    }
    return {};
}

/// True if one condition of `later` (alone) guarantees `option` of `earlier`'s match `match`.
bool optionImplied(const QString &match, const RuleOption &option, const Rule &later)
{
    const PortKey key = portKey(match, option.name);
    const Ports wanted = key == PortKey::None ? Ports() : parsePorts(option.args.value(0));
    const QStringList wantedStates = states(match, option);
    for (const RuleMatch &m : later.matches) {
        for (const RuleOption &o : m.options) {
            if (m.name == match && o == option) {
                return true;
            }
            if (option.negated || o.negated) {
                continue; // a negated condition is only implied by the same one
            }
            if (key != PortKey::None) {
                const PortKey k = portKey(m.name, o.name);
                const bool sameSide =
                    k == key ||
                    (key == PortKey::Either && (k == PortKey::Destination || k == PortKey::Source));
                if (k != PortKey::None && sameSide &&
                    portsWithin(parsePorts(o.args.value(0)), wanted)) {
                    return true;
                }
            }
            if (!wantedStates.isEmpty()) {
                const QStringList have = states(m.name, o);
                bool all = !have.isEmpty();
                for (const QString &s : have) {
                    all = all && wantedStates.contains(s);
                }
                if (all) {
                    return true;
                }
            }
        }
    }
    return false;
}

bool matchesCovered(const Rule &earlier, const Rule &later)
{
    // Matches whose options are plain conditions on the packet. A rate limit, for one, is not:
    // two identical limits still let different packets through.
    static const QStringList understood = {
        QStringLiteral("tcp"),       QStringLiteral("udp"),   QStringLiteral("multiport"),
        QStringLiteral("conntrack"), QStringLiteral("state"), QStringLiteral("iprange"),
        QStringLiteral("icmp"),      QStringLiteral("icmp6"), QStringLiteral("mac"),
        QStringLiteral("addrtype"),  QStringLiteral("set"),   QStringLiteral("comment")};
    for (const RuleMatch &match : earlier.matches) {
        if (!understood.contains(match.name)) {
            return false;
        }
        if (match.name == QLatin1String("comment")) {
            continue;
        }
        for (const RuleOption &option : match.options) {
            if (match.name == QLatin1String("iprange")) {
                continue; // with the addresses
            }
            if (!optionImplied(match.name, option, later)) {
                return false;
            }
        }
    }
    return true;
}

} // namespace

bool Reachability::isFinal(const Rule &rule)
{
    if (rule.target.isGoto) {
        return true; // a goto never comes back to this chain
    }
    static const QStringList final = {QStringLiteral("ACCEPT"), QStringLiteral("DROP"),
                                      QStringLiteral("REJECT"), QStringLiteral("RETURN")};
    return final.contains(rule.target.name);
}

bool Reachability::matchesEveryPacket(const Rule &rule)
{
    // `-i +` names every interface ("! -i +" is refused by the parser).
    const auto anyInterface = [](const QString &name) {
        return name.isEmpty() || name == QLatin1String("+");
    };
    if (!rule.source.isEmpty() || !rule.destination.isEmpty() || !anyInterface(rule.inInterface) ||
        !anyInterface(rule.outInterface) || !rule.protocol.isEmpty() || rule.fragment) {
        return false;
    }
    for (const RuleMatch &match : rule.matches) {
        if (match.name != QLatin1String("comment")) {
            return false; // a comment matches every packet; any other match is a condition
        }
    }
    return true;
}

bool Reachability::covers(const Rule &earlier, const Rule &later)
{
    if (earlier.family != later.family) {
        return false;
    }
    if (matchesEveryPacket(earlier)) {
        return true;
    }
    if (earlier.fragment && (!later.fragment || later.fragmentNegated != earlier.fragmentNegated)) {
        return false;
    }
    return interfaceCovered(earlier.inInterface, earlier.inInterfaceNegated, later.inInterface,
                            later.inInterfaceNegated) &&
           interfaceCovered(earlier.outInterface, earlier.outInterfaceNegated, later.outInterface,
                            later.outInterfaceNegated) &&
           protocolCovered(earlier, later) && addressesCovered(earlier, later, true) &&
           addressesCovered(earlier, later, false) && matchesCovered(earlier, later);
}

int Reachability::firstShadowing(const QVector<const Rule *> &earlier, const QVector<Rule> &rules)
{
    for (int i = 0; i < earlier.size(); ++i) {
        const Rule *e = earlier.at(i);
        if (!e || !isFinal(*e)) {
            continue;
        }
        for (const Rule &rule : rules) {
            if (covers(*e, rule)) {
                return i;
            }
        }
    }
    return -1;
}

} // namespace Userchain

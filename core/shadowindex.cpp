#include "shadowindex.h"

#include "reachability.h"

#include <climits>

namespace Userchain {

namespace {

using Shape = ShadowIndex::Shape;
using Condition = ShadowIndex::Condition;
using AddressCondition = ShadowIndex::AddressCondition;

// Reachability's port keys: the same key from two matches tests the same thing.
enum PortKey { NoPort, Destination, Source, Either, CtOrigSrc, CtOrigDst, CtReplSrc, CtReplDst };

int portKeyOf(const QString &match, const QString &option)
{
    if (match == QLatin1String("tcp") || match == QLatin1String("udp"))
        return option == QLatin1String("--dport")   ? Destination
               : option == QLatin1String("--sport") ? Source
                                                    : NoPort;
    if (match == QLatin1String("multiport"))
        return option == QLatin1String("--dports")   ? Destination
               : option == QLatin1String("--sports") ? Source
               : option == QLatin1String("--ports")  ? Either
                                                     : NoPort;
    if (match == QLatin1String("conntrack"))
        return option == QLatin1String("--ctorigsrcport")   ? CtOrigSrc
               : option == QLatin1String("--ctorigdstport") ? CtOrigDst
               : option == QLatin1String("--ctreplsrcport") ? CtReplSrc
               : option == QLatin1String("--ctrepldstport") ? CtReplDst
                                                            : NoPort;
    return NoPort;
}

/// "80", "1000:2000", "80,443" (multiport) → ranges; false when one is not understood.
bool parsePorts(const QString &text, QVector<PortRange> *out)
{
    for (const QString &part : text.split(QLatin1Char(','))) {
        const auto range = PortRange::parse(part);
        if (!range)
            return false;
        out->append(*range);
    }
    return true;
}

Shape shapeOf(const Rule &rule)
{
    // The matches Reachability compares; any other (a rate limit) makes covers() false.
    static const QStringList understood = {
        QStringLiteral("tcp"),       QStringLiteral("udp"),   QStringLiteral("multiport"),
        QStringLiteral("conntrack"), QStringLiteral("state"), QStringLiteral("iprange"),
        QStringLiteral("icmp"),      QStringLiteral("icmp6"), QStringLiteral("mac"),
        QStringLiteral("addrtype"),  QStringLiteral("set"),   QStringLiteral("comment")};
    Shape s;
    s.rule = &rule;
    s.everything = Reachability::matchesEveryPacket(rule);
    auto interface = [](const QString &name, bool negated) {
        ShadowIndex::Interface i;
        i.any = name.isEmpty();
        i.wildcard = i.any || name.endsWith(QLatin1Char('+'));
        i.prefix = name.endsWith(QLatin1Char('+')) ? name.chopped(1) : name;
        i.negated = !i.any && negated;
        return i;
    };
    s.in = interface(rule.inInterface, rule.inInterfaceNegated);
    s.out = interface(rule.outInterface, rule.outInterfaceNegated);
    auto network = [&](const QString &text, bool negated, QVector<AddressCondition> *out) {
        if (text.isEmpty())
            return;
        const auto net = IpNetwork::parse(text, rule.family);
        if (net && net->isContiguous())
            out->append({net->range(rule.family), negated});
        else
            s.known = false;
    };
    network(rule.source, rule.sourceNegated, &s.src);
    network(rule.destination, rule.destinationNegated, &s.dst);
    for (const RuleMatch &m : rule.matches) {
        if (!understood.contains(m.name))
            s.coversNothing = true;
        if (m.name == QLatin1String("comment"))
            continue;
        for (const RuleOption &o : m.options) {
            if (m.name == QLatin1String("iprange")) {
                const auto range = parseAddressRange(o.args.value(0), rule.family);
                if (!range)
                    s.known = false;
                else
                    (o.name == QLatin1String("--src-range") ? s.src : s.dst)
                        .append({*range, o.negated});
                continue;
            }
            Condition c;
            c.match = m.name;
            c.option = &o;
            c.portKey = portKeyOf(m.name, o.name);
            if (c.portKey != NoPort && !parsePorts(o.args.value(0), &c.ports))
                s.known = false;
            if ((m.name == QLatin1String("conntrack") && o.name == QLatin1String("--ctstate")) ||
                (m.name == QLatin1String("state") && o.name == QLatin1String("--state")))
                c.states = o.args.value(0).split(QLatin1Char(','));
            s.conditions.append(c);
        }
    }
    return s;
}

bool within(const AddressRange &inner, const AddressRange &outer)
{
    return outer.first <= inner.first && inner.last <= outer.last;
}

/// Reachability's test of one side: every address `later` lets through meets `earlier`'s.
bool addressesImplied(const QVector<AddressCondition> &earlier,
                      const QVector<AddressCondition> &later, Family family)
{
    for (const AddressCondition &c : earlier) {
        bool implied = false;
        bool anyPositive = false;
        for (const AddressCondition &l : later) {
            anyPositive = anyPositive || !l.negated;
            const bool apart = l.range.last < c.range.first || c.range.last < l.range.first;
            implied = implied || (!c.negated && !l.negated && within(l.range, c.range)) ||
                      (c.negated && !l.negated && apart) ||
                      (c.negated && l.negated && within(c.range, l.range));
        }
        const bool all = c.range.first == IpAddress() && c.range.last == IpAddress::maxOf(family);
        if (!implied && !(!c.negated && !anyPositive && all))
            return false;
    }
    return true;
}

bool portsWithin(const QVector<PortRange> &inner, const QVector<PortRange> &outer)
{
    for (const PortRange &i : inner) {
        const bool found = std::any_of(outer.cbegin(), outer.cend(), [&](const PortRange &o) {
            return o.first <= i.first && i.last <= o.last;
        });
        if (!found)
            return false;
    }
    return !inner.isEmpty();
}

/// Reachability's optionImplied(), on the precomputed conditions.
bool conditionImplied(const Condition &c, const QVector<Condition> &later)
{
    for (const Condition &l : later) {
        if (l.match == c.match && *l.option == *c.option)
            return true;
        if (c.option->negated || l.option->negated)
            continue;
        const bool sameSide =
            l.portKey == c.portKey ||
            (c.portKey == Either && (l.portKey == Destination || l.portKey == Source));
        if (c.portKey != NoPort && l.portKey != NoPort && sameSide && portsWithin(l.ports, c.ports))
            return true;
        if (!c.states.isEmpty() && !l.states.isEmpty() &&
            std::all_of(l.states.cbegin(), l.states.cend(),
                        [&](const QString &state) { return c.states.contains(state); }))
            return true;
    }
    return false;
}

/// Every name `inner` stands for is matched by `outer` (Reachability's interfaceWithin).
bool interfaceWithin(const ShadowIndex::Interface &inner, const ShadowIndex::Interface &outer)
{
    if (outer.wildcard)
        return QStringView(inner.prefix).startsWith(outer.prefix);
    return !inner.wildcard && inner.prefix == outer.prefix;
}

/// Reachability's interfaceCovered(), on the precomputed interfaces.
bool interfaceCovered(const ShadowIndex::Interface &e, const ShadowIndex::Interface &l)
{
    if (e.any)
        return true;
    if (!e.negated)
        return !l.negated && interfaceWithin(l, e);
    if (l.negated)
        return interfaceWithin(e, l);
    if (!e.wildcard && !l.wildcard)
        return e.prefix != l.prefix;
    if (e.wildcard && l.wildcard)
        return !QStringView(l.prefix).startsWith(e.prefix) &&
               !QStringView(e.prefix).startsWith(l.prefix);
    return e.wildcard ? !QStringView(l.prefix).startsWith(e.prefix)
                      : !QStringView(e.prefix).startsWith(l.prefix);
}

/// Implied by covers(): false only when covers() is false.
bool mayCover(const Shape &e, const Shape &l)
{
    if (e.everything)
        return true;
    const Rule &er = *e.rule;
    const Rule &lr = *l.rule;
    // Cheapest first: address ranges are integer comparisons.
    if (e.known && l.known &&
        (!addressesImplied(e.src, l.src, er.family) || !addressesImplied(e.dst, l.dst, er.family)))
        return false;
    if (!er.protocol.isEmpty() &&
        (lr.protocol.isEmpty() ||
         (!er.protocolNegated ? (lr.protocolNegated || lr.protocol != er.protocol)
                              : lr.protocolNegated != (lr.protocol == er.protocol))))
        return false;
    if (!interfaceCovered(e.in, l.in) || !interfaceCovered(e.out, l.out))
        return false;
    if (!e.known || !l.known)
        return true;
    return std::all_of(e.conditions.cbegin(), e.conditions.cend(),
                       [&](const Condition &c) { return conditionImplied(c, l.conditions); });
}

/// The `length`-bit prefix holding `address`, as a range.
AddressRange prefixRange(const IpAddress &address, int length, Family family)
{
    const int host = (family == Family::IPv4 ? 32 : 128) - length; // bits below the prefix
    IpAddress hostBits{0, 0};
    if (host >= 64)
        hostBits = {host >= 128 ? ~quint64(0) : (quint64(1) << (host - 64)) - 1, ~quint64(0)};
    else if (host > 0)
        hostBits = {0, (quint64(1) << host) - 1};
    const IpAddress first = address & ~hostBits;
    return {first, first | hostBits};
}

/// The single port all of a condition's ranges are, or -1.
int singlePort(const Condition &c)
{
    if (c.ports.isEmpty())
        return -1;
    for (const PortRange &r : c.ports)
        if (r.first != r.last || r.first != c.ports.first().first)
            return -1;
    return c.ports.first().first;
}

} // namespace

QVector<ShadowIndex::Key> ShadowIndex::keysOf(const Shape &shape, bool lookup) const
{
    QVector<Key> keys;
    if (shape.everything || !shape.known)
        return keys;
    const int bits = m_family == Family::IPv4 ? 32 : 128;
    auto prefixes = [&](int kind, const QVector<AddressCondition> &conditions) {
        for (const AddressCondition &c : conditions) {
            if (c.negated)
                continue;
            for (int length = 1; length <= bits; ++length) {
                const AddressRange p = prefixRange(c.range.first, length, m_family);
                if (!within(c.range, p))
                    break; // longer prefixes do not hold it either
                // Filed: only a prefix that is exactly the condition; looked up: every one.
                if (lookup || (p.first == c.range.first && p.last == c.range.last))
                    keys.append({kind, p.first, length, QString()});
            }
        }
    };
    prefixes(1, shape.src);
    prefixes(2, shape.dst);
    if (!shape.in.any && !shape.in.negated && !shape.in.wildcard)
        keys.append({3, IpAddress(), 0, shape.in.prefix});
    if (!shape.out.any && !shape.out.negated && !shape.out.wildcard)
        keys.append({4, IpAddress(), 0, shape.out.prefix});
    for (const Condition &c : shape.conditions) {
        const int port = singlePort(c);
        if ((c.portKey == Destination || c.portKey == CtOrigDst) && !c.option->negated && port >= 0)
            keys.append({5, IpAddress(), c.portKey * 65536 + port, QString()});
    }
    return keys;
}

void ShadowIndex::add(const Rule &rule, int index)
{
    Shape shape = shapeOf(rule);
    if (shape.coversNothing)
        return;
    const int position = int(m_shapes.size());
    // A positive condition of this rule must be shared by every rule it covers (a positive
    // range inside its prefix, the same interface, the same port): file it under the one with
    // the fewest rules so far, so that lookups stay short.
    const QVector<Key> keys = keysOf(shape, false);
    const Key *best = nullptr;
    qsizetype fewest = 0;
    for (const Key &key : keys) {
        const auto it = m_filed.constFind(key);
        const qsizetype size = it == m_filed.constEnd() ? 0 : it->size();
        if (!best || size < fewest) {
            best = &key;
            fewest = size;
        }
    }
    if (best)
        m_filed[*best].append(position);
    else
        m_others.append(position);
    m_shapes.append(shape);
    m_indices.append(index);
}

int ShadowIndex::firstCovering(const Rule &later) const
{
    const Shape l = shapeOf(later);
    int best = INT_MAX; // a position in m_shapes
    auto tryList = [&](const QVector<int> &list) {
        for (int e : list) {
            if (e >= best)
                return;
            if (mayCover(m_shapes.at(e), l) && Reachability::covers(*m_shapes.at(e).rule, later)) {
                best = e;
                return;
            }
        }
    };
    if (!l.known) {
        for (const QVector<int> &list : m_filed)
            tryList(list);
    } else {
        for (const Key &key : keysOf(l, true)) {
            const auto it = m_filed.constFind(key);
            if (it != m_filed.constEnd())
                tryList(*it);
        }
    }
    tryList(m_others);
    return best == INT_MAX ? -1 : m_indices.at(best);
}

} // namespace Userchain

#include "rulematcher.h"

#include "addresses.h"
#include "netfilternames.h"
#include "ruleset.h"

#include <QCoreApplication>
#include <QHash>

#include <linux/netfilter/xt_addrtype.h>

namespace Userchain {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Userchain::RuleMatcher", text);
}

/// Rules are evaluated many times over (Exposure: per port and interface class); their texts
/// are parsed once per thread. Bounded, as arbitrary rulesets must not grow it without limit.
template <typename T, typename Parse>
std::optional<T> cached(const QString &text, Family family, Parse parse)
{
    static thread_local QHash<QString, std::optional<T>> seen[2];
    auto &cache = seen[family == Family::IPv4 ? 0 : 1];
    const auto it = cache.constFind(text);
    if (it != cache.constEnd())
        return *it;
    if (cache.size() > 200000)
        cache.clear();
    const std::optional<T> value = parse(text, family);
    cache.insert(text, value);
    return value;
}

std::optional<IpNetwork> network(const QString &text, Family family)
{
    return cached<IpNetwork>(text, family, &IpNetwork::parse);
}

std::optional<PortRange> portRange(const QString &text)
{
    return cached<PortRange>(text, Family::IPv4,
                             [](const QString &t, Family) { return PortRange::parse(t); });
}

Tri fromBool(bool b)
{
    return b ? Tri::Yes : Tri::No;
}

Tri negate(Tri t, bool negated)
{
    if (!negated || t == Tri::Unknown)
        return t;
    return t == Tri::Yes ? Tri::No : Tri::Yes;
}

/// Three-valued AND: one No decides; otherwise the first Unknown is what the rule depends on.
struct Accumulator
{
    Tri value = Tri::Yes;
    QString uses;
    /// `what` is called only when it is needed: most conditions are decided, and words cost.
    template <typename What> void add(Tri t, What &&what)
    {
        if (t == Tri::No)
            value = Tri::No;
        else if (t == Tri::Unknown && value == Tri::Yes) {
            value = Tri::Unknown;
            uses = what();
        }
    }
};

int flagsOf(const QString &text)
{
    return int(NetfilterNames::tcpFlagMask(text).value_or(0));
}

Tri portIn(const std::optional<int> &port, const QString &rangeText)
{
    if (!port)
        return Tri::Unknown;
    const auto r = portRange(rangeText);
    return fromBool(r && r->contains(*port));
}

Tri portInList(const std::optional<int> &port, const QString &list)
{
    if (!port)
        return Tri::Unknown;
    for (const QString &item : list.split(QLatin1Char(','))) {
        const auto r = portRange(item);
        if (r && r->contains(*port))
            return Tri::Yes;
    }
    return Tri::No;
}

Tri inNetwork(const std::optional<IpAddress> &a, const QString &net, Family family)
{
    if (!a)
        return Tri::Unknown;
    const auto n = network(net, family);
    return fromBool(n && n->contains(*a));
}

/// A test of the destination when it is an address of the host whose value is unknown: a
/// single address that Docker's rules give a container is certainly not the host's.
Tri hostInNetwork(const QString &net, const Ruleset &rs)
{
    const auto n = network(net, rs.family);
    if (n && n->isContiguous()) {
        const AddressRange r = n->range(rs.family);
        if (r.first == r.last && rs.isContainerAddress(r.first))
            return Tri::No;
    }
    return Tri::Unknown;
}

/// The address types (xt_addrtype's bits) an address has, or 0 when the host's routes decide.
enum AddrTypeBit : int {
    TUnspec = XT_ADDRTYPE_UNSPEC,
    TUnicast = XT_ADDRTYPE_UNICAST,
    TLocal = XT_ADDRTYPE_LOCAL,
    TBroadcast = XT_ADDRTYPE_BROADCAST,
    TMulticast = XT_ADDRTYPE_MULTICAST,
};

int addrTypeBit(const QString &name)
{
    return int(NetfilterNames::addrTypes().valueOf(name).value_or(0));
}

int typesOf(const std::optional<IpAddress> &a, bool local, bool container, Family family)
{
    if (family == Family::IPv4) {
        if (a && *a == IpAddress::maxOf(family))
            return TBroadcast;
        if (a && (a->lo >> 28) == 0xe)
            return TMulticast;
        if (local)
            return TLocal;
        return container ? TUnicast : 0;
    }
    // xt_addrtype's IPv6 side: unicast addresses are UNICAST whatever the route, and every
    // address but :: also counts as UNSPEC (match_type6 tests "addr_type != IPV6_ADDR_ANY").
    if (a && (a->hi >> 56) == 0xff)
        return TMulticast | TUnspec;
    if (local)
        return TLocal | TUnicast | TUnspec;
    return container ? TUnicast | TUnspec : 0;
}

} // namespace

MatchResult RuleMatcher::match(const Rule &rule, const MatchContext &ctx, const Ruleset &ruleset,
                               SourceConstraint *sourceSet)
{
    Accumulator acc;
    const Family fam = ctx.family;
    // A condition on the packet's source: narrowed into sourceSet, or tested on ctx.src.
    auto source = [&](const std::optional<RangeList> &allowed, bool negated, const QString &what) {
        if (!allowed) {
            acc.add(Tri::Unknown, [&] { return QString(what); });
            return;
        }
        if (sourceSet) {
            sourceSet->allowed = intersectRanges(
                sourceSet->allowed, negated ? complementRanges(*allowed, fam) : *allowed);
            if (sourceSet->allowed.isEmpty())
                acc.add(Tri::No, [&] { return QString(QString()); });
            return;
        }
        bool in = false;
        for (const AddressRange &r : *allowed)
            in = in || r.contains(ctx.src);
        acc.add(negate(fromBool(in), negated), [&] { return QString(what); });
    };
    auto networkRanges = [&](const QString &text) -> std::optional<RangeList> {
        const auto n = network(text, fam);
        if (!n || !n->isContiguous()) {
            // A dotted mask with holes is no range; one packet can still be tested exactly.
            if (n && !sourceSet)
                return n->contains(ctx.src) ? RangeList{{ctx.src, ctx.src}} : RangeList{};
            return std::nullopt;
        }
        return RangeList{n->range(fam)};
    };

    if (!rule.source.isEmpty())
        source(networkRanges(rule.source), rule.sourceNegated, tr("a non-contiguous mask"));
    if (!rule.destination.isEmpty())
        acc.add(negate(ctx.dst || !ctx.dstLocal ? inNetwork(ctx.dst, rule.destination, fam)
                                                : hostInNetwork(rule.destination, ruleset),
                       rule.destinationNegated),
                [&] { return QString(tr("the host's address")); });
    if (!rule.inInterface.isEmpty() && !ctx.ignoreIn)
        acc.add(
            negate(fromBool(interfaceMatches(rule.inInterface, ctx.in)), rule.inInterfaceNegated),
            [&] { return QString(QString()); });
    if (!rule.outInterface.isEmpty()) {
        if (ctx.hasOut && ctx.out.isEmpty())
            acc.add(Tri::Unknown, [&] { return QString(tr("the out interface")); });
        else
            acc.add(negate(fromBool(interfaceMatches(rule.outInterface,
                                                     ctx.hasOut ? ctx.out : QString())),
                           rule.outInterfaceNegated),
                    [&] { return QString(QString()); });
    }
    if (!rule.protocol.isEmpty()) {
        const auto n = Addresses::protocolNumber(rule.protocol);
        acc.add(negate(n ? fromBool(*n == 0 || *n == ctx.protocol) : Tri::Unknown,
                       rule.protocolNegated),
                [&] { return QString(rule.protocol); });
    }
    if (rule.fragment)
        acc.add(fromBool(rule.fragmentNegated),
                [&] { return QString(QString()); }); // packets are whole or first fragments

    for (const RuleMatch &m : rule.matches) {
        if (acc.value == Tri::No)
            break;
        const QString &name = m.name;
        for (const RuleOption &o : m.options) {
            const QString arg = o.args.value(0);
            const bool neg = o.negated;
            const auto uses = [&] {
                return name + QLatin1Char(' ') + o.name;
            };
            if (name == QLatin1String("tcp") || name == QLatin1String("udp")) {
                if (o.name == QLatin1String("--sport"))
                    acc.add(negate(portIn(ctx.sport, arg), neg),
                            [&] { return QString(tr("the source port")); });
                else if (o.name == QLatin1String("--dport"))
                    acc.add(negate(portIn(ctx.dport, arg), neg),
                            [&] { return QString(tr("the destination port")); });
                else if (o.name == QLatin1String("--tcp-flags"))
                    acc.add(negate(ctx.tcpFlags ? fromBool((*ctx.tcpFlags & flagsOf(arg)) ==
                                                           flagsOf(o.args.value(1)))
                                                : Tri::Unknown,
                                   neg),
                            [&] { return QString(tr("TCP flags")); });
                else
                    acc.add(Tri::Unknown, [&] { return uses(); });
            } else if (name == QLatin1String("multiport")) {
                if (o.name == QLatin1String("--dports"))
                    acc.add(negate(portInList(ctx.dport, arg), neg),
                            [&] { return QString(tr("the destination port")); });
                else if (o.name == QLatin1String("--sports"))
                    acc.add(negate(portInList(ctx.sport, arg), neg),
                            [&] { return QString(tr("the source port")); });
                else {
                    const Tri s = portInList(ctx.sport, arg), d = portInList(ctx.dport, arg);
                    const Tri either = s == Tri::Yes || d == Tri::Yes ? Tri::Yes
                                       : s == Tri::No && d == Tri::No ? Tri::No
                                                                      : Tri::Unknown;
                    acc.add(negate(either, neg), [&] { return QString(tr("the source port")); });
                }
            } else if (name == QLatin1String("icmp") || name == QLatin1String("icmp6")) {
                if (arg == QLatin1String("any")) {
                    acc.add(negate(Tri::Yes, neg), [&] { return QString(QString()); });
                    continue;
                }
                const int type = arg.section(QLatin1Char('/'), 0, 0).toInt();
                const QString codeText = arg.section(QLatin1Char('/'), 1, 1);
                Tri t = Tri::Unknown;
                if (ctx.icmpType >= 0) {
                    t = fromBool(ctx.icmpType == type);
                    if (t == Tri::Yes && !codeText.isEmpty())
                        t = ctx.icmpCode < 0 ? Tri::Unknown
                                             : fromBool(ctx.icmpCode == codeText.toInt());
                }
                acc.add(negate(t, neg), [&] { return QString(tr("the ICMP type")); });
            } else if (name == QLatin1String("iprange")) {
                const auto r = parseAddressRange(arg, fam);
                if (o.name == QLatin1String("--src-range")) {
                    source(r ? std::optional<RangeList>(RangeList{*r}) : std::nullopt, neg, uses());
                } else {
                    acc.add(
                        negate(ctx.dst && r ? fromBool(r->contains(*ctx.dst)) : Tri::Unknown, neg),
                        [&] { return QString(tr("the host's address")); });
                }
            } else if (name == QLatin1String("conntrack") || name == QLatin1String("state")) {
                const bool tracked =
                    ctx.state != CtState::Invalid && ctx.state != CtState::Untracked;
                if (o.name == QLatin1String("--ctstate") || o.name == QLatin1String("--state")) {
                    int bits = 0;
                    for (const QString &s : arg.split(QLatin1Char(','))) {
                        if ((s == QLatin1String("NEW") && ctx.state == CtState::New) ||
                            (s == QLatin1String("ESTABLISHED") &&
                             ctx.state == CtState::Established) ||
                            (s == QLatin1String("RELATED") && ctx.state == CtState::Related) ||
                            (s == QLatin1String("INVALID") && ctx.state == CtState::Invalid) ||
                            (s == QLatin1String("UNTRACKED") && ctx.state == CtState::Untracked) ||
                            (s == QLatin1String("DNAT") && tracked && ctx.dnat))
                            bits = 1;
                        // SNAT: only masqueraded connections have it, and the evaluator follows
                        // connections from outside, which Docker does not source-NAT.
                    }
                    acc.add(negate(fromBool(bits != 0), neg), [&] { return QString(QString()); });
                    continue;
                }
                if (!tracked) {
                    acc.add(Tri::Unknown, [&] { return uses(); });
                    continue;
                }
                const bool orig = ctx.direction == CtDirection::Original;
                if (o.name == QLatin1String("--ctproto")) {
                    acc.add(negate(fromBool(arg.toInt() == ctx.protocol), neg),
                            [&] { return QString(QString()); });
                } else if (o.name == QLatin1String("--ctdir")) {
                    acc.add(negate(fromBool(orig == (arg == QLatin1String("ORIGINAL"))), neg),
                            [&] { return QString(QString()); });
                } else if (o.name == QLatin1String("--ctorigsrc") ||
                           o.name == QLatin1String("--ctrepldst")) {
                    // For a connection from outside (not source-NATed) both are the client.
                    const auto n = network(arg, fam);
                    if (sourceSet && orig) {
                        source(n ? std::optional<RangeList>(networkRanges(arg)) : std::nullopt, neg,
                               uses());
                    } else {
                        const auto &a =
                            o.name == QLatin1String("--ctorigsrc") ? ctx.origSrc : ctx.replDst;
                        acc.add(negate(inNetwork(a, arg, fam), neg), [&] { return uses(); });
                    }
                } else if (o.name == QLatin1String("--ctorigdst")) {
                    acc.add(negate(ctx.origDst ? inNetwork(ctx.origDst, arg, fam)
                                               : hostInNetwork(arg, ruleset),
                                   neg),
                            [&] { return QString(tr("the host's address")); });
                } else if (o.name == QLatin1String("--ctreplsrc")) {
                    acc.add(negate(inNetwork(ctx.replSrc, arg, fam), neg), [&] { return uses(); });
                } else if (o.name == QLatin1String("--ctorigsrcport")) {
                    acc.add(negate(portIn(ctx.origSport, arg), neg),
                            [&] { return QString(tr("the source port")); });
                } else if (o.name == QLatin1String("--ctorigdstport")) {
                    acc.add(negate(portIn(ctx.origDport, arg), neg), [&] { return uses(); });
                } else if (o.name == QLatin1String("--ctreplsrcport")) {
                    acc.add(negate(portIn(ctx.replSport, arg), neg), [&] { return uses(); });
                } else if (o.name == QLatin1String("--ctrepldstport")) {
                    acc.add(negate(portIn(ctx.replDport, arg), neg),
                            [&] { return QString(tr("the source port")); });
                } else if (o.name == QLatin1String("--ctstatus")) {
                    // What is known of the entry's status bits for the packets modelled: the
                    // first packet's entry has none; later packets' entries are confirmed
                    // and have seen a reply. ASSURED and EXPECTED depend on more history.
                    Tri any = Tri::No;
                    for (const QString &s : arg.split(QLatin1Char(','))) {
                        Tri t = Tri::Unknown;
                        if (s == QLatin1String("NONE"))
                            t = Tri::No;
                        else if (s == QLatin1String("CONFIRMED") ||
                                 s == QLatin1String("SEEN_REPLY"))
                            t = fromBool(ctx.confirmed);
                        else if (!ctx.confirmed)
                            t = Tri::No;
                        if (t == Tri::Yes)
                            any = Tri::Yes;
                        else if (t == Tri::Unknown && any == Tri::No)
                            any = Tri::Unknown;
                    }
                    acc.add(negate(any, neg), [&] { return uses(); });
                } else {
                    acc.add(Tri::Unknown, [&] { return uses(); }); // --ctexpire: the entry's timer
                }
            } else if (name == QLatin1String("addrtype")) {
                if (o.name == QLatin1String("--limit-iface-in") ||
                    o.name == QLatin1String("--limit-iface-out")) {
                    acc.add(Tri::Unknown, [&] { return uses(); });
                    continue;
                }
                const bool dst = o.name == QLatin1String("--dst-type");
                const int have = dst ? typesOf(ctx.dst, ctx.dstLocal, ctx.dstContainer, fam)
                                     : typesOf(ctx.src, false, false, fam);
                int want = 0;
                for (const QString &t : arg.split(QLatin1Char(',')))
                    want |= addrTypeBit(t);
                acc.add(negate(have == 0 ? Tri::Unknown : fromBool((have & want) != 0), neg), [&] {
                    return dst ? uses() : tr("addrtype --src-type (the host's routes)");
                });
            } else if (name == QLatin1String("set")) {
                const IpSetContents *set = ruleset.set(arg);
                const QString dir = o.args.value(1).section(QLatin1Char(','), 0, 0);
                if (!set) {
                    acc.add(Tri::Unknown,
                            [&] { return QString(tr("set %1, which was not read").arg(arg)); });
                    continue;
                }
                if (dir == QLatin1String("src")) {
                    RangeList ranges;
                    bool contiguous = true;
                    for (const IpNetwork &n : *set) {
                        contiguous = contiguous && n.isContiguous();
                        ranges.append(n.range(fam));
                    }
                    std::sort(ranges.begin(), ranges.end(),
                              [](const AddressRange &a, const AddressRange &b) {
                                  return a.first < b.first;
                              });
                    RangeList merged;
                    for (const AddressRange &r : ranges) {
                        if (!merged.isEmpty() && r.first <= merged.last().last.next() &&
                            merged.last().last != IpAddress::maxOf(fam))
                            merged.last().last = std::max(merged.last().last, r.last);
                        else if (!merged.isEmpty() && merged.last().last == IpAddress::maxOf(fam))
                            continue;
                        else
                            merged.append(r);
                    }
                    source(contiguous ? std::optional<RangeList>(merged) : std::nullopt, neg,
                           uses());
                } else {
                    Tri t = ctx.dst ? Tri::No : Tri::Unknown;
                    for (const IpNetwork &n : *set)
                        if (ctx.dst && n.contains(*ctx.dst))
                            t = Tri::Yes;
                    acc.add(negate(t, neg), [&] { return QString(tr("the host's address")); });
                }
            } else if (name == QLatin1String("mark") || name == QLatin1String("connmark")) {
                // xt_mark / xt_connmark: (mark & mask) == value.
                const bool packet = name == QLatin1String("mark");
                const std::optional<quint32> mark =
                    packet ? (ctx.mark ? ctx.mark : ruleset.initialMark())
                           : (ctx.ctMark ? ctx.ctMark : ruleset.initialCtMark());
                const QString value = arg.section(QLatin1Char('/'), 0, 0);
                const QString mask = arg.section(QLatin1Char('/'), 1, 1);
                bool okValue = false, okMask = true;
                const quint32 v = value.toUInt(&okValue, 0);
                const quint32 m = mask.isEmpty() ? 0xffffffffu : mask.toUInt(&okMask, 0);
                acc.add(
                    negate(mark && okValue && okMask ? fromBool((*mark & m) == v) : Tri::Unknown,
                           neg),
                    [&] {
                        return packet ? tr("mark (the packet's mark, which rules not read "
                                           "may set)")
                                      : tr("connmark (the connection's mark, which rules "
                                           "not read may set)");
                    });
            } else if (name == QLatin1String("physdev")) {
                // xt_physdev: a routed packet has no bridge output port, so it is neither
                // bridged nor leaving through a bridge port, whether or not it came in through
                // one (br_netfilter). After DNAT, or between two interfaces, it is routed.
                const bool routed =
                    ctx.hasOut && (ctx.dnat || (!ctx.in.isEmpty() && !ctx.ignoreIn &&
                                                !ctx.out.isEmpty() && ctx.in != ctx.out));
                if (routed && (o.name == QLatin1String("--physdev-is-bridged") ||
                               o.name == QLatin1String("--physdev-is-out")))
                    acc.add(negate(Tri::No, neg), [&] { return QString(); });
                else
                    acc.add(Tri::Unknown,
                            [&] { return QString(tr("physdev (the bridge port of the packet)")); });
            } else if (name == QLatin1String("comment")) {
                // A comment matches every packet.
            } else {
                // limit, hashlimit, connlimit: rates and counts of packets and connections
                // before this one; time: the clock; string: the payload; mac: the link layer.
                acc.add(Tri::Unknown, [&] { return QString(name); });
            }
        }
    }
    return {acc.value, acc.value == Tri::Unknown ? acc.uses : QString()};
}

} // namespace Userchain

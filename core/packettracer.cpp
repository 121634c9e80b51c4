#include "packettracer.h"

#include <QCoreApplication>

namespace Userchain {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Userchain::PacketTracer", text);
}

constexpr int TcpSyn = 0x02;
constexpr int TcpAck = 0x10;

Verdict verdictOf(const WalkOutcome &o)
{
    Verdict v;
    switch (o.kind) {
    case WalkOutcome::Accept:
    case WalkOutcome::Dnat:
        v.kind = VerdictKind::Accept;
        break;
    case WalkOutcome::Drop:
        v.kind = VerdictKind::Drop;
        break;
    case WalkOutcome::Reject:
        v.kind = VerdictKind::Reject;
        break;
    case WalkOutcome::Unknown:
        v.kind = VerdictKind::Unknown;
        v.dependsOn = o.dependsOn();
        break;
    }
    if (o.chain) {
        v.table = o.chain->table;
        v.chain = o.chain->name;
        v.rule = o.index + 1;
        v.ruleText = o.index >= 0 ? o.chain->rules[o.index].text
                                  : QStringLiteral("-P %1 %2").arg(o.chain->name, o.chain->policy);
    }
    return v;
}

std::optional<int> defaultFlags(const Packet &p)
{
    if (p.tcpFlags || p.protocol != 6)
        return p.tcpFlags;
    if (p.state == CtState::New)
        return TcpSyn;
    if (p.state == CtState::Established && p.direction == CtDirection::Original)
        return TcpAck;
    return std::nullopt;
}

} // namespace

QString Verdict::kindName(VerdictKind kind)
{
    switch (kind) {
    case VerdictKind::Accept:
        return QStringLiteral("ACCEPT");
    case VerdictKind::Drop:
        return QStringLiteral("DROP");
    case VerdictKind::Reject:
        return QStringLiteral("REJECT");
    case VerdictKind::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

MatchContext PacketTracer::preroutingContext(const Packet &p, bool raw)
{
    MatchContext c;
    c.family = p.family;
    c.in = p.inInterface;
    c.hasOut = false;
    c.src = p.src;
    c.dst = p.dst;
    c.dstLocal = !p.dst || p.dstLocal.value_or(true);
    c.protocol = p.protocol;
    c.sport = p.sport;
    c.dport = p.dport;
    c.icmpType = p.icmpType;
    c.icmpCode = p.icmpCode;
    c.tcpFlags = defaultFlags(p);
    // raw PREROUTING runs before conntrack: the packet has no entry yet, which conntrack's
    // and state's matches report as INVALID.
    c.state = raw ? CtState::Invalid : p.state;
    c.direction = p.direction;
    c.origSrc = p.src;
    c.origDst = p.dst;
    c.origSport = p.sport;
    c.origDport = p.dport;
    c.replSrc = p.dst;
    c.replDst = p.src;
    c.replSport = p.dport;
    c.replDport = p.sport;
    return c;
}

MatchContext PacketTracer::forwardContext(const Packet &p, const IpAddress &dst, int dport,
                                          bool dnat, const QString &out, bool toHost)
{
    MatchContext c = preroutingContext(p, false);
    if (dnat) {
        c.dst = dst;
        c.dport = dport;
        c.replSrc = dst;
        c.replSport = dport;
    }
    c.dnat = dnat;
    c.hasOut = !toHost;
    c.out = out;
    c.dstLocal = toHost;
    // A forwarded packet was routed by a unicast route (the kernel forwards nothing else), so
    // its destination's address type is UNICAST whatever the interface.
    c.dstContainer = !toHost;
    c.confirmed = p.state != CtState::New;
    return c;
}

bool PacketTracer::dnatTarget(const Ruleset &ruleset, const WalkOutcome &o, IpAddress *address,
                              int *port)
{
    if (o.kind != WalkOutcome::Dnat || !o.chain || o.index < 0)
        return false;
    const RulesetRule &r = o.chain->rules[o.index];
    const RuleOption *to = r.rule->target.option(QStringLiteral("--to-destination"));
    return to && parseNatDestination(to->args.value(0), ruleset.family, address, port);
}

Trace PacketTracer::trace(const Ruleset &rs, const Packet &p)
{
    Trace t;
    auto fail = [&](const WalkOutcome &o, QVector<TraceStep> steps) {
        t.path += steps;
        t.verdict = verdictOf(o);
        return t;
    };

    // The helper's snapshot holds filter and nat only; a saved file may lack raw as well.
    if (!rs.chain(QStringLiteral("raw"), QStringLiteral("PREROUTING")))
        t.notes << tr("the raw table is not part of these rules: its rules (Docker 28 and later "
                      "drop direct access to containers there) were not considered");

    // 1. raw PREROUTING sees every packet.
    // A destination Docker's rules route to a bridge is a unicast address, not the host's.
    const bool toContainer =
        p.dst && !rs.bridgeFor(*p.dst).isEmpty() && !p.dstLocal.value_or(false);
    {
        MatchContext ctx = preroutingContext(p, true);
        ctx.dstContainer = toContainer;
        ctx.dstLocal = ctx.dstLocal && !toContainer;
        PacketOracle oracle(rs, ctx);
        WalkOutcome o = ChainWalker::walk(rs, QStringLiteral("raw"), QStringLiteral("PREROUTING"),
                                          oracle, true);
        // ACCEPT in raw only ends the raw table; the packet goes on to conntrack and nat.
        if (o.kind != WalkOutcome::Accept)
            return fail(o, o.steps);
        for (const TraceStep &s : std::as_const(o.steps))
            if (s.rule > 0)
                t.path.append(s);
    }

    // 2. nat PREROUTING: Docker's DNAT, for the first packet of a connection.
    bool dnat = false;
    IpAddress dst = p.dst.value_or(IpAddress{});
    int dport = p.dport.value_or(0);
    const bool reply = p.direction == CtDirection::Reply;
    Packet first = p;
    if (!reply) {
        first.state = CtState::New;
        MatchContext ctx = preroutingContext(first, false);
        ctx.dstContainer = toContainer;
        ctx.dstLocal = ctx.dstLocal && !toContainer;
        PacketOracle oracle(rs, ctx);
        WalkOutcome o = ChainWalker::walk(rs, QStringLiteral("nat"), QStringLiteral("PREROUTING"),
                                          oracle, true);
        if (o.kind == WalkOutcome::Unknown)
            return fail(o, p.state == CtState::New ? o.steps : QVector<TraceStep>{});
        if (p.state == CtState::New) {
            for (const TraceStep &s : std::as_const(o.steps))
                if (s.rule > 0)
                    t.path.append(s);
        }
        if (o.kind == WalkOutcome::Dnat) {
            int port = 0;
            if (!dnatTarget(rs, o, &dst, &port)) {
                o.kind = WalkOutcome::Unknown;
                o.uses = tr("a DNAT target this tool cannot read");
                return fail(o, {});
            }
            dnat = true;
            if (port)
                dport = port;
            t.dnatAddress = dst;
            t.dnatPort = dport;
            if (p.state != CtState::New)
                t.notes << tr("conntrack applies the connection's DNAT (rule %1 of nat %2) "
                              "without passing nat again")
                               .arg(o.index + 1)
                               .arg(o.chain->name);
        }
    }

    // The kernel's routing refuses packets for 127.0.0.0/8 from other interfaces (martians)
    // unless the interface's route_localnet is 1, which Docker sets in some setups; the rules
    // cannot tell which. Checked on the destination the client used, as Docker's DNAT of
    // 127.0.0.1 ports shows in practice.
    if (p.family == Family::IPv4 && p.dst && (p.dst->lo >> 24) == 127 &&
        p.inInterface != QLatin1String("lo") && !reply) {
        t.verdict.kind = VerdictKind::Unknown;
        t.verdict.dependsOn =
            tr("depends on net.ipv4.conf.%1.route_localnet: packets to %2 that arrive on %1 are "
               "dropped as martians unless it is 1")
                .arg(p.inInterface, p.dst->toString(p.family));
        return t;
    }

    // 3. Routing: to a container (FORWARD) or to the host itself (INPUT).
    QString out = p.outInterface;
    bool toHost = false;
    if (reply) {
        if (out.isEmpty())
            t.notes << tr("the out interface of the reply is not given; rules that test -o "
                          "depend on it");
    } else if (dnat) {
        if (out.isEmpty())
            out = rs.bridgeFor(dst);
    } else if (!p.dst || p.dstLocal.value_or(false)) {
        toHost = true;
    } else if (p.dstLocal.has_value() || !out.isEmpty() || !rs.bridgeFor(dst).isEmpty()) {
        if (out.isEmpty())
            out = rs.bridgeFor(dst);
    } else {
        toHost = true;
        t.notes << tr("assuming %1 is an address of this host").arg(dst.toString(p.family));
    }
    if (!toHost && out.isEmpty() && !reply)
        t.notes << tr("the rules do not say which interface %1 is routed to; rules that test "
                      "-o depend on it")
                       .arg(dst.toString(p.family));
    t.toHost = toHost;
    t.outInterface = out;

    // 4. filter.
    MatchContext ctx;
    if (reply) {
        ctx = preroutingContext(p, false);
        ctx.hasOut = true;
        ctx.out = out;
        ctx.confirmed = true;
        ctx.dstContainer = true; // forwarded: a unicast route
        ctx.dstLocal = false;
        // The connection's tuples seen from its first packet (the client's).
        ctx.origSrc = p.dst;
        ctx.origSport = p.dport;
        ctx.replSrc = p.src;
        ctx.replSport = p.sport;
        ctx.replDst = p.dst;
        ctx.replDport = p.dport;
        ctx.origDst = p.origDst ? p.origDst : p.src;
        ctx.origDport = p.origDport ? p.origDport : p.sport;
        if (p.origDst && p.dst) {
            ctx.dnat = *p.origDst != p.src || p.origDport.value_or(0) != p.sport.value_or(0);
        } else if (!p.origDst) {
            // The connection's original destination: the published port that DNATs to this
            // container port, if any.
            for (const PublishedPort &pp : rs.publishedPorts()) {
                if (pp.containerAddress == p.src && pp.protocol == p.protocol &&
                    (pp.containerPort == 0 || pp.containerPort == p.sport.value_or(-1))) {
                    ctx.dnat = true;
                    ctx.origDst = pp.hostAddress;
                    ctx.origDport = pp.hostPorts.first;
                    t.notes << tr("the reply belongs to a connection to published port %1 "
                                  "(rule %2 of nat DOCKER)")
                                   .arg(pp.hostPorts.first)
                                   .arg(pp.ruleNumber);
                    break;
                }
            }
        }
    } else {
        ctx = forwardContext(p, dst, dport, dnat, out, toHost);
        if (!p.dst) {
            ctx.origDst.reset();
            ctx.replSrc = dnat ? std::optional<IpAddress>(dst) : std::nullopt;
            if (!dnat)
                ctx.dst.reset();
        }
    }
    const QString hook = toHost ? QStringLiteral("INPUT") : QStringLiteral("FORWARD");
    PacketOracle oracle(rs, ctx);
    const WalkOutcome o = ChainWalker::walk(rs, QStringLiteral("filter"), hook, oracle, true);
    t.path += o.steps;
    t.verdict = verdictOf(o);
    if (toHost)
        t.notes << tr("the packet is for the host itself (no DNAT): filter INPUT decides and "
                      "DOCKER-USER does not see it. Docker's userland proxy serves published "
                      "ports that are not DNATed this way, e.g. IPv6 when Docker's ip6tables "
                      "is off");
    return t;
}

} // namespace Userchain

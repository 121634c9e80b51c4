// DNAT, MASQUERADE and SNAT: libxt_DNAT.c, libxt_MASQUERADE.c, libxt_SNAT.c. They belong to
// the nat table and are only shown (Docker's nat chains), never written by Userchain; DNAT and
// MASQUERADE are encoded so that Docker's nat rules pass the same read-back check as
// everything else, SNAT is only read.
#include "xtspecs.h"
#include "xtsupport.h"

#include <QCoreApplication>
#include <QRegularExpression>

// The C library's headers first: the kernel's netfilter headers then skip their own copies.
#include <arpa/inet.h>
#include <netinet/in.h>

#include <linux/netfilter/nf_nat.h>

namespace Userchain {
namespace Xt {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Userchain::Extensions", text);
}

/// libxt_NAT's sprint_range + __NAT_print, on a range widened to nf_nat_range2.
void natText(const struct nf_nat_range2 &r, Family f, const char *rangeOption, bool skipColon,
             SaveText &t)
{
    const bool brackets = f == Family::IPv6 && (r.flags & NF_NAT_RANGE_PROTO_SPECIFIED);
    QString range;
    if (r.flags & NF_NAT_RANGE_MAP_IPS) {
        const quint8 *lo = reinterpret_cast<const quint8 *>(&r.min_addr);
        const quint8 *hi = reinterpret_cast<const quint8 *>(&r.max_addr);
        if (brackets)
            range += QLatin1Char('[');
        range += ipToText(lo, f);
        if (std::memcmp(&r.min_addr, &r.max_addr, sizeof(r.min_addr)) != 0)
            range += QLatin1Char('-') + ipToText(hi, f);
        if (brackets)
            range += QLatin1Char(']');
    }
    if (r.flags & NF_NAT_RANGE_PROTO_SPECIFIED) {
        range += QStringLiteral(":%1").arg(ntohs(r.min_proto.tcp.port));
        if (r.max_proto.tcp.port != r.min_proto.tcp.port)
            range += QStringLiteral("-%1").arg(ntohs(r.max_proto.tcp.port));
        if (r.flags & NF_NAT_RANGE_PROTO_OFFSET)
            range += QStringLiteral("/%1").arg(ntohs(r.base_proto.tcp.port));
    }
    if (!range.isEmpty()) {
        if (skipColon && range.startsWith(QLatin1Char(':')))
            range.remove(0, 1);
        t.add(QLatin1String(rangeOption) + QLatin1Char(' ') + range);
    }
    if (r.flags & NF_NAT_RANGE_PROTO_RANDOM)
        t.add(QStringLiteral("--random"));
    if (r.flags & NF_NAT_RANGE_PROTO_RANDOM_FULLY)
        t.add(QStringLiteral("--random-fully"));
    if (r.flags & NF_NAT_RANGE_PERSISTENT)
        t.add(QStringLiteral("--persistent"));
}

/// Reads any of the three NAT layouts into nf_nat_range2 (revision 0: IPv4 compat struct,
/// revision 1: nf_nat_range, revision 2: nf_nat_range2).
bool readNatRange(const KernelExtension &m, Family family, struct nf_nat_range2 *out)
{
    std::memset(out, 0, sizeof(*out));
    if (m.revision == 2)
        return dataAs(m, out);
    if (m.revision == 1) {
        struct nf_nat_range r;
        if (!dataAs(m, &r))
            return false;
        std::memcpy(out, &r, sizeof(r)); // nf_nat_range2 only appends base_proto
        return true;
    }
    if (m.revision == 0 && family == Family::IPv4) {
        struct nf_nat_ipv4_multi_range_compat mr;
        if (!dataAs(m, &mr))
            return false;
        out->flags = mr.range[0].flags;
        out->min_addr.ip = mr.range[0].min_ip;
        out->max_addr.ip = mr.range[0].max_ip;
        out->min_proto = mr.range[0].min;
        out->max_proto = mr.range[0].max;
        return true;
    }
    return false;
}

bool encodeNat(const QString &name, const QVector<RuleOption> &opts, const KernelContext &ctx,
               KernelExtension *out, QString *error)
{
    const bool masquerade = name == QLatin1String("MASQUERADE");
    struct nf_nat_range2 r;
    std::memset(&r, 0, sizeof(r));
    for (const RuleOption &o : opts) {
        if (o.negated)
            return badOption(name, o, error);
        if (o.name == QLatin1String("--random")) {
            r.flags |= NF_NAT_RANGE_PROTO_RANDOM;
        } else if (o.name == QLatin1String("--random-fully")) {
            r.flags |= NF_NAT_RANGE_PROTO_RANDOM_FULLY;
        } else if (o.name == QLatin1String("--persistent")) {
            r.flags |= NF_NAT_RANGE_PERSISTENT;
        } else if (o.name == QLatin1String(masquerade ? "--to-ports" : "--to-destination")) {
            QString arg = o.args.value(0);
            QString addrs, ports;
            if (masquerade) {
                ports = arg;
            } else if (arg.startsWith(QLatin1Char('['))) {
                const int close = arg.indexOf(QLatin1Char(']'));
                if (close < 0 || (close + 1 < arg.size() && arg[close + 1] != QLatin1Char(':')))
                    return badValue(name, o, error);
                addrs = arg.mid(1, close - 1);
                ports = arg.mid(close + 2);
                if (close + 1 < arg.size() && ports.isEmpty())
                    return badValue(name, o, error);
            } else if (ctx.family == Family::IPv4) {
                const int colon = arg.indexOf(QLatin1Char(':'));
                addrs = colon < 0 ? arg : arg.left(colon);
                ports = colon < 0 ? QString() : arg.mid(colon + 1);
                if (colon >= 0 && ports.isEmpty())
                    return badValue(name, o, error);
            } else {
                addrs = arg;
            }
            if (!addrs.isEmpty()) {
                const int dash = addrs.indexOf(QLatin1Char('-'));
                auto *lo = reinterpret_cast<quint8 *>(&r.min_addr);
                auto *hi = reinterpret_cast<quint8 *>(&r.max_addr);
                if (!textToIp(dash < 0 ? addrs : addrs.left(dash), ctx.family, lo) ||
                    !textToIp(dash < 0 ? addrs : addrs.mid(dash + 1), ctx.family, hi))
                    return badValue(name, o, error);
                r.flags |= NF_NAT_RANGE_MAP_IPS;
            }
            if (!ports.isEmpty()) {
                const int slash = ports.indexOf(QLatin1Char('/'));
                const QString range = slash < 0 ? ports : ports.left(slash);
                const int dash = range.indexOf(QLatin1Char('-'));
                const auto lo = parseNumber(dash < 0 ? range : range.left(dash), 65535);
                const auto hi = parseNumber(dash < 0 ? range : range.mid(dash + 1), 65535);
                if (!lo || !hi || *lo > *hi || (masquerade && slash >= 0))
                    return badValue(name, o, error);
                r.min_proto.all = htons(quint16(*lo));
                r.max_proto.all = htons(quint16(*hi));
                if (slash >= 0) {
                    const auto base = parseNumber(ports.mid(slash + 1), 65535);
                    if (!base)
                        return badValue(name, o, error);
                    r.base_proto.all = htons(quint16(*base));
                    r.flags |= NF_NAT_RANGE_PROTO_OFFSET;
                }
                r.flags |= NF_NAT_RANGE_PROTO_SPECIFIED;
            }
        } else {
            return badOption(name, o, error);
        }
    }
    if (!masquerade) {
        *out = blobOf("DNAT", 2, r);
    } else if (ctx.family == Family::IPv6) {
        struct nf_nat_range r6;
        std::memcpy(&r6, &r, sizeof(r6));
        *out = blobOf("MASQUERADE", 0, r6);
    } else {
        struct nf_nat_ipv4_multi_range_compat mr;
        std::memset(&mr, 0, sizeof(mr));
        mr.rangesize = 1;
        mr.range[0].flags = r.flags;
        mr.range[0].min = r.min_proto;
        mr.range[0].max = r.max_proto;
        *out = blobOf("MASQUERADE", 0, mr);
    }
    return true;
}

bool decodeNat(const KernelExtension &m, const KernelContext &ctx, ShownExtension *out)
{
    struct nf_nat_range2 r;
    SaveText t;
    if (m.name == "MASQUERADE") {
        // MASQUERADE has only revision 0, IPv4 compat struct or IPv6 nf_nat_range.
        if (m.revision != 0)
            return false;
        if (ctx.family == Family::IPv6) {
            struct nf_nat_range r6;
            if (!dataAs(m, &r6))
                return false;
            std::memset(&r, 0, sizeof(r));
            std::memcpy(&r, &r6, sizeof(r6));
        } else if (!readNatRange(m, ctx.family, &r)) {
            return false;
        }
        natText(r, ctx.family, "--to-ports", true, t);
        out->options = t.text();
        return true;
    }
    if (m.name == "SNAT" && m.revision == 2)
        return false; // iptables 1.8.9 has no SNAT revision 2
    if (!readNatRange(m, ctx.family, &r))
        return false;
    natText(r, ctx.family, m.name == "SNAT" ? "--to-source" : "--to-destination", false, t);
    out->options = t.text();
    return true;
}

ExtensionSpec natSpec(const QString &name, const QString &option)
{
    ExtensionSpec s;
    s.name = name;
    s.isTarget = true;
    s.options = {
        {option,
         {},
         1,
         false,
         single([](const QString &arg, const ParseContext &,
                   QString *error) -> std::optional<QString> {
             static const QRegularExpression re(QStringLiteral("^[0-9A-Fa-f.:\\[\\]-]{1,100}$"));
             if (!re.match(arg).hasMatch()) {
                 *error = tr("\"%1\" is not an address/port specification").arg(arg);
                 return std::nullopt;
             }
             return arg;
         })},
        {QStringLiteral("--random"), {}, 0, false, noArgs()},
        {QStringLiteral("--random-fully"), {}, 0, false, noArgs()},
        {QStringLiteral("--persistent"), {}, 0, false, noArgs()},
    };
    s.finish = [](QVector<RuleOption> &, const ParseContext &, QString *) {
        return true;
    };
    s.encode = [name](const QVector<RuleOption> &opts, const KernelContext &ctx,
                      KernelExtension *out, QString *error) {
        return encodeNat(name, opts, ctx, out, error);
    };
    s.decode = decodeNat;
    return s;
}

} // namespace

ExtensionSpec dnatSpec()
{
    return natSpec(QStringLiteral("DNAT"), QStringLiteral("--to-destination"));
}

ExtensionSpec masqueradeSpec()
{
    return natSpec(QStringLiteral("MASQUERADE"), QStringLiteral("--to-ports"));
}

ExtensionSpec snatSpec()
{
    ExtensionSpec s = natSpec(QStringLiteral("SNAT"), QStringLiteral("--to-source"));
    s.parseable = false;
    s.encode = nullptr;
    return s;
}

} // namespace Xt
} // namespace Userchain

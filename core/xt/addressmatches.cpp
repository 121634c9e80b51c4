// iprange, mac, addrtype and set: libxt_iprange.c, libxt_mac.c, libxt_addrtype.c, libxt_set.c.
#include "addresses.h"
#include "xtspecs.h"
#include "xtsupport.h"

#include <QCoreApplication>
#include <QRegularExpression>

// The C library's headers first: the kernel's netfilter headers then skip their own copies.
#include <netinet/in.h>

#include <linux/if_ether.h>
#include <linux/netfilter/ipset/ip_set.h>
#include <linux/netfilter/xt_addrtype.h>
#include <linux/netfilter/xt_iprange.h>
#include <linux/netfilter/xt_mac.h>
#include <linux/netfilter/xt_set.h>

namespace Userchain {
namespace Xt {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Userchain::Extensions", text);
}

bool encodeIprange(const QVector<RuleOption> &opts, const KernelContext &ctx, KernelExtension *out,
                   QString *error)
{
    struct xt_iprange_mtinfo info;
    std::memset(&info, 0, sizeof(info));
    for (const RuleOption &o : opts) {
        const bool src = o.name == QLatin1String("--src-range");
        if (!src && o.name != QLatin1String("--dst-range"))
            return badOption(QStringLiteral("iprange"), o, error);
        const QString arg = o.args.value(0);
        const int dash = arg.indexOf(QLatin1Char('-'));
        const QString lo = dash < 0 ? arg : arg.left(dash);
        const QString hi = dash < 0 ? arg : arg.mid(dash + 1);
        if (!textToIp(lo, ctx.family, src ? &info.src_min : &info.dst_min) ||
            !textToIp(hi, ctx.family, src ? &info.src_max : &info.dst_max))
            return badValue(QStringLiteral("iprange"), o, error);
        info.flags |= src ? IPRANGE_SRC : IPRANGE_DST;
        if (o.negated)
            info.flags |= src ? IPRANGE_SRC_INV : IPRANGE_DST_INV;
    }
    *out = blobOf("iprange", 1, info);
    return true;
}

bool decodeIprange(const KernelExtension &in, const KernelContext &ctx, ShownExtension *out)
{
    struct xt_iprange_mtinfo info;
    if (in.revision != 1 || !dataAs(in, &info))
        return false;
    SaveText t;
    if (info.flags & IPRANGE_SRC)
        t.option(info.flags & IPRANGE_SRC_INV, QStringLiteral("--src-range %1-%2")
                                                   .arg(ipToText(&info.src_min, ctx.family),
                                                        ipToText(&info.src_max, ctx.family)));
    if (info.flags & IPRANGE_DST)
        t.option(info.flags & IPRANGE_DST_INV, QStringLiteral("--dst-range %1-%2")
                                                   .arg(ipToText(&info.dst_min, ctx.family),
                                                        ipToText(&info.dst_max, ctx.family)));
    out->options = t.text();
    return true;
}

/// IPv4 in a union nf_inet_addr uses its first four bytes only (iprange's four unions).
void clearRangeUnions(const KernelExtension &in, Family family, QByteArray *data)
{
    if (family != Family::IPv4 || in.revision != 1 ||
        size_t(data->size()) < 4 * sizeof(union nf_inet_addr))
        return;
    for (size_t u = 0; u < 4; ++u)
        for (size_t i = 4; i < sizeof(union nf_inet_addr); ++i)
            (*data)[int(u * sizeof(union nf_inet_addr) + i)] = '\0';
}

bool encodeMac(const QVector<RuleOption> &opts, const KernelContext &, KernelExtension *out,
               QString *error)
{
    struct xt_mac_info info;
    std::memset(&info, 0, sizeof(info));
    if (opts.size() != 1 || opts.first().name != QLatin1String("--mac-source"))
        return fail(QStringLiteral("\"-m mac\" needs exactly \"--mac-source\""), error);
    const RuleOption &o = opts.first();
    const QStringList parts = o.args.value(0).split(QLatin1Char(':'));
    if (parts.size() != ETH_ALEN)
        return badValue(QStringLiteral("mac"), o, error);
    for (int i = 0; i < ETH_ALEN; ++i) {
        bool ok = false;
        const uint v = parts[i].toUInt(&ok, 16);
        if (!ok || parts[i].isEmpty() || parts[i].size() > 2 || v > 0xff)
            return badValue(QStringLiteral("mac"), o, error);
        info.srcaddr[i] = quint8(v);
    }
    info.invert = o.negated ? 1 : 0;
    *out = blobOf("mac", 0, info);
    return true;
}

bool decodeMac(const KernelExtension &in, const KernelContext &, ShownExtension *out)
{
    struct xt_mac_info info;
    if (in.revision != 0 || !dataAs(in, &info))
        return false;
    QStringList bytes;
    for (int i = 0; i < ETH_ALEN; ++i)
        bytes << QStringLiteral("%1").arg(info.srcaddr[i], 2, 16, QLatin1Char('0'));
    SaveText t;
    t.option(info.invert != 0, QStringLiteral("--mac-source ") + bytes.join(QLatin1Char(':')));
    out->options = t.text();
    return true;
}

bool encodeAddrtype(const QVector<RuleOption> &opts, const KernelContext &, KernelExtension *out,
                    QString *error)
{
    struct xt_addrtype_info_v1 info;
    std::memset(&info, 0, sizeof(info));
    for (const RuleOption &o : opts) {
        if (o.name == QLatin1String("--limit-iface-in")) {
            info.flags |= XT_ADDRTYPE_LIMIT_IFACE_IN;
            continue;
        }
        if (o.name == QLatin1String("--limit-iface-out")) {
            info.flags |= XT_ADDRTYPE_LIMIT_IFACE_OUT;
            continue;
        }
        const bool src = o.name == QLatin1String("--src-type");
        if (!src && o.name != QLatin1String("--dst-type"))
            return badOption(QStringLiteral("addrtype"), o, error);
        const auto mask = NetfilterNames::addrTypes().maskOf(o.args.value(0));
        if (!mask)
            return badValue(QStringLiteral("addrtype"), o, error);
        (src ? info.source : info.dest) = quint16(*mask);
        if (o.negated)
            info.flags |= src ? XT_ADDRTYPE_INVERT_SOURCE : XT_ADDRTYPE_INVERT_DEST;
    }
    *out = blobOf("addrtype", 1, info);
    return true;
}

bool decodeAddrtype(const KernelExtension &in, const KernelContext &, ShownExtension *out)
{
    struct xt_addrtype_info_v1 info;
    if (in.revision != 1 || !dataAs(in, &info))
        return false;
    SaveText t;
    if (info.source)
        t.option(info.flags & XT_ADDRTYPE_INVERT_SOURCE,
                 QStringLiteral("--src-type ") + NetfilterNames::addrTypes().namesOf(info.source));
    if (info.dest)
        t.option(info.flags & XT_ADDRTYPE_INVERT_DEST,
                 QStringLiteral("--dst-type ") + NetfilterNames::addrTypes().namesOf(info.dest));
    if (info.flags & XT_ADDRTYPE_LIMIT_IFACE_IN)
        t.add(QStringLiteral("--limit-iface-in"));
    if (info.flags & XT_ADDRTYPE_LIMIT_IFACE_OUT)
        t.add(QStringLiteral("--limit-iface-out"));
    out->options = t.text();
    return true;
}

bool encodeSet(const QVector<RuleOption> &opts, const KernelContext &ctx, KernelExtension *out,
               QString *error)
{
    const QString ext = QStringLiteral("set");
    struct xt_set_info_match_v4 info;
    std::memset(&info, 0, sizeof(info));
    bool haveSet = false;
    for (const RuleOption &o : opts) {
        const QString arg = o.args.value(0);
        if (o.name == QLatin1String("--match-set")) {
            if (o.args.size() != 2 || arg.toUtf8().size() >= IPSET_MAXNAMELEN)
                return badValue(ext, o, error);
            if (!ctx.ipsets || !ctx.ipsets->indexOf)
                return fail(QStringLiteral("ipset \"%1\" cannot be looked up").arg(arg), error);
            QString why;
            const auto index = ctx.ipsets->indexOf(arg, ctx.family, &why);
            if (!index)
                return fail(QStringLiteral("ipset \"%1\": %2").arg(arg, why), error);
            info.match_set.index = *index;
            const QStringList dirs = o.args[1].split(QLatin1Char(','));
            if (dirs.size() > IPSET_DIM_MAX)
                return badValue(ext, o, error);
            for (const QString &dir : dirs) {
                ++info.match_set.dim;
                if (dir == QLatin1String("src"))
                    info.match_set.flags |= quint8(1 << info.match_set.dim);
                else if (dir != QLatin1String("dst"))
                    return badValue(ext, o, error);
            }
            if (o.negated)
                info.match_set.flags |= IPSET_INV_MATCH;
            haveSet = true;
        } else if (o.name == QLatin1String("--return-nomatch")) {
            if (o.negated)
                return badValue(ext, o, error);
            info.flags |= IPSET_FLAG_RETURN_NOMATCH;
        } else if (o.name == QLatin1String("--update-counters")) {
            if (o.negated)
                info.flags |= IPSET_FLAG_SKIP_COUNTER_UPDATE;
        } else if (o.name == QLatin1String("--update-subcounters")) {
            if (o.negated)
                info.flags |= IPSET_FLAG_SKIP_SUBCOUNTER_UPDATE;
        } else {
            const bool packets = o.name.startsWith(QLatin1String("--packets-"));
            if (!packets && !o.name.startsWith(QLatin1String("--bytes-")))
                return badOption(ext, o, error);
            struct ip_set_counter_match &counter = packets ? info.packets : info.bytes;
            const QString op = o.name.mid(packets ? 10 : 8);
            const auto value = parseNumber(arg, UINT64_MAX);
            if (!value || counter.op != IPSET_COUNTER_NONE)
                return badValue(ext, o, error);
            if (op == QLatin1String("eq"))
                counter.op = o.negated ? IPSET_COUNTER_NE : IPSET_COUNTER_EQ;
            else if (op == QLatin1String("lt") && !o.negated)
                counter.op = IPSET_COUNTER_LT;
            else if (op == QLatin1String("gt") && !o.negated)
                counter.op = IPSET_COUNTER_GT;
            else
                return badOption(ext, o, error);
            counter.value = *value;
        }
    }
    if (!haveSet)
        return fail(QStringLiteral("\"-m set\" needs \"--match-set\""), error);
    *out = blobOf("set", 4, info);
    return true;
}

bool decodeSet(const KernelExtension &in, const KernelContext &ctx, ShownExtension *out)
{
    struct xt_set_info set;
    struct xt_set_info_match_v4 v4;
    struct xt_set_info_match_v1 v1;
    bool extended = false;
    if (in.revision == 4 && dataAs(in, &v4)) {
        set = v4.match_set;
        extended = true;
    } else if ((in.revision == 1 || in.revision == 2) && dataAs(in, &v1)) {
        set = v1.match_set;
    } else {
        return false;
    }
    if (!ctx.ipsets || !ctx.ipsets->nameOf || set.dim > IPSET_DIM_MAX)
        return false;
    const auto name = ctx.ipsets->nameOf(set.index);
    if (!name)
        return false;
    QStringList dirs;
    for (int i = 1; i <= set.dim; ++i)
        dirs << QLatin1String(set.flags & (1 << i) ? "src" : "dst");
    // libxt_set prints the name as it is, unquoted.
    QString option = QStringLiteral("--match-set ") + *name;
    if (!dirs.isEmpty())
        option += QLatin1Char(' ') + dirs.join(QLatin1Char(','));
    SaveText t;
    t.option(set.flags & IPSET_INV_MATCH, option);
    if (extended) {
        if (v4.flags & IPSET_FLAG_RETURN_NOMATCH)
            t.add(QStringLiteral("--return-nomatch"));
        if (v4.flags & IPSET_FLAG_SKIP_COUNTER_UPDATE)
            t.add(QStringLiteral("! --update-counters"));
        if (v4.flags & IPSET_FLAG_SKIP_SUBCOUNTER_UPDATE)
            t.add(QStringLiteral("! --update-subcounters"));
        const struct
        {
            const char *name;
            const struct ip_set_counter_match &c;
        } counters[] = {{"packets", v4.packets}, {"bytes", v4.bytes}};
        for (const auto &counter : counters) {
            const QString value = QString::number(counter.c.value);
            const QLatin1String n(counter.name);
            switch (counter.c.op) {
            case IPSET_COUNTER_EQ:
                t.add(QStringLiteral("--%1-eq %2").arg(n, value));
                break;
            case IPSET_COUNTER_NE:
                t.add(QStringLiteral("! --%1-eq %2").arg(n, value));
                break;
            case IPSET_COUNTER_LT:
                t.add(QStringLiteral("--%1-lt %2").arg(n, value));
                break;
            case IPSET_COUNTER_GT:
                t.add(QStringLiteral("--%1-gt %2").arg(n, value));
                break;
            default:
                break;
            }
        }
    }
    out->options = t.text();
    return true;
}

} // namespace

ExtensionSpec iprangeSpec()
{
    ExtensionSpec s;
    s.name = QStringLiteral("iprange");
    auto range = single([](const QString &arg, const ParseContext &ctx, QString *error) {
        return Addresses::parseRange(arg, ctx.family, error);
    });
    s.options = {
        {QStringLiteral("--src-range"), {}, 1, true, range},
        {QStringLiteral("--dst-range"), {}, 1, true, range},
    };
    s.finish = [](QVector<RuleOption> &opts, const ParseContext &, QString *error) {
        if (opts.isEmpty()) {
            *error = tr("\"-m iprange\" needs \"--src-range\" or \"--dst-range\"");
            return false;
        }
        return true;
    };
    s.encode = encodeIprange;
    s.decode = decodeIprange;
    s.normalize = clearRangeUnions;
    return s;
}

ExtensionSpec macSpec()
{
    ExtensionSpec s;
    s.name = QStringLiteral("mac");
    s.options = {{QStringLiteral("--mac-source"),
                  {},
                  1,
                  true,
                  single([](const QString &arg, const ParseContext &,
                            QString *error) -> std::optional<QString> {
                      static const QRegularExpression mac(
                          QStringLiteral("^[0-9A-Fa-f]{1,2}(:[0-9A-Fa-f]{1,2}){5}$"));
                      if (!mac.match(arg).hasMatch()) {
                          *error = tr("\"%1\" is not a MAC address (XX:XX:XX:XX:XX:XX)").arg(arg);
                          return std::nullopt;
                      }
                      QStringList parts;
                      for (const QString &p : arg.split(QLatin1Char(':')))
                          parts << QStringLiteral("%1").arg(p.toInt(nullptr, 16), 2, 16,
                                                            QLatin1Char('0'));
                      return parts.join(QLatin1Char(':'));
                  })}};
    s.finish = [](QVector<RuleOption> &opts, const ParseContext &, QString *error) {
        if (opts.isEmpty()) {
            *error = tr("\"-m mac\" needs \"--mac-source\"");
            return false;
        }
        return true;
    };
    s.encode = encodeMac;
    s.decode = decodeMac;
    return s;
}

ExtensionSpec addrtypeSpec()
{
    ExtensionSpec s;
    s.name = QStringLiteral("addrtype");
    auto iface = [](const QStringList &, const ParseContext &, RuleOption *out, QString *) {
        out->args.clear();
        return true;
    };
    s.options = {
        {QStringLiteral("--src-type"),
         {},
         1,
         true,
         nameSet(NetfilterNames::addrTypes(), tr("address type"))},
        {QStringLiteral("--dst-type"),
         {},
         1,
         true,
         nameSet(NetfilterNames::addrTypes(), tr("address type"))},
        {QStringLiteral("--limit-iface-in"), {}, 0, false, iface},
        {QStringLiteral("--limit-iface-out"), {}, 0, false, iface},
    };
    s.finish = [](QVector<RuleOption> &opts, const ParseContext &, QString *error) {
        if (!hasOption(opts, QStringLiteral("--src-type")) &&
            !hasOption(opts, QStringLiteral("--dst-type"))) {
            *error = tr("\"-m addrtype\" needs \"--src-type\" or \"--dst-type\"");
            return false;
        }
        if (hasOption(opts, QStringLiteral("--limit-iface-in")) &&
            hasOption(opts, QStringLiteral("--limit-iface-out"))) {
            *error = tr("\"--limit-iface-in\" and \"--limit-iface-out\" exclude each other");
            return false;
        }
        return true;
    };
    s.encode = encodeAddrtype;
    s.decode = decodeAddrtype;
    return s;
}

ExtensionSpec setSpec()
{
    ExtensionSpec s;
    s.name = QStringLiteral("set");
    s.options = {
        {QStringLiteral("--match-set"),
         {QStringLiteral("--set")},
         2,
         true,
         [](const QStringList &args, const ParseContext &, RuleOption *out, QString *error) {
             static const QRegularExpression name(QStringLiteral("^[A-Za-z0-9_.:-]{1,31}$"));
             if (!name.match(args.value(0)).hasMatch()) {
                 *error = tr("\"%1\" is not an ipset name").arg(args.value(0));
                 return false;
             }
             const QStringList dirs = args.value(1).split(QLatin1Char(','));
             if (dirs.size() > 6) {
                 *error = tr("too many set directions in \"%1\"").arg(args.value(1));
                 return false;
             }
             for (const QString &d : dirs) {
                 if (d != QLatin1String("src") && d != QLatin1String("dst")) {
                     *error = tr("\"%1\" is not a set direction (src or dst)").arg(d);
                     return false;
                 }
             }
             out->args = args.mid(0, 2);
             return true;
         }}};
    s.finish = [](QVector<RuleOption> &opts, const ParseContext &, QString *error) {
        if (opts.isEmpty()) {
            *error = tr("\"-m set\" needs \"--match-set NAME src|dst\"");
            return false;
        }
        return true;
    };
    s.encode = encodeSet;
    s.decode = decodeSet;
    s.decodesKernelState = true;
    return s;
}

} // namespace Xt
} // namespace Userchain

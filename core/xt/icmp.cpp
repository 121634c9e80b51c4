// icmp and icmp6: libipt_icmp.c, libip6t_icmp6.c.
#include "xtspecs.h"
#include "xtsupport.h"

#include <QCoreApplication>

#include <QRegularExpression>

#include <linux/netfilter_ipv4/ip_tables.h>

namespace Userchain {
namespace Xt {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Userchain::Extensions", text);
}

struct IcmpName
{
    const char *name;
    int type;
    int code; ///< -1: every code
};

const IcmpName kIcmpNames[] = {
    {"any", 255, -1},
    {"echo-reply", 0, -1},
    {"pong", 0, -1},
    {"destination-unreachable", 3, -1},
    {"network-unreachable", 3, 0},
    {"host-unreachable", 3, 1},
    {"protocol-unreachable", 3, 2},
    {"port-unreachable", 3, 3},
    {"fragmentation-needed", 3, 4},
    {"source-route-failed", 3, 5},
    {"network-unknown", 3, 6},
    {"host-unknown", 3, 7},
    {"network-prohibited", 3, 9},
    {"host-prohibited", 3, 10},
    {"TOS-network-unreachable", 3, 11},
    {"TOS-host-unreachable", 3, 12},
    {"communication-prohibited", 3, 13},
    {"host-precedence-violation", 3, 14},
    {"precedence-cutoff", 3, 15},
    {"source-quench", 4, -1},
    {"redirect", 5, -1},
    {"network-redirect", 5, 0},
    {"host-redirect", 5, 1},
    {"TOS-network-redirect", 5, 2},
    {"TOS-host-redirect", 5, 3},
    {"echo-request", 8, -1},
    {"ping", 8, -1},
    {"router-advertisement", 9, -1},
    {"router-solicitation", 10, -1},
    {"time-exceeded", 11, -1},
    {"ttl-exceeded", 11, -1},
    {"ttl-zero-during-transit", 11, 0},
    {"ttl-zero-during-reassembly", 11, 1},
    {"parameter-problem", 12, -1},
    {"ip-header-bad", 12, 0},
    {"required-option-missing", 12, 1},
    {"timestamp-request", 13, -1},
    {"timestamp-reply", 14, -1},
    {"address-mask-request", 17, -1},
    {"address-mask-reply", 18, -1},
};

const IcmpName kIcmp6Names[] = {
    {"destination-unreachable", 1, -1},
    {"no-route", 1, 0},
    {"communication-prohibited", 1, 1},
    {"beyond-scope", 1, 2},
    {"address-unreachable", 1, 3},
    {"port-unreachable", 1, 4},
    {"failed-policy", 1, 5},
    {"reject-route", 1, 6},
    {"packet-too-big", 2, -1},
    {"time-exceeded", 3, -1},
    {"ttl-exceeded", 3, -1},
    {"ttl-zero-during-transit", 3, 0},
    {"ttl-zero-during-reassembly", 3, 1},
    {"parameter-problem", 4, -1},
    {"bad-header", 4, 0},
    {"unknown-header-type", 4, 1},
    {"unknown-option", 4, 2},
    {"echo-request", 128, -1},
    {"ping", 128, -1},
    {"echo-reply", 129, -1},
    {"pong", 129, -1},
    {"router-solicitation", 133, -1},
    {"router-advertisement", 134, -1},
    {"neighbour-solicitation", 135, -1},
    {"neighbor-solicitation", 135, -1},
    {"neighbour-advertisement", 136, -1},
    {"neighbor-advertisement", 136, -1},
    {"redirect", 137, -1},
};

template <size_t N>
std::optional<QString> icmpType(const QString &arg, const IcmpName (&names)[N], bool v4,
                                QString *error)
{
    for (const IcmpName &n : names) {
        // iptables matches type names case-insensitively.
        if (arg.compare(QLatin1String(n.name), Qt::CaseInsensitive) == 0) {
            if (v4 && n.type == 255)
                return QStringLiteral("any");
            return n.code < 0 ? QString::number(n.type)
                              : QStringLiteral("%1/%2").arg(n.type).arg(n.code);
        }
    }
    static const QRegularExpression numeric(QStringLiteral("^([0-9]{1,3})(?:/([0-9]{1,3}))?$"));
    const auto m = numeric.match(arg);
    if (m.hasMatch()) {
        const int type = m.captured(1).toInt();
        const int code = m.captured(2).isEmpty() ? -1 : m.captured(2).toInt();
        if (type <= 255 && code <= 255) {
            // libipt_icmp prints type 255 as "any", whatever the code.
            if (v4 && type == 255)
                return QStringLiteral("any");
            return code < 0 ? QString::number(type) : QStringLiteral("%1/%2").arg(type).arg(code);
        }
    }
    *error = tr("unknown ICMP type \"%1\"").arg(arg);
    return std::nullopt;
}

bool encodeIcmp(const QVector<RuleOption> &opts, const KernelContext &ctx, KernelExtension *out,
                QString *error)
{
    const bool v4 = ctx.family == Family::IPv4;
    const QString ext = QLatin1String(v4 ? "icmp" : "icmp6");
    struct ipt_icmp info; // same layout as ip6t_icmp
    std::memset(&info, 0, sizeof(info));
    info.type = 0xff; // libipt_icmp's default when no type is given: "any"
    info.code[1] = 0xff;
    for (const RuleOption &o : opts) {
        if (o.name != QLatin1String(v4 ? "--icmp-type" : "--icmpv6-type"))
            return badOption(ext, o, error);
        const QString arg = o.args.value(0);
        if (v4 && arg == QLatin1String("any")) {
            info.type = 0xff;
            info.code[0] = 0;
            info.code[1] = 0xff;
        } else {
            const int slash = arg.indexOf(QLatin1Char('/'));
            const auto type = parseNumber(slash < 0 ? arg : arg.left(slash), 255);
            const auto code =
                slash < 0 ? std::optional<quint64>(0) : parseNumber(arg.mid(slash + 1), 255);
            if (!type || !code)
                return badValue(ext, o, error);
            info.type = quint8(*type);
            info.code[0] = quint8(*code);
            info.code[1] = slash < 0 ? 0xff : quint8(*code);
        }
        if (o.negated)
            info.invflags |= IPT_ICMP_INV;
    }
    *out = blobOf(v4 ? "icmp" : "icmp6", 0, info);
    return true;
}

bool decodeIcmp(const KernelExtension &in, const KernelContext &ctx, ShownExtension *out)
{
    // struct ipt_icmp and struct ip6t_icmp have the same layout.
    struct ipt_icmp info;
    if (in.revision != 0 || !dataAs(in, &info))
        return false;
    const bool v4 = ctx.family == Family::IPv4;
    QString value;
    if (v4 && info.type == 0xff) {
        value = QStringLiteral("any"); // libipt_icmp's special case, whatever the codes
    } else {
        value = QString::number(info.type);
        if (info.code[0] != 0 || info.code[1] != 0xff)
            value += QStringLiteral("/%1").arg(info.code[0]);
    }
    SaveText t;
    t.option(info.invflags & IPT_ICMP_INV,
             (v4 ? QStringLiteral("--icmp-type ") : QStringLiteral("--icmpv6-type ")) + value);
    out->options = t.text();
    return true;
}

} // namespace

ExtensionSpec icmpSpec()
{
    ExtensionSpec s;
    s.name = QStringLiteral("icmp");
    s.ipv6 = false;
    s.options = {
        {QStringLiteral("--icmp-type"),
         {},
         1,
         true,
         single([](const QString &arg, const ParseContext &, QString *error) {
             return icmpType(arg, kIcmpNames, true, error);
         })},
    };
    s.finish = [](QVector<RuleOption> &opts, const ParseContext &ctx, QString *error) {
        if (!protoIs(ctx, {"icmp"})) {
            *error = tr("\"-m icmp\" needs \"-p icmp\"");
            return false;
        }
        if (opts.isEmpty())
            opts.append({QStringLiteral("--icmp-type"), false, {QStringLiteral("any")}});
        return true;
    };
    s.encode = encodeIcmp;
    s.decode = decodeIcmp;
    return s;
}

ExtensionSpec icmp6Spec()
{
    ExtensionSpec s;
    s.name = QStringLiteral("icmp6");
    s.ipv4 = false;
    s.options = {
        {QStringLiteral("--icmpv6-type"),
         {},
         1,
         true,
         single([](const QString &arg, const ParseContext &, QString *error) {
             return icmpType(arg, kIcmp6Names, false, error);
         })},
    };
    s.finish = [](QVector<RuleOption> &opts, const ParseContext &ctx, QString *error) {
        if (!protoIs(ctx, {"ipv6-icmp"})) {
            *error = tr("\"-m icmp6\" needs \"-p ipv6-icmp\"");
            return false;
        }
        if (opts.isEmpty()) {
            *error = tr("\"-m icmp6\" needs \"--icmpv6-type\"");
            return false;
        }
        return true;
    };
    s.encode = encodeIcmp;
    s.decode = decodeIcmp;
    return s;
}

} // namespace Xt
} // namespace Userchain

// tcp, udp and multiport: libxt_tcp.c, libxt_udp.c, libxt_multiport.c.
#include "addresses.h"
#include "xtspecs.h"
#include "xtsupport.h"

#include <QCoreApplication>

#include <linux/netfilter/xt_multiport.h>
#include <linux/netfilter/xt_tcpudp.h>

namespace Userchain {
namespace Xt {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Userchain::Extensions", text);
}

std::optional<QString> portRange(const QString &arg, const ParseContext &ctx, QString *error)
{
    return Addresses::parsePortRange(arg, ctx.protocol, error);
}

/**
 * iptables-save leaves out what matches everything: a port range 0:65535, and tcp flags
 * NONE NONE. A negated full range would match nothing; refuse it rather than lose the "!".
 */
bool dropMatchAll(QVector<RuleOption> &opts, QString *error)
{
    for (int i = opts.size() - 1; i >= 0; --i) {
        const RuleOption &o = opts[i];
        const bool fullPorts =
            (o.name == QLatin1String("--sport") || o.name == QLatin1String("--dport")) &&
            o.args.value(0) == QLatin1String("0:65535");
        const bool noFlags =
            o.name == QLatin1String("--tcp-flags") && o.args.value(0) == QLatin1String("NONE");
        if (fullPorts && o.negated) {
            *error = tr("\"! %1 0:65535\" would match no packet").arg(o.name);
            return false;
        }
        if ((fullPorts || noFlags) && !o.negated)
            opts.removeAt(i);
    }
    return true;
}

QVector<OptionSpec> portOptions()
{
    return {
        {QStringLiteral("--sport"), {QStringLiteral("--source-port")}, 1, true, single(portRange)},
        {QStringLiteral("--dport"),
         {QStringLiteral("--destination-port")},
         1,
         true,
         single(portRange)},
    };
}

/// Ports of a tcp or udp match, printed unless they are the whole range.
void savePorts(SaveText &t, const char *option, const quint16 *ports, bool inverted)
{
    if (ports[0] == 0 && ports[1] == 0xffff)
        return;
    const QString v = ports[0] == ports[1] ? QString::number(ports[0])
                                           : QStringLiteral("%1:%2").arg(ports[0]).arg(ports[1]);
    t.option(inverted, QLatin1String(option) + QLatin1Char(' ') + v);
}

/// --sport/--dport into a kernel range; false if o is neither or its value is bad.
bool encodePorts(const RuleOption &o, quint16 *spts, quint16 *dpts, bool *src, QString *error,
                 const QString &ext)
{
    *src = o.name == QLatin1String("--sport");
    quint16 *ports = *src ? spts : dpts;
    if (o.args.size() != 1 || !parsePortRange(o.args[0], &ports[0], &ports[1]))
        return badValue(ext, o, error);
    return true;
}

bool isPortOption(const RuleOption &o)
{
    return o.name == QLatin1String("--sport") || o.name == QLatin1String("--dport");
}

} // namespace

ExtensionSpec tcpSpec()
{
    ExtensionSpec s;
    s.name = QStringLiteral("tcp");
    s.options = portOptions();
    s.options += {
        {QStringLiteral("--tcp-option"),
         {},
         1,
         true,
         single([](const QString &arg, const ParseContext &,
                   QString *error) -> std::optional<QString> {
             bool ok = false;
             const int v = arg.toInt(&ok);
             if (!ok || v < 0 || v > 255) {
                 *error = tr("\"%1\" is not a TCP option number (0 to 255)").arg(arg);
                 return std::nullopt;
             }
             return QString::number(v);
         })},
        {QStringLiteral("--tcp-flags"),
         {},
         2,
         true,
         [](const QStringList &args, const ParseContext &, RuleOption *out, QString *error) {
             for (const QString &arg : args) {
                 for (const QString &flag : arg.split(QLatin1Char(','))) {
                     if (!NetfilterNames::tcpFlagMask(flag)) {
                         *error =
                             tr("unknown TCP flag \"%1\" (one of %2, ALL, NONE)")
                                 .arg(flag,
                                      NetfilterNames::tcpFlags().names().join(QLatin1Char(',')));
                         return false;
                     }
                 }
             }
             out->args = QStringList{
                 NetfilterNames::tcpFlagsText(*NetfilterNames::tcpFlagMask(args.value(0))),
                 NetfilterNames::tcpFlagsText(*NetfilterNames::tcpFlagMask(args.value(1)))};
             return true;
         }},
        // --syn is shorthand that iptables-save prints as the flags it stands for.
        {QStringLiteral("--syn"),
         {},
         0,
         true,
         [](const QStringList &, const ParseContext &, RuleOption *out, QString *) {
             out->name = QStringLiteral("--tcp-flags");
             out->args = QStringList{QStringLiteral("FIN,SYN,RST,ACK"), QStringLiteral("SYN")};
             return true;
         }},
    };
    s.finish = [](QVector<RuleOption> &opts, const ParseContext &ctx, QString *error) {
        if (!protoIs(ctx, {"tcp"})) {
            *error = tr("\"-m tcp\" needs \"-p tcp\"");
            return false;
        }
        return dropMatchAll(opts, error);
    };
    s.encode = [](const QVector<RuleOption> &opts, const KernelContext &, KernelExtension *out,
                  QString *error) {
        struct xt_tcp info;
        std::memset(&info, 0, sizeof(info));
        info.spts[1] = info.dpts[1] = 0xffff;
        const QString ext = QStringLiteral("tcp");
        for (const RuleOption &o : opts) {
            if (isPortOption(o)) {
                bool src = false;
                if (!encodePorts(o, info.spts, info.dpts, &src, error, ext))
                    return false;
                if (o.negated)
                    info.invflags |= src ? XT_TCP_INV_SRCPT : XT_TCP_INV_DSTPT;
            } else if (o.name == QLatin1String("--tcp-option")) {
                const auto v = o.args.size() == 1 ? parseNumber(o.args[0], 255) : std::nullopt;
                if (!v)
                    return badValue(ext, o, error);
                info.option = quint8(*v);
                if (o.negated)
                    info.invflags |= XT_TCP_INV_OPTION;
            } else if (o.name == QLatin1String("--tcp-flags") || o.name == QLatin1String("--syn")) {
                const bool syn = o.name == QLatin1String("--syn");
                const auto mask = syn ? std::optional<quint32>(0x17)
                                      : NetfilterNames::tcpFlagMask(o.args.value(0));
                const auto cmp = syn ? std::optional<quint32>(0x02)
                                     : NetfilterNames::tcpFlagMask(o.args.value(1));
                if (!mask || !cmp || (!syn && o.args.size() != 2))
                    return badValue(ext, o, error);
                info.flg_mask = quint8(*mask);
                info.flg_cmp = quint8(*cmp);
                if (o.negated)
                    info.invflags |= XT_TCP_INV_FLAGS;
            } else {
                return badOption(ext, o, error);
            }
        }
        *out = blobOf("tcp", 0, info);
        return true;
    };
    s.decode = [](const KernelExtension &in, const KernelContext &, ShownExtension *out) {
        struct xt_tcp info;
        if (in.revision != 0 || !dataAs(in, &info))
            return false;
        if ((info.flg_mask | info.flg_cmp) & ~0x3f)
            return false; // libxt_tcp's print loop would run past its table
        SaveText t;
        savePorts(t, "--sport", info.spts, info.invflags & XT_TCP_INV_SRCPT);
        savePorts(t, "--dport", info.dpts, info.invflags & XT_TCP_INV_DSTPT);
        if (info.option || (info.invflags & XT_TCP_INV_OPTION))
            t.option(info.invflags & XT_TCP_INV_OPTION,
                     QStringLiteral("--tcp-option %1").arg(info.option));
        if (info.flg_mask || (info.invflags & XT_TCP_INV_FLAGS))
            t.option(info.invflags & XT_TCP_INV_FLAGS,
                     QStringLiteral("--tcp-flags %1 %2")
                         .arg(NetfilterNames::tcpFlagsText(info.flg_mask),
                              NetfilterNames::tcpFlagsText(info.flg_cmp)));
        out->options = t.text();
        return true;
    };
    return s;
}

ExtensionSpec udpSpec()
{
    ExtensionSpec s;
    s.name = QStringLiteral("udp");
    s.options = portOptions();
    s.finish = [](QVector<RuleOption> &opts, const ParseContext &ctx, QString *error) {
        if (!protoIs(ctx, {"udp"})) {
            *error = tr("\"-m udp\" needs \"-p udp\"");
            return false;
        }
        return dropMatchAll(opts, error);
    };
    s.encode = [](const QVector<RuleOption> &opts, const KernelContext &, KernelExtension *out,
                  QString *error) {
        struct xt_udp info;
        std::memset(&info, 0, sizeof(info));
        info.spts[1] = info.dpts[1] = 0xffff;
        for (const RuleOption &o : opts) {
            if (!isPortOption(o))
                return badOption(QStringLiteral("udp"), o, error);
            bool src = false;
            if (!encodePorts(o, info.spts, info.dpts, &src, error, QStringLiteral("udp")))
                return false;
            if (o.negated)
                info.invflags |= src ? XT_UDP_INV_SRCPT : XT_UDP_INV_DSTPT;
        }
        *out = blobOf("udp", 0, info);
        return true;
    };
    s.decode = [](const KernelExtension &in, const KernelContext &, ShownExtension *out) {
        struct xt_udp info;
        if (in.revision != 0 || !dataAs(in, &info))
            return false;
        SaveText t;
        savePorts(t, "--sport", info.spts, info.invflags & XT_UDP_INV_SRCPT);
        savePorts(t, "--dport", info.dpts, info.invflags & XT_UDP_INV_DSTPT);
        out->options = t.text();
        return true;
    };
    return s;
}

namespace {

std::optional<QString> portList(const QString &arg, const ParseContext &ctx, QString *error)
{
    int portSlots = 0;
    QStringList out;
    for (const QString &item : arg.split(QLatin1Char(','))) {
        const int colon = item.indexOf(QLatin1Char(':'));
        if (colon >= 0) {
            // multiport ranges must be closed and ascending ("1000:2000").
            const auto low = Addresses::parsePort(item.left(colon), ctx.protocol, error);
            if (!low)
                return std::nullopt;
            const auto high = Addresses::parsePort(item.mid(colon + 1), ctx.protocol, error);
            if (!high)
                return std::nullopt;
            if (*low >= *high) {
                *error = tr("port range \"%1\" must go from a lower to a higher port").arg(item);
                return std::nullopt;
            }
            out << QStringLiteral("%1:%2").arg(*low).arg(*high);
            portSlots += 2; // a range takes two of the kernel's 15 port slots
        } else {
            const auto port = Addresses::parsePort(item, ctx.protocol, error);
            if (!port)
                return std::nullopt;
            out << QString::number(*port);
            portSlots += 1;
        }
    }
    if (portSlots > 15) {
        *error = tr("too many ports in \"%1\" (at most 15; a range counts as two)").arg(arg);
        return std::nullopt;
    }
    return out.join(QLatin1Char(','));
}

const char *const kMultiportOptions[] = {"--sports", "--dports", "--ports"};

} // namespace

ExtensionSpec multiportSpec()
{
    ExtensionSpec s;
    s.name = QStringLiteral("multiport");
    s.options = {
        {QStringLiteral("--sports"), {QStringLiteral("--source-ports")}, 1, true, single(portList)},
        {QStringLiteral("--dports"),
         {QStringLiteral("--destination-ports")},
         1,
         true,
         single(portList)},
        {QStringLiteral("--ports"), {}, 1, true, single(portList)},
    };
    s.finish = [](QVector<RuleOption> &opts, const ParseContext &ctx, QString *error) {
        if (!protoIs(ctx, {"tcp", "udp", "udplite", "sctp", "dccp"})) {
            *error = tr("\"-m multiport\" needs \"-p tcp\", \"-p udp\", \"-p udplite\", \"-p "
                        "sctp\" or \"-p dccp\"");
            return false;
        }
        if (opts.size() != 1) {
            *error = opts.isEmpty()
                         ? tr("\"-m multiport\" needs \"--dports\", \"--sports\" or \"--ports\"")
                         : tr("\"-m multiport\" takes only one of \"--dports\", \"--sports\" and "
                              "\"--ports\"");
            return false;
        }
        return true;
    };
    s.encode = [](const QVector<RuleOption> &opts, const KernelContext &, KernelExtension *out,
                  QString *error) {
        const QString ext = QStringLiteral("multiport");
        struct xt_multiport_v1 info;
        std::memset(&info, 0, sizeof(info));
        if (opts.size() != 1)
            return fail(QStringLiteral("\"-m multiport\" needs exactly one port list"), error);
        const RuleOption &o = opts.first();
        int flags = -1;
        for (int i = 0; i < 3; ++i)
            if (o.name == QLatin1String(kMultiportOptions[i]))
                flags = i; // XT_MULTIPORT_SOURCE, _DESTINATION, _EITHER
        if (flags < 0)
            return badOption(ext, o, error);
        info.flags = quint8(flags);
        int i = 0;
        for (const QString &item : o.args.value(0).split(QLatin1Char(','))) {
            const bool range = item.contains(QLatin1Char(':'));
            quint16 lo = 0, hi = 0;
            if (!parsePortRange(item, &lo, &hi) || i + (range ? 2 : 1) > XT_MULTI_PORTS)
                return badValue(ext, o, error);
            info.ports[i] = lo;
            if (range) {
                info.pflags[i] = 1;
                info.ports[++i] = hi;
            }
            ++i;
        }
        info.count = quint8(i);
        info.invert = o.negated ? 1 : 0;
        *out = blobOf("multiport", 1, info);
        return true;
    };
    s.decode = [](const KernelExtension &in, const KernelContext &, ShownExtension *out) {
        quint8 flags = 0, count = 0, invert = 0;
        const quint16 *ports = nullptr;
        const quint8 *pflags = nullptr;
        struct xt_multiport v0;
        struct xt_multiport_v1 v1;
        if (in.revision == 1 && dataAs(in, &v1)) {
            flags = v1.flags;
            count = v1.count;
            ports = v1.ports;
            pflags = v1.pflags;
            invert = v1.invert;
        } else if (in.revision == 0 && dataAs(in, &v0)) {
            flags = v0.flags;
            count = v0.count;
            ports = v0.ports;
        } else {
            return false;
        }
        if (flags > XT_MULTIPORT_EITHER || count > XT_MULTI_PORTS)
            return false;
        QStringList items;
        for (int i = 0; i < count; ++i) {
            QString item = QString::number(ports[i]);
            if (pflags && pflags[i]) {
                if (i + 1 >= XT_MULTI_PORTS)
                    return false;
                item += QStringLiteral(":%1").arg(ports[++i]);
            }
            items << item;
        }
        SaveText t;
        t.option(invert, QLatin1String(kMultiportOptions[flags]) + QLatin1Char(' ') +
                             items.join(QLatin1Char(',')));
        out->options = t.text();
        return true;
    };
    return s;
}

} // namespace Xt
} // namespace Userchain

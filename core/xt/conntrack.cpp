// conntrack and state: libxt_conntrack.c (which also serves `-m state` since iptables 1.4.19,
// writing conntrack revision 3 with the state alias flag) and libxt_state.c.
#include "addresses.h"
#include "xtspecs.h"
#include "xtsupport.h"

#include <QCoreApplication>
#include <QRegularExpression>

// The C library's headers first: the kernel's netfilter headers then skip their own copies.
#include <arpa/inet.h>
#include <netinet/in.h>

#include <linux/netfilter/nf_conntrack_common.h>
#include <linux/netfilter/xt_conntrack.h>
#include <linux/netfilter/xt_state.h>

namespace Userchain {
namespace Xt {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Userchain::Extensions", text);
}

QString conntrackAddr(const union nf_inet_addr &addr, const union nf_inet_addr &mask, Family f)
{
    return ipToText(&addr, f) + maskSuffix(reinterpret_cast<const quint8 *>(&mask), f);
}

/// libxt_conntrack's conntrack_dump in save mode, for revisions 1 to 3 (widened to 3).
void conntrackText(const struct xt_conntrack_mtinfo3 &info, Family f, bool v3, SaveText &t)
{
    const quint16 mf = info.match_flags;
    const quint16 inv = info.invert_flags;
    if (mf & XT_CONNTRACK_STATE) {
        const QString states = NetfilterNames::ctStates().namesOf(info.state_mask);
        t.option(inv & XT_CONNTRACK_STATE,
                 QLatin1String(mf & XT_CONNTRACK_STATE_ALIAS ? "--state" : "--ctstate") +
                     (states.isEmpty() ? QString() : QLatin1Char(' ') + states));
    }
    if (mf & XT_CONNTRACK_PROTO)
        t.option(inv & XT_CONNTRACK_PROTO, QStringLiteral("--ctproto %1").arg(info.l4proto));
    const struct
    {
        quint16 flag;
        const char *name;
        const union nf_inet_addr &addr, &mask;
    } addrs[] = {{XT_CONNTRACK_ORIGSRC, "--ctorigsrc", info.origsrc_addr, info.origsrc_mask},
                 {XT_CONNTRACK_ORIGDST, "--ctorigdst", info.origdst_addr, info.origdst_mask},
                 {XT_CONNTRACK_REPLSRC, "--ctreplsrc", info.replsrc_addr, info.replsrc_mask},
                 {XT_CONNTRACK_REPLDST, "--ctrepldst", info.repldst_addr, info.repldst_mask}};
    for (const auto &a : addrs)
        if (mf & a.flag)
            t.option(inv & a.flag,
                     QLatin1String(a.name) + QLatin1Char(' ') + conntrackAddr(a.addr, a.mask, f));
    const struct
    {
        quint16 flag;
        const char *name;
        quint16 low, high;
    } ports[] = {
        {XT_CONNTRACK_ORIGSRC_PORT, "--ctorigsrcport", info.origsrc_port, info.origsrc_port_high},
        {XT_CONNTRACK_ORIGDST_PORT, "--ctorigdstport", info.origdst_port, info.origdst_port_high},
        {XT_CONNTRACK_REPLSRC_PORT, "--ctreplsrcport", info.replsrc_port, info.replsrc_port_high},
        {XT_CONNTRACK_REPLDST_PORT, "--ctrepldstport", info.repldst_port, info.repldst_port_high}};
    for (const auto &p : ports) {
        if (!(mf & p.flag))
            continue;
        // Revisions 1 and 2 store one port in network order.
        const quint16 low = v3 ? p.low : ntohs(p.low);
        const quint16 high = v3 ? p.high : 0;
        const QString value = (high == 0 || low == high)
                                  ? QString::number(low)
                                  : QStringLiteral("%1:%2").arg(low).arg(high);
        t.option(inv & p.flag, QLatin1String(p.name) + QLatin1Char(' ') + value);
    }
    if (mf & XT_CONNTRACK_STATUS) {
        QString status = NetfilterNames::ctStatus().namesOf(info.status_mask);
        if (info.status_mask == 0)
            status = QStringLiteral("NONE");
        t.option(inv & XT_CONNTRACK_STATUS,
                 QStringLiteral("--ctstatus") +
                     (status.isEmpty() ? QString() : QLatin1Char(' ') + status));
    }
    if (mf & XT_CONNTRACK_EXPIRES) {
        const QString value =
            info.expires_min == info.expires_max
                ? QString::number(info.expires_min)
                : QStringLiteral("%1:%2").arg(info.expires_min).arg(info.expires_max);
        t.option(inv & XT_CONNTRACK_EXPIRES, QStringLiteral("--ctexpire ") + value);
    }
    if (mf & XT_CONNTRACK_DIRECTION)
        t.add(inv & XT_CONNTRACK_DIRECTION ? QStringLiteral("--ctdir REPLY")
                                           : QStringLiteral("--ctdir ORIGINAL"));
}

/// Reads conntrack revisions 1-3 widened to revision 3.
bool readConntrack(const KernelExtension &in, struct xt_conntrack_mtinfo3 *out)
{
    std::memset(out, 0, sizeof(*out));
    if (in.revision == 3)
        return dataAs(in, out);
    if (in.revision == 2) {
        struct xt_conntrack_mtinfo2 v2;
        if (!dataAs(in, &v2))
            return false;
        std::memcpy(out, &v2, sizeof(v2)); // rev 3 only appends fields
        return true;
    }
    if (in.revision == 1) {
        struct xt_conntrack_mtinfo1 v1;
        if (!dataAs(in, &v1))
            return false;
        std::memcpy(out, &v1, offsetof(struct xt_conntrack_mtinfo1, state_mask));
        out->state_mask = v1.state_mask;
        out->status_mask = v1.status_mask;
        return true;
    }
    return false;
}

bool decodeConntrack(const KernelExtension &in, const KernelContext &ctx, ShownExtension *out)
{
    struct xt_conntrack_mtinfo3 info;
    if (!readConntrack(in, &info))
        return false;
    if (info.match_flags & XT_CONNTRACK_STATE_ALIAS)
        out->name = QStringLiteral("state");
    SaveText t;
    conntrackText(info, ctx.family, in.revision == 3, t);
    out->options = t.text();
    return true;
}

bool encodeConntrack(const QVector<RuleOption> &opts, const KernelContext &ctx,
                     KernelExtension *out, QString *error)
{
    const QString ext = QStringLiteral("conntrack");
    struct xt_conntrack_mtinfo3 info;
    std::memset(&info, 0, sizeof(info));
    struct AddrOption
    {
        const char *name;
        quint16 flag;
        union nf_inet_addr *addr, *mask;
    };
    const AddrOption addrs[] = {
        {"--ctorigsrc", XT_CONNTRACK_ORIGSRC, &info.origsrc_addr, &info.origsrc_mask},
        {"--ctorigdst", XT_CONNTRACK_ORIGDST, &info.origdst_addr, &info.origdst_mask},
        {"--ctreplsrc", XT_CONNTRACK_REPLSRC, &info.replsrc_addr, &info.replsrc_mask},
        {"--ctrepldst", XT_CONNTRACK_REPLDST, &info.repldst_addr, &info.repldst_mask}};
    struct PortOption
    {
        const char *name;
        quint16 flag;
        quint16 *low, *high;
    };
    const PortOption ports[] = {
        {"--ctorigsrcport", XT_CONNTRACK_ORIGSRC_PORT, &info.origsrc_port, &info.origsrc_port_high},
        {"--ctorigdstport", XT_CONNTRACK_ORIGDST_PORT, &info.origdst_port, &info.origdst_port_high},
        {"--ctreplsrcport", XT_CONNTRACK_REPLSRC_PORT, &info.replsrc_port, &info.replsrc_port_high},
        {"--ctrepldstport", XT_CONNTRACK_REPLDST_PORT, &info.repldst_port,
         &info.repldst_port_high}};
    for (const RuleOption &o : opts) {
        const QString arg = o.args.value(0);
        quint16 flag = 0;
        if (o.name == QLatin1String("--ctstate")) {
            const auto mask = NetfilterNames::ctStates().maskOf(arg);
            if (!mask)
                return badValue(ext, o, error);
            info.state_mask = quint16(*mask);
            flag = XT_CONNTRACK_STATE;
        } else if (o.name == QLatin1String("--ctstatus")) {
            const auto mask = arg == QLatin1String("NONE") ? std::optional<quint32>(0)
                                                           : NetfilterNames::ctStatus().maskOf(arg);
            if (!mask)
                return badValue(ext, o, error);
            info.status_mask = quint16(*mask);
            flag = XT_CONNTRACK_STATUS;
        } else if (o.name == QLatin1String("--ctproto")) {
            const auto number = Addresses::protocolNumber(arg);
            if (!number || *number == 0)
                return badValue(ext, o, error);
            info.l4proto = quint16(*number);
            flag = XT_CONNTRACK_PROTO;
        } else if (o.name == QLatin1String("--ctexpire")) {
            const int colon = arg.indexOf(QLatin1Char(':'));
            const auto lo = parseNumber(colon < 0 ? arg : arg.left(colon), UINT32_MAX);
            const auto hi = parseNumber(colon < 0 ? arg : arg.mid(colon + 1), UINT32_MAX);
            if (!lo || !hi || *lo > *hi)
                return badValue(ext, o, error);
            info.expires_min = quint32(*lo);
            info.expires_max = quint32(*hi);
            flag = XT_CONNTRACK_EXPIRES;
        } else if (o.name == QLatin1String("--ctdir")) {
            if (o.negated)
                return badValue(ext, o, error);
            if (arg == QLatin1String("REPLY"))
                info.invert_flags |= XT_CONNTRACK_DIRECTION;
            else if (arg != QLatin1String("ORIGINAL"))
                return badValue(ext, o, error);
            info.match_flags |= XT_CONNTRACK_DIRECTION;
            continue;
        } else {
            for (const AddrOption &a : addrs) {
                if (o.name != QLatin1String(a.name))
                    continue;
                auto *addr = reinterpret_cast<quint8 *>(a.addr);
                auto *mask = reinterpret_cast<quint8 *>(a.mask);
                // xtables' host parser fills the whole union's mask for a bare address.
                const bool bare = !arg.contains(QLatin1Char('/'));
                if (!parseNetwork(arg, ctx.family, addr, mask, false))
                    return badValue(ext, o, error);
                if (bare)
                    std::memset(mask, 0xff, sizeof(union nf_inet_addr));
                flag = a.flag;
            }
            for (const PortOption &p : ports) {
                if (o.name != QLatin1String(p.name))
                    continue;
                if (!parsePortRange(arg, p.low, p.high))
                    return badValue(ext, o, error);
                flag = p.flag;
            }
            if (!flag)
                return badOption(ext, o, error);
        }
        info.match_flags |= flag;
        if (o.negated)
            info.invert_flags |= flag;
    }
    *out = blobOf("conntrack", 3, info);
    return true;
}

/// IPv4 in a union nf_inet_addr uses its first four bytes only: clears the other twelve of
/// the eight address unions at the start of conntrack's revisions 1 to 3.
void clearAddressUnions(const KernelExtension &in, Family family, QByteArray *data)
{
    if (family != Family::IPv4 || in.revision < 1 || in.revision > 3 ||
        size_t(data->size()) < 8 * sizeof(union nf_inet_addr))
        return;
    for (size_t u = 0; u < 8; ++u)
        for (size_t i = 4; i < sizeof(union nf_inet_addr); ++i)
            (*data)[int(u * sizeof(union nf_inet_addr) + i)] = '\0';
}

bool encodeState(const QVector<RuleOption> &opts, const KernelContext &, KernelExtension *out,
                 QString *error)
{
    // iptables 1.8.9 writes -m state as conntrack revision 3 flagged as the state alias.
    struct xt_conntrack_mtinfo3 info;
    std::memset(&info, 0, sizeof(info));
    if (opts.size() != 1 || opts.first().name != QLatin1String("--state"))
        return fail(QStringLiteral("\"-m state\" needs exactly \"--state\""), error);
    const RuleOption &o = opts.first();
    const auto mask = NetfilterNames::states().maskOf(o.args.value(0));
    if (!mask)
        return badValue(QStringLiteral("state"), o, error);
    info.match_flags = XT_CONNTRACK_STATE | XT_CONNTRACK_STATE_ALIAS;
    info.state_mask = quint16(*mask);
    if (o.negated)
        info.invert_flags |= XT_CONNTRACK_STATE;
    *out = blobOf("conntrack", 3, info);
    return true;
}

/// The state match's own revision 0 (iptables before 1.4.19).
bool decodeState(const KernelExtension &in, const KernelContext &, ShownExtension *out)
{
    struct xt_state_info info;
    if (in.revision != 0 || !dataAs(in, &info))
        return false;
    out->options = QStringLiteral("--state ") + NetfilterNames::ctStates().namesOf(info.statemask);
    return true;
}

} // namespace

ExtensionSpec conntrackSpec()
{
    ExtensionSpec s;
    s.name = QStringLiteral("conntrack");
    auto addr = single([](const QString &arg, const ParseContext &ctx, QString *error) {
        return Addresses::parseNetworkShort(arg, ctx.family, error);
    });
    auto ctPort = single([](const QString &arg, const ParseContext &, QString *error) {
        // conntrack's ports are looked up without a protocol, as iptables does.
        return Addresses::parsePortRange(arg, QString(), error);
    });
    s.options = {
        {QStringLiteral("--ctstate"),
         {},
         1,
         true,
         nameSet(NetfilterNames::ctStates(), tr("conntrack state"))},
        {QStringLiteral("--ctproto"),
         {},
         1,
         true,
         single([](const QString &arg, const ParseContext &,
                   QString *error) -> std::optional<QString> {
             // conntrack prints the protocol as a number.
             bool ok = false;
             int n = arg.toInt(&ok);
             if (!ok) {
                 const auto p = Addresses::protocolNumber(arg);
                 if (!p) {
                     *error = tr("unknown protocol \"%1\"").arg(arg);
                     return std::nullopt;
                 }
                 n = *p;
             }
             if (n <= 0 || n > 255) {
                 *error = tr("\"%1\" is not a protocol for --ctproto").arg(arg);
                 return std::nullopt;
             }
             return QString::number(n);
         })},
        {QStringLiteral("--ctorigsrc"), {}, 1, true, addr},
        {QStringLiteral("--ctorigdst"), {}, 1, true, addr},
        {QStringLiteral("--ctreplsrc"), {}, 1, true, addr},
        {QStringLiteral("--ctrepldst"), {}, 1, true, addr},
        {QStringLiteral("--ctorigsrcport"), {}, 1, true, ctPort},
        {QStringLiteral("--ctorigdstport"), {}, 1, true, ctPort},
        {QStringLiteral("--ctreplsrcport"), {}, 1, true, ctPort},
        {QStringLiteral("--ctrepldstport"), {}, 1, true, ctPort},
        {QStringLiteral("--ctstatus"),
         {},
         1,
         true,
         single([](const QString &arg, const ParseContext &,
                   QString *error) -> std::optional<QString> {
             const NameTable status = NetfilterNames::ctStatus();
             quint32 mask = 0;
             bool none = false;
             for (const QString &item : arg.split(QLatin1Char(','))) {
                 if (item.compare(QLatin1String("NONE"), Qt::CaseInsensitive) == 0) {
                     none = true;
                     continue;
                 }
                 const auto bit = status.valueOf(item, Qt::CaseInsensitive);
                 if (!bit) {
                     *error = tr("unknown conntrack status \"%1\" (one of NONE,%2)")
                                  .arg(item, status.names().join(QLatin1Char(',')));
                     return std::nullopt;
                 }
                 mask |= *bit;
             }
             const QString out = status.namesOf(mask);
             if (out.isEmpty() && none)
                 return QStringLiteral("NONE");
             return out;
         })},
        {QStringLiteral("--ctexpire"),
         {},
         1,
         true,
         single([](const QString &arg, const ParseContext &,
                   QString *error) -> std::optional<QString> {
             static const QRegularExpression re(
                 QStringLiteral("^([0-9]{1,10})(?::([0-9]{1,10}))?$"));
             const auto m = re.match(arg);
             const qulonglong lo = m.captured(1).toULongLong();
             const qulonglong hi = m.captured(2).isEmpty() ? lo : m.captured(2).toULongLong();
             if (!m.hasMatch() || hi > 0xffffffffULL || lo > hi) {
                 *error = tr("\"%1\" is not an expiry time in seconds (N or N:M)").arg(arg);
                 return std::nullopt;
             }
             return lo == hi ? QString::number(lo) : QStringLiteral("%1:%2").arg(lo).arg(hi);
         })},
        {QStringLiteral("--ctdir"),
         {},
         1,
         false,
         single([](const QString &arg, const ParseContext &,
                   QString *error) -> std::optional<QString> {
             if (arg.compare(QLatin1String("ORIGINAL"), Qt::CaseInsensitive) == 0)
                 return QStringLiteral("ORIGINAL");
             if (arg.compare(QLatin1String("REPLY"), Qt::CaseInsensitive) == 0)
                 return QStringLiteral("REPLY");
             *error = tr("unknown direction \"%1\" (ORIGINAL or REPLY)").arg(arg);
             return std::nullopt;
         })},
    };
    s.finish = [](QVector<RuleOption> &opts, const ParseContext &, QString *error) {
        if (opts.isEmpty()) {
            *error = tr("\"-m conntrack\" needs at least one option, e.g. \"--ctstate\"");
            return false;
        }
        return true;
    };
    s.encode = encodeConntrack;
    s.decode = decodeConntrack;
    s.normalize = clearAddressUnions;
    return s;
}

ExtensionSpec stateSpec()
{
    ExtensionSpec s;
    s.name = QStringLiteral("state");
    s.options = {
        {QStringLiteral("--state"), {}, 1, true, nameSet(NetfilterNames::states(), tr("state"))}};
    s.finish = [](QVector<RuleOption> &opts, const ParseContext &, QString *error) {
        if (opts.isEmpty()) {
            *error = tr("\"-m state\" needs \"--state\"");
            return false;
        }
        return true;
    };
    s.encode = encodeState;
    s.decode = decodeState;
    return s;
}

} // namespace Xt
} // namespace Userchain

#include "extensions.h"

#include "addresses.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <optional>

namespace Userchain {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Userchain::Extensions", text);
}

using Canon =
    std::function<bool(const QStringList &, const ParseContext &, RuleOption *, QString *)>;

/// An option with one argument whose canonical form comes from fn (empty optional: error set).
/// Whether text holds a control character other than tab: ESC and CSI (C1) start terminal
/// escapes, CR rewrites a line, and comments and log prefixes are printed by `show`, in
/// iptables-save and in the kernel log to other administrators' terminals.
bool hasControlCharacter(const QString &text)
{
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if ((u < 0x20 && u != u'\t') || (u >= 0x7f && u < 0xa0))
            return true;
    }
    return false;
}

Canon single(
    std::function<std::optional<QString>(const QString &, const ParseContext &, QString *)> fn)
{
    return [fn](const QStringList &args, const ParseContext &ctx, RuleOption *out, QString *error) {
        // args.value(0) without copying the string: this runs for most options of every rule.
        static const QString none;
        const auto value = fn(args.isEmpty() ? none : args.first(), ctx, error);
        if (!value)
            return false;
        out->args = QStringList{*value};
        return true;
    };
}

Canon noArgs()
{
    return [](const QStringList &, const ParseContext &, RuleOption *out, QString *) {
        out->args.clear();
        return true;
    };
}

/// A comma-separated set of names from table, printed in the table's order, case-insensitive.
Canon nameSet(const QStringList &table, const QString &what)
{
    return single([table, what](const QString &arg, const ParseContext &,
                                QString *error) -> std::optional<QString> {
        if (arg.isEmpty()) {
            *error = tr("an empty list of %1").arg(what);
            return std::nullopt;
        }
        QVector<bool> present(table.size(), false);
        for (const QString &item : arg.split(QLatin1Char(','))) {
            const int idx = table.indexOf(item.toUpper());
            if (idx < 0) {
                *error = tr("unknown %1 \"%2\" (one of %3)")
                             .arg(what, item, table.join(QLatin1Char(',')));
                return std::nullopt;
            }
            present[idx] = true;
        }
        QStringList out;
        for (int i = 0; i < table.size(); ++i)
            if (present[i])
                out << table[i];
        return out.join(QLatin1Char(','));
    });
}

std::optional<QString> portRange(const QString &arg, const ParseContext &ctx, QString *error)
{
    return Addresses::parsePortRange(arg, ctx.protocol, error);
}

bool protoIs(const ParseContext &ctx, std::initializer_list<const char *> names)
{
    if (ctx.protocolNegated)
        return false;
    for (const char *n : names)
        if (ctx.protocol == QLatin1String(n))
            return true;
    return false;
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

bool hasOption(const QVector<RuleOption> &opts, const QString &name)
{
    for (const RuleOption &o : opts)
        if (o.name == name)
            return true;
    return false;
}

// --- tcp / udp --------------------------------------------------------------------------

const QStringList kTcpFlags = {QStringLiteral("FIN"), QStringLiteral("SYN"), QStringLiteral("RST"),
                               QStringLiteral("PSH"), QStringLiteral("ACK"), QStringLiteral("URG")};

std::optional<int> parseTcpFlags(const QString &text, QString *error)
{
    if (text.compare(QLatin1String("ALL"), Qt::CaseInsensitive) == 0)
        return 0x3f;
    if (text.compare(QLatin1String("NONE"), Qt::CaseInsensitive) == 0)
        return 0;
    int mask = 0;
    for (const QString &flag : text.split(QLatin1Char(','))) {
        if (flag.compare(QLatin1String("ALL"), Qt::CaseInsensitive) == 0) {
            mask |= 0x3f;
            continue;
        }
        if (flag.compare(QLatin1String("NONE"), Qt::CaseInsensitive) == 0)
            continue;
        const int idx = kTcpFlags.indexOf(flag.toUpper());
        if (idx < 0) {
            *error = tr("unknown TCP flag \"%1\" (one of %2, ALL, NONE)")
                         .arg(flag, kTcpFlags.join(QLatin1Char(',')));
            return std::nullopt;
        }
        mask |= 1 << idx;
    }
    return mask;
}

QString printTcpFlags(int flags)
{
    // iptables prints flags in FIN,SYN,RST,PSH,ACK,URG order and NONE for none.
    QStringList names;
    for (int i = 0; i < kTcpFlags.size(); ++i)
        if (flags & (1 << i))
            names << kTcpFlags[i];
    return names.isEmpty() ? QStringLiteral("NONE") : names.join(QLatin1Char(','));
}

ExtensionSpec tcpSpec()
{
    ExtensionSpec s;
    s.name = QStringLiteral("tcp");
    s.options = {
        {QStringLiteral("--sport"), {QStringLiteral("--source-port")}, 1, true, single(portRange)},
        {QStringLiteral("--dport"),
         {QStringLiteral("--destination-port")},
         1,
         true,
         single(portRange)},
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
             const auto mask = parseTcpFlags(args.value(0), error);
             if (!mask)
                 return false;
             const auto cmp = parseTcpFlags(args.value(1), error);
             if (!cmp)
                 return false;
             out->args = QStringList{printTcpFlags(*mask), printTcpFlags(*cmp)};
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
    return s;
}

ExtensionSpec udpSpec()
{
    ExtensionSpec s;
    s.name = QStringLiteral("udp");
    s.options = {
        {QStringLiteral("--sport"), {QStringLiteral("--source-port")}, 1, true, single(portRange)},
        {QStringLiteral("--dport"),
         {QStringLiteral("--destination-port")},
         1,
         true,
         single(portRange)},
    };
    s.finish = [](QVector<RuleOption> &opts, const ParseContext &ctx, QString *error) {
        if (!protoIs(ctx, {"udp"})) {
            *error = tr("\"-m udp\" needs \"-p udp\"");
            return false;
        }
        return dropMatchAll(opts, error);
    };
    return s;
}

// --- icmp / icmp6 ---------------------------------------------------------------------------

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
    return s;
}

// --- multiport -----------------------------------------------------------------------------

std::optional<QString> portList(const QString &arg, const ParseContext &ctx, QString *error)
{
    const QStringList items = arg.split(QLatin1Char(','));
    int portSlots = 0;
    QStringList out;
    for (const QString &item : items) {
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
    return s;
}

// --- iprange -------------------------------------------------------------------------------

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
    return s;
}

// --- conntrack / state -----------------------------------------------------------------------

const QStringList kCtStates = {QStringLiteral("INVALID"),   QStringLiteral("NEW"),
                               QStringLiteral("RELATED"),   QStringLiteral("ESTABLISHED"),
                               QStringLiteral("UNTRACKED"), QStringLiteral("SNAT"),
                               QStringLiteral("DNAT")};
const QStringList kStates = {QStringLiteral("INVALID"), QStringLiteral("NEW"),
                             QStringLiteral("RELATED"), QStringLiteral("ESTABLISHED"),
                             QStringLiteral("UNTRACKED")};
const QStringList kCtStatus = {QStringLiteral("EXPECTED"), QStringLiteral("SEEN_REPLY"),
                               QStringLiteral("ASSURED"), QStringLiteral("CONFIRMED")};

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
        {QStringLiteral("--ctstate"), {}, 1, true, nameSet(kCtStates, tr("conntrack state"))},
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
             QVector<bool> present(kCtStatus.size(), false);
             bool none = false;
             for (const QString &item : arg.split(QLatin1Char(','))) {
                 if (item.compare(QLatin1String("NONE"), Qt::CaseInsensitive) == 0) {
                     none = true;
                     continue;
                 }
                 const int idx = kCtStatus.indexOf(item.toUpper());
                 if (idx < 0) {
                     *error = tr("unknown conntrack status \"%1\" (one of NONE,%2)")
                                  .arg(item, kCtStatus.join(QLatin1Char(',')));
                     return std::nullopt;
                 }
                 present[idx] = true;
             }
             QStringList out;
             for (int i = 0; i < kCtStatus.size(); ++i)
                 if (present[i])
                     out << kCtStatus[i];
             if (out.isEmpty() && none)
                 return QStringLiteral("NONE");
             return out.join(QLatin1Char(','));
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
    return s;
}

ExtensionSpec stateSpec()
{
    ExtensionSpec s;
    s.name = QStringLiteral("state");
    s.options = {{QStringLiteral("--state"), {}, 1, true, nameSet(kStates, tr("state"))}};
    s.finish = [](QVector<RuleOption> &opts, const ParseContext &, QString *error) {
        if (opts.isEmpty()) {
            *error = tr("\"-m state\" needs \"--state\"");
            return false;
        }
        return true;
    };
    return s;
}

// --- comment, mac, limit, addrtype, set -------------------------------------------------------

ExtensionSpec commentSpec()
{
    ExtensionSpec s;
    s.name = QStringLiteral("comment");
    s.options = {{QStringLiteral("--comment"),
                  {},
                  1,
                  false,
                  single([](const QString &arg, const ParseContext &,
                            QString *error) -> std::optional<QString> {
                      // The kernel keeps 255 bytes plus the terminating zero.
                      if (arg.toUtf8().size() > 255) {
                          *error = tr("comment is longer than 255 bytes");
                          return std::nullopt;
                      }
                      if (arg.contains(QChar(0)) || arg.contains(QLatin1Char('\n'))) {
                          *error = tr("comment contains a line break or NUL character");
                          return std::nullopt;
                      }
                      if (hasControlCharacter(arg)) {
                          *error = tr("comment contains a control character (such as ESC or "
                                      "CR)");
                          return std::nullopt;
                      }
                      return arg;
                  })}};
    s.finish = [](QVector<RuleOption> &opts, const ParseContext &, QString *error) {
        if (opts.isEmpty()) {
            *error = tr("\"-m comment\" needs \"--comment\"");
            return false;
        }
        return true;
    };
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
    return s;
}

std::optional<quint32> parseLimitPeriod(const QString &rate, QString *error)
{
    static const QRegularExpression re(QStringLiteral("^([0-9]{1,10})(?:/([A-Za-z]+))?$"));
    const auto m = re.match(rate);
    quint64 mult = 1;
    if (m.hasMatch() && !m.captured(2).isEmpty()) {
        const QString unit = m.captured(2).toLower();
        // iptables accepts any prefix of the unit name ("s", "sec", "m", "min", "h", "d").
        if (QStringLiteral("second").startsWith(unit))
            mult = 1;
        else if (QStringLiteral("minute").startsWith(unit))
            mult = 60;
        else if (QStringLiteral("hour").startsWith(unit))
            mult = 3600;
        else if (QStringLiteral("day").startsWith(unit))
            mult = 86400;
        else
            mult = 0;
    }
    const quint64 r = m.hasMatch() ? m.captured(1).toULongLong() : 0;
    if (!m.hasMatch() || mult == 0 || r == 0 || r > 0xffffffffULL) {
        *error = tr("\"%1\" is not a rate (e.g. 5/second, 10/minute, 3/hour, 1/day)").arg(rate);
        return std::nullopt;
    }
    const quint64 period = 10000 * mult / r;
    if (period == 0) {
        *error = tr("rate \"%1\" is too fast (at most 10000/second)").arg(rate);
        return std::nullopt;
    }
    return static_cast<quint32>(period);
}

ExtensionSpec limitSpec()
{
    ExtensionSpec s;
    s.name = QStringLiteral("limit");
    s.options = {
        {QStringLiteral("--limit"),
         {},
         1,
         false,
         single([](const QString &arg, const ParseContext &,
                   QString *error) -> std::optional<QString> {
             const auto period = parseLimitPeriod(arg, error);
             if (!period)
                 return std::nullopt;
             return limitRateText(*period);
         })},
        {QStringLiteral("--limit-burst"),
         {},
         1,
         false,
         single([](const QString &arg, const ParseContext &,
                   QString *error) -> std::optional<QString> {
             bool ok = false;
             const uint v = arg.toUInt(&ok);
             if (!ok || v < 1 || v > 10000) {
                 *error = tr("burst \"%1\" is not a number from 1 to 10000").arg(arg);
                 return std::nullopt;
             }
             return QString::number(v);
         })},
    };
    s.finish = [](QVector<RuleOption> &opts, const ParseContext &, QString *) {
        // iptables-save always prints the rate (default 3/hour) and the burst only when it
        // differs from the default of 5.
        if (!hasOption(opts, QStringLiteral("--limit")))
            opts.prepend({QStringLiteral("--limit"), false, {QStringLiteral("3/hour")}});
        opts.erase(std::remove_if(opts.begin(), opts.end(),
                                  [](const RuleOption &o) {
                                      return o.name == QLatin1String("--limit-burst") &&
                                             o.args.value(0) == QLatin1String("5");
                                  }),
                   opts.end());
        return true;
    };
    return s;
}

const QStringList kAddrTypes = {
    QStringLiteral("UNSPEC"),    QStringLiteral("UNICAST"),     QStringLiteral("LOCAL"),
    QStringLiteral("BROADCAST"), QStringLiteral("ANYCAST"),     QStringLiteral("MULTICAST"),
    QStringLiteral("BLACKHOLE"), QStringLiteral("UNREACHABLE"), QStringLiteral("PROHIBIT"),
    QStringLiteral("THROW"),     QStringLiteral("NAT"),         QStringLiteral("XRESOLVE")};

ExtensionSpec addrtypeSpec()
{
    ExtensionSpec s;
    s.name = QStringLiteral("addrtype");
    auto iface = [](const QStringList &, const ParseContext &, RuleOption *out, QString *) {
        out->args.clear();
        return true;
    };
    s.options = {
        {QStringLiteral("--src-type"), {}, 1, true, nameSet(kAddrTypes, tr("address type"))},
        {QStringLiteral("--dst-type"), {}, 1, true, nameSet(kAddrTypes, tr("address type"))},
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
    return s;
}

// --- targets -------------------------------------------------------------------------------

ExtensionSpec rejectSpec(bool v6)
{
    ExtensionSpec s;
    s.name = QStringLiteral("REJECT");
    s.isTarget = true;
    s.ipv4 = !v6;
    s.ipv6 = v6;
    struct Alias
    {
        const char *canonical;
        const char *alias;
    };
    static const Alias v4[] = {{"icmp-net-unreachable", "net-unreach"},
                               {"icmp-host-unreachable", "host-unreach"},
                               {"icmp-proto-unreachable", "proto-unreach"},
                               {"icmp-port-unreachable", "port-unreach"},
                               {"icmp-net-prohibited", "net-prohib"},
                               {"icmp-host-prohibited", "host-prohib"},
                               {"tcp-reset", "tcp-rst"},
                               {"icmp-admin-prohibited", "admin-prohib"}};
    static const Alias v6s[] = {{"icmp6-no-route", "no-route"},
                                {"icmp6-adm-prohibited", "adm-prohibited"},
                                {"icmp6-addr-unreachable", "addr-unreach"},
                                {"icmp6-port-unreachable", "port-unreach"},
                                {"tcp-reset", "tcp-rst"},
                                {"icmp6-policy-fail", "policy-fail"},
                                {"icmp6-reject-route", "reject-route"}};
    s.options = {{QStringLiteral("--reject-with"),
                  {},
                  1,
                  false,
                  single([v6](const QString &arg, const ParseContext &,
                              QString *error) -> std::optional<QString> {
                      QStringList names;
                      // iptables compares case-insensitively and accepts abbreviations; we take
                      // an abbreviation only when it names one type (iptables takes the first).
                      auto look = [&](const Alias *table, size_t n) -> std::optional<QString> {
                          QStringList hits;
                          for (size_t i = 0; i < n; ++i) {
                              const QString canonical = QString::fromLatin1(table[i].canonical);
                              const QString alias = QString::fromLatin1(table[i].alias);
                              names << canonical;
                              if (arg.compare(canonical, Qt::CaseInsensitive) == 0 ||
                                  arg.compare(alias, Qt::CaseInsensitive) == 0)
                                  return canonical;
                              if (canonical.startsWith(arg, Qt::CaseInsensitive) ||
                                  alias.startsWith(arg, Qt::CaseInsensitive))
                                  hits << canonical;
                          }
                          if (hits.size() == 1 && !arg.isEmpty())
                              return hits.first();
                          return std::nullopt;
                      };
                      const auto found = v6 ? look(v6s, std::size(v6s)) : look(v4, std::size(v4));
                      if (!found)
                          *error = tr("unknown reject type \"%1\" (one of %2)")
                                       .arg(arg, names.join(QStringLiteral(", ")));
                      return found;
                  })}};
    s.finish = [v6](QVector<RuleOption> &opts, const ParseContext &ctx, QString *error) {
        if (opts.isEmpty())
            opts.append({QStringLiteral("--reject-with"),
                         false,
                         {v6 ? QStringLiteral("icmp6-port-unreachable")
                             : QStringLiteral("icmp-port-unreachable")}});
        if (opts.first().args.value(0) == QLatin1String("tcp-reset") && !protoIs(ctx, {"tcp"})) {
            *error = tr("\"--reject-with tcp-reset\" needs \"-p tcp\"");
            return false;
        }
        return true;
    };
    return s;
}

ExtensionSpec logSpec()
{
    ExtensionSpec s;
    s.name = QStringLiteral("LOG");
    s.isTarget = true;
    s.options = {
        {QStringLiteral("--log-prefix"),
         {},
         1,
         false,
         single([](const QString &arg, const ParseContext &,
                   QString *error) -> std::optional<QString> {
             if (arg.isEmpty()) {
                 *error = tr("log prefix is empty");
                 return std::nullopt;
             }
             // The kernel keeps 29 bytes plus the terminating zero.
             if (arg.toUtf8().size() > 29) {
                 *error = tr("log prefix is longer than 29 bytes");
                 return std::nullopt;
             }
             if (arg.contains(QChar(0)) || arg.contains(QLatin1Char('\n'))) {
                 *error = tr("log prefix contains a line break or NUL character");
                 return std::nullopt;
             }
             if (hasControlCharacter(arg)) {
                 *error = tr("log prefix contains a control character (such as ESC or CR)");
                 return std::nullopt;
             }
             return arg;
         })},
        {QStringLiteral("--log-level"),
         {},
         1,
         false,
         single([](const QString &arg, const ParseContext &,
                   QString *error) -> std::optional<QString> {
             static const QStringList names = {QStringLiteral("emerg"),   QStringLiteral("alert"),
                                               QStringLiteral("crit"),    QStringLiteral("error"),
                                               QStringLiteral("warning"), QStringLiteral("notice"),
                                               QStringLiteral("info"),    QStringLiteral("debug")};
             bool ok = false;
             const int n = arg.toInt(&ok);
             if (ok && n >= 0 && n <= 7)
                 return QString::number(n);
             // Level names are case-sensitive in iptables ("warning", not "WARNING").
             const int idx = names.indexOf(arg);
             if (idx >= 0)
                 return QString::number(idx);
             if (arg == QLatin1String("panic"))
                 return QStringLiteral("0");
             *error = tr("unknown log level \"%1\" (0 to 7 or %2)")
                          .arg(arg, names.join(QStringLiteral(", ")));
             return std::nullopt;
         })},
        {QStringLiteral("--log-tcp-sequence"), {}, 0, false, noArgs()},
        {QStringLiteral("--log-tcp-options"), {}, 0, false, noArgs()},
        {QStringLiteral("--log-ip-options"), {}, 0, false, noArgs()},
        {QStringLiteral("--log-uid"), {}, 0, false, noArgs()},
        {QStringLiteral("--log-macdecode"), {}, 0, false, noArgs()},
    };
    s.finish = [](QVector<RuleOption> &opts, const ParseContext &, QString *) {
        // Level 4 (warning) is the default and iptables-save leaves it out.
        opts.erase(std::remove_if(opts.begin(), opts.end(),
                                  [](const RuleOption &o) {
                                      return o.name == QLatin1String("--log-level") &&
                                             o.args.value(0) == QLatin1String("4");
                                  }),
                   opts.end());
        return true;
    };
    return s;
}

/// DNAT and MASQUERADE are only shown (Docker's nat chain), never written by Userchain.
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
    return s;
}

QVector<ExtensionSpec> buildAll()
{
    return {tcpSpec(),
            udpSpec(),
            icmpSpec(),
            icmp6Spec(),
            multiportSpec(),
            iprangeSpec(),
            conntrackSpec(),
            stateSpec(),
            commentSpec(),
            macSpec(),
            limitSpec(),
            addrtypeSpec(),
            setSpec(),
            rejectSpec(false),
            rejectSpec(true),
            logSpec(),
            natSpec(QStringLiteral("DNAT"), QStringLiteral("--to-destination")),
            natSpec(QStringLiteral("MASQUERADE"), QStringLiteral("--to-ports"))};
}

} // namespace

std::optional<quint32> limitPeriod(const QString &rate, QString *error)
{
    return parseLimitPeriod(rate, error);
}

QString limitRateText(quint32 period)
{
    // libxt_limit's print_rate: the largest unit that still shows the rate without losing
    // more than it keeps.
    struct Rate
    {
        const char *name;
        quint32 mult;
    };
    static const Rate rates[] = {{"day", 10000u * 24 * 60 * 60},
                                 {"hour", 10000u * 60 * 60},
                                 {"min", 10000u * 60},
                                 {"sec", 10000u}};
    if (period == 0)
        return QStringLiteral("inf");
    size_t i = 1;
    for (; i < std::size(rates); ++i)
        if (period > rates[i].mult || rates[i].mult / period < rates[i].mult % period)
            break;
    return QStringLiteral("%1/%2")
        .arg(rates[i - 1].mult / period)
        .arg(QLatin1String(rates[i - 1].name));
}

const OptionSpec *ExtensionSpec::findOption(const QString &nameOrAlias) const
{
    // Asked for every option of every rule; most options have no alias.
    for (const OptionSpec &o : options)
        if (o.name == nameOrAlias || (!o.aliases.isEmpty() && o.aliases.contains(nameOrAlias)))
            return &o;
    return nullptr;
}

int ExtensionSpec::orderOf(const QString &canonicalName) const
{
    for (int i = 0; i < options.size(); ++i)
        if (options[i].name == canonicalName)
            return i;
    return options.size();
}

const QVector<ExtensionSpec> &Extensions::all()
{
    static const QVector<ExtensionSpec> specs = buildAll();
    return specs;
}

const ExtensionSpec *Extensions::match(const QString &name, Family family)
{
    for (const ExtensionSpec &s : all())
        if (!s.isTarget && s.name == name && (family == Family::IPv4 ? s.ipv4 : s.ipv6))
            return &s;
    return nullptr;
}

const ExtensionSpec *Extensions::target(const QString &name, Family family)
{
    for (const ExtensionSpec &s : all())
        if (s.isTarget && s.name == name && (family == Family::IPv4 ? s.ipv4 : s.ipv6))
            return &s;
    return nullptr;
}

bool Extensions::isStringOption(const QString &optionName)
{
    return optionName == QLatin1String("--comment") || optionName == QLatin1String("--log-prefix");
}

bool Extensions::isKnownUnsupportedMatch(const QString &name)
{
    static const QStringList known = {
        QStringLiteral("time"),       QStringLiteral("string"),
        QStringLiteral("owner"),      QStringLiteral("physdev"),
        QStringLiteral("recent"),     QStringLiteral("hashlimit"),
        QStringLiteral("connlimit"),  QStringLiteral("length"),
        QStringLiteral("ttl"),        QStringLiteral("hl"),
        QStringLiteral("mark"),       QStringLiteral("connmark"),
        QStringLiteral("pkttype"),    QStringLiteral("policy"),
        QStringLiteral("u32"),        QStringLiteral("bpf"),
        QStringLiteral("cgroup"),     QStringLiteral("socket"),
        QStringLiteral("statistic"),  QStringLiteral("quota"),
        QStringLiteral("dscp"),       QStringLiteral("tos"),
        QStringLiteral("ecn"),        QStringLiteral("esp"),
        QStringLiteral("ah"),         QStringLiteral("sctp"),
        QStringLiteral("dccp"),       QStringLiteral("helper"),
        QStringLiteral("realm"),      QStringLiteral("rpfilter"),
        QStringLiteral("devgroup"),   QStringLiteral("cpu"),
        QStringLiteral("cluster"),    QStringLiteral("ipvs"),
        QStringLiteral("osf"),        QStringLiteral("nfacct"),
        QStringLiteral("rateest"),    QStringLiteral("tcpmss"),
        QStringLiteral("connbytes"),  QStringLiteral("connlabel"),
        QStringLiteral("ipcomp"),     QStringLiteral("l2tp"),
        QStringLiteral("frag"),       QStringLiteral("hbh"),
        QStringLiteral("rt"),         QStringLiteral("dst"),
        QStringLiteral("ipv6header"), QStringLiteral("mh"),
        QStringLiteral("eui64"),      QStringLiteral("srh"),
        QStringLiteral("udplite"),    QStringLiteral("condition"),
        QStringLiteral("geoip"),      QStringLiteral("conntrack-helper")};
    return known.contains(name);
}

bool Extensions::isKnownUnsupportedTarget(const QString &name)
{
    static const QStringList known = {
        QStringLiteral("MARK"),      QStringLiteral("CONNMARK"),    QStringLiteral("SNAT"),
        QStringLiteral("NFLOG"),     QStringLiteral("NFQUEUE"),     QStringLiteral("QUEUE"),
        QStringLiteral("TCPMSS"),    QStringLiteral("CT"),          QStringLiteral("NOTRACK"),
        QStringLiteral("TEE"),       QStringLiteral("CLASSIFY"),    QStringLiteral("DSCP"),
        QStringLiteral("TOS"),       QStringLiteral("AUDIT"),       QStringLiteral("CHECKSUM"),
        QStringLiteral("SECMARK"),   QStringLiteral("CONNSECMARK"), QStringLiteral("TRACE"),
        QStringLiteral("REDIRECT"),  QStringLiteral("NETMAP"),      QStringLiteral("TPROXY"),
        QStringLiteral("SET"),       QStringLiteral("HMARK"),       QStringLiteral("IDLETIMER"),
        QStringLiteral("LED"),       QStringLiteral("RATEEST"),     QStringLiteral("SYNPROXY"),
        QStringLiteral("TTL"),       QStringLiteral("HL"),          QStringLiteral("ECN"),
        QStringLiteral("CLUSTERIP"), QStringLiteral("ULOG"),        QStringLiteral("TCPOPTSTRIP")};
    return known.contains(name);
}

bool Extensions::isVerdict(const QString &name)
{
    return name == QLatin1String("ACCEPT") || name == QLatin1String("DROP") ||
           name == QLatin1String("RETURN");
}

QString saveQuote(const QString &value)
{
    // xtables_save_string: bare when made only of [A-Za-z0-9_-], otherwise in double quotes
    // with ", \ and ' escaped by a backslash.
    bool plain = !value.isEmpty();
    for (const QChar c : value) {
        const char16_t u = c.unicode();
        if (!((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') ||
              u == '_' || u == '-')) {
            plain = false;
            break;
        }
    }
    if (plain)
        return value;
    QString out = QStringLiteral("\"");
    for (const QChar c : value) {
        if (c == QLatin1Char('"') || c == QLatin1Char('\\') || c == QLatin1Char('\''))
            out += QLatin1Char('\\');
        out += c;
    }
    out += QLatin1Char('"');
    return out;
}

} // namespace Userchain

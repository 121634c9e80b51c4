// REJECT and LOG: libipt_REJECT.c, libip6t_REJECT.c, libxt_LOG.c.
#include "xtspecs.h"
#include "xtsupport.h"

#include <QCoreApplication>

#include <linux/netfilter/xt_LOG.h>
#include <linux/netfilter_ipv4/ipt_REJECT.h>
#include <linux/netfilter_ipv6/ip6t_REJECT.h>

namespace Userchain {
namespace Xt {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Userchain::Extensions", text);
}

constexpr int kLogDefaultLevel = 4; // LOG_WARNING

/// A reject type as iptables reads it: case-insensitive, by name or alias, or an abbreviation
/// of one; we take an abbreviation only when it names one type (iptables takes the first).
std::optional<QString> rejectType(const QString &arg, Family family, QString *error)
{
    const NameTable types = NetfilterNames::rejectTypes(family);
    if (const auto value = types.valueOf(arg, Qt::CaseInsensitive))
        return QLatin1String(types.nameOf(*value));
    QStringList hits;
    for (const NamedValue &t : types)
        if (QLatin1String(t.name).startsWith(arg, Qt::CaseInsensitive) ||
            QLatin1String(t.alias).startsWith(arg, Qt::CaseInsensitive))
            hits << QLatin1String(t.name);
    if (hits.size() == 1 && !arg.isEmpty())
        return hits.first();
    *error = tr("unknown reject type \"%1\" (one of %2)")
                 .arg(arg, types.names().join(QStringLiteral(", ")));
    return std::nullopt;
}

bool encodeReject(const QVector<RuleOption> &opts, const KernelContext &ctx, KernelExtension *out,
                  QString *error)
{
    const bool v4 = ctx.family == Family::IPv4;
    // The default reject type when --reject-with is left out.
    quint32 with = v4 ? quint32(IPT_ICMP_PORT_UNREACHABLE) : quint32(IP6T_ICMP6_PORT_UNREACH);
    for (const RuleOption &o : opts) {
        if (o.name != QLatin1String("--reject-with") || o.negated)
            return badOption(QStringLiteral("REJECT"), o, error);
        const auto value = NetfilterNames::rejectTypes(ctx.family).valueOf(o.args.value(0));
        if (!value || NetfilterNames::rejectTypes(ctx.family).nameOf(*value) != o.args.value(0))
            return badValue(QStringLiteral("REJECT"), o, error);
        with = *value;
    }
    struct ip6t_reject_info info; // same layout as ipt_reject_info
    std::memset(&info, 0, sizeof(info));
    info.with = with;
    *out = blobOf("REJECT", 0, info);
    return true;
}

bool decodeReject(const KernelExtension &in, const KernelContext &ctx, ShownExtension *out)
{
    // Read as a plain 32-bit number: ipt_reject_info declares it an enum, and a kernel value
    // outside that enum must not be loaded as one.
    static_assert(sizeof(struct ipt_reject_info) == sizeof(quint32) &&
                      sizeof(struct ip6t_reject_info) == sizeof(quint32),
                  "reject info is one 32-bit value");
    quint32 with = 0;
    if (in.revision != 0 || !dataAs(in, &with))
        return false;
    const char *name = NetfilterNames::rejectTypes(ctx.family).nameOf(with);
    if (!name)
        return false;
    out->options = QStringLiteral("--reject-with ") + QLatin1String(name);
    return true;
}

bool encodeLog(const QVector<RuleOption> &opts, const KernelContext &, KernelExtension *out,
               QString *error)
{
    const QString ext = QStringLiteral("LOG");
    struct xt_log_info info;
    std::memset(&info, 0, sizeof(info));
    info.level = kLogDefaultLevel;
    for (const RuleOption &o : opts) {
        if (o.negated)
            return badOption(ext, o, error);
        if (o.name == QLatin1String("--log-prefix")) {
            // Longer prefixes iptables would silently cut; refuse rather than store less.
            if (!fillField(o.args.value(0), info.prefix, sizeof(info.prefix)))
                return badValue(ext, o, error);
        } else if (o.name == QLatin1String("--log-level")) {
            const auto level = parseNumber(o.args.value(0), 7);
            if (!level)
                return badValue(ext, o, error);
            info.level = quint8(*level);
        } else if (const auto flag = NetfilterNames::logFlags().valueOf(o.name)) {
            info.logflags |= quint8(*flag);
        } else {
            return badOption(ext, o, error);
        }
    }
    *out = blobOf("LOG", 0, info);
    return true;
}

bool decodeLog(const KernelExtension &in, const KernelContext &, ShownExtension *out)
{
    struct xt_log_info info;
    if (in.revision != 0 || !dataAs(in, &info))
        return false;
    if (strnlen(info.prefix, sizeof(info.prefix)) == sizeof(info.prefix))
        return false; // unterminated
    SaveText t;
    const QString prefix = fieldText(info.prefix, sizeof(info.prefix));
    if (!prefix.isEmpty())
        t.add(QStringLiteral("--log-prefix ") + saveQuote(prefix));
    if (info.level != kLogDefaultLevel)
        t.add(QStringLiteral("--log-level %1").arg(info.level));
    for (const NamedValue &flag : NetfilterNames::logFlags())
        if (info.logflags & flag.value)
            t.add(QLatin1String(flag.name));
    out->options = t.text();
    return true;
}

} // namespace

ExtensionSpec rejectSpec(Family family)
{
    ExtensionSpec s;
    s.name = QStringLiteral("REJECT");
    s.isTarget = true;
    s.ipv4 = family == Family::IPv4;
    s.ipv6 = family == Family::IPv6;
    s.options = {{QStringLiteral("--reject-with"),
                  {},
                  1,
                  false,
                  single([family](const QString &arg, const ParseContext &, QString *error) {
                      return rejectType(arg, family, error);
                  })}};
    s.finish = [family](QVector<RuleOption> &opts, const ParseContext &ctx, QString *error) {
        if (opts.isEmpty())
            opts.append({QStringLiteral("--reject-with"),
                         false,
                         {family == Family::IPv6 ? QStringLiteral("icmp6-port-unreachable")
                                                 : QStringLiteral("icmp-port-unreachable")}});
        if (opts.first().args.value(0) == QLatin1String("tcp-reset") && !protoIs(ctx, {"tcp"})) {
            *error = tr("\"--reject-with tcp-reset\" needs \"-p tcp\"");
            return false;
        }
        return true;
    };
    s.encode = encodeReject;
    s.decode = decodeReject;
    return s;
}

ExtensionSpec logSpec()
{
    ExtensionSpec s;
    s.name = QStringLiteral("LOG");
    s.isTarget = true;
    s.continues = true;
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
         }),
         Quoting::Save},
        {QStringLiteral("--log-level"),
         {},
         1,
         false,
         single([](const QString &arg, const ParseContext &,
                   QString *error) -> std::optional<QString> {
             bool ok = false;
             const int n = arg.toInt(&ok);
             if (ok && n >= 0 && n <= 7)
                 return QString::number(n);
             // Level names are case-sensitive in iptables ("warning", not "WARNING").
             if (const auto level = NetfilterNames::logLevels().valueOf(arg))
                 return QString::number(*level);
             *error = tr("unknown log level \"%1\" (0 to 7 or %2)")
                          .arg(arg, NetfilterNames::logLevels().names().join(QStringLiteral(", ")));
             return std::nullopt;
         })},
    };
    for (const NamedValue &flag : NetfilterNames::logFlags())
        s.options.append({QLatin1String(flag.name), {}, 0, false, noArgs()});
    s.finish = [](QVector<RuleOption> &opts, const ParseContext &, QString *) {
        // Level 4 (warning) is the default and iptables-save leaves it out.
        dropDefault(opts, QStringLiteral("--log-level"), QStringLiteral("4"));
        return true;
    };
    s.encode = encodeLog;
    s.decode = decodeLog;
    return s;
}

} // namespace Xt
} // namespace Userchain

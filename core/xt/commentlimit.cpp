// comment and limit: libxt_comment.c, libxt_limit.c.
#include "xtspecs.h"
#include "xtsupport.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <linux/netfilter/xt_comment.h>
#include <linux/netfilter/xt_limit.h>

namespace Userchain {

namespace Xt {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Userchain::Extensions", text);
}

constexpr quint32 kLimitDefaultBurst = 5;

bool encodeComment(const QVector<RuleOption> &opts, const KernelContext &, KernelExtension *out,
                   QString *error)
{
    struct xt_comment_info info;
    std::memset(&info, 0, sizeof(info));
    if (opts.size() != 1 || opts.first().name != QLatin1String("--comment"))
        return fail(QStringLiteral("\"-m comment\" needs exactly \"--comment\""), error);
    if (!fillField(opts.first().args.value(0), info.comment, sizeof(info.comment)))
        return badValue(QStringLiteral("comment"), opts.first(), error);
    *out = blobOf("comment", 0, info);
    return true;
}

bool decodeComment(const KernelExtension &in, const KernelContext &, ShownExtension *out)
{
    struct xt_comment_info info;
    if (in.revision != 0 || !dataAs(in, &info))
        return false;
    out->options =
        QStringLiteral("--comment ") + saveQuote(fieldText(info.comment, sizeof(info.comment)));
    return true;
}

bool encodeLimit(const QVector<RuleOption> &opts, const KernelContext &, KernelExtension *out,
                 QString *error)
{
    struct xt_rateinfo info;
    std::memset(&info, 0, sizeof(info));  // the kernel-private fields stay zero, as in iptables
    info.avg = XT_LIMIT_SCALE * 3600 / 3; // libxt_limit's default "3/hour"
    info.burst = kLimitDefaultBurst;
    for (const RuleOption &o : opts) {
        const QString arg = o.args.value(0);
        if (o.name == QLatin1String("--limit")) {
            // The same computation the parser validated the rate with.
            QString why;
            const auto period = limitPeriod(arg, &why);
            if (!period)
                return badValue(QStringLiteral("limit"), o, error);
            info.avg = *period;
        } else if (o.name == QLatin1String("--limit-burst")) {
            const auto burst = parseNumber(arg, 10000);
            if (!burst)
                return badValue(QStringLiteral("limit"), o, error);
            info.burst = quint32(*burst);
        } else {
            return badOption(QStringLiteral("limit"), o, error);
        }
    }
    *out = blobOf("limit", 0, info);
    return true;
}

bool decodeLimit(const KernelExtension &in, const KernelContext &, ShownExtension *out)
{
    struct xt_rateinfo info;
    if (in.revision != 0 || !dataAs(in, &info))
        return false;
    SaveText t;
    t.add(QStringLiteral("--limit ") + limitRateText(info.avg));
    if (info.burst != kLimitDefaultBurst)
        t.add(QStringLiteral("--limit-burst %1").arg(info.burst));
    out->options = t.text();
    return true;
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

} // namespace

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
                  }),
                  Quoting::Save}};
    s.finish = [](QVector<RuleOption> &opts, const ParseContext &, QString *error) {
        if (opts.isEmpty()) {
            *error = tr("\"-m comment\" needs \"--comment\"");
            return false;
        }
        return true;
    };
    s.encode = encodeComment;
    s.decode = decodeComment;
    return s;
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
        dropDefault(opts, QStringLiteral("--limit-burst"), QStringLiteral("5"));
        return true;
    };
    s.encode = encodeLimit;
    s.decode = decodeLimit;
    return s;
}

} // namespace Xt

std::optional<quint32> limitPeriod(const QString &rate, QString *error)
{
    return Xt::parseLimitPeriod(rate, error);
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

} // namespace Userchain

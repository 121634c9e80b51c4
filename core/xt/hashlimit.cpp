// hashlimit: libxt_hashlimit.c. The options are read into the kernel's configuration the way
// iptables reads them (rates, byte rates, bursts, the expiry that follows from the rate's unit,
// rate matching), and the canonical text is what iptables-save prints of that configuration:
// the parser, the encoder and the decoder share one configuration and one printer.
#include "xtspecs.h"
#include "xtsupport.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <linux/netfilter/xt_hashlimit.h>

namespace Userchain {
namespace Xt {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Userchain::Extensions", text);
}

constexpr quint64 kDefaultBurst = 5;       // XT_HASHLIMIT_BURST
constexpr quint64 kBurstMax = 1000000;     // XT_HASHLIMIT_BURST_MAX
constexpr quint32 kGcInterval = 1000;      // XT_HASHLIMIT_GCINTERVAL, ms
constexpr quint32 kByteExpire = 15;        // XT_HASHLIMIT_BYTE_EXPIRE, s
constexpr quint32 kByteExpireBurst = 60;   // XT_HASHLIMIT_BYTE_EXPIRE_BURST, s
constexpr quint32 kMaxTableSize = 1048576; // the kernel's HASHLIMIT_MAX_SIZE
constexpr int kNameField = 255;            // NAME_MAX: name of revisions 2 and 3
constexpr quint32 kModeHash =
    XT_HASHLIMIT_HASH_DIP | XT_HASHLIMIT_HASH_DPT | XT_HASHLIMIT_HASH_SIP | XT_HASHLIMIT_HASH_SPT;

const NamedValue kModes[] = {{"srcip", XT_HASHLIMIT_HASH_SIP},
                             {"srcport", XT_HASHLIMIT_HASH_SPT},
                             {"dstip", XT_HASHLIMIT_HASH_DIP},
                             {"dstport", XT_HASHLIMIT_HASH_DPT}};

quint64 costToBytes(quint64 cost)
{
    quint64 r = cost ? 0xffffffffULL / cost : 0xffffffffULL;
    return (r - 1) << XT_HASHLIMIT_BYTE_SHIFT;
}

quint64 bytesToCost(quint64 bytes)
{
    const quint32 r = quint32(bytes >> XT_HASHLIMIT_BYTE_SHIFT);
    return 0xffffffffULL / (quint64(r) + 1);
}

quint64 unitFactor(QChar c)
{
    return c == QLatin1Char('m') ? 1024 * 1024 : c == QLatin1Char('k') ? 1024 : 1;
}

/// A configuration as the kernel holds it (revision 3), with the name.
struct Config
{
    QString name;
    struct hashlimit_cfg3 cfg;
};

/// libxt_hashlimit's print_rate; *quantum gets the unit in ms (the default expiry).
QString rateText(quint64 period, int revision, quint32 *quantum)
{
    const quint64 scale = revision == 1 ? XT_HASHLIMIT_SCALE : XT_HASHLIMIT_SCALE_v2;
    const struct
    {
        const char *name;
        quint64 seconds;
    } rates[] = {{"day", 24 * 60 * 60}, {"hour", 60 * 60}, {"min", 60}, {"sec", 1}};
    if (period == 0) {
        *quantum = 0;
        return QStringLiteral("inf"); // printf("%f", INFINITY)
    }
    size_t i = 1;
    for (; i < std::size(rates); ++i) {
        const quint64 mult = scale * rates[i].seconds;
        if (period > mult || mult / period < mult % period)
            break;
    }
    *quantum = quint32(rates[i - 1].seconds * 1000);
    return QStringLiteral("%1/%2")
        .arg(scale * rates[i - 1].seconds / period)
        .arg(QLatin1String(rates[i - 1].name));
}

/// libxt_hashlimit's print_bytes: the byte rate and, for a burst, its size.
QString bytesText(quint64 avg, quint64 burst, QString *burstText, quint32 *quantum)
{
    const struct
    {
        const char *name;
        quint64 thresh;
    } units[] = {{"m", 1024 * 1024}, {"k", 1024}, {"", 1}};
    quint64 r = costToBytes(avg);
    size_t i = 0;
    for (; i < std::size(units) - 1; ++i)
        if (r >= units[i].thresh && bytesToCost(r & ~(units[i].thresh - 1)) == avg)
            break;
    const QString rate =
        QStringLiteral("%1%2b/s").arg(r / units[i].thresh).arg(QLatin1String(units[i].name));
    if (burst == 0) {
        *quantum = kByteExpire * 1000;
        return rate;
    }
    r *= burst;
    for (i = 0; i < std::size(units) - 1; ++i)
        if (r >= units[i].thresh)
            break;
    *burstText = QStringLiteral("%1%2b").arg(r / units[i].thresh).arg(QLatin1String(units[i].name));
    *quantum = kByteExpireBurst * 1000;
    return rate;
}

/// hashlimit_mt_save: the options iptables-save prints for a configuration.
QVector<RuleOption> saveOptions(const Config &c, Family family, int revision)
{
    const struct hashlimit_cfg3 &cfg = c.cfg;
    const quint32 full = quint32(addressLength(family) * 8);
    QVector<RuleOption> out;
    quint32 quantum = 0;
    QString burstText;
    const bool bytes = cfg.mode & XT_HASHLIMIT_BYTES;
    const QString rate = bytes ? bytesText(cfg.avg, cfg.burst, &burstText, &quantum)
                               : rateText(cfg.avg, revision, &quantum);
    out.append({cfg.mode & XT_HASHLIMIT_INVERT ? QStringLiteral("--hashlimit-above")
                                               : QStringLiteral("--hashlimit-upto"),
                false,
                {rate}});
    if (!bytes)
        out.append({QStringLiteral("--hashlimit-burst"), false, {QString::number(cfg.burst)}});
    else if (!burstText.isEmpty())
        out.append({QStringLiteral("--hashlimit-burst"), false, {burstText}});
    if (cfg.mode & kModeHash) {
        QStringList modes;
        for (const NamedValue &m : kModes)
            if (cfg.mode & m.value)
                modes << QLatin1String(m.name);
        out.append({QStringLiteral("--hashlimit-mode"), false, {modes.join(QLatin1Char(','))}});
    }
    out.append({QStringLiteral("--hashlimit-name"), false, {c.name}});
    const auto number = [&out](const char *name, quint64 value) {
        out.append({QLatin1String(name), false, {QString::number(value)}});
    };
    if (cfg.size != 0)
        number("--hashlimit-htable-size", cfg.size);
    if (cfg.max != 0)
        number("--hashlimit-htable-max", cfg.max);
    if (cfg.gc_interval != kGcInterval)
        number("--hashlimit-htable-gcinterval", cfg.gc_interval);
    if (cfg.expire != quantum)
        number("--hashlimit-htable-expire", cfg.expire);
    if (cfg.srcmask != full)
        number("--hashlimit-srcmask", cfg.srcmask);
    if (cfg.dstmask != full)
        number("--hashlimit-dstmask", cfg.dstmask);
    if (revision == 3 && (cfg.mode & XT_HASHLIMIT_RATE_MATCH)) {
        out.append({QStringLiteral("--hashlimit-rate-match"), false, {}});
        if (cfg.interval != 1)
            number("--hashlimit-rate-interval", cfg.interval);
    }
    return out;
}

/// parse_rate for revisions 2 and 3: "N[/unit]", any prefix of second, minute, hour, day.
bool parseRate(const QString &text, quint64 *avg, quint32 *mult)
{
    static const QRegularExpression re(QStringLiteral("^([0-9]{1,19})(?:/([A-Za-z]*))?$"));
    const auto m = re.match(text);
    if (!m.hasMatch())
        return false;
    *mult = 1;
    if (m.lastCapturedIndex() >= 2) {
        const QString unit = m.captured(2).toLower();
        if (unit.isEmpty())
            return false;
        if (QStringLiteral("second").startsWith(unit))
            *mult = 1;
        else if (QStringLiteral("minute").startsWith(unit))
            *mult = 60;
        else if (QStringLiteral("hour").startsWith(unit))
            *mult = 60 * 60;
        else if (QStringLiteral("day").startsWith(unit))
            *mult = 24 * 60 * 60;
        else
            return false;
    }
    const quint64 r = m.captured(1).toULongLong();
    if (r == 0)
        return false;
    *avg = XT_HASHLIMIT_SCALE_v2 * *mult / r;
    return *avg != 0;
}

/// parse_bytes: "N[k|m]b/s".
bool parseBytes(const QString &text, quint64 *avg)
{
    static const QRegularExpression re(QStringLiteral("^([0-9]{1,19})([km]?)b/s$"));
    const auto m = re.match(text);
    if (!m.hasMatch())
        return false;
    const quint64 r = m.captured(1).toULongLong();
    const quint64 bytes = r * unitFactor(m.captured(2).isEmpty() ? QChar() : m.captured(2)[0]);
    if (r == 0 || bytes / unitFactor(m.captured(2).isEmpty() ? QChar() : m.captured(2)[0]) != r)
        return false;
    *avg = bytesToCost(bytes);
    return *avg != 0;
}

/**
 * hashlimit_mt_check_common refuses a rate whose average times the burst, in the kernel's
 * credits, overflows 64 bits. The credits per jiffy depend on the kernel's HZ; 164926744 is
 * the largest factor of the usual HZ (100, 250, 300, 1000), so what passes here passes there.
 */
bool creditsOverflow(quint64 avg, quint64 burst)
{
    constexpr quint64 kCreditsFactor = 164926744;
    quint64 product = 0;
    return __builtin_mul_overflow(avg, burst, &product) ||
           __builtin_mul_overflow(product, kCreditsFactor, &product);
}

/// Reads options (as the user gave them, or canonical) into a configuration, with the checks
/// of iptables (hashlimit_mt_check) and of the kernel (hashlimit_mt_check_common).
bool configOf(const QVector<RuleOption> &opts, Family family, Config *out, QString *error)
{
    struct hashlimit_cfg3 &cfg = out->cfg;
    std::memset(&cfg, 0, sizeof(cfg));
    const quint8 full = quint8(addressLength(family) * 8);
    cfg.burst = kDefaultBurst; // hashlimit_mt4_init / hashlimit_mt6_init
    cfg.gc_interval = kGcInterval;
    cfg.srcmask = cfg.dstmask = full;
    quint32 mult = 1;
    bool haveRate = false, haveBurst = false, haveExpire = false, rateMatch = false;
    QString burstArg;
    for (const RuleOption &o : opts) {
        const QString arg = o.args.value(0);
        const auto u32 = [&](quint32 *field) {
            const auto v = parseAnyBase(arg, 0xffffffffu);
            if (v)
                *field = quint32(*v);
            return bool(v);
        };
        if (o.name == QLatin1String("--hashlimit-upto") ||
            o.name == QLatin1String("--hashlimit-above")) {
            if (haveRate) {
                *error = tr("\"--hashlimit-upto\" and \"--hashlimit-above\" exclude each other");
                return false;
            }
            haveRate = true;
            // "! --hashlimit-upto" is "--hashlimit-above" and the other way round.
            if ((o.name == QLatin1String("--hashlimit-above")) != o.negated)
                cfg.mode |= XT_HASHLIMIT_INVERT;
            if (parseBytes(arg, &cfg.avg)) {
                cfg.mode |= XT_HASHLIMIT_BYTES;
                mult = kByteExpire;
            } else if (!parseRate(arg, &cfg.avg, &mult)) {
                *error = tr("\"%1\" is not a rate (e.g. 30/sec, 100/minute, 512kb/s)").arg(arg);
                return false;
            }
        } else if (o.name == QLatin1String("--hashlimit-burst")) {
            haveBurst = true;
            burstArg = arg;
        } else if (o.name == QLatin1String("--hashlimit-mode")) {
            for (const QString &token :
                 arg.split(QRegularExpression(QStringLiteral("[,|]")), Qt::SkipEmptyParts)) {
                const auto it =
                    std::find_if(std::begin(kModes), std::end(kModes), [&](const NamedValue &m) {
                        return token == QLatin1String(m.name);
                    });
                if (it == std::end(kModes)) {
                    *error = tr("unknown hashlimit mode \"%1\" (srcip, srcport, dstip, dstport)")
                                 .arg(token);
                    return false;
                }
                cfg.mode |= it->value;
            }
        } else if (o.name == QLatin1String("--hashlimit-name")) {
            out->name = arg;
        } else if (o.name == QLatin1String("--hashlimit-htable-size")) {
            u32(&cfg.size);
        } else if (o.name == QLatin1String("--hashlimit-htable-max")) {
            u32(&cfg.max);
        } else if (o.name == QLatin1String("--hashlimit-htable-gcinterval")) {
            u32(&cfg.gc_interval);
        } else if (o.name == QLatin1String("--hashlimit-htable-expire")) {
            haveExpire = u32(&cfg.expire);
        } else if (o.name == QLatin1String("--hashlimit-srcmask") ||
                   o.name == QLatin1String("--hashlimit-dstmask")) {
            const auto bits = parseNumber(arg, full);
            if (!bits)
                return badValue(QStringLiteral("hashlimit"), o, error);
            (o.name == QLatin1String("--hashlimit-srcmask") ? cfg.srcmask : cfg.dstmask) =
                quint8(*bits);
        } else if (o.name == QLatin1String("--hashlimit-rate-match")) {
            rateMatch = true;
        } else if (o.name == QLatin1String("--hashlimit-rate-interval")) {
            if (!u32(&cfg.interval) || cfg.interval == 0) {
                *error = tr("\"%1\" is not an interval in seconds").arg(arg);
                return false;
            }
        } else {
            return badOption(QStringLiteral("hashlimit"), o, error);
        }
    }
    if (!haveRate) {
        *error = tr("\"-m hashlimit\" needs \"--hashlimit-upto\" or \"--hashlimit-above\"");
        return false;
    }
    if (out->name.isEmpty()) {
        *error = tr("\"-m hashlimit\" needs \"--hashlimit-name\"");
        return false;
    }
    if (haveBurst) {
        // parse_burst: a number, for byte rates with a k or m (and b) after it.
        static const QRegularExpression re(QStringLiteral("^([0-9]{1,19})([km]?)b?$"));
        const auto m = re.match(burstArg);
        const quint64 n = m.hasMatch() ? m.captured(1).toULongLong() : 0;
        const quint64 factor = unitFactor(m.captured(2).isEmpty() ? QChar() : m.captured(2)[0]);
        if (n == 0 || (m.captured(2).isEmpty() && n > kBurstMax) || n > UINT64_MAX / factor) {
            *error = tr("\"%1\" is not a burst (1 to %2)").arg(burstArg).arg(kBurstMax);
            return false;
        }
        cfg.burst = n * factor;
    }
    if (!haveExpire)
        cfg.expire = mult * 1000;
    if (cfg.mode & XT_HASHLIMIT_BYTES) {
        quint64 burst = 0;
        if (haveBurst) {
            const quint64 unit = costToBytes(cfg.avg);
            if (cfg.burst < unit) {
                *error = tr("the burst cannot be smaller than %1b").arg(unit);
                return false;
            }
            burst = cfg.burst / unit + (cfg.burst % unit ? 1 : 0);
            if (!haveExpire)
                cfg.expire = kByteExpireBurst * 1000;
        }
        cfg.burst = burst;
    } else if (cfg.burst > kBurstMax) {
        *error = tr("\"%1\" is not a burst (1 to %2)").arg(burstArg).arg(kBurstMax);
        return false;
    }
    if (rateMatch) {
        cfg.mode |= XT_HASHLIMIT_RATE_MATCH;
        if (!(cfg.mode & XT_HASHLIMIT_BYTES))
            cfg.avg /= mult;
        if (cfg.interval == 0)
            cfg.interval = cfg.mode & XT_HASHLIMIT_BYTES ? 1 : mult;
    }
    // What the kernel refuses, or changes behind the rule's back (sizes it truncates).
    if (cfg.gc_interval == 0 || cfg.expire == 0) {
        *error = tr("hashlimit's garbage collection interval and expiry must not be 0");
        return false;
    }
    if (cfg.size > kMaxTableSize || cfg.max > kMaxTableSize) {
        *error = tr("hashlimit's table size and maximum are at most %1").arg(kMaxTableSize);
        return false;
    }
    if (!(cfg.mode & (XT_HASHLIMIT_BYTES | XT_HASHLIMIT_RATE_MATCH)) &&
        creditsOverflow(cfg.avg, cfg.burst)) {
        *error = tr("the rate is too slow for a burst of %1 (the kernel's credits would "
                    "overflow): give a faster rate or a smaller burst")
                     .arg(cfg.burst);
        return false;
    }
    if ((cfg.mode & XT_HASHLIMIT_RATE_MATCH) && (cfg.avg == 0 || cfg.avg > 0xffffffffULL)) {
        *error = tr("the rate is out of range for \"--hashlimit-rate-match\"");
        return false;
    }
    return true;
}

/// The kernel makes /proc/net/ipt_hashlimit/NAME of the name, and iptables-save prints it
/// unquoted: it must make one file name and one word.
bool checkName(const QString &name, QString *error)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9_.:+@%=-]+$"));
    if (name.toUtf8().size() >= kNameField || !re.match(name).hasMatch() ||
        name == QLatin1String(".") || name == QLatin1String("..")) {
        *error =
            tr("\"%1\" is not a hashlimit name (1 to 254 letters, digits and _.:+@%=-)").arg(name);
        return false;
    }
    return true;
}

Canon text()
{
    return single([](const QString &arg, const ParseContext &, QString *) {
        return std::optional<QString>(arg);
    });
}

} // namespace

ExtensionSpec hashlimitSpec()
{
    ExtensionSpec s;
    s.name = QStringLiteral("hashlimit");
    const Canon count = number(0, 0xffffffffu, tr("a number"));
    s.options = {
        {QStringLiteral("--hashlimit-upto"), {QStringLiteral("--hashlimit")}, 1, true, text()},
        {QStringLiteral("--hashlimit-above"), {}, 1, true, text()},
        {QStringLiteral("--hashlimit-burst"), {}, 1, false, text()},
        {QStringLiteral("--hashlimit-mode"), {}, 1, false, text()},
        {QStringLiteral("--hashlimit-name"),
         {},
         1,
         false,
         single([](const QString &arg, const ParseContext &,
                   QString *error) -> std::optional<QString> {
             if (!checkName(arg, error))
                 return std::nullopt;
             return arg;
         })},
        {QStringLiteral("--hashlimit-htable-size"), {}, 1, false, count},
        {QStringLiteral("--hashlimit-htable-max"), {}, 1, false, count},
        {QStringLiteral("--hashlimit-htable-gcinterval"), {}, 1, false, count},
        {QStringLiteral("--hashlimit-htable-expire"), {}, 1, false, count},
        {QStringLiteral("--hashlimit-srcmask"), {}, 1, false, prefixLength()},
        {QStringLiteral("--hashlimit-dstmask"), {}, 1, false, prefixLength()},
        {QStringLiteral("--hashlimit-rate-match"), {}, 0, false, noArgs()},
        {QStringLiteral("--hashlimit-rate-interval"), {}, 1, false, count},
    };
    s.finish = [](QVector<RuleOption> &opts, const ParseContext &ctx, QString *error) {
        Config c;
        if (!configOf(opts, ctx.family, &c, error))
            return false;
        opts = saveOptions(c, ctx.family, 3);
        return true;
    };
    s.encode = [](const QVector<RuleOption> &opts, const KernelContext &ctx, KernelExtension *out,
                  QString *error) {
        Config c;
        if (!configOf(opts, ctx.family, &c, error) || !checkName(c.name, error))
            return false;
        const int revision = ctx.pickRevision("hashlimit", false, {3, 2});
        if (revision < 0 || (revision == 2 && (c.cfg.mode & XT_HASHLIMIT_RATE_MATCH)))
            return fail(QStringLiteral("the kernel has no hashlimit revision 3"), error);
        if (revision == 3) {
            struct xt_hashlimit_mtinfo3 info;
            std::memset(&info, 0, sizeof(info));
            fillField(c.name, info.name, sizeof(info.name));
            info.cfg = c.cfg;
            *out = blobOf("hashlimit", 3, info);
            return true;
        }
        struct xt_hashlimit_mtinfo2 info;
        std::memset(&info, 0, sizeof(info));
        fillField(c.name, info.name, sizeof(info.name));
        info.cfg.avg = c.cfg.avg;
        info.cfg.burst = c.cfg.burst;
        info.cfg.mode = c.cfg.mode;
        info.cfg.size = c.cfg.size;
        info.cfg.max = c.cfg.max;
        info.cfg.gc_interval = c.cfg.gc_interval;
        info.cfg.expire = c.cfg.expire;
        info.cfg.srcmask = c.cfg.srcmask;
        info.cfg.dstmask = c.cfg.dstmask;
        *out = blobOf("hashlimit", 2, info);
        return true;
    };
    s.decode = [](const KernelExtension &in, const KernelContext &ctx, ShownExtension *out) {
        Config c;
        std::memset(&c.cfg, 0, sizeof(c.cfg));
        const char *name = nullptr;
        size_t nameSize = 0;
        struct xt_hashlimit_mtinfo3 v3;
        struct xt_hashlimit_mtinfo2 v2;
        struct xt_hashlimit_mtinfo1 v1;
        if (in.revision == 3 && dataAs(in, &v3)) {
            c.cfg = v3.cfg;
            name = v3.name;
            nameSize = sizeof(v3.name);
        } else if (in.revision == 2 && dataAs(in, &v2)) {
            std::memcpy(&c.cfg, &v2.cfg, offsetof(struct hashlimit_cfg2, expire) + 4);
            c.cfg.srcmask = v2.cfg.srcmask;
            c.cfg.dstmask = v2.cfg.dstmask;
            name = v2.name;
            nameSize = sizeof(v2.name);
        } else if (in.revision == 1 && dataAs(in, &v1)) {
            c.cfg.mode = v1.cfg.mode;
            c.cfg.avg = v1.cfg.avg;
            c.cfg.burst = v1.cfg.burst;
            c.cfg.size = v1.cfg.size;
            c.cfg.max = v1.cfg.max;
            c.cfg.gc_interval = v1.cfg.gc_interval;
            c.cfg.expire = v1.cfg.expire;
            c.cfg.srcmask = v1.cfg.srcmask;
            c.cfg.dstmask = v1.cfg.dstmask;
            name = v1.name;
            nameSize = sizeof(v1.name);
        } else {
            return false;
        }
        if (strnlen(name, nameSize) == nameSize)
            return false; // unterminated
        c.name = fieldText(name, nameSize);
        SaveText t;
        for (const RuleOption &o : saveOptions(c, ctx.family, in.revision))
            t.add(o.args.isEmpty() ? o.name : o.name + QLatin1Char(' ') + o.args.first());
        out->options = t.text();
        return true;
    };
    return s;
}

} // namespace Xt
} // namespace Userchain

// time: libxt_time.c. As for hashlimit, options are read into the kernel's struct and the
// canonical text is what iptables-save prints of it (including its quirk of always printing
// the default end date, 2038-01-19T03:14:07).
#include "xtspecs.h"
#include "xtsupport.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QRegularExpression>
#include <QTimeZone>

#include <climits>

#include <linux/netfilter/xt_time.h>

namespace Userchain {
namespace Xt {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Userchain::Extensions", text);
}

const char *const kWeekDays[] = {nullptr, "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

/// time_parse_date: YYYY[-MM[-DD[Thh[:mm[:ss]]]]] in UTC, 1970 to 2038.
std::optional<quint32> parseDate(const QString &text)
{
    static const QRegularExpression re(QStringLiteral(
        "^([0-9]{4})(?:-([0-9]{1,2})(?:-([0-9]{1,2})(?:T([0-9]{1,2})(?::([0-9]{1,2})(?::([0-9]{"
        "1,2}))?)?)?)?)?$"));
    const auto m = re.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    const auto part = [&](int i, int fallback) {
        return m.captured(i).isEmpty() ? fallback : m.captured(i).toInt();
    };
    const int year = part(1, 0), month = part(2, 1), day = part(3, 1);
    const int hour = part(4, 0), minute = part(5, 0), second = part(6, 0);
    if (year < 1970 || year > 2038 || month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 ||
        minute > 59 || second > 59)
        return std::nullopt;
    const QDate date(year, month, day);
    if (!date.isValid())
        return std::nullopt;
    const qint64 secs =
        QDateTime(date, QTime(hour, minute, second), QTimeZone::utc()).toSecsSinceEpoch();
    if (secs < 0 || secs > qint64(UINT_MAX))
        return std::nullopt;
    return quint32(secs);
}

QString dateText(quint32 secs)
{
    return QDateTime::fromSecsSinceEpoch(qint64(secs), QTimeZone::utc())
        .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"));
}

/// time_parse_minutes: hh:mm[:ss] as seconds of the day.
std::optional<quint32> parseDaytime(const QString &text)
{
    static const QRegularExpression re(
        QStringLiteral("^([0-9]{1,2}):([0-9]{1,2})(?::([0-9]{1,2}))?$"));
    const auto m = re.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    const int h = m.captured(1).toInt(), min = m.captured(2).toInt(),
              s = m.captured(3).isEmpty() ? 0 : m.captured(3).toInt();
    if (h > 23 || min > 59 || s > 59)
        return std::nullopt;
    return quint32(h * 3600 + min * 60 + s);
}

QString daytimeText(quint32 secs)
{
    return QStringLiteral("%1:%2:%3")
        .arg(secs / 3600, 2, 10, QLatin1Char('0'))
        .arg(secs / 60 % 60, 2, 10, QLatin1Char('0'))
        .arg(secs % 60, 2, 10, QLatin1Char('0'));
}

/// time_parse_weekdays: numbers 1 (Monday) to 7, or names told by their first two letters.
std::optional<quint8> parseWeekdays(const QString &text)
{
    quint8 mask = 0;
    for (const QString &day : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const uint n = day.toUInt(&ok);
        if (ok) {
            if (n < 1 || n > 7)
                return std::nullopt;
            mask |= quint8(1 << n);
            continue;
        }
        bool found = false;
        for (int i = 1; i <= 7; ++i) {
            if (day.size() >= 2 && day.left(2) == QLatin1String(kWeekDays[i]).left(2)) {
                mask |= quint8(1 << i);
                found = true;
            }
        }
        if (!found)
            return std::nullopt;
    }
    return mask;
}

std::optional<quint32> parseMonthdays(const QString &text)
{
    quint32 mask = 0;
    for (const QString &day : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const auto n = parseNumber(day, 31);
        if (!n || *n == 0 || day.startsWith(QLatin1Char('0')))
            return std::nullopt;
        mask |= 1u << *n;
    }
    return mask;
}

/// The struct the options stand for; false with error set.
bool infoOf(const QVector<RuleOption> &opts, struct xt_time_info *info, QString *error)
{
    std::memset(info, 0, sizeof(*info));
    info->monthdays_match = XT_TIME_ALL_MONTHDAYS; // time_init
    info->weekdays_match = XT_TIME_ALL_WEEKDAYS;
    info->daytime_start = XT_TIME_MIN_DAYTIME;
    info->daytime_stop = XT_TIME_MAX_DAYTIME;
    info->date_start = 0;
    info->date_stop = INT_MAX;
    bool utc = false, local = false;
    for (const RuleOption &o : opts) {
        const QString arg = o.args.value(0);
        if (o.name == QLatin1String("--datestart") || o.name == QLatin1String("--datestop")) {
            const auto date = parseDate(arg);
            if (!date) {
                *error = tr("invalid date \"%1\" (YYYY[-MM[-DD[Thh[:mm[:ss]]]]], 1970 to 2038)")
                             .arg(arg);
                return false;
            }
            (o.name == QLatin1String("--datestart") ? info->date_start : info->date_stop) = *date;
        } else if (o.name == QLatin1String("--timestart") ||
                   o.name == QLatin1String("--timestop")) {
            const auto secs = parseDaytime(arg);
            if (!secs) {
                *error = tr("invalid time \"%1\" (hh:mm[:ss])").arg(arg);
                return false;
            }
            (o.name == QLatin1String("--timestart") ? info->daytime_start : info->daytime_stop) =
                *secs;
        } else if (o.name == QLatin1String("--weekdays")) {
            const auto days = parseWeekdays(arg);
            if (!days) {
                *error =
                    tr("invalid weekdays \"%1\" (Mon,Tue,Wed,Thu,Fri,Sat,Sun or 1 to 7)").arg(arg);
                return false;
            }
            info->weekdays_match = o.negated ? quint8(*days ^ XT_TIME_ALL_WEEKDAYS) : *days;
        } else if (o.name == QLatin1String("--monthdays")) {
            const auto days = parseMonthdays(arg);
            if (!days) {
                *error = tr("invalid days of the month \"%1\" (1 to 31)").arg(arg);
                return false;
            }
            info->monthdays_match = o.negated ? *days ^ XT_TIME_ALL_MONTHDAYS : *days;
        } else if (o.name == QLatin1String("--kerneltz") || o.name == QLatin1String("--localtz")) {
            local = true;
            info->flags |= XT_TIME_LOCAL_TZ;
        } else if (o.name == QLatin1String("--utc")) {
            utc = true;
        } else if (o.name == QLatin1String("--contiguous")) {
            info->flags |= XT_TIME_CONTIGUOUS;
        } else {
            return badOption(QStringLiteral("time"), o, error);
        }
    }
    if (utc && local) {
        *error = tr("\"--utc\" and \"--kerneltz\" exclude each other");
        return false;
    }
    if ((info->flags & XT_TIME_CONTIGUOUS) && info->daytime_start < info->daytime_stop) {
        *error = tr("\"--contiguous\" needs a stop time before the start time");
        return false;
    }
    return true;
}

/// time_save.
QVector<RuleOption> saveOptions(const struct xt_time_info &info)
{
    QVector<RuleOption> out;
    if (info.daytime_start != XT_TIME_MIN_DAYTIME || info.daytime_stop != XT_TIME_MAX_DAYTIME) {
        out.append({QStringLiteral("--timestart"), false, {daytimeText(info.daytime_start)}});
        out.append({QStringLiteral("--timestop"), false, {daytimeText(info.daytime_stop)}});
    }
    if (info.monthdays_match != XT_TIME_ALL_MONTHDAYS) {
        QStringList days;
        for (int i = 1; i <= 31; ++i)
            if (info.monthdays_match & (1u << i))
                days << QString::number(i);
        out.append({QStringLiteral("--monthdays"), false, {days.join(QLatin1Char(','))}});
    }
    if (info.weekdays_match != XT_TIME_ALL_WEEKDAYS) {
        QStringList days;
        for (int i = 1; i <= 7; ++i)
            if (info.weekdays_match & (1 << i))
                days << QLatin1String(kWeekDays[i]);
        out.append({QStringLiteral("--weekdays"), false, {days.join(QLatin1Char(','))}});
    }
    // time_print_date leaves out 0 and LONG_MAX; the default end, INT_MAX, is printed.
    if (info.date_start != 0)
        out.append({QStringLiteral("--datestart"), false, {dateText(info.date_start)}});
    if (info.date_stop != 0)
        out.append({QStringLiteral("--datestop"), false, {dateText(info.date_stop)}});
    if (info.flags & XT_TIME_LOCAL_TZ)
        out.append({QStringLiteral("--kerneltz"), false, {}});
    if (info.flags & XT_TIME_CONTIGUOUS)
        out.append({QStringLiteral("--contiguous"), false, {}});
    return out;
}

Canon text()
{
    return single([](const QString &arg, const ParseContext &, QString *) {
        return std::optional<QString>(arg);
    });
}

} // namespace

ExtensionSpec timeSpec()
{
    ExtensionSpec s;
    s.name = QStringLiteral("time");
    s.options = {
        {QStringLiteral("--timestart"), {}, 1, false, text()},
        {QStringLiteral("--timestop"), {}, 1, false, text()},
        {QStringLiteral("--monthdays"), {}, 1, true, text()},
        {QStringLiteral("--weekdays"), {}, 1, true, text()},
        {QStringLiteral("--datestart"), {}, 1, false, text()},
        {QStringLiteral("--datestop"), {}, 1, false, text()},
        {QStringLiteral("--kerneltz"), {}, 0, false, noArgs()},
        {QStringLiteral("--localtz"), {}, 0, false, noArgs()},
        {QStringLiteral("--utc"), {}, 0, false, noArgs()},
        {QStringLiteral("--contiguous"), {}, 0, false, noArgs()},
    };
    s.finish = [](QVector<RuleOption> &opts, const ParseContext &, QString *error) {
        struct xt_time_info info;
        if (!infoOf(opts, &info, error))
            return false;
        opts = saveOptions(info);
        return true;
    };
    s.encode = [](const QVector<RuleOption> &opts, const KernelContext &, KernelExtension *out,
                  QString *error) {
        struct xt_time_info info;
        if (!infoOf(opts, &info, error))
            return false;
        *out = blobOf("time", 0, info);
        return true;
    };
    s.decode = [](const KernelExtension &in, const KernelContext &, ShownExtension *out) {
        struct xt_time_info info;
        if (in.revision != 0 || !dataAs(in, &info) || info.flags & ~XT_TIME_ALL_FLAGS)
            return false;
        SaveText t;
        for (const RuleOption &o : saveOptions(info))
            t.add(o.args.isEmpty() ? o.name : o.name + QLatin1Char(' ') + o.args.first());
        out->options = t.text();
        return true;
    };
    return s;
}

} // namespace Xt
} // namespace Userchain

#include "xtsupport.h"

#include <QCoreApplication>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

namespace Userchain {
namespace Xt {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Userchain::Extensions", text);
}

} // namespace

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

Canon nameSet(const NameTable &table, const QString &what)
{
    return single([table, what](const QString &arg, const ParseContext &,
                                QString *error) -> std::optional<QString> {
        if (arg.isEmpty()) {
            *error = tr("an empty list of %1").arg(what);
            return std::nullopt;
        }
        for (const QStringView item : QStringView(arg).split(QLatin1Char(','))) {
            if (!table.valueOf(item, Qt::CaseInsensitive)) {
                *error = tr("unknown %1 \"%2\" (one of %3)")
                             .arg(what, item.toString(), table.names().join(QLatin1Char(',')));
                return std::nullopt;
            }
        }
        return table.namesOf(*table.maskOf(arg, Qt::CaseInsensitive));
    });
}

Canon number(quint64 min, quint64 max, const QString &what)
{
    return single([min, max, what](const QString &arg, const ParseContext &,
                                   QString *error) -> std::optional<QString> {
        const auto v = parseAnyBase(arg, max);
        if (!v || *v < min) {
            *error = tr("\"%1\" is not %2 (%3 to %4)").arg(arg, what).arg(min).arg(max);
            return std::nullopt;
        }
        return QString::number(*v);
    });
}

Canon prefixLength()
{
    return single([](const QString &arg, const ParseContext &ctx,
                     QString *error) -> std::optional<QString> {
        const int max = int(addressLength(ctx.family)) * 8;
        if (const auto bits = parseAnyBase(arg, quint64(max)))
            return QString::number(*bits);
        quint8 mask[16] = {};
        const int bits = textToIp(arg, ctx.family, mask) ? maskToCidr(mask, ctx.family) : -1;
        if (bits < 0) {
            *error =
                tr("\"%1\" is not a prefix length (0 to %2) or a network mask").arg(arg).arg(max);
            return std::nullopt;
        }
        return QString::number(bits);
    });
}

void prefixMask(int bits, void *mask16)
{
    quint32 words[4];
    for (int i = 0; i < 4; ++i) {
        const int inWord = qBound(0, bits - 32 * i, 32);
        words[i] = htonl(inWord == 0 ? 0u : 0xffffffffu << (32 - inWord));
    }
    std::memcpy(mask16, words, sizeof(words));
}

bool hasControlCharacter(const QString &text)
{
    // ESC and CSI (C1) start terminal escapes, CR rewrites a line; comments and log prefixes
    // are printed by iptables-save and in the kernel log to other administrators' terminals.
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if ((u < 0x20 && u != u'\t') || (u >= 0x7f && u < 0xa0))
            return true;
    }
    return false;
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

bool hasOption(const QVector<RuleOption> &opts, const QString &name)
{
    return findOption(opts, name) != nullptr;
}

const RuleOption *findOption(const QVector<RuleOption> &opts, const QString &name)
{
    for (const RuleOption &o : opts)
        if (o.name == name)
            return &o;
    return nullptr;
}

void dropDefault(QVector<RuleOption> &opts, const QString &name, const QString &value)
{
    opts.erase(std::remove_if(opts.begin(), opts.end(),
                              [&](const RuleOption &o) {
                                  return o.name == name && !o.negated && o.args.value(0) == value;
                              }),
               opts.end());
}

std::optional<quint64> parseNumber(QStringView text, quint64 max)
{
    if (text.isEmpty() || text.size() > 20)
        return std::nullopt;
    for (const QChar c : text)
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return std::nullopt;
    bool ok = false;
    const quint64 v = text.toULongLong(&ok);
    if (!ok || v > max)
        return std::nullopt;
    return v;
}

std::optional<quint64> parseAnyBase(QStringView text, quint64 max)
{
    int base = 10;
    QStringView digits = text;
    if (digits.startsWith(QLatin1String("0x")) || digits.startsWith(QLatin1String("0X"))) {
        base = 16;
        digits = digits.mid(2);
    } else if (digits.size() > 1 && digits.startsWith(QLatin1Char('0'))) {
        base = 8;
        digits = digits.mid(1);
    }
    if (digits.isEmpty() || digits.size() > 22)
        return std::nullopt;
    for (const QChar c : digits) {
        const bool ok = base == 16  ? std::isxdigit(c.toLatin1()) != 0
                        : base == 8 ? c >= QLatin1Char('0') && c <= QLatin1Char('7')
                                    : c.isDigit() && c.unicode() < 0x80;
        if (!ok)
            return std::nullopt;
    }
    bool ok = false;
    const quint64 v = digits.toULongLong(&ok, base);
    if (!ok || v > max)
        return std::nullopt;
    return v;
}

bool parsePortRange(const QString &text, quint16 *lo, quint16 *hi)
{
    const int colon = text.indexOf(QLatin1Char(':'));
    if (colon < 0) {
        const auto v = parseNumber(text, 65535);
        if (!v)
            return false;
        *lo = *hi = quint16(*v);
        return true;
    }
    const QStringView a = QStringView(text).left(colon);
    const QStringView b = QStringView(text).mid(colon + 1);
    const auto va = a.isEmpty() ? std::optional<quint64>(0) : parseNumber(a, 65535);
    const auto vb = b.isEmpty() ? std::optional<quint64>(65535) : parseNumber(b, 65535);
    if (!va || !vb || *va > *vb)
        return false;
    *lo = quint16(*va);
    *hi = quint16(*vb);
    return true;
}

int addressFamily(Family f)
{
    return f == Family::IPv4 ? AF_INET : AF_INET6;
}

size_t addressLength(Family f)
{
    return f == Family::IPv4 ? 4 : 16;
}

QString ipToText(const void *addr, Family f)
{
    char buf[INET6_ADDRSTRLEN] = {};
    if (!inet_ntop(addressFamily(f), addr, buf, sizeof(buf)))
        return QString();
    return QString::fromLatin1(buf);
}

bool textToIp(QStringView text, Family f, void *out)
{
    if (text.isEmpty() || text.size() > INET6_ADDRSTRLEN)
        return false;
    // As toLatin1() would give it, without allocating (every rule has addresses): a character
    // beyond Latin-1 becomes '?', which inet_pton refuses.
    char latin[INET6_ADDRSTRLEN + 1];
    for (qsizetype i = 0; i < text.size(); ++i)
        latin[i] = text[i].unicode() > 0xff ? '?' : char(text[i].unicode());
    latin[text.size()] = '\0';
    quint8 buf[16] = {};
    if (inet_pton(addressFamily(f), latin, buf) != 1)
        return false;
    std::memcpy(out, buf, addressLength(f));
    return true;
}

int maskToCidr(const quint8 *mask, Family f)
{
    const size_t n = addressLength(f);
    int bits = 0;
    size_t i = 0;
    for (; i < n && mask[i] == 0xff; ++i)
        bits += 8;
    if (i < n) {
        quint8 b = mask[i];
        while (b & 0x80) {
            ++bits;
            b = quint8(b << 1);
        }
        if (b)
            return -1;
        for (++i; i < n; ++i)
            if (mask[i])
                return -1;
    }
    return bits;
}

void cidrToMask(int bits, quint8 *mask, size_t n)
{
    std::memset(mask, 0, n);
    for (size_t i = 0; i < n && bits > 0; ++i, bits -= 8)
        mask[i] = bits >= 8 ? 0xff : quint8(0xff << (8 - bits));
}

QString maskSuffix(const quint8 *mask, Family f)
{
    const int cidr = maskToCidr(mask, f);
    if (cidr < 0)
        return QLatin1Char('/') + ipToText(mask, f);
    if (cidr == int(addressLength(f)) * 8)
        return QString();
    return QStringLiteral("/%1").arg(cidr);
}

bool parseNetwork(const QString &text, Family f, quint8 *addr, quint8 *mask, bool applyMask)
{
    const size_t n = addressLength(f);
    const qsizetype slash = text.indexOf(QLatin1Char('/'));
    const QStringView host = slash < 0 ? QStringView(text) : QStringView(text).left(slash);
    if (!textToIp(host, f, addr))
        return false;
    if (slash < 0) {
        std::memset(mask, 0xff, n);
    } else {
        const QStringView m = QStringView(text).mid(slash + 1);
        if (const auto bits = parseNumber(m, n * 8)) {
            cidrToMask(int(*bits), mask, n);
        } else if (!textToIp(m, f, mask)) {
            return false;
        }
    }
    if (applyMask)
        for (size_t i = 0; i < n; ++i)
            addr[i] &= mask[i];
    return true;
}

QString fieldText(const char *field, size_t size)
{
    return QString::fromUtf8(field, int(strnlen(field, size - 1)));
}

bool fillField(const QString &text, char *field, size_t size)
{
    const QByteArray bytes = text.toUtf8();
    if (size_t(bytes.size()) >= size || bytes.contains('\0'))
        return false;
    std::memset(field, 0, size);
    std::memcpy(field, bytes.constData(), size_t(bytes.size()));
    return true;
}

void SaveText::add(const QString &piece)
{
    if (!m_text.isEmpty())
        m_text += QLatin1Char(' ');
    m_text += piece;
}

void SaveText::option(bool negated, const QString &text)
{
    add(negated ? QLatin1String("! ") + text : text);
}

bool fail(const QString &message, QString *error)
{
    if (error)
        *error = message;
    return false;
}

bool badOption(const QString &ext, const RuleOption &o, QString *error)
{
    return fail(QStringLiteral("option \"%1\" of \"%2\" cannot be encoded").arg(o.name, ext),
                error);
}

bool badValue(const QString &ext, const RuleOption &o, QString *error)
{
    return fail(QStringLiteral("value \"%1\" of \"%2\" (%3) cannot be encoded")
                    .arg(o.args.join(QLatin1Char(' ')), o.name, ext),
                error);
}

} // namespace Xt
} // namespace Userchain

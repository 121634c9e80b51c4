// string: libxt_string.c. The pattern is kept as iptables-save shows it: `--string "TEXT"`
// when every byte is printable (and the last is no backslash), otherwise
// `--hex-string "|hex|"`; a --hex-string the user wrote in hex that is printable text
// becomes a --string, as iptables-save prints it.
#include "xtspecs.h"
#include "xtsupport.h"

#include <QCoreApplication>

#include <linux/netfilter/xt_string.h>

namespace Userchain {
namespace Xt {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Userchain::Extensions", text);
}

/// is_hex_string: a byte outside printable ASCII, or a backslash at the end.
bool needsHex(const QByteArray &pattern)
{
    for (const char c : pattern)
        if (c < 0x20 || c > 0x7e)
            return true;
    return pattern.endsWith('\\');
}

/// parse_hex_string: text with |hex| blocks (spaces allowed between hex pairs) and
/// backslash-escaped literals outside them.
std::optional<QByteArray> parseHexString(const QByteArray &s, QString *error)
{
    QByteArray out;
    bool hex = false;
    for (int i = 0; i < s.size();) {
        if (out.size() >= XT_STRING_MAX_PATTERN_SIZE) {
            *error = tr("the pattern is longer than %1 bytes").arg(XT_STRING_MAX_PATTERN_SIZE);
            return std::nullopt;
        }
        const char c = s[i];
        if (c == '|') {
            hex = !hex;
            ++i;
            if (hex)
                while (i < s.size() && s[i] == ' ')
                    ++i;
            continue;
        }
        if (!hex) {
            if (c == '\\') {
                if (i + 1 >= s.size()) {
                    *error = tr("a backslash ends the pattern");
                    return std::nullopt;
                }
                out += s[i + 1];
                i += 2;
            } else {
                out += c;
                ++i;
            }
            continue;
        }
        if (i + 2 >= s.size() || !std::isxdigit(uchar(s[i])) || !std::isxdigit(uchar(s[i + 1]))) {
            *error = tr("a hex block needs pairs of hex digits and a closing \"|\"");
            return std::nullopt;
        }
        out += char(QByteArray(s.constData() + i, 2).toUInt(nullptr, 16));
        i += s[i + 2] == ' ' ? 3 : 2;
    }
    if (hex) {
        *error = tr("a hex block needs a closing \"|\"");
        return std::nullopt;
    }
    if (out.isEmpty()) {
        *error = tr("the pattern is empty");
        return std::nullopt;
    }
    return out;
}

/// The canonical option for a pattern: --string with its text, or --hex-string "|hex|".
RuleOption patternOption(const QByteArray &pattern, bool negated)
{
    if (needsHex(pattern))
        return {QStringLiteral("--hex-string"),
                negated,
                {QLatin1Char('|') + QString::fromLatin1(pattern.toHex()) + QLatin1Char('|')}};
    return {QStringLiteral("--string"), negated, {QString::fromLatin1(pattern)}};
}

std::optional<QByteArray> patternOf(const RuleOption &o, QString *error)
{
    const QByteArray arg = o.args.value(0).toUtf8();
    if (o.name == QLatin1String("--hex-string"))
        return parseHexString(arg, error);
    if (arg.isEmpty() || arg.size() > XT_STRING_MAX_PATTERN_SIZE) {
        *error = tr("the pattern has 1 to %1 bytes").arg(XT_STRING_MAX_PATTERN_SIZE);
        return std::nullopt;
    }
    return arg;
}

Canon pattern()
{
    return [](const QStringList &args, const ParseContext &, RuleOption *out, QString *error) {
        const auto bytes = patternOf({out->name, false, args}, error);
        if (!bytes)
            return false;
        const RuleOption canonical = patternOption(*bytes, out->negated);
        // Both spellings are one option: the order of the canonical text puts it first.
        out->name = QStringLiteral("--string");
        out->args = QStringList{canonical.name, canonical.args.first()};
        return true;
    };
}

bool encodeString(const QVector<RuleOption> &opts, const KernelContext &ctx, KernelExtension *out,
                  QString *error)
{
    const QString ext = QStringLiteral("string");
    struct xt_string_info info;
    std::memset(&info, 0, sizeof(info));
    info.to_offset = 0xffff; // string_init
    bool havePattern = false;
    for (const RuleOption &o : opts) {
        const QString arg = o.args.value(0);
        if (o.name == QLatin1String("--string") || o.name == QLatin1String("--hex-string")) {
            QString why;
            const auto bytes = patternOf(o, &why);
            if (!bytes)
                return badValue(ext, o, error);
            std::memcpy(info.pattern, bytes->constData(), size_t(bytes->size()));
            info.patlen = quint8(bytes->size());
            if (o.negated)
                info.u.v1.flags |= XT_STRING_FLAG_INVERT;
            havePattern = true;
        } else if (o.name == QLatin1String("--algo")) {
            if (!fillField(arg, info.algo, sizeof(info.algo)))
                return badValue(ext, o, error);
        } else if (o.name == QLatin1String("--from") || o.name == QLatin1String("--to")) {
            const auto v = parseNumber(arg, 0xffff);
            if (!v)
                return badValue(ext, o, error);
            (o.name == QLatin1String("--from") ? info.from_offset : info.to_offset) = quint16(*v);
        } else if (o.name == QLatin1String("--icase")) {
            info.u.v1.flags |= XT_STRING_FLAG_IGNORECASE;
        } else {
            return badOption(ext, o, error);
        }
    }
    if (!havePattern || info.algo[0] == '\0')
        return fail(QStringLiteral("\"-m string\" needs a pattern and \"--algo\""), error);
    if (ctx.pickRevision("string", false, {1}) < 0)
        return fail(QStringLiteral("the kernel has no string revision 1"), error);
    *out = blobOf("string", 1, info);
    return true;
}

bool decodeString(const KernelExtension &in, const KernelContext &, ShownExtension *out)
{
    struct xt_string_info info;
    if (in.revision != 1 || !dataAs(in, &info) || info.patlen == 0 ||
        info.patlen > XT_STRING_MAX_PATTERN_SIZE ||
        strnlen(info.algo, sizeof(info.algo)) == sizeof(info.algo))
        return false;
    SaveText t;
    const RuleOption p = patternOption(QByteArray(info.pattern, info.patlen),
                                       info.u.v1.flags & XT_STRING_FLAG_INVERT);
    t.option(p.negated, p.name + QLatin1Char(' ') + stringQuote(p.args.first()));
    t.add(QStringLiteral("--algo ") + fieldText(info.algo, sizeof(info.algo)));
    if (info.from_offset != 0)
        t.add(QStringLiteral("--from %1").arg(info.from_offset));
    if (info.to_offset != 0xffff)
        t.add(QStringLiteral("--to %1").arg(info.to_offset));
    if (info.u.v1.flags & XT_STRING_FLAG_IGNORECASE)
        t.add(QStringLiteral("--icase"));
    out->options = t.text();
    return true;
}

} // namespace

ExtensionSpec stringSpec()
{
    ExtensionSpec s;
    s.name = QStringLiteral("string");
    s.options = {
        {QStringLiteral("--string"), {}, 1, true, pattern(), Quoting::Always},
        {QStringLiteral("--hex-string"), {}, 1, true, pattern(), Quoting::Always},
        {QStringLiteral("--algo"),
         {},
         1,
         false,
         single([](const QString &arg, const ParseContext &,
                   QString *error) -> std::optional<QString> {
             // The kernel's text search algorithms for a plain pattern.
             if (arg != QLatin1String("bm") && arg != QLatin1String("kmp")) {
                 *error = tr("unknown string algorithm \"%1\" (bm or kmp)").arg(arg);
                 return std::nullopt;
             }
             return arg;
         })},
        {QStringLiteral("--from"), {}, 1, false, number(0, 0xffff, tr("an offset"))},
        {QStringLiteral("--to"), {}, 1, false, number(0, 0xffff, tr("an offset"))},
        {QStringLiteral("--icase"), {}, 0, false, noArgs()},
    };
    s.finish = [](QVector<RuleOption> &opts, const ParseContext &, QString *error) {
        // The pattern option carries its canonical name and text; --hex-string given twice
        // or with --string is caught by the parser as the one option given twice.
        RuleOption *p = nullptr;
        for (RuleOption &o : opts)
            if (o.name == QLatin1String("--string") || o.name == QLatin1String("--hex-string"))
                p = &o;
        if (!p || !hasOption(opts, QStringLiteral("--algo"))) {
            *error = tr("\"-m string\" needs \"--algo\" and \"--string\" or \"--hex-string\"");
            return false;
        }
        if (p->args.size() == 2) {
            p->name = p->args.first();
            p->args.removeFirst();
        }
        dropDefault(opts, QStringLiteral("--from"), QStringLiteral("0"));
        dropDefault(opts, QStringLiteral("--to"), QStringLiteral("65535"));
        return true;
    };
    s.encode = encodeString;
    s.decode = decodeString;
    return s;
}

} // namespace Xt
} // namespace Userchain

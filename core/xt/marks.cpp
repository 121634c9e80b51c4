// Packet and connection marks: libxt_mark.c, libxt_MARK.c, libxt_connmark.c, libxt_CONNMARK.c.
#include "xtspecs.h"
#include "xtsupport.h"

#include <QCoreApplication>

#include <linux/netfilter/xt_connmark.h>
#include <linux/netfilter/xt_mark.h>

namespace Userchain {
namespace Xt {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Userchain::Extensions", text);
}

constexpr quint32 kAll = 0xffffffffu;

QString hex(quint32 value)
{
    return QStringLiteral("0x") + QString::number(value, 16);
}

/// xtables_parse_mark_mask: "value[/mask]", each a number in any base up to 2^32 - 1; the
/// mask is all ones when left out.
bool parseMarkMask(const QString &text, quint32 *value, quint32 *mask)
{
    const int slash = text.indexOf(QLatin1Char('/'));
    const auto v =
        parseAnyBase(slash < 0 ? QStringView(text) : QStringView(text).left(slash), kAll);
    const auto m = slash < 0 ? std::optional<quint64>(kAll)
                             : parseAnyBase(QStringView(text).mid(slash + 1), kAll);
    if (!v || !m)
        return false;
    *value = quint32(*v);
    *mask = quint32(*m);
    return true;
}

/// xtables_print_mark_mask: "0xV" for a full mask, else "0xV/0xM".
QString markMaskText(quint32 value, quint32 mask)
{
    return mask == kAll ? hex(value) : hex(value) + QLatin1Char('/') + hex(mask);
}

Canon markMask()
{
    return single(
        [](const QString &arg, const ParseContext &, QString *error) -> std::optional<QString> {
            quint32 value = 0, mask = 0;
            if (!parseMarkMask(arg, &value, &mask)) {
                *error = tr("\"%1\" is not a mark (a number up to 0xffffffff, optionally "
                            "/mask)")
                             .arg(arg);
                return std::nullopt;
            }
            return markMaskText(value, mask);
        });
}

Canon markBits()
{
    return single(
        [](const QString &arg, const ParseContext &, QString *error) -> std::optional<QString> {
            const auto v = parseAnyBase(arg, kAll);
            if (!v) {
                *error = tr("\"%1\" is not a mark (a number up to 0xffffffff)").arg(arg);
                return std::nullopt;
            }
            return hex(quint32(*v));
        });
}

/// The mark and connmark matches: `[!] --mark value[/mask]` (xt_mark_mtinfo1 and
/// xt_connmark_mtinfo1 have the same layout).
ExtensionSpec markMatch(const QString &name)
{
    ExtensionSpec s;
    s.name = name;
    s.options = {{QStringLiteral("--mark"), {}, 1, true, markMask()}};
    s.finish = [name](QVector<RuleOption> &opts, const ParseContext &, QString *error) {
        if (opts.isEmpty()) {
            *error = tr("\"-m %1\" needs \"--mark\"").arg(name);
            return false;
        }
        return true;
    };
    s.encode = [name](const QVector<RuleOption> &opts, const KernelContext &, KernelExtension *out,
                      QString *error) {
        struct xt_mark_mtinfo1 info;
        std::memset(&info, 0, sizeof(info));
        if (opts.size() != 1 || opts.first().name != QLatin1String("--mark") ||
            !parseMarkMask(opts.first().args.value(0), &info.mark, &info.mask))
            return fail(QStringLiteral("\"-m %1\" needs exactly \"--mark\"").arg(name), error);
        info.invert = opts.first().negated ? 1 : 0;
        *out = blobOf(name.toLatin1().constData(), 1, info);
        return true;
    };
    s.decode = [](const KernelExtension &in, const KernelContext &, ShownExtension *out) {
        struct xt_mark_mtinfo1 info;
        if (in.revision != 1 || !dataAs(in, &info) || info.invert > 1)
            return false;
        SaveText t;
        t.option(info.invert, QStringLiteral("--mark ") + markMaskText(info.mark, info.mask));
        out->options = t.text();
        return true;
    };
    return s;
}

/// The operations on a mark both MARK and CONNMARK take, each written as --set-xmark
/// value/mask (libxt_MARK's mark_tg_parse): the bits of mask are cleared, then value is
/// XORed in.
const char *const kMarkOperations[] = {"--set-xmark", "--set-mark", "--and-mark", "--or-mark",
                                       "--xor-mark"};

QVector<OptionSpec> markOperations()
{
    return {{QStringLiteral("--set-xmark"), {}, 1, false, markMask()},
            {QStringLiteral("--set-mark"), {}, 1, false, markMask()},
            {QStringLiteral("--and-mark"), {}, 1, false, markBits()},
            {QStringLiteral("--or-mark"), {}, 1, false, markBits()},
            {QStringLiteral("--xor-mark"), {}, 1, false, markBits()}};
}

bool isMarkOperation(const QString &name)
{
    for (const char *op : kMarkOperations)
        if (name == QLatin1String(op))
            return true;
    return false;
}

/// A mark operation as the --set-xmark value/mask it stands for.
RuleOption asSetXmark(const RuleOption &o)
{
    quint32 value = 0, mask = kAll;
    const QString arg = o.args.value(0);
    if (o.name == QLatin1String("--set-xmark")) {
        parseMarkMask(arg, &value, &mask);
    } else if (o.name == QLatin1String("--set-mark")) {
        parseMarkMask(arg, &value, &mask);
        mask |= value;
    } else {
        const quint32 bits = quint32(parseAnyBase(arg, kAll).value_or(0));
        if (o.name == QLatin1String("--and-mark")) {
            value = 0;
            mask = ~bits;
        } else if (o.name == QLatin1String("--or-mark")) {
            value = mask = bits;
        } else { // --xor-mark
            value = bits;
            mask = 0;
        }
    }
    return {QStringLiteral("--set-xmark"), false, {hex(value) + QLatin1Char('/') + hex(mask)}};
}

/// The one --set-xmark value/mask of canonical options; false if it is not there.
bool xmarkOf(const QVector<RuleOption> &opts, quint32 *value, quint32 *mask)
{
    const RuleOption *o = findOption(opts, QStringLiteral("--set-xmark"));
    return o && parseMarkMask(o->args.value(0), value, mask) &&
           o->args.value(0).contains(QLatin1Char('/'));
}

} // namespace

ExtensionSpec markSpec()
{
    return markMatch(QStringLiteral("mark"));
}

ExtensionSpec connmarkSpec()
{
    return markMatch(QStringLiteral("connmark"));
}

ExtensionSpec markTargetSpec()
{
    ExtensionSpec s;
    s.name = QStringLiteral("MARK");
    s.isTarget = true;
    s.continues = true;
    s.options = markOperations();
    s.finish = [](QVector<RuleOption> &opts, const ParseContext &, QString *error) {
        if (opts.size() != 1) {
            *error = opts.isEmpty() ? tr("\"-j MARK\" needs one of \"--set-xmark\", "
                                         "\"--set-mark\", \"--and-mark\", \"--or-mark\" and "
                                         "\"--xor-mark\"")
                                    : tr("\"-j MARK\" takes only one of \"--set-xmark\", "
                                         "\"--set-mark\", \"--and-mark\", \"--or-mark\" and "
                                         "\"--xor-mark\"");
            return false;
        }
        // iptables-save prints every operation as the --set-xmark it stands for.
        opts.first() = asSetXmark(opts.first());
        return true;
    };
    s.encode = [](const QVector<RuleOption> &opts, const KernelContext &ctx, KernelExtension *out,
                  QString *error) {
        struct xt_mark_tginfo2 info;
        std::memset(&info, 0, sizeof(info));
        if (opts.size() != 1 || !xmarkOf(opts, &info.mark, &info.mask))
            return fail(QStringLiteral("\"-j MARK\" needs exactly \"--set-xmark\""), error);
        if (ctx.pickRevision("MARK", true, {2}) < 0)
            return fail(QStringLiteral("the kernel has no MARK revision 2"), error);
        *out = blobOf("MARK", 2, info);
        return true;
    };
    s.decode = [](const KernelExtension &in, const KernelContext &, ShownExtension *out) {
        struct xt_mark_tginfo2 info;
        if (in.revision != 2 || !dataAs(in, &info))
            return false;
        out->options =
            QStringLiteral("--set-xmark ") + hex(info.mark) + QLatin1Char('/') + hex(info.mask);
        return true;
    };
    return s;
}

namespace {

bool decodeConnmarkTarget(const KernelExtension &in, const KernelContext &, ShownExtension *out)
{
    struct xt_connmark_tginfo2 info;
    if (in.revision == 2) {
        if (!dataAs(in, &info))
            return false;
    } else if (in.revision == 1) {
        struct xt_connmark_tginfo1 v1;
        if (!dataAs(in, &v1))
            return false;
        std::memset(&info, 0, sizeof(info));
        info.ctmark = v1.ctmark;
        info.ctmask = v1.ctmask;
        info.nfmask = v1.nfmask;
        info.mode = v1.mode;
    } else {
        return false;
    }
    SaveText t;
    switch (info.mode) {
    case XT_CONNMARK_SET:
        t.add(QStringLiteral("--set-xmark ") + hex(info.ctmark) + QLatin1Char('/') +
              hex(info.ctmask));
        break;
    case XT_CONNMARK_SAVE:
    case XT_CONNMARK_RESTORE:
        t.add(QLatin1String(info.mode == XT_CONNMARK_SAVE ? "--save-mark" : "--restore-mark"));
        t.add(QStringLiteral("--nfmask ") + hex(info.nfmask));
        t.add(QStringLiteral("--ctmask ") + hex(info.ctmask));
        break;
    default:
        return false;
    }
    if (info.shift_dir > D_SHIFT_RIGHT)
        return false; // libxt_CONNMARK would index past its names
    if (info.shift_bits != 0)
        t.add(QLatin1String(info.shift_dir == D_SHIFT_LEFT ? "--left-shift-mark "
                                                           : "--right-shift-mark ") +
              QString::number(info.shift_bits));
    out->options = t.text();
    return true;
}

bool encodeConnmarkTarget(const QVector<RuleOption> &opts, const KernelContext &ctx,
                          KernelExtension *out, QString *error)
{
    struct xt_connmark_tginfo2 info;
    std::memset(&info, 0, sizeof(info));
    info.ctmask = info.nfmask = kAll; // connmark_tg_init
    bool haveMode = false;
    for (const RuleOption &o : opts) {
        const QString arg = o.args.value(0);
        if (o.name == QLatin1String("--set-xmark")) {
            if (!xmarkOf(opts, &info.ctmark, &info.ctmask))
                return badValue(QStringLiteral("CONNMARK"), o, error);
            info.mode = XT_CONNMARK_SET;
            haveMode = true;
        } else if (o.name == QLatin1String("--save-mark") ||
                   o.name == QLatin1String("--restore-mark")) {
            info.mode =
                o.name == QLatin1String("--save-mark") ? XT_CONNMARK_SAVE : XT_CONNMARK_RESTORE;
            haveMode = true;
        } else if (o.name == QLatin1String("--nfmask") || o.name == QLatin1String("--ctmask")) {
            const auto v = parseAnyBase(arg, kAll);
            if (!v)
                return badValue(QStringLiteral("CONNMARK"), o, error);
            (o.name == QLatin1String("--nfmask") ? info.nfmask : info.ctmask) = quint32(*v);
        } else if (o.name == QLatin1String("--left-shift-mark") ||
                   o.name == QLatin1String("--right-shift-mark")) {
            const auto v = parseNumber(arg, 32);
            if (!v)
                return badValue(QStringLiteral("CONNMARK"), o, error);
            info.shift_dir =
                o.name == QLatin1String("--left-shift-mark") ? D_SHIFT_LEFT : D_SHIFT_RIGHT;
            info.shift_bits = quint8(*v);
        } else {
            return badOption(QStringLiteral("CONNMARK"), o, error);
        }
    }
    if (!haveMode)
        return fail(QStringLiteral("\"-j CONNMARK\" needs an operation"), error);
    const int revision = ctx.pickRevision("CONNMARK", true, {2, 1});
    if (revision == 2) {
        *out = blobOf("CONNMARK", 2, info);
        return true;
    }
    if (revision < 0 || info.shift_bits != 0)
        return fail(QStringLiteral("the kernel has no CONNMARK revision 2 (mark shifts)"), error);
    struct xt_connmark_tginfo1 v1;
    std::memset(&v1, 0, sizeof(v1));
    v1.ctmark = info.ctmark;
    v1.ctmask = info.ctmask;
    v1.nfmask = info.nfmask;
    v1.mode = info.mode;
    *out = blobOf("CONNMARK", 1, v1);
    return true;
}

} // namespace

ExtensionSpec connmarkTargetSpec()
{
    ExtensionSpec s;
    s.name = QStringLiteral("CONNMARK");
    s.isTarget = true;
    s.continues = true;
    s.options = markOperations();
    s.options += {
        {QStringLiteral("--save-mark"), {}, 0, false, noArgs()},
        {QStringLiteral("--restore-mark"), {}, 0, false, noArgs()},
        {QStringLiteral("--nfmask"), {}, 1, false, markBits()},
        {QStringLiteral("--ctmask"), {}, 1, false, markBits()},
        {QStringLiteral("--mask"), {}, 1, false, markBits()},
        {QStringLiteral("--left-shift-mark"), {}, 1, false, number(0, 32, tr("a shift (bits)"))},
        {QStringLiteral("--right-shift-mark"), {}, 1, false, number(0, 32, tr("a shift (bits)"))},
    };
    s.finish = [](QVector<RuleOption> &opts, const ParseContext &, QString *error) {
        QVector<RuleOption> operations;
        for (const RuleOption &o : opts)
            if (isMarkOperation(o.name) || o.name == QLatin1String("--save-mark") ||
                o.name == QLatin1String("--restore-mark"))
                operations.append(o);
        if (operations.size() != 1) {
            *error = operations.isEmpty()
                         ? tr("\"-j CONNMARK\" needs one of \"--set-xmark\", \"--set-mark\", "
                              "\"--and-mark\", \"--or-mark\", \"--xor-mark\", \"--save-mark\" "
                              "and \"--restore-mark\"")
                         : tr("\"-j CONNMARK\" takes only one of \"--set-xmark\", \"--set-mark\", "
                              "\"--and-mark\", \"--or-mark\", \"--xor-mark\", \"--save-mark\" "
                              "and \"--restore-mark\"");
            return false;
        }
        const RuleOption *mask = findOption(opts, QStringLiteral("--mask"));
        const RuleOption *nfmask = findOption(opts, QStringLiteral("--nfmask"));
        const RuleOption *ctmask = findOption(opts, QStringLiteral("--ctmask"));
        const RuleOption *left = findOption(opts, QStringLiteral("--left-shift-mark"));
        const RuleOption *right = findOption(opts, QStringLiteral("--right-shift-mark"));
        if (mask && (nfmask || ctmask)) {
            *error = tr("\"--mask\" stands for \"--nfmask\" and \"--ctmask\" together; give "
                        "either");
            return false;
        }
        if (left && right) {
            *error = tr("\"--left-shift-mark\" and \"--right-shift-mark\" exclude each other");
            return false;
        }
        QVector<RuleOption> out;
        const RuleOption &op = operations.first();
        if (isMarkOperation(op.name)) {
            // iptables takes the masks with a set operation too, but what it stores then
            // depends on the order of the options and iptables-save does not show it.
            if (mask || nfmask || ctmask) {
                *error = tr("\"--mask\", \"--nfmask\" and \"--ctmask\" go with \"--save-mark\" "
                            "or \"--restore-mark\"");
                return false;
            }
            out.append(asSetXmark(op));
        } else {
            out.append({op.name, false, {}});
            const QString all = hex(kAll);
            const QString nf = mask ? mask->args.value(0) : nfmask ? nfmask->args.value(0) : all;
            const QString ct = mask ? mask->args.value(0) : ctmask ? ctmask->args.value(0) : all;
            out.append({QStringLiteral("--nfmask"), false, {nf}});
            out.append({QStringLiteral("--ctmask"), false, {ct}});
        }
        // A shift by zero bits is the default iptables-save leaves out.
        if (const RuleOption *shift = left ? left : right;
            shift && shift->args.value(0) != QLatin1String("0"))
            out.append(*shift);
        opts = out;
        return true;
    };
    s.encode = encodeConnmarkTarget;
    s.decode = decodeConnmarkTarget;
    return s;
}

} // namespace Xt
} // namespace Userchain

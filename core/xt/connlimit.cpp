// connlimit: libxt_connlimit.c.
#include "xtspecs.h"
#include "xtsupport.h"

#include <QCoreApplication>

// The C library's headers first: the kernel's netfilter headers then skip their own copies.
#include <arpa/inet.h>
#include <netinet/in.h>

#include <linux/netfilter/xt_connlimit.h>

namespace Userchain {
namespace Xt {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Userchain::Extensions", text);
}

/// libxt_connlimit's count_bits4/6: the prefix length of a (contiguous) mask.
int countBits(const struct xt_connlimit_info &info, Family family)
{
    unsigned int bits = 0;
    const int words = family == Family::IPv4 ? 1 : 4;
    for (int i = 0; i < words; ++i)
        for (quint32 rest = ~ntohl(info.v6_mask[i]); rest != 0; rest >>= 1)
            ++bits;
    return words * 32 - int(bits);
}

bool encodeConnlimit(const QVector<RuleOption> &opts, const KernelContext &ctx,
                     KernelExtension *out, QString *error)
{
    const QString ext = QStringLiteral("connlimit");
    struct xt_connlimit_info info;
    std::memset(&info, 0, sizeof(info));
    std::memset(info.v6_mask, 0xff, sizeof(info.v6_mask)); // connlimit_init
    bool haveLimit = false;
    for (const RuleOption &o : opts) {
        if (o.name == QLatin1String("--connlimit-upto") ||
            o.name == QLatin1String("--connlimit-above")) {
            const auto v = parseNumber(o.args.value(0), 0xffffffffu);
            if (!v || o.negated)
                return badValue(ext, o, error);
            info.limit = quint32(*v);
            if (o.name == QLatin1String("--connlimit-upto"))
                info.flags |= XT_CONNLIMIT_INVERT;
            haveLimit = true;
        } else if (o.name == QLatin1String("--connlimit-mask")) {
            const auto bits = parseNumber(o.args.value(0), addressLength(ctx.family) * 8);
            if (!bits)
                return badValue(ext, o, error);
            prefixMask(int(*bits), &info.mask);
        } else if (o.name == QLatin1String("--connlimit-daddr")) {
            info.flags |= XT_CONNLIMIT_DADDR;
        } else if (o.name != QLatin1String("--connlimit-saddr")) {
            return badOption(ext, o, error);
        }
    }
    if (!haveLimit)
        return fail(QStringLiteral("\"-m connlimit\" needs a limit"), error);
    if (ctx.pickRevision("connlimit", false, {1}) < 0)
        return fail(QStringLiteral("the kernel has no connlimit revision 1"), error);
    *out = blobOf("connlimit", 1, info);
    return true;
}

bool decodeConnlimit(const KernelExtension &in, const KernelContext &ctx, ShownExtension *out)
{
    struct xt_connlimit_info info;
    if (in.revision != 1 || !dataAs(in, &info))
        return false;
    SaveText t;
    t.add(QLatin1String(info.flags & XT_CONNLIMIT_INVERT ? "--connlimit-upto "
                                                         : "--connlimit-above ") +
          QString::number(info.limit));
    t.add(QStringLiteral("--connlimit-mask %1").arg(countBits(info, ctx.family)));
    t.add(
        QLatin1String(info.flags & XT_CONNLIMIT_DADDR ? "--connlimit-daddr" : "--connlimit-saddr"));
    out->options = t.text();
    return true;
}

/// IPv4 uses the first four bytes of the mask only.
void clearV6Mask(const KernelExtension &, Family family, QByteArray *data)
{
    if (family == Family::IPv4 && data->size() >= 16)
        std::memset(data->data() + 4, 0, 12);
}

} // namespace

ExtensionSpec connlimitSpec()
{
    ExtensionSpec s;
    s.name = QStringLiteral("connlimit");
    const Canon count = number(0, 0xffffffffu, tr("a number of connections"));
    s.options = {
        {QStringLiteral("--connlimit-upto"), {}, 1, true, count},
        {QStringLiteral("--connlimit-above"), {}, 1, true, count},
        {QStringLiteral("--connlimit-mask"), {}, 1, false, prefixLength()},
        {QStringLiteral("--connlimit-saddr"), {}, 0, false, noArgs()},
        {QStringLiteral("--connlimit-daddr"), {}, 0, false, noArgs()},
    };
    s.finish = [](QVector<RuleOption> &opts, const ParseContext &ctx, QString *error) {
        const RuleOption *upto = findOption(opts, QStringLiteral("--connlimit-upto"));
        const RuleOption *above = findOption(opts, QStringLiteral("--connlimit-above"));
        if (!upto == !above) {
            *error = upto ? tr("\"--connlimit-upto\" and \"--connlimit-above\" exclude each other")
                          : tr("\"-m connlimit\" needs \"--connlimit-upto\" or "
                               "\"--connlimit-above\"");
            return false;
        }
        const bool saddr = hasOption(opts, QStringLiteral("--connlimit-saddr"));
        const bool daddr = hasOption(opts, QStringLiteral("--connlimit-daddr"));
        if (saddr && daddr) {
            *error = tr("\"--connlimit-saddr\" and \"--connlimit-daddr\" exclude each other");
            return false;
        }
        // "! --connlimit-above N" is "--connlimit-upto N" and the other way round; the mask
        // and the address iptables-save always prints.
        const RuleOption &limit = upto ? *upto : *above;
        const bool atMost = bool(upto) != limit.negated;
        const RuleOption *mask = findOption(opts, QStringLiteral("--connlimit-mask"));
        opts = {{atMost ? QStringLiteral("--connlimit-upto") : QStringLiteral("--connlimit-above"),
                 false, limit.args},
                {QStringLiteral("--connlimit-mask"),
                 false,
                 {mask ? mask->args.value(0) : QString::number(addressLength(ctx.family) * 8)}},
                {daddr ? QStringLiteral("--connlimit-daddr") : QStringLiteral("--connlimit-saddr"),
                 false,
                 {}}};
        return true;
    };
    s.encode = encodeConnlimit;
    s.decode = decodeConnlimit;
    s.normalize = clearV6Mask;
    return s;
}

} // namespace Xt
} // namespace Userchain

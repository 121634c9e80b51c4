// TCPMSS: libxt_TCPMSS.c.
#include "xtspecs.h"
#include "xtsupport.h"

#include <QCoreApplication>

#include <linux/netfilter/xt_TCPMSS.h>

namespace Userchain {
namespace Xt {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Userchain::Extensions", text);
}

/// xt_TCPMSS's find_syn_match: the kernel takes TCPMSS only in a rule that matches TCP SYN
/// packets with a tcp match.
bool matchesSyn(const QVector<RuleMatch> *matches)
{
    if (!matches)
        return false;
    for (const RuleMatch &m : *matches) {
        const RuleOption *flags = m.option(QStringLiteral("--tcp-flags"));
        if (m.name == QLatin1String("tcp") && flags && !flags->negated &&
            (NetfilterNames::tcpFlagMask(flags->args.value(1)).value_or(0) & 0x02))
            return true;
    }
    return false;
}

} // namespace

ExtensionSpec tcpmssSpec()
{
    ExtensionSpec s;
    s.name = QStringLiteral("TCPMSS");
    s.isTarget = true;
    s.continues = true;
    s.options = {
        {QStringLiteral("--set-mss"),
         {},
         1,
         false,
         [](const QStringList &args, const ParseContext &ctx, RuleOption *out, QString *error) {
             // The largest MSS that fits in a packet after the IP header.
             const quint64 max = 0xffff - (ctx.family == Family::IPv4 ? 20 : 40);
             const auto v = parseAnyBase(args.value(0), max);
             if (!v) {
                 *error = tr("\"%1\" is not an MSS (0 to %2)").arg(args.value(0)).arg(max);
                 return false;
             }
             out->args = QStringList{QString::number(*v)};
             return true;
         }},
        {QStringLiteral("--clamp-mss-to-pmtu"), {}, 0, false, noArgs()},
    };
    s.finish = [](QVector<RuleOption> &opts, const ParseContext &ctx, QString *error) {
        if (opts.size() != 1) {
            *error = opts.isEmpty()
                         ? tr("\"-j TCPMSS\" needs \"--set-mss\" or \"--clamp-mss-to-pmtu\"")
                         : tr("\"--set-mss\" and \"--clamp-mss-to-pmtu\" exclude each other");
            return false;
        }
        if (!protoIs(ctx, {"tcp"}) || !matchesSyn(ctx.matches)) {
            *error = tr("\"-j TCPMSS\" needs \"-p tcp\" and a SYN match such as "
                        "\"--tcp-flags SYN,RST SYN\" (the kernel refuses it otherwise)");
            return false;
        }
        return true;
    };
    s.encode = [](const QVector<RuleOption> &opts, const KernelContext &, KernelExtension *out,
                  QString *error) {
        struct xt_tcpmss_info info;
        std::memset(&info, 0, sizeof(info));
        if (opts.size() != 1)
            return fail(QStringLiteral("\"-j TCPMSS\" needs one option"), error);
        const RuleOption &o = opts.first();
        if (o.name == QLatin1String("--clamp-mss-to-pmtu")) {
            info.mss = XT_TCPMSS_CLAMP_PMTU;
        } else {
            const auto v = parseNumber(o.args.value(0), 0xfffe);
            if (o.name != QLatin1String("--set-mss") || !v)
                return badValue(QStringLiteral("TCPMSS"), o, error);
            info.mss = quint16(*v);
        }
        *out = blobOf("TCPMSS", 0, info);
        return true;
    };
    s.decode = [](const KernelExtension &in, const KernelContext &, ShownExtension *out) {
        struct xt_tcpmss_info info;
        if (in.revision != 0 || !dataAs(in, &info))
            return false;
        out->options = info.mss == XT_TCPMSS_CLAMP_PMTU
                           ? QStringLiteral("--clamp-mss-to-pmtu")
                           : QStringLiteral("--set-mss %1").arg(info.mss);
        return true;
    };
    return s;
}

} // namespace Xt
} // namespace Userchain

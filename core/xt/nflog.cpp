// NFLOG: libxt_NFLOG.c.
#include "xtspecs.h"
#include "xtsupport.h"

#include <QCoreApplication>

#include <linux/netfilter/xt_NFLOG.h>

namespace Userchain {
namespace Xt {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Userchain::Extensions", text);
}

bool encodeNflog(const QVector<RuleOption> &opts, const KernelContext &, KernelExtension *out,
                 QString *error)
{
    const QString ext = QStringLiteral("NFLOG");
    struct xt_nflog_info info;
    std::memset(&info, 0, sizeof(info));
    info.threshold = XT_NFLOG_DEFAULT_THRESHOLD; // NFLOG_init
    for (const RuleOption &o : opts) {
        const QString arg = o.args.value(0);
        const auto u16 = parseNumber(arg, 0xffff);
        const auto u32 = parseNumber(arg, 0xffffffffu);
        if (o.name == QLatin1String("--nflog-prefix")) {
            if (!fillField(arg, info.prefix, sizeof(info.prefix)))
                return badValue(ext, o, error);
        } else if (o.name == QLatin1String("--nflog-group") && u16) {
            info.group = quint16(*u16);
        } else if (o.name == QLatin1String("--nflog-size") && u32) {
            info.len = quint32(*u32);
            info.flags |= XT_NFLOG_F_COPY_LEN;
        } else if (o.name == QLatin1String("--nflog-range") && u32) {
            info.len = quint32(*u32);
        } else if (o.name == QLatin1String("--nflog-threshold") && u16) {
            info.threshold = quint16(*u16);
        } else {
            return badValue(ext, o, error);
        }
    }
    *out = blobOf("NFLOG", 0, info);
    return true;
}

bool decodeNflog(const KernelExtension &in, const KernelContext &, ShownExtension *out)
{
    struct xt_nflog_info info;
    if (in.revision != 0 || !dataAs(in, &info) ||
        strnlen(info.prefix, sizeof(info.prefix)) == sizeof(info.prefix))
        return false;
    SaveText t;
    if (info.prefix[0] != '\0')
        t.add(QStringLiteral("--nflog-prefix ") +
              saveQuote(fieldText(info.prefix, sizeof(info.prefix))));
    if (info.group)
        t.add(QStringLiteral("--nflog-group %1").arg(info.group));
    if (info.flags & XT_NFLOG_F_COPY_LEN)
        t.add(QStringLiteral("--nflog-size %1").arg(info.len));
    else if (info.len)
        t.add(QStringLiteral("--nflog-range %1").arg(info.len));
    if (info.threshold != XT_NFLOG_DEFAULT_THRESHOLD)
        t.add(QStringLiteral("--nflog-threshold %1").arg(info.threshold));
    out->options = t.text();
    return true;
}

} // namespace

ExtensionSpec nflogSpec()
{
    ExtensionSpec s;
    s.name = QStringLiteral("NFLOG");
    s.isTarget = true;
    s.continues = true;
    s.options = {
        {QStringLiteral("--nflog-prefix"),
         {},
         1,
         false,
         single([](const QString &arg, const ParseContext &,
                   QString *error) -> std::optional<QString> {
             // The kernel keeps 63 bytes and the terminating zero; iptables cuts longer
             // prefixes silently.
             if (arg.isEmpty() || arg.toUtf8().size() > 63) {
                 *error = tr("an NFLOG prefix has 1 to 63 bytes");
                 return std::nullopt;
             }
             if (arg.contains(QChar(0)) || arg.contains(QLatin1Char('\n')) ||
                 hasControlCharacter(arg)) {
                 *error = tr("an NFLOG prefix contains a control character (such as a line "
                             "break, ESC or CR)");
                 return std::nullopt;
             }
             return arg;
         }),
         Quoting::Save},
        {QStringLiteral("--nflog-group"), {}, 1, false, number(0, 0xffff, tr("a group"))},
        {QStringLiteral("--nflog-size"), {}, 1, false, number(0, 0xffffffffu, tr("a size"))},
        {QStringLiteral("--nflog-range"), {}, 1, false, number(0, 0xffffffffu, tr("a size"))},
        {QStringLiteral("--nflog-threshold"), {}, 1, false, number(0, 0xffff, tr("a threshold"))},
    };
    s.finish = [](QVector<RuleOption> &opts, const ParseContext &, QString *error) {
        if (hasOption(opts, QStringLiteral("--nflog-size")) &&
            hasOption(opts, QStringLiteral("--nflog-range"))) {
            *error = tr("\"--nflog-size\" and \"--nflog-range\" exclude each other");
            return false;
        }
        // What iptables-save leaves out: group 0, threshold 0, a range of 0.
        dropDefault(opts, QStringLiteral("--nflog-group"), QStringLiteral("0"));
        dropDefault(opts, QStringLiteral("--nflog-threshold"), QStringLiteral("0"));
        dropDefault(opts, QStringLiteral("--nflog-range"), QStringLiteral("0"));
        return true;
    };
    s.encode = encodeNflog;
    s.decode = decodeNflog;
    return s;
}

} // namespace Xt
} // namespace Userchain

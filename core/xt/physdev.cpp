// physdev: libxt_physdev.c, the bridge ports of bridged packets.
#include "addresses.h"
#include "xtspecs.h"
#include "xtsupport.h"

#include <QCoreApplication>

#include <linux/netfilter/xt_physdev.h>

namespace Userchain {
namespace Xt {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Userchain::Extensions", text);
}

Canon bridgePort()
{
    return single(
        [](const QString &arg, const ParseContext &, QString *error) -> std::optional<QString> {
            if (!Addresses::isValidInterface(arg, error))
                return std::nullopt;
            return arg;
        });
}

/// The options in the order iptables-save prints them, with their bit.
const struct
{
    const char *name;
    quint8 bit;
    bool port; ///< takes a bridge port name
} kOptions[] = {{"--physdev-is-in", XT_PHYSDEV_OP_ISIN, false},
                {"--physdev-in", XT_PHYSDEV_OP_IN, true},
                {"--physdev-is-out", XT_PHYSDEV_OP_ISOUT, false},
                {"--physdev-out", XT_PHYSDEV_OP_OUT, true},
                {"--physdev-is-bridged", XT_PHYSDEV_OP_BRIDGED, false}};

/// xtables_parse_interface into a name field and its mask.
bool portField(const QString &name, char *field, char *mask)
{
    std::memset(mask, 0, IFNAMSIZ);
    if (!fillField(name, field, IFNAMSIZ))
        return false;
    const QByteArray bytes = name.toUtf8();
    if (bytes.endsWith('+'))
        std::memset(mask, 0xff, size_t(bytes.size() - 1));
    else if (!bytes.isEmpty())
        std::memset(mask, 0xff, size_t(bytes.size() + 1));
    return true;
}

bool encodePhysdev(const QVector<RuleOption> &opts, const KernelContext &, KernelExtension *out,
                   QString *error)
{
    struct xt_physdev_info info;
    std::memset(&info, 0, sizeof(info));
    for (const RuleOption &o : opts) {
        const auto it =
            std::find_if(std::begin(kOptions), std::end(kOptions),
                         [&](const auto &known) { return o.name == QLatin1String(known.name); });
        if (it == std::end(kOptions))
            return badOption(QStringLiteral("physdev"), o, error);
        if (it->bit == XT_PHYSDEV_OP_IN &&
            !portField(o.args.value(0), info.physindev, info.in_mask))
            return badValue(QStringLiteral("physdev"), o, error);
        if (it->bit == XT_PHYSDEV_OP_OUT &&
            !portField(o.args.value(0), info.physoutdev, info.out_mask))
            return badValue(QStringLiteral("physdev"), o, error);
        info.bitmask |= it->bit;
        if (o.negated)
            info.invert |= it->bit;
    }
    *out = blobOf("physdev", 0, info);
    return true;
}

bool decodePhysdev(const KernelExtension &in, const KernelContext &, ShownExtension *out)
{
    struct xt_physdev_info info;
    if (in.revision != 0 || !dataAs(in, &info))
        return false;
    if (strnlen(info.physindev, IFNAMSIZ) == IFNAMSIZ ||
        strnlen(info.physoutdev, IFNAMSIZ) == IFNAMSIZ)
        return false; // unterminated
    SaveText t;
    for (const auto &o : kOptions) {
        if (!(info.bitmask & o.bit))
            continue;
        QString text = QLatin1String(o.name);
        if (o.port)
            text +=
                QLatin1Char(' ') +
                fieldText(o.bit == XT_PHYSDEV_OP_IN ? info.physindev : info.physoutdev, IFNAMSIZ);
        t.option(info.invert & o.bit, text);
    }
    out->options = t.text();
    return true;
}

/// Name bytes outside the mask are ignored by the kernel (it compares name ^ dev under mask).
void clearPortNames(const KernelExtension &, Family, QByteArray *data)
{
    struct xt_physdev_info info;
    if (size_t(data->size()) < sizeof(info))
        return;
    std::memcpy(&info, data->constData(), sizeof(info));
    for (int i = 0; i < IFNAMSIZ; ++i) {
        if (!info.in_mask[i])
            info.physindev[i] = 0;
        if (!info.out_mask[i])
            info.physoutdev[i] = 0;
    }
    std::memcpy(data->data(), &info, sizeof(info));
}

} // namespace

ExtensionSpec physdevSpec()
{
    ExtensionSpec s;
    s.name = QStringLiteral("physdev");
    for (const auto &o : kOptions)
        s.options.append(
            {QLatin1String(o.name), {}, o.port ? 1 : 0, true, o.port ? bridgePort() : noArgs()});
    s.finish = [](QVector<RuleOption> &opts, const ParseContext &, QString *error) {
        if (opts.isEmpty()) {
            *error = tr("\"-m physdev\" needs one of \"--physdev-in\", \"--physdev-out\", "
                        "\"--physdev-is-in\", \"--physdev-is-out\" and \"--physdev-is-bridged\"");
            return false;
        }
        return true;
    };
    s.encode = encodePhysdev;
    s.decode = decodePhysdev;
    s.normalize = clearPortNames;
    return s;
}

} // namespace Xt
} // namespace Userchain

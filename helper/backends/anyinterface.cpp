#include "anyinterface.h"

#include <linux/netfilter_ipv4/ip_tables.h>
#include <linux/netfilter_ipv6/ip6_tables.h>

#include <cstring>

namespace Userchain::AnyInterface {

namespace {

/// The name "+" and an empty mask: what xtables_parse_interface stores for "+".
bool anyName(const char *name, const unsigned char *mask)
{
    if (name[0] != '+')
        return false;
    for (int i = 1; i < IFNAMSIZ; ++i)
        if (name[i] != '\0')
            return false;
    for (int i = 0; i < IFNAMSIZ; ++i)
        if (mask[i] != 0)
            return false;
    return true;
}

} // namespace

bool restore(const void *data, size_t size, Family family, BackendRule *rule)
{
    if (!rule->raw.isEmpty())
        return false;
    const bool v4 = family == Family::IPv4;
    if (size < (v4 ? sizeof(ipt_entry) : sizeof(ip6t_entry)))
        return false;
    const auto *bytes = static_cast<const char *>(data);
    const char *in =
        bytes + (v4 ? offsetof(ipt_entry, ip.iniface) : offsetof(ip6t_entry, ipv6.iniface));
    const char *out =
        bytes + (v4 ? offsetof(ipt_entry, ip.outiface) : offsetof(ip6t_entry, ipv6.outiface));
    const auto *inMask = reinterpret_cast<const unsigned char *>(
        bytes +
        (v4 ? offsetof(ipt_entry, ip.iniface_mask) : offsetof(ip6t_entry, ipv6.iniface_mask)));
    const auto *outMask = reinterpret_cast<const unsigned char *>(
        bytes +
        (v4 ? offsetof(ipt_entry, ip.outiface_mask) : offsetof(ip6t_entry, ipv6.outiface_mask)));
    const quint8 invflags =
        quint8(bytes[v4 ? offsetof(ipt_entry, ip.invflags) : offsetof(ip6t_entry, ipv6.invflags)]);
    // The inversion bits have the same values in both families.
    bool changed = false;
    if (anyName(in, inMask) && !(invflags & IPT_INV_VIA_IN) && rule->rule.inInterface.isEmpty()) {
        rule->rule.inInterface = QStringLiteral("+");
        changed = true;
    }
    if (anyName(out, outMask) && !(invflags & IPT_INV_VIA_OUT) &&
        rule->rule.outInterface.isEmpty()) {
        rule->rule.outInterface = QStringLiteral("+");
        changed = true;
    }
    if (changed && !rule->displaySpec.isEmpty())
        rule->displaySpec = rule->rule.toString();
    return changed;
}

} // namespace Userchain::AnyInterface

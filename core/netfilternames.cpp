#include "netfilternames.h"

// The C library's headers first: the kernel's netfilter headers then skip their own copies.
#include <netinet/in.h>

#include <linux/netfilter/nf_conntrack_common.h>
#include <linux/netfilter/xt_LOG.h>
#include <linux/netfilter/xt_addrtype.h>
#include <linux/netfilter/xt_conntrack.h>
#include <linux/netfilter_ipv4/ipt_REJECT.h>
#include <linux/netfilter_ipv6/ip6t_REJECT.h>

namespace Userchain {

namespace {

template <size_t N> constexpr NameTable tableOf(const NamedValue (&items)[N])
{
    return NameTable(items, N);
}

const NamedValue kTcpFlags[] = {{"FIN", 0x01}, {"SYN", 0x02}, {"RST", 0x04},
                                {"PSH", 0x08}, {"ACK", 0x10}, {"URG", 0x20}};

// libxt_conntrack's print_state order.
const NamedValue kCtStates[] = {{"INVALID", XT_CONNTRACK_STATE_INVALID},
                                {"NEW", XT_CONNTRACK_STATE_BIT(IP_CT_NEW)},
                                {"RELATED", XT_CONNTRACK_STATE_BIT(IP_CT_RELATED)},
                                {"ESTABLISHED", XT_CONNTRACK_STATE_BIT(IP_CT_ESTABLISHED)},
                                {"UNTRACKED", XT_CONNTRACK_STATE_UNTRACKED},
                                {"SNAT", XT_CONNTRACK_STATE_SNAT},
                                {"DNAT", XT_CONNTRACK_STATE_DNAT}};

const NamedValue kCtStatus[] = {{"EXPECTED", IPS_EXPECTED},
                                {"SEEN_REPLY", IPS_SEEN_REPLY},
                                {"ASSURED", IPS_ASSURED},
                                {"CONFIRMED", IPS_CONFIRMED}};

const NamedValue kAddrTypes[] = {{"UNSPEC", XT_ADDRTYPE_UNSPEC},
                                 {"UNICAST", XT_ADDRTYPE_UNICAST},
                                 {"LOCAL", XT_ADDRTYPE_LOCAL},
                                 {"BROADCAST", XT_ADDRTYPE_BROADCAST},
                                 {"ANYCAST", XT_ADDRTYPE_ANYCAST},
                                 {"MULTICAST", XT_ADDRTYPE_MULTICAST},
                                 {"BLACKHOLE", XT_ADDRTYPE_BLACKHOLE},
                                 {"UNREACHABLE", XT_ADDRTYPE_UNREACHABLE},
                                 {"PROHIBIT", XT_ADDRTYPE_PROHIBIT},
                                 {"THROW", XT_ADDRTYPE_THROW},
                                 {"NAT", XT_ADDRTYPE_NAT},
                                 {"XRESOLVE", XT_ADDRTYPE_XRESOLVE}};

// The types iptables can write; IPT_ICMP_ECHOREPLY and the v6 gaps it cannot.
const NamedValue kReject4[] = {
    {"icmp-net-unreachable", IPT_ICMP_NET_UNREACHABLE, "net-unreach"},
    {"icmp-host-unreachable", IPT_ICMP_HOST_UNREACHABLE, "host-unreach"},
    {"icmp-proto-unreachable", IPT_ICMP_PROT_UNREACHABLE, "proto-unreach"},
    {"icmp-port-unreachable", IPT_ICMP_PORT_UNREACHABLE, "port-unreach"},
    {"icmp-net-prohibited", IPT_ICMP_NET_PROHIBITED, "net-prohib"},
    {"icmp-host-prohibited", IPT_ICMP_HOST_PROHIBITED, "host-prohib"},
    {"tcp-reset", IPT_TCP_RESET, "tcp-rst"},
    {"icmp-admin-prohibited", IPT_ICMP_ADMIN_PROHIBITED, "admin-prohib"}};

const NamedValue kReject6[] = {
    {"icmp6-no-route", IP6T_ICMP6_NO_ROUTE, "no-route"},
    {"icmp6-adm-prohibited", IP6T_ICMP6_ADM_PROHIBITED, "adm-prohibited"},
    {"icmp6-addr-unreachable", IP6T_ICMP6_ADDR_UNREACH, "addr-unreach"},
    {"icmp6-port-unreachable", IP6T_ICMP6_PORT_UNREACH, "port-unreach"},
    {"tcp-reset", IP6T_TCP_RESET, "tcp-rst"},
    {"icmp6-policy-fail", IP6T_ICMP6_POLICY_FAIL, "policy-fail"},
    {"icmp6-reject-route", IP6T_ICMP6_REJECT_ROUTE, "reject-route"}};

const NamedValue kLogFlags[] = {{"--log-tcp-sequence", XT_LOG_TCPSEQ},
                                {"--log-tcp-options", XT_LOG_TCPOPT},
                                {"--log-ip-options", XT_LOG_IPOPT},
                                {"--log-uid", XT_LOG_UID},
                                {"--log-macdecode", XT_LOG_MACDECODE}};

const NamedValue kLogLevels[] = {{"emerg", 0, "panic"}, {"alert", 1},  {"crit", 2}, {"error", 3},
                                 {"warning", 4},        {"notice", 5}, {"info", 6}, {"debug", 7}};

} // namespace

QStringList NameTable::names() const
{
    QStringList out;
    for (const NamedValue &nv : *this)
        out << QLatin1String(nv.name);
    return out;
}

std::optional<quint32> NameTable::valueOf(QStringView name, Qt::CaseSensitivity cs) const
{
    for (const NamedValue &nv : *this)
        if (name.compare(QLatin1String(nv.name), cs) == 0 ||
            (nv.alias && name.compare(QLatin1String(nv.alias), cs) == 0))
            return nv.value;
    return std::nullopt;
}

const char *NameTable::nameOf(quint32 value) const
{
    for (const NamedValue &nv : *this)
        if (nv.value == value)
            return nv.name;
    return nullptr;
}

QString NameTable::namesOf(quint32 mask) const
{
    QString out;
    for (const NamedValue &nv : *this) {
        if (!(mask & nv.value))
            continue;
        if (!out.isEmpty())
            out += QLatin1Char(',');
        out += QLatin1String(nv.name);
    }
    return out;
}

std::optional<quint32> NameTable::maskOf(QStringView list, Qt::CaseSensitivity cs) const
{
    quint32 mask = 0;
    for (const QStringView item : list.split(QLatin1Char(','))) {
        const auto v = valueOf(item, cs);
        if (!v)
            return std::nullopt;
        mask |= *v;
    }
    return mask;
}

NameTable NetfilterNames::tcpFlags()
{
    return tableOf(kTcpFlags);
}

std::optional<quint32> NetfilterNames::tcpFlagMask(QStringView text)
{
    quint32 mask = 0;
    for (const QStringView flag : text.split(QLatin1Char(','))) {
        if (flag.compare(QLatin1String("ALL"), Qt::CaseInsensitive) == 0) {
            mask |= 0x3f;
            continue;
        }
        if (flag.compare(QLatin1String("NONE"), Qt::CaseInsensitive) == 0)
            continue;
        const auto v = tcpFlags().valueOf(flag, Qt::CaseInsensitive);
        if (!v)
            return std::nullopt;
        mask |= *v;
    }
    return mask;
}

QString NetfilterNames::tcpFlagsText(quint32 mask)
{
    const QString names = tcpFlags().namesOf(mask);
    return names.isEmpty() ? QStringLiteral("NONE") : names;
}

NameTable NetfilterNames::ctStates()
{
    return tableOf(kCtStates);
}

NameTable NetfilterNames::states()
{
    return NameTable(kCtStates, 5); // up to UNTRACKED
}

NameTable NetfilterNames::ctStatus()
{
    return tableOf(kCtStatus);
}

NameTable NetfilterNames::addrTypes()
{
    return tableOf(kAddrTypes);
}

NameTable NetfilterNames::rejectTypes(Family family)
{
    return family == Family::IPv4 ? tableOf(kReject4) : tableOf(kReject6);
}

NameTable NetfilterNames::logFlags()
{
    return tableOf(kLogFlags);
}

NameTable NetfilterNames::logLevels()
{
    return tableOf(kLogLevels);
}

} // namespace Userchain

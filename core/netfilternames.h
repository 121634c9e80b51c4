#pragma once

#include "rule.h"

#include <QString>
#include <QStringList>
#include <QStringView>
#include <optional>

namespace Userchain {

/// A name iptables prints, the kernel's value for it, and another spelling iptables accepts.
struct NamedValue
{
    const char *name;
    quint32 value;
    const char *alias = nullptr;
};

/// A fixed table of NamedValues, in the order iptables prints them.
class NameTable final
{
public:
    constexpr NameTable(const NamedValue *first, size_t count) : m_first(first), m_count(count) {}

    const NamedValue *begin() const { return m_first; }
    const NamedValue *end() const { return m_first + m_count; }
    size_t size() const { return m_count; }

    QStringList names() const;
    /// The value of a name (or alias); case-insensitive when iptables compares so.
    std::optional<quint32> valueOf(QStringView name,
                                   Qt::CaseSensitivity cs = Qt::CaseSensitive) const;
    /// The name of exactly this value, or nullptr.
    const char *nameOf(quint32 value) const;
    /// The names of the bits set in mask, comma-separated in table order ("" for none).
    QString namesOf(quint32 mask) const;
    /// A comma-separated list of names as a mask of their values; nullopt for an unknown name.
    std::optional<quint32> maskOf(QStringView list,
                                  Qt::CaseSensitivity cs = Qt::CaseSensitive) const;

private:
    const NamedValue *m_first;
    size_t m_count;
};

/**
 * netfilter's name tables, each kept once with the kernel's values: the parser canonicalizes
 * with them, the kernel codecs encode and decode with them, the evaluator reads rules with
 * them. The order of each table is the order iptables prints the names in.
 */
class NetfilterNames final
{
public:
    /// TCP flags FIN,SYN,RST,PSH,ACK,URG (bits 0x01 to 0x20).
    static NameTable tcpFlags();
    /// "ALL", "NONE" or a comma list of tcpFlags() (any case) as a mask.
    static std::optional<quint32> tcpFlagMask(QStringView text);
    /// libxt_tcp's print_tcpf: "NONE" for no flag, else the names in table order.
    static QString tcpFlagsText(quint32 mask);

    /// conntrack's --ctstate (xt_conntrack's state bits), in libxt_conntrack's order.
    static NameTable ctStates();
    /// `-m state --state`: the states without SNAT and DNAT.
    static NameTable states();
    /// conntrack's --ctstatus (IPS_* bits).
    static NameTable ctStatus();
    /// addrtype's types (XT_ADDRTYPE_* bits, 1 << RTN_*).
    static NameTable addrTypes();
    /// REJECT's --reject-with types and their short aliases (enum ipt/ip6t_reject_with).
    static NameTable rejectTypes(Family family);
    /// LOG's flag options (XT_LOG_*).
    static NameTable logFlags();
    /// Syslog levels by name (0 to 7), as LOG and NFLOG read them.
    static NameTable logLevels();
};

} // namespace Userchain

#pragma once

#include "ipaddress.h"
#include "rule.h"

#include <QString>
#include <QStringList>
#include <QVector>
#include <optional>

namespace Userchain {

enum class CtState { New, Established, Related, Invalid, Untracked };
enum class CtDirection { Original, Reply };

/**
 * One packet as it arrives at the host, for PacketTracer. Fields left unset are unknown, and a
 * rule that tests an unknown field makes the answer "depends on rule N", never a guess.
 *
 * For a packet of an existing connection (state other than New), origDst/origDport give the
 * destination the connection's first packet had before Docker's DNAT (for a reply: what the
 * client addressed); unset, the tracer derives them from the nat table as the first packet
 * would have met it.
 */
struct Packet
{
    Family family = Family::IPv4;
    QString inInterface;  ///< required: the interface the packet arrives on
    QString outInterface; ///< empty: derived (the bridge of a container address, see Ruleset)
    IpAddress src;
    std::optional<IpAddress> dst; ///< unset: "an address of this host" (value unknown)
    int protocol = 6;             ///< IP protocol number (6 tcp, 17 udp, 1 icmp, 58 ipv6-icmp)
    std::optional<int> sport;
    std::optional<int> dport;
    int icmpType = -1; ///< -1: unknown
    int icmpCode = -1;
    std::optional<int> tcpFlags; ///< FIN 1, SYN 2, RST 4, PSH 8, ACK 16, URG 32; unset: derived
    CtState state = CtState::New;
    CtDirection direction = CtDirection::Original;
    std::optional<IpAddress> origDst;
    std::optional<int> origDport;
    /// Whether dst is an address of the host; unset: yes when dst is unset or not a container.
    std::optional<bool> dstLocal;

    bool isTcpLike() const { return protocol == 6 || protocol == 17; }
};

/// One rule the packet matched, or a chain policy that decided (rule 0).
struct TraceStep
{
    QString table;
    QString chain;
    int rule = 0;   ///< 1-based as `iptables -L --line-numbers` counts; 0: the chain's policy
    QString text;   ///< the rule-spec, or "-P CHAIN POLICY"
    QString action; ///< "ACCEPT", "DROP", "REJECT", "RETURN", "jump DOCKER", "DNAT …", "LOG"
};

enum class VerdictKind { Accept, Drop, Reject, Unknown };

/// The fate of a packet and the rule that decided it.
struct Verdict
{
    VerdictKind kind = VerdictKind::Unknown;
    QString table;
    QString chain;
    int rule = 0; ///< 0: the chain's policy
    QString ruleText;
    /// Only for Unknown: "depends on rule N of CHAIN (uses X)".
    QString dependsOn;

    static QString kindName(VerdictKind kind); ///< "ACCEPT", "DROP", "REJECT", "unknown"
    bool sameDecision(const Verdict &o) const
    {
        return kind == o.kind && table == o.table && chain == o.chain && rule == o.rule &&
               dependsOn == o.dependsOn;
    }
};

/// What PacketTracer found: the verdict, every rule on the way, and what it assumed.
struct Trace
{
    Verdict verdict;
    QVector<TraceStep> path;
    QStringList notes; ///< assumptions and facts worth saying (e.g. "DOCKER-USER does not see …")
    bool toHost = false; ///< the packet went to INPUT (the host itself), not FORWARD
    std::optional<IpAddress> dnatAddress; ///< the destination after Docker's DNAT
    std::optional<int> dnatPort;
    QString outInterface; ///< FORWARD's out interface, when known
};

} // namespace Userchain

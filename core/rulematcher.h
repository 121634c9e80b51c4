#pragma once

#include "ipaddress.h"
#include "packet.h"
#include "rule.h"

#include <QString>
#include <optional>

namespace Userchain {

class Ruleset;

enum class Tri : quint8 { No, Yes, Unknown };

/// Whether a rule matches; for Unknown, what it uses that cannot be decided ("limit", ...).
struct MatchResult
{
    Tri value = Tri::Yes;
    QString uses;
};

/**
 * The packet as the rules of one hook see it: interfaces, addresses and ports at that point
 * (after Docker's DNAT in FORWARD) and the connection's conntrack entry.
 */
struct MatchContext
{
    Family family = Family::IPv4;
    QString in;
    bool ignoreIn = false; ///< leave `-i` out (Exposure tests it per interface class itself)
    QString out;           ///< empty with hasOut: not known
    bool hasOut = false;   ///< FORWARD has an out interface; PREROUTING and INPUT have none
    IpAddress src;
    std::optional<IpAddress> dst; ///< unset: an address of the host, value unknown
    bool dstLocal = false;        ///< dst is an address of the host
    bool dstContainer = false;    ///< dst is routed unicast (a container, or any forwarded packet)
    int protocol = 6;
    std::optional<int> sport;
    std::optional<int> dport;
    int icmpType = -1;
    int icmpCode = -1;
    std::optional<int> tcpFlags;
    CtState state = CtState::New;
    CtDirection direction = CtDirection::Original;
    bool dnat = false; ///< the connection was DNATed (conntrack's DNAT state)
    /// The packet's and its connection's marks; unset: as Ruleset::initialMark() says.
    std::optional<quint32> mark, ctMark;
    bool confirmed = false; ///< the entry is in the table (any packet after the first)
    // The conntrack tuples; unset: not known.
    std::optional<IpAddress> origSrc, origDst, replSrc, replDst;
    std::optional<int> origSport, origDport, replSport, replDport;
};

/**
 * The source addresses a rule's source conditions allow, collected instead of decided when
 * the evaluator follows a class of packets (Exposure) rather than one packet. Source conditions
 * are `-s`, `--src-range`, `--match-set NAME src` and conntrack's original source / reply
 * destination, which for a new incoming connection are the packet's source.
 */
struct SourceConstraint
{
    RangeList allowed;
};

/**
 * Decides one rule for one packet exactly, or says what it cannot decide. Every supported
 * match is evaluated as the kernel's xt module does (xt_conntrack, xt_multiport, xt_iprange,
 * xt_addrtype, xt_set, xt_mark, xt_physdev, ...); rate and connection limits (limit,
 * hashlimit, connlimit), time, string, mac, --tcp-option, --ctexpire, marks nothing proves,
 * the bridge ports of physdev, sets not read and rules kept verbatim are Unknown. Packets are
 * assumed not to be fragments (`-f` never matches).
 */
class RuleMatcher final
{
public:
    /// sourceSet non-null: source conditions narrow it instead of being tested on ctx.src.
    static MatchResult match(const Rule &rule, const MatchContext &ctx, const Ruleset &ruleset,
                             SourceConstraint *sourceSet = nullptr);
};

} // namespace Userchain

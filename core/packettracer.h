#pragma once

#include "chainwalker.h"
#include "packet.h"
#include "ruleset.h"

namespace Userchain {

/**
 * Follows one packet through a Ruleset the way the kernel does for traffic arriving at a
 * Docker host: raw PREROUTING (before conntrack, so conntrack matches see INVALID there);
 * nat PREROUTING with Docker's DNAT for a connection's first packet (later packets get the
 * same translation from conntrack without passing nat); then filter FORWARD (DOCKER-USER and
 * Docker's chains) towards a container, or filter INPUT for the host itself, which is where
 * traffic to ports Docker's userland proxy serves goes (DOCKER-USER never sees it).
 *
 * Not modelled: the mangle and security tables (Docker does not use them), nat POSTROUTING
 * (after the filter verdict), fragments, and routes other than those Docker's rules imply
 * (see Ruleset). What cannot be decided makes the verdict Unknown with the rule it depends on.
 */
class PacketTracer final
{
public:
    static Trace trace(const Ruleset &ruleset, const Packet &packet);

    /// The filter-table context of a new connection after nat (shared with Exposure).
    static MatchContext forwardContext(const Packet &packet, const IpAddress &dst, int dport,
                                       bool dnat, const QString &out, bool toHost);
    /// The context nat and raw PREROUTING see for a connection's first packet.
    static MatchContext preroutingContext(const Packet &packet, bool raw);
    /// Applies a DNAT rule's --to-destination; false when it cannot be read.
    static bool dnatTarget(const Ruleset &ruleset, const WalkOutcome &outcome, IpAddress *address,
                           int *port);
};

} // namespace Userchain

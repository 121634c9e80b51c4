#pragma once

#include "packet.h"
#include "ruleset.h"

#include <QString>
#include <QStringList>
#include <QVector>

namespace Userchain {

/// A part of a published port's reachable (or undecided) set and the rule that decides it.
struct ExposureEntry
{
    AddressRange sources;
    QString inInterface; ///< a name, a `+` wildcard, or "any"
    QStringList except;  ///< interfaces under inInterface that this entry leaves out
    Verdict decision;    ///< ACCEPT for reachable entries; Unknown with dependsOn otherwise
};

/// Which new connections reach one published port's container.
struct PortExposure
{
    PublishedPort port;
    QVector<ExposureEntry> reachable;
    QVector<ExposureEntry> undecided;
    /// The rules (or policies) that drop or reject some of the port's new connections.
    QVector<Verdict> blockers;
};

/**
 * Packet classes instead of packets: for each published port, exactly which new connections
 * (source address × incoming interface) reach the container, and the rule that decides each
 * part. The source space is cut at every boundary of a prefix, range or set that a relevant
 * rule tests (128-bit for IPv6); interfaces fall into classes (each name a rule names, each
 * `+` wildcard, and every other name); one representative per cell is followed through raw,
 * nat and filter as PacketTracer would, and neighbouring cells with the same verdict and
 * deciding rule are merged. A port that Docker publishes on a range of host ports is
 * evaluated at its first port; the source port of the client is unknown, so rules that test
 * it leave their cells undecided.
 */
class Exposure final
{
public:
    static QVector<PortExposure> compute(const Ruleset &ruleset);
    static PortExposure computePort(const Ruleset &ruleset, const PublishedPort &port);
    /// "10.0.0.1", "10.0.0.0/8" or "10.0.0.1-10.0.0.9", whichever is exact and shortest.
    static QString rangeText(const AddressRange &range, Family family);
};

} // namespace Userchain

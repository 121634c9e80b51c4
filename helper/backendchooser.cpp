#include "backendchooser.h"

#include <QDateTime>

namespace Userchain {

namespace {
// Detection runs iptables-nft-save, nft and iptables -V. Which backend Docker uses changes only
// when Docker or the host is reconfigured, so a detection is reused for a few seconds rather
// than paid for on every call of a busy client.
constexpr qint64 DetectionTtlMs = 30 * 1000;
// Backends Apply may write through: libiptc for legacy hosts, iptables-nft-restore (one
// nf_tables transaction) for nft hosts. "none" has nothing to write to.
const QStringList WritableBackends{QStringLiteral("legacy"), QStringLiteral("nft")};
} // namespace

BackendChooser::Choice BackendChooser::choose(Family family)
{
    Detection &cached = m_detections[int(family)];
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (cached.madeAt == 0 || now - cached.madeAt > DetectionTtlMs || now < cached.madeAt) {
        cached.detection = BackendDetector::detect(family);
        cached.madeAt = now;
    }
    const BackendDetection &detection = cached.detection;
    Choice choice;
    choice.name = detection.backend;
    choice.detail = detection.detail;
    choice.warnings = detection.warnings;
    choice.dockerNftables = detection.dockerNftables;
    auto it = m_backends.find(detection.backend);
    if (it == m_backends.end())
        it = m_backends.insert(detection.backend,
                               std::shared_ptr<Backend>(BackendDetector::create(detection)));
    choice.backend = it->get(); // nullptr for "none"
    choice.writable = choice.backend && WritableBackends.contains(choice.name);
    return choice;
}

} // namespace Userchain

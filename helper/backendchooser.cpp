#include "backendchooser.h"

#include "iptcbackend.h"

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

BackendChooser::BackendChooser(Moment moment) : m_moment(moment) {}

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
    if (!choice.backend && m_moment == Moment::BeforeDocker)
        choice.backend = dockerToCome(family, detection, &choice);
    choice.writable = choice.backend && WritableBackends.contains(choice.name);
    return choice;
}

Backend *BackendChooser::dockerToCome(Family family, const BackendDetection &detection,
                                      Choice *choice)
{
    if (detection.iptablesDisabled || detection.dockerNftables)
        return nullptr;
    QString name;
    if (detection.iptablesVariant == QLatin1String("legacy")) {
        // Opening a legacy table creates it, which is why the service never does so unasked;
        // here it is what iptables-legacy would do for Docker a moment later.
        QString error;
        if (!IptcBackend::createTable(family, QStringLiteral("filter"), &error)) {
            choice->detail = {QLatin1String(NoteCode::LegacyTableNotCreated), {error}};
            return nullptr;
        }
        name = QStringLiteral("legacy");
    } else if (detection.iptablesVariant == QLatin1String("nf_tables")) {
        name = QStringLiteral("nft");
    } else {
        return nullptr;
    }
    choice->name = name;
    choice->detail = {QLatin1String(NoteCode::DockerToCome), {detection.iptablesVariant}};
    BackendDetection as = detection;
    as.backend = name;
    auto it = m_backends.find(name);
    if (it == m_backends.end())
        it = m_backends.insert(name, std::shared_ptr<Backend>(BackendDetector::create(as)));
    return it->get();
}

} // namespace Userchain

#pragma once

#include "backend.h"
#include "backenddetector.h"

#include <QHash>
#include <QString>
#include <QStringList>
#include <memory>

namespace Userchain {

/**
 * Which backend reaches Docker's chains for a family, detected per call and reused for a
 * while; the backends themselves are made once and kept (they cache decoded entries).
 *
 * Why detection comes first: on an nf_tables host, merely initialising libiptc creates empty
 * legacy tables that make iptables-nft print warnings ever after. Only a host whose Docker
 * chains are in the legacy tables gets libiptc.
 *
 * Before Docker starts (`--restore-saved --before-docker`) there are no Docker chains to find:
 * then the backend is the one Docker will use, the variant `iptables -V` reports, unless
 * Docker makes no chains ("iptables": false, its nftables firewall).
 */
class BackendChooser final
{
public:
    enum class Moment {
        DockerRunning, ///< the service: only where Docker's chains are
        BeforeDocker,  ///< the restore before Docker: also where Docker will put them
    };

    struct Choice
    {
        Backend *backend = nullptr;  ///< nullptr: no backend can read or write this family here
        QString name;                ///< "legacy", "nft", "none"
        SnapshotNote detail;         ///< a NoteCode: why this backend, or why none
        SnapshotNotes warnings;      ///< NoteCodes
        bool writable = false;       ///< Apply may use this backend
        bool dockerNftables = false; ///< Docker 29's nftables firewall is in use
    };

    explicit BackendChooser(Moment moment = Moment::DockerRunning);

    Choice choose(Family family);
    /// Detect again on the next call (after creating the chain or jump, or a failed commit).
    void forget() { m_detections.clear(); }

private:
    struct Detection
    {
        BackendDetection detection;
        qint64 madeAt = 0;
    };

    /// The backend Docker is about to use (Moment::BeforeDocker), or nullptr.
    Backend *dockerToCome(Family family, const BackendDetection &detection, Choice *choice);

    Moment m_moment = Moment::DockerRunning;
    QHash<int, Detection> m_detections;                  ///< by family
    QHash<QString, std::shared_ptr<Backend>> m_backends; ///< by backend name
};

} // namespace Userchain

#pragma once

#include "rule.h"
#include "snapshotnote.h"

#include <QString>

namespace Userchain {

/**
 * What `/etc/docker/daemon.json` says about Docker's iptables handling. `"iptables": false`
 * (`"ip6tables": false` for IPv6)
 * means Docker creates no chains at all, which the snapshot reports so that clients can
 * explain an empty table instead of showing a blank window.
 */
class DockerDaemonConfig final
{
public:
    /// The largest daemon.json read; a real one is a few hundred bytes.
    static constexpr qint64 MaxFileSize = 1024 * 1024;

    /// The file to read: the standard path, or `$USERCHAIN_DOCKER_DAEMON_JSON` (tests).
    static QString defaultPath();

    /**
     * Reads path. Returns true when it sets "iptables" (IPv4) or "ip6tables" (IPv6) to false. A
     * missing file is normal (Docker's defaults apply); an unreadable, oversized or malformed one
     * sets warning (NoteCode::DaemonJson...).
     */
    static bool iptablesDisabled(const QString &path, Family family, SnapshotNote *warning);
};

} // namespace Userchain

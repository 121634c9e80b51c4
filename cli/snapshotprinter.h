#pragma once

#include "dbustypes.h"

#include <QString>
#include <QStringList>

namespace Userchain {

/// Text forms of a Snapshot for userchainctl's status, show and export commands.
class SnapshotPrinter final
{
public:
    /// The filter table's DOCKER-USER, or nullptr.
    static const ChainInfo *dockerUser(const Snapshot &snapshot);
    /// DOCKER-USER's rule specs in order (empty if the chain is missing).
    static QStringList dockerUserSpecs(const Snapshot &snapshot);

    /// Human-readable facts: backend, revision, chain and jump state, daemon.json, warnings.
    static QString status(const Snapshot &snapshot);

    /**
     * The tables in iptables-save's format (`*table`, `:CHAIN POLICY [0:0]`, `-A` lines,
     * `COMMIT`), so that the output can be compared with iptables-save and fed to
     * iptables-restore. chain/table restrict the output; counters prefixes each rule with
     * `[packets:bytes]` as `iptables-save -c` does. UTF-8, as it is printed.
     */
    static QByteArray save(const Snapshot &snapshot, const QString &chain, const QString &table,
                           bool counters);
};

} // namespace Userchain

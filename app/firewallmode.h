#pragma once

#include "dbustypes.h"
#include "rule.h"

#include <QCoreApplication>
#include <QStringList>

/**
 * Which of Docker's firewall layouts a snapshot shows, beyond the backend the helper reads:
 * Docker 29's nftables mode (table `docker-bridges`, or `"firewall-backend": "nftables"` in
 * daemon.json), where DOCKER-USER does not exist, and a DOCKER-USER left over from iptables
 * mode, which the kernel still runs as long as FORWARD jumps to it.
 *
 * The helper says so with the code Userchain::NoteCode::DockerNftables, as the backend detail
 * when there is no DOCKER-USER and among the warnings whenever Docker uses nftables.
 */
class FirewallMode final
{
    Q_DECLARE_TR_FUNCTIONS(FirewallMode)
public:
    enum class LeftOver {
        None,     ///< not nftables mode, or no DOCKER-USER
        Active,   ///< FORWARD still jumps to DOCKER-USER: its rules still filter traffic
        Inactive, ///< nothing jumps to it: its rules have no effect
    };

    static bool dockerUsesNftables(const Userchain::Snapshot &snapshot);
    static LeftOver leftOverDockerUser(const Userchain::Snapshot &snapshot);
    /// The helper's warnings in words (HelperCodeText), leaving out those other notices explain.
    static QStringList displayedWarnings(const Userchain::Snapshot &snapshot);
    /// What Docker recommends instead of DOCKER-USER in nftables mode.
    static QString nftablesAdvice();
    /// An nftables table in the shape Docker's documentation suggests, for `family`.
    static QString nftablesExample(Userchain::Family family);
};

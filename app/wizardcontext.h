#pragma once

#include "dbustypes.h"
#include "rule.h"

#include <QString>
#include <QStringList>
#include <QVector>
#include <optional>

/// A host port Docker publishes, read from a DNAT rule of nat's DOCKER chain.
struct PublishedPort
{
    QString protocol;    ///< "tcp" or "udp"
    QString hostPort;    ///< "8080"
    QString hostAddress; ///< "127.0.0.1" if bound to one address, else empty
    QString container;   ///< "172.17.0.2:80"
};

/**
 * What the wizards may offer: the host's interfaces and Docker's published ports; and the
 * table the rules go into, so that a wizard can tell whether its rules would be reached.
 */
struct WizardContext
{
    Userchain::Family family = Userchain::Family::IPv4;
    QStringList interfaces;
    QVector<PublishedPort> publishedPorts;
    /// The other family's DOCKER-USER can be edited too: offer "also add to IPv6/IPv4".
    bool otherFamilyAvailable = false;
    /// DOCKER-USER's rules as they are now, in order (a verbatim rule's text may not parse; it
    /// is then never taken to catch the new rules' packets).
    QStringList currentRules;
    /// Where new rules go unless the wizard moves them up (0-based); -1: at the end.
    int insertionRow = -1;
    /// The family's tables with DOCKER-USER as `currentRules` (EditSession::editedSnapshot()),
    /// for what the new rules do to the published ports (WizardExposure); unset: not known.
    std::optional<Userchain::Snapshot> snapshot;
};

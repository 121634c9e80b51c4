#pragma once

#include "rule.h"

#include <QString>
#include <QStringList>
#include <QVector>

/// A host port Docker publishes, read from a DNAT rule of nat's DOCKER chain.
struct PublishedPort
{
    QString protocol;    ///< "tcp" or "udp"
    QString hostPort;    ///< "8080"
    QString hostAddress; ///< "127.0.0.1" if bound to one address, else empty
    QString container;   ///< "172.17.0.2:80"
};

/// What the wizards may offer: the host's interfaces and Docker's published ports.
struct WizardContext
{
    Userchain::Family family = Userchain::Family::IPv4;
    QStringList interfaces;
    QVector<PublishedPort> publishedPorts;
    /// The other family's DOCKER-USER can be edited too: offer "also add to IPv6/IPv4".
    bool otherFamilyAvailable = false;
};

#pragma once

#include "dbustypes.h"
#include "wizardcontext.h"

/// Facts about this host and Docker that the wizards offer as choices.
class HostInfo final
{
public:
    /// Network interfaces that can face the outside: not lo, veths or Docker's bridges.
    static QStringList
    externalInterfaces(const QString &sysClassNet = QStringLiteral("/sys/class/net"));
    /// Host ports Docker publishes, from the DNAT rules of nat's DOCKER chain.
    static QVector<PublishedPort> publishedPorts(const Userchain::Snapshot &snapshot);
    static WizardContext context(const Userchain::Snapshot &snapshot);
};

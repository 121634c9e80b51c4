#include "hostinfo.h"

#include <QDir>

QStringList HostInfo::externalInterfaces(const QString &sysClassNet)
{
    QStringList names =
        QDir(sysClassNet).entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::System);
    names.erase(std::remove_if(names.begin(), names.end(),
                               [](const QString &n) {
                                   return n == QLatin1String("lo") ||
                                          n.startsWith(QLatin1String("veth")) ||
                                          n.startsWith(QLatin1String("br-")) ||
                                          n.startsWith(QLatin1String("docker"));
                               }),
                names.end());
    names.sort();
    return names;
}

QVector<PublishedPort> HostInfo::publishedPorts(const Userchain::Snapshot &snapshot)
{
    QVector<PublishedPort> ports;
    for (const Userchain::ChainInfo &chain : snapshot.chains) {
        if (chain.table != QLatin1String("nat") || chain.name != QLatin1String("DOCKER")) {
            continue;
        }
        for (const Userchain::RuleEntry &rule : chain.rules) {
            // Docker writes these itself in one fixed shape; reading tokens is enough here.
            const QStringList t = rule.spec.split(QLatin1Char(' '), Qt::SkipEmptyParts);
            PublishedPort port;
            bool dnat = false;
            for (int i = 0; i + 1 < t.size(); ++i) {
                const QString &tok = t.at(i);
                if (tok == QLatin1String("-p")) {
                    port.protocol = t.at(i + 1);
                } else if (tok == QLatin1String("--dport") &&
                           (i == 0 || t.at(i - 1) != QLatin1String("!"))) {
                    port.hostPort = t.at(i + 1);
                } else if (tok == QLatin1String("-d") &&
                           (i == 0 || t.at(i - 1) != QLatin1String("!"))) {
                    port.hostAddress = t.at(i + 1).section(QLatin1Char('/'), 0, 0);
                } else if (tok == QLatin1String("-j") && t.at(i + 1) == QLatin1String("DNAT")) {
                    dnat = true;
                } else if (tok == QLatin1String("--to-destination")) {
                    port.container = t.at(i + 1);
                }
            }
            if (dnat && !port.hostPort.isEmpty() && !port.protocol.isEmpty()) {
                ports.append(port);
            }
        }
    }
    return ports;
}

WizardContext HostInfo::context(const Userchain::Snapshot &snapshot)
{
    WizardContext context;
    context.family = snapshot.family == 6 ? Userchain::Family::IPv6 : Userchain::Family::IPv4;
    context.interfaces = externalInterfaces();
    context.publishedPorts = publishedPorts(snapshot);
    return context;
}

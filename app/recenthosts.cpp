#include "recenthosts.h"

#include "bustarget.h"

#include <QSettings>

namespace {
const QString Key = QStringLiteral("remote/recentHosts");
} // namespace

QStringList RecentHosts::load()
{
    QStringList hosts;
    const QStringList stored = QSettings().value(Key).toStringList();
    for (const QString &host : stored) {
        // The settings file is the user's to edit: only what --host would accept comes back.
        QString ignored;
        if (Userchain::BusTarget::parse(host, &ignored) && !hosts.contains(host)) {
            hosts << host;
        }
    }
    return hosts.mid(0, MaxHosts);
}

void RecentHosts::add(const QString &host)
{
    QStringList hosts = load();
    hosts.removeAll(host);
    hosts.prepend(host);
    QSettings().setValue(Key, hosts.mid(0, MaxHosts));
}

void RecentHosts::clear()
{
    QSettings().remove(Key);
}

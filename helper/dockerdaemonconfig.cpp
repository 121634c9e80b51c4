#include "dockerdaemonconfig.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

namespace Userchain {

QString DockerDaemonConfig::defaultPath()
{
    // Why an environment override is acceptable in a root service: the environment is the
    // helper's own, set by whoever started it as root (the bus daemon's activation
    // environment cannot be changed by clients on the system bus). Callers never name a path.
    const QByteArray env = qgetenv("USERCHAIN_DOCKER_DAEMON_JSON");
    return env.isEmpty() ? QStringLiteral("/etc/docker/daemon.json") : QString::fromLocal8Bit(env);
}

bool DockerDaemonConfig::iptablesDisabled(const QString &path, Family family, SnapshotNote *warning)
{
    const QFileInfo info(path);
    if (!info.exists())
        return false;
    // A FIFO or device would block or never end; daemon.json is a regular file.
    if (!info.isFile()) {
        *warning = {QLatin1String(NoteCode::DaemonJsonUnreadable), {}};
        return false;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *warning = {QLatin1String(NoteCode::DaemonJsonUnreadable), {}};
        return false;
    }
    // Bounded read: the file is root's, but a helper should not be made to allocate whatever
    // size a broken file (or a FIFO) has.
    const QByteArray data = file.read(MaxFileSize + 1);
    if (data.size() > MaxFileSize) {
        *warning = {QLatin1String(NoteCode::DaemonJsonTooLarge), {QString::number(MaxFileSize)}};
        return false;
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(data, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        *warning = {QLatin1String(NoteCode::DaemonJsonInvalid), {}};
        return false;
    }
    const QJsonValue iptables = doc.object().value(
        family == Family::IPv6 ? QLatin1String("ip6tables") : QLatin1String("iptables"));
    return iptables.isBool() && !iptables.toBool();
}

} // namespace Userchain

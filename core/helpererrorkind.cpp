#include "helpererrorkind.h"

#include "dbustypes.h"

#include <QHash>

namespace Userchain {

HelperErrorKind helperErrorKind(const QString &name, QDBusError::ErrorType type)
{
    using K = HelperErrorKind;
    static const QHash<QString, K> byName = {
        {QStringLiteral("org.freedesktop.DBus.Error.ServiceUnknown"), K::NotInstalled},
        {QStringLiteral("org.freedesktop.DBus.Error.Spawn.ServiceNotFound"), K::NotInstalled},
        {QStringLiteral("org.freedesktop.DBus.Error.NoReply"), K::NotReachable},
        {QStringLiteral("org.freedesktop.DBus.Error.Timeout"), K::NotReachable},
        {QStringLiteral("org.freedesktop.DBus.Error.TimedOut"), K::NotReachable},
        {QStringLiteral("org.freedesktop.DBus.Error.Disconnected"), K::NotReachable},
        {QStringLiteral("org.freedesktop.DBus.Error.NoServer"), K::NotReachable},
        {QStringLiteral("org.freedesktop.DBus.Error.NameHasNoOwner"), K::NotReachable},
        {QStringLiteral("org.freedesktop.DBus.Error.UnknownMethod"), K::NotSupported},
        {QStringLiteral("org.freedesktop.DBus.Error.UnknownInterface"), K::NotSupported},
        {QStringLiteral("org.freedesktop.DBus.Error.UnknownObject"), K::NotSupported},
        {QStringLiteral("org.freedesktop.DBus.Error.AccessDenied"), K::NotAuthorized},
        {QLatin1String(DBusError::NotAuthorized), K::NotAuthorized},
        {QLatin1String(DBusError::Cancelled), K::Cancelled},
        {QLatin1String(DBusError::StaleRevision), K::StaleRevision},
        {QLatin1String(DBusError::InvalidRule), K::InvalidRule},
        {QLatin1String(DBusError::InvalidArgument), K::InvalidArgument},
        {QLatin1String(DBusError::ChainMissing), K::ChainMissing},
        {QLatin1String(DBusError::BackendUnavailable), K::BackendUnavailable},
        {QLatin1String(DBusError::Busy), K::Busy},
        {QLatin1String(DBusError::NoSuchTransaction), K::NoSuchTransaction},
        {QLatin1String(DBusError::Failed), K::Failed},
    };
    if (const auto it = byName.constFind(name); it != byName.constEnd())
        return *it;
    // Any other failure to start the service (Spawn.ExecFailed, Spawn.ChildExited, ...), and
    // errors QtDBus makes itself for a connection that is gone.
    if (name.startsWith(QLatin1String("org.freedesktop.DBus.Error.Spawn")))
        return K::NotReachable;
    switch (type) {
    case QDBusError::Disconnected:
    case QDBusError::NoServer:
    case QDBusError::NoReply:
    case QDBusError::Timeout:
    case QDBusError::TimedOut:
    case QDBusError::ServiceUnknown:
        return type == QDBusError::ServiceUnknown ? K::NotInstalled : K::NotReachable;
    default:
        return K::Failed;
    }
}

} // namespace Userchain

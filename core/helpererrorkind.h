#pragma once

#include <QDBusError>
#include <QString>

namespace Userchain {

/// What went wrong in a call to the helper, decided from the D-Bus error's name alone (never
/// from its English message), so the GUI and the CLI word it the same way in the user's language.
enum class HelperErrorKind {
    None,
    NotInstalled,  ///< the bus knows no such service and cannot activate one
    NotReachable,  ///< no system bus, activation failed, no reply, the connection ended
    NotAuthorized, ///< polkit said no
    Cancelled,     ///< the user dismissed the authentication dialog
    StaleRevision, ///< DOCKER-USER changed since the snapshot the edit is based on
    InvalidRule,
    InvalidArgument,
    ChainMissing,
    BackendUnavailable,
    Busy,
    NoSuchTransaction, ///< a confirmed apply that already ended (kept or rolled back)
    NotSupported,      ///< the installed helper does not know the method (an older helper)
    Failed,
};

/// The one mapping from D-Bus error names (and the connection's own error types) to kinds.
HelperErrorKind helperErrorKind(const QString &name, QDBusError::ErrorType type);

} // namespace Userchain

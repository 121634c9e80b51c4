#pragma once

#include <QDBusConnection>
#include <QMap>
#include <QObject>
#include <QString>
#include <functional>

namespace Userchain {

/**
 * Asks polkit whether a bus client may perform an action, through polkit's own D-Bus API
 * (org.freedesktop.PolicyKit1.Authority.CheckAuthorization): Debian 12 has no Qt 6 build of
 * PolicyKit-qt, and the D-Bus API is polkit's stable interface anyway.
 *
 * The call is asynchronous: the answer arrives in the callback from the event loop, never from
 * a nested loop, so the helper keeps serving other clients while an authentication dialog is
 * open.
 */
class PolkitAuthorizer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PolkitAuthorizer)

public:
    enum class Result {
        Authorized,
        Denied,    ///< polkit said no
        Cancelled, ///< the user dismissed or cancelled the authentication dialog: still no
        Challenge, ///< authentication would be needed but no agent could ask
        Failed,    ///< polkit unreachable or answered nonsense: treated as "no"
    };
    /// detail: polkit's error text for Failed; for Cancelled, "dismissed by the user" or
    /// "cancelled"; otherwise empty.
    using Callback = std::function<void(Result result, const QString &detail)>;

    explicit PolkitAuthorizer(const QDBusConnection &bus, QObject *parent = nullptr);

    /**
     * Check actionId for the client with the unique bus name busName (":1.42"). details are
     * shown by authentication agents and are visible to polkit rules.
     */
    void check(const QString &busName, const QString &actionId,
               const QMap<QString, QString> &details, int timeoutMs, Callback done);

    /// How long polkit may take, authentication dialog included.
    static constexpr int CallTimeoutMs = 5 * 60 * 1000;
    /// How long polkit may take for an action that never needs a password.
    static constexpr int ReadTimeoutMs = 25 * 1000;

private:
    QDBusConnection m_bus;
};

} // namespace Userchain

#pragma once

#include "bustarget.h"

#include <QDBusConnection>
#include <QObject>

class SshTunnel;

/**
 * One window's connection to the helper of its host: the system bus here, or a remote host's
 * through an SshTunnel. Opening a remote host never blocks the window: ssh logs in on its own
 * (asking through ssh-askpass if it must) while the window shows "Connecting", and the D-Bus
 * connection is opened on a thread of its own once ssh is in. A connection that ends (ssh
 * killed, the network gone, the server's bus stopped) is reported at once as Lost, with what
 * ssh said; open() makes a new one.
 */
class HostConnection final : public QObject
{
    Q_OBJECT
public:
    enum class State { Idle, Connecting, Connected, Failed, Lost };
    Q_ENUM(State)

    explicit HostConnection(const Userchain::BusTarget &target, QObject *parent = nullptr);
    ~HostConnection() override;

    const Userchain::BusTarget &target() const { return m_target; }
    /// BusTarget::displayName(): `[USER@]HOST[:PORT]`, empty for this computer.
    QString hostName() const { return m_target.displayName(); }
    State state() const { return m_state; }
    QDBusConnection connection() const { return m_bus; }
    /// Why the last attempt failed or the connection was lost: ssh's own words if it said
    /// anything, else the bus's.
    QString message() const { return m_message; }
    /// The running ssh's process id (0 if none): tests end it to cut the connection.
    qint64 sshProcessId() const { return m_sshPid; }

    /// Connects, or connects again after Failed or Lost (a new ssh session).
    void open();
    /// Gives up a login in progress (ssh is ended); the state becomes Failed.
    void cancel();

signals:
    void stateChanged(HostConnection::State state);
    /// Connected (again): the helper is reached on `bus` from now on.
    void connected(const QDBusConnection &bus);

private slots:
    void onDisconnected();

private:
    void openLocal();
    void openBus(const QString &address);
    void busOpened(quint64 attempt, const QString &name);
    void onTunnelClosed(const QString &message);
    void dropBus();
    /// Ends the tunnel's ssh and its thread; nothing it says reaches this object any more.
    void disposeTunnel();
    void setState(State state, const QString &message = QString());

    Userchain::BusTarget m_target;
    State m_state = State::Idle;
    QString m_message;
    QDBusConnection m_bus;
    QString m_busName; ///< the named connection of this window (not the shared system bus)
    SshTunnel *m_tunnel = nullptr; ///< on a thread of its own; called through queued calls
    qint64 m_sshPid = 0;
    quint64 m_attempt = 0;
    bool m_cancelled = false;
};

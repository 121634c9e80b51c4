#pragma once

#include <QDBusConnection>
#include <QString>
#include <QStringList>

#include <optional>

namespace Userchain {

/**
 * Where userchain-helper is reached: the local system bus, or the system bus of another host
 * over SSH. The one place where the GUI and the CLI get their connection.
 *
 * A remote host is reached as `busctl --host` and `systemctl -H` reach it: a D-Bus `unixexec:`
 * address runs `ssh -xT [-p PORT] -- [USER@]HOST systemd-stdio-bridge`, and the bridge on the
 * server forwards the messages to that host's system bus. The helper there authorizes the SSH
 * user with the server's polkit. Host keys, passwords and agents are ssh's business.
 */
class BusTarget final
{
public:
    /// The local system bus (DBUS_SYSTEM_BUS_ADDRESS is honoured).
    BusTarget() = default;

    /**
     * Reads `[USER@]HOST[:PORT]` (an IPv6 address in brackets: `[2001:db8::1]:2222`). Only
     * characters of user names, host names and addresses are accepted, so that nothing the user
     * types can become an ssh option; nullopt with *error set otherwise.
     */
    static std::optional<BusTarget> parse(const QString &spec, QString *error);

    bool isRemote() const { return !m_host.isEmpty(); }
    QString user() const { return m_user; }
    QString host() const { return m_host; }
    int port() const { return m_port; } ///< 0: ssh's default (its config, else 22)
    /// `[USER@]HOST[:PORT]` as the user would type it; empty for the local bus.
    QString displayName() const;

    /// The arguments after `ssh`, ending with the command run on the server.
    QStringList sshArguments() const;
    /**
     * For a client that runs ssh itself and relays the stream (the GUI, so that logging in
     * never blocks a D-Bus connection): sshArguments() whose command on the server first prints
     * readyLine(), then runs the bridge, so that the client knows when ssh has logged in; with
     * keep-alive messages, so that a dead network ends ssh within a minute.
     */
    QStringList announcingSshArguments() const;
    /// The line (with its newline) the server prints before the bridge starts.
    static QByteArray readyLine();
    /// The D-Bus address of a socket at `path` (`unix:path=...`, escaped).
    static QString unixSocketAddress(const QString &path);
    /// The D-Bus address of a remote target (`unixexec:...`); empty for the local bus.
    QString address() const;

    /**
     * The connection: the system bus, or a private connection through ssh, named after the
     * address so that every part of one process shares one ssh session per host. Check
     * isConnected(); for a remote host lastError() then says why ssh failed (ssh itself also
     * prints to standard error).
     */
    QDBusConnection connect() const;
    /// Drops the ssh connection of a remote target, so that connect() starts a new one.
    void disconnect() const;

    /**
     * Whether bus can carry file descriptors (sealed memfds). ssh forwards bytes only: over it
     * the bridge does not offer descriptor passing, and callers use the in-message form of a
     * call instead (Apply instead of ApplyFile).
     */
    static bool passesDescriptors(const QDBusConnection &bus);

    /**
     * Where the installed, inactive polkit rule lies that lets members of the group
     * "userchain" read and apply without a password (no agent can ask over ssh); enabling it
     * on a server is linking it into /etc/polkit-1/rules.d.
     */
    static QString groupRulesPath();

    bool operator==(const BusTarget &other) const
    {
        return m_user == other.m_user && m_host == other.m_host && m_port == other.m_port;
    }
    bool operator!=(const BusTarget &other) const { return !(*this == other); }

private:
    QString connectionName() const;

    QString m_user;
    QString m_host; ///< IPv6 addresses without brackets
    int m_port = 0;
};

} // namespace Userchain

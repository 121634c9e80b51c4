#pragma once

#include "bustarget.h"

#include <QObject>
#include <QProcess>

#include <memory>

class QLocalServer;
class QLocalSocket;
class QTemporaryDir;

/**
 * ssh to a remote host's system bus, run by the GUI itself: ssh logs in (asking through
 * ssh-askpass if it must, for as long as the user needs), and only once the server's shell has
 * printed BusTarget::readyLine() does the tunnel offer a local D-Bus address. A connection to
 * that address (a socket in a private directory, one client) is relayed byte for byte to ssh's
 * standard input and output, where systemd-stdio-bridge forwards it to the server's bus.
 *
 * Why not libdbus's own `unixexec:` (BusTarget::connect(), as userchainctl does): libdbus logs
 * in while QtDBus opens the connection, on the one thread that carries every D-Bus connection
 * of the process, so a password prompt would stall the other windows' calls, and QtDBus gives
 * up after 25 s. Here ssh's standard error is also the tunnel's to show, and stop() can end a
 * login that hangs.
 *
 * The tunnel lives on a thread of its own (HostConnection moves it there): QtDBus makes some
 * calls blocking on the thread that asks (a proxy asks who owns its service name), and the
 * relay must carry the answer meanwhile. Its slots are called queued; it reports by signals.
 *
 * ssh runs in a session of its own, without the terminal the GUI may have been started from:
 * it asks for passwords and unknown host keys through SSH_ASKPASS, as it does whenever there
 * is no terminal, rather than in a terminal hidden behind the window.
 */
class SshTunnel final : public QObject
{
    Q_OBJECT
public:
    explicit SshTunnel(const Userchain::BusTarget &target);
    ~SshTunnel() override;

public slots:
    /// Starts ssh: started(), then ready() or closed().
    void start();
    /// Ends ssh (and with it the relayed connection); closed() follows if it was running.
    void stop();
    /// stop(), then ends the thread the tunnel lives on once ssh is gone.
    void shutdown();

signals:
    /// ssh runs, as process `pid` (tests end it to cut the connection).
    void started(qint64 pid);
    /// ssh has logged in: connect to `address` (`unix:path=/tmp/userchain-ssh-…/bus`).
    void ready(const QString &address);
    /// ssh ended: before ready() (the login failed, or stop()) or after it (the connection is
    /// gone). `message`: what ssh printed on standard error (its own errors and the server's),
    /// its last few kilobytes.
    void closed(const QString &message);

private:
    enum class State { Idle, LoggingIn, Ready, Closed };

    void onStandardOutput();
    void onStandardError();
    void onFinished();
    void onNewConnection();
    void finish();

    Userchain::BusTarget m_target;
    State m_state = State::Idle;
    std::unique_ptr<QTemporaryDir> m_dir;
    QProcess *m_ssh = nullptr;
    QLocalServer *m_server = nullptr;
    QLocalSocket *m_client = nullptr;
    QByteArray m_early;  ///< ssh's output before the ready line, or before the client is there
    QByteArray m_errors; ///< ssh's standard error, the last few kilobytes
    bool m_shuttingDown = false;
};

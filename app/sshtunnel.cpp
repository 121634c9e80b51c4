#include "sshtunnel.h"

#include <QDir>
#include <QLocalServer>
#include <QLocalSocket>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <cstdio>
#include <unistd.h>

namespace {
/// What a shell may print before the ready line (a chatty profile) is dropped beyond this.
constexpr qsizetype MaxEarlyBytes = 64 * 1024;
/// ssh's standard error kept for the user: its last lines say why it ended.
constexpr qsizetype MaxErrorBytes = 8 * 1024;
/// ssh ends on SIGTERM at once; this is for an ssh stuck in a helper program.
constexpr int KillAfterMs = 3000;
} // namespace

SshTunnel::SshTunnel(const Userchain::BusTarget &target) : m_target(target) {}

SshTunnel::~SshTunnel()
{
    if (m_ssh) {
        m_ssh->disconnect(this);
        if (m_ssh->state() != QProcess::NotRunning) {
            m_ssh->kill();
            m_ssh->waitForFinished(1000);
        }
    }
}

void SshTunnel::start()
{
    if (m_state != State::Idle) {
        return;
    }
    m_state = State::LoggingIn;
    // A private directory (0700): no other user can connect to the relay's socket in it.
    m_dir =
        std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/userchain-ssh-XXXXXX"));
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    m_server->setMaxPendingConnections(1);
    const QString path = m_dir->isValid() ? m_dir->filePath(QStringLiteral("bus")) : QString();
    if (path.isEmpty() || !m_server->listen(path)) {
        m_errors = tr("Userchain could not make the local end of the ssh connection (%1).")
                       .arg(m_dir->isValid() ? m_server->errorString() : m_dir->errorString())
                       .toUtf8();
        finish();
        return;
    }
    connect(m_server, &QLocalServer::newConnection, this, &SshTunnel::onNewConnection);

    m_ssh = new QProcess(this);
    m_ssh->setProgram(QStringLiteral("ssh"));
    m_ssh->setArguments(m_target.announcingSshArguments());
    // A session of its own, without the terminal the GUI may have been started from: ssh then
    // asks through SSH_ASKPASS, in a window the user sees (see the class comment).
    m_ssh->setChildProcessModifier([] { ::setsid(); });
    connect(m_ssh, &QProcess::readyReadStandardOutput, this, &SshTunnel::onStandardOutput);
    connect(m_ssh, &QProcess::readyReadStandardError, this, &SshTunnel::onStandardError);
    connect(m_ssh, &QProcess::finished, this, &SshTunnel::onFinished);
    connect(m_ssh, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart) {
            m_errors += tr("ssh could not be started: %1").arg(m_ssh->errorString()).toUtf8();
            finish();
        }
    });
    m_ssh->start();
    if (m_ssh->state() != QProcess::NotRunning) {
        emit started(m_ssh->processId());
    }
}

void SshTunnel::shutdown()
{
    m_shuttingDown = true;
    if (!m_ssh || m_ssh->state() == QProcess::NotRunning) {
        thread()->quit();
        return;
    }
    stop(); // onFinished() ends the thread
}

void SshTunnel::stop()
{
    if (!m_ssh || m_ssh->state() == QProcess::NotRunning) {
        if (m_state != State::Closed && m_state != State::Idle) {
            finish();
        }
        return;
    }
    m_ssh->terminate();
    QTimer::singleShot(KillAfterMs, m_ssh, [ssh = m_ssh] {
        if (ssh->state() != QProcess::NotRunning) {
            ssh->kill();
        }
    });
}

void SshTunnel::onStandardOutput()
{
    const QByteArray data = m_ssh->readAllStandardOutput();
    if (m_state == State::Ready) {
        if (m_client) {
            m_client->write(data);
        } else {
            m_early += data;
        }
        return;
    }
    if (m_state != State::LoggingIn) {
        return;
    }
    m_early += data;
    // The line must start a line of its own: a profile's output may come first.
    const QByteArray line = Userchain::BusTarget::readyLine();
    qsizetype at = m_early.startsWith(line) ? 0 : -1;
    if (at < 0) {
        at = m_early.indexOf('\n' + line);
        if (at >= 0) {
            ++at;
        }
    }
    if (at < 0) {
        if (m_early.size() > MaxEarlyBytes) {
            m_early = m_early.right(line.size());
        }
        return;
    }
    m_early = m_early.mid(at + line.size()); // the bridge's bytes, if any came along
    m_state = State::Ready;
    emit ready(Userchain::BusTarget::unixSocketAddress(m_server->fullServerName()));
}

void SshTunnel::onStandardError()
{
    const QByteArray data = m_ssh->readAllStandardError();
    // Also where ssh's messages go without this tunnel, for whoever started the GUI.
    std::fwrite(data.constData(), 1, size_t(data.size()), stderr);
    m_errors += data;
    if (m_errors.size() > MaxErrorBytes) {
        m_errors = m_errors.right(MaxErrorBytes);
        const qsizetype newline = m_errors.indexOf('\n');
        if (newline >= 0) {
            m_errors = m_errors.mid(newline + 1);
        }
    }
}

void SshTunnel::onNewConnection()
{
    QLocalSocket *socket = m_server->nextPendingConnection();
    if (!socket) {
        return;
    }
    if (m_client || m_state != State::Ready) {
        socket->abort(); // one client: the window's connection
        socket->deleteLater();
        return;
    }
    m_client = socket;
    m_server->close(); // nobody else connects, and the socket file goes
    connect(m_client, &QLocalSocket::readyRead, this,
            [this] { m_ssh->write(m_client->readAll()); });
    // The window's connection closed: end ssh's input, and the bridge and ssh end with it.
    connect(m_client, &QLocalSocket::disconnected, this, [this] {
        if (m_ssh && m_ssh->state() != QProcess::NotRunning) {
            m_ssh->closeWriteChannel();
        }
    });
    if (!m_early.isEmpty()) {
        m_client->write(m_early);
        m_early.clear();
    }
}

void SshTunnel::onFinished()
{
    onStandardOutput();
    onStandardError();
    finish();
    if (m_shuttingDown) {
        thread()->quit();
    }
}

void SshTunnel::finish()
{
    if (m_state == State::Closed) {
        return;
    }
    m_state = State::Closed;
    if (m_server) {
        m_server->close();
    }
    if (m_client) {
        m_client->disconnectFromServer(); // after what is still to write: libdbus sees the end
    }
    emit closed(QString::fromLocal8Bit(m_errors).trimmed());
}

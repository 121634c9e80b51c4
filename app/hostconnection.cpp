#include "hostconnection.h"

#include "sshtunnel.h"

#include <QDBusError>
#include <QThread>

#include <memory>

namespace {
/// Each connection of the process gets a name of its own: a new one per attempt, so that a
/// reconnect never gets the dead connection back by name.
QString nextConnectionName()
{
    static quint64 counter = 0;
    return QStringLiteral("userchain-host-%1").arg(++counter);
}
} // namespace

HostConnection::HostConnection(const Userchain::BusTarget &target, QObject *parent)
    : QObject(parent), m_target(target), m_bus(QString())
{}

HostConnection::~HostConnection()
{
    dropBus();
    disposeTunnel();
}

void HostConnection::disposeTunnel()
{
    if (!m_tunnel) {
        return;
    }
    disconnect(m_tunnel, nullptr, this, nullptr);
    QMetaObject::invokeMethod(m_tunnel, &SshTunnel::shutdown, Qt::QueuedConnection);
    m_tunnel = nullptr;
    m_sshPid = 0;
}

void HostConnection::setState(State state, const QString &message)
{
    m_state = state;
    m_message = message;
    emit stateChanged(state);
}

void HostConnection::dropBus()
{
    if (m_bus.isConnected()) {
        m_bus.disconnect(QString(), QStringLiteral("/org/freedesktop/DBus/Local"),
                         QStringLiteral("org.freedesktop.DBus.Local"),
                         QStringLiteral("Disconnected"), this, SLOT(onDisconnected()));
    }
    m_bus = QDBusConnection(QString());
    if (!m_busName.isEmpty()) {
        QDBusConnection::disconnectFromBus(m_busName);
        m_busName.clear();
    }
}

void HostConnection::open()
{
    if (m_state == State::Connecting || m_state == State::Connected) {
        return;
    }
    ++m_attempt; // whatever an earlier attempt still reports is stale now
    m_cancelled = false;
    dropBus();
    disposeTunnel();
    if (!m_target.isRemote()) {
        openLocal();
        return;
    }
    setState(State::Connecting);
    // The tunnel's thread ends when its ssh does (SshTunnel::shutdown); both go then.
    auto *thread = new QThread;
    thread->setObjectName(QStringLiteral("userchain-ssh"));
    m_tunnel = new SshTunnel(m_target);
    m_tunnel->moveToThread(thread);
    connect(thread, &QThread::finished, m_tunnel, &QObject::deleteLater);
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    connect(m_tunnel, &SshTunnel::started, this, [this](qint64 pid) { m_sshPid = pid; });
    connect(m_tunnel, &SshTunnel::ready, this, &HostConnection::openBus);
    connect(m_tunnel, &SshTunnel::closed, this, &HostConnection::onTunnelClosed);
    thread->start();
    QMetaObject::invokeMethod(m_tunnel, &SshTunnel::start, Qt::QueuedConnection);
}

void HostConnection::openLocal()
{
    // The shared system bus the first time; a new connection of our own after it was lost.
    if (m_attempt == 1) {
        m_bus = QDBusConnection::systemBus();
    } else {
        m_busName = nextConnectionName();
        m_bus = QDBusConnection::connectToBus(QDBusConnection::SystemBus, m_busName);
    }
    if (!m_bus.isConnected()) {
        setState(State::Failed, m_bus.lastError().message());
        return;
    }
    m_bus.connect(QString(), QStringLiteral("/org/freedesktop/DBus/Local"),
                  QStringLiteral("org.freedesktop.DBus.Local"), QStringLiteral("Disconnected"),
                  this, SLOT(onDisconnected()));
    setState(State::Connected);
    emit connected(m_bus);
}

void HostConnection::openBus(const QString &address)
{
    // QtDBus opens every connection on its one D-Bus thread and waits there for the bus's
    // answer; the waiting happens on a thread of ours, so the window (and the tunnel's relay,
    // which carries that answer) keeps running. ssh has logged in already: one round trip.
    const quint64 attempt = m_attempt;
    const QString name = nextConnectionName();
    QThread *thread =
        QThread::create([address, name] { QDBusConnection::connectToBus(address, name); });
    // Queued to this object's thread; dropped if this object is gone by then.
    connect(thread, &QThread::finished, this, [this, attempt, name] { busOpened(attempt, name); });
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
}

void HostConnection::busOpened(quint64 attempt, const QString &name)
{
    QDBusConnection bus(name);
    if (attempt != m_attempt || m_state != State::Connecting) {
        QDBusConnection::disconnectFromBus(name); // cancelled or superseded meanwhile
        return;
    }
    if (!bus.isConnected()) {
        setState(State::Failed, bus.lastError().message());
        QDBusConnection::disconnectFromBus(name);
        disposeTunnel();
        return;
    }
    m_bus = bus;
    m_busName = name;
    m_bus.connect(QString(), QStringLiteral("/org/freedesktop/DBus/Local"),
                  QStringLiteral("org.freedesktop.DBus.Local"), QStringLiteral("Disconnected"),
                  this, SLOT(onDisconnected()));
    setState(State::Connected);
    emit connected(m_bus);
}

void HostConnection::cancel()
{
    if (m_state != State::Connecting) {
        return;
    }
    m_cancelled = true;
    QMetaObject::invokeMethod(m_tunnel, &SshTunnel::stop, Qt::QueuedConnection);
    // closed() follows and ends the attempt
}

void HostConnection::onTunnelClosed(const QString &message)
{
    QString why = message;
    m_sshPid = 0;
    switch (m_state) {
    case State::Connecting:
        ++m_attempt; // a bus still opening over the dead tunnel is stale
        if (m_cancelled) {
            why = tr("Cancelled.");
        } else if (why.isEmpty()) {
            why = tr("ssh ended before it logged in.");
        }
        setState(State::Failed, why);
        break;
    case State::Connected:
        dropBus();
        setState(State::Lost, why);
        break;
    case State::Lost:
        // The bus saw the end first; ssh's own words came after.
        if (!why.isEmpty() && why != m_message) {
            setState(State::Lost, why);
        }
        break;
    case State::Idle:
    case State::Failed:
        break;
    }
}

void HostConnection::onDisconnected()
{
    if (m_state != State::Connected) {
        return;
    }
    dropBus();
    if (m_tunnel) {
        // The bridge's end: ssh goes too, and says why if it knows (onTunnelClosed).
        QMetaObject::invokeMethod(m_tunnel, &SshTunnel::stop, Qt::QueuedConnection);
    }
    setState(State::Lost);
}

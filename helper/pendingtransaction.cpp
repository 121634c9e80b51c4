#include "pendingtransaction.h"

#include <QDBusConnectionInterface>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>

namespace Userchain {

PendingTransaction::PendingTransaction(const QString &id, const QString &caller, Family family,
                                       QVector<BackendRule> previousRules,
                                       const QString &appliedRevision, uint confirmSeconds,
                                       const QDBusConnection &bus, QObject *parent)
    : QObject(parent), m_id(id), m_caller(caller), m_family(family),
      m_previousRules(std::move(previousRules)), m_appliedRevision(appliedRevision), m_bus(bus)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(std::chrono::seconds(confirmSeconds));
    connect(&m_timer, &QTimer::timeout, this, [this]() {
        if (!m_stopped)
            Q_EMIT timedOut();
    });
}

void PendingTransaction::start()
{
    m_watcher.setConnection(m_bus);
    m_watcher.setWatchMode(QDBusServiceWatcher::WatchForUnregistration);
    m_watcher.addWatchedService(m_caller);
    connect(&m_watcher, &QDBusServiceWatcher::serviceUnregistered, this, [this]() {
        if (!m_stopped)
            Q_EMIT callerVanished();
    });
    m_timer.start();

    // The watcher only sees disconnects after its match rule reached the bus. A client that
    // died while its Apply was being committed is caught by asking the bus now: the bus
    // handles our messages in order, so this answer is at least as new as the match rule.
    QDBusMessage hasOwner = QDBusMessage::createMethodCall(
        QStringLiteral("org.freedesktop.DBus"), QStringLiteral("/org/freedesktop/DBus"),
        QStringLiteral("org.freedesktop.DBus"), QStringLiteral("NameHasOwner"));
    hasOwner << m_caller;
    auto *call = new QDBusPendingCallWatcher(m_bus.asyncCall(hasOwner), this);
    connect(call, &QDBusPendingCallWatcher::finished, this, [this, call]() {
        call->deleteLater();
        QDBusPendingReply<bool> reply = *call;
        if (!m_stopped && reply.isValid() && !reply.value())
            Q_EMIT callerVanished();
    });
}

void PendingTransaction::stop()
{
    m_stopped = true;
    m_timer.stop();
    m_watcher.setWatchedServices({});
}

} // namespace Userchain

#include "helperclient.h"

#include "helper1proxy.h"

#include <QDBusError>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>

namespace {
// polkit may ask for a password; the default 25 s D-Bus timeout would cut the user off.
constexpr int CallTimeoutMs = 5 * 60 * 1000;

HelperError noBusError(const QString &host)
{
    return HelperError::fromDBus(
        QDBusError(QDBusError::NoServer,
                   host.isEmpty() ? HelperError::tr("There is no connection to the system bus.")
                                  : HelperError::tr("There is no connection to %1.").arg(host)),
        host);
}
} // namespace

HelperClient::HelperClient(const QDBusConnection &bus, QObject *parent) : QObject(parent)
{
    Userchain::registerDBusTypes();
    qRegisterMetaType<HelperError>();
    setConnection(bus);
}

void HelperClient::setConnection(const QDBusConnection &bus, const QString &host)
{
    m_host = host;
    delete m_proxy;
    m_proxy = new Helper1Proxy(QLatin1String(ServiceName), QLatin1String(ObjectPath), bus, this);
    m_proxy->setTimeout(CallTimeoutMs);
    connect(m_proxy, &Helper1Proxy::RolledBack, this, &HelperClient::rolledBack);
}

HelperClient::HelperClient(QObject *parent) : QObject(parent)
{
    Userchain::registerDBusTypes();
    qRegisterMetaType<HelperError>();
}

HelperClient::~HelperClient() = default;

void HelperClient::watch(const QDBusPendingCall &call,
                         std::function<void(QDBusPendingCallWatcher *)> done)
{
    auto *watcher = new QDBusPendingCallWatcher(call, this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [done = std::move(done)](QDBusPendingCallWatcher *w) {
                done(w);
                w->deleteLater();
            });
}

void HelperClient::requestSnapshot(int family)
{
    if (!m_proxy || !m_proxy->connection().isConnected()) {
        emit snapshotFailed(family, noBusError(m_host));
        return;
    }
    watch(m_proxy->GetSnapshot(family), [this, family](QDBusPendingCallWatcher *w) {
        QDBusPendingReply<Userchain::Snapshot> reply = *w;
        if (reply.isError()) {
            emit snapshotFailed(family, HelperError::fromDBus(reply.error(), m_host));
        } else {
            emit snapshotReady(reply.value());
        }
    });
}

void HelperClient::apply(int family, const Userchain::ApplyRuleList &rules,
                         const QString &expectedRevision, uint confirmSeconds, uint flags)
{
    if (!m_proxy || !m_proxy->connection().isConnected()) {
        emit applyFailed(noBusError(m_host));
        return;
    }
    watch(m_proxy->Apply(family, rules, expectedRevision, confirmSeconds, flags),
          [this](QDBusPendingCallWatcher *w) {
              QDBusPendingReply<QString, QString> reply = *w;
              if (reply.isError()) {
                  emit applyFailed(HelperError::fromDBus(reply.error(), m_host));
              } else {
                  emit applied(reply.argumentAt<0>(), reply.argumentAt<1>());
              }
          });
}

void HelperClient::confirm(const QString &transactionId)
{
    if (!m_proxy || !m_proxy->connection().isConnected()) {
        emit confirmFailed(transactionId, noBusError(m_host));
        return;
    }
    watch(m_proxy->Confirm(transactionId), [this, transactionId](QDBusPendingCallWatcher *w) {
        QDBusPendingReply<> reply = *w;
        if (reply.isError()) {
            emit confirmFailed(transactionId, HelperError::fromDBus(reply.error(), m_host));
        } else {
            emit confirmed(transactionId);
        }
    });
}

void HelperClient::rollback(const QString &transactionId)
{
    if (!m_proxy || !m_proxy->connection().isConnected()) {
        emit rollbackFailed(transactionId, noBusError(m_host));
        return;
    }
    watch(m_proxy->Rollback(transactionId), [this, transactionId](QDBusPendingCallWatcher *w) {
        QDBusPendingReply<> reply = *w;
        if (reply.isError()) {
            const HelperError error = HelperError::fromDBus(reply.error(), m_host);
            // The helper's own timer may have won the race: the old rules are back either way.
            if (error.kind() == HelperError::Kind::NoSuchTransaction) {
                emit rolledBack(transactionId, tr("already restored by the helper"));
            } else {
                emit rollbackFailed(transactionId, error);
            }
        } else {
            emit rolledBack(transactionId, tr("reverted"));
        }
    });
}

void HelperClient::save(int family)
{
    if (!m_proxy || !m_proxy->connection().isConnected()) {
        emit saveFailed(family, noBusError(m_host));
        return;
    }
    watch(m_proxy->Save(family), [this, family](QDBusPendingCallWatcher *w) {
        QDBusPendingReply<QString> reply = *w;
        if (reply.isError()) {
            emit saveFailed(family, HelperError::fromDBus(reply.error(), m_host));
        } else {
            emit saved(family, reply.value());
        }
    });
}

void HelperClient::requestSaved(int family)
{
    if (!m_proxy || !m_proxy->connection().isConnected()) {
        emit savedFailed(family, noBusError(m_host));
        return;
    }
    watch(m_proxy->GetSaved(family), [this, family](QDBusPendingCallWatcher *w) {
        QDBusPendingReply<bool, QStringList, qlonglong> reply = *w;
        if (reply.isError()) {
            emit savedFailed(family, HelperError::fromDBus(reply.error(), m_host));
        } else {
            emit savedReady(family, reply.argumentAt<0>(), reply.argumentAt<1>(),
                            reply.argumentAt<2>());
        }
    });
}

void HelperClient::restoreSaved(int family, uint flags)
{
    if (!m_proxy || !m_proxy->connection().isConnected()) {
        emit restoreFailed(family, noBusError(m_host));
        return;
    }
    watch(m_proxy->RestoreSaved(family, flags), [this, family](QDBusPendingCallWatcher *w) {
        QDBusPendingReply<QString> reply = *w;
        if (reply.isError()) {
            emit restoreFailed(family, HelperError::fromDBus(reply.error(), m_host));
        } else {
            emit restored(family, reply.value());
        }
    });
}

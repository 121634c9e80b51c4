#pragma once

#include "dbustypes.h"
#include "helpererror.h"

#include <QDBusConnection>
#include <QObject>

class Helper1Proxy;
class QDBusPendingCallWatcher;

/**
 * The GUI's only door to userchain-helper: wraps the proxy generated from
 * io.github.userchain.Helper1.xml and answers with signals. Every call is asynchronous
 * (QDBusPendingCallWatcher) because polkit may show an authentication dialog for a long
 * time and the window must stay responsive meanwhile.
 *
 * Every call sends what it carries in the message itself (Apply with the rule list, never a
 * descriptor), so the same calls work where descriptors cannot travel: to a remote host over ssh
 * (BusTarget::passesDescriptors() is false there), within the helper's usual limits.
 *
 * The methods are virtual so that tests can drive the window with a fake helper.
 */
class HelperClient : public QObject
{
    Q_OBJECT
public:
    static constexpr const char *ServiceName = "io.github.userchain.Helper1";
    static constexpr const char *ObjectPath = "/io/github/userchain/Helper1";

    explicit HelperClient(const QDBusConnection &bus, QObject *parent = nullptr);
    ~HelperClient() override;

    /**
     * Talks to the helper on `bus` from now on (a new connection to the same host, after the
     * old one was lost). Replies still due on the old connection end as errors. `host`: the
     * remote host (BusTarget::displayName()) that errors name, empty for this computer.
     */
    void setConnection(const QDBusConnection &bus, const QString &host = QString());
    QString host() const { return m_host; }

    virtual void requestSnapshot(int family);
    virtual void apply(int family, const Userchain::ApplyRuleList &rules,
                       const QString &expectedRevision, uint confirmSeconds, uint flags);
    virtual void confirm(const QString &transactionId);
    virtual void rollback(const QString &transactionId);
    /// Persistence: write the live DOCKER-USER of `family` where the restore service finds it.
    virtual void save(int family);
    virtual void requestSaved(int family);
    virtual void restoreSaved(int family, uint flags);

signals:
    void snapshotReady(const Userchain::Snapshot &snapshot);
    void snapshotFailed(int family, const HelperError &error);
    void applied(const QString &transactionId, const QString &newRevision);
    void applyFailed(const HelperError &error);
    void confirmed(const QString &transactionId);
    void confirmFailed(const QString &transactionId, const HelperError &error);
    /// The previous rules are back: after Rollback, or sent by the helper when time ran out.
    void rolledBack(const QString &transactionId, const QString &reason);
    void rollbackFailed(const QString &transactionId, const HelperError &error);
    void saved(int family, const QString &path);
    void saveFailed(int family, const HelperError &error);
    /// GetSaved's answer: `savedAt` in milliseconds since the epoch, 0 if nothing is saved.
    void savedReady(int family, bool exists, const QStringList &rules, qint64 savedAt);
    void savedFailed(int family, const HelperError &error);
    void restored(int family, const QString &newRevision);
    void restoreFailed(int family, const HelperError &error);

protected:
    /// For fakes: no bus, no proxy.
    explicit HelperClient(QObject *parent);

private:
    void watch(const QDBusPendingCall &call, std::function<void(QDBusPendingCallWatcher *)> done);

    Helper1Proxy *m_proxy = nullptr;
    QString m_host;
};

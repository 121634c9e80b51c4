#pragma once

#include "dbustypes.h"
#include "exitcode.h"
#include "rule.h"

#include <QDBusConnection>
#include <QDBusError>
#include <QDBusPendingCall>
#include <QString>
#include <memory>

class Helper1Proxy;

namespace Userchain {

/**
 * userchainctl's side of io.github.userchain.Helper1: the generated proxy on the system bus
 * (DBUS_SYSTEM_BUS_ADDRESS is honoured by QDBusConnection::systemBus()), with each D-Bus
 * error turned into an exit code and a message.
 *
 * Calls block: a command-line client has nothing else to do meanwhile. The timeout leaves
 * room for a polkit password dialog.
 */
class HelperClient final
{
public:
    struct Failure
    {
        ExitCode code = ExitFailed;
        QString name;    ///< D-Bus error name
        QString message; ///< the helper's message
    };

    HelperClient();
    ~HelperClient();
    Q_DISABLE_COPY_MOVE(HelperClient)

    bool isConnected(Failure *failure) const;
    Helper1Proxy *proxy() const { return m_proxy.get(); }

    bool snapshot(Family family, Snapshot *out, Failure *failure);
    bool apply(Family family, const ApplyRuleList &rules, const QString &expectedRevision,
               uint confirmSeconds, uint flags, QString *transactionId, QString *newRevision,
               Failure *failure);

    /**
     * The same calls in two halves: begin* sends the call and returns at once, finish* waits
     * for the answer. The helper works on a large chain for a while; the caller can meanwhile
     * do its own share (parse a file, print a diff). Without a bus connection begin* returns
     * an invalid call and finish* reports the connection failure.
     */
    QDBusPendingCall beginSnapshot(Family family);
    bool finishSnapshot(const QDBusPendingCall &call, Snapshot *out, Failure *failure);
    QDBusPendingCall beginApply(Family family, const ApplyRuleList &rules,
                                const QString &expectedRevision, uint confirmSeconds, uint flags);
    bool finishApply(const QDBusPendingCall &call, QString *transactionId, QString *newRevision,
                     Failure *failure);
    bool confirm(const QString &transactionId, Failure *failure);
    bool rollback(const QString &transactionId, Failure *failure);

    static ExitCode exitCodeFor(const QDBusError &error);
    /// "not authorized: ..." style text for a failure.
    static QString describe(const Failure &failure);

private:
    static Failure failureFrom(const QDBusError &error);

    QDBusConnection m_bus;
    std::unique_ptr<Helper1Proxy> m_proxy;
};

} // namespace Userchain

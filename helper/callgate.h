#pragma once

#include "applyvalidator.h"
#include "calllimiter.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QMap>
#include <QObject>
#include <QString>
#include <functional>

namespace Userchain {

class PolkitAuthorizer;

/**
 * The way every call of io.github.userchain.Helper1 goes in and out: admitted by the
 * CallLimiter (or answered Busy at once), authorized by polkit on the caller's unique bus
 * name, and answered later with a reply or a named error. One place counts the calls in
 * flight, so that the helper knows when it is idle.
 */
class CallGate final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CallGate)

public:
    /// A call being answered later, and what the reply needs.
    struct Call
    {
        QDBusMessage message;
        QString caller;   ///< unique bus name of the sender
        qint64 bytes = 0; ///< size of its arguments, as counted by the CallLimiter
    };

    static const QString ReadAction;
    static const QString ApplyAction;
    static const QString PersistAction;

    explicit CallGate(const QDBusConnection &bus, QObject *parent = nullptr);

    /**
     * Takes message (whose reply the caller has delayed) holding bytes of arguments; false
     * once it has been answered Busy because the CallLimiter refuses it.
     */
    bool begin(const QDBusMessage &message, qint64 bytes, Call *call);
    void finish(const Call &call, const QVariantList &results);
    void fail(const Call &call, const char *errorName, const QString &message);
    void fail(const Call &call, const ApplyError &error);
    /// Runs then if polkit allows the caller action; otherwise answers NotAuthorized.
    void authorize(const Call &call, const QString &action, const QMap<QString, QString> &details,
                   std::function<void()> then);

    int inFlight() const { return m_limiter.inFlight(); }

Q_SIGNALS:
    /// A call was admitted or answered (the helper's idle timer listens).
    void countChanged();

private:
    QDBusConnection m_bus;
    PolkitAuthorizer *m_authorizer = nullptr;
    CallLimiter m_limiter;
};

} // namespace Userchain

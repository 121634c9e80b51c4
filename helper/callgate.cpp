#include "callgate.h"

#include "polkitauthorizer.h"

#include <cstdio>

namespace Userchain {

const QString CallGate::ReadAction = QStringLiteral("io.github.userchain.read");
const QString CallGate::ApplyAction = QStringLiteral("io.github.userchain.apply");
const QString CallGate::PersistAction = QStringLiteral("io.github.userchain.persist");

CallGate::CallGate(const QDBusConnection &bus, QObject *parent)
    : QObject(parent), m_bus(bus), m_authorizer(new PolkitAuthorizer(bus, this))
{}

bool CallGate::begin(const QDBusMessage &message, qint64 bytes, Call *call)
{
    // Why message.service() is the identity: the bus daemon writes the sender's unique name
    // into every message; a client cannot claim someone else's.
    *call = {message, message.service(), bytes};
    QString why;
    if (!m_limiter.admit(call->caller, bytes, &why)) {
        // Answered now, before polkit is asked: the message is released with the reply.
        m_bus.send(message.createErrorReply(QLatin1String(DBusError::Busy), why));
        return false;
    }
    Q_EMIT countChanged();
    return true;
}

void CallGate::finish(const Call &call, const QVariantList &results)
{
    m_bus.send(call.message.createReply(results));
    m_limiter.release(call.caller, call.bytes);
    Q_EMIT countChanged();
}

void CallGate::fail(const Call &call, const char *errorName, const QString &message)
{
    m_bus.send(call.message.createErrorReply(QLatin1String(errorName), message));
    m_limiter.release(call.caller, call.bytes);
    Q_EMIT countChanged();
}

void CallGate::fail(const Call &call, const ApplyError &error)
{
    fail(call, error.name.toLatin1().constData(), error.message);
}

void CallGate::authorize(const Call &call, const QString &action,
                         const QMap<QString, QString> &details, std::function<void()> then)
{
    // Reading never asks for a password (the policy allows it to active sessions, nobody
    // else), so a read that polkit has not answered quickly will not be answered usefully.
    const int timeoutMs =
        action == ReadAction ? PolkitAuthorizer::ReadTimeoutMs : PolkitAuthorizer::CallTimeoutMs;
    m_authorizer->check(
        call.caller, action, details, timeoutMs,
        [this, call, action, then = std::move(then)](PolkitAuthorizer::Result result,
                                                     const QString &detail) {
            // Why every failure mode means "no": an unreachable or confused polkit must not
            // turn into permission.
            switch (result) {
            case PolkitAuthorizer::Result::Authorized:
                then();
                return;
            case PolkitAuthorizer::Result::Denied:
                fail(call, DBusError::NotAuthorized, QStringLiteral("%1: denied").arg(action));
                return;
            case PolkitAuthorizer::Result::Cancelled:
                // A name of its own: clients word a closed dialog differently from a refusal,
                // and must not have to read this message to tell.
                fail(call, DBusError::Cancelled,
                     QStringLiteral("%1: denied (%2)").arg(action, detail));
                return;
            case PolkitAuthorizer::Result::Challenge:
                fail(call, DBusError::NotAuthorized,
                     QStringLiteral("%1: authentication required but no agent answered")
                         .arg(action));
                return;
            case PolkitAuthorizer::Result::Failed:
                // stderr of an activated service ends up in the bus daemon's log or the journal.
                std::fprintf(stderr, "userchain-helper: polkit check failed: %s\n",
                             qPrintable(detail));
                fail(call, DBusError::NotAuthorized,
                     QStringLiteral("%1: polkit unavailable").arg(action));
                return;
            }
        });
}

} // namespace Userchain

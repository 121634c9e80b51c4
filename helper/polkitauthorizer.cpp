#include "polkitauthorizer.h"

#include <QDBusArgument>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QVariantMap>

namespace Userchain {

namespace {

/// polkit's Subject: (s kind, a{sv} details).
struct PolkitSubject
{
    QString kind;
    QVariantMap details;
};

QDBusArgument &operator<<(QDBusArgument &arg, const PolkitSubject &subject)
{
    arg.beginStructure();
    arg << subject.kind << subject.details;
    arg.endStructure();
    return arg;
}

const QDBusArgument &operator>>(const QDBusArgument &arg, PolkitSubject &subject)
{
    arg.beginStructure();
    arg >> subject.kind >> subject.details;
    arg.endStructure();
    return arg;
}

/// polkit's AuthorizationResult: (b is_authorized, b is_challenge, a{ss} details).
struct PolkitResult
{
    bool authorized = false;
    bool challenge = false;
    QMap<QString, QString> details;
};

const QDBusArgument &operator>>(const QDBusArgument &arg, PolkitResult &result)
{
    arg.beginStructure();
    arg >> result.authorized >> result.challenge >> result.details;
    arg.endStructure();
    return arg;
}

QDBusArgument &operator<<(QDBusArgument &arg, const PolkitResult &result)
{
    arg.beginStructure();
    arg << result.authorized << result.challenge << result.details;
    arg.endStructure();
    return arg;
}

constexpr uint AllowUserInteraction = 0x1;

} // namespace
} // namespace Userchain

Q_DECLARE_METATYPE(Userchain::PolkitSubject)
Q_DECLARE_METATYPE(Userchain::PolkitResult)

namespace Userchain {

PolkitAuthorizer::PolkitAuthorizer(const QDBusConnection &bus, QObject *parent)
    : QObject(parent), m_bus(bus)
{
    qDBusRegisterMetaType<PolkitSubject>();
    qDBusRegisterMetaType<PolkitResult>();
    qDBusRegisterMetaType<QMap<QString, QString>>();
}

void PolkitAuthorizer::check(const QString &busName, const QString &actionId,
                             const QMap<QString, QString> &details, int timeoutMs, Callback done)
{
    // Why the bus name and not the PID: a PID can be reused or belong to a process that
    // exec'd a setuid binary since it sent the call (CVE-2013-4288). The unique bus name is
    // assigned by the bus daemon, cannot be forged by the client and is never reused, and
    // polkitd asks the bus itself for the uid and pid behind it.
    PolkitSubject subject;
    subject.kind = QStringLiteral("system-bus-name");
    subject.details.insert(QStringLiteral("name"), busName);

    QDBusMessage call =
        QDBusMessage::createMethodCall(QStringLiteral("org.freedesktop.PolicyKit1"),
                                       QStringLiteral("/org/freedesktop/PolicyKit1/Authority"),
                                       QStringLiteral("org.freedesktop.PolicyKit1.Authority"),
                                       QStringLiteral("CheckAuthorization"));
    call << QVariant::fromValue(subject) << actionId << QVariant::fromValue(details)
         << AllowUserInteraction << QString();
    // Interaction may keep polkit busy while the user types a password; the helper stays
    // responsive because this is an asynchronous call.
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call, timeoutMs), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [watcher, done = std::move(done)]() {
        watcher->deleteLater();
        QDBusPendingReply<PolkitResult> reply = *watcher;
        if (reply.isError()) {
            const QDBusError error = reply.error();
            // polkit reports a dismissed dialog as an error of its own.
            if (error.name() == QLatin1String("org.freedesktop.PolicyKit1.Error.Cancelled"))
                done(Result::Cancelled, QStringLiteral("cancelled"));
            else
                done(Result::Failed, error.name() + QLatin1String(": ") + error.message());
            return;
        }
        const PolkitResult result = reply.value();
        if (result.authorized)
            done(Result::Authorized, QString());
        else if (result.challenge)
            done(Result::Challenge, QString());
        else if (result.details.value(QStringLiteral("polkit.dismissed")) == QLatin1String("true"))
            // The user closed the password dialog: still "no", but clients word it differently.
            done(Result::Cancelled, QStringLiteral("dismissed by the user"));
        else
            done(Result::Denied, QString());
    });
}

} // namespace Userchain

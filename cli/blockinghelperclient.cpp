#include "blockinghelperclient.h"

#include "cliwords.h"
#include "helper1interface.h"
#include "helpererrorkind.h"
#include "inmessageapply.h"
#include "rulediff.h"
#include "sealedmemfd.h"

namespace Userchain {

namespace {
// polkit may show a password dialog; its own limit is five minutes (PolkitAuthorizer).
constexpr int CallTimeoutMs = 6 * 60 * 1000;

BusTarget &commandTarget()
{
    static BusTarget target;
    return target;
}
} // namespace

void BlockingHelperClient::setDefaultTarget(const BusTarget &target)
{
    commandTarget() = target;
}

const BusTarget &BlockingHelperClient::defaultTarget()
{
    return commandTarget();
}

BlockingHelperClient::BlockingHelperClient(const BusTarget &target)
    : m_target(target), m_bus(target.connect())
{
    registerDBusTypes();
    m_proxy = std::make_unique<Helper1Proxy>(QStringLiteral("io.github.userchain.Helper1"),
                                             QStringLiteral("/io/github/userchain/Helper1"), m_bus);
    m_proxy->setTimeout(CallTimeoutMs);
}

BlockingHelperClient::~BlockingHelperClient() = default;

bool BlockingHelperClient::isConnected(Failure *failure) const
{
    if (m_bus.isConnected())
        return true;
    const QDBusError error = m_bus.lastError();
    failure->code = ExitUnreachable;
    failure->host = m_target.displayName();
    if (!m_target.isRemote()) {
        failure->name = error.name();
        failure->message =
            QStringLiteral("cannot connect to the system bus: %1").arg(error.message());
        return false;
    }
    // ssh has printed its own reason (host key, password, name resolution) to standard error;
    // libdbus only saw the connection end, and its words for that mislead.
    const bool ended = error.type() == QDBusError::NoReply ||
                       error.type() == QDBusError::Disconnected ||
                       error.type() == QDBusError::NoServer;
    failure->message =
        QStringLiteral("could not reach %1 over ssh: %2")
            .arg(m_target.displayName(),
                 ended ? QStringLiteral("the connection ended before the system bus there "
                                        "answered (ssh's own message, if any, is above; the "
                                        "server needs systemd-stdio-bridge, package systemd)")
                       : error.message());
    return false;
}

ExitCode BlockingHelperClient::exitCodeFor(const QDBusError &error)
{
    // core's one mapping of error names, shared with the GUI.
    switch (helperErrorKind(error.name(), error.type())) {
    case HelperErrorKind::NotAuthorized:
    case HelperErrorKind::Cancelled:
        return ExitNotAuthorized;
    case HelperErrorKind::StaleRevision:
        return ExitStale;
    case HelperErrorKind::InvalidRule:
    case HelperErrorKind::InvalidArgument:
        return ExitInvalidInput;
    case HelperErrorKind::NotInstalled:
    case HelperErrorKind::NotReachable:
        return ExitUnreachable;
    default:
        return ExitFailed;
    }
}

BlockingHelperClient::Failure BlockingHelperClient::failureFrom(const QDBusError &error) const
{
    return {exitCodeFor(error), error.name(), error.message(), m_target.displayName()};
}

QString BlockingHelperClient::describe(const Failure &failure)
{
    static const QString prefix = QStringLiteral("io.github.userchain.Helper1.Error.");
    QString what;
    if (failure.name == QLatin1String(DBusError::NotAuthorized))
        what = QStringLiteral("not authorized");
    else if (failure.name == QLatin1String(DBusError::Cancelled))
        what = QStringLiteral("authorization cancelled");
    else if (failure.name == QLatin1String(DBusError::StaleRevision))
        what = QStringLiteral("stale revision (read DOCKER-USER again)");
    else if (failure.name == QLatin1String(DBusError::Busy))
        what = QStringLiteral("busy");
    else if (failure.name == QLatin1String(DBusError::BackendUnavailable))
        what = QStringLiteral("backend unavailable");
    else if (failure.name == QLatin1String(DBusError::ChainMissing))
        what = QStringLiteral("DOCKER-USER is missing (use --create-chain)");
    else if (failure.name == QLatin1String(DBusError::NoSuchTransaction))
        what = QStringLiteral("no such pending transaction");
    else if (failure.name == QLatin1String(DBusError::InvalidRule))
        what = QStringLiteral("rule refused");
    else if (failure.code == ExitUnreachable)
        what = QStringLiteral("helper unreachable");
    else if (failure.name.startsWith(prefix))
        what = failure.name.mid(prefix.size());
    else
        what = failure.name;
    const QString message = failure.name == QLatin1String(DBusError::InvalidRule)
                                ? CliWords::refusals(failure.message)
                                : failure.message;
    QString text = message.isEmpty() ? what
                   : what.isEmpty()  ? message
                                     : what + QStringLiteral(": ") + message;
    // No polkit agent can ask for a password over ssh: the server's rules decide alone.
    if (failure.code == ExitNotAuthorized && !failure.host.isEmpty())
        text += QStringLiteral(
                    "\nuserchainctl: %1's polkit refused this user over ssh, where no password "
                    "can be asked. To let members of the group \"userchain\" read and apply "
                    "there without a password, enable the rule Userchain ships, on %1 as root:\n"
                    "  groupadd --system userchain; usermod -a -G userchain USER\n"
                    "  ln -s %2 /etc/polkit-1/rules.d/\n"
                    "(membership counts from the next login; see REMOTE HOSTS in userchainctl(1))")
                    .arg(failure.host, BusTarget::groupRulesPath());
    return text;
}

bool BlockingHelperClient::snapshot(Family family, Snapshot *out, Failure *failure)
{
    if (!isConnected(failure))
        return false;
    QDBusPendingReply<Snapshot> reply = m_proxy->GetSnapshot(int(family));
    reply.waitForFinished();
    if (reply.isError()) {
        *failure = failureFrom(reply.error());
        return false;
    }
    *out = reply.value();
    return true;
}

bool BlockingHelperClient::apply(Family family, const ApplyRuleList &rules,
                                 const QString &expectedRevision, uint confirmSeconds, uint flags,
                                 QString *transactionId, QString *newRevision, Failure *failure)
{
    if (!isConnected(failure))
        return false;
    QDBusPendingReply<QString, QString> reply =
        m_proxy->Apply(int(family), rules, expectedRevision, confirmSeconds, flags);
    reply.waitForFinished();
    if (reply.isError()) {
        *failure = failureFrom(reply.error());
        return false;
    }
    *transactionId = reply.argumentAt<0>();
    *newRevision = reply.argumentAt<1>();
    return true;
}

bool BlockingHelperClient::applyFile(Family family, const QByteArray &data,
                                     const QString &expectedRevision, uint confirmSeconds,
                                     uint flags, FileApplied *out, Failure *failure)
{
    if (!isConnected(failure))
        return false;
    if (!passesDescriptors())
        return InMessageApply::run(*this, family, data, expectedRevision, confirmSeconds, flags,
                                   out, failure);
    QString why;
    const QDBusUnixFileDescriptor file = SealedMemfd::create(data, &why);
    if (!file.isValid()) {
        *failure = {ExitFailed, QString(), QStringLiteral("cannot pass the file: %1").arg(why),
                    m_target.displayName()};
        return false;
    }
    QDBusPendingReply<QString, QString, QDBusUnixFileDescriptor> reply =
        m_proxy->ApplyFile(int(family), file, expectedRevision, confirmSeconds, flags);
    reply.waitForFinished();
    if (reply.isError()) {
        *failure = failureFrom(reply.error());
        return false;
    }
    out->transactionId = reply.argumentAt<0>();
    out->newRevision = reply.argumentAt<1>();
    // The descriptor is the helper's; its size is bounded all the same.
    constexpr qint64 MaxBytes = 256 * 1024 * 1024;
    const auto diff = SealedMemfd::read(reply.argumentAt<2>(), MaxBytes, &why);
    if (diff) // data ("- OLD NEW SPEC" lines), worded here
        out->diff = RuleDiff::formatData(*diff, QStringLiteral("DOCKER-USER"));
    else
        out->diffMissing = why; // applied all the same; only the diff is missing
    return true;
}

bool BlockingHelperClient::confirm(const QString &transactionId, Failure *failure)
{
    if (!isConnected(failure))
        return false;
    QDBusPendingReply<> reply = m_proxy->Confirm(transactionId);
    reply.waitForFinished();
    if (reply.isError()) {
        *failure = failureFrom(reply.error());
        return false;
    }
    return true;
}

bool BlockingHelperClient::rollback(const QString &transactionId, Failure *failure)
{
    if (!isConnected(failure))
        return false;
    QDBusPendingReply<> reply = m_proxy->Rollback(transactionId);
    reply.waitForFinished();
    if (reply.isError()) {
        *failure = failureFrom(reply.error());
        return false;
    }
    return true;
}

bool BlockingHelperClient::save(Family family, QString *path, Failure *failure)
{
    if (!isConnected(failure))
        return false;
    QDBusPendingReply<QString> reply = m_proxy->Save(int(family));
    reply.waitForFinished();
    if (reply.isError()) {
        *failure = failureFrom(reply.error());
        return false;
    }
    *path = reply.value();
    return true;
}

bool BlockingHelperClient::saved(Family family, Saved *out, Failure *failure)
{
    if (!isConnected(failure))
        return false;
    QDBusPendingReply<bool, QStringList, qlonglong> reply = m_proxy->GetSaved(int(family));
    reply.waitForFinished();
    if (reply.isError()) {
        *failure = failureFrom(reply.error());
        return false;
    }
    out->exists = reply.argumentAt<0>();
    out->specs = reply.argumentAt<1>();
    out->savedAtMs = reply.argumentAt<2>();
    return true;
}

bool BlockingHelperClient::restoreSaved(Family family, uint flags, QString *newRevision,
                                        Failure *failure)
{
    if (!isConnected(failure))
        return false;
    QDBusPendingReply<QString> reply = m_proxy->RestoreSaved(int(family), flags);
    reply.waitForFinished();
    if (reply.isError()) {
        *failure = failureFrom(reply.error());
        return false;
    }
    *newRevision = reply.value();
    return true;
}

} // namespace Userchain

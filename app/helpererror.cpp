#include "helpererror.h"

#include "dbustypes.h"
#include "helpererrorkind.h"

#include <QDBusError>

HelperError::HelperError(Kind kind, const QString &name, const QString &detail)
    : m_kind(kind), m_name(name), m_detail(detail)
{}

HelperError HelperError::fromDBus(const QDBusError &error)
{
    using Userchain::HelperErrorKind;
    const QString name = error.name();
    // The name decides (core's one mapping, shared with the CLI), never the English message.
    Kind kind = Failed;
    switch (Userchain::helperErrorKind(name, error.type())) {
    case HelperErrorKind::None:
    case HelperErrorKind::Failed:
        kind = Failed;
        break;
    case HelperErrorKind::NotInstalled:
        kind = NotInstalled;
        break;
    case HelperErrorKind::NotReachable:
        kind = NotReachable;
        break;
    case HelperErrorKind::NotAuthorized:
        kind = NotAuthorized;
        break;
    case HelperErrorKind::Cancelled:
        kind = Cancelled;
        break;
    case HelperErrorKind::StaleRevision:
        kind = StaleRevision;
        break;
    case HelperErrorKind::InvalidRule:
        kind = InvalidRule;
        break;
    case HelperErrorKind::InvalidArgument:
        kind = InvalidArgument;
        break;
    case HelperErrorKind::ChainMissing:
        kind = ChainMissing;
        break;
    case HelperErrorKind::BackendUnavailable:
        kind = BackendUnavailable;
        break;
    case HelperErrorKind::Busy:
        kind = Busy;
        break;
    case HelperErrorKind::NoSuchTransaction:
        kind = NoSuchTransaction;
        break;
    case HelperErrorKind::NotSupported:
        kind = NotSupported;
        break;
    }
    return HelperError(kind, name, error.message());
}

QString HelperError::title() const
{
    switch (m_kind) {
    case None:
        return QString();
    case NotInstalled:
        return tr("The Userchain helper is not installed");
    case NotReachable:
        return tr("The Userchain helper cannot be reached");
    case NotAuthorized:
        return tr("Not authorized");
    case Cancelled:
        return tr("Authorization cancelled");
    case StaleRevision:
        return tr("DOCKER-USER changed outside Userchain");
    case InvalidRule:
        return tr("The helper refused a rule");
    case InvalidArgument:
        return tr("The helper refused the request");
    case ChainMissing:
        return tr("DOCKER-USER does not exist");
    case BackendUnavailable:
        return tr("The firewall backend is not available");
    case Busy:
        return tr("The firewall is busy");
    case NoSuchTransaction:
        return tr("The confirmation period has already ended");
    case NotSupported:
        return tr("The installed helper is too old");
    case Failed:
        break;
    }
    return tr("The helper reported an error");
}

QString HelperError::explanation() const
{
    QString text;
    switch (m_kind) {
    case None:
        return QString();
    case NotInstalled:
        text = tr("Userchain reads and changes the firewall only through its system helper "
                  "(io.github.userchain.Helper1 on the system bus), and the bus does not know "
                  "it. Install Userchain's helper package, which brings userchain-helper with "
                  "its D-Bus and polkit files.");
        break;
    case NotReachable:
        text = tr("The system bus or the helper did not answer. The helper may have failed to "
                  "start; its log is in the system journal.");
        break;
    case NotAuthorized:
        text = tr("The system's policy (polkit) did not allow this. Reading the firewall needs "
                  "an active local session; changing it needs an administrator's password.");
        break;
    case Cancelled:
        text = tr("The authentication dialog was closed, so nothing was read or changed.");
        break;
    case StaleRevision:
        text = tr("The rules in DOCKER-USER are no longer the ones your edits started from "
                  "(someone ran iptables, or Docker restarted). Nothing was changed.");
        break;
    case ChainMissing:
        text = tr("Docker has not created DOCKER-USER (it is not running, or it runs without "
                  "iptables). Userchain can create the chain together with your rules.");
        break;
    case Busy:
        text = tr("Another program holds the xtables lock or a confirmation is pending. Try "
                  "again in a moment.");
        break;
    case NoSuchTransaction:
        text = tr("The helper already restored or kept the rules of this change.");
        break;
    case NotSupported:
        text = tr("The userchain-helper on this system does not offer this function yet. "
                  "Update the Userchain helper package to the version of this window.");
        break;
    default:
        break;
    }
    if (!m_detail.isEmpty()) {
        text += QLatin1Char('\n') + tr("Details: %1").arg(m_detail);
    }
    return text;
}

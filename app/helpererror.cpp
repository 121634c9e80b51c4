#include "helpererror.h"

#include "bustarget.h"
#include "dbustypes.h"
#include "helpercodetext.h"

#include <QDBusError>

HelperError::HelperError(Kind kind, const QString &name, const QString &detail)
    : m_kind(kind), m_name(name), m_detail(detail)
{}

HelperError HelperError::fromDBus(const QDBusError &error, const QString &host)
{
    // The name decides (core's one mapping, shared with the CLI), never the English message.
    const Kind kind = Userchain::helperErrorKind(error.name(), error.type());
    HelperError result(kind == Kind::None ? Kind::Failed : kind, error.name(), error.message());
    result.m_host = host;
    return result;
}

QString HelperError::detailText() const
{
    return m_kind == Kind::InvalidRule ? HelperCodeText::refusals(m_detail) : m_detail;
}

namespace {
/// Not the helper's: the client's own name for a login that failed before any bus was reached.
const QString SshFailedName = QStringLiteral("io.github.userchain.Userchain.Error.SshFailed");
} // namespace

HelperError HelperError::sshFailed(const QString &host, const QString &message)
{
    HelperError error(Kind::NotReachable, SshFailedName, message);
    error.m_host = host;
    return error;
}

QString HelperError::title() const
{
    if (m_name == SshFailedName) {
        return tr("Could not log in to %1").arg(m_host);
    }
    switch (m_kind) {
    case Kind::None:
        return QString();
    case Kind::NotInstalled:
        return tr("The Userchain helper is not installed");
    case Kind::NotReachable:
        return tr("The Userchain helper cannot be reached");
    case Kind::NotAuthorized:
        return tr("Not authorized");
    case Kind::Cancelled:
        return tr("Authorization cancelled");
    case Kind::StaleRevision:
        return tr("DOCKER-USER changed outside Userchain");
    case Kind::InvalidRule:
        return tr("The helper refused a rule");
    case Kind::InvalidArgument:
        return tr("The helper refused the request");
    case Kind::ChainMissing:
        return tr("DOCKER-USER does not exist");
    case Kind::BackendUnavailable:
        return tr("The firewall backend is not available");
    case Kind::Busy:
        return tr("The firewall is busy");
    case Kind::NoSuchTransaction:
        return tr("The confirmation period has already ended");
    case Kind::NotSupported:
        return tr("The installed helper is too old");
    case Kind::Failed:
        break;
    }
    return tr("The helper reported an error");
}

QString HelperError::explanation() const
{
    QString text;
    switch (m_kind) {
    case Kind::None:
        return QString();
    case Kind::NotInstalled:
        text = m_host.isEmpty()
                   ? tr("Userchain reads and changes the firewall only through its system helper "
                        "(io.github.userchain.Helper1 on the system bus), and the bus does not "
                        "know it. Install Userchain's helper package, which brings "
                        "userchain-helper with its D-Bus and polkit files.")
                   : tr("Userchain reads and changes the firewall of %1 only through the "
                        "system helper there (io.github.userchain.Helper1 on its system bus), "
                        "and that bus does not know it. Install Userchain's helper package on "
                        "%1.")
                         .arg(m_host);
        break;
    case Kind::NotReachable:
        if (m_name == SshFailedName) {
            text = tr("ssh could not log in to %1, so nothing could be read there. Fix what ssh "
                      "says, then try again.")
                       .arg(m_host);
            break;
        }
        text = m_host.isEmpty()
                   ? tr("The system bus or the helper did not answer. The helper may have "
                        "failed to start; its log is in the system journal.")
                   : tr("The connection to %1 or the helper there did not answer. The helper "
                        "may have failed to start; its log is in the journal of %1.")
                         .arg(m_host);
        break;
    case Kind::NotAuthorized:
        if (!m_host.isEmpty()) {
            // No polkit agent can ask for a password over ssh: the server's rules decide alone.
            text = tr("The policy (polkit) of %1 did not allow this for the user ssh logged in "
                      "as. Over ssh no password can be asked, so only a rule on %1 can allow "
                      "it: Userchain ships one, inactive, that lets members of the group "
                      "\"userchain\" read and apply. To enable it, run these commands on %1 as "
                      "root (USER: the user you log in as; membership counts from the next "
                      "login). Saving rules permanently still needs an administrator there.")
                       .arg(m_host);
        } else {
            text = tr("The system's policy (polkit) did not allow this. Reading the firewall "
                      "needs an active local session; changing it needs an administrator's "
                      "password.");
        }
        break;
    case Kind::Cancelled:
        text = tr("The authentication dialog was closed, so nothing was read or changed.");
        break;
    case Kind::StaleRevision:
        text = tr("The rules in DOCKER-USER are no longer the ones your edits started from "
                  "(someone ran iptables, or Docker restarted). Nothing was changed.");
        break;
    case Kind::ChainMissing:
        text = tr("Docker has not created DOCKER-USER (it is not running, or it runs without "
                  "iptables). Userchain can create the chain together with your rules.");
        break;
    case Kind::Busy:
        text = tr("Another program holds the xtables lock or a confirmation is pending. Try "
                  "again in a moment.");
        break;
    case Kind::NoSuchTransaction:
        text = tr("The helper already restored or kept the rules of this change.");
        break;
    case Kind::NotSupported:
        text = tr("The userchain-helper on this system does not offer this function yet. "
                  "Update the Userchain helper package to the version of this window.");
        break;
    default:
        break;
    }
    if (!m_detail.isEmpty()) {
        text += QLatin1Char('\n') + tr("Details: %1").arg(detailText());
    }
    return text;
}

QString HelperError::remedyCommands() const
{
    if (m_kind != Kind::NotAuthorized || m_host.isEmpty()) {
        return QString();
    }
    return QStringLiteral("groupadd --system userchain\n"
                          "usermod -a -G userchain USER\n"
                          "ln -s %1 /etc/polkit-1/rules.d/")
        .arg(Userchain::BusTarget::groupRulesPath());
}

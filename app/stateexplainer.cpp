#include "stateexplainer.h"

#include "chaindescriptions.h"
#include "helpererror.h"

using Userchain::ChainInfo;
using Userchain::Snapshot;

QString StateExplainer::backendName(const QString &backend)
{
    if (backend == QLatin1String("legacy")) {
        return tr("iptables-legacy");
    }
    if (backend == QLatin1String("nft")) {
        return tr("iptables-nft (nf_tables)");
    }
    if (backend == QLatin1String("none")) {
        return tr("none");
    }
    return backend;
}

Notice StateExplainer::explain(const HelperError &error)
{
    Notice n;
    n.id = QStringLiteral("helper-error");
    n.severity = Notice::Severity::Error;
    n.title = error.title();
    n.text = error.explanation();
    n.action = Notice::Action::Retry;
    n.actionText = tr("Try again");
    n.blocking = true;
    switch (error.kind()) {
    case HelperError::NotInstalled:
        n.id = QStringLiteral("helper-not-installed");
        break;
    case HelperError::NotReachable:
        n.id = QStringLiteral("helper-unreachable");
        break;
    case HelperError::NotAuthorized:
        n.id = QStringLiteral("not-authorized");
        break;
    case HelperError::Cancelled:
        n.id = QStringLiteral("auth-cancelled");
        n.severity = Notice::Severity::Warning;
        break;
    case HelperError::BackendUnavailable:
        n.id = QStringLiteral("backend-unavailable");
        break;
    default:
        break;
    }
    return n;
}

QVector<Notice> StateExplainer::explain(const Snapshot &snapshot)
{
    QVector<Notice> notices;
    int dockerChains = 0;
    for (const ChainInfo &c : snapshot.chains) {
        if (c.table == QLatin1String("filter") && ChainDescriptions::isDockerChain(c.name)) {
            ++dockerChains;
        }
    }

    if (snapshot.backend == QLatin1String("none")) {
        Notice n;
        n.id = QStringLiteral("no-backend");
        n.severity = Notice::Severity::Error;
        n.title = tr("Docker's rules are not in iptables");
        n.text = tr("Neither iptables-legacy nor iptables-nft holds Docker's chains. Docker 29 "
                    "can manage nftables directly (firewall-backend \"nftables\"); it then has no "
                    "DOCKER-USER chain, and filtering is done in nftables instead.");
        if (!snapshot.backendDetail.isEmpty()) {
            n.text += QLatin1Char('\n') + tr("Details: %1").arg(snapshot.backendDetail);
        }
        n.action = Notice::Action::Retry;
        n.actionText = tr("Check again");
        n.blocking = !snapshot.iptablesDisabled;
        notices.append(n);
    } else if (snapshot.backend == QLatin1String("nft")) {
        Notice n;
        n.id = QStringLiteral("nft-backend");
        n.title = tr("This host uses the nf_tables backend");
        n.text = tr("Docker wrote its chains with iptables-nft, so Userchain reads and writes "
                    "DOCKER-USER there. `iptables-legacy` shows none of these rules; use "
                    "`iptables-nft` (or `iptables`, if it points to it) to inspect them.");
        notices.append(n);
    }

    if (snapshot.iptablesDisabled) {
        Notice n;
        n.id = QStringLiteral("iptables-disabled");
        n.severity = Notice::Severity::Warning;
        n.title = tr("Docker is set not to touch iptables");
        n.text = tr("/etc/docker/daemon.json has \"iptables\": false, so Docker creates no "
                    "chains and sends no traffic through DOCKER-USER: rules here have no effect "
                    "on containers. Remove the setting and restart Docker to use DOCKER-USER.");
        n.blocking = dockerChains == 0 && !snapshot.dockerUserExists;
        n.action = Notice::Action::Retry;
        n.actionText = tr("Check again");
        notices.append(n);
    } else if (dockerChains == 0 && snapshot.backend != QLatin1String("none")) {
        Notice n;
        n.id = QStringLiteral("docker-not-running");
        n.severity = Notice::Severity::Warning;
        n.title = tr("Docker is not running");
        n.text = tr("None of Docker's chains exist, so Docker is stopped or has not started "
                    "yet. Rules in DOCKER-USER take effect once Docker runs; Docker keeps them "
                    "when it starts.");
        notices.append(n);
    }

    if (!snapshot.dockerUserExists && snapshot.backend != QLatin1String("none") &&
        !snapshot.iptablesDisabled) {
        Notice n;
        n.id = QStringLiteral("no-docker-user");
        n.severity = Notice::Severity::Warning;
        n.title = tr("There is no DOCKER-USER chain");
        n.text = tr("Docker creates DOCKER-USER when it starts. You can create it now together "
                    "with the FORWARD jump; Docker will keep both.");
        n.action = Notice::Action::CreateChain;
        n.actionText = tr("Create DOCKER-USER");
        notices.append(n);
    } else if (snapshot.dockerUserExists && snapshot.forwardJumpPosition == 0) {
        Notice n;
        n.id = QStringLiteral("no-forward-jump");
        n.severity = Notice::Severity::Warning;
        n.title = tr("FORWARD does not jump to DOCKER-USER");
        n.text = tr("Without `-A FORWARD -j DOCKER-USER` no packet reaches these rules. Docker "
                    "adds the jump when it starts; Userchain can put it back at position 1 now.");
        n.action = Notice::Action::FixJump;
        n.actionText = tr("Restore the jump");
        notices.append(n);
    } else if (snapshot.forwardJumpPosition > 1) {
        Notice n;
        n.id = QStringLiteral("late-forward-jump");
        n.title = tr("DOCKER-USER is not first in FORWARD");
        n.text = tr("FORWARD jumps to DOCKER-USER at position %1; the rules before it see "
                    "packets first.")
                     .arg(snapshot.forwardJumpPosition);
        notices.append(n);
    }

    for (const QString &warning : snapshot.warnings) {
        Notice n;
        n.id = QStringLiteral("helper-warning");
        n.severity = Notice::Severity::Warning;
        n.title = tr("The helper reports");
        n.text = warning;
        notices.append(n);
    }
    return notices;
}

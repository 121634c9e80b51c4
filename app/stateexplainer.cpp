#include "stateexplainer.h"

#include "chaindescriptions.h"
#include "familytext.h"
#include "firewallmode.h"
#include "helpercodetext.h"
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
    n.code = error.remedyCommands();
    n.action = Notice::Action::Retry;
    n.actionText = tr("Try again");
    n.blocking = true;
    switch (error.kind()) {
    case HelperError::Kind::NotInstalled:
        n.id = QStringLiteral("helper-not-installed");
        break;
    case HelperError::Kind::NotReachable:
        n.id = QStringLiteral("helper-unreachable");
        break;
    case HelperError::Kind::NotAuthorized:
        n.id = QStringLiteral("not-authorized");
        break;
    case HelperError::Kind::Cancelled:
        n.id = QStringLiteral("auth-cancelled");
        n.severity = Notice::Severity::Warning;
        break;
    case HelperError::Kind::BackendUnavailable:
        n.id = QStringLiteral("backend-unavailable");
        break;
    default:
        break;
    }
    return n;
}

bool StateExplainer::isEditable(const Snapshot &snapshot)
{
    const QVector<Notice> notices = explain(snapshot);
    return std::none_of(notices.cbegin(), notices.cend(),
                        [](const Notice &n) { return n.blocking; });
}

bool StateExplainer::hasDockerChains(const Snapshot &snapshot)
{
    return snapshot.backend != QLatin1String("none") &&
           std::any_of(snapshot.chains.cbegin(), snapshot.chains.cend(), [](const ChainInfo &c) {
               return c.table == QLatin1String("filter") &&
                      ChainDescriptions::isDockerChain(c.name);
           });
}

QVector<Notice> StateExplainer::explain(const Snapshot &snapshot, const Snapshot &otherFamily)
{
    QVector<Notice> notices;
    const Userchain::Family family = FamilyText::fromInt(snapshot.family);
    const QString v = FamilyText::name(family);
    const QString tool = FamilyText::tool(family);
    const bool dockerChains = hasDockerChains(snapshot);
    // Docker runs and filters IPv4 while this is IPv6: what is missing here is Docker's doing.
    const bool ipv6Only = family == Userchain::Family::IPv6 && hasDockerChains(otherFamily);
    const bool none = snapshot.backend == QLatin1String("none");
    const bool nftables = FirewallMode::dockerUsesNftables(snapshot);
    const FirewallMode::LeftOver leftOver = FirewallMode::leftOverDockerUser(snapshot);

    if (nftables && !snapshot.dockerUserExists && !snapshot.iptablesDisabled) {
        // Docker 29's own nftables firewall: nothing here to edit, and that is no fault.
        Notice n;
        n.id = QStringLiteral("docker-nftables");
        n.severity = Notice::Severity::Info;
        n.title = tr("Docker uses nftables: there is no DOCKER-USER");
        n.text = tr("Docker runs with its nftables firewall backend (Docker 29 and later, table "
                    "%1 docker-bridges), so it creates no %2 chains and no DOCKER-USER chain.")
                     .arg(family == Userchain::Family::IPv6 ? QStringLiteral("ip6")
                                                            : QStringLiteral("ip"),
                          tool) +
                 QStringLiteral("\n\n") + FirewallMode::nftablesAdvice();
        n.code = FirewallMode::nftablesExample(family);
        n.action = Notice::Action::Retry;
        n.actionText = tr("Check again");
        n.blocking = true;
        notices.append(n);
    } else if (none) {
        Notice n;
        n.id = QStringLiteral("no-backend");
        n.severity = Notice::Severity::Error;
        if (ipv6Only) {
            // The helper's detail would ask whether Docker runs; the IPv4 tab shows it does.
            n.severity = Notice::Severity::Info;
            n.title = tr("Docker has no IPv6 chains");
            n.text = tr("Docker is running (the IPv4 tab shows its chains) but filters only "
                        "IPv4: it has created no ip6tables chains. Docker before 27 filters IPv6 "
                        "only with \"ip6tables\": true in /etc/docker/daemon.json (on Docker "
                        "20.10 an experimental option, so with \"experimental\": true as well); "
                        "Docker 27 and later do by default. Once Docker's IPv6 chains exist, "
                        "Userchain can create DOCKER-USER for IPv6, which Docker 20.10 does not "
                        "create itself.");
        } else if (family == Userchain::Family::IPv6) {
            n.title = tr("Docker has no IPv6 chains");
            n.text = tr("Neither ip6tables-legacy nor ip6tables-nft holds Docker's IPv6 chains. "
                        "Docker creates them when it filters IPv6 (\"ip6tables\": true, the "
                        "default since Docker 27); with an older Docker, or while Docker is "
                        "stopped, there is no IPv6 DOCKER-USER to edit.");
        } else {
            n.title = tr("Docker's rules are not in iptables");
            n.text = tr("Neither iptables-legacy nor iptables-nft holds Docker's chains. Docker "
                        "29 can manage nftables directly (firewall-backend \"nftables\"); it then "
                        "has no DOCKER-USER chain, and filtering is done in nftables instead.");
        }
        if (!snapshot.backendDetail.isEmpty() && !ipv6Only) {
            n.text += QLatin1Char('\n') +
                      tr("Details: %1").arg(HelperCodeText::detail(snapshot.backendDetail, family));
        }
        n.action = Notice::Action::Retry;
        n.actionText = tr("Check again");
        n.blocking = !snapshot.iptablesDisabled;
        notices.append(n);
    } else if (snapshot.backend == QLatin1String("nft")) {
        Notice n;
        n.id = QStringLiteral("nft-backend");
        n.title = tr("This host uses the nf_tables backend");
        n.text = tr("Docker wrote its chains with %1-nft, so Userchain reads and writes "
                    "DOCKER-USER there. `%1-legacy` shows none of these rules; use `%1-nft` (or "
                    "`%1`, if it points to it) to inspect them.")
                     .arg(tool);
        notices.append(n);
    }

    if (leftOver != FirewallMode::LeftOver::None) {
        Notice n;
        n.id = leftOver == FirewallMode::LeftOver::Active ? QStringLiteral("leftover-active")
                                                          : QStringLiteral("leftover-inactive");
        n.severity = Notice::Severity::Warning;
        n.title = leftOver == FirewallMode::LeftOver::Active
                      ? tr("Left over from iptables mode, and still active")
                      : tr("Left over from iptables mode, and inactive");
        n.text = leftOver == FirewallMode::LeftOver::Active
                     ? tr("Docker now runs with its nftables backend and no longer maintains "
                          "DOCKER-USER, but FORWARD still jumps to it (rule %1), so the kernel "
                          "still applies these rules: a DROP here still drops, while an ACCEPT "
                          "no longer overrides Docker's drops. The jump goes away when it is "
                          "removed or at the next reboot.")
                           .arg(snapshot.forwardJumpPosition)
                     : tr("Docker now runs with its nftables backend and no longer maintains "
                          "DOCKER-USER. Nothing jumps to this chain any more, so its rules have "
                          "no effect; editing them changes nothing.");
        n.text += QStringLiteral("\n\n") + FirewallMode::nftablesAdvice();
        n.code = FirewallMode::nftablesExample(family);
        notices.append(n);
    }

    if (snapshot.iptablesDisabled) {
        Notice n;
        n.id = QStringLiteral("iptables-disabled");
        n.severity = Notice::Severity::Warning;
        n.title = tr("Docker is set not to touch %1").arg(tool);
        n.text = tr("/etc/docker/daemon.json has \"%1\": false, so Docker creates no %2 chains "
                    "and sends no traffic through DOCKER-USER: rules here have no effect on "
                    "containers. Remove the setting and restart Docker to use DOCKER-USER.")
                     .arg(tool, v);
        n.blocking = !dockerChains && !snapshot.dockerUserExists;
        n.action = Notice::Action::Retry;
        n.actionText = tr("Check again");
        notices.append(n);
    } else if (!dockerChains && !none && !nftables) {
        Notice n;
        n.id = QStringLiteral("docker-not-running");
        n.severity = Notice::Severity::Warning;
        n.title = tr("Docker is not running");
        n.text = tr("None of Docker's chains exist, so Docker is stopped or has not started "
                    "yet. Rules in DOCKER-USER take effect once Docker runs; Docker keeps them "
                    "when it starts.");
        notices.append(n);
    }

    if (nftables) {
        // The jump and the chain are Docker's iptables plumbing; nftables mode has neither.
    } else if (!snapshot.dockerUserExists && !none && !snapshot.iptablesDisabled) {
        Notice n;
        n.id = QStringLiteral("no-docker-user");
        if (ipv6Only && dockerChains) {
            // Docker 20.10 with "ip6tables": true: expected, not a fault.
            n.title = tr("There is no DOCKER-USER chain for IPv6");
            n.text = tr("Docker filters IPv6 here (its ip6tables chains exist) but, like Docker "
                        "20.10, creates DOCKER-USER only for IPv4, so no rule of yours sees IPv6 "
                        "traffic to containers. Create it now together with the FORWARD jump; "
                        "Docker will keep both.");
        } else {
            n.severity = Notice::Severity::Warning;
            n.title = tr("There is no DOCKER-USER chain");
            n.text = tr("Docker creates DOCKER-USER when it starts. You can create it now "
                        "together with the FORWARD jump; Docker will keep both.");
        }
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

    for (const QString &warning : FirewallMode::displayedWarnings(snapshot)) {
        Notice n;
        n.id = QStringLiteral("helper-warning");
        n.severity = Notice::Severity::Warning;
        n.title = tr("The helper reports");
        n.text = warning;
        notices.append(n);
    }
    return notices;
}

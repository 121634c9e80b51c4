#include "firewallmode.h"

#include "familytext.h"

using Userchain::Family;
using Userchain::Snapshot;

namespace {
// The detector's sentences for nftables mode (helper/backends/backenddetector.cpp), until the
// helper sends FirewallMode::NftablesCode.
const char *const DetailSentence = "nftables firewall backend";
const char *const WarningSentence = "docker-bridges exists";
} // namespace

bool FirewallMode::dockerUsesNftables(const Snapshot &snapshot)
{
    if (snapshot.backendDetail.contains(QLatin1String(DetailSentence))) {
        return true;
    }
    for (const QString &warning : snapshot.warnings) {
        if (warning == QLatin1String(NftablesCode) ||
            warning.contains(QLatin1String(WarningSentence))) {
            return true;
        }
    }
    return false;
}

FirewallMode::LeftOver FirewallMode::leftOverDockerUser(const Snapshot &snapshot)
{
    if (!snapshot.dockerUserExists || !dockerUsesNftables(snapshot)) {
        return LeftOver::None;
    }
    // The kernel decides, not Docker: a jump Docker no longer maintains still sends packets.
    return snapshot.forwardJumpPosition > 0 ? LeftOver::Active : LeftOver::Inactive;
}

QStringList FirewallMode::displayedWarnings(const Snapshot &snapshot)
{
    QStringList out;
    const bool nftables = dockerUsesNftables(snapshot);
    for (const QString &warning : snapshot.warnings) {
        if (warning == QLatin1String("forward-jump-missing") ||
            warning == QLatin1String("forward-jump-not-first") ||
            warning == QLatin1String(NftablesCode) ||
            (nftables && warning.contains(QLatin1String(WarningSentence)))) {
            continue; // their own notices explain these
        }
        if (warning == QLatin1String("daemon-json-invalid")) {
            out << tr("/etc/docker/daemon.json is not valid JSON, so Userchain cannot tell how "
                      "Docker is configured (and Docker will not start with it).");
        } else if (warning == QLatin1String("daemon-json-unreadable")) {
            out << tr("/etc/docker/daemon.json cannot be read, so Userchain cannot tell whether "
                      "Docker manages the firewall.");
        } else if (warning == QLatin1String("daemon-json-too-large")) {
            out << tr("/etc/docker/daemon.json is too large to be read (over 1 MiB).");
        } else {
            out << warning;
        }
    }
    return out;
}

QString FirewallMode::nftablesExample(Family family)
{
    const bool v6 = family == Family::IPv6;
    const QString example =
        QStringLiteral("table %1 my-table {\n"
                       "    chain my-filter-forward {\n"
                       "        type filter hook forward priority filter; policy accept;\n"
                       "        iifname \"eth0\" %2 saddr != %3 counter drop\n"
                       "    }\n"
                       "}")
            .arg(v6 ? QStringLiteral("ip6") : QStringLiteral("ip"),
                 v6 ? QStringLiteral("ip6") : QStringLiteral("ip"),
                 FamilyText::exampleSubnet(family));
    return example;
}

QString FirewallMode::nftablesAdvice()
{
    return tr("Docker recommends putting your own rules in an nftables table of your own, with "
              "a base chain on the same hook as Docker's (type filter hook forward); a lower "
              "priority number runs before Docker's chains. An accept there is not final: to let "
              "through what Docker would drop, set a firewall mark and start Docker with "
              "--bridge-accept-fwmark. For example (load with nft -f):");
}

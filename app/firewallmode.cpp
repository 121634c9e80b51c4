#include "firewallmode.h"

#include "familytext.h"
#include "helpercodetext.h"

using Userchain::Family;
using Userchain::Snapshot;

namespace NoteCode = Userchain::NoteCode;

namespace {
bool hasWarning(const Snapshot &snapshot, const char *code)
{
    for (const Userchain::SnapshotNote &warning : snapshot.warnings) {
        if (warning.code == QLatin1String(code)) {
            return true;
        }
    }
    return false;
}
} // namespace

bool FirewallMode::dockerUsesNftables(const Snapshot &snapshot)
{
    return snapshot.backendDetail.code == QLatin1String(NoteCode::DockerNftables) ||
           hasWarning(snapshot, NoteCode::DockerNftables);
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
    const Family family = snapshot.family == 6 ? Family::IPv6 : Family::IPv4;
    for (const Userchain::SnapshotNote &warning : snapshot.warnings) {
        if (warning.code == QLatin1String(NoteCode::ForwardJumpMissing) ||
            warning.code == QLatin1String(NoteCode::ForwardJumpNotFirst) ||
            warning.code == QLatin1String(NoteCode::DockerNftables)) {
            continue; // their own notices explain these
        }
        out << HelperCodeText::warning(warning, family);
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

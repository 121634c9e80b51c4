#include "backenddetector.h"

#include "iptcbackend.h"
#include "nftbackend.h"
#include "toolrunner.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

namespace Userchain {

namespace {

// The chains whose presence means "Docker manages this table" (20.10 to 28.x).
const QStringList &dockerChains()
{
    static const QStringList names = {QStringLiteral("DOCKER-USER"), QStringLiteral("DOCKER"),
                                      QStringLiteral("DOCKER-FORWARD")};
    return names;
}

bool hasDockerChain(const QStringList &chains)
{
    for (const QString &c : chains)
        if (dockerChains().contains(c))
            return true;
    return false;
}

/// Chain names from iptables-save output (`:NAME POLICY [p:b]` lines of the filter table).
QStringList savedChains(const QByteArray &save)
{
    QStringList chains;
    bool inFilter = false;
    for (const QByteArray &raw : save.split('\n')) {
        const QByteArray line = raw.trimmed();
        if (line.startsWith('*'))
            inFilter = line == "*filter";
        else if (inFilter && line.startsWith(':')) {
            const int space = line.indexOf(' ');
            chains << QString::fromUtf8(line.mid(1, space < 0 ? -1 : space - 1));
        }
    }
    return chains;
}

QString familyTool(Family family, const char *v4, const char *v6)
{
    return QLatin1String(family == Family::IPv4 ? v4 : v6);
}

} // namespace

std::optional<QByteArray> BackendDetector::runTool(const Environment &environment,
                                                   const QString &tool, const QStringList &args,
                                                   QString *error)
{
    // The same runner the nft backend uses: fixed trusted directories (never PATH), no
    // shell, a clean environment, a time limit and a bound on the output.
    ToolRunner runner(environment.toolDirectories);
    runner.setTimeoutMs(environment.timeoutMs);
    runner.setMaxOutput(environment.maxOutput);
    ToolRunner::Result result = runner.run(tool, args);
    if (!result.ok()) {
        *error = result.message;
        return std::nullopt;
    }
    return result.out;
}

BackendDetection BackendDetector::detect(Family family)
{
    return detect(family, Environment());
}

BackendDetection BackendDetector::detect(Family family, const Environment &environment)
{
    BackendDetection d;
    const QString v = family == Family::IPv4 ? QStringLiteral("IPv4") : QStringLiteral("IPv6");

    // 1. iptables-legacy: only tables the kernel already has are looked into.
    bool legacyDocker = false;
    bool legacyDockerUser = false;
    d.legacyTablesExist = IptcBackend::existingTables(family).contains(QLatin1String("filter"));
    if (d.legacyTablesExist) {
        QString error;
        const auto chains = IptcBackend::chainNames(family, QStringLiteral("filter"), &error);
        if (chains) {
            legacyDocker = hasDockerChain(*chains);
            legacyDockerUser = chains->contains(QLatin1String("DOCKER-USER"));
        } else {
            d.warnings
                << QStringLiteral("Cannot read the iptables-legacy filter table: %1").arg(error);
        }
    }

    // 2. iptables-nft: its save tool lists the chains without creating anything.
    bool nftDocker = false;
    bool nftDockerUser = false;
    {
        QString error;
        const auto save =
            runTool(environment, familyTool(family, "iptables-nft-save", "ip6tables-nft-save"),
                    {QStringLiteral("-t"), QStringLiteral("filter")}, &error);
        if (save) {
            const QStringList chains = savedChains(*save);
            nftDocker = hasDockerChain(chains);
            nftDockerUser = chains.contains(QLatin1String("DOCKER-USER"));
        } else {
            d.warnings << QStringLiteral("Cannot inspect iptables-nft: %1").arg(error);
        }
    }

    // 3. Docker 29's own nftables firewall: "table ip docker-bridges" / "table ip6 ...".
    {
        QString error;
        const auto tables = runTool(environment, QStringLiteral("nft"),
                                    {QStringLiteral("list"), QStringLiteral("tables")}, &error);
        const QByteArray wanted =
            family == Family::IPv4 ? "table ip docker-bridges" : "table ip6 docker-bridges";
        if (tables) {
            for (const QByteArray &line : tables->split('\n'))
                if (line.trimmed() == wanted)
                    d.dockerNftables = true;
        }
    }

    // 4. daemon.json: "iptables": false (or "ip6tables": false) means Docker makes no chains.
    {
        QFile file(environment.daemonJson);
        if (file.open(QIODevice::ReadOnly)) {
            const QJsonDocument doc = QJsonDocument::fromJson(file.read(1024 * 1024));
            const QJsonObject o = doc.object();
            const QString key =
                family == Family::IPv4 ? QStringLiteral("iptables") : QStringLiteral("ip6tables");
            if (o.value(key).isBool() && !o.value(key).toBool())
                d.iptablesDisabled = true;
            if (o.value(QStringLiteral("firewall-backend")).toString() == QLatin1String("nftables"))
                d.dockerNftables = true;
        }
    }

    // 5. Which variant `iptables` is: what Docker calls when it runs it.
    {
        QString error;
        const auto version = runTool(environment, familyTool(family, "iptables", "ip6tables"),
                                     {QStringLiteral("-V")}, &error);
        if (version) {
            if (version->contains("(legacy)"))
                d.iptablesVariant = QStringLiteral("legacy");
            else if (version->contains("(nf_tables)"))
                d.iptablesVariant = QStringLiteral("nf_tables");
        }
    }

    if (legacyDocker && nftDocker) {
        d.found = BackendDetection::Presence::Both;
        bool useLegacy;
        if (!d.iptablesVariant.isEmpty())
            useLegacy = d.iptablesVariant == QLatin1String("legacy");
        else
            useLegacy = legacyDockerUser && !nftDockerUser;
        d.backend = useLegacy ? QStringLiteral("legacy") : QStringLiteral("nft");
        d.detail =
            QStringLiteral("Docker's %1 chains exist in both iptables-legacy and iptables-nft; "
                           "using %2 (%3).")
                .arg(v,
                     useLegacy ? QStringLiteral("iptables-legacy") : QStringLiteral("iptables-nft"),
                     d.iptablesVariant.isEmpty()
                         ? QStringLiteral("the one holding DOCKER-USER")
                         : QStringLiteral("what `%1 -V` reports")
                               .arg(familyTool(family, "iptables", "ip6tables")));
        d.warnings << QStringLiteral(
                          "The %1 copy of Docker's chains is ignored; it is probably left "
                          "over from an earlier Docker or iptables setup.")
                          .arg(useLegacy ? QStringLiteral("iptables-nft")
                                         : QStringLiteral("iptables-legacy"));
        d.dockerUserExists = useLegacy ? legacyDockerUser : nftDockerUser;
    } else if (legacyDocker) {
        d.found = BackendDetection::Presence::Legacy;
        d.backend = QStringLiteral("legacy");
        d.dockerUserExists = legacyDockerUser;
        d.detail = QStringLiteral("Docker's %1 chains are in iptables-legacy.").arg(v);
        if (d.iptablesVariant == QLatin1String("nf_tables"))
            d.warnings << QStringLiteral(
                              "`%1` is the nf_tables variant, but Docker's chains are in "
                              "the legacy tables: Docker was started with %1-legacy.")
                              .arg(familyTool(family, "iptables", "ip6tables"));
    } else if (nftDocker) {
        d.found = BackendDetection::Presence::Nft;
        d.backend = QStringLiteral("nft");
        d.dockerUserExists = nftDockerUser;
        d.detail = QStringLiteral("Docker's %1 chains are in iptables-nft (nf_tables).").arg(v);
        if (d.legacyTablesExist)
            d.warnings << QStringLiteral(
                "iptables-legacy tables exist too but hold none of Docker's chains.");
    } else {
        d.found = BackendDetection::Presence::None;
        d.backend = QStringLiteral("none");
        if (d.iptablesDisabled)
            d.detail =
                QStringLiteral(
                    "/etc/docker/daemon.json sets \"%1\": false, so Docker creates no %2 chains.")
                    .arg(family == Family::IPv4 ? QStringLiteral("iptables")
                                                : QStringLiteral("ip6tables"),
                         v);
        else if (d.dockerNftables)
            d.detail = QStringLiteral(
                "Docker uses its nftables firewall backend (Docker 29 and later, "
                "\"firewall-backend\": \"nftables\"): it creates no DOCKER-USER chain. Docker "
                "recommends putting your own rules in a separate nftables table, in base chains "
                "on the forward hook whose priority runs before Docker's; Userchain does not edit "
                "nftables tables.");
        else
            d.detail =
                QStringLiteral("No Docker %1 chains found in iptables-legacy or iptables-nft; is "
                               "Docker running?")
                    .arg(v);
    }
    if (d.found != BackendDetection::Presence::None && d.iptablesDisabled)
        d.warnings << QStringLiteral(
            "daemon.json disables Docker's iptables rules; the chains present "
            "are left over and Docker will not maintain them.");
    if (d.found != BackendDetection::Presence::None && d.dockerNftables)
        d.warnings << QStringLiteral(
            "Docker uses its nftables backend (table docker-bridges): the DOCKER-USER chain here "
            "is left over from iptables mode and Docker no longer maintains it. It still filters "
            "forwarded traffic for as long as FORWARD jumps to it.");
    return d;
}

std::unique_ptr<Backend> BackendDetector::create(const BackendDetection &detection)
{
    if (detection.backend == QLatin1String("legacy"))
        return std::make_unique<IptcBackend>();
    if (detection.backend == QLatin1String("nft"))
        return std::make_unique<NftBackend>();
    return nullptr;
}

} // namespace Userchain

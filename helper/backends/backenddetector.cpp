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
            d.warnings << SnapshotNote{QLatin1String(NoteCode::LegacyUnreadable), {error}};
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
            d.warnings << SnapshotNote{QLatin1String(NoteCode::NftUninspectable), {error}};
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

    // Codes, not sentences: the clients word them (NoteCode).
    const auto note = [](const char *code, const QStringList &args = {}) {
        return SnapshotNote{QLatin1String(code), args};
    };
    if (legacyDocker && nftDocker) {
        d.found = BackendDetection::Presence::Both;
        bool useLegacy;
        if (!d.iptablesVariant.isEmpty())
            useLegacy = d.iptablesVariant == QLatin1String("legacy");
        else
            useLegacy = legacyDockerUser && !nftDockerUser;
        d.backend = useLegacy ? QStringLiteral("legacy") : QStringLiteral("nft");
        d.detail = note(NoteCode::Both,
                        {d.backend, d.iptablesVariant.isEmpty() ? QStringLiteral("docker-user")
                                                                : QStringLiteral("iptables-v")});
        d.warnings << note(NoteCode::OtherCopyIgnored,
                           {useLegacy ? QStringLiteral("nft") : QStringLiteral("legacy")});
        d.dockerUserExists = useLegacy ? legacyDockerUser : nftDockerUser;
    } else if (legacyDocker) {
        d.found = BackendDetection::Presence::Legacy;
        d.backend = QStringLiteral("legacy");
        d.dockerUserExists = legacyDockerUser;
        d.detail = note(NoteCode::Legacy);
        if (d.iptablesVariant == QLatin1String("nf_tables"))
            d.warnings << note(NoteCode::VariantMismatch);
    } else if (nftDocker) {
        d.found = BackendDetection::Presence::Nft;
        d.backend = QStringLiteral("nft");
        d.dockerUserExists = nftDockerUser;
        d.detail = note(NoteCode::Nft);
        if (d.legacyTablesExist)
            d.warnings << note(NoteCode::LegacyTablesUnused);
    } else {
        d.found = BackendDetection::Presence::None;
        d.backend = QStringLiteral("none");
        if (d.iptablesDisabled)
            d.detail = note(NoteCode::IptablesDisabled);
        else if (d.dockerNftables)
            d.detail = note(NoteCode::DockerNftables);
        else
            d.detail = note(NoteCode::NoDockerChains);
    }
    if (d.found != BackendDetection::Presence::None && d.iptablesDisabled)
        d.warnings << note(NoteCode::IptablesDisabledLeftOver);
    // Whenever Docker uses its nftables firewall, with or without a DOCKER-USER left over from
    // iptables mode: clients explain both states from this one code.
    if (d.dockerNftables)
        d.warnings << note(NoteCode::DockerNftables);
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

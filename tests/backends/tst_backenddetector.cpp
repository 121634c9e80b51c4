// BackendDetector in private network namespaces holding Docker's captured tables in
// iptables-legacy, in iptables-nft, in both, or nowhere; plus the guards around the tools it
// runs (fixed directory, clean environment, timeout, output bound).
#include "backenddetector.h"
#include "iptcbackend.h"
#include "netns.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Userchain;

namespace {

const QString kFixtures = QStringLiteral(USERCHAIN_FIXTURES_DIR);
const QString kLegacy4 =
    kFixtures + QStringLiteral("/docker-20.10/docker20.10-legacy-with-containers.legacy.v4.rules");
const QString kLegacy6 =
    kFixtures +
    QStringLiteral("/docker-20.10/docker20.10-legacy-ip6tables-with-containers.legacy.v6.rules");
const QString kNft4 =
    kFixtures + QStringLiteral("/docker-20.10/docker20.10-nft-with-containers.nft.v4.rules");
const QString kNftables29 =
    kFixtures + QStringLiteral("/docker-moby/docker29.7.2-nftables-usernet-portmap.v4.nft");

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool load(const QString &tool, const QString &path)
{
    const auto r = TestNetns::run(tool, {}, readFile(path));
    if (!r.ok())
        qWarning() << tool << path << r.err;
    return r.ok();
}

QByteArray procTables()
{
    return readFile(QStringLiteral("/proc/net/ip_tables_names")).trimmed();
}

} // namespace

class TstBackendDetector : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void neither();
    void legacyOnly();
    void legacyOnlyV6();
    void nftOnly();
    void both();
    void iptablesFalse();
    void dockerNftables();
    void toolIsolation();
    void toolTimeout();
    void toolOutputBound();
    void createMatchesBackend();

private:
    BackendDetector::Environment m_env;
    QTemporaryDir m_dir;
};

void TstBackendDetector::initTestCase()
{
    QVERIFY(TestNetns::isPrivate());
    QVERIFY(m_dir.isValid());
    // Never the host's daemon.json: each case writes its own.
    m_env.daemonJson = m_dir.filePath(QStringLiteral("daemon.json"));
}

void TstBackendDetector::init()
{
    QString error;
    QVERIFY2(TestNetns::fresh(&error), qPrintable(error));
    QFile::remove(m_env.daemonJson);
}

void TstBackendDetector::neither()
{
    const BackendDetection d = BackendDetector::detect(Family::IPv4, m_env);
    QCOMPARE(d.found, BackendDetection::Presence::None);
    QCOMPARE(d.backend, QStringLiteral("none"));
    QCOMPARE(d.detail, (SnapshotNote{QLatin1String(NoteCode::NoDockerChains), {}}));
    QVERIFY(!d.legacyTablesExist);
    // Looking must not have created a legacy table.
    QCOMPARE(procTables(), QByteArray());
}

void TstBackendDetector::legacyOnly()
{
    QVERIFY(load(QStringLiteral("/usr/sbin/iptables-legacy-restore"), kLegacy4));
    const BackendDetection d = BackendDetector::detect(Family::IPv4, m_env);
    QCOMPARE(d.found, BackendDetection::Presence::Legacy);
    QCOMPARE(d.backend, QStringLiteral("legacy"));
    QVERIFY(d.dockerUserExists);
    QVERIFY(d.legacyTablesExist);
    // This host's `iptables` is the nf_tables variant: worth a warning.
    QCOMPARE(d.detail.code, QLatin1String(NoteCode::Legacy));
    if (d.iptablesVariant == QLatin1String("nf_tables"))
        QVERIFY(d.warnings.contains(SnapshotNote{QLatin1String(NoteCode::VariantMismatch), {}}));
}

void TstBackendDetector::legacyOnlyV6()
{
    // Docker 20.10 with ip6tables: Docker's chains, but no DOCKER-USER.
    QVERIFY(load(QStringLiteral("/usr/sbin/ip6tables-legacy-restore"), kLegacy6));
    const BackendDetection d = BackendDetector::detect(Family::IPv6, m_env);
    QCOMPARE(d.found, BackendDetection::Presence::Legacy);
    QCOMPARE(d.backend, QStringLiteral("legacy"));
    QVERIFY(!d.dockerUserExists);
    // IPv4 is empty in this namespace.
    QCOMPARE(BackendDetector::detect(Family::IPv4, m_env).backend, QStringLiteral("none"));
}

void TstBackendDetector::nftOnly()
{
    QVERIFY(load(QStringLiteral("/usr/sbin/iptables-nft-restore"), kNft4));
    // iptables-nft must not have produced legacy tables, and neither may detection.
    QCOMPARE(procTables(), QByteArray());
    const BackendDetection d = BackendDetector::detect(Family::IPv4, m_env);
    QCOMPARE(d.found, BackendDetection::Presence::Nft);
    QCOMPARE(d.backend, QStringLiteral("nft"));
    QVERIFY(d.dockerUserExists);
    QVERIFY(!d.legacyTablesExist);
    QCOMPARE(d.detail.code, QLatin1String(NoteCode::Nft));
    QCOMPARE(procTables(), QByteArray());
}

void TstBackendDetector::both()
{
    QVERIFY(load(QStringLiteral("/usr/sbin/iptables-legacy-restore"), kLegacy4));
    QVERIFY(load(QStringLiteral("/usr/sbin/iptables-nft-restore"), kNft4));
    const BackendDetection d = BackendDetector::detect(Family::IPv4, m_env);
    QCOMPARE(d.found, BackendDetection::Presence::Both);
    // What `iptables -V` reports decides.
    QVERIFY(!d.iptablesVariant.isEmpty());
    QCOMPARE(d.backend, d.iptablesVariant == QLatin1String("legacy") ? QStringLiteral("legacy")
                                                                     : QStringLiteral("nft"));
    QVERIFY(d.dockerUserExists);
    // Codes with arguments, no sentences: which copy is used, why, and which is ignored.
    QCOMPARE(d.detail, (SnapshotNote{QLatin1String(NoteCode::Both),
                                     {d.backend, QStringLiteral("iptables-v")}}));
    QVERIFY(d.warnings.contains(
        SnapshotNote{QLatin1String(NoteCode::OtherCopyIgnored),
                     {d.backend == QLatin1String("legacy") ? QStringLiteral("nft")
                                                           : QStringLiteral("legacy")}}));
}

void TstBackendDetector::iptablesFalse()
{
    QFile json(m_env.daemonJson);
    QVERIFY(json.open(QIODevice::WriteOnly));
    json.write("{ \"iptables\": false, \"log-level\": \"info\" }\n");
    json.close();
    const BackendDetection d = BackendDetector::detect(Family::IPv4, m_env);
    QCOMPARE(d.backend, QStringLiteral("none"));
    QVERIFY(d.iptablesDisabled);
    QCOMPARE(d.detail.code, QLatin1String(NoteCode::IptablesDisabled));
    // ip6tables is a separate switch.
    QVERIFY(!BackendDetector::detect(Family::IPv6, m_env).iptablesDisabled);
}

void TstBackendDetector::dockerNftables()
{
    // moby's golden uses the symbolic priority nft 1.0.6 rejects on the output hook.
    QByteArray ruleset = readFile(kNftables29);
    QVERIFY(!ruleset.isEmpty());
    ruleset.replace("type nat hook output priority dstnat;", "type nat hook output priority -100;");
    const auto r = TestNetns::run(QStringLiteral("/usr/sbin/nft"),
                                  {QStringLiteral("-f"), QStringLiteral("-")}, ruleset);
    QVERIFY2(r.ok(), r.err.constData());
    const BackendDetection d = BackendDetector::detect(Family::IPv4, m_env);
    QCOMPARE(d.backend, QStringLiteral("none"));
    QVERIFY(d.dockerNftables);
    QCOMPARE(d.detail.code, QLatin1String(NoteCode::DockerNftables));
    QVERIFY(d.warnings.contains(SnapshotNote{QLatin1String(NoteCode::DockerNftables), {}}));
    QCOMPARE(procTables(), QByteArray());
}

void TstBackendDetector::toolIsolation()
{
    // A tool sees PATH and nothing else of the caller's environment.
    QTemporaryDir tools;
    QFile script(tools.filePath(QStringLiteral("show-env")));
    QVERIFY(script.open(QIODevice::WriteOnly));
    script.write("#!/bin/sh\n/usr/bin/env\n");
    script.close();
    QVERIFY(script.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    qputenv("USERCHAIN_SECRET", "leak");
    BackendDetector::Environment env = m_env;
    env.toolDirectories = {tools.path()};
    QString error;
    const auto out = BackendDetector::runTool(env, QStringLiteral("show-env"), {}, &error);
    QVERIFY2(out, qPrintable(error));
    QVERIFY2(!out->contains("USERCHAIN_SECRET"), out->constData());
    QVERIFY(out->contains("PATH=/usr/sbin:/usr/bin:/sbin:/bin"));
    // Nothing outside the configured directories, however it is named.
    QVERIFY(!BackendDetector::runTool(env, QStringLiteral("../../usr/bin/env"), {}, &error));
    QVERIFY(!BackendDetector::runTool(env, QStringLiteral("no-such-tool"), {}, &error));
}

void TstBackendDetector::toolTimeout()
{
    QTemporaryDir tools;
    QFile script(tools.filePath(QStringLiteral("slow")));
    QVERIFY(script.open(QIODevice::WriteOnly));
    script.write("#!/bin/sh\nexec sleep 30\n");
    script.close();
    QVERIFY(script.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    BackendDetector::Environment env = m_env;
    env.toolDirectories = {tools.path()};
    env.timeoutMs = 500;
    QString error;
    QElapsedTimer clock;
    clock.start();
    QVERIFY(!BackendDetector::runTool(env, QStringLiteral("slow"), {}, &error));
    QVERIFY2(error.contains(QLatin1String("killed")), qPrintable(error));
    QVERIFY(clock.elapsed() < 5000);
}

void TstBackendDetector::toolOutputBound()
{
    QTemporaryDir tools;
    QFile script(tools.filePath(QStringLiteral("chatty")));
    QVERIFY(script.open(QIODevice::WriteOnly));
    script.write("#!/bin/sh\nexec /usr/bin/yes\n");
    script.close();
    QVERIFY(script.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    BackendDetector::Environment env = m_env;
    env.toolDirectories = {tools.path()};
    env.maxOutput = 1024 * 1024;
    QString error;
    QVERIFY(!BackendDetector::runTool(env, QStringLiteral("chatty"), {}, &error));
    QVERIFY2(error.contains(QLatin1String("more than")), qPrintable(error));
}

void TstBackendDetector::createMatchesBackend()
{
    BackendDetection d;
    d.backend = QStringLiteral("legacy");
    auto legacy = BackendDetector::create(d);
    QVERIFY(legacy);
    QCOMPARE(legacy->name(), QStringLiteral("legacy"));
    d.backend = QStringLiteral("nft");
    auto nft = BackendDetector::create(d);
    QVERIFY(nft);
    QCOMPARE(nft->name(), QStringLiteral("nft"));
    d.backend = QStringLiteral("none");
    QVERIFY(!BackendDetector::create(d));
}

int main(int argc, char **argv)
{
    Userchain::TestNetns::enterPrivateNetwork(argc, argv);
    QCoreApplication app(argc, argv);
    TstBackendDetector test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_backenddetector.moc"

// A host whose Docker chains live in nf_tables: the helper reads them through NftBackend
// instead of opening libiptc (which would create empty legacy tables), and refuses to apply
// with BackendUnavailable (writing through iptables-nft is not enabled in the helper yet).
// Runs in a sandbox of its own, so that no earlier test has created legacy tables.

#include "helperclient.h"
#include "testsandbox.h"

#include <QFile>
#include <QtTest>

using namespace Userchain;

class TestHelperNft : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void statusNamesNft();
    void applyRefused();
    void noLegacyTableCreated();

private:
    static QByteArray legacyTables();
};

void TestHelperNft::initTestCase()
{
    QVERIFY(TestSandbox::inside());
    registerDBusTypes();
    QVERIFY2(legacyTables().isEmpty(), legacyTables().constData());
    const auto loaded = TestSandbox::run(
        QStringLiteral("iptables-nft-restore"),
        {QStringLiteral(USERCHAIN_FIXTURES_DIR
                        "/docker-20.10/docker20.10-nft-with-containers.nft.v4.rules")});
    QVERIFY2(loaded.exitCode == 0, qPrintable(loaded.describe()));
}

QByteArray TestHelperNft::legacyTables()
{
    QFile names(QStringLiteral("/proc/net/ip_tables_names"));
    return names.open(QIODevice::ReadOnly) ? names.readAll().trimmed() : QByteArray();
}

void TestHelperNft::statusNamesNft()
{
    const auto status = TestSandbox::ctl({QStringLiteral("status")});
    QVERIFY2(status.exitCode == 0, qPrintable(status.describe()));
    QVERIFY2(status.out.contains("backend:      nft"), status.out.constData());
    QVERIFY2(status.out.contains("detail:       Docker's IPv4 chains are in iptables-nft"),
             status.out.constData());

    HelperClient client;
    HelperClient::Failure failure;
    Snapshot snapshot;
    QVERIFY(client.snapshot(Family::IPv4, &snapshot, &failure));
    QCOMPARE(snapshot.backend, QStringLiteral("nft"));
    QVERIFY(!snapshot.backendDetail.isEmpty());
    QVERIFY(snapshot.dockerUserExists);

    // What the helper shows of DOCKER-USER is what iptables-nft-save prints.
    const auto shown = TestSandbox::ctl(
        {QStringLiteral("show"), QStringLiteral("--chain"), QStringLiteral("DOCKER-USER")});
    QVERIFY2(shown.exitCode == 0, qPrintable(shown.describe()));
    QStringList expected;
    for (const QByteArray &line : TestSandbox::run(QStringLiteral("iptables-nft-save"),
                                                   {QStringLiteral("-t"), QStringLiteral("filter")})
                                      .out.split('\n'))
        if (line.startsWith("-A DOCKER-USER"))
            expected << QString::fromUtf8(line);
    QStringList actual;
    for (const QString &line : QString::fromUtf8(shown.out).split(QLatin1Char('\n')))
        if (line.startsWith(QLatin1String("-A DOCKER-USER")))
            actual << line;
    QVERIFY(!expected.isEmpty());
    QCOMPARE(actual, expected);
}

void TestHelperNft::applyRefused()
{
    const QByteArray before = TestSandbox::run(QStringLiteral("iptables-nft-save"), {}).out;
    const QString file = TestSandbox::writeTemp("-A DOCKER-USER -s 10.0.0.1 -j DROP\n");
    const auto applied = TestSandbox::ctl({QStringLiteral("apply"), file});
    QVERIFY2(applied.exitCode == 6, qPrintable(applied.describe()));
    QVERIFY2(applied.err.contains("backend unavailable"), applied.err.constData());

    HelperClient client;
    HelperClient::Failure failure;
    Snapshot snapshot;
    QVERIFY(client.snapshot(Family::IPv4, &snapshot, &failure));
    QString transaction, revision;
    QVERIFY(!client.apply(Family::IPv4, {{QStringLiteral("-j RETURN"), {}}}, snapshot.revision, 0,
                          0, &transaction, &revision, &failure));
    QCOMPARE(failure.name, QLatin1String(DBusError::BackendUnavailable));

    auto strip = [](QByteArray save) {
        QByteArray out;
        for (const QByteArray &line : save.split('\n'))
            if (!line.startsWith('#'))
                out += line + '\n';
        return out;
    };
    QCOMPARE(strip(TestSandbox::run(QStringLiteral("iptables-nft-save"), {}).out), strip(before));
    QFile::remove(file);
}

void TestHelperNft::noLegacyTableCreated()
{
    // The detection looked before touching: libiptc never opened (and so never created) a
    // legacy table in this namespace.
    QVERIFY2(legacyTables().isEmpty(), legacyTables().constData());
}

USERCHAIN_SANDBOX_TEST_MAIN(TestHelperNft, QStringList{},
                            (QStringList{QStringLiteral("--idle-timeout"), QStringLiteral("30")}))
#include "tst_helpernft.moc"

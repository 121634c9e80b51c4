#include "netns.h"
#include "restorefile.h"
#include "ruleparser.h"

#include <QFile>
#include <QSet>
#include <QTest>

using namespace Userchain;

/**
 * The real iptables is the oracle: the corpus is loaded with iptables-*-restore in a fresh
 * network namespace and read back with iptables-*-save; our parser + writer must print
 * exactly the lines iptables-save prints for the same input.
 */
class TestOracle : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void legacyV4();
    void legacyV6();
    void nftDifferencesAreKnown_data();
    void nftDifferencesAreKnown();
    void exportLoadsWithRestoreNoflush();
    void addressListsAsIptables_data();
    void addressListsAsIptables();

private:
    struct Corpus
    {
        QStringList lines;
        QStringList ours;
        QHash<QString, QString> stricter; ///< input → the error we give on purpose
        /// ours → what iptables-save prints, where it leaves out what the kernel holds
        QHash<QString, QString> omits;
    };
    static Corpus loadCorpus(const QString &name, Family family);
    static QStringList kernelLines(const QStringList &lines, const QString &restore,
                                   const QString &save, QString *error);
};

static QString dataPath(const char *name)
{
    return QStringLiteral(USERCHAIN_TEST_DATA_DIR "/") + QLatin1String(name);
}

void TestOracle::initTestCase()
{
    if (!TestNetns::available())
        QFAIL("the oracle test needs root for unshare --net (run it through scripts/test)");
}

TestOracle::Corpus TestOracle::loadCorpus(const QString &name, Family family)
{
    Corpus c;
    QFile strict(dataPath("stricter-than-iptables.txt"));
    if (strict.open(QIODevice::ReadOnly)) {
        for (const QByteArray &raw : strict.readAll().split('\n')) {
            const QList<QByteArray> cols = raw.split('\t');
            if (cols.size() == 3 && !raw.startsWith('#') &&
                cols[0].toInt() == static_cast<int>(family))
                c.stricter.insert(QString::fromUtf8(cols[1]), QString::fromUtf8(cols[2]));
        }
    }
    QFile omits(dataPath("iptables-save-omits.txt"));
    if (omits.open(QIODevice::ReadOnly)) {
        for (const QByteArray &raw : omits.readAll().split('\n')) {
            const QList<QByteArray> cols = raw.split('\t');
            if (cols.size() == 2 && !raw.startsWith('#'))
                c.omits.insert(QString::fromUtf8(cols[0]), QString::fromUtf8(cols[1]));
        }
    }
    QFile f(QStringLiteral(USERCHAIN_TEST_DATA_DIR "/") + name);
    if (!f.open(QIODevice::ReadOnly))
        return c;
    for (const QByteArray &raw : f.readAll().split('\n')) {
        const QString line = QString::fromUtf8(raw).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        RuleError error;
        const auto rule = RuleParser::parse(line, family, &error);
        c.lines << line;
        c.ours << (rule ? rule->toString() : QStringLiteral("ERROR: ") + error.message);
    }
    return c;
}

QStringList TestOracle::kernelLines(const QStringList &lines, const QString &restore,
                                    const QString &save, QString *error)
{
    QByteArray file = "*filter\n:DOCKER-USER - [0:0]\n:DOCKER - [0:0]\n";
    for (const QString &l : lines)
        file += "-A DOCKER-USER " + l.toUtf8() + '\n';
    file += "COMMIT\n";
    const TestNetns::Result r =
        TestNetns::runScript(QStringLiteral("sh '%1' && %2 && %3 -t filter")
                                 .arg(dataPath("corpus-setup.sh"), restore, save),
                             file);
    if (r.exitCode != 0) {
        *error = QString::fromUtf8(r.err);
        return {};
    }
    QStringList out;
    for (const QByteArray &raw : r.out.split('\n'))
        if (raw.startsWith("-A DOCKER-USER "))
            out << QString::fromUtf8(raw.mid(15));
    return out;
}

static void compareAll(const QStringList &input, const QStringList &ours, const QStringList &kernel,
                       const QHash<QString, QString> &stricter,
                       const QHash<QString, QString> &omits)
{
    QCOMPARE(kernel.size(), input.size());
    int mismatches = 0;
    for (int i = 0; i < input.size(); ++i) {
        if (stricter.contains(input[i])) {
            // iptables took it (it is in the kernel's output); we refuse it, as documented.
            QCOMPARE(ours[i], QStringLiteral("ERROR: ") + stricter.value(input[i]));
            continue;
        }
        // Where iptables-save leaves out a part (`-i +`), ours keeps it and the kernel prints
        // the rest.
        if (omits.contains(input[i]))
            QCOMPARE(ours[i], input[i]);
        if (omits.value(ours[i], ours[i]) != kernel[i]) {
            ++mismatches;
            qWarning().noquote() << "input:  " << input[i] << "\nours:   " << ours[i]
                                 << "\nkernel: " << kernel[i];
        }
    }
    QCOMPARE(mismatches, 0);
}

void TestOracle::legacyV4()
{
    const Corpus c = loadCorpus(QStringLiteral("corpus-v4.rules"), Family::IPv4);
    QVERIFY2(QSet<QString>(c.lines.begin(), c.lines.end()).size() >= 150,
             "the corpus must hold at least 150 distinct rules");
    QVERIFY(!c.omits.isEmpty());
    QString error;
    const QStringList kernel = kernelLines(c.lines, QStringLiteral("iptables-legacy-restore"),
                                           QStringLiteral("iptables-legacy-save"), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    compareAll(c.lines, c.ours, kernel, c.stricter, c.omits);
}

void TestOracle::legacyV6()
{
    const Corpus c = loadCorpus(QStringLiteral("corpus-v6.rules"), Family::IPv6);
    QVERIFY(c.lines.size() >= 50);
    QString error;
    const QStringList kernel = kernelLines(c.lines, QStringLiteral("ip6tables-legacy-restore"),
                                           QStringLiteral("ip6tables-legacy-save"), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    compareAll(c.lines, c.ours, kernel, c.stricter, c.omits);
}

void TestOracle::nftDifferencesAreKnown_data()
{
    QTest::addColumn<QString>("corpus");
    QTest::addColumn<int>("family");
    QTest::newRow("v4") << QStringLiteral("corpus-v4.rules") << 4;
    QTest::newRow("v6") << QStringLiteral("corpus-v6.rules") << 6;
}

void TestOracle::nftDifferencesAreKnown()
{
    // iptables-nft prints a few rules differently from iptables-legacy; we follow legacy and
    // keep the list of differences in tests/data/nft-known-differences.txt (input lines).
    // A new difference fails here so that it gets looked at.
    QFETCH(QString, corpus);
    QFETCH(int, family);
    const Family fam = family == 4 ? Family::IPv4 : Family::IPv6;
    Corpus all = loadCorpus(corpus, fam);
    Corpus c;
    for (const QString &line : all.lines)
        if (!all.stricter.contains(line))
            c.lines << line; // nf_tables refuses some of the rules we refuse too
    QString error;
    const QString v = family == 4 ? QString() : QStringLiteral("6");
    const QStringList legacy =
        kernelLines(c.lines, QStringLiteral("ip%1tables-legacy-restore").arg(v),
                    QStringLiteral("ip%1tables-legacy-save").arg(v), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QStringList nft = kernelLines(c.lines, QStringLiteral("ip%1tables-nft-restore").arg(v),
                                        QStringLiteral("ip%1tables-nft-save").arg(v), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(nft.size(), legacy.size());
    QFile known(dataPath("nft-known-differences.txt"));
    QVERIFY(known.open(QIODevice::ReadOnly));
    QSet<QString> knownLines;
    for (const QByteArray &raw : known.readAll().split('\n'))
        if (!raw.trimmed().isEmpty() && !raw.startsWith('#'))
            knownLines.insert(QString::fromUtf8(raw).trimmed());
    int unknown = 0;
    for (int i = 0; i < c.lines.size(); ++i) {
        if (nft[i] == legacy[i])
            continue;
        qInfo().noquote() << "nft differs:" << c.lines[i] << "\n  legacy:" << legacy[i]
                          << "\n  nft:   " << nft[i];
        if (!knownLines.contains(c.lines[i]))
            ++unknown;
    }
    QCOMPARE(unknown, 0);
}

void TestOracle::exportLoadsWithRestoreNoflush()
{
    // The export of the Docker page's policy loads unchanged with iptables-restore -n on top
    // of Docker's real chains, replaces DOCKER-USER and leaves every other chain alone.
    const QStringList policy = {
        QStringLiteral("-i eth0 -m conntrack --ctstate RELATED,ESTABLISHED -j RETURN"),
        QStringLiteral("-i eth0 -p tcp -m conntrack --ctorigdstport 80 --ctdir ORIGINAL -j RETURN"),
        QStringLiteral(
            "-i eth0 -p tcp -m conntrack --ctorigdstport 443 --ctdir ORIGINAL -j RETURN"),
        QStringLiteral("-s 10.1.0.0/16 -i eth0 -p tcp -m conntrack --ctorigdstport 8080 --ctdir "
                       "ORIGINAL -j RETURN"),
        QStringLiteral("-s 10.2.0.0/16 -i eth0 -p tcp -m conntrack --ctorigdstport 8080 --ctdir "
                       "ORIGINAL -j RETURN"),
        QStringLiteral("-i eth0 -j DROP"),
        QStringLiteral("-j RETURN")};
    const QByteArray exported = exportDockerUser(policy);
    const QString fixture = QStringLiteral(
        USERCHAIN_FIXTURES_DIR "/docker-20.10/docker20.10-legacy-with-containers.legacy.v4.rules");
    const QString script =
        QStringLiteral(
            "iptables-legacy-restore < '%1' && iptables-legacy-save | grep -v '^#' | grep -v "
            "DOCKER-USER "
            "| sed 's/\\[[0-9]*:[0-9]*\\]//' > /tmp/uc-before.$$ && iptables-legacy-restore -n && "
            "iptables-legacy-save | grep -v '^#' | grep -v DOCKER-USER | sed "
            "'s/\\[[0-9]*:[0-9]*\\]//' "
            "| cmp - /tmp/uc-before.$$ && rm /tmp/uc-before.$$ && iptables-legacy-save -t filter")
            .arg(fixture);
    const TestNetns::Result r = TestNetns::runScript(script, exported);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QStringList loaded;
    for (const QByteArray &raw : r.out.split('\n'))
        if (raw.startsWith("-A DOCKER-USER "))
            loaded << QString::fromUtf8(raw.mid(15));
    QCOMPARE(loaded, policy);
    // And our own reader takes the export back unchanged.
    const DockerUserImport back = importDockerUser(exported, Family::IPv4);
    QVERIFY(back.ok());
    QStringList specs;
    for (const Rule &rule : back.rules)
        specs << rule.toString();
    QCOMPARE(specs, policy);
}

void TestOracle::addressListsAsIptables_data()
{
    QTest::addColumn<int>("family");
    QTest::addColumn<QString>("backend");
    QTest::addColumn<QByteArray>("commands");
    const QByteArray v4 =
        "-A DOCKER-USER -s 10.0.0.0/8,172.16.0.0/12,192.168.0.0/16 -j RETURN\n"
        "-A DOCKER-USER -i eth0 -s 1.2.3.4,5.6.7.0/24 -d 10.1.0.0/16,10.2.0.1 -p tcp --dport 22 "
        "-j DROP\n"
        "-I DOCKER-USER 2 -d 192.168.1.1,192.168.1.2 -j ACCEPT\n"
        "-I DOCKER-USER -s 0.0.0.0/0,10.9.9.9 -j DROP\n";
    const QByteArray v6 = "-A DOCKER-USER -s 2001:db8::/32,fd00::/8 -j RETURN\n"
                          "-I DOCKER-USER 1 -d ::1,2001:db8::1/128 -s fe80::/10,::/0 -j DROP\n";
    for (const char *backend : {"legacy", "nft"}) {
        QTest::newRow(qPrintable(QStringLiteral("v4 %1").arg(QLatin1String(backend))))
            << 4 << QString::fromLatin1(backend) << v4;
        QTest::newRow(qPrintable(QStringLiteral("v6 %1").arg(QLatin1String(backend))))
            << 6 << QString::fromLatin1(backend) << v6;
    }
}

void TestOracle::addressListsAsIptables()
{
    // A comma list of addresses makes one rule per address, as iptables makes them: for each
    // source every destination, appended in that order, and inserted one by one at the same
    // position (so they come out reversed). The import must give the chain iptables gives.
    QFETCH(int, family);
    QFETCH(QString, backend);
    QFETCH(QByteArray, commands);
    const QByteArray file = "*filter\n:DOCKER-USER - [0:0]\n" + commands + "COMMIT\n";
    const QString tool =
        QStringLiteral("ip%1tables-%2").arg(family == 6 ? QStringLiteral("6") : QString(), backend);
    const TestNetns::Result r =
        TestNetns::runScript(QStringLiteral("%1-restore && %1-save -t filter").arg(tool), file);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QStringList kernel;
    for (const QByteArray &raw : r.out.split('\n'))
        if (raw.startsWith("-A DOCKER-USER "))
            kernel << QString::fromUtf8(raw.mid(15));
    const DockerUserImport imported =
        importDockerUser(file, family == 6 ? Family::IPv6 : Family::IPv4);
    QVERIFY2(imported.ok(), qPrintable(imported.errors.value(0).message));
    QStringList ours;
    for (const Rule &rule : imported.rules)
        ours << rule.toString();
    QCOMPARE(ours, kernel);
    QVERIFY(kernel.size() >= 6);
}

QTEST_GUILESS_MAIN(TestOracle)
#include "tst_oracle.moc"

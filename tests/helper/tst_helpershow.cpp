// Reading through the whole path (userchainctl -> D-Bus -> helper -> kernel) against what
// iptables-legacy-save prints in the same network namespace, for real Docker captures.

#include "blockinghelperclient.h"
#include "rulelints.h"
#include "ruleset.h"
#include "testsandbox.h"

#include <QDir>
#include <QElapsedTimer>
#include <QRegularExpression>
#include <QtTest>

#include <unistd.h>

using namespace Userchain;

class TestHelperShow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void showMatchesSave_data();
    void showMatchesSave();
    void statusFacts_data();
    void statusFacts();
    void exportLoadsBack();
    void daemonJsonDisabled();
    void showOneChain();
    void readTakesNoLock();
    void evalLiveMatchesFile_data();
    void evalLiveMatchesFile();
    void evalLiveDecidesSets_data();
    void evalLiveDecidesSets();
    void containersUnknownWithoutDocker();

private:
    /// Table name -> its block (`*table` ... `COMMIT`), comments dropped, chain counters zeroed.
    static QMap<QString, QByteArray> tableBlocks(const QByteArray &save);
    static void addFixtureRows();
};

void TestHelperShow::initTestCase()
{
    QVERIFY(TestSandbox::inside());
    QVERIFY(QDir(QStringLiteral(USERCHAIN_FIXTURES_DIR "/docker-20.10")).exists());
}

QMap<QString, QByteArray> TestHelperShow::tableBlocks(const QByteArray &save)
{
    static const QRegularExpression counters(QStringLiteral("\\[\\d+:\\d+\\]$"));
    QMap<QString, QByteArray> blocks;
    QString table;
    for (const QByteArray &raw : save.split('\n')) {
        QString line = QString::fromUtf8(raw);
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        if (line.startsWith(QLatin1Char('*')))
            table = line.mid(1);
        if (line.startsWith(QLatin1Char(':')))
            line.replace(counters, QStringLiteral("[0:0]"));
        blocks[table] += line.toUtf8() + '\n';
    }
    return blocks;
}

void TestHelperShow::addFixtureRows()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<int>("family");
    const QDir dir(QStringLiteral(USERCHAIN_FIXTURES_DIR "/docker-20.10"));
    const QStringList v4 = dir.entryList({QStringLiteral("*.legacy.v4.rules")}, QDir::Files);
    const QStringList v6 = dir.entryList({QStringLiteral("*.legacy.v6.rules")}, QDir::Files);
    // A renamed or missing directory must fail, not leave a test without rows.
    QVERIFY2(!v4.isEmpty() && !v6.isEmpty(), qPrintable(dir.path()));
    for (const QString &name : v4)
        QTest::newRow(qPrintable(name)) << dir.filePath(name) << 4;
    for (const QString &name : v6)
        QTest::newRow(qPrintable(name)) << dir.filePath(name) << 6;
}

void TestHelperShow::showMatchesSave_data()
{
    addFixtureRows();
}

void TestHelperShow::showMatchesSave()
{
    QFETCH(QString, fixture);
    QFETCH(int, family);
    const Family f = Family(family);
    QVERIFY(TestSandbox::restoreFile(fixture, f));

    const auto shown = TestSandbox::ctl(
        {family == 6 ? QStringLiteral("-6") : QStringLiteral("-4"), QStringLiteral("show")});
    QVERIFY2(shown.exitCode == 0, qPrintable(shown.describe()));

    const QMap<QString, QByteArray> ours = tableBlocks(shown.out);
    const QMap<QString, QByteArray> kernel = tableBlocks(TestSandbox::save(f));
    QVERIFY2(ours.contains(QStringLiteral("filter")), shown.out.constData());
    for (const QString &table : {QStringLiteral("filter"), QStringLiteral("nat")}) {
        if (!kernel.contains(table))
            continue;
        QCOMPARE(QString::fromUtf8(ours.value(table)), QString::fromUtf8(kernel.value(table)));
    }
}

void TestHelperShow::statusFacts_data()
{
    addFixtureRows();
}

void TestHelperShow::statusFacts()
{
    QFETCH(QString, fixture);
    QFETCH(int, family);
    const Family f = Family(family);
    QVERIFY(TestSandbox::restoreFile(fixture, f));
    const auto status = TestSandbox::ctl(
        {family == 6 ? QStringLiteral("-6") : QStringLiteral("-4"), QStringLiteral("status")});
    QVERIFY2(status.exitCode == 0, qPrintable(status.describe()));
    const QString text = QString::fromUtf8(status.out);

    const QStringList dockerUser = TestSandbox::chainRules(QStringLiteral("DOCKER-USER"), f);
    const bool exists = TestSandbox::save(f, QStringLiteral("filter")).contains(":DOCKER-USER ");
    QVERIFY2(text.contains(
                 exists ? QStringLiteral("DOCKER-USER:  present, %1 rules").arg(dockerUser.size())
                        : QStringLiteral("DOCKER-USER:  missing")),
             qPrintable(text));
    const int position = TestSandbox::chainRules(QStringLiteral("FORWARD"), f)
                             .indexOf(QStringLiteral("-j DOCKER-USER")) +
                         1;
    QVERIFY2(text.contains(position > 0 ? QStringLiteral("at position %1").arg(position)
                                        : QStringLiteral("FORWARD jump: missing")),
             qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("backend:      legacy")), qPrintable(text));
    // The helper's detail code, in the CLI's words.
    QVERIFY2(text.contains(QStringLiteral("detail:       Docker's IPv%1 chains are in "
                                          "iptables-legacy.\n")
                               .arg(family)),
             qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("Docker manages iptables")), qPrintable(text));
}

void TestHelperShow::exportLoadsBack()
{
    QVERIFY(TestSandbox::restoreFile(QStringLiteral(
        USERCHAIN_FIXTURES_DIR
        "/docker-20.10/docker20.10-legacy-user-rules-before-restart.legacy.v4.rules")));
    const QStringList before = TestSandbox::chainRules(QStringLiteral("DOCKER-USER"));
    QVERIFY(before.size() > 1);

    const QString file = TestSandbox::writeTemp({});
    const auto exported = TestSandbox::ctl({QStringLiteral("export"), QStringLiteral("-o"), file});
    QVERIFY2(exported.exitCode == 0, qPrintable(exported.describe()));

    // iptables-restore -n of the export replaces DOCKER-USER with the same rules.
    QVERIFY(TestSandbox::run(QStringLiteral("iptables-legacy"),
                             {QStringLiteral("-A"), QStringLiteral("DOCKER-USER"),
                              QStringLiteral("-j"), QStringLiteral("DROP")})
                .exitCode == 0);
    const auto loaded =
        TestSandbox::run(QStringLiteral("iptables-legacy-restore"), {QStringLiteral("-n"), file});
    QVERIFY2(loaded.exitCode == 0, qPrintable(loaded.describe()));
    QCOMPARE(TestSandbox::chainRules(QStringLiteral("DOCKER-USER")), before);
    QFile::remove(file);
}

void TestHelperShow::daemonJsonDisabled()
{
    // /etc/docker is a private tmpfs inside the sandbox.
    QVERIFY(TestSandbox::restoreMinimal());
    QFile json(QStringLiteral("/etc/docker/daemon.json"));
    QVERIFY(json.open(QIODevice::WriteOnly | QIODevice::Truncate));
    json.write("{ \"iptables\": false }\n");
    json.close();
    auto status = TestSandbox::ctl({QStringLiteral("status")});
    json.remove();
    QVERIFY2(status.exitCode == 0, qPrintable(status.describe()));
    QVERIFY2(status.out.contains("\"iptables\": false"), status.out.constData());

    status = TestSandbox::ctl({QStringLiteral("status")});
    QVERIFY2(status.out.contains("Docker manages iptables"), status.out.constData());

    // Codes, worded by the CLI: a daemon.json the helper cannot use, and (with its argument,
    // the position) a jump that is not first.
    QVERIFY(json.open(QIODevice::WriteOnly | QIODevice::Truncate));
    json.write("{ \"iptables\": ");
    json.close();
    QVERIFY(TestSandbox::run(QStringLiteral("iptables-legacy"),
                             {QStringLiteral("-I"), QStringLiteral("FORWARD"), QStringLiteral("1"),
                              QStringLiteral("-j"), QStringLiteral("ACCEPT")})
                .exitCode == 0);
    status = TestSandbox::ctl({QStringLiteral("status")});
    json.remove();
    QVERIFY2(status.exitCode == 0, qPrintable(status.describe()));
    QVERIFY2(status.out.contains("warning:      /etc/docker/daemon.json is not valid JSON"),
             status.out.constData());
    QVERIFY2(status.out.contains("warning:      FORWARD jumps to DOCKER-USER at position 2, not "
                                 "first"),
             status.out.constData());
    QVERIFY2(!status.out.contains("daemon-json") && !status.out.contains("forward-jump"),
             status.out.constData());
}

void TestHelperShow::showOneChain()
{
    QVERIFY(TestSandbox::restoreFile(
        QStringLiteral(USERCHAIN_FIXTURES_DIR
                       "/docker-20.10/docker20.10-legacy-with-containers.legacy.v4.rules")));
    const auto shown = TestSandbox::ctl({QStringLiteral("show"), QStringLiteral("--chain"),
                                         QStringLiteral("DOCKER"), QStringLiteral("--table"),
                                         QStringLiteral("nat"), QStringLiteral("--counters")});
    QVERIFY2(shown.exitCode == 0, qPrintable(shown.describe()));
    const QStringList lines =
        QString::fromUtf8(shown.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.first(), QStringLiteral("*nat"));
    QCOMPARE(lines.last(), QStringLiteral("COMMIT"));
    QStringList expected;
    for (const QString &spec :
         TestSandbox::chainRules(QStringLiteral("DOCKER"), Family::IPv4, QStringLiteral("nat")))
        expected << QStringLiteral("-A DOCKER ") + spec;
    QStringList actual;
    static const QRegularExpression counter(QStringLiteral("^\\[\\d+:\\d+\\] "));
    for (const QString &line : lines) {
        if (line.startsWith(QLatin1Char('['))) {
            QVERIFY(counter.match(line).hasMatch());
            actual << QString(line).remove(counter);
        }
    }
    QCOMPARE(actual, expected);

    const auto missing = TestSandbox::ctl(
        {QStringLiteral("show"), QStringLiteral("--chain"), QStringLiteral("NOPE")});
    QCOMPARE(missing.exitCode, 6);
}

void TestHelperShow::readTakesNoLock()
{
    // Docker's `iptables -w` and an administrator's iptables hold the xtables lock while they
    // write; a read needs none (issue 11, item 7), so it answers at once, with what the kernel
    // holds. Before, it waited for the lock and answered Busy after --lock-timeout (4 s here).
    QVERIFY(TestSandbox::restoreFile(
        QStringLiteral(USERCHAIN_FIXTURES_DIR
                       "/docker-20.10/docker20.10-legacy-with-containers.legacy.v4.rules")));
    const int lock = TestSandbox::holdXtablesLock();
    QVERIFY(lock >= 0);
    QElapsedTimer timer;
    timer.start();
    const auto shown = TestSandbox::ctl({QStringLiteral("show")});
    const qint64 elapsed = timer.elapsed();
    const QMap<QString, QByteArray> kernel = tableBlocks(TestSandbox::save(Family::IPv4));
    ::close(lock);
    QVERIFY2(shown.exitCode == 0, qPrintable(shown.describe()));
    QVERIFY2(elapsed < 2000, qPrintable(QStringLiteral("%1 ms").arg(elapsed)));
    QCOMPARE(QString::fromUtf8(tableBlocks(shown.out).value(QStringLiteral("filter"))),
             QString::fromUtf8(kernel.value(QStringLiteral("filter"))));
}

void TestHelperShow::evalLiveMatchesFile_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<int>("family");
    QTest::newRow("20.10 with containers")
        << QStringLiteral("docker-20.10/docker20.10-legacy-with-containers.legacy.v4.rules") << 4;
    QTest::newRow("29 published port")
        << QStringLiteral("docker-moby/docker29.7.2-usernet-portmap.v4.rules") << 4;
    QTest::newRow("29 IPv6") << QStringLiteral("docker-moby/docker29.7.2-composed-portmap.v6.rules")
                             << 6;
}

// `userchainctl exposure` and `trace` on the live tables (read action, through the helper's
// snapshot) answer exactly as on the same rules given as a file (issue 12 item 6).
void TestHelperShow::evalLiveMatchesFile()
{
    QFETCH(QString, fixture);
    QFETCH(int, family);
    const Family f = family == 6 ? Family::IPv6 : Family::IPv4;
    const QString path = QStringLiteral(USERCHAIN_FIXTURES_DIR "/") + fixture;
    QVERIFY(TestSandbox::restoreFile(path, f));
    // The live tables as the kernel holds them now, so that both sides see the same rules.
    const QString saved = TestSandbox::writeTemp(TestSandbox::save(f));
    const QStringList fam = f == Family::IPv6 ? QStringList{QStringLiteral("-6")} : QStringList{};

    const auto live =
        TestSandbox::ctl(fam + QStringList{QStringLiteral("exposure"), QStringLiteral("--json")});
    QVERIFY2(live.exitCode == 0, qPrintable(live.describe()));
    const auto file =
        TestSandbox::ctl(fam + QStringList{QStringLiteral("exposure"), QStringLiteral("--json"),
                                           QStringLiteral("--file"), saved});
    QVERIFY2(file.exitCode == 0, qPrintable(file.describe()));
    QVERIFY2(live.out.contains("reachable_from"), live.out.constData()); // a port is published
    QCOMPARE(live.out, file.out);

    const QStringList trace = fam + QStringList{QStringLiteral("trace"),
                                                QStringLiteral("--in"),
                                                QStringLiteral("eth0"),
                                                QStringLiteral("--src"),
                                                f == Family::IPv6 ? QStringLiteral("2001:db8::7")
                                                                  : QStringLiteral("203.0.113.7"),
                                                QStringLiteral("--proto"),
                                                QStringLiteral("tcp"),
                                                QStringLiteral("--dport"),
                                                QStringLiteral("8080"),
                                                QStringLiteral("--json")};
    const auto liveTrace = TestSandbox::ctl(trace);
    QVERIFY2(liveTrace.exitCode == 0, qPrintable(liveTrace.describe()));
    const auto fileTrace = TestSandbox::ctl(trace + QStringList{QStringLiteral("--file"), saved});
    QVERIFY2(fileTrace.exitCode == 0, qPrintable(fileTrace.describe()));
    QVERIFY2(liveTrace.out.contains("\"verdict\""), liveTrace.out.constData());
    QCOMPARE(liveTrace.out, fileTrace.out);
}

void TestHelperShow::evalLiveDecidesSets_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<int>("family");
    QTest::addColumn<QString>("ipsets");    ///< `ipset restore` input
    QTest::addColumn<QStringList>("rules"); ///< inserted at the top of DOCKER-USER
    QTest::addColumn<QString>("blocked");   ///< a source the set holds (trace: DROP)
    QTest::addColumn<QString>("allowed");   ///< a source it does not hold
    const QString blockV4 = QStringLiteral("create blocked hash:net family inet\n"
                                           "add blocked 203.0.113.0/24\n"
                                           "add blocked 198.51.100.7\n");
    const QStringList dropSet{QStringLiteral("-m set --match-set blocked src -j DROP")};
    QTest::newRow("hash:net in DOCKER-USER")
        << QStringLiteral("docker-20.10/docker20.10-legacy-with-containers.legacy.v4.rules") << 4
        << blockV4 << dropSet << QStringLiteral("203.0.113.7") << QStringLiteral("192.0.2.7");
    QTest::newRow("hash:ip with a netmask")
        << QStringLiteral("docker-20.10/docker20.10-legacy-with-containers.legacy.v4.rules") << 4
        << QStringLiteral("create blocked hash:ip family inet netmask 24\n"
                          "add blocked 203.0.113.0\n")
        << dropSet << QStringLiteral("203.0.113.99") << QStringLiteral("203.0.114.1");
    QTest::newRow("hash:net IPv6")
        << QStringLiteral("docker-moby/docker29.7.2-composed-portmap.v6.rules") << 6
        << QStringLiteral("create blocked hash:net family inet6\n"
                          "add blocked 2001:db8:bad::/48\n")
        << dropSet << QStringLiteral("2001:db8:bad::7") << QStringLiteral("2001:db8::7");
    // Docker 28.0.0's own rules test its set of bridge networks in FORWARD.
    QFile docker28(
        QStringLiteral(USERCHAIN_FIXTURES_DIR "/docker-moby/docker28.0.0-usernet-portmap.ipset"));
    QVERIFY(docker28.open(QIODevice::ReadOnly));
    QTest::newRow("Docker 28.0.0's docker-ext-bridges-v4")
        << QStringLiteral("docker-moby/docker28.0.0-usernet-portmap.v4.rules") << 4
        << QString::fromUtf8(docker28.readAll()) << QStringList{} << QString()
        << QStringLiteral("203.0.113.7");
}

// `userchainctl exposure` and `trace` on the live tables decide `-m set` with the sets the
// helper read from the kernel (hash:net, hash:ip), as with the same rules and an `ipset save`
// of the same sets given as files; the rules file alone leaves them "depends" (issue 12 item 1).
void TestHelperShow::evalLiveDecidesSets()
{
    QFETCH(QString, fixture);
    QFETCH(int, family);
    QFETCH(QString, ipsets);
    QFETCH(QStringList, rules);
    QFETCH(QString, blocked);
    QFETCH(QString, allowed);
    const Family f = family == 6 ? Family::IPv6 : Family::IPv4;
    const QString v =
        f == Family::IPv6 ? QStringLiteral("ip6tables-legacy") : QStringLiteral("iptables-legacy");
    // No rule may still use a set before the sets are replaced.
    for (const Family each : {Family::IPv4, Family::IPv6})
        QVERIFY(TestSandbox::restore("*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n"
                                     ":OUTPUT ACCEPT [0:0]\nCOMMIT\n",
                                     each));
    auto r = TestSandbox::run(QStringLiteral("ipset"), {QStringLiteral("destroy")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    r = TestSandbox::run(QStringLiteral("ipset"), {QStringLiteral("restore")}, ipsets.toUtf8());
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QVERIFY(TestSandbox::restoreFile(QStringLiteral(USERCHAIN_FIXTURES_DIR "/") + fixture, f));
    for (int i = rules.size() - 1; i >= 0; --i) {
        r = TestSandbox::run(v, QStringList{QStringLiteral("-I"), QStringLiteral("DOCKER-USER")} +
                                    rules.at(i).split(QLatin1Char(' ')));
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    }
    const QString saved = TestSandbox::writeTemp(TestSandbox::save(f));
    r = TestSandbox::run(QStringLiteral("ipset"), {QStringLiteral("save")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const QString sets = TestSandbox::writeTemp(r.out);
    const QStringList fam = f == Family::IPv6 ? QStringList{QStringLiteral("-6")} : QStringList{};
    const QStringList files{QStringLiteral("--file"), saved, QStringLiteral("--ipsets"), sets};

    const QStringList exposure =
        fam + QStringList{QStringLiteral("exposure"), QStringLiteral("--json")};
    const auto live = TestSandbox::ctl(exposure);
    QVERIFY2(live.exitCode == 0, qPrintable(live.describe()));
    QVERIFY2(!live.out.contains("which was not read"), live.out.constData());
    const auto file = TestSandbox::ctl(exposure + files);
    QVERIFY2(file.exitCode == 0, qPrintable(file.describe()));
    QCOMPARE(live.out, file.out);
    // Without the sets the same rules depend on them: the answer above is the sets' doing.
    const auto rulesOnly = TestSandbox::ctl(exposure + files.mid(0, 2));
    QVERIFY2(rulesOnly.out.contains("which was not read"), rulesOnly.out.constData());

    auto trace = [&](const QString &source, const QStringList &from) {
        return TestSandbox::ctl(fam +
                                QStringList{QStringLiteral("trace"), QStringLiteral("--in"),
                                            QStringLiteral("eth0"), QStringLiteral("--src"), source,
                                            QStringLiteral("--proto"), QStringLiteral("tcp"),
                                            QStringLiteral("--dport"), QStringLiteral("8080"),
                                            QStringLiteral("--json")} +
                                from);
    };
    for (const QString &source : {blocked, allowed}) {
        if (source.isEmpty())
            continue;
        const auto liveTrace = trace(source, {});
        QVERIFY2(liveTrace.exitCode == 0, qPrintable(liveTrace.describe()));
        const QByteArray want =
            source == blocked ? "\"verdict\": \"DROP\"" : "\"verdict\": \"ACCEPT\"";
        QVERIFY2(liveTrace.out.contains(want), liveTrace.out.constData());
        QCOMPARE(liveTrace.out, trace(source, files).out);
    }
}

// No Docker answers in the sandbox: the snapshot says the containers are not known, and a rule
// naming an address on docker0 that Docker's rules do not name gets no lint (nothing proves
// it unused), while status says why.
void TestHelperShow::containersUnknownWithoutDocker()
{
    QVERIFY(TestSandbox::restoreFile(
        QStringLiteral(USERCHAIN_FIXTURES_DIR
                       "/docker-20.10/docker20.10-legacy-with-containers.legacy.v4.rules")));
    const auto r = TestSandbox::run(QStringLiteral("iptables-legacy"),
                                    {QStringLiteral("-I"), QStringLiteral("DOCKER-USER"),
                                     QStringLiteral("-d"), QStringLiteral("172.17.0.9"),
                                     QStringLiteral("-j"), QStringLiteral("DROP")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    registerDBusTypes();
    BlockingHelperClient client;
    BlockingHelperClient::Failure failure;
    Snapshot snapshot;
    QVERIFY2(client.snapshot(Family::IPv4, &snapshot, &failure),
             qPrintable(BlockingHelperClient::describe(failure)));
    QVERIFY(!snapshot.containersRead);
    QVERIFY(snapshot.containers.isEmpty());
    const Ruleset ruleset = Ruleset::fromSnapshot(snapshot);
    QVERIFY(!ruleset.runningContainers());
    QCOMPARE(ruleset.bridgeFor(*IpAddress::parse(QStringLiteral("172.17.0.9"), Family::IPv4)),
             QStringLiteral("docker0"));
    for (const RuleLint &lint : RuleLints::compute(ruleset))
        QVERIFY2(lint.kind != RuleLint::Kind::UnknownContainer, qPrintable(lint.reason));
    const auto status = TestSandbox::ctl({QStringLiteral("status")});
    QVERIFY2(status.out.contains("containers:   not known"), status.out.constData());
}

USERCHAIN_SANDBOX_TEST_MAIN(TestHelperShow, QStringList{},
                            (QStringList{QStringLiteral("--idle-timeout"), QStringLiteral("30"),
                                         QStringLiteral("--lock-timeout"), QStringLiteral("4000")}))
#include "tst_helpershow.moc"

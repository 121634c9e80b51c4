// userchainctl trace and exposure on saved rulesets (--file): JSON shape, verdicts and paths
// on Docker's captures, and the errors bad input gets.

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

class TestCliEval : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void trace_data();
    void trace();
    void traceText();
    void exposureJson();
    void exposureIpv6();
    void badInput_data();
    void badInput();

private:
    struct Result
    {
        int exitCode = -1;
        QByteArray out;
        QString err;
    };
    Result ctl(const QStringList &args);
};

namespace {

QString fixture(const char *name)
{
    return QStringLiteral(USERCHAIN_FIXTURES_DIR "/") + QLatin1String(name);
}

const char *UserRules = "docker-20.10/docker20.10-legacy-user-rules-after-restart.legacy.v4.rules";
const char *D29 = "docker-moby/docker29.7.2-usernet-portmap.v4.rules";

} // namespace

TestCliEval::Result TestCliEval::ctl(const QStringList &args)
{
    QProcess process;
    process.start(QStringLiteral(USERCHAIN_BINARY_DIR "/cli/userchainctl"), args);
    process.closeWriteChannel();
    [&] {
        QVERIFY(process.waitForFinished(30000));
    }();
    return {process.exitCode(), process.readAllStandardOutput(),
            QString::fromUtf8(process.readAllStandardError())};
}

void TestCliEval::trace_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("verdict");
    QTest::addColumn<QStringList>("path"); ///< "table chain rule" of each step

    QTest::newRow("office network allowed by DOCKER-USER 1")
        << fixture(UserRules)
        << QStringList{"--in", "eth0", "--src", "10.10.3.4", "--proto", "tcp", "--dport", "8080"}
        << "ACCEPT"
        << QStringList{"nat PREROUTING 1", "nat DOCKER 3", "filter FORWARD 1",
                       "filter DOCKER-USER 1"};
    QTest::newRow("others on eth0 dropped by DOCKER-USER 2")
        << fixture(UserRules)
        << QStringList{"--in", "eth0", "--src", "8.8.8.8", "--proto", "tcp", "--dport", "8080"}
        << "DROP"
        << QStringList{"nat PREROUTING 1", "nat DOCKER 3", "filter FORWARD 1",
                       "filter DOCKER-USER 2"};
    QTest::newRow("the one allowed host returns to Docker's chains")
        << fixture(UserRules)
        << QStringList{"--in", "eth0", "--src", "192.168.1.1", "--proto", "tcp", "--dport", "8080"}
        << "ACCEPT" << QStringList{"nat PREROUTING 1", "nat DOCKER 3",
                                   "filter FORWARD 1", "filter DOCKER-USER 3",
                                   "filter FORWARD 2", "filter DOCKER-ISOLATION-STAGE-1 3",
                                   "filter FORWARD 4", "filter DOCKER 2"};
    QTest::newRow("established packets skip nat")
        << fixture(UserRules) << QStringList{"--in", "wlan0",   "--src", "8.8.8.8", "--proto",
                                             "tcp",  "--dport", "8080",  "--state", "established"}
        << "ACCEPT"
        << QStringList{"filter FORWARD 1", "filter DOCKER-USER 3", "filter FORWARD 2",
                       "filter DOCKER-ISOLATION-STAGE-1 3", "filter FORWARD 3"};
    QTest::newRow("to the host: INPUT policy")
        << fixture(D29)
        << QStringList{"--in", "eth0", "--src", "8.8.8.8", "--proto", "udp", "--dport", "53"}
        << "ACCEPT" << QStringList{"nat PREROUTING 1", "filter INPUT 0"};
    QTest::newRow("icmp to a container dropped in raw")
        << fixture(D29)
        << QStringList{"--in", "eth0", "--src", "8.8.8.8", "--dst", "192.0.2.2", "--proto", "icmp"}
        << "DROP" << QStringList{"raw PREROUTING 1"};
    QTest::newRow("ipv6") << fixture("docker-moby/docker29.7.2-composed-portmap.v6.rules")
                          << QStringList{"-6",      "--in", "eth0",    "--src", "2001:db8::1",
                                         "--proto", "tcp",  "--dport", "8080"}
                          << "ACCEPT"
                          << QStringList{"nat PREROUTING 1",        "nat DOCKER 1",
                                         "filter FORWARD 1",        "filter FORWARD 2",
                                         "filter DOCKER-FORWARD 1", "filter DOCKER-FORWARD 2",
                                         "filter DOCKER-FORWARD 3", "filter DOCKER-BRIDGE 1",
                                         "filter DOCKER 1"};
}

void TestCliEval::trace()
{
    QFETCH(QString, file);
    QFETCH(QStringList, args);
    QFETCH(QString, verdict);
    QFETCH(QStringList, path);
    const Result r = ctl(QStringList{"trace", "--json", "--file", file} + args);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(o.value("verdict").toString(), verdict);
    QStringList got;
    for (const QJsonValue &v : o.value("path").toArray()) {
        const QJsonObject s = v.toObject();
        QVERIFY(s.contains("text"));
        got << QStringLiteral("%1 %2 %3")
                   .arg(s.value("table").toString(), s.value("chain").toString())
                   .arg(s.value("rule").toInt());
    }
    QCOMPARE(got, path);
}

void TestCliEval::traceText()
{
    const Result r = ctl({"trace", "--file", fixture(D29), "--in", "eth0", "--src", "8.8.8.8",
                          "--proto", "tcp", "--dport", "8080"});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.startsWith("verdict: ACCEPT by filter DOCKER rule 1: -d 192.0.2.2/32"));
    QVERIFY(r.out.contains("  nat DOCKER rule 1: ! -i bridge1 -p tcp -m tcp --dport 8080 -j DNAT"));
}

void TestCliEval::exposureJson()
{
    const Result r = ctl({"exposure", "--json", "--file", fixture(UserRules)});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QJsonArray ports = QJsonDocument::fromJson(r.out).array();
    QCOMPARE(ports.size(), 3);
    const QJsonObject web = ports.at(0).toObject();
    QCOMPARE(web.value("host_port").toInt(), 8080);
    QCOMPARE(web.value("proto").toString(), QStringLiteral("tcp"));
    QCOMPARE(web.value("container").toString(), QStringLiteral("172.17.0.2:80"));
    QCOMPARE(ports.at(2).toObject().value("proto").toString(), QStringLiteral("udp"));
    // Union, no negation: each entry is a source and an interface (with the names it leaves out).
    QHash<QString, QString> ruleOf; // "source in_interface" → "chain rule"
    for (const QJsonValue &v : web.value("reachable_from").toArray()) {
        const QJsonObject e = v.toObject();
        QVERIFY(!e.value("source").toString().startsWith('!'));
        const QJsonObject rule = e.value("rule").toObject();
        QStringList except;
        for (const QJsonValue &x : e.value("except").toArray())
            except << x.toString();
        ruleOf.insert(e.value("source").toString() + ' ' + e.value("in_interface").toString() +
                          (except.isEmpty() ? QString() : " except " + except.join(',')),
                      rule.value("chain").toString() + ' ' +
                          QString::number(rule.value("rule").toInt()));
    }
    QCOMPARE(ruleOf.value("10.10.0.0/16 any except br-8bf3e4c2c08c,docker0"),
             QStringLiteral("DOCKER-USER 1"));
    QCOMPARE(ruleOf.value("192.168.1.1 any except br-8bf3e4c2c08c,docker0"),
             QStringLiteral("DOCKER 2"));
    QCOMPARE(ruleOf.value("0.0.0.0-10.9.255.255 any except br-8bf3e4c2c08c,docker0,eth0"),
             QStringLiteral("DOCKER 2"));
    QCOMPARE(ruleOf.value("192.168.1.2-255.255.255.255 any except br-8bf3e4c2c08c,docker0,eth0"),
             QStringLiteral("DOCKER 2"));
    QCOMPARE(web.value("undecided").toArray().size(), 0);
}

void TestCliEval::exposureIpv6()
{
    const Result r = ctl({"-6", "exposure", "--json", "--file",
                          fixture("docker-moby/docker29.7.2-composed-portmap.v6.rules")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QJsonArray ports = QJsonDocument::fromJson(r.out).array();
    QCOMPARE(ports.size(), 1);
    const QJsonObject p = ports.at(0).toObject();
    QCOMPARE(p.value("container").toString(), QStringLiteral("[fd49:efd7:54aa::1]:80"));
    QStringList sources;
    for (const QJsonValue &v : p.value("reachable_from").toArray())
        sources << v.toObject().value("source").toString() + ' ' +
                       v.toObject().value("in_interface").toString();
    // Docker does not DNAT link-local sources (fe80::/10), so they never reach the container.
    QCOMPARE(sources, QStringList({"::-fe7f:ffff:ffff:ffff:ffff:ffff:ffff:ffff any",
                                   "fec0::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff any"}));
}

void TestCliEval::badInput_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    const QString f = fixture(D29);
    const QStringList ok{"trace",   "--file",  f,     "--in",    "eth0", "--src",
                         "1.2.3.4", "--proto", "tcp", "--dport", "80"};
    auto with = [&](const QString &option, const QString &value) {
        QStringList a = ok;
        a[a.indexOf(option) + 1] = value;
        return a;
    };
    QTest::newRow("bad --src") << with("--src", "1.2.3") << 2
                               << "trace: --src: \"1.2.3\" is not an IPv4 address";
    QTest::newRow("v6 --src without -6")
        << with("--src", "::1") << 2 << "trace: --src: \"::1\" is not an IPv4 address";
    QTest::newRow("bad --dst") << ok + QStringList{"--dst", "x"} << 2
                               << "trace: --dst: \"x\" is not an IPv4 address";
    QTest::newRow("bad --proto") << with("--proto", "sctp") << 2
                                 << "trace: --proto: \"sctp\" is not tcp, udp or icmp";
    QTest::newRow("bad --dport") << with("--dport", "70000") << 2
                                 << "trace: --dport: \"70000\" is not a port (1 to 65535)";
    QTest::newRow("--in wildcard")
        << with("--in", "eth+") << 2
        << "trace: --in: a packet arrives on one interface, not a wildcard";
    QTest::newRow("bad --state") << ok + QStringList{"--state", "related"} << 2
                                 << "trace: --state: \"related\" is not new or established";
    QTest::newRow("missing --src")
        << QStringList{"trace", "--file", f, "--in", "eth0", "--proto", "tcp", "--dport", "80"} << 2
        << "trace: --src is required (the packet's source address)";
    QTest::newRow("icmp with --dport")
        << with("--proto", "icmp") << 2 << "trace: --dport: only tcp and udp have ports";
    QTest::newRow("missing file") << QStringList{"exposure", "--file", "/nonexistent/rules"} << 2
                                  << "/nonexistent/rules:";
    QTest::newRow("--json on show")
        << QStringList{"show", "--json"} << 1 << "--json does not apply to show";
}

void TestCliEval::badInput()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    const Result r = ctl(args);
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
}

QTEST_GUILESS_MAIN(TestCliEval)
#include "tst_clieval.moc"

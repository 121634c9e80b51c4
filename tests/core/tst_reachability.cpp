// Reachability: an earlier rule covers a later one only when that is provable from the parsed
// fields; every "true" here is a real superset, every "false" a case that must not be claimed.
#include "reachability.h"
#include "ruleparser.h"

#include <QtTest>

using namespace Userchain;

class TestReachability : public QObject
{
    Q_OBJECT

private:
    static Rule parse(const QString &spec, Family family)
    {
        RuleError error;
        const auto rule = RuleParser::parse(spec, family, &error);
        if (!rule) {
            qFatal("%s: %s", qPrintable(spec), qPrintable(error.message));
        }
        return *rule;
    }

private Q_SLOTS:
    void covers_data()
    {
        QTest::addColumn<QString>("earlier");
        QTest::addColumn<QString>("later");
        QTest::addColumn<bool>("v6");
        QTest::addColumn<bool>("expected");

        const QString port8080 =
            QStringLiteral("-p tcp -m conntrack --ctorigdstport 8080 --ctdir ORIGINAL");
        auto row = [](const char *name, const QString &e, const QString &l, bool expected,
                      bool v6 = false) {
            QTest::newRow(name) << e << l << v6 << expected;
        };

        row("everything", "-j DROP", "-i eth0 -s 10.0.0.0/8 -j RETURN", true);
        row("comment only", "-m comment --comment \"all\" -j DROP", "-p udp -j RETURN", true);
        row("same interface", "-i eth0 -j DROP", "-i eth0 " + port8080 + " -j DROP", true);
        row("other interface", "-i eth0 -j DROP", "-i eth1 " + port8080 + " -j DROP", false);
        row("any interface is wider", "-i eth0 -j DROP", port8080 + " -j DROP", false);
        row("wildcard covers", "-i eth+ -j DROP", "-i eth0 -j DROP", true);
        row("any interface covers", "-i + -j DROP", port8080 + " -j DROP", true);
        row("wildcard covers narrower wildcard", "-i eth+ -j DROP", "-i eth1+ -j DROP", true);
        row("name does not cover wildcard", "-i eth0 -j DROP", "-i eth+ -j DROP", false);
        row("negated, other name", "! -i docker0 -j DROP", "-i eth0 -j DROP", true);
        row("negated, same name", "! -i eth0 -j DROP", "-i eth0 -j DROP", false);
        row("negated wildcard, outside", "! -i br-+ -j DROP", "-i eth0 -j DROP", true);
        row("negated wildcard, inside", "! -i br-+ -j DROP", "-i br-1234 -j DROP", false);
        row("negated, later negates more", "! -i eth0 -j DROP", "! -i eth+ -j DROP", true);
        row("negated, later negates less", "! -i eth+ -j DROP", "! -i eth0 -j DROP", false);
        row("out interface", "-o docker0 -j DROP", "-o docker0 -p tcp -j DROP", true);

        row("subnet covers host", "-s 10.0.0.0/8 -j DROP", "-s 10.1.2.3/32 -j DROP", true);
        row("host does not cover subnet", "-s 10.1.2.3/32 -j DROP", "-s 10.0.0.0/8 -j DROP", false);
        row("high addresses", "-s 200.0.0.0/8 -j DROP", "-s 200.1.0.0/16 -j DROP", true);
        row("high vs low", "-s 200.0.0.0/8 -j DROP", "-s 10.1.0.0/16 -j DROP", false);
        row("source vs none", "-s 10.0.0.0/8 -j DROP", "-j DROP", false);
        row("negated source, disjoint", "! -s 10.11.11.0/24 -i eth0 -j DROP",
            "-s 192.168.0.0/16 -i eth0 " + port8080 + " -j RETURN", true);
        row("negated source, same", "! -s 10.11.11.0/24 -i eth0 -j DROP",
            "-s 10.11.11.0/24 -i eth0 " + port8080 + " -j RETURN", false);
        row("negated source, overlap", "! -s 10.11.11.0/24 -j DROP", "-s 10.0.0.0/8 -j RETURN",
            false);
        row("negated source, later negates more", "! -s 10.11.11.0/24 -j DROP",
            "! -s 10.0.0.0/8 -j DROP", true);
        row("destination", "-d 172.17.0.0/16 -j DROP", "-d 172.17.0.2/32 -p tcp -j DROP", true);
        row("range covers subnet", "-m iprange --src-range 10.0.0.0-10.0.0.255 -j DROP",
            "-s 10.0.0.128/25 -j DROP", true);
        row("subnet covers range", "-s 10.0.0.0/24 -j DROP",
            "-m iprange --src-range 10.0.0.5-10.0.0.9 -j DROP", true);
        row("range does not cover", "-m iprange --src-range 10.0.0.5-10.0.0.9 -j DROP",
            "-s 10.0.0.0/24 -j DROP", false);
        row("negated range, outside", "-i eth0 -m iprange ! --src-range 10.0.0.1-10.0.0.3 -j DROP",
            "-s 10.0.0.7/32 -i eth0 -j RETURN", true);
        row("IPv6 prefix", "-s 2001:db8::/32 -j DROP", "-s 2001:db8:1::/48 -j DROP", true, true);
        row("IPv6 other prefix", "-s 2001:db8::/32 -j DROP", "-s 2001:db9::/48 -j DROP", false,
            true);

        row("protocol", "-p tcp -j DROP", port8080 + " -j DROP", true);
        row("other protocol", "-p udp -j DROP", port8080 + " -j DROP", false);
        row("protocol vs none", "-p tcp -j DROP", "-i eth0 -j DROP", false);
        row("negated protocol", "! -p udp -j DROP", port8080 + " -j DROP", true);

        row("same original port", port8080 + " -j RETURN", "-s 10.0.0.0/8 " + port8080 + " -j DROP",
            true);
        row("other original port",
            "-p tcp -m conntrack --ctorigdstport 80 --ctdir ORIGINAL -j DROP",
            port8080 + " -j DROP", false);
        row("port range", "-p tcp -m conntrack --ctorigdstport 8000:9000 -j DROP",
            port8080 + " -j DROP", true);
        row("container port is not the original", "-p tcp -m tcp --dport 8080 -j DROP",
            port8080 + " -j DROP", false);
        row("missing ctdir", port8080 + " -j DROP",
            "-p tcp -m conntrack --ctorigdstport 8080 -j DROP", false);
        row("multiport covers dport", "-p tcp -m multiport --dports 80,443 -j DROP",
            "-p tcp -m tcp --dport 443 -j DROP", true);
        row("multiport does not cover", "-p tcp -m multiport --dports 80,443 -j DROP",
            "-p tcp -m tcp --dport 8443 -j DROP", false);
        row("ctstate superset", "-m conntrack --ctstate RELATED,ESTABLISHED -j RETURN",
            "-m conntrack --ctstate ESTABLISHED -j DROP", true);
        row("state vs ctstate", "-m state --state RELATED,ESTABLISHED -j RETURN",
            "-m conntrack --ctstate ESTABLISHED -j DROP", true);
        row("ctstate subset", "-m conntrack --ctstate ESTABLISHED -j RETURN",
            "-m conntrack --ctstate RELATED,ESTABLISHED -j DROP", false);
        row("ctstate vs none", "-m conntrack --ctstate ESTABLISHED -j RETURN", "-j DROP", false);
        row("negated ctstate, same", "-m conntrack ! --ctstate NEW -j DROP",
            "-i eth0 -m conntrack ! --ctstate NEW -j DROP", true);
        row("negated ctstate, other", "-m conntrack ! --ctstate NEW -j DROP",
            "-m conntrack ! --ctstate INVALID -j DROP", false);
        row("limit is never provable", "-m limit --limit 5/sec -j RETURN",
            "-m limit --limit 5/sec -j DROP", false);
        row("identical mac", "-m mac --mac-source 00:11:22:33:44:55 -j DROP",
            "-i eth0 -m mac --mac-source 00:11:22:33:44:55 -j DROP", true);
        row("fragment", "-f -j DROP", "-j DROP", false);
    }

    void covers()
    {
        QFETCH(QString, earlier);
        QFETCH(QString, later);
        QFETCH(bool, v6);
        QFETCH(bool, expected);
        const Family family = v6 ? Family::IPv6 : Family::IPv4;
        QCOMPARE(Reachability::covers(parse(earlier, family), parse(later, family)), expected);
        // Every rule covers itself, but a rate limit's packets are never provably the same.
        if (!later.contains(QLatin1String("-m limit"))) {
            QVERIFY(Reachability::covers(parse(later, family), parse(later, family)));
        }
    }

    void finalTargets_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<bool>("final");
        QTest::addColumn<bool>("endsChain");
        QTest::newRow("RETURN") << "-j RETURN" << true << true;
        QTest::newRow("DROP with comment") << "-m comment --comment \"x\" -j DROP" << true << true;
        QTest::newRow("REJECT") << "-p tcp -j REJECT --reject-with tcp-reset" << true << false;
        QTest::newRow("ACCEPT") << "-i eth0 -j ACCEPT" << true << false;
        QTest::newRow("any interface") << "-i + -o + -j DROP" << true << true;
        QTest::newRow("LOG") << "-j LOG" << false << false;
        QTest::newRow("no target") << "-s 10.0.0.1/32" << false << false;
    }

    void finalTargets()
    {
        QFETCH(QString, spec);
        QFETCH(bool, final);
        QFETCH(bool, endsChain);
        const Rule rule = parse(spec, Family::IPv4);
        QCOMPARE(Reachability::isFinal(rule), final);
        QCOMPARE(Reachability::endsChain(rule), endsChain);
    }

    void firstShadowing()
    {
        const Rule openToAll = parse(
            "-p tcp -m conntrack --ctorigdstport 8080 --ctdir ORIGINAL -j RETURN", Family::IPv4);
        const Rule log = parse("-j LOG", Family::IPv4);
        const Rule dropEth1 = parse("-i eth1 -j DROP", Family::IPv4);
        const Rule dropAll = parse("-j DROP", Family::IPv4);
        const QVector<Rule> onlyFrom = {
            parse("-s 10.11.11.0/24 -i eth0 -p tcp -m conntrack --ctorigdstport 8080 --ctdir "
                  "ORIGINAL -j RETURN",
                  Family::IPv4),
            parse("-i eth0 -p tcp -m conntrack --ctorigdstport 8080 --ctdir ORIGINAL -j DROP",
                  Family::IPv4)};
        // A LOG goes on; a rule that does not parse (nullptr) is never claimed.
        QCOMPARE(Reachability::firstShadowing({&log, nullptr, &dropEth1, &openToAll, &dropAll},
                                              onlyFrom),
                 3);
        QCOMPARE(Reachability::firstShadowing({&log, &dropEth1}, onlyFrom), -1);
        QCOMPARE(Reachability::firstShadowing({}, onlyFrom), -1);
    }
};

QTEST_GUILESS_MAIN(TestReachability)
#include "tst_reachability.moc"

#include "restorefile.h"
#include "ruleparser.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace Userchain;

/// Parser + writer: user spellings in, iptables-save's canonical text out.
class TestRuleParser : public QObject
{
    Q_OBJECT

private slots:
    void canonical_data();
    void canonical();
    void canonicalV6_data();
    void canonicalV6();
    void dockerPage_data();
    void dockerPage();
    void fixtures_data();
    void fixtures();
    void typedFields();
    void equalityAndId();
    void unsupportedIsFlagged();
    void refusedOnPurpose_data();
    void refusedOnPurpose();
};

void TestRuleParser::refusedOnPurpose_data()
{
    // Valid for iptables, refused here: text that other tools would misread or that would
    // reach other administrators' terminals as escape sequences.
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("error");
    QTest::newRow("quote in interface")
        << QStringLiteral("-o \"\\\"\" -j DROP") << QStringLiteral("contains \"\"\"");
    QTest::newRow("ESC in comment") << QStringLiteral("-m comment --comment \"a\x1b[31mb\" -j DROP")
                                    << QStringLiteral("comment contains a control character");
    QTest::newRow("CR in comment") << QStringLiteral("-m comment --comment \"a\rb\" -j DROP")
                                   << QStringLiteral("comment contains a control character");
    QTest::newRow("CSI in comment") << QStringLiteral("-m comment --comment \"a\u009b2Jb\" -j DROP")
                                    << QStringLiteral("comment contains a control character");
    QTest::newRow("ESC in log prefix") << QStringLiteral("-j LOG --log-prefix \"\x1b[2J\"")
                                       << QStringLiteral("log prefix contains a control character");
}

void TestRuleParser::refusedOnPurpose()
{
    QFETCH(QString, input);
    QFETCH(QString, error);
    RuleError why;
    const auto rule = RuleParser::parse(input, Family::IPv4, &why);
    QVERIFY2(!rule, qPrintable(rule ? rule->toString() : QString()));
    QVERIFY2(why.message.contains(error), qPrintable(why.message));
}

void TestRuleParser::canonical_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    auto row = [](const char *in, const char *out) {
        QTest::newRow(in) << QString::fromUtf8(in) << QString::fromUtf8(out);
    };
    // addresses, interfaces, protocols
    row("-s 10.0.0.1 -j DROP", "-s 10.0.0.1/32 -j DROP");
    row("! -s 192.168.1.1 -j DROP", "! -s 192.168.1.1/32 -j DROP");
    row("-s 10.1.2.3/8 -j DROP", "-s 10.0.0.0/8 -j DROP");
    row("-d 10.0.0.0/255.255.0.0 -j DROP", "-d 10.0.0.0/16 -j DROP");
    row("-d 10.0.0.0/255.0.255.0 -j DROP", "-d 10.0.0.0/255.0.255.0 -j DROP");
    row("-s 0.0.0.0/0 -j ACCEPT", "-j ACCEPT");
    row("--source 1.2.3.4 --destination 5.6.7.8 -j ACCEPT",
        "-s 1.2.3.4/32 -d 5.6.7.8/32 -j ACCEPT");
    row("-i eth0 -o docker0 -j ACCEPT", "-i eth0 -o docker0 -j ACCEPT");
    row("! -i br-+ ! -o eth+ -j RETURN", "! -i br-+ ! -o eth+ -j RETURN");
    row("-j DROP -i eth0 -s 1.1.1.1", "-s 1.1.1.1/32 -i eth0 -j DROP");
    row("-p TCP -j ACCEPT", "-p tcp -j ACCEPT");
    row("-p 6 -j ACCEPT", "-p tcp -j ACCEPT");
    row("-p 47 -j ACCEPT", "-p gre -j ACCEPT");
    row("! -p udp -j ACCEPT", "! -p udp -j ACCEPT");
    row("-p all -j ACCEPT", "-j ACCEPT");
    row("-f -j DROP", "-f -j DROP");
    row("! -f -j DROP", "! -f -j DROP");
    row("-s 1.2.3.4", "-s 1.2.3.4/32");
    // tcp / udp
    row("-p tcp --dport 80 -j ACCEPT", "-p tcp -m tcp --dport 80 -j ACCEPT");
    row("-p tcp -m tcp --destination-port http -j ACCEPT", "-p tcp -m tcp --dport 80 -j ACCEPT");
    row("-p tcp --dport 80 --sport 1024: -j ACCEPT",
        "-p tcp -m tcp --sport 1024:65535 --dport 80 -j ACCEPT");
    row("-p tcp ! --dport :1023 -j DROP", "-p tcp -m tcp ! --dport 0:1023 -j DROP");
    row("-p tcp --dport 8000:8000 -j DROP", "-p tcp -m tcp --dport 8000 -j DROP");
    row("-p tcp --syn -j DROP", "-p tcp -m tcp --tcp-flags FIN,SYN,RST,ACK SYN -j DROP");
    row("-p tcp ! --syn -j DROP", "-p tcp -m tcp ! --tcp-flags FIN,SYN,RST,ACK SYN -j DROP");
    row("-p tcp --tcp-flags ALL NONE -j DROP",
        "-p tcp -m tcp --tcp-flags FIN,SYN,RST,PSH,ACK,URG NONE -j DROP");
    row("-p tcp --tcp-flags ack,syn syn -j DROP", "-p tcp -m tcp --tcp-flags SYN,ACK SYN -j DROP");
    row("-p udp --sport 53 -j ACCEPT", "-p udp -m udp --sport 53 -j ACCEPT");
    row("-p udp -m conntrack --ctstate NEW --dport 53 -j ACCEPT",
        "-p udp -m conntrack --ctstate NEW -m udp --dport 53 -j ACCEPT");
    // icmp
    row("-p icmp --icmp-type echo-request -j ACCEPT", "-p icmp -m icmp --icmp-type 8 -j ACCEPT");
    row("-p icmp --icmp-type 3/4 -j ACCEPT", "-p icmp -m icmp --icmp-type 3/4 -j ACCEPT");
    row("-p icmp --icmp-type port-unreachable -j ACCEPT",
        "-p icmp -m icmp --icmp-type 3/3 -j ACCEPT");
    row("-p icmp ! --icmp-type any -j DROP", "-p icmp -m icmp ! --icmp-type any -j DROP");
    // multiport
    row("-p tcp -m multiport --dports 80,443 -j ACCEPT",
        "-p tcp -m multiport --dports 80,443 -j ACCEPT");
    row("-p udp -m multiport ! --sports 53,1000:2000 -j ACCEPT",
        "-p udp -m multiport ! --sports 53,1000:2000 -j ACCEPT");
    row("-p tcp -m multiport --ports https,ssh -j ACCEPT",
        "-p tcp -m multiport --ports 443,22 -j ACCEPT");
    // iprange
    row("-m iprange --src-range 192.168.1.1-192.168.1.3 -j DROP",
        "-m iprange --src-range 192.168.1.1-192.168.1.3 -j DROP");
    row("-m iprange ! --dst-range 10.0.0.1-10.0.0.9 ! --src-range 1.1.1.1-1.1.1.2 -j DROP",
        "-m iprange ! --src-range 1.1.1.1-1.1.1.2 ! --dst-range 10.0.0.1-10.0.0.9 -j DROP");
    // conntrack / state
    row("-m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT",
        "-m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT");
    row("-m conntrack ! --ctstate invalid -j ACCEPT", "-m conntrack ! --ctstate INVALID -j ACCEPT");
    row("-p tcp -m conntrack --ctdir ORIGINAL --ctorigdstport 80 -j RETURN",
        "-p tcp -m conntrack --ctorigdstport 80 --ctdir ORIGINAL -j RETURN");
    row("-m conntrack --ctorigsrc 10.0.0.1 --ctorigdst 10.0.0.0/8 -j RETURN",
        "-m conntrack --ctorigsrc 10.0.0.1 --ctorigdst 10.0.0.0/8 -j RETURN");
    row("-m conntrack --ctproto tcp --ctorigsrcport 1000:2000 -j RETURN",
        "-m conntrack --ctproto 6 --ctorigsrcport 1000:2000 -j RETURN");
    row("-m conntrack --ctstatus ASSURED,EXPECTED -j RETURN",
        "-m conntrack --ctstatus EXPECTED,ASSURED -j RETURN");
    row("-m state --state NEW,INVALID -j DROP", "-m state --state INVALID,NEW -j DROP");
    // comment, mac, limit, addrtype, set
    row("-m comment --comment hello -j ACCEPT", "-m comment --comment hello -j ACCEPT");
    row("-m comment --comment \"hello world\" -j ACCEPT",
        "-m comment --comment \"hello world\" -j ACCEPT");
    row("-m comment --comment \"it's \\\"quoted\\\"\" -j ACCEPT",
        "-m comment --comment \"it\\'s \\\"quoted\\\"\" -j ACCEPT");
    row("-m comment --comment \"\" -j ACCEPT", "-m comment --comment \"\" -j ACCEPT");
    row("-m mac --mac-source AA:BB:CC:0:1:2 -j DROP",
        "-m mac --mac-source aa:bb:cc:00:01:02 -j DROP");
    row("-m limit -j LOG", "-m limit --limit 3/hour -j LOG");
    row("-m limit --limit 5/s --limit-burst 10 -j LOG",
        "-m limit --limit 5/sec --limit-burst 10 -j LOG");
    row("-m limit --limit 60/minute --limit-burst 5 -j LOG", "-m limit --limit 1/sec -j LOG");
    row("-m limit --limit 7/hour -j LOG", "-m limit --limit 7/hour -j LOG");
    row("-m addrtype --dst-type local -j DOCKER", "-m addrtype --dst-type LOCAL -j DOCKER");
    row("-m addrtype ! --src-type LOCAL --limit-iface-in -j DROP",
        "-m addrtype ! --src-type LOCAL --limit-iface-in -j DROP");
    row("-m set --match-set docker-ext-bridges-v4 dst -j ACCEPT",
        "-m set --match-set docker-ext-bridges-v4 dst -j ACCEPT");
    row("-m set ! --match-set myset src,dst -j DROP", "-m set ! --match-set myset src,dst -j DROP");
    // targets
    row("-j REJECT", "-j REJECT --reject-with icmp-port-unreachable");
    row("-p tcp -j REJECT --reject-with tcp-rst", "-p tcp -j REJECT --reject-with tcp-reset");
    row("-j REJECT --reject-with host-prohib", "-j REJECT --reject-with icmp-host-prohibited");
    row("-j LOG --log-prefix \"DROP: \" --log-level info",
        "-j LOG --log-prefix \"DROP: \" --log-level 6");
    row("-j LOG --log-level warning --log-prefix x", "-j LOG --log-prefix x");
    row("-j LOG --log-uid --log-tcp-options", "-j LOG --log-tcp-options --log-uid");
    row("-j DOCKER-ISOLATION-STAGE-1", "-j DOCKER-ISOLATION-STAGE-1");
    row("-g DOCKER", "-g DOCKER");
    row("-p tcp -j DNAT --to-destination 172.17.0.2:80",
        "-p tcp -j DNAT --to-destination 172.17.0.2:80");
    row("-s 172.17.0.0/16 ! -o docker0 -j MASQUERADE",
        "-s 172.17.0.0/16 ! -o docker0 -j MASQUERADE");
    row("-i eth0", "-i eth0");
}

void TestRuleParser::canonical()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    RuleError error;
    const auto rule = RuleParser::parse(input, Family::IPv4, &error);
    QVERIFY2(rule, qPrintable(error.message));
    QCOMPARE(rule->toString(), expected);
    // Canonical text parses to itself: the writer's output is a fixed point.
    const auto again = RuleParser::parse(rule->toString(), Family::IPv4, &error);
    QVERIFY2(again, qPrintable(error.message));
    QCOMPARE(*again, *rule);
}

void TestRuleParser::canonicalV6_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    auto row = [](const char *in, const char *out) {
        QTest::newRow(in) << QString::fromUtf8(in) << QString::fromUtf8(out);
    };
    row("-s 2001:DB8:0:0::1 -j DROP", "-s 2001:db8::1/128 -j DROP");
    row("! -d 2001:db8::1/64 -j DROP", "! -d 2001:db8::/64 -j DROP");
    row("-p icmpv6 --icmpv6-type echo-request -j ACCEPT",
        "-p ipv6-icmp -m icmp6 --icmpv6-type 128 -j ACCEPT");
    row("-p ipv6-icmp -m icmp6 --icmpv6-type 1/3 -j ACCEPT",
        "-p ipv6-icmp -m icmp6 --icmpv6-type 1/3 -j ACCEPT");
    row("-m iprange --src-range 2001:db8::1-2001:db8::ff -j DROP",
        "-m iprange --src-range 2001:db8::1-2001:db8::ff -j DROP");
    row("-j REJECT", "-j REJECT --reject-with icmp6-port-unreachable");
    row("-j REJECT --reject-with adm-prohibited", "-j REJECT --reject-with icmp6-adm-prohibited");
    row("-m conntrack --ctorigsrc 2001:db8::1 -j RETURN",
        "-m conntrack --ctorigsrc 2001:db8::1 -j RETURN");
}

void TestRuleParser::canonicalV6()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    RuleError error;
    const auto rule = RuleParser::parse(input, Family::IPv6, &error);
    QVERIFY2(rule, qPrintable(error.message));
    QCOMPARE(rule->toString(), expected);
}

void TestRuleParser::dockerPage_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    auto row = [](const char *name, const char *in, const char *out) {
        QTest::newRow(name) << QString::fromUtf8(in) << QString::fromUtf8(out);
    };
    // Every rule of Docker's "Docker and iptables" page (DESIGN.md).
    row("one source", "-i ext_if ! -s 192.168.1.1 -j DROP",
        "! -s 192.168.1.1/32 -i ext_if -j DROP");
    row("subnet", "-i ext_if ! -s 192.168.1.0/24 -j DROP", "! -s 192.168.1.0/24 -i ext_if -j DROP");
    row("range", "-m iprange -i ext_if ! --src-range 192.168.1.1-192.168.1.3 -j DROP",
        "-i ext_if -m iprange ! --src-range 192.168.1.1-192.168.1.3 -j DROP");
    row("src and dst", "-p tcp -i ext_if ! -s 192.168.1.0/24 -d 198.51.100.1 -j DROP",
        "! -s 192.168.1.0/24 -d 198.51.100.1/32 -i ext_if -p tcp -j DROP");
    row("range src and dst",
        "-m iprange -i ext_if ! --src-range 192.168.1.1-192.168.1.3 --dst-range "
        "198.51.100.1-198.51.100.2 -j DROP",
        "-i ext_if -m iprange ! --src-range 192.168.1.1-192.168.1.3 --dst-range "
        "198.51.100.1-198.51.100.2 -j DROP");
    row("established", "-i eth0 -m conntrack --ctstate RELATED,ESTABLISHED -j RETURN",
        "-i eth0 -m conntrack --ctstate RELATED,ESTABLISHED -j RETURN");
    row("port 80", "-i eth0 -p tcp -m conntrack --ctorigdstport 80 --ctdir ORIGINAL -j RETURN",
        "-i eth0 -p tcp -m conntrack --ctorigdstport 80 --ctdir ORIGINAL -j RETURN");
    row("port 443", "-i eth0 -p tcp -m conntrack --ctorigdstport 443 --ctdir ORIGINAL -j RETURN",
        "-i eth0 -p tcp -m conntrack --ctorigdstport 443 --ctdir ORIGINAL -j RETURN");
    row("8080 from subnet",
        "-i eth0 -p tcp -m conntrack --ctorigdstport 8080 --ctdir ORIGINAL -s 10.1.0.0/16 -j "
        "RETURN",
        "-s 10.1.0.0/16 -i eth0 -p tcp -m conntrack --ctorigdstport 8080 --ctdir ORIGINAL -j "
        "RETURN");
    row("drop rest", "-i eth0 -j DROP", "-i eth0 -j DROP");
    row("final return", "-j RETURN", "-j RETURN");
}

void TestRuleParser::dockerPage()
{
    canonical();
}

void TestRuleParser::fixtures_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("line");
    QDir dir(QStringLiteral(USERCHAIN_FIXTURES_DIR "/docker-20.10"));
    const QStringList files = dir.entryList({QStringLiteral("*.rules")}, QDir::Files);
    QVERIFY(files.size() >= 20);
    for (const QString &name : files) {
        QFile f(dir.filePath(name));
        QVERIFY(f.open(QIODevice::ReadOnly));
        int n = 0;
        for (const QByteArray &raw : f.readAll().split('\n')) {
            ++n;
            if (raw.startsWith("-A "))
                QTest::addRow("%s:%d", qPrintable(name), n) << name << QString::fromUtf8(raw);
        }
    }
}

void TestRuleParser::fixtures()
{
    // Every rule dockerd 20.10 wrote is already canonical (iptables-save output): it must
    // parse and print back unchanged.
    QFETCH(QString, file);
    QFETCH(QString, line);
    const Family family = file.contains(QLatin1String(".v6.")) ? Family::IPv6 : Family::IPv4;
    const QStringList words = line.split(QLatin1Char(' '));
    const QString spec = words.mid(2).join(QLatin1Char(' '));
    RuleError error;
    const auto rule = RuleParser::parse(spec, family, &error);
    QVERIFY2(rule, qPrintable(error.message + QLatin1String(" in ") + line));
    QCOMPARE(rule->toString(), spec);
}

void TestRuleParser::typedFields()
{
    const auto rule = RuleParser::parse(
        QStringLiteral(
            "-i eth0 ! -s 192.168.1.1 -p tcp --dport 80 -m comment --comment \"web in\" -j DROP"),
        Family::IPv4);
    QVERIFY(rule);
    QCOMPARE(rule->inInterface, QStringLiteral("eth0"));
    QVERIFY(!rule->inInterfaceNegated);
    QCOMPARE(rule->source, QStringLiteral("192.168.1.1/32"));
    QVERIFY(rule->sourceNegated);
    QCOMPARE(rule->protocol, QStringLiteral("tcp"));
    QCOMPARE(rule->matches.size(), 2);
    QCOMPARE(rule->matches[0].name, QStringLiteral("tcp"));
    QCOMPARE(rule->matches[0].option(QStringLiteral("--dport"))->args,
             QStringList{QStringLiteral("80")});
    QCOMPARE(rule->comment(), QStringLiteral("web in"));
    QCOMPARE(rule->target.name, QStringLiteral("DROP"));
}

void TestRuleParser::equalityAndId()
{
    const auto a = RuleParser::parse(QStringLiteral("-s 10.0.0.1 -j DROP"), Family::IPv4);
    const auto b =
        RuleParser::parse(QStringLiteral("--source 10.0.0.1/32 --jump DROP"), Family::IPv4);
    const auto c = RuleParser::parse(QStringLiteral("-s 10.0.0.2 -j DROP"), Family::IPv4);
    QVERIFY(a && b && c);
    QCOMPARE(*a, *b);
    QCOMPARE(a->id(), b->id());
    QCOMPARE(qHash(*a), qHash(*b));
    QVERIFY(*a != *c);
    QVERIFY(a->id() != c->id());
    QCOMPARE(a->id().size(), 16);
}

void TestRuleParser::unsupportedIsFlagged()
{
    RuleError error;
    QVERIFY(
        !RuleParser::parse(QStringLiteral("-m statistic --mode random --probability 0.5 -j DROP"),
                           Family::IPv4, &error));
    QVERIFY(error.unsupported);
    QCOMPARE(error.token, QStringLiteral("statistic"));
    QVERIFY(!RuleParser::parse(QStringLiteral("-m statistc -j DROP"), Family::IPv4, &error));
    QVERIFY(!error.unsupported);
    QCOMPARE(error.message, QStringLiteral("unknown match \"statistc\""));
}

QTEST_GUILESS_MAIN(TestRuleParser)
#include "tst_ruleparser.moc"

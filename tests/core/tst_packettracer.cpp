// PacketTracer on Docker's real layouts: every supported match, negation, `+` interfaces,
// IPv6, conntrack's original fields, and what it refuses to guess.

#include "evalfixtures.h"
#include "packettracer.h"

#include <QTest>

using namespace Userchain;

class TestPacketTracer : public QObject
{
    Q_OBJECT

private slots:
    void verdict_data();
    void verdict();
    void pathAsLineNumbers();
    void dnatAndOutInterface();
    void opaqueRuleIsNeverGuessed();
    void marksWithMangleRead();
    void ipsetSaveReadsPlainSetsOnly();
};

namespace {

const QString D29 = QStringLiteral("docker-moby/docker29.7.2-usernet-portmap.v4.rules");
const QString D28 = QStringLiteral("docker-moby/docker28.2.1-usernet-portmap.v4.rules");
const QString D28_0 = QStringLiteral("docker-moby/docker28.0.0-usernet-portmap.v4.rules");
const QString D27 = QStringLiteral("docker-moby/docker27-usernet-portmap.v4.rules");
const QString D20 =
    QStringLiteral("docker-20.10/docker20.10-legacy-with-containers.legacy.v4.rules");
const QString V6 = QStringLiteral("docker-moby/docker29.7.2-composed-portmap.v6.rules");

/// "key=value,key=value" → a Packet (in, src, proto tcp, state new unless given).
Packet packetOf(Family family, const QString &spec)
{
    Packet p;
    p.family = family;
    p.protocol = 6;
    for (const QString &kv : spec.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const QString k = kv.section(QLatin1Char('='), 0, 0);
        const QString v = kv.section(QLatin1Char('='), 1);
        if (k == QLatin1String("in"))
            p.inInterface = v;
        else if (k == QLatin1String("out"))
            p.outInterface = v;
        else if (k == QLatin1String("src"))
            p.src = *IpAddress::parse(v, family);
        else if (k == QLatin1String("dst"))
            p.dst = IpAddress::parse(v, family);
        else if (k == QLatin1String("origdst"))
            p.origDst = IpAddress::parse(v, family);
        else if (k == QLatin1String("origdport"))
            p.origDport = v.toInt();
        else if (k == QLatin1String("proto"))
            p.protocol = v.toInt();
        else if (k == QLatin1String("sport"))
            p.sport = v.toInt();
        else if (k == QLatin1String("dport"))
            p.dport = v.toInt();
        else if (k == QLatin1String("icmp"))
            p.icmpType = v.toInt();
        else if (k == QLatin1String("flags"))
            p.tcpFlags = v.toInt();
        else if (k == QLatin1String("state"))
            p.state = v == QLatin1String("established") ? CtState::Established
                      : v == QLatin1String("related")   ? CtState::Related
                                                        : CtState::New;
        else if (k == QLatin1String("dir"))
            p.direction = v == QLatin1String("reply") ? CtDirection::Reply : CtDirection::Original;
    }
    return p;
}

} // namespace

void TestPacketTracer::verdict_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<int>("family");
    QTest::addColumn<QStringList>("user");
    QTest::addColumn<QString>("packet");
    QTest::addColumn<QString>("ipset");
    QTest::addColumn<QString>("verdict");
    QTest::addColumn<QString>("chain"); ///< deciding chain ("" when unknown)
    QTest::addColumn<int>("rule");      ///< deciding rule, 0: policy
    QTest::addColumn<QString>("depends");

    const QString web = QStringLiteral("in=eth0 src=203.0.113.5 sport=40000 dport=8080");
    const QString none;
    auto row = [](const char *name) -> QTestData & {
        return QTest::newRow(name);
    };

    // The published port with DOCKER-USER empty: Docker's DOCKER chain accepts it, per layout.
    row("29: published port") << D29 << 4 << QStringList{} << web << none << "ACCEPT"
                              << "DOCKER" << 1 << none;
    row("28.2: published port") << D28 << 4 << QStringList{"-j RETURN"} << web << none << "ACCEPT"
                                << "DOCKER" << 1 << none;
    row("27: published port") << D27 << 4 << QStringList{"-j RETURN"} << web << none << "ACCEPT"
                              << "DOCKER" << 1 << none;
    row("20.10: published port") << D20 << 4 << QStringList{"-j RETURN"} << web << none << "ACCEPT"
                                 << "DOCKER" << 1 << none;
    row("28.0: set read") << D28_0 << 4 << QStringList{"-j RETURN"} << web
                          << QString("docker-moby/docker28.0.0-usernet-portmap.ipset") << "ACCEPT"
                          << "DOCKER" << 1 << none;
    row("28.0: set not read")
        << D28_0 << 4 << QStringList{"-j RETURN"} << web << none << "unknown"
        << "FORWARD" << 4
        << "depends on rule 4 of FORWARD (uses set docker-ext-bridges-v4, which was not read)";
    row("29: unpublished port") << D29 << 4 << QStringList{}
                                << "in=eth0 src=203.0.113.5 sport=1 dport=9999" << none << "ACCEPT"
                                << "INPUT" << 0 << none;
    row("29: from the bridge itself: INPUT")
        << D29 << 4 << QStringList{} << "in=bridge1 src=192.0.2.3 sport=1 dport=8080" << none
        << "ACCEPT"
        << "INPUT" << 0 << none;
    row("29: direct access dropped in raw")
        << D29 << 4 << QStringList{} << "in=eth0 src=203.0.113.5 dst=192.0.2.2 sport=1 dport=80"
        << none << "DROP"
        << "PREROUTING" << 1 << none;

    // Addresses, prefixes, negation.
    row("-s matches") << D29 << 4 << QStringList{"-s 203.0.113.0/24 -j DROP"} << web << none
                      << "DROP"
                      << "DOCKER-USER" << 1 << none;
    row("-s misses") << D29 << 4 << QStringList{"-s 198.51.100.0/24 -j DROP"} << web << none
                     << "ACCEPT"
                     << "DOCKER" << 1 << none;
    row("! -s inside") << D29 << 4 << QStringList{"! -s 203.0.113.0/25 -j DROP"} << web << none
                       << "ACCEPT"
                       << "DOCKER" << 1 << none;
    row("! -s outside") << D29 << 4 << QStringList{"! -s 203.0.113.128/25 -j DROP"} << web << none
                        << "DROP"
                        << "DOCKER-USER" << 1 << none;
    row("-d container after DNAT")
        << D29 << 4 << QStringList{"-d 192.0.2.2/32 -j DROP"} << web << none << "DROP"
        << "DOCKER-USER" << 1 << none;
    // Interfaces with + and negation.
    row("-i eth+ matches eth0") << D29 << 4 << QStringList{"-i eth+ -j DROP"} << web << none
                                << "DROP"
                                << "DOCKER-USER" << 1 << none;
    row("-i eth+ misses wlan0") << D29 << 4 << QStringList{"-i eth+ -j DROP"}
                                << "in=wlan0 src=203.0.113.5 sport=1 dport=8080" << none << "ACCEPT"
                                << "DOCKER" << 1 << none;
    row("! -i eth0") << D29 << 4 << QStringList{"! -i eth0 -j DROP"} << web << none << "ACCEPT"
                     << "DOCKER" << 1 << none;
    row("-o bridge1 (derived)") << D29 << 4 << QStringList{"-o bridge1 -j DROP"} << web << none
                                << "DROP"
                                << "DOCKER-USER" << 1 << none;
    row("-o docker+ misses bridge1")
        << D29 << 4 << QStringList{"-o docker+ -j DROP"} << web << none << "ACCEPT"
        << "DOCKER" << 1 << none;
    // Protocol and ports: DOCKER-USER sees the container's port, not the published one.
    row("-p udp misses tcp") << D29 << 4 << QStringList{"-p udp -j DROP"} << web << none << "ACCEPT"
                             << "DOCKER" << 1 << none;
    row("! -p udp") << D29 << 4 << QStringList{"! -p udp -j DROP"} << web << none << "DROP"
                    << "DOCKER-USER" << 1 << none;
    row("--dport 8080 misses after DNAT")
        << D29 << 4 << QStringList{"-p tcp -m tcp --dport 8080 -j DROP"} << web << none << "ACCEPT"
        << "DOCKER" << 1 << none;
    row("--dport 80 matches after DNAT")
        << D29 << 4 << QStringList{"-p tcp -m tcp --dport 80 -j DROP"} << web << none << "DROP"
        << "DOCKER-USER" << 1 << none;
    row("--sport range") << D29 << 4 << QStringList{"-p tcp -m tcp --sport 30000:50000 -j DROP"}
                         << web << none << "DROP"
                         << "DOCKER-USER" << 1 << none;
    row("multiport dports") << D29 << 4
                            << QStringList{"-p tcp -m multiport --dports 22,70:90 -j DROP"} << web
                            << none << "DROP"
                            << "DOCKER-USER" << 1 << none;
    row("! multiport dports") << D29 << 4
                              << QStringList{"-p tcp -m multiport ! --dports 22,70:90 -j DROP"}
                              << web << none << "ACCEPT"
                              << "DOCKER" << 1 << none;
    row("multiport ports (sport)")
        << D29 << 4 << QStringList{"-p tcp -m multiport --ports 40000 -j DROP"} << web << none
        << "DROP"
        << "DOCKER-USER" << 1 << none;
    // conntrack: state, original destination and port, direction.
    row("ctstate NEW") << D29 << 4 << QStringList{"-m conntrack --ctstate NEW -j DROP"} << web
                       << none << "DROP"
                       << "DOCKER-USER" << 1 << none;
    row("ctstate DNAT") << D29 << 4 << QStringList{"-m conntrack --ctstate DNAT -j DROP"} << web
                        << none << "DROP"
                        << "DOCKER-USER" << 1 << none;
    row("ctstate NEW, packet established")
        << D29 << 4 << QStringList{"-m conntrack --ctstate NEW -j DROP"}
        << web + " state=established" << none << "ACCEPT"
        << "DOCKER-CT" << 2 << none;
    row("ctorigdstport 8080") << D29 << 4
                              << QStringList{"-p tcp -m conntrack --ctorigdstport 8080 -j DROP"}
                              << web << none << "DROP"
                              << "DOCKER-USER" << 1 << none;
    row("! ctorigdstport 8080") << D29 << 4
                                << QStringList{"-p tcp -m conntrack ! --ctorigdstport 8080 -j DROP"}
                                << web << none << "ACCEPT"
                                << "DOCKER" << 1 << none;
    row("ctorigdst known") << D29 << 4
                           << QStringList{"-m conntrack --ctorigdst 198.51.100.7 -j DROP"}
                           << web + " dst=198.51.100.7" << none << "DROP"
                           << "DOCKER-USER" << 1 << none;
    row("ctorigdst of an unknown host address")
        << D29 << 4 << QStringList{"-m conntrack --ctorigdst 198.51.100.7 -j DROP"} << web << none
        << "unknown"
        << "DOCKER-USER" << 1 << "depends on rule 1 of DOCKER-USER (uses the host's address)";
    row("ctorigsrc") << D29 << 4 << QStringList{"-m conntrack --ctorigsrc 203.0.113.0/24 -j DROP"}
                     << web << none << "DROP"
                     << "DOCKER-USER" << 1 << none;
    row("ctreplsrc is the container")
        << D29 << 4 << QStringList{"-m conntrack --ctreplsrc 192.0.2.2 -j DROP"} << web << none
        << "DROP"
        << "DOCKER-USER" << 1 << none;
    row("ctdir ORIGINAL") << D29 << 4 << QStringList{"-m conntrack --ctdir ORIGINAL -j DROP"} << web
                          << none << "DROP"
                          << "DOCKER-USER" << 1 << none;
    row("ctdir REPLY") << D29 << 4 << QStringList{"-m conntrack --ctdir REPLY -j DROP"} << web
                       << none << "ACCEPT"
                       << "DOCKER" << 1 << none;
    row("reply: ctorigdstport and ctdir")
        << D29 << 4 << QStringList{"-p tcp -m conntrack --ctorigdstport 8080 --ctdir REPLY -j DROP"}
        << "in=bridge1 out=eth0 src=192.0.2.2 sport=80 dst=203.0.113.5 dport=40000 "
           "state=established dir=reply"
        << none << "DROP"
        << "DOCKER-USER" << 1 << none;
    row("reply passes Docker's chains") << D29 << 4 << QStringList{}
                                        << "in=bridge1 out=eth0 src=192.0.2.2 sport=80 "
                                           "dst=203.0.113.5 dport=40000 state=established dir=reply"
                                        << none << "ACCEPT"
                                        << "DOCKER-FORWARD" << 5 << none;
    row("state match") << D29 << 4
                       << QStringList{"-m state --state RELATED,ESTABLISHED -j RETURN", "-j DROP"}
                       << web + " state=established" << none << "ACCEPT"
                       << "DOCKER-CT" << 2 << none;
    row("ctstatus of a first packet")
        << D29 << 4 << QStringList{"-m conntrack --ctstatus CONFIRMED -j DROP"} << web << none
        << "ACCEPT"
        << "DOCKER" << 1 << none;
    row("ctstatus ASSURED later") << D29 << 4
                                  << QStringList{"-m conntrack --ctstatus ASSURED -j DROP"}
                                  << web + " state=established" << none << "unknown"
                                  << "DOCKER-USER" << 1
                                  << "depends on rule 1 of DOCKER-USER (uses conntrack --ctstatus)";
    // iprange, addrtype, comment, tcp flags, icmp.
    row("iprange inside") << D29 << 4
                          << QStringList{"-m iprange --src-range 203.0.113.1-203.0.113.9 -j DROP"}
                          << web << none << "DROP"
                          << "DOCKER-USER" << 1 << none;
    row("iprange outside") << D29 << 4
                           << QStringList{"-m iprange --src-range 203.0.113.6-203.0.113.9 -j DROP"}
                           << web << none << "ACCEPT"
                           << "DOCKER" << 1 << none;
    row("! iprange") << D29 << 4
                     << QStringList{"-m iprange ! --src-range 203.0.113.6-203.0.113.9 -j DROP"}
                     << web << none << "DROP"
                     << "DOCKER-USER" << 1 << none;
    row("iprange dst") << D29 << 4
                       << QStringList{"-m iprange --dst-range 192.0.2.1-192.0.2.3 -j DROP"} << web
                       << none << "DROP"
                       << "DOCKER-USER" << 1 << none;
    row("addrtype dst LOCAL after DNAT")
        << D29 << 4 << QStringList{"-m addrtype --dst-type LOCAL -j DROP"} << web << none
        << "ACCEPT"
        << "DOCKER" << 1 << none;
    row("addrtype dst UNICAST after DNAT")
        << D29 << 4 << QStringList{"-m addrtype --dst-type UNICAST -j DROP"} << web << none
        << "DROP"
        << "DOCKER-USER" << 1 << none;
    row("comment") << D29 << 4 << QStringList{"-m comment --comment \"no web\" -j REJECT"} << web
                   << none << "REJECT"
                   << "DOCKER-USER" << 1 << none;
    row("--syn on a first packet")
        << D29 << 4 << QStringList{"-p tcp -m tcp --tcp-flags FIN,SYN,RST,ACK SYN -j DROP"} << web
        << none << "DROP"
        << "DOCKER-USER" << 1 << none;
    row("--syn on a later packet")
        << D29 << 4 << QStringList{"-p tcp -m tcp --tcp-flags FIN,SYN,RST,ACK SYN -j DROP"}
        << web + " state=established" << none << "ACCEPT"
        << "DOCKER-CT" << 2 << none;
    row("icmp type matches") << D20 << 4 << QStringList{"-p icmp -m icmp --icmp-type 8 -j DROP"}
                             << "in=eth0 src=203.0.113.5 dst=172.17.0.2 proto=1 icmp=8" << none
                             << "DROP"
                             << "DOCKER-USER" << 1 << none;
    row("icmp type misses") << D20 << 4 << QStringList{"-p icmp -m icmp --icmp-type 8 -j DROP"}
                            << "in=eth0 src=203.0.113.5 dst=172.17.0.2 proto=1 icmp=0" << none
                            << "DROP"
                            << "FORWARD" << 0 << none;
    // What the evaluator refuses to guess, and what it need not.
    row("limit") << D29 << 4 << QStringList{"-m limit --limit 5/sec -j RETURN", "-j DROP"} << web
                 << none << "unknown"
                 << "DOCKER-USER" << 1 << "depends on rule 1 of DOCKER-USER (uses limit)";
    row("limit with LOG decides nothing")
        << D29 << 4 << QStringList{"-m limit --limit 5/sec -j LOG", "-s 203.0.113.5 -j DROP"} << web
        << none << "DROP"
        << "DOCKER-USER" << 2 << none;
    row("limit on another port") << D29 << 4 << QStringList{"-p udp -m limit --limit 5/sec -j DROP"}
                                 << web << none << "ACCEPT"
                                 << "DOCKER" << 1 << none;
    row("mac") << D29 << 4 << QStringList{"-m mac --mac-source 00:11:22:33:44:55 -j DROP"} << web
               << none << "unknown"
               << "DOCKER-USER" << 1 << "depends on rule 1 of DOCKER-USER (uses mac)";
    // Issue 13: rates and connection counts depend on other packets; marks on rules not read
    // (no mangle table here); a routed packet is not bridged; MARK, NFLOG, TCPMSS go on.
    row("hashlimit") << D29 << 4
                     << QStringList{"-m hashlimit --hashlimit-above 10/sec --hashlimit-mode srcip "
                                    "--hashlimit-name web -j DROP"}
                     << web << none << "unknown"
                     << "DOCKER-USER" << 1 << "depends on rule 1 of DOCKER-USER (uses hashlimit)";
    row("connlimit") << D29 << 4
                     << QStringList{"-p tcp -m connlimit --connlimit-above 20 -j REJECT"} << web
                     << none << "unknown"
                     << "DOCKER-USER" << 1 << "depends on rule 1 of DOCKER-USER (uses connlimit)";
    row("mark not known") << D29 << 4 << QStringList{"-m mark --mark 0x1 -j DROP"} << web << none
                          << "unknown"
                          << "DOCKER-USER" << 1
                          << "depends on rule 1 of DOCKER-USER (uses mark (the packet's mark, "
                             "which rules not read may set))";
    row("MARK goes on") << D29 << 4
                        << QStringList{"-j MARK --set-mark 0x1", "-s 203.0.113.5 -j DROP"} << web
                        << none << "DROP"
                        << "DOCKER-USER" << 2 << none;
    row("NFLOG goes on") << D29 << 4
                         << QStringList{"-j NFLOG --nflog-group 7", "-s 203.0.113.0/24 -j DROP"}
                         << web << none << "DROP"
                         << "DOCKER-USER" << 2 << none;
    row("routed is not bridged") << D29 << 4
                                 << QStringList{"-m physdev --physdev-is-bridged -j ACCEPT",
                                                "-j DROP"}
                                 << web << none << "DROP"
                                 << "DOCKER-USER" << 2 << none;
    row("! --physdev-is-bridged") << D29 << 4
                                  << QStringList{"-m physdev ! --physdev-is-bridged -j DROP"} << web
                                  << none << "DROP"
                                  << "DOCKER-USER" << 1 << none;
    row("physdev in port unknown")
        << D29 << 4 << QStringList{"-m physdev --physdev-is-in -j DROP"} << web << none << "unknown"
        << "DOCKER-USER" << 1
        << "depends on rule 1 of DOCKER-USER (uses physdev (the bridge port of the packet))";
    row("not DNAT and bridge port") << D29 << 4
                                    << QStringList{"-m conntrack ! --ctstate DNAT -m physdev "
                                                   "--physdev-is-in -j DROP"}
                                    << web << none << "ACCEPT"
                                    << "DOCKER" << 1 << none;
    row("time") << D29 << 4 << QStringList{"-m time --timestart 09:00 --timestop 17:00 -j DROP"}
                << web << none << "unknown"
                << "DOCKER-USER" << 1 << "depends on rule 1 of DOCKER-USER (uses time)";
    row("source port unknown") << D29 << 4
                               << QStringList{"-p tcp -m tcp --sport 1024:65535 -j DROP"}
                               << "in=eth0 src=203.0.113.5 dport=8080" << none << "unknown"
                               << "DOCKER-USER" << 1
                               << "depends on rule 1 of DOCKER-USER (uses the source port)";
    // Jumps, gotos and returns.
    row("RETURN then Docker's chains")
        << D29 << 4 << QStringList{"-s 203.0.113.0/24 -j RETURN", "-j DROP"} << web << none
        << "ACCEPT"
        << "DOCKER" << 1 << none;
    // IPv6.
    row("v6 published port") << V6 << 6 << QStringList{}
                             << "in=eth0 src=2001:db8::5 sport=40000 dport=8080" << none << "ACCEPT"
                             << "DOCKER" << 1 << none;
    row("v6 -s") << V6 << 6 << QStringList{"-s 2001:db8::/32 -j DROP"}
                 << "in=eth0 src=2001:db8::5 sport=40000 dport=8080" << none << "DROP"
                 << "DOCKER-USER" << 1 << none;
    row("v6 -s misses") << V6 << 6 << QStringList{"-s 2001:db8::/32 -j DROP"}
                        << "in=eth0 src=2001:db9::5 sport=40000 dport=8080" << none << "ACCEPT"
                        << "DOCKER" << 1 << none;
    row("v6 iprange") << V6 << 6
                      << QStringList{"-m iprange --src-range 2001:db8::1-2001:db8::ffff -j DROP"}
                      << "in=eth0 src=2001:db8::5 sport=40000 dport=8080" << none << "DROP"
                      << "DOCKER-USER" << 1 << none;
    row("v6 link-local is not DNATed")
        << V6 << 6 << QStringList{"-j DROP"} << "in=eth0 src=fe80::5 sport=40000 dport=8080" << none
        << "ACCEPT"
        << "INPUT" << 0 << none;
    row("v6 icmpv6") << V6 << 6 << QStringList{"-p ipv6-icmp -m icmp6 --icmpv6-type 128 -j DROP"}
                     << "in=eth0 src=2001:db8::5 dst=fd49:efd7:54aa::1 proto=58 icmp=128" << none
                     << "DROP"
                     << "PREROUTING" << 1 << none;
    row("v6 icmpv6 from the bridge")
        << V6 << 6 << QStringList{"-p ipv6-icmp -m icmp6 --icmpv6-type 128 -j DROP"}
        << "in=br-dummy src=fd49:efd7:54aa::2 dst=fd49:efd7:54aa::1 out=br-dummy proto=58 icmp=128"
        << none << "DROP"
        << "DOCKER-USER" << 1 << none;
}

void TestPacketTracer::verdict()
{
    QFETCH(QString, fixture);
    QFETCH(int, family);
    QFETCH(QStringList, user);
    QFETCH(QString, packet);
    QFETCH(QString, ipset);
    QFETCH(QString, verdict);
    QFETCH(QString, chain);
    QFETCH(int, rule);
    QFETCH(QString, depends);

    const Family fam = family == 6 ? Family::IPv6 : Family::IPv4;
    const auto rs = loadFixture(fixture, user, fam, ipset);
    QVERIFY(rs);
    const Trace t = PacketTracer::trace(*rs, packetOf(fam, packet));
    QStringList path;
    for (const TraceStep &s : t.path)
        path << QStringLiteral("%1/%2/%3").arg(s.table, s.chain).arg(s.rule);
    const QString got = QStringLiteral("%1 %2 %3 [%4] path %5")
                            .arg(Verdict::kindName(t.verdict.kind), t.verdict.chain)
                            .arg(t.verdict.rule)
                            .arg(t.verdict.dependsOn, path.join(QLatin1Char(' ')));
    QVERIFY2(Verdict::kindName(t.verdict.kind) == verdict, qPrintable(got));
    QVERIFY2(t.verdict.chain == chain, qPrintable(got));
    QVERIFY2(t.verdict.rule == rule, qPrintable(got));
    QCOMPARE(t.verdict.dependsOn, depends);
}

void TestPacketTracer::pathAsLineNumbers()
{
    // 29's layout: FORWARD 1 → DOCKER-USER (empty, falls through), FORWARD 2 → DOCKER-FORWARD,
    // whose rule 3 jumps to DOCKER-BRIDGE, whose rule 2 (-o bridge1) jumps to DOCKER, rule 1.
    const auto rs = loadFixture(D29, {}, Family::IPv4);
    QVERIFY(rs);
    const Trace t = PacketTracer::trace(
        *rs, packetOf(Family::IPv4, QStringLiteral("in=eth0 src=203.0.113.5 sport=1 dport=8080")));
    QStringList path;
    for (const TraceStep &s : t.path)
        path << QStringLiteral("%1 %2 %3 %4").arg(s.table, s.chain).arg(s.rule).arg(s.action);
    QCOMPARE(path, QStringList({"nat PREROUTING 1 jump DOCKER", "nat DOCKER 1 DNAT 192.0.2.2:80",
                                "filter FORWARD 1 jump DOCKER-USER",
                                "filter FORWARD 2 jump DOCKER-FORWARD",
                                "filter DOCKER-FORWARD 1 jump DOCKER-CT",
                                "filter DOCKER-FORWARD 2 jump DOCKER-INTERNAL",
                                "filter DOCKER-FORWARD 3 jump DOCKER-BRIDGE",
                                "filter DOCKER-BRIDGE 2 jump DOCKER", "filter DOCKER 1 ACCEPT"}));
    QCOMPARE(t.path.last().text,
             QStringLiteral(
                 "-d 192.0.2.2/32 ! -i bridge1 -o bridge1 -p tcp -m tcp --dport 80 -j ACCEPT"));
}

void TestPacketTracer::dnatAndOutInterface()
{
    // 20.10's DNAT for 8081 only applies to 127.0.0.1; 5353/udp goes to br-8bf3e4c2c08c.
    const auto rs = loadFixture(D20, {QStringLiteral("-j RETURN")}, Family::IPv4);
    QVERIFY(rs);
    Packet p = packetOf(Family::IPv4,
                        QStringLiteral("in=eth0 src=203.0.113.5 sport=1 dport=5353 proto=17"));
    Trace t = PacketTracer::trace(*rs, p);
    QCOMPARE(t.outInterface, QStringLiteral("br-8bf3e4c2c08c"));
    QCOMPARE(t.dnatAddress->toString(Family::IPv4), QStringLiteral("172.18.0.2"));
    QCOMPARE(*t.dnatPort, 53);
    QCOMPARE(t.verdict.kind, VerdictKind::Accept);
    // 8081 to an unknown host address: whether it is 127.0.0.1 decides the DNAT.
    p = packetOf(Family::IPv4, QStringLiteral("in=eth0 src=203.0.113.5 sport=1 dport=8081"));
    t = PacketTracer::trace(*rs, p);
    QCOMPARE(t.verdict.kind, VerdictKind::Unknown);
    QCOMPARE(t.verdict.dependsOn,
             QStringLiteral("depends on rule 4 of DOCKER (uses the host's address)"));
}

void TestPacketTracer::opaqueRuleIsNeverGuessed()
{
    const QByteArray save =
        "*filter\n:INPUT ACCEPT [0:0]\n:FORWARD DROP [0:0]\n:OUTPUT ACCEPT [0:0]\n"
        ":DOCKER-USER - [0:0]\n-A FORWARD -j DOCKER-USER\n"
        "-A DOCKER-USER -m hashlimit --hashlimit-upto 5/sec --hashlimit-name x -j DROP\n"
        "COMMIT\n";
    QVector<FileError> errors;
    const auto rs = Ruleset::fromSave(save, Family::IPv4, &errors);
    QVERIFY(rs);
    const Trace t = PacketTracer::trace(
        *rs,
        packetOf(Family::IPv4,
                 QStringLiteral("in=eth0 src=10.0.0.1 dst=10.1.0.1 out=eth1 sport=1 dport=80")));
    QCOMPARE(t.verdict.kind, VerdictKind::Unknown);
    QCOMPARE(t.verdict.dependsOn,
             QStringLiteral("depends on rule 1 of DOCKER-USER (uses hashlimit)"));
}

void TestPacketTracer::marksWithMangleRead()
{
    // With the mangle table read and no rule anywhere that sets a mark, a packet from outside
    // has mark 0 and its connection too; one MARK or CONNMARK rule, or a rule the evaluator
    // cannot read, and the mark is not known.
    const auto traced = [](const QByteArray &mangle, const QByteArray &user) {
        const QByteArray save = "*mangle\n:PREROUTING ACCEPT [0:0]\n" + mangle +
                                "COMMIT\n*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n"
                                ":OUTPUT ACCEPT [0:0]\n:DOCKER-USER - [0:0]\n"
                                "-A FORWARD -j DOCKER-USER\n" +
                                user + "COMMIT\n";
        QVector<FileError> errors;
        const auto rs = Ruleset::fromSave(save, Family::IPv4, &errors);
        const Trace t = PacketTracer::trace(
            *rs, packetOf(Family::IPv4, QStringLiteral("in=eth0 src=10.0.0.1 dst=10.1.0.1 "
                                                       "out=eth1 sport=1 dport=80")));
        return QStringLiteral("%1 %2 %3")
            .arg(Verdict::kindName(t.verdict.kind), t.verdict.chain)
            .arg(t.verdict.rule);
    };
    QCOMPARE(traced("", "-A DOCKER-USER -m mark --mark 0x1 -j DROP\n"),
             QStringLiteral("ACCEPT FORWARD 0"));
    QCOMPARE(traced("", "-A DOCKER-USER -m mark --mark 0x0/0xff -j DROP\n"),
             QStringLiteral("DROP DOCKER-USER 1"));
    QCOMPARE(traced("", "-A DOCKER-USER -m mark ! --mark 0x0 -j DROP\n"),
             QStringLiteral("ACCEPT FORWARD 0"));
    QCOMPARE(traced("", "-A DOCKER-USER -m connmark --mark 0x0 -j DROP\n"),
             QStringLiteral("DROP DOCKER-USER 1"));
    QCOMPARE(traced("-A PREROUTING -i eth0 -j MARK --set-mark 0x1\n",
                    "-A DOCKER-USER -m mark --mark 0x1 -j DROP\n"),
             QStringLiteral("unknown DOCKER-USER 1"));
    QCOMPARE(traced("-A PREROUTING -j CONNMARK --restore-mark\n",
                    "-A DOCKER-USER -m mark --mark 0x1 -j DROP\n"),
             QStringLiteral("unknown DOCKER-USER 1"));
    QCOMPARE(traced("-A PREROUTING -j CONNMARK --set-mark 0x2\n",
                    "-A DOCKER-USER -m connmark --mark 0x2 -j DROP\n"),
             QStringLiteral("unknown DOCKER-USER 1"));
    QCOMPARE(traced("-A PREROUTING -m statistic --mode random --probability 0.5 -j ACCEPT\n",
                    "-A DOCKER-USER -m mark --mark 0x1 -j DROP\n"),
             QStringLiteral("unknown DOCKER-USER 1"));
}

// An `ipset save` file: a hash:ip set's netmask widens its entries; a set with a nomatch entry
// is not a plain union, so it is left unread ("depends") rather than read wrong.
void TestPacketTracer::ipsetSaveReadsPlainSetsOnly()
{
    auto rs = loadFixture(D29,
                          {QStringLiteral("-m set --match-set masked src -j DROP"),
                           QStringLiteral("-m set --match-set holes src -j DROP")},
                          Family::IPv4);
    QVERIFY(rs);
    QString error;
    QVERIFY2(rs->addIpsets("create masked hash:ip family inet hashsize 1024 maxelem 65536 "
                           "netmask 24\n"
                           "add masked 203.0.113.0\n"
                           "create holes hash:net family inet hashsize 1024 maxelem 65536\n"
                           "add holes 198.51.100.0/24\n"
                           "add holes 198.51.100.128/25 nomatch\n",
                           &error),
             qPrintable(error));
    QVERIFY(rs->set(QStringLiteral("masked")));
    QVERIFY(!rs->set(QStringLiteral("holes")));
    Trace t = PacketTracer::trace(
        *rs, packetOf(Family::IPv4, QStringLiteral("in=eth0 src=203.0.113.77 sport=1 dport=8080")));
    QCOMPARE(t.verdict.kind, VerdictKind::Drop);
    QCOMPARE(t.verdict.rule, 1);
    t = PacketTracer::trace(
        *rs, packetOf(Family::IPv4, QStringLiteral("in=eth0 src=198.51.100.7 sport=1 dport=8080")));
    QCOMPARE(t.verdict.kind, VerdictKind::Unknown);
    QCOMPARE(
        t.verdict.dependsOn,
        QStringLiteral("depends on rule 2 of DOCKER-USER (uses set holes, which was not read)"));
}

QTEST_GUILESS_MAIN(TestPacketTracer)
#include "tst_packettracer.moc"

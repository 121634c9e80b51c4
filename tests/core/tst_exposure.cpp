// Exposure: packet classes per published port, checked on Docker's layouts and against
// PacketTracer for random packets (the union it prints must be exactly the packets that pass).

#include "evalfixtures.h"
#include "exposure.h"
#include "packettracer.h"

#include <QRandomGenerator>
#include <QTest>

using namespace Userchain;

class TestExposure : public QObject
{
    Q_OBJECT

private slots:
    void entries_data();
    void entries();
    void agreesWithTracer_data();
    void agreesWithTracer();
    void rangeText_data();
    void rangeText();
};

namespace {

QStringList describe(const QVector<ExposureEntry> &entries, Family family)
{
    QStringList out;
    for (const ExposureEntry &e : entries)
        out << QStringLiteral("%1 %2%3 %4")
                   .arg(Exposure::rangeText(e.sources, family), e.inInterface,
                        e.except.isEmpty() ? QString()
                                           : QStringLiteral(" except ") + e.except.join(','),
                        e.decision.kind == VerdictKind::Unknown
                            ? e.decision.dependsOn
                            : QStringLiteral("%1 %2").arg(e.decision.chain).arg(e.decision.rule));
    return out;
}

bool covers(const ExposureEntry &e, const IpAddress &src, const QString &iface)
{
    if (!e.sources.contains(src))
        return false;
    if (e.inInterface != QLatin1String("any") && !interfaceMatches(e.inInterface, iface))
        return false;
    for (const QString &x : e.except)
        if (interfaceMatches(x, iface))
            return false;
    return true;
}

const QString D29 = QStringLiteral("docker-moby/docker29.7.2-usernet-portmap.v4.rules");
const QString V6 = QStringLiteral("docker-moby/docker29.7.2-composed-portmap.v6.rules");

} // namespace

void TestExposure::entries_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<int>("family");
    QTest::addColumn<QStringList>("user");
    QTest::addColumn<QStringList>("reachable");
    QTest::addColumn<QStringList>("undecided");

    QTest::newRow("no user rules")
        << D29 << 4 << QStringList{} << QStringList{"0.0.0.0/0 any except bridge1 DOCKER 1"}
        << QStringList{};
    QTest::newRow("one subnet on eth0")
        << D29 << 4 << QStringList{"-i eth0 ! -s 10.0.0.0/8 -j DROP"}
        << QStringList{"0.0.0.0-9.255.255.255 any except bridge1,eth0 DOCKER 1",
                       "10.0.0.0/8 any except bridge1 DOCKER 1",
                       "11.0.0.0-255.255.255.255 any except bridge1,eth0 DOCKER 1"}
        << QStringList{};
    QTest::newRow("range and wildcard")
        << D29 << 4
        << QStringList{"-m iprange --src-range 192.168.1.10-192.168.1.20 -i wl+ -j ACCEPT",
                       "-j DROP"}
        << QStringList{"192.168.1.10-192.168.1.20 wl+ DOCKER-USER 1"} << QStringList{};
    QTest::newRow("limit leaves cells undecided")
        << D29 << 4
        << QStringList{"-s 203.0.113.0/24 -m limit --limit 1/sec -j RETURN",
                       "-s 203.0.113.0/24 -j DROP"}
        << QStringList{"0.0.0.0-203.0.112.255 any except bridge1 DOCKER 1",
                       "203.0.114.0-255.255.255.255 any except bridge1 DOCKER 1"}
        << QStringList{"203.0.113.0/24 any depends on rule 1 of DOCKER-USER (uses limit)"};
    QTest::newRow("v6 prefix") << V6 << 6 << QStringList{"! -s 2001:db8::/32 -j DROP"}
                               << QStringList{"2001:db8::/32 any except br-dummy DOCKER 1"}
                               << QStringList{};
}

void TestExposure::entries()
{
    QFETCH(QString, fixture);
    QFETCH(int, family);
    QFETCH(QStringList, user);
    QFETCH(QStringList, reachable);
    QFETCH(QStringList, undecided);
    const Family fam = family == 6 ? Family::IPv6 : Family::IPv4;
    const auto rs = loadFixture(fixture, user, fam);
    QVERIFY(rs);
    const QVector<PortExposure> ports = Exposure::compute(*rs);
    QCOMPARE(ports.size(), 1);
    QCOMPARE(describe(ports[0].reachable, fam), reachable);
    // Undecided cells are listed per interface class; the class "any" stands for the rest.
    QStringList gotUndecided;
    for (const QString &u : describe(ports[0].undecided, fam))
        if (u.contains(QLatin1String(" any ")))
            gotUndecided << u;
    QCOMPARE(gotUndecided, undecided);
}

void TestExposure::agreesWithTracer_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<int>("family");
    QTest::newRow("20.10")
        << "docker-20.10/docker20.10-legacy-user-rules-after-restart.legacy.v4.rules" << 4;
    QTest::newRow("29") << D29 << 4;
    QTest::newRow("v6") << V6 << 6;
}

void TestExposure::agreesWithTracer()
{
    QFETCH(QString, fixture);
    QFETCH(int, family);
    const Family fam = family == 6 ? Family::IPv6 : Family::IPv4;
    QRandomGenerator rng(12345);
    const QStringList ifaces = {"eth0", "eth1", "wlan0", "bridge1", "docker0", "br-dummy", "x"};
    auto randomAddress = [&]() {
        // Near the prefixes the rules use, so that boundaries are hit.
        const quint64 base =
            fam == Family::IPv4 ? 0x0a000000ULL + (quint64(rng.bounded(3)) << 16) : 0;
        return fam == Family::IPv4
                   ? IpAddress{0, base + rng.bounded(512)}
                   : IpAddress{0x20010db800000000ULL + rng.bounded(3), quint64(rng.bounded(512))};
    };
    auto net = [&]() {
        const IpAddress a = randomAddress();
        const int prefix =
            fam == Family::IPv4 ? 22 + int(rng.bounded(11)) : 118 + int(rng.bounded(11));
        return IpNetwork::parse(a.toString(fam) + QLatin1Char('/') + QString::number(prefix), fam)
                   ->addr.toString(fam) +
               QLatin1Char('/') + QString::number(prefix);
    };
    for (int round = 0; round < 20; ++round) {
        QStringList user;
        for (int i = 0; i < 6; ++i) {
            QStringList parts;
            if (rng.bounded(2))
                parts << (rng.bounded(4) ? "" : "! ") + QStringLiteral("-s ") + net();
            if (rng.bounded(3) == 0)
                parts << (rng.bounded(3) ? "" : "! ") + QStringLiteral("-i ") +
                             ifaces[rng.bounded(3)].left(rng.bounded(2) ? 10 : 3) +
                             (rng.bounded(2) ? "" : "+");
            if (rng.bounded(4) == 0) {
                IpAddress a = randomAddress(), b = randomAddress();
                if (b < a)
                    std::swap(a, b);
                parts << QStringLiteral("-m iprange --src-range %1-%2")
                             .arg(a.toString(fam), b.toString(fam));
            }
            if (rng.bounded(4) == 0)
                parts << QStringLiteral("-p tcp -m tcp --dport %1").arg(rng.bounded(2) ? 80 : 8080);
            static const char *targets[] = {"RETURN", "ACCEPT", "DROP", "REJECT"};
            parts << QStringLiteral("-j ") + targets[rng.bounded(4)];
            user << parts.join(' ');
        }
        const auto rs = loadFixture(fixture, user, fam);
        QVERIFY(rs);
        for (const PortExposure &pe : Exposure::compute(*rs)) {
            for (int n = 0; n < 200; ++n) {
                Packet p;
                p.family = fam;
                p.inInterface = ifaces[rng.bounded(int(ifaces.size()))];
                p.src = randomAddress();
                p.dst = pe.port.hostAddress;
                p.protocol = pe.port.protocol;
                p.dport = pe.port.hostPorts.first;
                const Trace t = PacketTracer::trace(*rs, p);
                const bool here = t.dnatAddress && *t.dnatAddress == pe.port.containerAddress;
                const bool reaches = here && t.verdict.kind == VerdictKind::Accept;
                const bool undecided = t.verdict.kind == VerdictKind::Unknown;
                bool inReachable = false, inUndecided = false;
                for (const ExposureEntry &e : pe.reachable)
                    inReachable = inReachable || covers(e, p.src, p.inInterface);
                for (const ExposureEntry &e : pe.undecided)
                    inUndecided = inUndecided || covers(e, p.src, p.inInterface);
                const QString what = QStringLiteral("%1 on %2 to %3: trace %4 %5 %6; rules:\n%7")
                                         .arg(p.src.toString(fam), p.inInterface)
                                         .arg(pe.port.hostPorts.first)
                                         .arg(Verdict::kindName(t.verdict.kind), t.verdict.chain)
                                         .arg(t.verdict.rule)
                                         .arg(user.join('\n'));
                QVERIFY2(inReachable == reaches, qPrintable(what));
                if (undecided)
                    QVERIFY2(inUndecided, qPrintable(what));
            }
        }
    }
}

void TestExposure::rangeText_data()
{
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("last");
    QTest::addColumn<int>("family");
    QTest::addColumn<QString>("text");
    QTest::newRow("address") << "10.0.0.1"
                             << "10.0.0.1" << 4 << "10.0.0.1";
    QTest::newRow("cidr") << "10.0.0.0"
                          << "10.0.255.255" << 4 << "10.0.0.0/16";
    QTest::newRow("all") << "0.0.0.0"
                         << "255.255.255.255" << 4 << "0.0.0.0/0";
    QTest::newRow("range") << "10.0.0.1"
                           << "10.0.0.9" << 4 << "10.0.0.1-10.0.0.9";
    QTest::newRow("v6 cidr") << "2001:db8::"
                             << "2001:db8:ffff:ffff:ffff:ffff:ffff:ffff" << 6 << "2001:db8::/32";
    QTest::newRow("v6 all") << "::"
                            << "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff" << 6 << "::/0";
}

void TestExposure::rangeText()
{
    QFETCH(QString, first);
    QFETCH(QString, last);
    QFETCH(int, family);
    QFETCH(QString, text);
    const Family fam = family == 6 ? Family::IPv6 : Family::IPv4;
    QCOMPARE(
        Exposure::rangeText({*IpAddress::parse(first, fam), *IpAddress::parse(last, fam)}, fam),
        text);
}

QTEST_GUILESS_MAIN(TestExposure)
#include "tst_exposure.moc"

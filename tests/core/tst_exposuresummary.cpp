// ExposureSummary: the words the Exposure view, the apply review and the wizards use for a
// published port's exposure, on the real dockerd captures.

#include "evalfixtures.h"
#include "exposuresummary.h"

#include <QTest>

using namespace Userchain;

class TestExposureSummary : public QObject
{
    Q_OBJECT

private slots:
    void text_data();
    void text();
    void changes();
    void blockers();
    void portAndContainer();
};

namespace {
const QString D29 = QStringLiteral("docker-moby/docker29.7.2-usernet-portmap.v4.rules");
const QString V6 = QStringLiteral("docker-moby/docker29.7.2-composed-portmap.v6.rules");

ExposureSummary summaryOf(const QString &fixture, Family family, const QStringList &user)
{
    const auto rs = loadFixture(fixture, user, family);
    if (!rs)
        return {};
    const QVector<PortExposure> ports = Exposure::compute(*rs);
    if (ports.size() != 1) {
        qWarning() << "expected one published port, got" << ports.size();
        return {};
    }
    return ExposureSummary::of(ports.first(), family, rs->bridges());
}
} // namespace

void TestExposureSummary::text_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<int>("family");
    QTest::addColumn<QStringList>("user");
    QTest::addColumn<int>("reach");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("firstRule");

    using R = ExposureSummary::Reach;
    QTest::newRow("no rules: anyone")
        << D29 << 4 << QStringList{} << int(R::Anyone) << "anyone, any interface"
        << "DOCKER rule 1";
    QTest::newRow("drop all: nobody")
        << D29 << 4 << QStringList{"-j DROP"} << int(R::Nobody) << "nobody" << QString();
    QTest::newRow("only from, on one interface (the wizard's rules)")
        << D29 << 4
        << QStringList{"-s 10.11.11.0/24 -i eth0 -j RETURN", "-i eth0 -j DROP", "-j DROP"}
        << int(R::Some) << "only 10.11.11.0/24 on eth0"
        << "DOCKER rule 1";
    QTest::newRow("restricted on eth0, open elsewhere")
        << D29 << 4 << QStringList{"-i eth0 ! -s 10.0.0.0/8 -j DROP"} << int(R::Some)
        << "10.0.0.0/8 on eth0; anyone on other interfaces"
        << "DOCKER rule 1";
    QTest::newRow("two sources, any interface")
        << D29 << 4
        << QStringList{"-s 192.0.2.7/32 -j RETURN", "-s 198.51.100.0/24 -j RETURN", "-j DROP"}
        << int(R::Some) << "only 192.0.2.7, 198.51.100.0/24"
        << "DOCKER rule 1";
    QTest::newRow("range on a wildcard")
        << D29 << 4
        << QStringList{"-m iprange --src-range 192.168.1.10-192.168.1.20 -i wl+ -j ACCEPT",
                       "-j DROP"}
        << int(R::Some) << "only 192.168.1.10-192.168.1.20 on wl+"
        << "DOCKER-USER rule 1";
    QTest::newRow("limit: depends")
        << D29 << 4
        << QStringList{"-s 203.0.113.0/24 -m limit --limit 1/sec -j RETURN",
                       "-s 203.0.113.0/24 -j DROP"}
        << int(R::Depends)
        << "anyone except 203.0.113.0/24; the rest depends on rule 1 of DOCKER-USER (uses limit)"
        << "DOCKER rule 1";
    QTest::newRow("everyone but one network, said so")
        << D29 << 4 << QStringList{"-s 192.0.2.0/24 -j DROP"} << int(R::Some)
        << "anyone except 192.0.2.0/24"
        << "DOCKER rule 1";
    QTest::newRow("IPv6 prefix") << V6 << 6 << QStringList{"! -s 2001:db8::/32 -j DROP"}
                                 << int(R::Some) << "only 2001:db8::/32"
                                 << "DOCKER rule 1";
}

void TestExposureSummary::text()
{
    QFETCH(QString, fixture);
    QFETCH(int, family);
    QFETCH(QStringList, user);
    QFETCH(int, reach);
    QFETCH(QString, text);
    QFETCH(QString, firstRule);
    const ExposureSummary s = summaryOf(fixture, family == 6 ? Family::IPv6 : Family::IPv4, user);
    QCOMPARE(s.text, text);
    QCOMPARE(int(s.reach), reach);
    QVERIFY(!s.parts.isEmpty() || s.reach == ExposureSummary::Reach::Nobody);
    QCOMPARE(s.rules.isEmpty() ? QString() : ExposureSummary::ruleName(s.rules.first()), firstRule);
}

void TestExposureSummary::changes()
{
    const auto before = loadFixture(D29, {}, Family::IPv4);
    const auto after = loadFixture(
        D29, {"-s 10.11.11.0/24 -i eth0 -j RETURN", "-i eth0 -j DROP", "-j DROP"}, Family::IPv4);
    QVERIFY(before && after);
    const auto ports = Exposure::compute(*before);
    QCOMPARE(ports.size(), 1);
    const QString port = ExposureSummary::portText(ports.first().port, Family::IPv4);
    QCOMPARE(
        ExposureSummary::changes(ports, Exposure::compute(*after), Family::IPv4, after->bridges()),
        QStringList{port + QStringLiteral(": anyone, any interface → only 10.11.11.0/24 "
                                          "on eth0")});
    // No change, no line.
    QCOMPARE(ExposureSummary::changes(ports, ports, Family::IPv4, before->bridges()),
             QStringList{});
    // A port published by the new rules is named as such.
    QCOMPARE(ExposureSummary::changes({}, ports, Family::IPv4, before->bridges()),
             QStringList{port + QStringLiteral(": anyone, any interface (newly published)")});
}

void TestExposureSummary::blockers()
{
    // The wizard's "only from": the DROPs that keep the rest out are named, the user's first.
    const ExposureSummary s = summaryOf(
        D29, Family::IPv4, {"-s 10.11.11.0/24 -i eth0 -j RETURN", "-i eth0 -j DROP", "-j DROP"});
    QStringList names;
    for (const DecidingRule &r : s.blockers)
        names << ExposureSummary::ruleName(r);
    QCOMPARE(names.mid(0, 2), (QStringList{"DOCKER-USER rule 2", "DOCKER-USER rule 3"}));
    QCOMPARE(s.blockers.first().text, QStringLiteral("-i eth0 -j DROP"));
    // Nothing dropped by the user's rules: none of theirs is named.
    for (const DecidingRule &r : summaryOf(D29, Family::IPv4, {}).blockers)
        QVERIFY(r.chain != QLatin1String("DOCKER-USER"));
}

void TestExposureSummary::portAndContainer()
{
    PublishedPort p;
    p.protocol = 17;
    p.hostPorts = {8000, 8010};
    p.hostAddress = IpAddress::parse(QStringLiteral("::1"), Family::IPv6);
    p.containerAddress = *IpAddress::parse(QStringLiteral("fd00::2"), Family::IPv6);
    p.containerPort = 80;
    QCOMPARE(ExposureSummary::portText(p, Family::IPv6), QStringLiteral("[::1]:8000-8010/udp"));
    QCOMPARE(ExposureSummary::containerText(p, Family::IPv6), QStringLiteral("[fd00::2]:80"));
    p.containerName = QStringLiteral("web");
    QCOMPARE(ExposureSummary::containerText(p, Family::IPv6), QStringLiteral("web ([fd00::2]:80)"));
    QCOMPARE(ExposureSummary::ruleName({"filter", "FORWARD", 0, {}}),
             QStringLiteral("FORWARD policy"));
    QCOMPARE(ExposureSummary::ruleName({"nat", "DOCKER", 2, {}}),
             QStringLiteral("nat DOCKER rule 2"));
}

QTEST_GUILESS_MAIN(TestExposureSummary)
#include "tst_exposuresummary.moc"

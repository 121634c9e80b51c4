// RuleLints on the real dockerd captures (Docker 20.10) and Docker 28/29's layouts: each lint
// where it is true, none where it would be a guess (the wizards' "only from" rules, a rule kept
// verbatim or undecidable above, another interface named, a routed network without DNAT).
#include "evalfixtures.h"
#include "rulelints.h"

#include <QTest>

using namespace Userchain;

class TestRuleLints : public QObject
{
    Q_OBJECT

private slots:
    void lints_data();
    void lints();
    void fixesRemoveTheLint_data() { lints_data(); }
    void fixesRemoveTheLint();
    void reasonsNameTheRules();
    void runningContainers_data();
    void runningContainers();
    void runningContainersFixesRemoveTheLint_data() { runningContainers_data(); }
    void runningContainersFixesRemoveTheLint();
    void snapshotCarriesContainersAndSets();
};

namespace {

const QString D20 =
    QStringLiteral("docker-20.10/docker20.10-legacy-with-containers.legacy.v4.rules");
const QString D20Fresh = QStringLiteral("docker-20.10/docker20.10-legacy-fresh.legacy.v4.rules");
const QString D29 = QStringLiteral("docker-moby/docker29.7.2-usernet-portmap.v4.rules");
const QString Routed = QStringLiteral("docker-moby/docker28.5.2-usernet-portmap-routed.v4.rules");
const QString Internal = QStringLiteral("docker-moby/docker28.5.2-usernet-internal.v4.rules");
const QString V6 = QStringLiteral("docker-moby/docker29.7.2-composed-portmap.v6.rules");

QString code(RuleLint::Kind kind)
{
    switch (kind) {
    case RuleLint::Kind::NeverMatches:
        return QStringLiteral("never");
    case RuleLint::Kind::Redundant:
        return QStringLiteral("redundant");
    case RuleLint::Kind::DnatPort:
        return QStringLiteral("dnat");
    case RuleLint::Kind::AcceptSkipsDocker:
        return QStringLiteral("accept");
    case RuleLint::Kind::DropsReplies:
        return QStringLiteral("replies");
    case RuleLint::Kind::UnknownContainer:
        return QStringLiteral("container");
    }
    return QString();
}

/// "2 redundant -> (delete)", "1 accept -> -s 10.0.0.0/8 -j RETURN", "2 never".
QStringList describe(const QVector<RuleLint> &lints)
{
    QStringList out;
    for (const RuleLint &l : lints) {
        QString text = QStringLiteral("%1 %2").arg(l.rule + 1).arg(code(l.kind));
        if (l.hasFix)
            text += QStringLiteral(" -> ") + (l.fix.isEmpty() ? QStringLiteral("(delete)")
                                                              : l.fix.join(QStringLiteral(" | ")));
        out << text;
    }
    return out;
}

/// "web bridge 172.17.0.2/16 172.17.0.1": name, network, address/prefix, gateway (or "-").
QVector<RunningContainer> containersOf(const QStringList &specs, Family family)
{
    QVector<RunningContainer> out;
    for (const QString &spec : specs) {
        const QStringList f = spec.split(QLatin1Char(' '));
        const auto net = IpNetwork::parse(f.value(2), family);
        const auto address = IpAddress::parse(f.value(2).section(QLatin1Char('/'), 0, 0), family);
        if (f.size() != 4 || !net || !address)
            qFatal("bad container row: %s", qPrintable(spec));
        RunningContainer c{f.at(0), f.at(1), *address, net->prefix, std::nullopt};
        if (f.at(3) != QLatin1String("-"))
            c.gateway = IpAddress::parse(f.at(3), family);
        out.append(c);
    }
    return out;
}

/// The fixture with `rules` in DOCKER-USER and, when `known`, these running containers.
std::optional<Ruleset> withContainers(const QString &fixture, const QStringList &rules,
                                      Family family, bool known, const QStringList &containers)
{
    auto rs = loadFixture(fixture, rules, family);
    if (rs && known)
        rs->setRunningContainers(containersOf(containers, family));
    return rs;
}

} // namespace

void TestRuleLints::lints_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<int>("family");
    QTest::addColumn<QStringList>("rules");
    QTest::addColumn<QStringList>("expected");
    auto row = [](const char *name, const QString &fixture, const QStringList &rules,
                  const QStringList &expected, int family = 4) {
        QTest::newRow(name) << fixture << family << rules << expected;
    };
    const QString orig8080 = QStringLiteral("-p tcp -m conntrack --ctorigdstport 8080");

    // Docker 20.10: 8080 -> 172.17.0.2:80 (docker0), 127.0.0.1:8081 -> 172.18.0.2:80,
    // udp 5353 -> 172.18.0.2:53.
    row("20.10 empty", D20, {}, {});
    row("20.10 Docker's RETURN", D20, {"-j RETURN"}, {});
    row("dport on the published host port", D20, {"-p tcp -m tcp --dport 8080 -j DROP"},
        {"1 dnat -> " + orig8080 + " --ctdir ORIGINAL -j DROP"});
    row("dport on the container port", D20, {"-i eth0 -p tcp -m tcp --dport 80 -j DROP"},
        {"1 dnat -> -i eth0 " + orig8080 + " --ctdir ORIGINAL -j DROP"});
    row("sport on the published host port", D20, {"-p tcp -m tcp --sport 8080 -j ACCEPT"},
        {"1 dnat -> " + orig8080 + " --ctdir REPLY -j ACCEPT",
         "1 accept -> -p tcp -m tcp --sport 8080 -j RETURN"});
    row("udp dport on the container port", D20, {"-p udp -m udp --dport 53 -j DROP"},
        {"1 dnat -> -p udp -m conntrack --ctorigdstport 5353 --ctdir ORIGINAL -j DROP"});
    row("dport on a port nobody publishes", D20, {"-p tcp -m tcp --dport 22 -j DROP"}, {});
    row("dport with conntrack's port as well", D20,
        {"-p tcp -m tcp --dport 8080 -m conntrack --ctorigdstport 8080 -j DROP"}, {});
    row("dport from a container's bridge", D20, {"-i docker0 -p tcp -m tcp --dport 8080 -j DROP"},
        {});
    row("dport on a port published on loopback only", D20, {"-p tcp -m tcp --dport 8081 -j DROP"},
        {});
    row("wizard: published port only from", D20,
        {"-s 10.0.0.0/8 " + orig8080 + " --ctdir ORIGINAL -j RETURN",
         orig8080 + " --ctdir ORIGINAL -j DROP", "-j RETURN"},
        {});
    row("only from without --ctdir", D20,
        {"-s 10.0.0.0/8 -i eth0 " + orig8080 + " -j RETURN", "-i eth0 " + orig8080 + " -j DROP",
         "-j RETURN"},
        {"2 replies -> -i eth0 " + orig8080 + " --ctdir ORIGINAL -j DROP"});
    row("Docker's example drops replies", D20, {"! -s 192.168.1.1/32 -i eth0 -j DROP", "-j RETURN"},
        {"1 replies -> ! -s 192.168.1.1/32 -i eth0 -m conntrack --ctdir ORIGINAL -j DROP"});
    row("drops replies, no container published", D20Fresh, {"-i eth0 -j DROP"},
        {"1 replies -> -i eth0 -m conntrack --ctdir ORIGINAL -j DROP"});
    row("replies let through above", D20,
        {"-i eth0 -m conntrack --ctstate RELATED,ESTABLISHED -j RETURN",
         "! -s 192.168.1.1/32 -i eth0 -j DROP"},
        {});
    row("another interface named above", D20,
        {"-i eth1 -m conntrack --ctstate RELATED,ESTABLISHED -j RETURN",
         "! -s 192.168.1.1/32 -i eth0 -j DROP"},
        {});
    row("undecidable rule above", D20,
        {"-i eth0 -m limit --limit 5/min -j RETURN", "! -s 192.168.1.1/32 -i eth0 -j DROP"}, {});
    row("blocking a network", D20, {"-s 203.0.113.0/24 -j DROP"}, {});
    row("DROP with --ctdir ORIGINAL", D20,
        {"! -s 192.168.1.1/32 -i eth0 -m conntrack --ctdir ORIGINAL -j DROP"}, {});
    // Exactly what the wizards write (tst_gui_wizards drives them): the "only" wizards keep
    // replies by default; unticked, they write Docker's example, which drops them.
    const QString ctdirDrop = QStringLiteral("-m conntrack --ctdir ORIGINAL -j DROP");
    const QString range =
        QStringLiteral("-i eth0 -m iprange ! --src-range 192.168.1.1-192.168.1.3");
    row("wizard: only one IP keeps replies", D20,
        {"! -s 192.168.1.1/32 -i eth0 " + ctdirDrop, "-j RETURN"}, {});
    row("wizard: only a subnet keeps replies", D20,
        {"! -s 192.168.1.0/24 -i eth0 " + ctdirDrop, "-j RETURN"}, {});
    row("wizard: only a range keeps replies", D20, {range + " " + ctdirDrop, "-j RETURN"}, {});
    row("wizard: only a range to containers keeps replies", D20,
        {range + " --dst-range 172.17.0.2-172.17.0.9 " + ctdirDrop, "-j RETURN"}, {});
    row("Docker's range example drops replies", D20, {range + " -j DROP", "-j RETURN"},
        {"1 replies -> " + range + " " + ctdirDrop});
    row("wizard: published port only from, on eth0", D20,
        {"-s 10.11.11.0/24 -i eth0 " + orig8080 + " --ctdir ORIGINAL -j RETURN",
         "-i eth0 " + orig8080 + " --ctdir ORIGINAL -j DROP", "-j RETURN"},
        {});
    row("wizard: recommended policy", D20,
        {"-i eth0 -m conntrack --ctstate RELATED,ESTABLISHED -j RETURN",
         "-i eth0 -p tcp -m conntrack --ctorigdstport 80 --ctdir ORIGINAL -j RETURN",
         "-i eth0 -p tcp -m conntrack --ctorigdstport 443 --ctdir ORIGINAL -j RETURN",
         "-s 192.0.2.0/24 -i eth0 " + orig8080 + " --ctdir ORIGINAL -j RETURN",
         "-s 198.51.100.0/24 -i eth0 " + orig8080 + " --ctdir ORIGINAL -j RETURN",
         "-i eth0 -j DROP", "-j RETURN"},
        {});
    row("recommended policy without its RELATED,ESTABLISHED", D20,
        {"-i eth0 -p tcp -m conntrack --ctorigdstport 80 --ctdir ORIGINAL -j RETURN",
         "-i eth0 -j DROP", "-j RETURN"},
        {"2 replies -> -i eth0 " + ctdirDrop});
    row("DROP of everything drops the way out too", D20, {"-j DROP", "-j RETURN"}, {"2 never"});
    row("ACCEPT", D20, {"-s 10.0.0.0/8 -j ACCEPT"}, {"1 accept -> -s 10.0.0.0/8 -j RETURN"});
    row("never matches", D20, {"-i eth0 -j DROP", "-s 10.0.0.0/8 -i eth0 -j RETURN"},
        {"1 replies -> -i eth0 -m conntrack --ctdir ORIGINAL -j DROP", "2 never"});
    row("redundant", D20, {"-s 10.0.0.0/8 -j DROP", "-s 10.1.0.0/16 -j DROP"},
        {"2 redundant -> (delete)"});
    row("exact duplicate", D20, {"-s 10.0.0.0/8 -j RETURN", "-s 10.0.0.0/8 -j RETURN"},
        {"2 redundant -> (delete)"});
    row("two LOG rules both log", D20, {"-j LOG", "-j LOG"}, {});
    row("other verdict on a narrower rule", D20,
        {"-s 10.0.0.0/8 -j RETURN", "-s 10.1.0.0/16 -j DROP"}, {"2 never"});
    row("a wider rule below", D20, {"-s 10.1.0.0/16 -j DROP", "-s 10.0.0.0/8 -j RETURN"}, {});
    row("unknown container address", D20, {"-d 172.17.0.5/32 -p tcp -m tcp --dport 80 -j RETURN"},
        {"1 container -> -d 172.17.0.2/32 -p tcp -m tcp --dport 80 -j RETURN"});
    row("known container address", D20, {"-d 172.17.0.2/32 -p tcp -m tcp --dport 80 -j RETURN"},
        {});
    row("container address alone", D20, {"-d 172.17.0.5/32 -j DROP"}, {});
    row("container address, unpublished port", D20,
        {"-d 172.17.0.5/32 -p tcp -m tcp --dport 5432 -j RETURN"}, {});

    // Docker 29: 8080 -> 192.0.2.2:80 on bridge1; docker0 masqueraded, no container published.
    row("29 dport on the published host port", D29, {"-p tcp -m tcp --dport 8080 -j DROP"},
        {"1 dnat -> " + orig8080 + " --ctdir ORIGINAL -j DROP"});
    row("29 restriction drops replies", D29, {"! -s 10.0.0.0/8 -i eth0 -j DROP"},
        {"1 replies -> ! -s 10.0.0.0/8 -i eth0 -m conntrack --ctdir ORIGINAL -j DROP"});
    row("29 recommended policy", D29,
        {"-i eth0 -m conntrack --ctstate RELATED,ESTABLISHED -j RETURN",
         "-i eth0 " + orig8080 + " --ctdir ORIGINAL -j RETURN", "-i eth0 -j DROP", "-j RETURN"},
        {});
    row("29 unknown container address", D29, {"-d 192.0.2.9/32 -p tcp -m tcp --dport 80 -j RETURN"},
        {"1 container -> -d 192.0.2.2/32 -p tcp -m tcp --dport 80 -j RETURN"});
    row("28 routed: no DNAT, --dport is right", Routed, {"-p tcp -m tcp --dport 80 -j DROP"}, {});
    row("28 internal network: not a bridge Docker routes", Internal,
        {"! -s 10.0.0.0/8 -o bridgeNoICC -j DROP"}, {});

    // IPv6: 8080 -> [fd49:efd7:54aa::1]:80 on br-dummy.
    row("v6 dport on the published host port", V6, {"-p tcp -m tcp --dport 8080 -j DROP"},
        {"1 dnat -> " + orig8080 + " --ctdir ORIGINAL -j DROP"}, 6);
    row("v6 restriction drops replies", V6, {"! -s 2001:db8::/32 -i eth0 -j DROP"},
        {"1 replies -> ! -s 2001:db8::/32 -i eth0 -m conntrack --ctdir ORIGINAL -j DROP"}, 6);
    row("v6 wizard: only a prefix keeps replies", V6,
        {"! -s 2001:db8::/32 -i eth0 -m conntrack --ctdir ORIGINAL -j DROP"}, {}, 6);
    row("v6 wizard: recommended policy", V6,
        {"-i eth0 -m conntrack --ctstate RELATED,ESTABLISHED -j RETURN",
         "-i eth0 " + orig8080 + " --ctdir ORIGINAL -j RETURN",
         "-s 2001:db8:1::/48 -i eth0 -p tcp -m conntrack --ctorigdstport 443 --ctdir ORIGINAL "
         "-j RETURN",
         "-i eth0 -j DROP", "-j RETURN"},
        {}, 6);
    row("v6 ACCEPT", V6, {"-p ipv6-icmp -j ACCEPT"}, {"1 accept -> -p ipv6-icmp -j RETURN"}, 6);
}

void TestRuleLints::lints()
{
    QFETCH(QString, fixture);
    QFETCH(int, family);
    QFETCH(QStringList, rules);
    QFETCH(QStringList, expected);
    const auto rs = loadFixture(fixture, rules, family == 6 ? Family::IPv6 : Family::IPv4);
    QVERIFY(rs);
    const QVector<RuleLint> lints = RuleLints::compute(*rs);
    QCOMPARE(describe(lints), expected);
    for (const RuleLint &l : lints) {
        QVERIFY(!l.summary.isEmpty());
        QVERIFY(!l.reason.isEmpty());
        QCOMPARE(l.spec, rs->chain("filter", "DOCKER-USER")->rules.at(l.rule).text);
        QCOMPARE(l.hasFix, !l.fixSummary.isEmpty());
    }
}

void TestRuleLints::fixesRemoveTheLint()
{
    QFETCH(QString, fixture);
    QFETCH(int, family);
    QFETCH(QStringList, rules);
    const Family fam = family == 6 ? Family::IPv6 : Family::IPv4;
    const auto rs = loadFixture(fixture, rules, fam);
    QVERIFY(rs);
    for (const RuleLint &l : RuleLints::compute(*rs)) {
        if (!l.hasFix)
            continue;
        QStringList fixed;
        for (const RulesetRule &r : rs->chain("filter", "DOCKER-USER")->rules)
            fixed << r.text;
        fixed.removeAt(l.rule);
        for (int i = 0; i < l.fix.size(); ++i)
            fixed.insert(l.rule + i, l.fix.at(i));
        const auto after = loadFixture(fixture, fixed, fam);
        QVERIFY(after);
        for (const RuleLint &m : RuleLints::compute(*after)) {
            const bool fromFix = m.rule >= l.rule && m.rule < l.rule + l.fix.size();
            QVERIFY2(!(fromFix && m.kind == l.kind),
                     qPrintable(QStringLiteral("%1 still has: %2").arg(m.spec, m.reason)));
        }
    }
}

void TestRuleLints::reasonsNameTheRules()
{
    const auto rs = loadFixture(
        D20, {"-i eth0 -j DROP", "-s 10.0.0.0/8 -i eth0 -j RETURN", "-s 10.0.0.0/8 -j ACCEPT"},
        Family::IPv4);
    QVERIFY(rs);
    const QVector<RuleLint> lints = RuleLints::compute(*rs);
    QCOMPARE(lints.size(), 3);
    QCOMPARE(lints.at(1).kind, RuleLint::Kind::NeverMatches);
    QCOMPARE(lints.at(1).involved, QVector<int>{0});
    QVERIFY2(lints.at(1).reason.contains("rule 1 (-i eth0 -j DROP)"),
             qPrintable(lints.at(1).reason));
    QCOMPARE(RuleLints::line(lints.at(2)),
             QStringLiteral("rule 3: ACCEPT skips Docker's checks — use RETURN instead of ACCEPT"));
    // The example reply names the published container and a public address.
    QVERIFY2(lints.at(0).reason.contains("172.17.0.2") &&
                 lints.at(0).reason.contains("203.0.113.10 port 443"),
             qPrintable(lints.at(0).reason));
}

void TestRuleLints::runningContainers_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<int>("family");
    QTest::addColumn<bool>("known");
    QTest::addColumn<QStringList>("containers");
    QTest::addColumn<QStringList>("rules");
    QTest::addColumn<QStringList>("expected");
    // Docker 20.10's capture: docker0 172.17.0.0/16 (web publishes 8080 -> 80), br-8bf3e4c2c08c
    // 172.18.0.0/16 (db publishes 127.0.0.1:8081 and 5353/udp); cache publishes nothing, so
    // Docker's rules do not name it.
    const QStringList running = {"web bridge 172.17.0.2/16 172.17.0.1",
                                 "cache bridge 172.17.0.3/16 172.17.0.1",
                                 "db backend 172.18.0.2/16 172.18.0.1"};
    auto row = [&](const char *name, const QStringList &rules, const QStringList &expected,
                   bool known = true) {
        QTest::newRow(name) << D20 << 4 << known << running << rules << expected;
    };
    row("unused address on docker0", {"-d 172.17.0.9/32 -j DROP"}, {"1 container"});
    row("unused address, no mask written", {"-d 172.17.0.9 -j DROP"}, {"1 container"});
    row("unused address on a user network", {"-d 172.18.0.7/32 -j RETURN"}, {"1 container"});
    row("unused original destination", {"-m conntrack --ctorigdst 172.17.0.9 -j DROP"},
        {"1 container"});
    row("a running container Docker's rules do not name", {"-d 172.17.0.3/32 -j DROP"}, {});
    row("a container that publishes ports",
        {"-d 172.17.0.2/32 -m conntrack --ctdir ORIGINAL -j DROP"}, {});
    row("the network's gateway", {"-d 172.17.0.1/32 -j DROP"}, {});
    row("outside Docker's networks", {"-d 203.0.113.9/32 -j DROP"}, {});
    row("a subnet, not one address", {"-d 172.17.0.0/24 -m conntrack --ctdir ORIGINAL -j DROP"},
        {});
    row("the comment names the container",
        {"-d 172.17.0.9/32 -m comment --comment \"cache only\" -j DROP"},
        {"1 container -> -d 172.17.0.3/32 -m comment --comment \"cache only\" -j DROP"});
    row("the comment names it in the original destination",
        {"-m conntrack --ctorigdst 172.17.0.9 -m comment --comment cache -j DROP"},
        {"1 container -> -m conntrack --ctorigdst 172.17.0.3 -m comment --comment cache -j "
         "DROP"});
    row("the comment names a container on another bridge",
        {"-d 172.17.0.9/32 -m comment --comment db -j DROP"}, {"1 container"});
    row("the comment holds the name inside a longer word",
        {"-d 172.17.0.9/32 -m comment --comment cached -j DROP"}, {"1 container"});
    row("the port is published for another container",
        {"-d 172.17.0.5/32 -p tcp -m tcp --dport 80 -j RETURN"},
        {"1 container -> -d 172.17.0.2/32 -p tcp -m tcp --dport 80 -j RETURN"});
    // Docker did not answer: only what Docker's rules prove, as without the helper.
    row("not known: an address alone", {"-d 172.17.0.9/32 -j DROP"}, {}, false);
    row("not known: a published port's other container",
        {"-d 172.17.0.5/32 -p tcp -m tcp --dport 80 -j RETURN"},
        {"1 container -> -d 172.17.0.2/32 -p tcp -m tcp --dport 80 -j RETURN"}, false);
    // IPv6: br-dummy fd49:efd7:54aa::/64, app at ::1 publishes 8080.
    const QStringList v6 = {"app mynet fd49:efd7:54aa::1/64 fd49:efd7:54aa::ffff"};
    QTest::newRow("v6 unused address")
        << V6 << 6 << true << v6 << QStringList{"-d fd49:efd7:54aa::9/128 -j DROP"}
        << QStringList{"1 container"};
    QTest::newRow("v6 the running container")
        << V6 << 6 << true << v6
        << QStringList{"-d fd49:efd7:54aa::1/128 -m conntrack --ctdir ORIGINAL -j DROP"}
        << QStringList{};
    QTest::newRow("v6 the gateway")
        << V6 << 6 << true << v6 << QStringList{"-d fd49:efd7:54aa::ffff/128 -j DROP"}
        << QStringList{};
}

// A rule naming a container address that no running container has (issue 12 item 4), from
// the running containers the helper reads from Docker; nothing more than before without them.
void TestRuleLints::runningContainers()
{
    QFETCH(QString, fixture);
    QFETCH(int, family);
    QFETCH(bool, known);
    QFETCH(QStringList, containers);
    QFETCH(QStringList, rules);
    QFETCH(QStringList, expected);
    const Family fam = family == 6 ? Family::IPv6 : Family::IPv4;
    const auto rs = withContainers(fixture, rules, fam, known, containers);
    QVERIFY(rs);
    const QVector<RuleLint> lints = RuleLints::compute(*rs);
    QCOMPARE(describe(lints), expected);
    for (const RuleLint &l : lints) {
        if (l.kind != RuleLint::Kind::UnknownContainer || !known)
            continue;
        // The reason names the address and the bridge it is on.
        const QString address = l.summary.section(QLatin1Char(' '), -1);
        const auto parsed = IpAddress::parse(address, fam);
        QVERIFY2(parsed, qPrintable(l.summary));
        QVERIFY2(l.reason.contains(address) && l.reason.contains(rs->bridgeFor(*parsed)),
                 qPrintable(l.reason));
        QVERIFY2(l.summary.startsWith(QLatin1String("no running container has ")),
                 qPrintable(l.summary));
    }
}

void TestRuleLints::runningContainersFixesRemoveTheLint()
{
    QFETCH(QString, fixture);
    QFETCH(int, family);
    QFETCH(bool, known);
    QFETCH(QStringList, containers);
    QFETCH(QStringList, rules);
    const Family fam = family == 6 ? Family::IPv6 : Family::IPv4;
    const auto rs = withContainers(fixture, rules, fam, known, containers);
    QVERIFY(rs);
    for (const RuleLint &l : RuleLints::compute(*rs)) {
        if (!l.hasFix)
            continue;
        QStringList fixed = rules;
        fixed.removeAt(l.rule);
        for (int i = 0; i < l.fix.size(); ++i)
            fixed.insert(l.rule + i, l.fix.at(i));
        const auto after = withContainers(fixture, fixed, fam, known, containers);
        QVERIFY(after);
        for (const RuleLint &m : RuleLints::compute(*after))
            QVERIFY2(m.kind != l.kind, qPrintable(m.spec + ": " + m.reason));
    }
}

// What the helper sends (running containers, set contents) reaches the evaluator through
// Ruleset::fromSnapshot; what does not add up is "not read", never read wrong.
void TestRuleLints::snapshotCarriesContainersAndSets()
{
    Snapshot snapshot;
    snapshot.family = 4;
    snapshot.chains = {{"nat",
                        "POSTROUTING",
                        "ACCEPT",
                        true,
                        false,
                        {{"-s 172.17.0.0/16 ! -o docker0 -j MASQUERADE", 0, 0, {}, {}}}},
                       {"filter",
                        "DOCKER-USER",
                        "-",
                        false,
                        true,
                        {{"-d 172.17.0.9/32 -j DROP", 0, 0, {}, {}},
                         {"-d 172.17.0.2/32 -m comment --comment web -j DROP", 0, 0, {}, {}}}}};
    snapshot.containersRead = true;
    snapshot.containers = {{"web", "bridge", "172.17.0.2", 16, "172.17.0.1"}};
    const QByteArray entries("\x0a\x00\x00\x00\x08"  // 10.0.0.0/8
                             "\xc0\x00\x02\x07\x20", // 192.0.2.7/32
                             10);
    snapshot.ipsets = {
        {"good", entries}, {"torn", entries.left(7)}, {"badprefix", "\x0a\0\0\0\x21"}};

    const Ruleset rs = Ruleset::fromSnapshot(snapshot);
    QVERIFY(rs.runningContainers());
    QCOMPARE(rs.runningContainers()->size(), 1);
    QCOMPARE(rs.runningContainers()->first().address.toString(Family::IPv4), "172.17.0.2");
    QCOMPARE(rs.runningContainerName(*IpAddress::parse("172.17.0.2", Family::IPv4)), "web");
    QVERIFY(rs.set("good"));
    QCOMPARE(rs.set("good")->size(), 2);
    QCOMPARE(rs.set("good")->at(0).prefix, 8);
    QVERIFY(rs.set("good")->at(1).contains(*IpAddress::parse("192.0.2.7", Family::IPv4)));
    QVERIFY(!rs.set("torn"));
    QVERIFY(!rs.set("badprefix"));
    QCOMPARE(describe(RuleLints::compute(rs)), QStringList{"1 container"});

    // Docker did not answer: the same rules give no such lint.
    snapshot.containersRead = false;
    QVERIFY(!Ruleset::fromSnapshot(snapshot).runningContainers());
    QCOMPARE(describe(RuleLints::compute(Ruleset::fromSnapshot(snapshot))), QStringList{});
    // One address that cannot be read makes them all unknown.
    snapshot.containersRead = true;
    snapshot.containers.append({"odd", "bridge", "not-an-address", 16, ""});
    QVERIFY(!Ruleset::fromSnapshot(snapshot).runningContainers());
}

QTEST_GUILESS_MAIN(TestRuleLints)
#include "tst_rulelints.moc"

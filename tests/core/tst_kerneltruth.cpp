// Kernel truth: PacketTracer against the real kernel. A topology of network namespaces this
// test creates (a host with Docker's chains from the real captures and the Docker 27–29
// layouts, one namespace per Docker bridge holding that bridge's container addresses, and a
// client with many source addresses on two interfaces) receives crafted packets: first packets
// (TCP SYN, UDP, ICMP echo), the containers' replies and the clients' next packets. What the
// kernel did (which packets arrived where, and every rule's counter from one
// `iptables-save -c` per ruleset) is compared with the evaluator's verdict and path. The
// DOCKER-USER rules are random over the supported matches; the seed is printed and can be
// given back with USERCHAIN_KT_SEED.

#include "packettracer.h"
#include "rawpacket.h"
#include "ruleparser.h"
#include "ruleset.h"

#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTest>
#include <unistd.h>

using namespace Userchain;

class TestKernelTruth : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void differential_data();
    void differential();
    void cleanupTestCase();

private:
    struct Bridge
    {
        QString name;
        QString ns;
        QVector<IpAddress> containers;
        IpAddress gateway;
        int prefix = 24;
        Wire::Mac hostMac{}, nsMac{};
        int fd = -1;
    };
    struct Case
    {
        Packet packet;     ///< for the evaluator
        Wire::Packet wire; ///< what is sent
        QString sendNs, sendIface;
        int bridge = -1; ///< where it is sent from (replies), -1: the client
        bool expectDelivered = false;
        int observeKey = 0; ///< the client port / echo id that identifies it on arrival
        int phase = 1;
        int first = -1; ///< the first packet of its connection (phases 2, 3)
        bool delivered = false;
        IpAddress hostDst; ///< the address the client used (the connection's orig dst)
        int hostPort = 0;
    };

    bool sh(const QString &script, QByteArray *out = nullptr, const QByteArray &input = {});
    bool buildBridges(const Ruleset &rs, Family family);
    void dropBridges();
    QString randomRule(Family family, const Ruleset &rs);
    IpAddress randomSource(Family family);
    QString clientIfaceFor(const IpAddress &src, Family family) const;
    void runBatch(const Ruleset &rs, const QByteArray &save, Family family, const QString &ipset);

    QString m_host, m_client;
    QVector<Bridge> m_bridges;
    int m_clientFd[2] = {-1, -1};
    QRandomGenerator m_rng;
    quint32 m_seed = 0;
    int m_next = 10000; ///< unique per packet: the client's source port / echo id
    int m_cases = 0, m_batches = 0, m_countedBatches = 0, m_undecided = 0;
    QStringList m_disagreements;
    QMap<QString, int> m_undecidedWhy;
};

namespace {

const Wire::Mac ClientMac[2] = {{2, 0, 0, 0, 0xc, 0}, {2, 0, 0, 0, 0xc, 1}};
const Wire::Mac HostMac[2] = {{2, 0, 0, 0, 0xd, 0}, {2, 0, 0, 0, 0xd, 1}};
const char *HostIface[2] = {"eth0", "wlan0"};

QString macText(const Wire::Mac &m)
{
    QStringList parts;
    for (unsigned char b : m)
        parts << QStringLiteral("%1").arg(b, 2, 16, QLatin1Char('0'));
    return parts.join(QLatin1Char(':'));
}

IpAddress addr(const char *text, Family family)
{
    return *IpAddress::parse(QString::fromLatin1(text), family);
}

IpAddress hostAddress(int iface, Family family)
{
    if (family == Family::IPv4)
        return addr(iface == 0 ? "10.200.0.1" : "10.201.0.1", family);
    return addr(iface == 0 ? "fd00:200::1" : "fd00:201::1", family);
}

/// Client source pools and the host interface each is routed back through.
struct Pool
{
    const char *net;
    int iface;
};
const Pool Pools4[] = {{"10.50.0.0/16", 0},
                       {"203.0.113.0/24", 1},
                       {"198.51.100.0/24", 0},
                       {"10.10.0.0/16", 0},
                       {"192.168.1.0/24", 1}};
const Pool Pools6[] = {{"2001:db8:a::/48", 0}, {"2001:db8:b::/48", 1}};
/// Host parts drawn for sources and for rule prefixes alike, so that rules hit cases.
const int HostParts[] = {1, 2, 5, 9, 10, 17, 33, 64, 100, 128, 129, 200, 254};

} // namespace

bool TestKernelTruth::sh(const QString &script, QByteArray *out, const QByteArray &input)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XTABLES_LOCKFILE"),
               QStringLiteral("/tmp/userchain-kt-xtables.lock"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral("sh"), {QStringLiteral("-ec"), script});
    if (!p.waitForStarted())
        return false;
    p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished();
        return false;
    }
    if (out)
        *out = p.readAllStandardOutput();
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        qWarning().noquote() << "script failed:" << script.left(300) << "\n"
                             << p.readAllStandardError();
        return false;
    }
    return true;
}

void TestKernelTruth::initTestCase()
{
    if (geteuid() != 0)
        QFAIL("the kernel-truth test needs root for network namespaces (run it through "
              "scripts/test)");
    bool ok = false;
    m_seed = qEnvironmentVariable("USERCHAIN_KT_SEED").toUInt(&ok);
    if (!ok)
        m_seed = QRandomGenerator::global()->generate();
    m_rng.seed(m_seed);
    qInfo("kernel truth: seed %u (USERCHAIN_KT_SEED=%u repeats this run)", m_seed, m_seed);

    const QString tag = QStringLiteral("uc-kt-%1").arg(getpid());
    m_host = tag + QStringLiteral("-h");
    m_client = tag + QStringLiteral("-c");
    // Outgoing traffic of the client's own stack (router solicitations, MLD) would pass the
    // host's chains and blur the counters: the client sends only what the test crafts.
    QString script =
        QStringLiteral(
            "ip netns add %1; ip netns add %2\n"
            "ip netns exec %2 iptables-legacy -P OUTPUT DROP\n"
            "ip netns exec %2 ip6tables-legacy -P OUTPUT DROP\n"
            "ip netns exec %2 iptables-legacy -t raw -A PREROUTING -j DROP\n"
            "ip netns exec %2 ip6tables-legacy -t raw -A PREROUTING -j DROP\n"
            "for k in net.ipv4.ip_forward=1 net.ipv6.conf.all.forwarding=1 "
            "net.ipv4.conf.all.rp_filter=0 "
            "net.ipv4.conf.default.rp_filter=0 net.ipv4.conf.all.send_redirects=0 "
            "net.ipv4.conf.default.send_redirects=0 net.ipv6.conf.default.accept_ra=0; do "
            "ip netns exec %1 sysctl -qw $k; done\n")
            .arg(m_host, m_client);
    for (int i = 0; i < 2; ++i) {
        script +=
            QStringLiteral(
                "ip -n %1 link add %3 address %4 type veth peer name c%5 address %6 netns %2\n"
                "ip netns exec %1 sysctl -qw net.ipv4.conf.%3.rp_filter=0\n"
                "ip -n %1 addr add %7/24 dev %3\n"
                "ip -n %1 addr add %8/64 dev %3 nodad\n"
                "ip -n %1 link set %3 up; ip -n %2 link set c%5 up\n"
                "ip -n %1 neigh replace %9 lladdr %6 dev %3 nud permanent\n"
                "ip -n %1 neigh replace %10 lladdr %6 dev %3 nud permanent\n")
                .arg(m_host, m_client, QLatin1String(HostIface[i]), macText(HostMac[i]))
                .arg(i)
                .arg(macText(ClientMac[i]), hostAddress(i, Family::IPv4).toString(Family::IPv4),
                     hostAddress(i, Family::IPv6).toString(Family::IPv6),
                     i == 0 ? QStringLiteral("10.200.0.2") : QStringLiteral("10.201.0.2"),
                     i == 0 ? QStringLiteral("fd00:200::2") : QStringLiteral("fd00:201::2"));
    }
    for (const Pool &p : Pools4)
        script +=
            QStringLiteral("ip -n %1 route add %2 via %3 dev %4\n")
                .arg(m_host, QLatin1String(p.net),
                     p.iface == 0 ? QStringLiteral("10.200.0.2") : QStringLiteral("10.201.0.2"),
                     QLatin1String(HostIface[p.iface]));
    for (const Pool &p : Pools6)
        script +=
            QStringLiteral("ip -n %1 -6 route add %2 via %3 dev %4\n")
                .arg(m_host, QLatin1String(p.net),
                     p.iface == 0 ? QStringLiteral("fd00:200::2") : QStringLiteral("fd00:201::2"),
                     QLatin1String(HostIface[p.iface]));
    QVERIFY(sh(script));
    for (int i = 0; i < 2; ++i) {
        QString error;
        m_clientFd[i] = Wire::openInNamespace(m_client, QStringLiteral("c%1").arg(i), &error);
        QVERIFY2(m_clientFd[i] >= 0, qPrintable(error));
    }
}

void TestKernelTruth::cleanupTestCase()
{
    dropBridges();
    for (int fd : m_clientFd)
        if (fd >= 0)
            close(fd);
    if (!m_host.isEmpty())
        sh(QStringLiteral("ip netns del %1 || true; ip netns del %2 || true")
               .arg(m_host, m_client));
    qInfo("kernel truth: %d cases in %d rulesets (every rule's counter compared in %d of them), "
          "seed %u, %d undecided by the evaluator, %d disagreements",
          m_cases, m_batches, m_countedBatches, m_seed, m_undecided, int(m_disagreements.size()));
    for (auto it = m_undecidedWhy.cbegin(); it != m_undecidedWhy.cend(); ++it)
        qInfo().noquote() << "  undecided" << it.value() << "times:" << it.key();
    for (const QString &d : std::as_const(m_disagreements).mid(0, 30))
        qWarning().noquote() << d;
    QVERIFY2(m_cases >= 1000, "fewer than 1,000 cases were run");
    QCOMPARE(m_disagreements.size(), 0);
}

bool TestKernelTruth::buildBridges(const Ruleset &rs, Family family)
{
    dropBridges();
    // The bridges Docker's published ports use, with their containers' addresses, so that the
    // capture's DNAT targets exist inside this test's namespaces.
    QMap<QString, QVector<IpAddress>> containers;
    for (const PublishedPort &p : rs.publishedPorts())
        if (!p.bridge.isEmpty() && !containers.value(p.bridge).contains(p.containerAddress))
            containers[p.bridge].append(p.containerAddress);
    QString script;
    int i = 0;
    for (auto it = containers.cbegin(); it != containers.cend(); ++it, ++i) {
        Bridge b;
        b.name = it.key();
        b.ns = m_host.chopped(1) + QStringLiteral("b%1").arg(i);
        b.containers = it.value();
        b.prefix = family == Family::IPv4 ? 24 : 64;
        const IpAddress first = b.containers.first();
        b.gateway = family == Family::IPv4 ? IpAddress{0, (first.lo & ~0xffULL) | 0xfe}
                                           : IpAddress{first.hi, 0xfffe};
        b.hostMac = {2, 0, 0, 0, 0xa, uchar(i)};
        b.nsMac = {2, 0, 0, 0, 0xb, uchar(i)};
        script +=
            QStringLiteral(
                "ip netns add %2\n"
                "ip netns exec %2 iptables-legacy -P OUTPUT DROP\n"
                "ip netns exec %2 ip6tables-legacy -P OUTPUT DROP\n"
                "ip netns exec %2 iptables-legacy -t raw -A PREROUTING -j DROP\n"
                "ip netns exec %2 ip6tables-legacy -t raw -A PREROUTING -j DROP\n"
                "ip -n %1 link add %3 address %4 type veth peer name ceth0 address %5 netns %2\n"
                "ip netns exec %1 sysctl -qw net.ipv4.conf.%3.rp_filter=0\n"
                "ip -n %1 addr add %6/%7 dev %3 %8\n"
                "ip -n %1 link set %3 up; ip -n %2 link set ceth0 up\n")
                .arg(m_host, b.ns, b.name, macText(b.hostMac), macText(b.nsMac),
                     b.gateway.toString(family))
                .arg(b.prefix)
                .arg(family == Family::IPv6 ? QStringLiteral("nodad") : QString());
        for (const IpAddress &c : b.containers)
            script += QStringLiteral("ip -n %1 neigh replace %2 lladdr %3 dev %4 nud permanent\n")
                          .arg(m_host, c.toString(family), macText(b.nsMac), b.name);
        m_bridges.append(b);
    }
    if (!sh(script))
        return false;
    for (Bridge &b : m_bridges) {
        QString error;
        b.fd = Wire::openInNamespace(b.ns, QStringLiteral("ceth0"), &error);
        if (b.fd < 0) {
            qWarning() << error;
            return false;
        }
    }
    return true;
}

void TestKernelTruth::dropBridges()
{
    QString script;
    for (const Bridge &b : std::as_const(m_bridges)) {
        if (b.fd >= 0)
            close(b.fd);
        // Deleting the link first is synchronous; a namespace's own links go away later, in
        // the kernel's cleanup work, and the next fixture may reuse the bridge's name.
        script += QStringLiteral("ip -n %1 link del %2 || true\nip netns del %3 || true\n")
                      .arg(m_host, b.name, b.ns);
    }
    m_bridges.clear();
    if (!script.isEmpty())
        sh(script);
}

IpAddress TestKernelTruth::randomSource(Family family)
{
    const int hostPart = HostParts[m_rng.bounded(int(std::size(HostParts)))];
    if (family == Family::IPv4) {
        const Pool &p = Pools4[m_rng.bounded(int(std::size(Pools4)))];
        const auto net = IpNetwork::parse(QString::fromLatin1(p.net), family);
        const quint64 third = net->prefix == 16 ? quint64(m_rng.bounded(3)) << 8 : 0;
        return IpAddress{0, net->addr.lo | third | quint64(hostPart)};
    }
    const Pool &p = Pools6[m_rng.bounded(int(std::size(Pools6)))];
    const auto net = IpNetwork::parse(QString::fromLatin1(p.net), family);
    return IpAddress{net->addr.hi | quint64(m_rng.bounded(2)), quint64(hostPart)};
}

QString TestKernelTruth::clientIfaceFor(const IpAddress &src, Family family) const
{
    if (family == Family::IPv4) {
        for (const Pool &p : Pools4)
            if (IpNetwork::parse(QString::fromLatin1(p.net), family)->contains(src))
                return QLatin1String(HostIface[p.iface]);
    } else {
        for (const Pool &p : Pools6)
            if (IpNetwork::parse(QString::fromLatin1(p.net), family)->contains(src))
                return QLatin1String(HostIface[p.iface]);
    }
    return QStringLiteral("eth0");
}

QString TestKernelTruth::randomRule(Family family, const Ruleset &rs)
{
    auto chance = [this](int percent) {
        return int(m_rng.bounded(100)) < percent;
    };
    auto bang = [&](int percent) {
        return chance(percent) ? QStringLiteral("! ") : QString();
    };
    const bool v4 = family == Family::IPv4;
    auto net = [&]() {
        const IpAddress a = randomSource(family);
        static const int prefixes4[] = {16, 24, 25, 28, 30, 32};
        static const int prefixes6[] = {48, 64, 120, 124, 128};
        const int prefix = v4 ? prefixes4[m_rng.bounded(6)] : prefixes6[m_rng.bounded(5)];
        return IpNetwork::parse(a.toString(family) + QLatin1Char('/') + QString::number(prefix),
                                family)
                   ->addr.toString(family) +
               QLatin1Char('/') + QString::number(prefix);
    };
    QStringList bridges;
    for (const Bridge &b : std::as_const(m_bridges))
        bridges << b.name;
    const QStringList ins = QStringList{"eth0", "wlan0", "eth+", "w+"} + bridges;
    const QStringList outs = QStringList{"eth0", "wlan0", "br+", "docker+"} + bridges;
    QStringList parts;
    if (chance(50))
        parts << bang(25) + QStringLiteral("-s ") + net();
    if (chance(12)) {
        const QVector<PublishedPort> ports = rs.publishedPorts();
        const IpAddress d = chance(50) || ports.isEmpty()
                                ? hostAddress(int(m_rng.bounded(2)), family)
                                : ports.first().containerAddress;
        parts << bang(25) + QStringLiteral("-d ") + d.toString(family);
    }
    if (chance(30))
        parts << bang(25) + QStringLiteral("-i ") + ins[int(m_rng.bounded(int(ins.size())))];
    if (chance(12))
        parts << bang(25) + QStringLiteral("-o ") + outs[int(m_rng.bounded(int(outs.size())))];
    const int proto = chance(55) ? int(m_rng.bounded(3)) : -1; // tcp, udp, icmp
    const QStringList ports = {"80", "53", "8080", "22", "1000:9000", "5353"};
    if (proto == 0 || proto == 1) {
        const QString p = proto == 0 ? QStringLiteral("tcp") : QStringLiteral("udp");
        parts << QStringLiteral("-p ") + p;
        if (chance(45))
            parts << QStringLiteral("-m %1 %2--dport %3")
                         .arg(p, bang(20), ports[int(m_rng.bounded(6))]);
        else if (chance(20))
            parts << QStringLiteral("-m %1 %2--sport 10000:%3")
                         .arg(p, bang(20))
                         .arg(10000 + int(m_rng.bounded(2000)));
        else if (chance(30))
            parts << QStringLiteral("-m multiport %1--dports 22,53,80,8000:8100").arg(bang(20));
        if (proto == 0 && chance(15))
            parts << QStringLiteral("-m tcp %1--tcp-flags SYN,ACK SYN").arg(bang(20));
        if (chance(20))
            parts << QStringLiteral("-m conntrack %1--ctorigdstport %2")
                         .arg(bang(20), ports[int(m_rng.bounded(6))]);
    } else if (proto == 2) {
        parts << (v4 ? QStringLiteral("-p icmp") : QStringLiteral("-p ipv6-icmp"));
        if (chance(50))
            parts << (v4 ? QStringLiteral("-m icmp %1--icmp-type %2")
                               .arg(bang(20), chance(50) ? "8" : "0")
                         : QStringLiteral("-m icmp6 %1--icmpv6-type %2")
                               .arg(bang(20), chance(50) ? "128" : "129"));
    }
    if (chance(25)) {
        static const char *states[] = {"NEW",  "ESTABLISHED", "RELATED,ESTABLISHED",
                                       "DNAT", "NEW,DNAT",    "INVALID"};
        parts << QStringLiteral("-m conntrack %1--ctstate %2")
                     .arg(bang(20), QLatin1String(states[m_rng.bounded(6)]));
    }
    if (chance(10))
        parts << QStringLiteral("-m conntrack --ctdir %1").arg(chance(50) ? "ORIGINAL" : "REPLY");
    if (chance(8))
        parts << QStringLiteral("-m conntrack %1--ctorigdst %2")
                     .arg(bang(20), hostAddress(int(m_rng.bounded(2)), family).toString(family));
    if (chance(8))
        parts << QStringLiteral("-m conntrack %1--ctorigsrc %2").arg(bang(20), net());
    if (chance(6) && !rs.publishedPorts().isEmpty())
        parts << QStringLiteral("-m conntrack %1--ctreplsrc %2")
                     .arg(bang(20), rs.publishedPorts().first().containerAddress.toString(family));
    if (chance(10))
        parts << QStringLiteral("-m state %1--state %2")
                     .arg(bang(20), chance(50) ? "NEW" : "ESTABLISHED");
    if (chance(12)) {
        IpAddress a = randomSource(family), b = randomSource(family);
        if (b < a)
            std::swap(a, b);
        parts << QStringLiteral("-m iprange %1--src-range %2-%3")
                     .arg(bang(25), a.toString(family), b.toString(family));
    }
    if (chance(8))
        parts << QStringLiteral("-m addrtype %1--dst-type %2")
                     .arg(bang(20), chance(50) ? "LOCAL" : "UNICAST");
    if (chance(8))
        parts << QStringLiteral("-m comment --comment \"case\"");
    static const char *targets[] = {"RETURN", "RETURN", "ACCEPT", "ACCEPT",
                                    "DROP",   "DROP",   "DROP",   "REJECT"};
    parts << QStringLiteral("-j ") + QLatin1String(targets[m_rng.bounded(8)]);
    return parts.join(QLatin1Char(' '));
}

void TestKernelTruth::differential_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<int>("family");
    QTest::addColumn<QString>("ipset");
    QTest::addColumn<int>("rulesets");
    const QString m = QStringLiteral("docker-moby/");
    QTest::newRow("20.10 with containers")
        << "docker-20.10/docker20.10-legacy-with-containers.legacy.v4.rules" << 4 << QString() << 4;
    QTest::newRow("20.10 user rules")
        << "docker-20.10/docker20.10-legacy-user-rules-after-restart.legacy.v4.rules" << 4
        << QString() << 2;
    QTest::newRow("27 portmap") << m + "docker27-usernet-portmap.v4.rules" << 4 << QString() << 3;
    QTest::newRow("28.0.0 portmap (ipset)") << m + "docker28.0.0-usernet-portmap.v4.rules" << 4
                                            << m + "docker28.0.0-usernet-portmap.ipset" << 3;
    QTest::newRow("28.2.1 portmap")
        << m + "docker28.2.1-usernet-portmap.v4.rules" << 4 << QString() << 3;
    QTest::newRow("28.5.2 portmap-lo")
        << m + "docker28.5.2-usernet-portmap-lo.v4.rules" << 4 << QString() << 3;
    QTest::newRow("29.7.2 portmap")
        << m + "docker29.7.2-usernet-portmap.v4.rules" << 4 << QString() << 4;
    QTest::newRow("28.5.2 v6 composed")
        << m + "docker28.5.2-composed-portmap.v6.rules" << 6 << QString() << 3;
    QTest::newRow("29.7.2 v6 composed")
        << m + "docker29.7.2-composed-portmap.v6.rules" << 6 << QString() << 4;
}

void TestKernelTruth::differential()
{
    QFETCH(QString, fixture);
    QFETCH(int, family);
    QFETCH(QString, ipset);
    QFETCH(int, rulesets);
    const Family fam = family == 6 ? Family::IPv6 : Family::IPv4;
    QFile f(QStringLiteral(USERCHAIN_FIXTURES_DIR "/") + fixture);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray capture = f.readAll();
    QVector<FileError> errors;
    auto base = Ruleset::fromSave(capture, fam, &errors);
    QVERIFY(base);
    QVERIFY(buildBridges(*base, fam));
    QByteArray ipsetData;
    if (!ipset.isEmpty()) {
        QFile s(QStringLiteral(USERCHAIN_FIXTURES_DIR "/") + ipset);
        QVERIFY(s.open(QIODevice::ReadOnly));
        ipsetData = s.readAll();
        QVERIFY(sh(QStringLiteral("ip netns exec %1 ipset restore -exist").arg(m_host), nullptr,
                   ipsetData));
    }
    for (int n = 0; n < rulesets; ++n) {
        // The capture with DOCKER-USER's rules replaced by random ones, and every table the
        // evaluator reads present, so that a restore replaces whatever the last one loaded.
        QStringList user;
        const int count = 2 + int(m_rng.bounded(8));
        while (user.size() < count) {
            const QString rule = randomRule(fam, *base);
            if (RuleParser::parse(rule, fam))
                user << rule;
        }
        QByteArray save;
        bool inFilter = false;
        QSet<QByteArray> tables;
        for (const QByteArray &line : capture.split('\n')) {
            if (line.startsWith('*')) {
                inFilter = line == "*filter";
                tables.insert(line);
            }
            if (inFilter && line.startsWith("-A DOCKER-USER "))
                continue;
            if (inFilter && line == "COMMIT") {
                if (!capture.contains(":DOCKER-USER"))
                    save += ":DOCKER-USER - [0:0]\n";
                for (const QString &r : std::as_const(user))
                    save += "-A DOCKER-USER " + r.toUtf8() + '\n';
                inFilter = false;
            }
            save += line + '\n';
        }
        if (!tables.contains("*raw"))
            save += "*raw\n:PREROUTING ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\nCOMMIT\n";
        if (!tables.contains("*nat"))
            save += "*nat\n:PREROUTING ACCEPT [0:0]\n:INPUT ACCEPT [0:0]\n:OUTPUT ACCEPT "
                    "[0:0]\n:POSTROUTING ACCEPT [0:0]\nCOMMIT\n";
        auto rs = Ruleset::fromSave(save, fam, &errors);
        QVERIFY2(rs, qPrintable(errors.value(0).message));
        if (!ipsetData.isEmpty())
            QVERIFY(rs->addIpsets(ipsetData, nullptr));
        runBatch(*rs, save, fam, ipset);
        if (QTest::currentTestFailed())
            return;
    }
}

void TestKernelTruth::runBatch(const Ruleset &rs, const QByteArray &save, Family fam,
                               const QString &ipset)
{
    Q_UNUSED(ipset);
    const bool v4 = fam == Family::IPv4;
    const QString tool =
        v4 ? QStringLiteral("iptables-legacy") : QStringLiteral("ip6tables-legacy");
    QVERIFY(sh(QStringLiteral("ip netns exec %1 %2-restore").arg(m_host, tool), nullptr, save));
    // Replies are crafted with plain numbers; conntrack's window tracking need not judge them.
    sh(QStringLiteral(
           "ip netns exec %1 sysctl -qw net.netfilter.nf_conntrack_tcp_be_liberal=1 || true")
           .arg(m_host));
    ++m_batches;
    QString userRules;
    if (const RulesetChain *c = rs.chain(QStringLiteral("filter"), QStringLiteral("DOCKER-USER")))
        for (const RulesetRule &r : c->rules)
            userRules += QStringLiteral("\n    -A DOCKER-USER ") + r.text;

    QVector<Case> cases;
    QHash<QString, qint64> predicted;
    bool predictable = true;
    const QVector<PublishedPort> published = rs.publishedPorts();
    auto bridgeOf = [this](const IpAddress &a) {
        for (int i = 0; i < m_bridges.size(); ++i)
            if (m_bridges[i].containers.contains(a))
                return i;
        return -1;
    };
    auto describe = [&](const Case &c, const Trace &t) {
        QStringList path;
        for (const TraceStep &s : t.path)
            path << QStringLiteral("%1 %2 %3").arg(s.table, s.chain).arg(s.rule);
        return QStringLiteral("phase %1 %2 %3:%4 -> %5:%6 proto %7 on %8: kernel %9, evaluator %10 "
                              "(%11) path [%12]; DOCKER-USER:%13")
            .arg(c.phase)
            .arg(c.packet.direction == CtDirection::Reply ? "reply" : "orig")
            .arg(c.wire.src.toString(fam))
            .arg(c.wire.sport)
            .arg(c.wire.dst.toString(fam))
            .arg(c.wire.dport)
            .arg(c.wire.protocol)
            .arg(c.packet.inInterface, c.delivered ? "delivered" : "not delivered",
                 Verdict::kindName(t.verdict.kind),
                 QStringLiteral("%1 %2").arg(t.verdict.chain).arg(t.verdict.rule), path.join(", "),
                 userRules);
    };
    // Evaluates, sends and observes one phase; returns its cases' indices in `cases`.
    auto runPhase = [&](QVector<int> idx) {
        for (int i : std::as_const(idx)) {
            const Case &c = cases[i];
            const Wire::Mac &src = c.bridge < 0
                                       ? ClientMac[c.sendIface == QLatin1String("eth0") ? 0 : 1]
                                       : m_bridges[c.bridge].nsMac;
            const Wire::Mac &dst = c.bridge < 0
                                       ? HostMac[c.sendIface == QLatin1String("eth0") ? 0 : 1]
                                       : m_bridges[c.bridge].hostMac;
            const int fd = c.bridge < 0 ? m_clientFd[c.sendIface == QLatin1String("eth0") ? 0 : 1]
                                        : m_bridges[c.bridge].fd;
            QVERIFY(Wire::send(fd, Wire::frame(c.wire, src, dst)));
        }
        // Phase 2 is observed at the client, phases 1 and 3 at the containers; frames the
        // host itself sends (resets, ICMP errors, echo replies) arrive elsewhere or differ.
        const bool toClient =
            std::any_of(idx.begin(), idx.end(), [&](int i) { return cases[i].bridge >= 0; });
        QList<int> fds;
        if (toClient)
            fds << m_clientFd[0] << m_clientFd[1];
        else
            for (const Bridge &b : std::as_const(m_bridges))
                fds << b.fd;
        QSet<int> arrived; // observeKey of frames that reached the other side
        for (const QByteArray &f : Wire::drain(fds, 150)) {
            Wire::Packet w;
            if (!Wire::parse(f, &w))
                continue;
            if (toClient) {
                const bool reply = (w.protocol == 6 && w.tcpFlags == 0x12) || w.protocol == 17 ||
                                   (w.protocol == 1 && w.icmpType == 0) ||
                                   (w.protocol == 58 && w.icmpType == 129);
                if (reply)
                    arrived.insert(w.protocol == 1 || w.protocol == 58 ? w.sport : w.dport);
            } else if (w.protocol == 1 || w.protocol == 58) {
                if (w.icmpType == 8 || w.icmpType == 128)
                    arrived.insert(w.sport);
            } else {
                arrived.insert(w.sport);
            }
        }
        // Frames left on the other side (the host's own answers) must not leak into the next
        // phase.
        QList<int> others;
        if (toClient)
            for (const Bridge &b : std::as_const(m_bridges))
                others << b.fd;
        else
            others << m_clientFd[0] << m_clientFd[1];
        Wire::drain(others, 0);
        for (int i : std::as_const(idx)) {
            Case &c = cases[i];
            c.delivered = arrived.contains(c.observeKey);
            const Trace t = PacketTracer::trace(rs, c.packet);
            ++m_cases;
            if (t.verdict.kind == VerdictKind::Unknown) {
                ++m_undecided;
                m_undecidedWhy[t.verdict.dependsOn.section(QLatin1Char('('), -1)] += 1;
                predictable = false;
                continue;
            }
            for (const TraceStep &s : t.path)
                predicted[QStringLiteral("%1/%2/%3").arg(s.table, s.chain).arg(s.rule)] += 1;
            const IpAddress finalDst = t.dnatAddress.value_or(c.wire.dst);
            const bool expect = t.verdict.kind == VerdictKind::Accept && !t.toHost &&
                                (c.bridge >= 0 || bridgeOf(finalDst) >= 0);
            if (expect != c.delivered)
                m_disagreements << describe(c, t);
        }
    };

    // Phase 1: first packets from the client.
    QVector<int> phase;
    for (int n = 0; n < 40; ++n) {
        Case c;
        const int iface = int(m_rng.bounded(2));
        c.sendIface = QLatin1String(HostIface[iface]);
        const int protoPick = int(m_rng.bounded(100));
        const int proto = protoPick < 55 ? 6 : protoPick < 80 ? 17 : (v4 ? 1 : 58);
        const IpAddress src = randomSource(fam);
        const int key = m_next++;
        IpAddress dst = hostAddress(iface, fam);
        int dport = 0;
        QVector<PublishedPort> candidates;
        for (const PublishedPort &p : published)
            if (p.protocol == proto && bridgeOf(p.containerAddress) >= 0)
                candidates << p;
        if (proto != 1 && proto != 58) {
            if (!candidates.isEmpty() && m_rng.bounded(100) < 75) {
                const PublishedPort &p = candidates[int(m_rng.bounded(int(candidates.size())))];
                dport = p.hostPorts.first;
                if (p.hostAddress && m_rng.bounded(100) < 10)
                    dst = *p.hostAddress;
            } else {
                static const int others[] = {22, 80, 53, 8081, 9999};
                dport = others[m_rng.bounded(5)];
            }
        }
        if (m_rng.bounded(100) < 20 && !m_bridges.isEmpty()) {
            // Straight to a container address (routed, or refused by Docker's raw rule).
            const Bridge &b = m_bridges[int(m_rng.bounded(int(m_bridges.size())))];
            dst = b.containers.first();
            if (proto == 6 || proto == 17)
                dport = 80;
        }
        c.wire = {fam, src, dst, proto, key, dport, 0x02, 1, 0, v4 ? 8 : 128};
        c.packet.family = fam;
        c.packet.inInterface = c.sendIface;
        c.packet.src = src;
        c.packet.dst = dst;
        c.packet.dstLocal = dst == hostAddress(0, fam) || dst == hostAddress(1, fam) ||
                            (v4 && dst == IpAddress{0, 0x7f000001});
        c.packet.protocol = proto;
        if (proto == 6 || proto == 17) {
            c.packet.sport = key;
            c.packet.dport = dport;
        } else {
            c.packet.icmpType = v4 ? 8 : 128;
            c.packet.icmpCode = 0;
        }
        c.packet.tcpFlags = proto == 6 ? std::optional<int>(0x02) : std::nullopt;
        c.observeKey = key;
        c.hostDst = dst;
        c.hostPort = dport;
        phase << int(cases.size());
        cases << c;
    }
    runPhase(phase);
    if (QTest::currentTestFailed())
        return;

    // Phase 2: the containers answer the first packets that reached them.
    QVector<int> replies;
    for (int i : std::as_const(phase)) {
        const Case &first = cases[i];
        if (!first.delivered)
            continue;
        const Trace t = PacketTracer::trace(rs, first.packet);
        const IpAddress container = t.dnatAddress.value_or(first.wire.dst);
        const int cport = t.dnatPort.value_or(first.wire.dport);
        Case c;
        c.phase = 2;
        c.first = i;
        c.bridge = bridgeOf(container);
        if (c.bridge < 0)
            continue;
        c.wire = {fam,   container,        first.wire.src, first.wire.protocol,
                  cport, first.wire.sport, 0x12,           1000,
                  2,     v4 ? 0 : 129};
        if (first.wire.protocol == 1 || first.wire.protocol == 58)
            c.wire.sport = first.wire.sport; // the echo identifier
        c.packet.family = fam;
        c.packet.inInterface = m_bridges[c.bridge].name;
        c.packet.outInterface = clientIfaceFor(first.wire.src, fam);
        c.packet.src = container;
        c.packet.dst = first.wire.src;
        c.packet.protocol = first.wire.protocol;
        c.packet.state = CtState::Established;
        c.packet.direction = CtDirection::Reply;
        c.packet.origDst = first.hostDst;
        if (first.wire.protocol == 6 || first.wire.protocol == 17) {
            c.packet.sport = cport;
            c.packet.dport = first.wire.sport;
            c.packet.origDport = first.hostPort;
        } else {
            c.packet.icmpType = v4 ? 0 : 129;
            c.packet.icmpCode = 0;
        }
        c.packet.tcpFlags = first.wire.protocol == 6 ? std::optional<int>(0x12) : std::nullopt;
        c.observeKey = first.observeKey;
        replies << int(cases.size());
        cases << c;
    }
    runPhase(replies);
    if (QTest::currentTestFailed())
        return;

    // Phase 3: the clients' next packets of connections whose reply came back.
    QVector<int> next;
    for (int i : std::as_const(replies)) {
        const Case &reply = cases[i];
        const Case &first = cases[reply.first];
        if (!reply.delivered || first.wire.protocol == 1 || first.wire.protocol == 58)
            continue;
        Case c = first;
        c.phase = 3;
        c.first = reply.first;
        c.wire.tcpFlags = 0x10;
        c.wire.seq = 2;
        c.wire.ack = 1001;
        c.packet.state = CtState::Established;
        c.packet.tcpFlags = first.wire.protocol == 6 ? std::optional<int>(0x10) : std::nullopt;
        next << int(cases.size());
        cases << c;
    }
    runPhase(next);
    if (QTest::currentTestFailed() || !predictable)
        return;
    ++m_countedBatches;

    // Every rule's counter against the evaluator's paths (nat and raw policies aside: the
    // trace lists only rules there).
    QByteArray out;
    QVERIFY(sh(QStringLiteral("ip netns exec %1 %2-save -c").arg(m_host, tool), &out));
    QString table;
    QHash<QString, int> index;
    for (const QByteArray &raw : out.split('\n')) {
        const QString line = QString::fromUtf8(raw);
        if (line.startsWith(QLatin1Char('*'))) {
            table = line.mid(1);
            index.clear();
            continue;
        }
        QString chain, key;
        qint64 packets = 0;
        if (line.startsWith(QLatin1Char(':'))) {
            const QStringList f = line.mid(1).split(QLatin1Char(' '));
            chain = f.value(0);
            if (f.value(1) == QLatin1String("-") || table != QLatin1String("filter"))
                continue;
            packets = f.value(2).mid(1).section(QLatin1Char(':'), 0, 0).toLongLong();
            key = QStringLiteral("%1/%2/0").arg(table, chain);
        } else if (line.startsWith(QLatin1Char('['))) {
            packets = line.mid(1).section(QLatin1Char(':'), 0, 0).toLongLong();
            chain = line.section(QLatin1Char(' '), 2, 2);
            key = QStringLiteral("%1/%2/%3").arg(table, chain).arg(++index[chain]);
        } else {
            continue;
        }
        const bool compared =
            (table == QLatin1String("raw") && chain == QLatin1String("PREROUTING")) ||
            (table == QLatin1String("nat") && chain != QLatin1String("OUTPUT") &&
             chain != QLatin1String("POSTROUTING") && chain != QLatin1String("INPUT")) ||
            (table == QLatin1String("filter") && chain != QLatin1String("OUTPUT"));
        if (compared && packets != predicted.value(key))
            m_disagreements << QStringLiteral("counter %1: kernel %2, evaluator %3; DOCKER-USER:%4")
                                   .arg(key)
                                   .arg(packets)
                                   .arg(predicted.value(key))
                                   .arg(userRules);
    }
}

QTEST_GUILESS_MAIN(TestKernelTruth)
#include "tst_kerneltruth.moc"

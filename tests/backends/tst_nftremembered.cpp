#include "backendwrite.h"
#include "netns.h"
#include "nftbackend.h"
#include "nftnetlink.h"
#include "nfttranslator.h"
#include "ruleparser.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QTest>

#include <arpa/inet.h>
#include <cstdlib>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Userchain;

Q_DECLARE_METATYPE(Userchain::Family)

/*
 * NftBackend remembers DOCKER-USER as it last read or wrote it, by the ruleset's generation,
 * and starts the next session from that without reading, the state after its own commit
 * taken from the kernel's echo. Here, on the real kernel (each test in a fresh network
 * namespace): such a session sees exactly what a read would, removed rules keep the counters
 * they had until the commit, a rebuild keeps the kernel's counters of kept rules, and a state
 * is never used in another namespace at the same generation.
 */

namespace {

using TestNetns::Result;

QString tool(Family f, const char *name)
{
    return QStringLiteral("/usr/sbin/") +
           (f == Family::IPv4 ? QStringLiteral("ip") : QStringLiteral("ip6")) + QLatin1String(name);
}

bool restore(Family f, const QByteArray &data)
{
    return TestNetns::run(tool(f, "tables-nft-restore"), {}, data).ok();
}

/// DOCKER-USER's rules as `iptables-nft-save -c` prints them, with counters.
QStringList savedRules(Family f)
{
    QStringList rules;
    const Result r = TestNetns::run(tool(f, "tables-nft-save"), {QStringLiteral("-c")});
    for (const QByteArray &line : r.out.split('\n'))
        if (line.contains("] -A DOCKER-USER"))
            rules << QString::fromUtf8(line);
    return rules;
}

QVector<BackendRule> parsed(const QStringList &specs, Family family)
{
    QVector<BackendRule> rules;
    for (const QString &spec : specs) {
        RuleError e;
        const auto rule = RuleParser::parse(spec, family, &e);
        if (!rule)
            qFatal("%s: %s", qPrintable(spec), qPrintable(e.message));
        BackendRule br;
        br.rule = *rule;
        rules << br;
    }
    return rules;
}

QStringList specsOf(const QVector<BackendRule> &rules)
{
    QStringList specs;
    for (const BackendRule &r : rules)
        specs << (r.raw.isEmpty() ? r.rule.toString() : r.displaySpec);
    return specs;
}

/// What a session shows of a rule, counters aside.
QString shown(const BackendRule &r)
{
    return QStringLiteral("%1|%2|%3|%4")
        .arg(r.rule.toString(), r.displaySpec, r.unknownExtensions,
             QString::fromLatin1(r.raw.toHex()));
}

QStringList shownRules(const BackendSession &session)
{
    QStringList out;
    if (session.dockerUser())
        for (const BackendRule &r : session.dockerUser()->rules)
            out << shown(r);
    return out;
}

/// Datagrams through OUTPUT (and from there DOCKER-USER) on the loopback interface.
bool sendDatagrams(Family f, int count)
{
    const int fd = ::socket(f == Family::IPv4 ? AF_INET : AF_INET6, SOCK_DGRAM, 0);
    if (fd < 0)
        return false;
    sockaddr_storage to{};
    socklen_t len = 0;
    if (f == Family::IPv4) {
        auto *in = reinterpret_cast<sockaddr_in *>(&to);
        in->sin_family = AF_INET;
        in->sin_port = htons(9);
        in->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        len = sizeof(sockaddr_in);
    } else {
        auto *in6 = reinterpret_cast<sockaddr_in6 *>(&to);
        in6->sin6_family = AF_INET6;
        in6->sin6_port = htons(9);
        in6->sin6_addr = in6addr_loopback;
        len = sizeof(sockaddr_in6);
    }
    bool ok = true;
    for (int i = 0; i < count; ++i)
        ok = ok && ::sendto(fd, "0123456789", 10, 0, reinterpret_cast<sockaddr *>(&to), len) == 10;
    ::close(fd);
    return ok;
}

/// "[packets:bytes]" of the saved rule with this spec, or "".
QString countersOf(const QStringList &saved, const QString &spec)
{
    for (const QString &line : saved)
        if (line.endsWith(QStringLiteral("-A DOCKER-USER ") + spec))
            return line.section(QLatin1Char(' '), 0, 0);
    return QString();
}

QString countersOf(const BackendRule &r)
{
    return QStringLiteral("[%1:%2]").arg(r.packets).arg(r.bytes);
}

} // namespace

class TestNftRemembered : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void sessionsSeeWhatAReadSees_data();
    void sessionsSeeWhatAReadSees();
    void countersAreTheKernels_data();
    void countersAreTheKernels();
    void neverInAnotherNamespace();
    void keptRulesAsAReadShowsThem();
};

void TestNftRemembered::init()
{
    QString error;
    QVERIFY2(TestNetns::fresh(&error), qPrintable(error));
}

void TestNftRemembered::sessionsSeeWhatAReadSees_data()
{
    QTest::addColumn<Family>("family");
    QTest::newRow("v4") << Family::IPv4;
    QTest::newRow("v6") << Family::IPv6;
}

void TestNftRemembered::sessionsSeeWhatAReadSees()
{
    // Random applies, with a native rule among them and now and then a write by another
    // program: every session shows what a fresh backend reads, native handles included.
    QFETCH(Family, family);
    const bool v4 = family == Family::IPv4;
    const QString nftFamily = v4 ? QStringLiteral("ip") : QStringLiteral("ip6");
    QVERIFY(restore(family, "*filter\n:DOCKER-USER - [0:0]\n:DOCKER - [0:0]\n"
                            "-A DOCKER-USER -j RETURN\nCOMMIT\n"));
    const Result native = TestNetns::run(
        QStringLiteral("/usr/sbin/nft"),
        {QStringLiteral("insert rule %1 filter DOCKER-USER %2 saddr { %3, %4 } counter accept")
             .arg(nftFamily, nftFamily)
             .arg(v4 ? QStringLiteral("1.2.3.4") : QStringLiteral("2001:db8::1"),
                  v4 ? QStringLiteral("5.6.7.8") : QStringLiteral("2001:db8::2"))});
    QVERIFY2(native.ok(), native.err.constData());
    QStringList pool;
    for (int i = 0; i < 12; ++i)
        pool << (v4 ? QStringLiteral("-s 10.0.%1.0/24 -p tcp -m tcp --dport %2 -j DROP")
                          .arg(i)
                          .arg(80 + i)
                    : QStringLiteral("-s 2001:db8:%1::/48 -j DROP").arg(i));
    NftBackend backend;
    QString error;
    std::srand(42);
    int remembered = 0;
    for (int trial = 0; trial < 60; ++trial) {
        if (trial % 10 == 9) {
            // Another program inserts a rule: the next session must read it.
            const Result r = TestNetns::run(tool(family, "tables-nft"),
                                            {QStringLiteral("-I"), QStringLiteral("DOCKER-USER"),
                                             QStringLiteral("-j"), QStringLiteral("DROP")});
            QVERIFY2(r.ok(), r.err.constData());
        }
        remembered += backend.remembers(family) ? 1 : 0;
        const std::unique_ptr<BackendSession> session = backend.beginSession(family, &error);
        QVERIFY2(session, qPrintable(error));
        NftBackend fresh;
        const std::unique_ptr<BackendSession> read = fresh.beginSession(family, &error);
        QVERIFY2(read, qPrintable(error));
        QCOMPARE(shownRules(*session), shownRules(*read));

        // Shuffle what is there a little, drop some, add some, keep the native rule.
        QVector<BackendRule> wanted = session->dockerUser()->rules;
        for (int i = std::rand() % 3; i > 0 && wanted.size() > 1; --i)
            wanted.removeAt(std::rand() % wanted.size());
        for (int i = std::rand() % 3; i > 0; --i)
            wanted.insert(std::rand() % (wanted.size() + 1),
                          parsed({pool[std::rand() % pool.size()]}, family).constFirst());
        if (wanted.size() > 2 && std::rand() % 2) {
            const int from = std::rand() % wanted.size();
            if (!NftTranslator::isNative(wanted[from].raw))
                wanted.move(from, std::rand() % wanted.size());
        }
        if (std::none_of(wanted.begin(), wanted.end(),
                         [](const BackendRule &r) { return NftTranslator::isNative(r.raw); })) {
            for (const BackendRule &r : session->dockerUser()->rules)
                if (NftTranslator::isNative(r.raw))
                    wanted.prepend(r);
        }
        QVERIFY2(session->prepare(wanted, false, false, &error), qPrintable(error));
        QVERIFY2(session->commit(&error), qPrintable(error));
        QStringList saved = savedRules(family);
        for (QString &line : saved)
            line = line.section(QStringLiteral("-A DOCKER-USER "), 1);
        QStringList expected = specsOf(wanted);
        // iptables-nft-save prints the native rule as what it can see of it.
        for (QString &spec : expected)
            if (spec.startsWith(QStringLiteral("nft: ")))
                spec = QStringLiteral("-j ACCEPT");
        QCOMPARE(saved, expected);
    }
    // Most sessions started from what the backend remembered (not those after the inserts).
    QVERIFY2(remembered >= 50, qPrintable(QString::number(remembered)));
}

void TestNftRemembered::countersAreTheKernels_data()
{
    QTest::addColumn<Family>("family");
    QTest::addColumn<QString>("how");
    for (const Family f : {Family::IPv4, Family::IPv6})
        for (const char *how : {"removed", "flushed", "rebuilt", "rebuilt, many kept"})
            QTest::newRow(qPrintable(QStringLiteral("%1 %2").arg(
                f == Family::IPv4 ? QStringLiteral("v4") : QStringLiteral("v6"),
                QLatin1String(how))))
                << f << QString::fromLatin1(how);
}

void TestNftRemembered::countersAreTheKernels()
{
    // A remembered state has the counters of its read. Packets counted since then must not
    // be lost: a removed rule carries its counters until the commit (what a rollback puts
    // back), and a rebuild adds a kept rule again with the kernel's counters.
    QFETCH(Family, family);
    QFETCH(QString, how);
    const bool v4 = family == Family::IPv4;
    QVERIFY(TestNetns::run(QStringLiteral("/usr/sbin/ip"),
                           {QStringLiteral("link"), QStringLiteral("set"), QStringLiteral("lo"),
                            QStringLiteral("up")})
                .ok());
    const QString counted = QStringLiteral("-p udp -j RETURN");
    QStringList before, after;
    auto filler = [v4](int base, int i) {
        return v4 ? QStringLiteral("-s 10.%1.%2.%3/32 -j DROP").arg(base).arg(i / 250).arg(i % 250)
                  : QStringLiteral("-s 2001:db8:%1::%2/128 -j DROP").arg(base).arg(i, 0, 16);
    };
    if (how.startsWith(QLatin1String("rebuilt"))) {
        // 300 removals and 300 insertions by handle around the kept rule: a rebuild. The
        // backend asks for a few kept rules' counters one by one, or reads them all.
        for (int i = 0; i < 300; ++i) {
            before << filler(1, i);
            after << filler(2, i);
        }
        before << counted;
        after << counted;
        if (how.endsWith(QLatin1String("many kept")))
            for (int i = 0; i < 100; ++i) {
                before << filler(4, i);
                after << filler(4, i);
            }
    } else {
        before << counted << filler(1, 1);
        after << filler(1, 1);
        if (how == QLatin1String("flushed"))
            after = QStringList{filler(3, 3)}; // nothing kept
    }
    QByteArray load = "*filter\n:DOCKER-USER - [0:0]\n-A OUTPUT -j DOCKER-USER\n";
    for (const QString &spec : std::as_const(before))
        load += "-A DOCKER-USER " + spec.toUtf8() + '\n';
    QVERIFY(restore(family, load + "COMMIT\n"));

    NftBackend backend;
    BackendTables tables;
    QString error;
    QVERIFY2(backend.read(family, &tables, &error), qPrintable(error));
    QVERIFY(backend.remembers(family));
    QVERIFY(sendDatagrams(family, 3));
    const QString kernel = countersOf(savedRules(family), counted);
    QVERIFY2(kernel.startsWith(QStringLiteral("[3:")), qPrintable(kernel));

    const std::unique_ptr<BackendSession> session = backend.beginSession(family, &error);
    QVERIFY2(session, qPrintable(error));
    const int at = int(before.indexOf(counted));
    // Remembered, not read: the counters are those of the read.
    QCOMPARE(countersOf(session->dockerUser()->rules[at]), QStringLiteral("[0:0]"));
    QVERIFY2(session->prepare(parsed(after, family), false, false, &error), qPrintable(error));
    QVERIFY2(session->commit(&error), qPrintable(error));
    if (how.startsWith(QLatin1String("rebuilt")))
        QCOMPARE(countersOf(savedRules(family), counted), kernel);
    else
        QCOMPARE(countersOf(session->dockerUser()->rules[at]), kernel);
}

void TestNftRemembered::neverInAnotherNamespace()
{
    // Generation ids are per namespace, and two fresh ones count alike: the state remembered
    // in one must not be taken for another's at the same generation.
    const Family family = Family::IPv4;
    NftNetlink netlink;
    QString error;
    QVERIFY(restore(family, "*filter\n:DOCKER-USER - [0:0]\n-A DOCKER-USER -j RETURN\nCOMMIT\n"));
    NftBackend backend;
    QVERIFY2(TestBackend::replaceDockerUser(
                 backend, family, parsed({QStringLiteral("-s 10.1.1.1/32 -j DROP")}, family), false,
                 false, &error),
             qPrintable(error));
    QVERIFY(backend.remembers(family));
    const std::optional<quint32> first = netlink.generation(&error);
    QVERIFY2(first, qPrintable(error));

    QVERIFY2(TestNetns::fresh(&error), qPrintable(error));
    const QStringList other = {QStringLiteral("-s 10.9.9.9/32 -j ACCEPT"),
                               QStringLiteral("-j RETURN")};
    QByteArray load = "*filter\n:DOCKER-USER - [0:0]\n-F DOCKER-USER\n";
    for (const QString &spec : other)
        load += "-A DOCKER-USER " + spec.toUtf8() + '\n';
    load += "COMMIT\n";
    std::optional<quint32> now;
    for (int i = 0; i < 10 && (!now || *now < *first); ++i) {
        QVERIFY(restore(family, load));
        now = netlink.generation(&error);
        QVERIFY2(now, qPrintable(error));
    }
    QCOMPARE(*now, *first);

    const std::unique_ptr<BackendSession> session = backend.beginSession(family, &error);
    QVERIFY2(session, qPrintable(error));
    QCOMPARE(specsOf(session->dockerUser()->rules), other);
    QVERIFY2(session->prepare(parsed({QStringLiteral("-j DROP")}, family), false, false, &error),
             qPrintable(error));
    QVERIFY2(session->commit(&error), qPrintable(error));
    QCOMPARE(savedRules(family).size(), 1);
}

void TestNftRemembered::keptRulesAsAReadShowsThem()
{
    // After a commit the remembered chain takes the caller's copy of a rule that stayed only
    // when it is that rule with that text: a caller's text the kernel's rule would not be
    // read back as (`-i +`, which a read leaves out) stays the read's.
    const Family family = Family::IPv4;
    QVERIFY(restore(family, "*filter\n:DOCKER-USER - [0:0]\n-A DOCKER-USER -j RETURN\nCOMMIT\n"));
    QVector<BackendRule> wanted = parsed(
        {QStringLiteral("-i + -j ACCEPT"), QStringLiteral("-s 10.1.1.1/32 -j DROP")}, family);
    wanted[0].displaySpec = wanted[0].rule.toString(); // "-i + -j ACCEPT"
    NftBackend backend;
    QString error;
    QVERIFY2(TestBackend::replaceDockerUser(backend, family, wanted, false, false, &error),
             qPrintable(error));
    wanted.append(parsed({QStringLiteral("-j RETURN")}, family));
    QVERIFY2(TestBackend::replaceDockerUser(backend, family, wanted, false, false, &error),
             qPrintable(error));
    QVERIFY(backend.remembers(family));
    const std::unique_ptr<BackendSession> session = backend.beginSession(family, &error);
    QVERIFY2(session, qPrintable(error));
    NftBackend fresh;
    const std::unique_ptr<BackendSession> read = fresh.beginSession(family, &error);
    QVERIFY2(read, qPrintable(error));
    QCOMPARE(shownRules(*session), shownRules(*read));
}

int main(int argc, char **argv)
{
    // Before anything else, so that nothing below can reach the host's tables.
    TestNetns::enterPrivateNetwork(argc, argv);
    QCoreApplication app(argc, argv);
    TestNftRemembered test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_nftremembered.moc"

// A host whose Docker chains live in nf_tables: the helper reads and writes them through
// NftBackend (iptables-nft-save/-restore) instead of opening libiptc, which would create empty
// legacy tables. Apply, confirm and rollback work as on legacy hosts.
// Runs in a sandbox of its own, so that no earlier test has created legacy tables.

#include "blockinghelperclient.h"
#include "rulerefusal.h"
#include "testsandbox.h"

#include <QElapsedTimer>
#include <QFile>
#include <QtTest>

#include <unistd.h>

using namespace Userchain;

class TestHelperNft : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void statusNamesNft();
    void applyWritesThroughNft();
    void confirmedApplyRollsBack();
    void countersOfKeptRulesSurvive();
    void readTakesNoLock();
    void nativeRuleOutOfPlaceIsInvalidRule();
    void noLegacyTableCreated();

private:
    static QByteArray legacyTables();
};

void TestHelperNft::initTestCase()
{
    QVERIFY(TestSandbox::inside());
    registerDBusTypes();
    QVERIFY2(legacyTables().isEmpty(), legacyTables().constData());
    const auto loaded = TestSandbox::run(
        QStringLiteral("iptables-nft-restore"),
        {QStringLiteral(USERCHAIN_FIXTURES_DIR
                        "/docker-20.10/docker20.10-nft-with-containers.nft.v4.rules")});
    QVERIFY2(loaded.exitCode == 0, qPrintable(loaded.describe()));
}

QByteArray TestHelperNft::legacyTables()
{
    QFile names(QStringLiteral("/proc/net/ip_tables_names"));
    return names.open(QIODevice::ReadOnly) ? names.readAll().trimmed() : QByteArray();
}

void TestHelperNft::statusNamesNft()
{
    const auto status = TestSandbox::ctl({QStringLiteral("status")});
    QVERIFY2(status.exitCode == 0, qPrintable(status.describe()));
    QVERIFY2(status.out.contains("backend:      nft"), status.out.constData());
    QVERIFY2(status.out.contains("detail:       Docker's IPv4 chains are in iptables-nft"),
             status.out.constData());

    BlockingHelperClient client;
    BlockingHelperClient::Failure failure;
    Snapshot snapshot;
    QVERIFY(client.snapshot(Family::IPv4, &snapshot, &failure));
    QCOMPARE(snapshot.backend, QStringLiteral("nft"));
    QVERIFY(!snapshot.backendDetail.isEmpty());
    QVERIFY(snapshot.dockerUserExists);

    // What the helper shows of DOCKER-USER is what iptables-nft-save prints.
    const auto shown = TestSandbox::ctl(
        {QStringLiteral("show"), QStringLiteral("--chain"), QStringLiteral("DOCKER-USER")});
    QVERIFY2(shown.exitCode == 0, qPrintable(shown.describe()));
    QStringList expected;
    for (const QByteArray &line : TestSandbox::run(QStringLiteral("iptables-nft-save"),
                                                   {QStringLiteral("-t"), QStringLiteral("filter")})
                                      .out.split('\n'))
        if (line.startsWith("-A DOCKER-USER"))
            expected << QString::fromUtf8(line);
    QStringList actual;
    for (const QString &line : QString::fromUtf8(shown.out).split(QLatin1Char('\n')))
        if (line.startsWith(QLatin1String("-A DOCKER-USER")))
            actual << line;
    QVERIFY(!expected.isEmpty());
    QCOMPARE(actual, expected);
}

static QByteArray withoutComments(const QByteArray &save)
{
    QByteArray out;
    for (const QByteArray &line : save.split('\n'))
        if (!line.startsWith('#'))
            out += line + '\n';
    return out;
}

static QStringList nftChain(const QByteArray &chain)
{
    QStringList rules;
    for (const QByteArray &line : TestSandbox::run(QStringLiteral("iptables-nft-save"),
                                                   {QStringLiteral("-t"), QStringLiteral("filter")})
                                      .out.split('\n'))
        if (line.startsWith("-A " + chain + ' '))
            rules << QString::fromUtf8(line.mid(chain.size() + 4));
    return rules;
}

void TestHelperNft::applyWritesThroughNft()
{
    // Docker's page policy through the CLI; the kernel then holds exactly it, and Docker's own
    // chains are untouched.
    const QByteArray beforeOthers = TestSandbox::run(QStringLiteral("iptables-nft-save"), {}).out;
    const QString file = TestSandbox::writeTemp(
        "-A DOCKER-USER -i eth0 -m conntrack --ctstate RELATED,ESTABLISHED -j RETURN\n"
        "-A DOCKER-USER -i eth0 -p tcp -m conntrack --ctorigdstport 80 --ctdir ORIGINAL -j RETURN\n"
        "-A DOCKER-USER -i eth0 -j DROP\n"
        "-A DOCKER-USER -j RETURN\n");
    const auto applied = TestSandbox::ctl({QStringLiteral("apply"), file});
    QVERIFY2(applied.exitCode == 0, qPrintable(applied.describe()));
    QCOMPARE(nftChain("DOCKER-USER"),
             (QStringList{
                 QStringLiteral("-i eth0 -m conntrack --ctstate RELATED,ESTABLISHED -j RETURN"),
                 QStringLiteral(
                     "-i eth0 -p tcp -m conntrack --ctorigdstport 80 --ctdir ORIGINAL -j RETURN"),
                 QStringLiteral("-i eth0 -j DROP"), QStringLiteral("-j RETURN")}));
    auto others = [](const QByteArray &save) {
        QByteArray out;
        for (const QByteArray &line : withoutComments(save).split('\n'))
            if (!line.contains("DOCKER-USER"))
                out += line + '\n';
        return out;
    };
    QCOMPARE(others(TestSandbox::run(QStringLiteral("iptables-nft-save"), {}).out),
             others(beforeOthers));
    QFile::remove(file);

    // A stale revision is refused there as well, and changes nothing.
    BlockingHelperClient client;
    BlockingHelperClient::Failure failure;
    QString transaction, revision;
    QVERIFY(!client.apply(Family::IPv4, {{QStringLiteral("-j ACCEPT"), {}}},
                          QStringLiteral("stale"), 0, 0, &transaction, &revision, &failure));
    QCOMPARE(failure.name, QLatin1String(DBusError::StaleRevision));
    QCOMPARE(nftChain("DOCKER-USER").size(), 4);
}

void TestHelperNft::confirmedApplyRollsBack()
{
    BlockingHelperClient client;
    BlockingHelperClient::Failure failure;
    Snapshot snapshot;
    QVERIFY(client.snapshot(Family::IPv4, &snapshot, &failure));
    const QStringList before = nftChain("DOCKER-USER");
    QString transaction, revision;
    QVERIFY2(client.apply(Family::IPv4, {{QStringLiteral("-s 10.9.9.9/32 -j DROP"), {}}},
                          snapshot.revision, 2, 0, &transaction, &revision, &failure),
             qPrintable(failure.message));
    QCOMPARE(nftChain("DOCKER-USER"), QStringList{QStringLiteral("-s 10.9.9.9/32 -j DROP")});
    // Nobody confirms: the helper restores the previous rules by itself.
    QTRY_COMPARE_WITH_TIMEOUT(nftChain("DOCKER-USER"), before, 10000);
}

void TestHelperNft::countersOfKeptRulesSurvive()
{
    const auto loaded = TestSandbox::run(
        QStringLiteral("iptables-nft-restore"), {QStringLiteral("-n"), QStringLiteral("-c")},
        "*filter\n-F DOCKER-USER\n[5:500] -A DOCKER-USER -s 10.0.0.1/32 -j DROP\n"
        "[7:700] -A DOCKER-USER -j RETURN\nCOMMIT\n");
    QVERIFY2(loaded.exitCode == 0, qPrintable(loaded.describe()));
    const QString file = TestSandbox::writeTemp(
        "-A DOCKER-USER -s 10.0.0.2/32 -j DROP\n-A DOCKER-USER -s 10.0.0.1/32 -j DROP\n"
        "-A DOCKER-USER -j RETURN\n");
    const auto applied = TestSandbox::ctl({QStringLiteral("apply"), file});
    QFile::remove(file);
    QVERIFY2(applied.exitCode == 0, qPrintable(applied.describe()));
    const QByteArray save =
        TestSandbox::run(QStringLiteral("iptables-nft-save"),
                         {QStringLiteral("-c"), QStringLiteral("-t"), QStringLiteral("filter")})
            .out;
    QVERIFY2(save.contains("[0:0] -A DOCKER-USER -s 10.0.0.2/32 -j DROP\n") &&
                 save.contains("[5:500] -A DOCKER-USER -s 10.0.0.1/32 -j DROP\n") &&
                 save.contains("[7:700] -A DOCKER-USER -j RETURN\n"),
             save.constData());
}

void TestHelperNft::readTakesNoLock()
{
    // The netlink dump needs no xtables lock either (it is checked against the ruleset's
    // generation): a read answers while another writer holds it (issue 11, item 7).
    const int lock = TestSandbox::holdXtablesLock();
    QVERIFY(lock >= 0);
    QElapsedTimer timer;
    timer.start();
    BlockingHelperClient client;
    BlockingHelperClient::Failure failure;
    Snapshot snapshot;
    const bool read = client.snapshot(Family::IPv4, &snapshot, &failure);
    const qint64 elapsed = timer.elapsed();
    ::close(lock);
    QVERIFY2(read, qPrintable(BlockingHelperClient::describe(failure)));
    QVERIFY2(elapsed < 2000, qPrintable(QStringLiteral("%1 ms").arg(elapsed)));
    QCOMPARE(snapshot.backend, QStringLiteral("nft"));
    for (const ChainInfo &chain : std::as_const(snapshot.chains)) {
        if (chain.table != QLatin1String("filter") || chain.name != QLatin1String("DOCKER-USER"))
            continue;
        QStringList specs;
        for (const RuleEntry &rule : chain.rules)
            specs << rule.spec;
        QCOMPARE(specs, nftChain("DOCKER-USER"));
        return;
    }
    QFAIL("no DOCKER-USER in the snapshot");
}

void TestHelperNft::nativeRuleOutOfPlaceIsInvalidRule()
{
    // Two native nftables rules (anonymous sets) swapped: the backend cannot move them, and the
    // caller hears which rule of its list is refused (InvalidRule, a RuleRefusal), not that
    // the helper failed. Nothing changes.
    const auto loaded =
        TestSandbox::run(QStringLiteral("iptables-nft-restore"), {QStringLiteral("-n")},
                         "*filter\n-F DOCKER-USER\n-A DOCKER-USER -j RETURN\nCOMMIT\n");
    QVERIFY2(loaded.exitCode == 0, qPrintable(loaded.describe()));
    for (const char *rule : {"ip saddr { 1.2.3.4, 5.6.7.8 } counter accept",
                             "ip saddr { 9.9.9.9, 8.8.8.8 } counter drop"}) {
        const auto added = TestSandbox::run(
            QStringLiteral("nft"),
            {QStringLiteral("insert rule ip filter DOCKER-USER ") + QLatin1String(rule)});
        QVERIFY2(added.exitCode == 0, qPrintable(added.describe()));
    }
    BlockingHelperClient client;
    BlockingHelperClient::Failure failure;
    Snapshot snapshot;
    QVERIFY(client.snapshot(Family::IPv4, &snapshot, &failure));
    ApplyRuleList rules;
    for (const ChainInfo &chain : std::as_const(snapshot.chains))
        if (chain.table == QLatin1String("filter") && chain.name == QLatin1String("DOCKER-USER"))
            for (const RuleEntry &r : chain.rules)
                rules.append({r.verbatimId.isEmpty() ? r.spec : QString(), r.verbatimId});
    QCOMPARE(rules.size(), 3);
    QVERIFY(!rules[0].verbatimId.isEmpty() && !rules[1].verbatimId.isEmpty());
    const QByteArray before =
        TestSandbox::run(QStringLiteral("nft"),
                         {QStringLiteral("-a"), QStringLiteral("list"), QStringLiteral("chain"),
                          QStringLiteral("ip"), QStringLiteral("filter"),
                          QStringLiteral("DOCKER-USER")})
            .out;
    std::swap(rules[0], rules[1]);
    QString transaction, revision;
    QVERIFY(!client.apply(Family::IPv4, rules, snapshot.revision, 0, 0, &transaction, &revision,
                          &failure));
    QCOMPARE(failure.name, QLatin1String(DBusError::InvalidRule));
    const QList<RuleRefusal> refusals = RuleRefusal::fromMessage(failure.message);
    QVERIFY2(refusals.size() == 1 && refusals[0].number == 2 &&
                 refusals[0].reason == QLatin1String(RefusalReason::Backend),
             qPrintable(failure.message));
    QCOMPARE(TestSandbox::run(QStringLiteral("nft"),
                              {QStringLiteral("-a"), QStringLiteral("list"),
                               QStringLiteral("chain"), QStringLiteral("ip"),
                               QStringLiteral("filter"), QStringLiteral("DOCKER-USER")})
                 .out,
             before);
}

void TestHelperNft::noLegacyTableCreated()
{
    // The detection looked before touching: libiptc never opened (and so never created) a
    // legacy table in this namespace.
    QVERIFY2(legacyTables().isEmpty(), legacyTables().constData());
}

USERCHAIN_SANDBOX_TEST_MAIN(TestHelperNft, QStringList{},
                            (QStringList{QStringLiteral("--idle-timeout"), QStringLiteral("30"),
                                         QStringLiteral("--lock-timeout"), QStringLiteral("4000")}))
#include "tst_helpernft.moc"

// The helper's snapshot with a real dockerd (issue 12 item 4): run by docker-containers.sh
// inside the sandbox, once while Docker runs a container and once when Docker is not there.
// What to expect comes from the script, which asked Docker itself:
//   USERCHAIN_CHECK_DOCKER    "running" or "absent"
//   USERCHAIN_CHECK_NAME      the running container's name      (running)
//   USERCHAIN_CHECK_ADDRESS   its address on docker0            (running)
//   USERCHAIN_CHECK_UNUSED    an address on docker0 no container has; DOCKER-USER has a rule
//                             naming it and one naming USERCHAIN_CHECK_ADDRESS

#include "blockinghelperclient.h"
#include "dbustypes.h"
#include "rulelints.h"
#include "ruleset.h"

#include <QtTest>

using namespace Userchain;

class TestHelperDocker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void snapshotListsContainers();
    void lintNamesOnlyTheUnusedAddress();

private:
    /// The lints of the rules of DOCKER-USER that name `address`, by kind.
    QList<RuleLint::Kind> lintsOf(const QString &address) const;

    bool m_running = false;
    QString m_name, m_address, m_unused;
    Snapshot m_snapshot;
};

void TestHelperDocker::initTestCase()
{
    registerDBusTypes();
    const QString mode = qEnvironmentVariable("USERCHAIN_CHECK_DOCKER");
    QVERIFY2(mode == QLatin1String("running") || mode == QLatin1String("absent"),
             "run by tests/helper/docker-containers.sh");
    m_running = mode == QLatin1String("running");
    m_name = qEnvironmentVariable("USERCHAIN_CHECK_NAME");
    m_address = qEnvironmentVariable("USERCHAIN_CHECK_ADDRESS");
    m_unused = qEnvironmentVariable("USERCHAIN_CHECK_UNUSED");
    QVERIFY(!m_unused.isEmpty());
    BlockingHelperClient client;
    BlockingHelperClient::Failure failure;
    QVERIFY2(client.snapshot(Family::IPv4, &m_snapshot, &failure),
             qPrintable(BlockingHelperClient::describe(failure)));
}

void TestHelperDocker::snapshotListsContainers()
{
    QCOMPARE(m_snapshot.containersRead, m_running);
    if (!m_running) {
        QVERIFY(m_snapshot.containers.isEmpty());
        return;
    }
    QStringList seen;
    bool found = false;
    for (const ContainerAddress &c : std::as_const(m_snapshot.containers)) {
        seen << QStringLiteral("%1 %2 %3/%4 gw %5")
                    .arg(c.name, c.network, c.address)
                    .arg(c.prefixLength)
                    .arg(c.gateway);
        found = found || (c.name == m_name && c.address == m_address &&
                          c.network == QLatin1String("bridge") && c.prefixLength > 0 &&
                          !c.gateway.isEmpty());
    }
    QVERIFY2(found, qPrintable(seen.join(QStringLiteral("; "))));
}

QList<RuleLint::Kind> TestHelperDocker::lintsOf(const QString &address) const
{
    const Ruleset ruleset = Ruleset::fromSnapshot(m_snapshot);
    const RulesetChain *chain =
        ruleset.chain(QStringLiteral("filter"), QStringLiteral("DOCKER-USER"));
    QList<RuleLint::Kind> kinds;
    if (!chain)
        return kinds;
    for (const RuleLint &lint : RuleLints::compute(ruleset))
        if (chain->rules.at(lint.rule).text.contains(QStringLiteral("-d %1/32 ").arg(address)))
            kinds << lint.kind;
    return kinds;
}

void TestHelperDocker::lintNamesOnlyTheUnusedAddress()
{
    QString save; // DOCKER-USER as the helper read it, for the messages
    for (const ChainInfo &c : std::as_const(m_snapshot.chains))
        if (c.name == QLatin1String("DOCKER-USER"))
            for (const RuleEntry &r : c.rules)
                save += r.spec + QLatin1Char('\n');
    QVERIFY2(save.contains(m_unused), qPrintable(save));
    const QList<RuleLint::Kind> unused = lintsOf(m_unused);
    if (!m_running) {
        // Docker did not answer: nothing proves the address unused.
        QVERIFY2(!unused.contains(RuleLint::Kind::UnknownContainer), qPrintable(save));
        return;
    }
    QVERIFY2(unused.contains(RuleLint::Kind::UnknownContainer), qPrintable(save));
    QVERIFY2(save.contains(m_address), qPrintable(save));
    QVERIFY2(!lintsOf(m_address).contains(RuleLint::Kind::UnknownContainer), qPrintable(save));
}

QTEST_GUILESS_MAIN(TestHelperDocker)
#include "tst_helperdocker.moc"

// ChainWriter, the one way the helper writes DOCKER-USER, on the real kernel of private
// network namespaces (each test a fresh one), on both backends; and its callers: Apply
// (ApplyJob), the rollback (TransactionKeeper) and `--restore-saved` (UnitRestore) answer what
// the writer found. (RestoreSaved over D-Bus is tst_helperpersist's.)

#include "applyjob.h"
#include "backendchooser.h"
#include "backendworker.h"
#include "chainwriter.h"
#include "netns.h"
#include "persistentstore.h"
#include "ruleparser.h"
#include "snapshotbuilder.h"
#include "transactionkeeper.h"
#include "unitrestore.h"
#include "xtableslock.h"

#include <QCoreApplication>
#include <QDBusConnection>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <memory>
#include <optional>
#include <sys/file.h>
#include <unistd.h>

using namespace Userchain;

namespace {

constexpr int ShortLockTimeoutMs = 300;

QString tool(const QString &variant, bool save = false)
{
    return QStringLiteral("/usr/sbin/iptables-%1%2").arg(variant, save ? "-save" : "");
}

bool iptables(const QString &variant, const QStringList &args)
{
    const TestNetns::Result r = TestNetns::run(tool(variant), args);
    if (!r.ok())
        qWarning("iptables-%s %s: %s", qPrintable(variant), qPrintable(args.join(' ')),
                 r.err.constData());
    return r.ok();
}

/// A fresh namespace with Docker's chains in variant's tables ("legacy" or "nft"): DOCKER,
/// and unless without, DOCKER-USER with rules and FORWARD's jump to it.
bool dockerChains(const QString &variant, const QStringList &rules, bool withDockerUser = true)
{
    QString error;
    if (!TestNetns::fresh(&error)) {
        qWarning("%s", qPrintable(error));
        return false;
    }
    if (!iptables(variant, {QStringLiteral("-N"), QStringLiteral("DOCKER")}))
        return false;
    if (!withDockerUser)
        return true;
    if (!iptables(variant, {QStringLiteral("-N"), QStringLiteral("DOCKER-USER")}) ||
        !iptables(variant, {QStringLiteral("-I"), QStringLiteral("FORWARD"), QStringLiteral("-j"),
                            QStringLiteral("DOCKER-USER")}))
        return false;
    for (const QString &rule : rules)
        if (!iptables(variant, QStringList{QStringLiteral("-A"), QStringLiteral("DOCKER-USER")} +
                                   rule.split(' ')))
            return false;
    return true;
}

/// Lines of `iptables-VARIANT-save -t filter` for chain, without "-A CHAIN ".
QStringList chainRules(const QString &variant, const QString &chain = QStringLiteral("DOCKER-USER"))
{
    const TestNetns::Result r =
        TestNetns::run(tool(variant, true), {QStringLiteral("-t"), QStringLiteral("filter")});
    const QByteArray prefix = "-A " + chain.toLatin1() + ' ';
    QStringList rules;
    for (const QByteArray &line : r.out.split('\n'))
        if (line.startsWith(prefix))
            rules << QString::fromUtf8(line.mid(prefix.size()));
    return rules;
}

QVector<BackendRule> parsed(const QStringList &specs)
{
    QVector<BackendRule> rules;
    for (const QString &spec : specs) {
        RuleError e;
        const auto rule = RuleParser::parse(spec, Family::IPv4, &e);
        if (!rule)
            qFatal("%s: %s", qPrintable(spec), qPrintable(e.message));
        BackendRule backendRule;
        backendRule.rule = *rule;
        rules << backendRule;
    }
    return rules;
}

/// DOCKER-USER's revision as a fresh backend reads it (what the next GetSnapshot reports).
QString liveRevision()
{
    BackendChooser backends;
    const BackendChooser::Choice choice = backends.choose(Family::IPv4);
    BackendTables tables;
    QString error;
    if (!choice.backend || !choice.backend->read(Family::IPv4, &tables, &error))
        return QStringLiteral("unreadable: %1").arg(error);
    return SnapshotBuilder::computeRevision(Family::IPv4, SnapshotBuilder::dockerUser(tables));
}

/// Holds the xtables lock as another process's iptables would (flock is per open file).
class HeldLock
{
public:
    HeldLock()
    {
        m_fd =
            ::open(qgetenv("XTABLES_LOCKFILE").constData(), O_RDONLY | O_CREAT | O_CLOEXEC, 0600);
        if (m_fd < 0 || ::flock(m_fd, LOCK_EX | LOCK_NB) != 0)
            qFatal("cannot hold the xtables lock");
    }
    ~HeldLock() { ::close(m_fd); }
    Q_DISABLE_COPY_MOVE(HeldLock)

private:
    int m_fd = -1;
};

/// A writer of this thread's own, as the restore command has one.
struct Writer
{
    explicit Writer(int lockTimeoutMs = 10000,
                    BackendChooser::Moment moment = BackendChooser::Moment::DockerRunning)
        : backends(moment), writer(&backends, &lock, lockTimeoutMs)
    {}

    ChainWriter::Result write(const ChainWriter::Request &request)
    {
        bool finished = false;
        ChainWriter::Result result;
        QEventLoop loop;
        writer.write(request, [&](const ChainWriter::Result &outcome) {
            finished = true;
            result = outcome;
            loop.quit();
        });
        if (!finished)
            loop.exec();
        return result;
    }

    BackendChooser backends;
    XtablesLock lock;
    ChainWriter writer;
};

ChainWriter::Request replaceWith(const QStringList &specs, const QString &expectedRevision)
{
    ChainWriter::Request request;
    request.family = Family::IPv4;
    request.expectedRevision = expectedRevision;
    request.rules = [rules = parsed(specs)](const BackendChain *, QVector<BackendRule> *out,
                                            ApplyError *) {
        *out = rules;
        return true;
    };
    return request;
}

/// Apply's request, as HelperService::Apply makes it.
ApplyJob::Request applyRequest(const QStringList &specs, const QString &expectedRevision,
                               uint confirmSeconds = 0)
{
    ApplyRuleList list;
    for (const QString &spec : specs)
        list.append({spec, QString()});
    ApplyJob::Request request;
    request.expectedRevision = expectedRevision;
    request.confirmSeconds = confirmSeconds;
    auto items = std::make_shared<QVector<ApplyValidator::Item>>();
    request.validate = [items, list](ApplyError *error) {
        return ApplyValidator::validate(Family::IPv4, list, items.get(), error);
    };
    request.items = [items](const BackendChain *, QVector<ApplyValidator::Item> *out,
                            ApplyError *) {
        *out = std::move(*items);
        return true;
    };
    return request;
}

/// Runs an apply on worker, as HelperService does, and waits for its outcome (none: no answer
/// within 30 s).
std::optional<ApplyJob::Outcome> applied(BackendWorker *worker, const ApplyJob::Request &request)
{
    auto outcome = std::make_shared<std::optional<ApplyJob::Outcome>>();
    worker->post([worker, request, outcome]() {
        ApplyJob::run(worker, request, [worker, outcome](const ApplyJob::Outcome &result) {
            worker->answer([outcome, result]() { *outcome = result; });
        });
    });
    if (!QTest::qWaitFor([outcome]() { return outcome->has_value(); }, 30000))
        qWarning("the apply did not answer within 30 s");
    return *outcome;
}

const QStringList Before{QStringLiteral("-s 10.0.0.1/32 -j DROP"), QStringLiteral("-j RETURN")};
const QStringList After{QStringLiteral("-i eth0 -p tcp -m tcp --dport 22 -j DROP"),
                        QStringLiteral("-s 192.168.1.0/24 -j ACCEPT"), QStringLiteral("-j RETURN")};

} // namespace

class TestChainWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writes_data();
    void writes();
    void staleChangesNothing_data() { writes_data(); }
    void staleChangesNothing();
    void busyChangesNothing_data() { writes_data(); }
    void busyChangesNothing();
    void unavailableWithoutDockerChains();
    void chainMissingUnlessCreated_data() { writes_data(); }
    void chainMissingUnlessCreated();
    void refusedRulesChangeNothing_data() { writes_data(); }
    void refusedRulesChangeNothing();
    void dryRunAndUnchangedWriteNothing_data() { writes_data(); }
    void dryRunAndUnchangedWriteNothing();
    void beforeDockerWritesWhereDockerWill();
    void applyAnswersWhatTheWriterFound();
    void rollbackOnlyOverTheAppliedRevision_data() { writes_data(); }
    void rollbackOnlyOverTheAppliedRevision();
    void restoreCommandAnswersWhatTheWriterFound();
};

void TestChainWriter::writes_data()
{
    QTest::addColumn<QString>("variant");
    QTest::newRow("legacy") << QStringLiteral("legacy");
    QTest::newRow("nft") << QStringLiteral("nft");
}

void TestChainWriter::writes()
{
    QFETCH(QString, variant);
    QVERIFY(dockerChains(variant, Before));
    const QString before = liveRevision();
    Writer writer;
    QVector<BackendRule> told;
    ChainWriter::Request request = replaceWith(After, before);
    request.alongside = [&told](const QVector<BackendRule> &rules) {
        told = rules;
    };
    const ChainWriter::Result result = writer.write(request);
    QVERIFY2(result.failure == ChainWriter::Failure::None, qPrintable(result.error.message));
    QVERIFY(result.error.name.isEmpty());
    QVERIFY(result.committed);
    QCOMPARE(result.backend, variant);
    QCOMPARE(chainRules(variant), After);
    // The revision is what the next read reports; the previous rules are what was replaced.
    QCOMPARE(result.revision, liveRevision());
    QVERIFY(result.revision != before);
    QStringList previous;
    for (const BackendRule &rule : result.previous)
        previous << SnapshotBuilder::specText(rule);
    QCOMPARE(previous, Before);
    QCOMPARE(told.size(), After.size());
    // The jump was not asked for and not touched.
    QCOMPARE(chainRules(variant, QStringLiteral("FORWARD")), QStringList{"-j DOCKER-USER"});
}

void TestChainWriter::staleChangesNothing()
{
    QFETCH(QString, variant);
    QVERIFY(dockerChains(variant, Before));
    const QString before = liveRevision();
    Writer writer;
    // Someone else wrote after the client read: its revision is no longer the chain's.
    QVERIFY(iptables(variant, {QStringLiteral("-I"), QStringLiteral("DOCKER-USER"),
                               QStringLiteral("-j"), QStringLiteral("ACCEPT")}));
    const QStringList theirs = chainRules(variant);
    ChainWriter::Result result = writer.write(replaceWith(After, before));
    QVERIFY(result.failure == ChainWriter::Failure::Stale);
    QCOMPARE(result.error.name, QLatin1String(DBusError::StaleRevision));
    QVERIFY(!result.committed);
    QCOMPARE(chainRules(variant), theirs);

    // While someone holds the lock a stale writer hears so at once, not Busy after the wait.
    {
        const HeldLock held;
        Writer waiting(60000);
        QElapsedTimer clock;
        clock.start();
        result = waiting.write(replaceWith(After, before));
        QVERIFY(result.failure == ChainWriter::Failure::Stale);
        QCOMPARE_LT(clock.elapsed(), 10000);
    }
    QCOMPARE(chainRules(variant), theirs);
}

void TestChainWriter::busyChangesNothing()
{
    QFETCH(QString, variant);
    QVERIFY(dockerChains(variant, Before));
    const HeldLock held;
    Writer writer(ShortLockTimeoutMs);
    // With the revision of now, as with none (a restore): nothing without the lock.
    for (const QString &revision : {liveRevision(), QString()}) {
        const ChainWriter::Result result = writer.write(replaceWith(After, revision));
        QVERIFY(result.failure == ChainWriter::Failure::Busy);
        QCOMPARE(result.error.name, QLatin1String(DBusError::Busy));
        QVERIFY2(result.error.message.contains(QLatin1String("held by another process")),
                 qPrintable(result.error.message));
        QCOMPARE(chainRules(variant), Before);
    }
}

void TestChainWriter::unavailableWithoutDockerChains()
{
    QString error;
    QVERIFY2(TestNetns::fresh(&error), qPrintable(error));
    Writer writer;
    ChainWriter::Request request = replaceWith(After, QString());
    request.createChain = true;
    request.createJump = true;
    const ChainWriter::Result result = writer.write(request);
    QVERIFY(result.failure == ChainWriter::Failure::Unavailable);
    QCOMPARE(result.error.name, QLatin1String(DBusError::BackendUnavailable));
    QVERIFY2(result.error.message.startsWith(QLatin1String("none: ")),
             qPrintable(result.error.message));
    // Nothing was created, in either variant's tables.
    QVERIFY(chainRules(QStringLiteral("nft"), QStringLiteral("FORWARD")).isEmpty());
    QVERIFY(
        !QFile::exists(QStringLiteral("/proc/net/ip_tables_names")) ||
        TestNetns::run(QStringLiteral("/bin/cat"), {QStringLiteral("/proc/net/ip_tables_names")})
            .out.isEmpty());
}

void TestChainWriter::chainMissingUnlessCreated()
{
    QFETCH(QString, variant);
    QVERIFY(dockerChains(variant, {}, false));
    Writer writer;
    ChainWriter::Request request = replaceWith(After, QString());
    ChainWriter::Result result = writer.write(request);
    QVERIFY(result.failure == ChainWriter::Failure::ChainMissing);
    QCOMPARE(result.error.name, QLatin1String(DBusError::ChainMissing));
    QVERIFY(chainRules(variant, QStringLiteral("FORWARD")).isEmpty());

    request.createChain = true;
    request.createJump = true;
    result = writer.write(request);
    QVERIFY2(result.failure == ChainWriter::Failure::None, qPrintable(result.error.message));
    QCOMPARE(chainRules(variant), After);
    QCOMPARE(chainRules(variant, QStringLiteral("FORWARD")), QStringList{"-j DOCKER-USER"});
    QCOMPARE(result.revision, liveRevision());
}

void TestChainWriter::refusedRulesChangeNothing()
{
    QFETCH(QString, variant);
    QVERIFY(dockerChains(variant, Before));
    Writer writer;
    // The request's own refusal (ApplyValidator::resolve, a damaged saved file) passes through.
    ChainWriter::Request request = replaceWith(After, liveRevision());
    request.rules = [](const BackendChain *, QVector<BackendRule> *, ApplyError *error) {
        *error = {QLatin1String(DBusError::InvalidRule), QStringLiteral("rule 2: no")};
        return false;
    };
    ChainWriter::Result result = writer.write(request);
    QVERIFY(result.failure == ChainWriter::Failure::Refused);
    QCOMPARE(result.error.name, QLatin1String(DBusError::InvalidRule));
    QCOMPARE(result.error.message, QStringLiteral("rule 2: no"));
    QCOMPARE(chainRules(variant), Before);

    // One the backend cannot write: a jump to a chain that does not exist (libiptc refuses it
    // before the commit, the kernel the nf_tables batch).
    result = writer.write(replaceWith(
        {QStringLiteral("-j RETURN"), QStringLiteral("-j NO-SUCH-CHAIN")}, liveRevision()));
    QVERIFY(result.failure == ChainWriter::Failure::Other);
    QCOMPARE(result.error.name, QLatin1String(DBusError::Failed));
    QVERIFY2(result.error.message.contains(QLatin1String("NO-SUCH-CHAIN")) ||
                 result.error.message.contains(QLatin1String("rule 2")),
             qPrintable(result.error.message));
    QVERIFY(!result.committed);
    QCOMPARE(chainRules(variant), Before);
}

void TestChainWriter::dryRunAndUnchangedWriteNothing()
{
    QFETCH(QString, variant);
    QVERIFY(dockerChains(variant, Before));
    const QString before = liveRevision();
    Writer writer;
    int told = 0;
    ChainWriter::Request request = replaceWith(After, before);
    request.dryRun = true;
    request.alongside = [&told](const QVector<BackendRule> &) {
        ++told;
    };
    ChainWriter::Result result = writer.write(request);
    QVERIFY2(result.failure == ChainWriter::Failure::None, qPrintable(result.error.message));
    QVERIFY(!result.committed);
    QCOMPARE(result.revision, before);
    QCOMPARE(told, 1);
    QCOMPARE(chainRules(variant), Before);

    // The same rules again, asked to skip them: nothing committed, the revision of now (also
    // without an expected one).
    request = replaceWith(Before, QString());
    request.skipUnchanged = true;
    result = writer.write(request);
    QVERIFY2(result.failure == ChainWriter::Failure::None, qPrintable(result.error.message));
    QVERIFY(!result.committed);
    QCOMPARE(result.revision, before);
    // Not asked: committed (a confirmed apply needs its transaction).
    request.skipUnchanged = false;
    result = writer.write(request);
    QVERIFY(result.committed);
    QCOMPARE(result.revision, before);
}

void TestChainWriter::beforeDockerWritesWhereDockerWill()
{
    // No Docker chains at all, as after a boot: the restore before Docker writes where
    // `iptables -V` says Docker will, creating chain and jump; the service would not.
    QString error;
    QVERIFY2(TestNetns::fresh(&error), qPrintable(error));
    const QByteArray version =
        TestNetns::run(QStringLiteral("/usr/sbin/iptables"), {QStringLiteral("-V")}).out;
    const QString variant =
        version.contains("(legacy)") ? QStringLiteral("legacy") : QStringLiteral("nft");
    Writer service;
    ChainWriter::Request request = replaceWith(After, QString());
    request.createChain = true;
    request.createJump = true;
    QVERIFY(service.write(request).failure == ChainWriter::Failure::Unavailable);
    Writer restore(10000, BackendChooser::Moment::BeforeDocker);
    const ChainWriter::Result result = restore.write(request);
    QVERIFY2(result.failure == ChainWriter::Failure::None, qPrintable(result.error.message));
    QCOMPARE(result.backend, variant);
    QCOMPARE(chainRules(variant), After);
    QCOMPARE(chainRules(variant, QStringLiteral("FORWARD")), QStringList{"-j DOCKER-USER"});
}

void TestChainWriter::applyAnswersWhatTheWriterFound()
{
    // Apply on the family's worker, as the service runs it: the writer's answers are its own.
    QVERIFY(dockerChains(QStringLiteral("legacy"), Before));
    const QString before = liveRevision();
    {
        const HeldLock held;
        BackendWorker worker(Family::IPv4, ShortLockTimeoutMs);
        const auto outcome = applied(&worker, applyRequest(After, before));
        QVERIFY(outcome);
        QCOMPARE(outcome->error.name, QLatin1String(DBusError::Busy));
        QVERIFY(!outcome->committed);
    }
    BackendWorker worker(Family::IPv4, 10000);
    auto outcome = applied(&worker, applyRequest(After, QStringLiteral("0123")));
    QVERIFY(outcome);
    QCOMPARE(outcome->error.name, QLatin1String(DBusError::StaleRevision));
    QCOMPARE(chainRules(QStringLiteral("legacy")), Before);
    outcome = applied(&worker, applyRequest(After, before));
    QVERIFY(outcome);
    QVERIFY2(outcome->error.name.isEmpty(), qPrintable(outcome->error.message));
    QVERIFY(outcome->committed);
    QCOMPARE(outcome->revision, liveRevision());
    QCOMPARE(chainRules(QStringLiteral("legacy")), After);

    QString error;
    QVERIFY2(TestNetns::fresh(&error), qPrintable(error));
    BackendWorker nowhere(Family::IPv4, 10000);
    outcome = applied(&nowhere, applyRequest(After, before));
    QVERIFY(outcome);
    QCOMPARE(outcome->error.name, QLatin1String(DBusError::BackendUnavailable));
}

void TestChainWriter::rollbackOnlyOverTheAppliedRevision()
{
    QFETCH(QString, variant);
    QVERIFY(dockerChains(variant, Before));
    qputenv("USERCHAIN_TRANSACTION_LOCK",
            QFile::encodeName(QDir::tempPath() + QStringLiteral("/tst_chainwriter-%1.lock")
                                                     .arg(QCoreApplication::applicationPid())));
    BackendWorker worker(Family::IPv4, 10000);
    TransactionKeeper keeper(QDBusConnection(QStringLiteral("none")),
                             [&worker](Family) { return &worker; });
    // -1: no answer within 30 s.
    const auto rollBack = [&keeper]() {
        auto outcome = std::make_shared<int>(-1);
        keeper.rollBack(QStringLiteral("requested"),
                        [outcome](TransactionKeeper::Outcome result, const QString &) {
                            *outcome = int(result);
                        });
        if (!QTest::qWaitFor([outcome]() { return *outcome >= 0; }, 30000))
            qWarning("the rollback did not answer within 30 s");
        return *outcome;
    };

    // A confirmed apply, then its rollback over the chain it left: the old rules are back.
    auto outcome = applied(&worker, applyRequest(After, liveRevision(), 60));
    QVERIFY(outcome);
    QVERIFY2(outcome->committed, qPrintable(outcome->error.message));
    keeper.start(QStringLiteral(":1.1"), Family::IPv4, outcome->previous, outcome->revision, 60);
    QCOMPARE(chainRules(variant), After);
    QCOMPARE(rollBack(), int(TransactionKeeper::Outcome::RolledBack));
    QCOMPARE(chainRules(variant), Before);

    // Again, but someone inserts a rule before the window closes: the chain is kept.
    outcome = applied(&worker, applyRequest(After, liveRevision(), 60));
    QVERIFY(outcome);
    QVERIFY2(outcome->committed, qPrintable(outcome->error.message));
    keeper.start(QStringLiteral(":1.1"), Family::IPv4, outcome->previous, outcome->revision, 60);
    QVERIFY(iptables(variant, {QStringLiteral("-I"), QStringLiteral("DOCKER-USER"),
                               QStringLiteral("-j"), QStringLiteral("ACCEPT")}));
    const QStringList theirs = chainRules(variant);
    QCOMPARE(rollBack(), int(TransactionKeeper::Outcome::Conflict));
    QCOMPARE(chainRules(variant), theirs);
    QVERIFY(!keeper.busy());
}

void TestChainWriter::restoreCommandAnswersWhatTheWriterFound()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const PersistentStore store(dir.path() + QStringLiteral("/etc"));
    ApplyError saveError;
    QVERIFY2(store.save(Family::IPv4, After, &saveError), qPrintable(saveError.message));
    UnitRestore::Options options;
    options.families = {Family::IPv4};
    options.lockTimeoutMs = ShortLockTimeoutMs;
    options.transactionLockPath = dir.path() + QStringLiteral("/transaction.lock");

    QVERIFY(dockerChains(QStringLiteral("legacy"), Before));
    {
        const HeldLock held;
        QCOMPARE(UnitRestore::run(options, store), int(UnitRestore::ExitBusy));
    }
    QCOMPARE(chainRules(QStringLiteral("legacy")), Before);
    QCOMPARE(UnitRestore::run(options, store), int(UnitRestore::ExitOk));
    QCOMPARE(chainRules(QStringLiteral("legacy")), After);

    QString error;
    QVERIFY2(TestNetns::fresh(&error), qPrintable(error));
    QCOMPARE(UnitRestore::run(options, store), int(UnitRestore::ExitNoBackend));
}

int main(int argc, char **argv)
{
    TestNetns::enterPrivateNetwork(argc, argv);
    QCoreApplication app(argc, argv);
    TestChainWriter test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_chainwriter.moc"

// Crash safety (issue 11, item 13): the helper is killed with SIGKILL at random moments of
// 100 applies. Whatever the moment (before polkit answered, while parsing, waiting for the
// lock, during the commit, after it), DOCKER-USER as iptables-save shows it is entirely the
// rules from before or entirely the new ones, the rest of the table is untouched, an apply
// that was answered is in place, and the next call (a new helper, started by the bus) works.
//
// The moments: the first applies, not killed, measure how long an apply takes from the call to
// the reply; each later apply is killed after a random delay of up to 1.5 times that. The
// delay is what the test is about, not a wait for something to happen. It prints the seed;
// USERCHAIN_CRASH_SEED=N repeats the delays (the helper's own timing still varies).
//
// Built twice: tst_helpercrash (legacy, libiptc: one IPT_SO_SET_REPLACE) and
// tst_helpercrashnft (USERCHAIN_CRASH_NFT, nf_tables: one netlink batch), each in a sandbox of
// its own so that the nf_tables run has no legacy tables.

#include "dbustypes.h"
#include "testsandbox.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusPendingCall>
#include <QDBusReply>
#include <QDBusServiceWatcher>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QtTest>

#include <algorithm>
#include <signal.h>
#include <unistd.h>

using namespace Userchain;

namespace {
const QString Service = QStringLiteral("io.github.userchain.Helper1");
const QString Path = QStringLiteral("/io/github/userchain/Helper1");
#ifdef USERCHAIN_CRASH_NFT
const QString SaveTool = QStringLiteral("iptables-nft-save");
const QString RestoreTool = QStringLiteral("iptables-nft-restore");
const char *Capture = "/docker-20.10/docker20.10-nft-with-containers.nft.v4.rules";
#else
const QString SaveTool = QStringLiteral("iptables-legacy-save");
const QString RestoreTool = QStringLiteral("iptables-legacy-restore");
const char *Capture = "/docker-20.10/docker20.10-legacy-with-containers.legacy.v4.rules";
#endif
constexpr int Applies = 100;
constexpr int Calibration = 4;
// Large enough that an apply takes a while (parse, encode, commit), small enough for 100.
constexpr int RulesPerSet = 1500;

QStringList ruleSet(int set)
{
    QStringList rules;
    for (int i = 0; i < RulesPerSet; ++i)
        rules << QStringLiteral("-s 10.%1.%2.%3/32 -j DROP").arg(set).arg(i / 250).arg(i % 250 + 1);
    rules << QStringLiteral("-j RETURN");
    return rules;
}

QDBusMessage method(const QString &name)
{
    return QDBusMessage::createMethodCall(Service, Path, Service, name);
}
} // namespace

class TestHelperCrash : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void killedAtRandomMoments();

private:
    struct Table
    {
        QStringList dockerUser;
        QByteArray others; ///< every other line of the filter table, chain counters zeroed
    };
    static Table table();
    /// GetSnapshot (starting a helper if none runs): DOCKER-USER's specs and the revision.
    static bool snapshot(QStringList *specs, QString *revision, QString *error);

    QStringList m_sets[2];
};

void TestHelperCrash::initTestCase()
{
    QVERIFY(TestSandbox::inside());
    registerDBusTypes();
    const auto loaded = TestSandbox::run(
        RestoreTool, {QStringLiteral(USERCHAIN_FIXTURES_DIR) + QLatin1String(Capture)});
    QVERIFY2(loaded.exitCode == 0, qPrintable(loaded.describe()));
    m_sets[0] = ruleSet(0);
    m_sets[1] = ruleSet(1);
    QByteArray rules = "*filter\n:DOCKER-USER - [0:0]\n-F DOCKER-USER\n";
    for (const QString &spec : std::as_const(m_sets[0]))
        rules += "-A DOCKER-USER " + spec.toUtf8() + '\n';
    const auto written = TestSandbox::run(RestoreTool, {QStringLiteral("-n")}, rules + "COMMIT\n");
    QVERIFY2(written.exitCode == 0, qPrintable(written.describe()));
    QCOMPARE(table().dockerUser, m_sets[0]);
}

TestHelperCrash::Table TestHelperCrash::table()
{
    static const QRegularExpression counters(QStringLiteral("\\[\\d+:\\d+\\]$"));
    Table t;
    const QByteArray save =
        TestSandbox::run(SaveTool, {QStringLiteral("-t"), QStringLiteral("filter")}).out;
    for (const QByteArray &raw : save.split('\n')) {
        if (raw.startsWith('#') || raw.isEmpty())
            continue;
        if (raw.startsWith("-A DOCKER-USER "))
            t.dockerUser << QString::fromUtf8(raw.mid(15));
        else
            t.others +=
                QString::fromUtf8(raw).replace(counters, QStringLiteral("[0:0]")).toUtf8() + '\n';
    }
    return t;
}

bool TestHelperCrash::snapshot(QStringList *specs, QString *revision, QString *error)
{
    QDBusMessage read = method(QStringLiteral("GetSnapshot"));
    read << 4;
    const QDBusMessage reply = QDBusConnection::systemBus().call(read, QDBus::Block, 30000);
    if (reply.type() != QDBusMessage::ReplyMessage) {
        *error = reply.errorName() + QLatin1Char(' ') + reply.errorMessage();
        return false;
    }
    const Snapshot s = qdbus_cast<Snapshot>(reply.arguments().at(0));
    specs->clear();
    for (const ChainInfo &chain : s.chains)
        if (chain.table == QLatin1String("filter") && chain.name == QLatin1String("DOCKER-USER"))
            for (const RuleEntry &rule : chain.rules)
                *specs << rule.spec;
    *revision = s.revision;
    return true;
}

void TestHelperCrash::killedAtRandomMoments()
{
    const quint32 seed = qEnvironmentVariableIsSet("USERCHAIN_CRASH_SEED")
                             ? quint32(qEnvironmentVariableIntValue("USERCHAIN_CRASH_SEED"))
                             : QRandomGenerator::global()->generate();
    qInfo("seed %u (USERCHAIN_CRASH_SEED=%u repeats the delays)", seed, seed);
    QRandomGenerator random(seed);
    const QByteArray others = table().others;
    int current = 0; // which set DOCKER-USER holds
    QVector<qint64> durations;
    qint64 maxDelayUs = 0;
    int killedOld = 0, killedNew = 0, answered = 0, confirmed = 0;

    for (int i = 0; i < Calibration + Applies; ++i) {
        const bool kill = i >= Calibration;
        QStringList specs;
        QString revision, error;
        // The next call works: a new helper starts and reads what the kernel holds.
        QVERIFY2(snapshot(&specs, &revision, &error),
                 qPrintable(QStringLiteral("apply %1: %2").arg(i).arg(error)));
        QCOMPARE(specs, m_sets[current]);
        const QDBusReply<uint> pid = QDBusConnection::systemBus().interface()->servicePid(Service);
        QVERIFY2(pid.isValid(), qPrintable(pid.error().message()));

        const int target = 1 - current;
        // A quarter are confirmed applies: they hold the transaction lock, which a killed
        // helper must not leave taken for the next one.
        const uint confirmSeconds = kill && random.bounded(4) == 0 ? 60 : 0;
        ApplyRuleList rules;
        for (const QString &spec : std::as_const(m_sets[target]))
            rules.append({spec, QString()});
        QDBusMessage apply = method(QStringLiteral("Apply"));
        apply << 4 << QVariant::fromValue(rules) << revision << confirmSeconds << 0u;
        const qint64 delayUs = kill ? qint64(random.bounded(double(maxDelayUs))) : 0;
        // Watching from before the kill: the name's release is the sign that the next call
        // goes to a new helper (a call sent before it would go to the dead one).
        QDBusServiceWatcher watcher(Service, QDBusConnection::systemBus(),
                                    QDBusServiceWatcher::WatchForUnregistration);
        QSignalSpy released(&watcher, &QDBusServiceWatcher::serviceUnregistered);
        QElapsedTimer timer;
        timer.start();
        QDBusPendingCall call = QDBusConnection::systemBus().asyncCall(apply, 60000);
        if (kill) {
            ::usleep(useconds_t(delayUs));
            QCOMPARE(::kill(pid_t(pid.value()), SIGKILL), 0);
        }
        call.waitForFinished();
        const QDBusMessage reply = call.reply();
        if (!kill) {
            QVERIFY2(reply.type() == QDBusMessage::ReplyMessage, qPrintable(reply.errorMessage()));
            durations << timer.nsecsElapsed() / 1000;
            std::sort(durations.begin(), durations.end());
            maxDelayUs = durations.at(durations.size() / 2) * 3 / 2;
            current = target;
            continue;
        }
        QVERIFY2(!released.isEmpty() || released.wait(10000), "the killed helper kept its name");

        const Table after = table();
        QCOMPARE(after.others, others);
        const bool isOld = after.dockerUser == m_sets[current];
        const bool isNew = after.dockerUser == m_sets[target];
        QVERIFY2(isOld || isNew,
                 qPrintable(QStringLiteral("apply %1 killed after %2 us: DOCKER-USER has %3 rules, "
                                           "neither the old nor the new ones")
                                .arg(i)
                                .arg(delayUs)
                                .arg(after.dockerUser.size())));
        if (reply.type() == QDBusMessage::ReplyMessage) {
            // Answered before the kill: then it was committed.
            QVERIFY2(isNew,
                     qPrintable(QStringLiteral("apply %1 was answered but not applied").arg(i)));
            ++answered;
            confirmed += confirmSeconds > 0;
        } else {
            // The only error a kill may cause: the helper left without answering.
            QVERIFY2(reply.errorName() == QLatin1String("org.freedesktop.DBus.Error.NoReply"),
                     qPrintable(reply.errorName() + QLatin1Char(' ') + reply.errorMessage()));
            ++(isNew ? killedNew : killedOld);
        }
        current = isNew ? target : current;
    }

    // After the last kill a confirmed apply still works (the transaction lock is free) and a
    // Confirm keeps it.
    QStringList specs;
    QString revision, error;
    QVERIFY2(snapshot(&specs, &revision, &error), qPrintable(error));
    ApplyRuleList rules;
    for (const QString &spec : std::as_const(m_sets[1 - current]))
        rules.append({spec, QString()});
    QDBusMessage apply = method(QStringLiteral("Apply"));
    apply << 4 << QVariant::fromValue(rules) << revision << 60u << 0u;
    const QDBusMessage applied = QDBusConnection::systemBus().call(apply, QDBus::Block, 60000);
    QVERIFY2(applied.type() == QDBusMessage::ReplyMessage, qPrintable(applied.errorMessage()));
    QDBusMessage confirm = method(QStringLiteral("Confirm"));
    confirm << applied.arguments().at(0).toString();
    const QDBusMessage kept = QDBusConnection::systemBus().call(confirm, QDBus::Block, 30000);
    QVERIFY2(kept.type() == QDBusMessage::ReplyMessage, qPrintable(kept.errorMessage()));
    QCOMPARE(table().dockerUser, m_sets[1 - current]);

    qInfo("%d applies killed within %lld us: %d left the old rules, %d the new ones, %d were "
          "answered first (%d of them confirmed applies)",
          Applies, maxDelayUs, killedOld, killedNew, answered, confirmed);
}

USERCHAIN_SANDBOX_TEST_MAIN(TestHelperCrash, QStringList{}, QStringList{})
#include "tst_helpercrash.moc"

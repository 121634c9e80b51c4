// Confirmed apply: kept when confirmed, rolled back when not confirmed in time, when the
// client disappears, or on request; RolledBack reaches only the applying client.

#include "blockinghelperclient.h"
#include "testsandbox.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusServiceWatcher>
#include <QProcess>
#include <QSignalSpy>
#include <QtTest>

#include <signal.h>

using namespace Userchain;

namespace {
const QStringList OldRules{QStringLiteral("-s 10.0.0.1/32 -j DROP"), QStringLiteral("-j RETURN")};
const QStringList NewRules{QStringLiteral("-s 10.9.9.9/32 -j DROP"), QStringLiteral("-j RETURN")};
const QString Service = QStringLiteral("io.github.userchain.Helper1");
const QString Path = QStringLiteral("/io/github/userchain/Helper1");
const QString Interface = QStringLiteral("io.github.userchain.Helper1");
} // namespace

/// Counts RolledBack signals that reach one connection.
class SignalCounter : public QObject
{
    Q_OBJECT
public:
    int count = 0;
    QString lastReason;
public Q_SLOTS:
    void rolledBack(const QString &, const QString &reason)
    {
        ++count;
        lastReason = reason;
    }
};

class TestHelperConfirm : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void confirmKeepsRules();
    void noConfirmRollsBack();
    void killedClientRollsBack();
    void rollbackCommand();
    void secondApplyIsBusy();
    void confirmFromAnotherClient();
    void unknownTransaction();
    void rolledBackGoesOnlyToApplier();
    void rollbackKeepsSomeoneElsesChange();
    void requestedRollbackAfterChangeIsStale();
    void helperExitsWhenIdle();

private:
    static QStringList dockerUser()
    {
        return TestSandbox::chainRules(QStringLiteral("DOCKER-USER"));
    }
    static bool loadOld();
    QString newRulesFile();
    /// Starts `userchainctl apply FILE --confirm SECONDS` and waits for its prompt.
    bool startConfirmedApply(QProcess *process, int seconds);

    QString m_newFile;
    QString m_transaction; ///< the id startConfirmedApply() read from the prompt
};

void TestHelperConfirm::initTestCase()
{
    QVERIFY(TestSandbox::inside());
    registerDBusTypes();
    QByteArray rules;
    for (const QString &r : NewRules)
        rules += "-A DOCKER-USER " + r.toUtf8() + '\n';
    m_newFile = TestSandbox::writeTemp(rules);
}

void TestHelperConfirm::init()
{
    QVERIFY(loadOld());
}

bool TestHelperConfirm::loadOld()
{
    QByteArray file = "*filter\n:INPUT ACCEPT [0:0]\n:FORWARD DROP [0:0]\n:OUTPUT ACCEPT [0:0]\n"
                      ":DOCKER-USER - [0:0]\n-A FORWARD -j DOCKER-USER\n";
    for (const QString &spec : OldRules)
        file += "-A DOCKER-USER " + spec.toUtf8() + '\n';
    file += "COMMIT\n";
    return TestSandbox::restore(file);
}

bool TestHelperConfirm::startConfirmedApply(QProcess *process, int seconds)
{
    process->start(TestSandbox::ctlPath(), {QStringLiteral("apply"), m_newFile,
                                            QStringLiteral("--confirm"), QString::number(seconds)});
    QElapsedTimer timer;
    timer.start();
    QByteArray out;
    while (timer.elapsed() < 20000) {
        process->waitForReadyRead(200);
        out += process->readAllStandardOutput();
        if (out.contains("Press Enter") && out.contains(")")) {
            // "... (transaction ID);"
            const int at = out.indexOf("(transaction ");
            m_transaction = QString::fromLatin1(out.mid(at + 13, out.indexOf(')', at) - at - 13));
            return true;
        }
        if (process->state() == QProcess::NotRunning)
            break;
    }
    qWarning() << "no prompt:" << out << process->readAllStandardError();
    return false;
}

void TestHelperConfirm::confirmKeepsRules()
{
    QProcess process;
    QVERIFY(startConfirmedApply(&process, 3));
    QCOMPARE(dockerUser(), NewRules);
    process.write("\n");
    QVERIFY(process.waitForFinished(10000));
    QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
    // Nothing is left that could roll back later: the transaction is gone (a bus round trip,
    // after the confirmation, answered by the helper that holds the window's timer).
    QDBusMessage again =
        QDBusMessage::createMethodCall(Service, Path, Interface, QStringLiteral("Rollback"));
    again << m_transaction;
    const QDBusMessage reply = QDBusConnection::systemBus().call(again);
    QCOMPARE(reply.errorName(), QLatin1String(DBusError::NoSuchTransaction));
    QCOMPARE(dockerUser(), NewRules);
}

void TestHelperConfirm::noConfirmRollsBack()
{
    QProcess process;
    QVERIFY(startConfirmedApply(&process, 2));
    QCOMPARE(dockerUser(), NewRules);
    process.closeWriteChannel(); // nobody will press Enter
    QVERIFY(process.waitForFinished(15000));
    QCOMPARE(process.exitCode(), 7);
    const QByteArray err = process.readAllStandardError();
    QVERIFY2(err.contains("rolled back (timeout)"), err.constData());
    QCOMPARE(dockerUser(), OldRules);
}

void TestHelperConfirm::killedClientRollsBack()
{
    QProcess process;
    QVERIFY(startConfirmedApply(&process, 60));
    QCOMPARE(dockerUser(), NewRules);
    QElapsedTimer timer;
    timer.start();
    ::kill(pid_t(process.processId()), SIGKILL);
    process.waitForFinished(5000);
    // The helper sees the client's bus name vanish and restores at once, not after 60 s.
    QTRY_COMPARE_WITH_TIMEOUT(dockerUser(), OldRules, 10000);
    QVERIFY(timer.elapsed() < 10000);
}

void TestHelperConfirm::rollbackCommand()
{
    QProcess process;
    QVERIFY(startConfirmedApply(&process, 60));
    // Another terminal: without an id, `userchainctl rollback` does not reach someone else's
    // transaction; with its exact id (and the persist action, which root has) it does.
    const auto blind = TestSandbox::ctl({QStringLiteral("rollback")});
    QVERIFY2(blind.exitCode == 6, qPrintable(blind.describe()));
    QCOMPARE(dockerUser(), NewRules);
    const auto rolled = TestSandbox::ctl({QStringLiteral("rollback"), m_transaction});
    QVERIFY2(rolled.exitCode == 0, qPrintable(rolled.describe()));
    QCOMPARE(dockerUser(), OldRules);
    // The applying client hears about it and exits with 7.
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(process.exitCode(), 7);
    QVERIFY(process.readAllStandardError().contains("rolled back (requested)"));
}

void TestHelperConfirm::secondApplyIsBusy()
{
    QProcess process;
    QVERIFY(startConfirmedApply(&process, 60));
    const QString other = TestSandbox::writeTemp("-A DOCKER-USER -j DROP\n");
    const auto second = TestSandbox::ctl({QStringLiteral("apply"), other});
    QVERIFY2(second.exitCode == 6, qPrintable(second.describe()));
    QVERIFY2(second.err.contains("busy"), second.err.constData());
    QCOMPARE(dockerUser(), NewRules);
    process.write("\n");
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(process.exitCode(), 0);
    QFile::remove(other);
}

void TestHelperConfirm::confirmFromAnotherClient()
{
    BlockingHelperClient client;
    BlockingHelperClient::Failure failure;
    Snapshot snapshot;
    QVERIFY(client.snapshot(Family::IPv4, &snapshot, &failure));
    QString transaction, revision;
    QVERIFY2(client.apply(Family::IPv4, {{NewRules.at(0), {}}, {NewRules.at(1), {}}},
                          snapshot.revision, 2, 0, &transaction, &revision, &failure),
             qPrintable(BlockingHelperClient::describe(failure)));
    QVERIFY(!transaction.isEmpty());
    // A different process (authorized for apply) confirms by id.
    const auto confirmed = TestSandbox::ctl({QStringLiteral("confirm"), transaction});
    QVERIFY2(confirmed.exitCode == 0, qPrintable(confirmed.describe()));
    QCOMPARE(dockerUser(), NewRules);
    // Confirming twice: the transaction is gone.
    const auto again = TestSandbox::ctl({QStringLiteral("confirm"), transaction});
    QCOMPARE(again.exitCode, 6);
    QVERIFY(again.err.contains("no such pending transaction"));
}

void TestHelperConfirm::unknownTransaction()
{
    for (const QString &method : {QStringLiteral("Confirm"), QStringLiteral("Rollback")}) {
        QDBusMessage call = QDBusMessage::createMethodCall(Service, Path, Interface, method);
        call << QStringLiteral("0123456789abcdef");
        const QDBusMessage reply = QDBusConnection::systemBus().call(call);
        QCOMPARE(reply.type(), QDBusMessage::ErrorMessage);
        QCOMPARE(reply.errorName(), QLatin1String(DBusError::NoSuchTransaction));
    }
    const auto none = TestSandbox::ctl({QStringLiteral("rollback")});
    QCOMPARE(none.exitCode, 6);
}

void TestHelperConfirm::rolledBackGoesOnlyToApplier()
{
    const QString address = qEnvironmentVariable("DBUS_SYSTEM_BUS_ADDRESS");
    QDBusConnection applier = QDBusConnection::connectToBus(address, QStringLiteral("applier"));
    QDBusConnection bystander = QDBusConnection::connectToBus(address, QStringLiteral("bystander"));
    QVERIFY(applier.isConnected() && bystander.isConnected());
    SignalCounter mine, theirs;
    // The bystander listens as broadly as a match rule allows for this interface.
    QVERIFY(applier.connect(QString(), Path, Interface, QStringLiteral("RolledBack"), &mine,
                            SLOT(rolledBack(QString, QString))));
    QVERIFY(bystander.connect(QString(), Path, Interface, QStringLiteral("RolledBack"), &theirs,
                              SLOT(rolledBack(QString, QString))));

    QDBusMessage read =
        QDBusMessage::createMethodCall(Service, Path, Interface, QStringLiteral("GetSnapshot"));
    read << 4;
    const QDBusMessage snapshotReply = applier.call(read);
    QCOMPARE(snapshotReply.type(), QDBusMessage::ReplyMessage);
    const Snapshot snapshot = qdbus_cast<Snapshot>(snapshotReply.arguments().at(0));

    QDBusMessage apply =
        QDBusMessage::createMethodCall(Service, Path, Interface, QStringLiteral("Apply"));
    apply << 4 << QVariant::fromValue(ApplyRuleList{{NewRules.at(0), {}}, {NewRules.at(1), {}}})
          << snapshot.revision << 1u << 0u;
    const QDBusMessage applied = applier.call(apply);
    QVERIFY2(applied.type() == QDBusMessage::ReplyMessage, qPrintable(applied.errorMessage()));
    QCOMPARE(dockerUser(), NewRules);

    QTRY_COMPARE_WITH_TIMEOUT(mine.count, 1, 8000);
    QCOMPARE(mine.lastReason, QStringLiteral("timeout"));
    // The helper sent the signal before it answers this ping; had it gone to the bystander
    // too, it would have arrived first.
    const QDBusMessage pong = bystander.call(QDBusMessage::createMethodCall(
        Service, QStringLiteral("/"), QStringLiteral("org.freedesktop.DBus.Peer"),
        QStringLiteral("Ping")));
    QCOMPARE(pong.type(), QDBusMessage::ReplyMessage);
    QCoreApplication::processEvents();
    QCOMPARE(theirs.count, 0);
    QCOMPARE(dockerUser(), OldRules);
    QDBusConnection::disconnectFromBus(QStringLiteral("applier"));
    QDBusConnection::disconnectFromBus(QStringLiteral("bystander"));
}

void TestHelperConfirm::rollbackKeepsSomeoneElsesChange()
{
    // The window closes after someone else changed DOCKER-USER: writing the old rules back
    // would undo their change, so the chain stays and the applier hears "conflict".
    const QString address = qEnvironmentVariable("DBUS_SYSTEM_BUS_ADDRESS");
    QDBusConnection applier = QDBusConnection::connectToBus(address, QStringLiteral("conflict"));
    QVERIFY(applier.isConnected());
    SignalCounter mine;
    QVERIFY(applier.connect(QString(), Path, Interface, QStringLiteral("RolledBack"), &mine,
                            SLOT(rolledBack(QString, QString))));
    QDBusMessage read =
        QDBusMessage::createMethodCall(Service, Path, Interface, QStringLiteral("GetSnapshot"));
    read << 4;
    const QDBusMessage snapshotReply = applier.call(read);
    QCOMPARE(snapshotReply.type(), QDBusMessage::ReplyMessage);
    const Snapshot snapshot = qdbus_cast<Snapshot>(snapshotReply.arguments().at(0));
    QDBusMessage apply =
        QDBusMessage::createMethodCall(Service, Path, Interface, QStringLiteral("Apply"));
    apply << 4 << QVariant::fromValue(ApplyRuleList{{NewRules.at(0), {}}, {NewRules.at(1), {}}})
          << snapshot.revision << 1u << 0u;
    const QDBusMessage applied = applier.call(apply);
    QVERIFY2(applied.type() == QDBusMessage::ReplyMessage, qPrintable(applied.errorMessage()));

    const auto added = TestSandbox::run(QStringLiteral("iptables-legacy"),
                                        {QStringLiteral("-I"), QStringLiteral("DOCKER-USER"),
                                         QStringLiteral("-s"), QStringLiteral("198.51.100.1/32"),
                                         QStringLiteral("-j"), QStringLiteral("DROP")});
    QVERIFY2(added.exitCode == 0, qPrintable(added.describe()));
    const QStringList changed =
        QStringList{QStringLiteral("-s 198.51.100.1/32 -j DROP")} + NewRules;
    QCOMPARE(dockerUser(), changed);

    QTRY_COMPARE_WITH_TIMEOUT(mine.count, 1, 8000);
    QCOMPARE(mine.lastReason, QStringLiteral("conflict"));
    QCOMPARE(dockerUser(), changed);
    QDBusConnection::disconnectFromBus(QStringLiteral("conflict"));
}

void TestHelperConfirm::requestedRollbackAfterChangeIsStale()
{
    BlockingHelperClient client;
    BlockingHelperClient::Failure failure;
    Snapshot snapshot;
    QVERIFY(client.snapshot(Family::IPv4, &snapshot, &failure));
    QString transaction, revision;
    QVERIFY2(client.apply(Family::IPv4, {{NewRules.at(0), {}}, {NewRules.at(1), {}}},
                          snapshot.revision, 60, 0, &transaction, &revision, &failure),
             qPrintable(BlockingHelperClient::describe(failure)));
    const auto flushed = TestSandbox::run(QStringLiteral("iptables-legacy"),
                                          {QStringLiteral("-F"), QStringLiteral("DOCKER-USER")});
    QVERIFY2(flushed.exitCode == 0, qPrintable(flushed.describe()));

    QVERIFY(!client.rollback(transaction, &failure));
    QCOMPARE(failure.name, QLatin1String(DBusError::StaleRevision));
    QCOMPARE(dockerUser(), QStringList());
    // The transaction is over: nothing is left to confirm.
    QVERIFY(!client.confirm(transaction, &failure));
    QCOMPARE(failure.name, QLatin1String(DBusError::NoSuchTransaction));
}

void TestHelperConfirm::helperExitsWhenIdle()
{
    // This binary starts the helper with --idle-timeout 4.
    QDBusConnectionInterface *bus = QDBusConnection::systemBus().interface();
    QVERIFY(TestSandbox::ctl({QStringLiteral("status")}).exitCode == 0);
    QVERIFY(bus->isServiceRegistered(Service));

    // A pending transaction keeps it alive past the idle time: it is still there to roll back
    // when the 8 s window ends, twice the idle time after the apply.
    QDBusServiceWatcher watcher(Service, QDBusConnection::systemBus(),
                                QDBusServiceWatcher::WatchForUnregistration);
    QSignalSpy gone(&watcher, &QDBusServiceWatcher::serviceUnregistered);
    QProcess process;
    QVERIFY(startConfirmedApply(&process, 8));
    process.closeWriteChannel();
    QVERIFY(process.waitForFinished(20000));
    QCOMPARE(process.exitCode(), 7); // RolledBack (timeout), sent by the helper
    QCOMPARE(gone.count(), 0);
    QCOMPARE(dockerUser(), OldRules);

    // Then nothing to do: gone within the idle time (plus slack).
    QTRY_VERIFY_WITH_TIMEOUT(!bus->isServiceRegistered(Service).value(), 10000);
    // And started again on demand.
    QVERIFY(TestSandbox::ctl({QStringLiteral("status")}).exitCode == 0);
}

USERCHAIN_SANDBOX_TEST_MAIN(TestHelperConfirm, QStringList{},
                            (QStringList{QStringLiteral("--idle-timeout"), QStringLiteral("4")}))
#include "tst_helperconfirm.moc"

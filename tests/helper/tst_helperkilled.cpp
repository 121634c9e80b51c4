// The helper dies during an apply (issue 11, item 10): `userchainctl apply` reads DOCKER-USER
// again and says what it holds, with an exit code of its own, instead of "helper unreachable".
//
// The helper is killed (SIGKILL) while its apply waits for the xtables lock, which the test
// holds; it knows the helper is waiting because the helper opens the lock file at every poll
// (inotify).
// Before the kill, the test leaves DOCKER-USER as a dying helper could have: unchanged, with
// the new rules (as if the commit had gone through; the moment between a commit and its reply
// cannot be hit from outside), or changed by someone else.

#include "dbustypes.h"
#include "testsandbox.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusReply>
#include <QProcess>
#include <QtTest>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/inotify.h>
#include <unistd.h>

using namespace Userchain;

namespace {
const QStringList OldRules{QStringLiteral("-s 10.0.0.1/32 -j DROP"), QStringLiteral("-j RETURN")};
const QStringList NewRules{QStringLiteral("-s 10.9.9.9/32 -j DROP"), QStringLiteral("-j RETURN")};
const QString Other = QStringLiteral("-s 198.51.100.1/32 -j DROP");
const QString Service = QStringLiteral("io.github.userchain.Helper1");

/// iptables-legacy beside the held lock: a lock file of its own, as another host's tool.
TestSandbox::Result iptablesBeside(const QString &program, const QStringList &args,
                                   const QByteArray &input = {})
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XTABLES_LOCKFILE"),
               QDir::temp().filePath(QStringLiteral("beside.lock")));
    process.setProcessEnvironment(env);
    process.start(program, args);
    process.write(input);
    process.closeWriteChannel();
    TestSandbox::Result result;
    if (process.waitForFinished(30000))
        result.exitCode = process.exitCode();
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}
} // namespace

class TestHelperKilled : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void killedWhileApplying_data();
    void killedWhileApplying();

private:
    static QStringList dockerUser()
    {
        return TestSandbox::chainRules(QStringLiteral("DOCKER-USER"));
    }
    QString m_newFile;
};

void TestHelperKilled::initTestCase()
{
    QVERIFY(TestSandbox::inside());
    registerDBusTypes();
    QByteArray rules;
    for (const QString &r : NewRules)
        rules += "-A DOCKER-USER " + r.toUtf8() + '\n';
    m_newFile = TestSandbox::writeTemp(rules);
}

void TestHelperKilled::killedWhileApplying_data()
{
    QTest::addColumn<QString>("left");       // what DOCKER-USER holds when the helper dies
    QTest::addColumn<bool>("quoteRevision"); // --expect-revision: the CLI knows "before"
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("said");
    QTest::newRow("unchanged") << "old" << true << 9 << "DOCKER-USER is unchanged";
    QTest::newRow("applied") << "new" << true << 8 << "DOCKER-USER holds the new rules";
    QTest::newRow("changed by someone") << "other" << true << 10 << "someone else changed it";
    QTest::newRow("before not read") << "old" << false << 10 << "what it held before was not read";
}

void TestHelperKilled::killedWhileApplying()
{
    QFETCH(QString, left);
    QFETCH(bool, quoteRevision);
    QFETCH(int, exitCode);
    QFETCH(QString, said);

    QByteArray table = "*filter\n:INPUT ACCEPT [0:0]\n:FORWARD DROP [0:0]\n:OUTPUT ACCEPT [0:0]\n"
                       ":DOCKER-USER - [0:0]\n-A FORWARD -j DOCKER-USER\n";
    for (const QString &spec : OldRules)
        table += "-A DOCKER-USER " + spec.toUtf8() + '\n';
    table += "COMMIT\n";
    QVERIFY(TestSandbox::restore(table));
    QStringList args{QStringLiteral("apply"), m_newFile};
    if (quoteRevision) {
        QDBusMessage read =
            QDBusMessage::createMethodCall(Service, QStringLiteral("/io/github/userchain/Helper1"),
                                           Service, QStringLiteral("GetSnapshot"));
        read << 4;
        const QDBusMessage reply = QDBusConnection::systemBus().call(read);
        QVERIFY2(reply.type() == QDBusMessage::ReplyMessage, qPrintable(reply.errorMessage()));
        args << QStringLiteral("--expect-revision")
             << qdbus_cast<Snapshot>(reply.arguments().at(0)).revision;
    }

    // Hold the lock the helper waits for, and watch it open the file.
    const QByteArray lockPath = qgetenv("XTABLES_LOCKFILE");
    QVERIFY(!lockPath.isEmpty());
    const int lock = ::open(lockPath.constData(), O_RDONLY | O_CREAT | O_CLOEXEC, 0600);
    QVERIFY(lock >= 0);
    QCOMPARE(::flock(lock, LOCK_EX), 0);
    const int watch = ::inotify_init1(IN_CLOEXEC);
    QVERIFY(watch >= 0 && ::inotify_add_watch(watch, lockPath.constData(), IN_OPEN) >= 0);

    QProcess ctl;
    ctl.start(TestSandbox::ctlPath(), args);
    // Waiting means polling: the helper opens the file to see whether it is held (a stale
    // client is told at once, after an unlocked read), to try it, and again at every poll. The
    // third open is a poll, so the unlocked read is over and the change below cannot reach it.
    int opens = 0;
    while (opens < 3) {
        pollfd opened{watch, POLLIN, 0};
        QVERIFY2(::poll(&opened, 1, 20000) == 1, "the helper never waited for the xtables lock");
        alignas(inotify_event) char events[4096];
        const ssize_t n = ::read(watch, events, sizeof events);
        QVERIFY(n > 0);
        for (ssize_t at = 0; at < n;) {
            const auto *event = reinterpret_cast<const inotify_event *>(events + at);
            opens += (event->mask & IN_OPEN) != 0;
            at += ssize_t(sizeof(inotify_event) + event->len);
        }
    }

    if (left == QLatin1String("new")) {
        QByteArray rules = "*filter\n:DOCKER-USER - [0:0]\n-F DOCKER-USER\n";
        for (const QString &spec : NewRules)
            rules += "-A DOCKER-USER " + spec.toUtf8() + '\n';
        const auto written = iptablesBeside(QStringLiteral("iptables-legacy-restore"),
                                            {QStringLiteral("-n")}, rules + "COMMIT\n");
        QVERIFY2(written.exitCode == 0, qPrintable(written.describe()));
    } else if (left == QLatin1String("other")) {
        const auto added = iptablesBeside(QStringLiteral("iptables-legacy"),
                                          {QStringLiteral("-I"), QStringLiteral("DOCKER-USER"),
                                           QStringLiteral("-s"), QStringLiteral("198.51.100.1/32"),
                                           QStringLiteral("-j"), QStringLiteral("DROP")});
        QVERIFY2(added.exitCode == 0, qPrintable(added.describe()));
    }

    const QDBusReply<uint> pid = QDBusConnection::systemBus().interface()->servicePid(Service);
    QVERIFY2(pid.isValid(), qPrintable(pid.error().message()));
    QCOMPARE(::kill(pid_t(pid.value()), SIGKILL), 0);
    // Free for the helper the client's next call starts.
    ::close(watch);
    ::close(lock);

    QVERIFY(ctl.waitForFinished(60000));
    const QByteArray err = ctl.readAllStandardError();
    QVERIFY2(
        ctl.exitCode() == exitCode,
        qPrintable(QStringLiteral("exit %1: %2").arg(ctl.exitCode()).arg(QString::fromUtf8(err))));
    QVERIFY2(err.contains(said.toUtf8()), err.constData());
    const QStringList expected = left == QLatin1String("new")     ? NewRules
                                 : left == QLatin1String("other") ? QStringList{Other} + OldRules
                                                                  : OldRules;
    QCOMPARE(dockerUser(), expected);
}

USERCHAIN_SANDBOX_TEST_MAIN(TestHelperKilled, QStringList{}, QStringList{})
#include "tst_helperkilled.moc"

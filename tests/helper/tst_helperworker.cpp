// The helper's D-Bus loop never waits for backend work (issue 11, item 2). While another
// client's GetSnapshot is stuck in the backend, a Confirm sent 1 s before its deadline is
// honoured (the rules stay, no RolledBack) and a third client's GetSnapshot is answered at once.
// And when the window closes while the family's worker is stuck, the helper decides at the
// deadline (a late Confirm is refused at once) and the rollback follows when the worker is free.
//
// What makes the read long: a hung external tool. Detection runs iptables-nft-save or
// ip6tables-nft-save (with a 10 s limit) before a read; here that tool waits on a FIFO until
// the test releases it. It is the real tool behind a wrapper bind-mounted over
// xtables-nft-multi, in the sandbox's private mount namespace only; the helper is not changed
// for the test. Only the one name hangs, every other name of xtables-nft-multi runs as usual.

#include "dbustypes.h"
#include "testsandbox.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCall>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

using namespace Userchain;

namespace {
const QStringList OldRules{QStringLiteral("-s 10.0.0.1/32 -j DROP"), QStringLiteral("-j RETURN")};
const QStringList NewRules{QStringLiteral("-s 10.9.9.9/32 -j DROP"), QStringLiteral("-j RETURN")};
const QString Service = QStringLiteral("io.github.userchain.Helper1");
const QString Path = QStringLiteral("/io/github/userchain/Helper1");
const QString Interface = QStringLiteral("io.github.userchain.Helper1");
const QString Multi = QStringLiteral("/usr/sbin/xtables-nft-multi");
constexpr uint ConfirmSeconds = 2;
// "At once": well inside the second that is left of the confirmation window.
constexpr int PromptMs = 1000;

QDBusMessage method(const QString &name)
{
    return QDBusMessage::createMethodCall(Service, Path, Interface, name);
}

/// One tool of xtables-nft-multi hanging until released (see the top of the file).
class HungTool final
{
public:
    HungTool() = default;
    HungTool(const HungTool &) = delete;
    HungTool &operator=(const HungTool &) = delete;
    ~HungTool()
    {
        release();
        if (m_startedFd >= 0)
            ::close(m_startedFd);
        if (m_wrapped)
            TestSandbox::run(QStringLiteral("umount"), {Multi});
        if (m_saved)
            TestSandbox::run(QStringLiteral("umount"), {real()});
    }

    bool install(const QByteArray &tool, QString *error)
    {
        if (!m_dir.isValid() || ::mkfifo(QFile::encodeName(started()).constData(), 0600) != 0 ||
            ::mkfifo(QFile::encodeName(releasePath()).constData(), 0600) != 0) {
            *error = QStringLiteral("cannot make the FIFOs");
            return false;
        }
        // Opened now, so that the tool's "started" does not block, and before it can run.
        m_startedFd = ::open(QFile::encodeName(started()).constData(), O_RDONLY | O_NONBLOCK);
        QFile(real()).open(QIODevice::WriteOnly);
        const auto saved =
            TestSandbox::run(QStringLiteral("mount"), {QStringLiteral("--bind"), Multi, real()});
        m_saved = saved.exitCode == 0;
        QFile wrapper(m_dir.filePath(QStringLiteral("wrapper")));
        const QByteArray script = "#!/bin/bash\n"
                                  "if [[ ${0##*/} == " +
                                  tool +
                                  " ]]; then\n"
                                  "    echo started >'" +
                                  QFile::encodeName(started()) + "'\n    read -r _ <'" +
                                  QFile::encodeName(releasePath()) +
                                  "'\nfi\nexec -a \"${0##*/}\" '" + QFile::encodeName(real()) +
                                  "' \"$@\"\n";
        if (m_startedFd < 0 || !m_saved || !wrapper.open(QIODevice::WriteOnly) ||
            wrapper.write(script) != script.size()) {
            *error = QStringLiteral("cannot set up the wrapper: %1").arg(saved.describe());
            return false;
        }
        wrapper.close();
        // Root-owned and writable by root only, or the helper's ToolRunner refuses it.
        wrapper.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                               QFile::ReadGroup | QFile::ExeGroup | QFile::ReadOther |
                               QFile::ExeOther);
        const auto wrapped = TestSandbox::run(
            QStringLiteral("mount"), {QStringLiteral("--bind"), wrapper.fileName(), Multi});
        m_wrapped = wrapped.exitCode == 0;
        if (!m_wrapped)
            *error = wrapped.describe();
        return m_wrapped;
    }

    /// Whether the helper has started the tool within timeoutMs.
    bool waitStarted(int timeoutMs)
    {
        pollfd fd{m_startedFd, POLLIN, 0};
        return ::poll(&fd, 1, timeoutMs) == 1 && (fd.revents & POLLIN);
    }

    /// Lets a waiting tool go on (nothing if none waits).
    void release()
    {
        const int fd = ::open(QFile::encodeName(releasePath()).constData(), O_WRONLY | O_NONBLOCK);
        if (fd < 0)
            return; // ENXIO: nobody waits
        (void)!::write(fd, "\n", 1);
        ::close(fd);
    }

private:
    QString started() const { return m_dir.filePath(QStringLiteral("started")); }
    QString releasePath() const { return m_dir.filePath(QStringLiteral("release")); }
    QString real() const { return m_dir.filePath(QStringLiteral("xtables-nft-multi")); }

    QTemporaryDir m_dir;
    int m_startedFd = -1;
    bool m_saved = false;
    bool m_wrapped = false;
};
} // namespace

/// Counts RolledBack signals that reach one connection.
class SignalCounter : public QObject
{
    Q_OBJECT
public:
    int count = 0;
    QString reason;
public Q_SLOTS:
    void rolledBack(const QString &, const QString &why)
    {
        ++count;
        reason = why;
    }
};

class TestHelperWorker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void confirmDuringLongRead();
    void deadlineWhileWorkerBusy();

private:
    static QStringList dockerUser()
    {
        return TestSandbox::chainRules(QStringLiteral("DOCKER-USER"));
    }
    static bool loadOld();
};

void TestHelperWorker::initTestCase()
{
    QVERIFY(TestSandbox::inside());
    registerDBusTypes();
}

bool TestHelperWorker::loadOld()
{
    QByteArray file = "*filter\n:INPUT ACCEPT [0:0]\n:FORWARD DROP [0:0]\n:OUTPUT ACCEPT [0:0]\n"
                      ":DOCKER-USER - [0:0]\n-A FORWARD -j DOCKER-USER\n";
    for (const QString &spec : OldRules)
        file += "-A DOCKER-USER " + spec.toUtf8() + '\n';
    file += "COMMIT\n";
    return TestSandbox::restore(file);
}

void TestHelperWorker::confirmDuringLongRead()
{
    // First of the functions: the helper has not detected IPv6 yet.
    QVERIFY(loadOld());

    const QString address = qEnvironmentVariable("DBUS_SYSTEM_BUS_ADDRESS");
    QDBusConnection applier = QDBusConnection::connectToBus(address, QStringLiteral("applier"));
    QDBusConnection reader = QDBusConnection::connectToBus(address, QStringLiteral("reader"));
    QDBusConnection other = QDBusConnection::connectToBus(address, QStringLiteral("other"));
    QVERIFY(applier.isConnected() && reader.isConnected() && other.isConnected());
    SignalCounter rolledBack;
    QVERIFY(applier.connect(QString(), Path, Interface, QStringLiteral("RolledBack"), &rolledBack,
                            SLOT(rolledBack(QString, QString))));

    // The applier's confirmed apply, on the chain it has just read.
    QDBusMessage read = method(QStringLiteral("GetSnapshot"));
    read << 4;
    const QDBusMessage snapshotReply = applier.call(read);
    QVERIFY2(snapshotReply.type() == QDBusMessage::ReplyMessage,
             qPrintable(snapshotReply.errorMessage()));
    const Snapshot snapshot = qdbus_cast<Snapshot>(snapshotReply.arguments().at(0));

    HungTool tool;
    QString error;
    QVERIFY2(tool.install("ip6tables-nft-save", &error), qPrintable(error));

    QDBusMessage apply = method(QStringLiteral("Apply"));
    apply << 4 << QVariant::fromValue(ApplyRuleList{{NewRules.at(0), {}}, {NewRules.at(1), {}}})
          << snapshot.revision << ConfirmSeconds << 0u;
    // The window opens after the call was sent: its deadline is at least this long after now.
    QDeadlineTimer deadline{std::chrono::seconds(ConfirmSeconds)};
    const QDBusMessage applied = applier.call(apply);
    QVERIFY2(applied.type() == QDBusMessage::ReplyMessage, qPrintable(applied.errorMessage()));
    const QString transaction = applied.arguments().at(0).toString();
    QVERIFY(!transaction.isEmpty());
    QCOMPARE(dockerUser(), NewRules);

    // Another client's read: the first IPv6 call, so the helper detects the backend and runs
    // ip6tables-nft-save, which hangs.
    QDBusMessage longRead = method(QStringLiteral("GetSnapshot"));
    longRead << 6;
    const QDBusPendingCall pendingRead = reader.asyncCall(longRead, 60000);
    QVERIFY2(tool.waitStarted(10000), "the helper did not start ip6tables-nft-save");

    // The scenario is set by the clock: the Confirm goes out 1 s before the window closes.
    QTimer confirmTime;
    confirmTime.setSingleShot(true);
    QSignalSpy due(&confirmTime, &QTimer::timeout);
    confirmTime.start(qMax<qint64>(0, deadline.remainingTime() - 1000));
    QVERIFY(due.wait(int(ConfirmSeconds) * 1000 + 1000));

    QDBusMessage confirm = method(QStringLiteral("Confirm"));
    confirm << transaction;
    QElapsedTimer answered;
    answered.start();
    const QDBusMessage confirmed = applier.call(confirm, QDBus::Block, PromptMs);
    QVERIFY2(confirmed.type() == QDBusMessage::ReplyMessage,
             qPrintable(QStringLiteral("Confirm: %1 after %2 ms")
                            .arg(confirmed.errorName())
                            .arg(answered.elapsed())));

    // A third client reads the other family while the IPv6 read still hangs.
    answered.restart();
    const QDBusMessage otherReply = other.call(read, QDBus::Block, PromptMs);
    QVERIFY2(otherReply.type() == QDBusMessage::ReplyMessage,
             qPrintable(QStringLiteral("GetSnapshot: %1 after %2 ms")
                            .arg(otherReply.errorName())
                            .arg(answered.elapsed())));
    const Snapshot seen = qdbus_cast<Snapshot>(otherReply.arguments().at(0));
    QCOMPARE(seen.revision, applied.arguments().at(1).toString());
    QVERIFY2(!pendingRead.isFinished(), "the long read ended too early to show anything");

    // The window has been closed by the Confirm: nothing is left that could roll back.
    QDBusMessage rollback = method(QStringLiteral("Rollback"));
    rollback << transaction;
    const QDBusMessage gone = applier.call(rollback, QDBus::Block, PromptMs);
    QCOMPARE(gone.errorName(), QLatin1String(DBusError::NoSuchTransaction));

    // The long read itself ends normally once its tool does.
    tool.release();
    QDBusPendingCall finishing = pendingRead;
    finishing.waitForFinished();
    QVERIFY2(!finishing.isError(), qPrintable(finishing.error().message()));

    // Past the deadline: the rules stayed and the applier heard no RolledBack (the helper
    // answers this ping after anything it sent before).
    const QDeadlineTimer after = deadline + 500; // the helper's window opened a little later
    QTRY_VERIFY_WITH_TIMEOUT(after.hasExpired(), int(ConfirmSeconds) * 1000 + 2000);
    const QDBusMessage pong = applier.call(QDBusMessage::createMethodCall(
        Service, QStringLiteral("/"), QStringLiteral("org.freedesktop.DBus.Peer"),
        QStringLiteral("Ping")));
    QCOMPARE(pong.type(), QDBusMessage::ReplyMessage);
    QCoreApplication::processEvents();
    QCOMPARE(rolledBack.count, 0);
    QCOMPARE(dockerUser(), NewRules);
}

void TestHelperWorker::deadlineWhileWorkerBusy()
{
    QVERIFY(loadOld());
    const QString address = qEnvironmentVariable("DBUS_SYSTEM_BUS_ADDRESS");
    QDBusConnection applier = QDBusConnection::connectToBus(address, QStringLiteral("late"));
    QDBusConnection reader = QDBusConnection::connectToBus(address, QStringLiteral("reader4"));
    QVERIFY(applier.isConnected() && reader.isConnected());
    SignalCounter rolledBack;
    QVERIFY(applier.connect(QString(), Path, Interface, QStringLiteral("RolledBack"), &rolledBack,
                            SLOT(rolledBack(QString, QString))));
    QDBusMessage read = method(QStringLiteral("GetSnapshot"));
    read << 4;
    const QDBusMessage snapshotReply = applier.call(read);
    QVERIFY2(snapshotReply.type() == QDBusMessage::ReplyMessage,
             qPrintable(snapshotReply.errorMessage()));
    const Snapshot snapshot = qdbus_cast<Snapshot>(snapshotReply.arguments().at(0));

    HungTool tool;
    QString error;
    QVERIFY2(tool.install("iptables-nft-save", &error), qPrintable(error));
    // Flag 2 (the jump is there already) makes the helper detect IPv4 again on the next call,
    // which is then stuck in iptables-nft-save on the IPv4 worker, the one the rollback needs.
    QDBusMessage apply = method(QStringLiteral("Apply"));
    apply << 4 << QVariant::fromValue(ApplyRuleList{{NewRules.at(0), {}}, {NewRules.at(1), {}}})
          << snapshot.revision << 1u << uint(ApplyCreateJump);
    const QDBusMessage applied = applier.call(apply);
    QVERIFY2(applied.type() == QDBusMessage::ReplyMessage, qPrintable(applied.errorMessage()));
    // The window opened before the reply: it has closed by then.
    const QDeadlineTimer closed{std::chrono::milliseconds(1000 + 300)};
    const QString transaction = applied.arguments().at(0).toString();
    const QDBusPendingCall pendingRead = reader.asyncCall(read, 60000);
    QVERIFY2(tool.waitStarted(10000), "the helper did not start iptables-nft-save");

    QTRY_VERIFY_WITH_TIMEOUT(closed.hasExpired(), 3000);
    QVERIFY(!pendingRead.isFinished());
    // Decided at the deadline, on the main thread: a Confirm now is too late, and says so at
    // once although the rollback itself still waits for the worker.
    QDBusMessage confirm = method(QStringLiteral("Confirm"));
    confirm << transaction;
    const QDBusMessage late = applier.call(confirm, QDBus::Block, PromptMs);
    QCOMPARE(late.errorName(), QLatin1String(DBusError::NoSuchTransaction));
    QCOMPARE(dockerUser(), NewRules);
    QCOMPARE(rolledBack.count, 0);

    // The worker is free: the read is answered, then the rollback runs.
    tool.release();
    QDBusPendingCall finishing = pendingRead;
    finishing.waitForFinished();
    QVERIFY2(!finishing.isError(), qPrintable(finishing.error().message()));
    QTRY_COMPARE_WITH_TIMEOUT(rolledBack.count, 1, 10000);
    QCOMPARE(rolledBack.reason, QStringLiteral("timeout"));
    QCOMPARE(dockerUser(), OldRules);
}

USERCHAIN_SANDBOX_TEST_MAIN(TestHelperWorker, QStringList{}, QStringList{})
#include "tst_helperworker.moc"

// A stranger cannot stall the helper: while an unprivileged user floods it with oversized
// calls and with calls polkit never answers, an administrator's GetSnapshot and Confirm are
// answered within a second.
//
// What keeps a call pending in polkit: an action whose answer needs authentication
// (io.github.userchain.apply is auth_admin_keep for everyone) asked with AllowUserInteraction
// for a subject that has an authentication agent. polkitd then calls the agent's
// BeginAuthentication and waits for it without a timeout of its own. The flooder registers
// such an agent for its own process (polkit lets any user do that) and never answers it, so
// each of its checks stays pending until the helper's own polkit timeout. (A rule that loops
// is no substitute: polkitd's script timeout would end it, and polkitd would stall for
// everyone meanwhile; without an agent polkit answers "challenge" at once.)
//
// The flooder is this binary again, run as "nobody" with --flood.

#include "blockinghelperclient.h"
#include "dbustypes.h"
#include "testsandbox.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusVirtualObject>
#include <QProcess>
#include <QtTest>

#include <cstdio>
#include <unistd.h>

using namespace Userchain;

namespace {
const QString Service = QStringLiteral("io.github.userchain.Helper1");
const QString Path = QStringLiteral("/io/github/userchain/Helper1");
const QString Interface = QStringLiteral("io.github.userchain.Helper1");
const QString AgentPath = QStringLiteral("/io/github/userchain/TestAgent");
const QString Stranger = QStringLiteral("nobody");
// Three of these exceed the 63 MiB libdbus lets a connection hold in unanswered messages.
constexpr int OversizedCalls = 3;
constexpr int OversizedRules = 5600;
constexpr int OversizedRuleBytes = 5000; // over the 4 KiB a rule may have
// Within the bounds of one Apply (4 KiB a rule, 16 MiB in all), but two of them are more than
// the helper holds at once.
constexpr int LargeCalls = 2;
constexpr int LargeRules = 3900;
constexpr int LargeRuleBytes = 4000;
constexpr int PendingCalls = 12;

QDBusMessage applyCall(const ApplyRuleList &rules)
{
    QDBusMessage call =
        QDBusMessage::createMethodCall(Service, Path, Interface, QStringLiteral("Apply"));
    call << 4 << QVariant::fromValue(rules) << QStringLiteral("0") << 0u << 0u;
    return call;
}

/// An authentication agent that takes every BeginAuthentication and never answers it.
class SilentAgent final : public QDBusVirtualObject
{
public:
    int begun = 0;
    QString introspect(const QString &) const override { return {}; }
    bool handleMessage(const QDBusMessage &message, const QDBusConnection &) override
    {
        if (message.member() == QLatin1String("BeginAuthentication"))
            ++begun;
        return true; // no reply: polkitd keeps waiting
    }
};

/// The stranger's side. Prints one line "ready begun=N ping=ok|timeout replies=..." once
/// its calls have reached the helper (a Peer.Ping behind them was answered) and polkit has
/// started at least one authentication, then keeps everything pending until killed.
int flood()
{
    registerDBusTypes();
    QDBusConnection bus = QDBusConnection::systemBus();
    SilentAgent agent;
    if (!bus.registerVirtualObject(AgentPath, &agent)) {
        std::printf("failed cannot register the agent object\n");
        return 2;
    }
    QDBusArgument subject;
    subject.beginStructure();
    subject << QStringLiteral("unix-process")
            << QVariantMap{{QStringLiteral("pid"), QVariant::fromValue(uint(::getpid()))},
                           {QStringLiteral("start-time"), QVariant::fromValue(quint64(0))}};
    subject.endStructure();
    QDBusMessage reg =
        QDBusMessage::createMethodCall(QStringLiteral("org.freedesktop.PolicyKit1"),
                                       QStringLiteral("/org/freedesktop/PolicyKit1/Authority"),
                                       QStringLiteral("org.freedesktop.PolicyKit1.Authority"),
                                       QStringLiteral("RegisterAuthenticationAgent"));
    reg << QVariant::fromValue(subject) << QStringLiteral("C") << AgentPath;
    const QDBusMessage registered = bus.call(reg);
    if (registered.type() != QDBusMessage::ReplyMessage) {
        std::printf("failed RegisterAuthenticationAgent: %s\n",
                    qPrintable(registered.errorMessage()));
        return 2;
    }

    QMap<QString, int> replies; // error name (or "reply") → count
    QList<QDBusPendingCallWatcher *> watchers;
    const auto send = [&](const QDBusMessage &call) {
        auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(call, 300000));
        QObject::connect(watcher, &QDBusPendingCallWatcher::finished, [&replies, watcher]() {
            ++replies[watcher->isError() ? watcher->error().name() : QStringLiteral("reply")];
        });
        watchers.append(watcher);
    };
    const QString big = QStringLiteral("-m comment --comment \"%1\" -j DROP")
                            .arg(QString(OversizedRuleBytes, QLatin1Char('x')));
    for (int i = 0; i < OversizedCalls; ++i)
        send(applyCall(ApplyRuleList(OversizedRules, ApplyRule{big, {}})));
    const QString large = QStringLiteral("-m comment --comment \"%1\" -j DROP")
                              .arg(QString(LargeRuleBytes - 40, QLatin1Char('y')));
    for (int i = 0; i < LargeCalls; ++i)
        send(applyCall(ApplyRuleList(LargeRules, ApplyRule{large, {}})));
    for (int i = 0; i < PendingCalls; ++i)
        send(applyCall({ApplyRule{QStringLiteral("-j DROP"), {}}}));

    // Messages of one connection arrive in order: the ping is answered once the helper has
    // read every call above (libdbus answers Peer methods itself).
    QDBusMessage ping = QDBusMessage::createMethodCall(Service, QStringLiteral("/"),
                                                       QStringLiteral("org.freedesktop.DBus.Peer"),
                                                       QStringLiteral("Ping"));
    const QDBusMessage pong = bus.call(ping, QDBus::Block, 10000);
    const bool pinged = pong.type() == QDBusMessage::ReplyMessage;
    QDeadlineTimer deadline(10000);
    while (agent.begun == 0 && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 100);
    QStringList summary;
    for (auto it = replies.cbegin(); it != replies.cend(); ++it)
        summary += QStringLiteral("%1:%2").arg(it.key().section(QLatin1Char('.'), -1)).arg(*it);
    std::printf("ready begun=%d ping=%s replies=%s\n", agent.begun, pinged ? "ok" : "timeout",
                qPrintable(summary.join(QLatin1Char(','))));
    std::fflush(stdout);
    return QCoreApplication::exec();
}
} // namespace

class TestHelperFlood : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void administratorIsAnsweredDuringFlood();
    void cleanup();

private:
    QProcess m_flooder;
};

void TestHelperFlood::cleanup()
{
    m_flooder.kill();
    m_flooder.waitForFinished();
}

void TestHelperFlood::initTestCase()
{
    QVERIFY(TestSandbox::inside());
    registerDBusTypes();
    QVERIFY(TestSandbox::run(QStringLiteral("id"), {Stranger}).exitCode == 0);
    QVERIFY(TestSandbox::restoreMinimal());
}

void TestHelperFlood::administratorIsAnsweredDuringFlood()
{
    // The administrator has a confirmed apply pending when the flood starts.
    BlockingHelperClient admin;
    BlockingHelperClient::Failure failure;
    Snapshot snapshot;
    QVERIFY2(admin.snapshot(Family::IPv4, &snapshot, &failure),
             qPrintable(BlockingHelperClient::describe(failure)));
    QString transaction, revision;
    QVERIFY2(admin.apply(Family::IPv4, {{QStringLiteral("-s 192.0.2.7/32 -j DROP"), {}}},
                         snapshot.revision, 120, 0, &transaction, &revision, &failure),
             qPrintable(BlockingHelperClient::describe(failure)));

    const auto id = [](const char *option) {
        return QString::fromLatin1(
            TestSandbox::run(QStringLiteral("id"), {QLatin1String(option), Stranger})
                .out.trimmed());
    };
    QProcess &flooder = m_flooder;
    flooder.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    flooder.start(QStringLiteral("setpriv"),
                  {QStringLiteral("--reuid=") + id("-u"), QStringLiteral("--regid=") + id("-g"),
                   QStringLiteral("--clear-groups"), QCoreApplication::applicationFilePath(),
                   QStringLiteral("--flood")});
    QVERIFY(flooder.waitForStarted());
    QByteArray line;
    while (!line.contains('\n') && flooder.waitForReadyRead(60000))
        line += flooder.readAllStandardOutput();
    qInfo("flooder: %s", line.trimmed().constData());
    QVERIFY2(line.startsWith("ready"), line.constData());
    // polkit really holds the stranger's calls: the agent was asked to authenticate.
    QVERIFY2(!line.contains("begun=0"), line.constData());

    QDBusConnection bus = QDBusConnection::systemBus();
    QElapsedTimer timer;
    timer.start();
    QDBusMessage read =
        QDBusMessage::createMethodCall(Service, Path, Interface, QStringLiteral("GetSnapshot"));
    read << 4;
    const QDBusMessage snapshotReply = bus.call(read, QDBus::Block, 1000);
    QVERIFY2(
        snapshotReply.type() == QDBusMessage::ReplyMessage,
        qPrintable(snapshotReply.errorName() + QLatin1Char(' ') + snapshotReply.errorMessage()));
    QDBusMessage confirm =
        QDBusMessage::createMethodCall(Service, Path, Interface, QStringLiteral("Confirm"));
    confirm << transaction;
    const QDBusMessage confirmReply = bus.call(confirm, QDBus::Block, 1000);
    QVERIFY2(confirmReply.type() == QDBusMessage::ReplyMessage,
             qPrintable(confirmReply.errorName() + QLatin1Char(' ') + confirmReply.errorMessage()));
    QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(TestSandbox::chainRules(QStringLiteral("DOCKER-USER")),
             QStringList{QStringLiteral("-s 192.0.2.7/32 -j DROP")});
}

int main(int argc, char **argv)
{
    if (argc == 2 && qstrcmp(argv[1], "--flood") == 0) {
        QCoreApplication app(argc, argv);
        return flood();
    }
    int sandboxExit = 0;
    if (TestSandbox::enter(argc, argv, {}, {QStringLiteral("--idle-timeout"), QStringLiteral("60")},
                           &sandboxExit))
        return sandboxExit;
    QCoreApplication app(argc, argv);
    TestHelperFlood test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_helperflood.moc"

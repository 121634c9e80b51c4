// Remote hosts with real parts: scripts/sandbox --sshd makes the sandbox a "server" (the real
// sshd, the private system bus, polkitd with the group rule Userchain ships, the helper, Docker's
// chains) and runs this test on a "workstation" namespace joined to it by a veth pair. Every
// call goes through `userchainctl --host` (ssh, systemd-stdio-bridge); the server's kernel,
// read with iptables-legacy-save in its own namespace, is the oracle.

#include "bustarget.h"
#include "testsandbox.h"

#include <QDBusError>
#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QtTest>

#include <signal.h>

using namespace Userchain;

namespace {
const QString Member = QStringLiteral("uc-member");     // in the group "userchain"
const QString Outsider = QStringLiteral("uc-outsider"); // not: the policy's defaults refuse
const QStringList NewRules{QStringLiteral("-s 192.0.2.1/32 -j DROP"),
                           QStringLiteral("-s 192.0.2.0/24 -p tcp -m tcp --dport 22 -j ACCEPT"),
                           QStringLiteral("-j RETURN")};
const QStringList DockerRules{QStringLiteral("-j RETURN")}; // as the capture has it
} // namespace

class TestHelperRemote : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void descriptorsDoNotCrossSsh();
    void showOverSsh();
    void applyOverSsh();
    void remoteApplyIsConfirmedByDefault();
    void refusedUserChangesNothing();
    void unreachableHostSaysSo();
    void killedSshRollsBackOnServer();

private:
    static QString host(const QString &user)
    {
        return user + QLatin1Char('@') + qEnvironmentVariable("USERCHAIN_SANDBOX_SSH_HOST");
    }
    static TestSandbox::Result onServer(const QString &program, const QStringList &args,
                                        const QByteArray &input = {});
    static QStringList serverDockerUser();
    static QByteArray serverTables();
    static TestSandbox::Result ctl(const QString &user, const QStringList &args,
                                   const QByteArray &input = {});
    static QList<qint64> childrenNamed(qint64 parent, const QByteArray &name);

    QString m_file;
};

TestSandbox::Result TestHelperRemote::onServer(const QString &program, const QStringList &args,
                                               const QByteArray &input)
{
    QStringList full{QStringLiteral("--net=") +
                         qEnvironmentVariable("USERCHAIN_SANDBOX_SERVER_NETNS"),
                     QStringLiteral("--"), program};
    full += args;
    return TestSandbox::run(QStringLiteral("nsenter"), full, input);
}

QStringList TestHelperRemote::serverDockerUser()
{
    QStringList specs;
    const QByteArray save = onServer(QStringLiteral("iptables-legacy-save"),
                                     {QStringLiteral("-t"), QStringLiteral("filter")})
                                .out;
    for (const QByteArray &line : save.split('\n')) {
        if (line.startsWith("-A DOCKER-USER "))
            specs << QString::fromUtf8(line.mid(15));
    }
    return specs;
}

QByteArray TestHelperRemote::serverTables()
{
    // Without comments and chain counters: ssh's own packets count in INPUT and OUTPUT.
    static const QRegularExpression counters(QStringLiteral("\\[\\d+:\\d+\\]$"));
    QByteArray out;
    const QByteArray save = onServer(QStringLiteral("iptables-legacy-save"), {}).out;
    for (const QByteArray &raw : save.split('\n')) {
        QString line = QString::fromUtf8(raw);
        if (line.startsWith(QLatin1Char('#')))
            continue;
        if (line.startsWith(QLatin1Char(':')))
            line.replace(counters, QStringLiteral("[0:0]"));
        out += line.toUtf8() + '\n';
    }
    return out;
}

TestSandbox::Result TestHelperRemote::ctl(const QString &user, const QStringList &args,
                                          const QByteArray &input)
{
    return TestSandbox::run(TestSandbox::ctlPath(),
                            QStringList{QStringLiteral("--host"), host(user)} + args, input);
}

QList<qint64> TestHelperRemote::childrenNamed(qint64 parent, const QByteArray &name)
{
    QList<qint64> pids;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString &entry : entries) {
        bool ok = false;
        const qint64 pid = entry.toLongLong(&ok);
        if (!ok)
            continue;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        // "PID (COMM) STATE PPID ...": COMM may hold spaces, so split after its last ')'.
        const QByteArray text = stat.readAll();
        const int open = text.indexOf('('), close = text.lastIndexOf(')');
        const QList<QByteArray> rest = text.mid(close + 2).split(' ');
        if (open > 0 && rest.size() > 1 && text.mid(open + 1, close - open - 1) == name &&
            rest.at(1).toLongLong() == parent)
            pids << pid;
    }
    return pids;
}

void TestHelperRemote::initTestCase()
{
    QVERIFY(TestSandbox::inside());
    QVERIFY2(!qEnvironmentVariableIsEmpty("USERCHAIN_SANDBOX_SSH_HOST"),
             "not run by scripts/sandbox --sshd");
    // The server's users, in the sandbox's private /etc: a login shell and an unlocked
    // account ("*", no password) so that the test key logs them in.
    QCOMPARE(TestSandbox::run(QStringLiteral("groupadd"),
                              {QStringLiteral("--system"), QStringLiteral("userchain")})
                 .exitCode,
             0);
    for (const QString &user : {Member, Outsider}) {
        QStringList args{QStringLiteral("--system"), QStringLiteral("--home-dir"),
                         QStringLiteral("/"),        QStringLiteral("--shell"),
                         QStringLiteral("/bin/sh"),  QStringLiteral("--password"),
                         QStringLiteral("*")};
        if (user == Member)
            args << QStringLiteral("--groups") << QStringLiteral("userchain");
        const auto added = TestSandbox::run(QStringLiteral("useradd"), args << user);
        QVERIFY2(added.exitCode == 0, qPrintable(added.describe()));
    }
    QByteArray rules;
    for (const QString &rule : NewRules)
        rules += "-A DOCKER-USER " + rule.toUtf8() + '\n';
    m_file = TestSandbox::writeTemp(rules);
    QVERIFY(!m_file.isEmpty());
    // The workstation cannot read the server's tables except through ssh.
    QVERIFY(TestSandbox::run(QStringLiteral("iptables-legacy-save"), {}).out.indexOf("DOCKER") < 0);
}

void TestHelperRemote::init()
{
    const auto loaded =
        onServer(QStringLiteral("iptables-legacy-restore"), {},
                 TestSandbox::run(QStringLiteral("cat"),
                                  {QStringLiteral(USERCHAIN_FIXTURES_DIR
                                                  "/docker-20.10/docker20.10-legacy-with-containers"
                                                  ".legacy.v4.rules")})
                     .out);
    QVERIFY2(loaded.exitCode == 0, qPrintable(loaded.describe()));
    QCOMPARE(serverDockerUser(), DockerRules);
}

void TestHelperRemote::descriptorsDoNotCrossSsh()
{
    QString error;
    const auto target = BusTarget::parse(host(Member), &error);
    QVERIFY2(target, qPrintable(error));
    const QDBusConnection remote = target->connect();
    QVERIFY2(remote.isConnected(), qPrintable(remote.lastError().message()));
    QVERIFY(!BusTarget::passesDescriptors(remote));
    // The same check says yes where descriptors do travel: the local bus.
    QVERIFY(BusTarget::passesDescriptors(BusTarget().connect()));
    target->disconnect();
}

void TestHelperRemote::showOverSsh()
{
    const auto shown = ctl(Member, {QStringLiteral("show")});
    QVERIFY2(shown.exitCode == 0, qPrintable(shown.describe()));
    // Every chain and rule of the server's filter and nat tables, as iptables-save has them.
    const QByteArray server = serverTables();
    for (const QByteArray &line : shown.out.split('\n')) {
        if (line.startsWith("-A "))
            QVERIFY2(server.contains(line + '\n'), line.constData());
    }
    QVERIFY(shown.out.contains("-A DOCKER-USER -j RETURN\n"));
    QVERIFY(shown.out.contains("-A DOCKER -d 172.17.0.2/32 ! -i docker0 -o docker0 -p tcp"));
    const auto status = ctl(Member, {QStringLiteral("status")});
    QVERIFY2(status.exitCode == 0, qPrintable(status.describe()));
    QVERIFY(status.out.contains("backend:      legacy"));
}

void TestHelperRemote::applyOverSsh()
{
    const auto applied =
        ctl(Member, {QStringLiteral("apply"), m_file, QStringLiteral("--no-confirm")});
    QVERIFY2(applied.exitCode == 0, qPrintable(applied.describe()));
    QCOMPARE(serverDockerUser(), NewRules);
    // The diff the client made against the snapshot it applied over.
    QVERIFY2(applied.out.contains("+ -A DOCKER-USER -s 192.0.2.1/32 -j DROP    # added as 1"),
             applied.out.constData());
    QVERIFY(applied.out.contains("# 2 added, 0 removed, 0 moved"));

    // Bad lines are reported by line, as for a local ApplyFile, and nothing changes.
    const QString bad = TestSandbox::writeTemp("-A DOCKER-USER -j RETURN\n"
                                               "-A DOCKER-USER -s 300.1.1.1 -j DROP\n");
    const auto refused =
        ctl(Member, {QStringLiteral("apply"), bad, QStringLiteral("--no-confirm")});
    QVERIFY2(refused.exitCode == 2, qPrintable(refused.describe()));
    QVERIFY2(refused.err.contains(bad.toUtf8() + ":2: "), refused.err.constData());
    QCOMPARE(serverDockerUser(), NewRules);
}

void TestHelperRemote::remoteApplyIsConfirmedByDefault()
{
    // No --confirm: the prompt appears all the same; Enter keeps the rules.
    const auto kept = ctl(Member, {QStringLiteral("apply"), m_file}, "\n");
    QVERIFY2(kept.exitCode == 0, qPrintable(kept.describe()));
    QVERIFY2(kept.out.contains("Press Enter within 30 seconds"), kept.out.constData());
    QVERIFY(kept.out.contains("Confirmed; the new rules stay."));
    QCOMPARE(serverDockerUser(), NewRules);
}

void TestHelperRemote::refusedUserChangesNothing()
{
    const QByteArray before = serverTables();
    const auto shown = ctl(Outsider, {QStringLiteral("show")});
    QVERIFY2(shown.exitCode == 3, qPrintable(shown.describe()));
    const auto applied =
        ctl(Outsider, {QStringLiteral("apply"), m_file, QStringLiteral("--no-confirm")});
    QVERIFY2(applied.exitCode == 3, qPrintable(applied.describe()));
    // The refusal says how to let the user in on the server.
    QVERIFY2(applied.err.contains("usermod -a -G userchain USER"), applied.err.constData());
    QVERIFY(applied.err.contains(BusTarget::groupRulesPath().toUtf8()));
    QCOMPARE(serverTables(), before);
}

void TestHelperRemote::unreachableHostSaysSo()
{
    // A user sshd does not let in: ssh fails, and the message names the host and ssh.
    const auto result = ctl(QStringLiteral("nosuchuser"), {QStringLiteral("status")});
    QCOMPARE(result.exitCode, 5);
    QVERIFY2(result.err.contains("could not reach " + host(QStringLiteral("nosuchuser")).toUtf8() +
                                 " over ssh"),
             result.err.constData());
    QVERIFY2(result.err.contains("Permission denied"), result.err.constData()); // ssh's own
}

void TestHelperRemote::killedSshRollsBackOnServer()
{
    QProcess process;
    process.start(TestSandbox::ctlPath(),
                  {QStringLiteral("--host"), host(Member), QStringLiteral("apply"), m_file,
                   QStringLiteral("--confirm"), QStringLiteral("120")});
    QByteArray out;
    QTRY_VERIFY_WITH_TIMEOUT((out += process.readAllStandardOutput()).contains("Press Enter"),
                             30000);
    QCOMPARE(serverDockerUser(), NewRules);
    const QList<qint64> ssh = childrenNamed(process.processId(), "ssh");
    QCOMPARE(ssh.size(), 1);

    QElapsedTimer timer;
    timer.start();
    QCOMPARE(::kill(pid_t(ssh.first()), SIGKILL), 0);
    // sshd ends the session, the bridge leaves the server's bus, and the helper restores at
    // once: well within the 120 s window.
    QTRY_COMPARE_WITH_TIMEOUT(serverDockerUser(), DockerRules, 30000);
    QVERIFY(timer.elapsed() < 30000);
    // The client sees the connection go and says what that means, without waiting 120 s.
    QTRY_COMPARE_WITH_TIMEOUT(process.state(), QProcess::NotRunning, 15000);
    QCOMPARE(process.exitCode(), 7);
    const QByteArray err = process.readAllStandardError();
    QVERIFY2(err.contains("connection to " + host(Member).toUtf8() + " was lost"), err.constData());
}

USERCHAIN_SANDBOX_TEST_MAIN(TestHelperRemote,
                            (QStringList{
                                QStringLiteral("--sshd"), QStringLiteral("--polkit-rules"),
                                QStringLiteral(USERCHAIN_SOURCE_DIR
                                               "/resources/polkit/50-userchain-group.rules.in")}),
                            (QStringList{QStringLiteral("--idle-timeout"), QStringLiteral("120")}))
#include "tst_helperremote.moc"

// The window against a remote host with real parts: scripts/sandbox --sshd makes the sandbox a
// "server" (the real sshd, the private system bus, polkitd with the group rule Userchain ships,
// the helper, Docker's chains) and runs this test on a "workstation" namespace joined to it by a
// veth pair. The window is the GUI's own (HostWindows: MainWindow, the real HelperClient, the
// SshTunnel running the real ssh); the server's kernel, read with iptables-legacy-save in its
// namespace, is the oracle.
#include "applycontroller.h"
#include "applydialog.h"
#include "bustarget.h"
#include "colorscheme.h"
#include "confirmdialog.h"
#include "connectdialog.h"
#include "connectionbar.h"
#include "connectioncontroller.h"
#include "editsession.h"
#include "hostconnection.h"
#include "hostwindows.h"
#include "mainwindow.h"
#include "modalrunner.h"
#include "recenthosts.h"
#include "ruleactions.h"
#include "ruletablemodel.h"
#include "statepage.h"
#include "testsandbox.h"
#include "workspace.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include <signal.h>

using namespace Userchain;

namespace {
const QString Member = QStringLiteral("uc-member");     // in the group "userchain" on the server
const QString Outsider = QStringLiteral("uc-outsider"); // not: the policy's defaults refuse it
const QStringList DockerRules{QStringLiteral("-j RETURN")}; // as the capture has it
} // namespace

class TestSandboxRemote : public QObject
{
    Q_OBJECT

private:
    static QString host()
    {
        return Member + QLatin1Char('@') + qEnvironmentVariable("USERCHAIN_SANDBOX_SSH_HOST");
    }
    static QStringList serverDockerUser()
    {
        const auto save = TestSandbox::run(
            QStringLiteral("nsenter"),
            {QStringLiteral("--net=") + qEnvironmentVariable("USERCHAIN_SANDBOX_SERVER_NETNS"),
             QStringLiteral("--"), QStringLiteral("iptables-legacy-save"), QStringLiteral("-t"),
             QStringLiteral("filter")});
        QStringList specs;
        for (const QByteArray &line : save.out.split('\n')) {
            if (line.startsWith("-A DOCKER-USER ")) {
                specs << QString::fromUtf8(line.mid(15));
            }
        }
        return specs;
    }
    static HostConnection *connectionOf(MainWindow *window)
    {
        return window->findChild<ConnectionController *>()->connection();
    }
    /// Apply through the review (automatic revert, as it is by default) and wait for the question.
    static ConfirmDialog *applyAndWait(MainWindow *window)
    {
        ModalRunner::pushHook([](QDialog *d) {
            auto *review = qobject_cast<ApplyDialog *>(d);
            if (!review || !review->confirmEnabled()) {
                return int(QDialog::Rejected);
            }
            review->setConfirmSeconds(120);
            return int(QDialog::Accepted);
        });
        QSignalSpy started(window->applyController(), &ApplyController::confirmationStarted);
        window->action(QStringLiteral("actionApply"))->trigger();
        if (!QTest::qWaitFor([&] { return started.count() == 1; }, 60000)) {
            return nullptr;
        }
        return started.first().first().value<ConfirmDialog *>();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(TestSandbox::inside());
        QVERIFY2(!qEnvironmentVariableIsEmpty("USERCHAIN_SANDBOX_SSH_HOST"),
                 "not run by scripts/sandbox --sshd");
        qputenv("XDG_CONFIG_HOME", QByteArray("/tmp/userchain-gui-remote-e2e-config"));
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
            if (user == Member) {
                args << QStringLiteral("--groups") << QStringLiteral("userchain");
            }
            const auto added = TestSandbox::run(QStringLiteral("useradd"), args << user);
            QVERIFY2(added.exitCode == 0, qPrintable(added.describe()));
        }
        // The workstation cannot read the server's tables except through ssh.
        QVERIFY(TestSandbox::run(QStringLiteral("iptables-legacy-save"), {}).out.indexOf("DOCKER") <
                0);
        QCOMPARE(serverDockerUser(), DockerRules);
    }

    void editApplyLoseAndReconnect()
    {
        QString error;
        const auto target = BusTarget::parse(host(), &error);
        QVERIFY2(target, qPrintable(error));
        MainWindow *window = HostWindows::open(*target);
        HostConnection *connection = connectionOf(window);
        QTRY_VERIFY_WITH_TIMEOUT(connection->state() != HostConnection::State::Connecting, 30000);
        QVERIFY2(connection->state() == HostConnection::State::Connected,
                 qPrintable(connection->message()));
        // ssh carries no descriptors: the window's Apply sends its rules in the message.
        QVERIFY(!BusTarget::passesDescriptors(connection->connection()));
        EditSession *session = window->session();
        QTRY_VERIFY_WITH_TIMEOUT(session->hasSnapshot(), 30000);
        QCOMPARE(window->windowTitle(), host() + QStringLiteral(": DOCKER-USER (IPv4)[*]"));
        QCOMPARE(session->model()->specs(), DockerRules);

        // An edit, applied over ssh and kept: the server's kernel holds it.
        window->ruleActions()->insertRules({QStringLiteral("-s 192.0.2.1/32 -j DROP")},
                                           QStringLiteral("Add rule"));
        const QStringList applied = session->model()->specs();
        ConfirmDialog *confirm = applyAndWait(window);
        QVERIFY(confirm);
        QCOMPARE(serverDockerUser(), applied); // active while the question is open
        confirm->keep();
        QTRY_VERIFY_WITH_TIMEOUT(!window->applyController()->isBusy(), 30000);
        QVERIFY(!session->isModified());
        QCOMPARE(serverDockerUser(), applied);

        // The next edit is on trial when ssh dies: the server restores the applied rules, the
        // window says the connection is lost, and the edit stays.
        window->ruleActions()->insertRules({QStringLiteral("-s 192.0.2.2/32 -j DROP")},
                                           QStringLiteral("Add rule"));
        const QStringList edited = session->model()->specs();
        confirm = applyAndWait(window);
        QVERIFY(confirm);
        QCOMPARE(serverDockerUser(), edited);
        const qint64 ssh = connection->sshProcessId();
        QVERIFY(ssh > 0);
        QCOMPARE(::kill(pid_t(ssh), SIGKILL), 0);
        QTRY_COMPARE_WITH_TIMEOUT(connection->state(), HostConnection::State::Lost, 15000);
        ConnectionBar *bar = window->findChild<ConnectionController *>()->bar();
        QVERIFY(bar->isVisible());
        QVERIFY2(
            bar->text().startsWith(QStringLiteral("The connection to %1 was lost.").arg(host())),
            qPrintable(bar->text()));
        QTRY_VERIFY(!window->applyController()->isBusy());
        QTRY_COMPARE_WITH_TIMEOUT(serverDockerUser(), applied, 30000);
        QCOMPARE(session->model()->specs(), edited);
        QVERIFY(session->isModified());

        // Reconnect: a new ssh session, the rules read again, the edit still on top of them.
        const QDateTime before = session->lastRefresh();
        QTest::mouseClick(bar->actionButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(connection->state(), HostConnection::State::Connected, 30000);
        QVERIFY(connection->sshProcessId() != ssh);
        QVERIFY(bar->isHidden());
        QTRY_VERIFY_WITH_TIMEOUT(session->lastRefresh() > before, 30000);
        QCOMPARE(session->model()->specs(), edited);
        QVERIFY(session->isModified());
        QVERIFY(!session->isChangedOutside()); // the rollback brought back the baseline

        // And it applies over the new connection.
        confirm = applyAndWait(window);
        QVERIFY(confirm);
        confirm->keep();
        QTRY_VERIFY_WITH_TIMEOUT(!window->applyController()->isBusy(), 30000);
        QCOMPARE(serverDockerUser(), edited);
        QVERIFY(!session->isModified());
        window->close();
    }

    void refusedUserSeesHowToEnableTheRule()
    {
        // Not a member of "userchain": the server's polkit refuses the user over ssh.
        QString error;
        const auto target = BusTarget::parse(Outsider + QLatin1Char('@') +
                                                 qEnvironmentVariable("USERCHAIN_SANDBOX_SSH_HOST"),
                                             &error);
        QVERIFY(target);
        MainWindow *window = HostWindows::open(*target);
        QTRY_VERIFY_WITH_TIMEOUT(
            window->statePage()->notice().id == QLatin1String("not-authorized"), 30000);
        const Notice notice = window->statePage()->notice();
        QVERIFY2(notice.text.contains(target->displayName()), qPrintable(notice.text));
        QVERIFY(notice.code.contains(QStringLiteral("usermod -a -G userchain USER")));
        window->close();
    }

    /**
     * Not a check: with USERCHAIN_REVIEW_SHOTS=DIR (and a display, e.g. under xvfb-run with
     * QT_QPA_PLATFORM=xcb), saves what a user sees of a remote host, light and dark, for review:
     * connecting, connected, a failed login, a lost connection, the review, the connect dialog.
     */
    void reviewShots()
    {
        const QString dir = qEnvironmentVariable("USERCHAIN_REVIEW_SHOTS");
        if (dir.isEmpty()) {
            return;
        }
        const auto shoot = [&dir](QWidget *widget, const QString &name) {
            QTest::qWait(300);
            const QString path = dir + QLatin1Char('/') + name + QStringLiteral(".png");
            QVERIFY(widget->grab().save(path));
            qInfo("%s: %s", qPrintable(path), qPrintable(widget->windowTitle()));
        };
        const auto server = qEnvironmentVariable("USERCHAIN_SANDBOX_SSH_HOST");
        RecentHosts::add(QStringLiteral("admin@build.example.org:2222"));
        RecentHosts::add(host());
        for (const auto scheme : {ColorScheme::Scheme::Light, ColorScheme::Scheme::Dark}) {
            ColorScheme::apply(scheme);
            const QString suffix = ColorScheme::key(scheme);
            QString error;
            // Nothing answers on .3: ssh waits for its ConnectTimeout (10 s in the sandbox).
            MainWindow *waiting = HostWindows::open(
                *BusTarget::parse(Member + QStringLiteral("@198.51.100.3"), &error));
            waiting->resize(1024, 700);
            shoot(waiting, QStringLiteral("connecting-") + suffix);
            waiting->close();
            MainWindow *refused = HostWindows::open(
                *BusTarget::parse(QStringLiteral("nosuchuser@") + server, &error));
            refused->resize(1024, 700);
            QTRY_VERIFY_WITH_TIMEOUT(
                connectionOf(refused)->state() == HostConnection::State::Failed, 30000);
            shoot(refused, QStringLiteral("failed-") + suffix);
            refused->close();

            MainWindow *window = HostWindows::open(*BusTarget::parse(host(), &error));
            window->resize(1024, 700);
            QTRY_VERIFY_WITH_TIMEOUT(window->session()->hasSnapshot(), 30000);
            window->ruleActions()->insertRules({QStringLiteral("-s 192.0.2.7/32 -j DROP")},
                                               QStringLiteral("Add rule"));
            shoot(window, QStringLiteral("connected-") + suffix);
            ModalRunner::pushHook([&](QDialog *d) {
                d->resize(760, 480);
                d->show();
                shoot(d, QStringLiteral("review-") + suffix);
                qobject_cast<ApplyDialog *>(d)->setConfirmEnabled(false);
                shoot(d, QStringLiteral("review-norevert-") + suffix);
                return int(QDialog::Rejected);
            });
            window->action(QStringLiteral("actionApply"))->trigger();
            ::kill(pid_t(connectionOf(window)->sshProcessId()), SIGKILL);
            QTRY_COMPARE_WITH_TIMEOUT(connectionOf(window)->state(), HostConnection::State::Lost,
                                      15000);
            shoot(window, QStringLiteral("lost-") + suffix);
            ConnectDialog dialog(window);
            dialog.show();
            QTest::keyClicks(dialog.hostCombo()->lineEdit(), QStringLiteral("admin@vps:99999"));
            shoot(&dialog, QStringLiteral("connect-dialog-") + suffix);
            dialog.close();
            window->session()->load(window->session()->snapshot());
            window->close();
        }
        RecentHosts::clear();
    }
};

int main(int argc, char **argv)
{
    int sandboxExit = 0;
    if (TestSandbox::enter(
            argc, argv,
            {QStringLiteral("--sshd"), QStringLiteral("--polkit-rules"),
             QStringLiteral(USERCHAIN_SOURCE_DIR "/resources/polkit/50-userchain-group.rules.in"),
             QStringLiteral("--load"),
             QStringLiteral(USERCHAIN_FIXTURES_DIR
                            "/docker-20.10/"
                            "docker20.10-legacy-with-containers.legacy.v4.rules")},
            {QStringLiteral("--idle-timeout"), QStringLiteral("120")}, &sandboxExit)) {
        return sandboxExit;
    }
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", QByteArray("offscreen"));
    }
    QApplication app(argc, argv);
    TestSandboxRemote test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_sandboxremote.moc"

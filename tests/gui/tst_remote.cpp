// Remote hosts in the window, offscreen: File → Connect to Host… (validation, recent hosts, one
// window per host), the host in the title, the status bar and the review, and the connection's
// states. The connection is real (SshTunnel, QtDBus, systemd-stdio-bridge) up to ssh:
// tests/gui/fakessh/ssh stands in for it and runs the bridge against a private dbus-daemon;
// the helper behind it is the FakeHelperClient. tst_gui_sandbox runs the real ssh and helper.
#include "applycontroller.h"
#include "applydialog.h"
#include "bustarget.h"
#include "confirmdialog.h"
#include "connectdialog.h"
#include "connectionbar.h"
#include "connectioncontroller.h"
#include "editsession.h"
#include "fakehelperclient.h"
#include "familypage.h"
#include "fixturesnapshot.h"
#include "hostconnection.h"
#include "hostwindows.h"
#include "mainwindow.h"
#include "messagebanner.h"
#include "modalrunner.h"
#include "recenthosts.h"
#include "ruletablemodel.h"
#include "ruletableview.h"
#include "statepage.h"
#include "workspace.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDBusError>
#include <QDBusMessage>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

#include <signal.h>

using namespace Userchain;

namespace {
BusTarget host(const QString &spec)
{
    QString error;
    const auto target = BusTarget::parse(spec, &error);
    return target ? *target : BusTarget();
}
} // namespace

class TestRemote : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_config;
    QProcess m_bus;                      ///< the "server's" bus that the fake ssh's bridge reaches
    QPointer<FakeHelperClient> m_helper; ///< the helper of the window opened last

    /// A window of HostWindows for `spec`, connected, its rules loaded.
    MainWindow *openHost(const QString &spec)
    {
        MainWindow *window = HostWindows::open(host(spec));
        if (!window) {
            return nullptr;
        }
        HostConnection *connection = connectionOf(window);
        if (!QTest::qWaitFor(
                [&] { return connection->state() != HostConnection::State::Connecting; }, 20000) ||
            connection->state() != HostConnection::State::Connected) {
            qWarning() << "not connected:" << connection->message();
            return nullptr;
        }
        Workspace *workspace = window->workspace();
        if (!QTest::qWaitFor([workspace] {
                return workspace->session(Family::IPv4)->hasSnapshot() &&
                       workspace->session(Family::IPv6)->hasSnapshot();
            })) {
            return nullptr;
        }
        return window;
    }
    static HostConnection *connectionOf(MainWindow *window)
    {
        return window->findChild<ConnectionController *>()->connection();
    }
    static QLabel *statusHost(MainWindow *window)
    {
        return window->statusBar()->findChild<QLabel *>(QStringLiteral("statusHost"));
    }
    static ConnectionBar *barOf(MainWindow *window)
    {
        return window->findChild<ConnectionController *>()->bar();
    }
    static void closeAll()
    {
        const QWidgetList windows = QApplication::topLevelWidgets();
        for (QWidget *widget : windows) {
            if (auto *window = qobject_cast<MainWindow *>(widget)) {
                for (Family family : Workspace::families()) {
                    EditSession *session = window->workspace()->session(family);
                    if (session->hasSnapshot()) {
                        session->load(session->snapshot()); // no discard question
                    }
                }
                window->close();
            }
        }
        const auto anyWindow = [] {
            const QWidgetList widgets = QApplication::topLevelWidgets();
            return std::any_of(widgets.cbegin(), widgets.cend(),
                               [](QWidget *w) { return qobject_cast<MainWindow *>(w); });
        };
        QTRY_VERIFY(!anyWindow());
    }

private slots:
    void initTestCase()
    {
        qputenv("XDG_CONFIG_HOME", m_config.path().toLocal8Bit());
        QCoreApplication::setOrganizationName(QStringLiteral("UserchainTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_gui_remote"));
        // ssh is the fake one; it reaches this private bus as a server's sshd would its own.
        qputenv("PATH", QByteArray(USERCHAIN_SOURCE_DIR "/tests/gui/fakessh:") + qgetenv("PATH"));
        m_bus.start(QStringLiteral("dbus-daemon"),
                    {QStringLiteral("--session"), QStringLiteral("--nofork"),
                     QStringLiteral("--print-address=1")});
        QVERIFY2(m_bus.waitForReadyRead(10000), "dbus-daemon did not start");
        const QByteArray address = m_bus.readLine().trimmed();
        QVERIFY(address.startsWith("unix:"));
        qputenv("USERCHAIN_FAKE_SSH_BUS", address);
        // This computer's window reaches the same bus as its system bus.
        qputenv("DBUS_SYSTEM_BUS_ADDRESS", address);
        HostWindows::setHelperFactory([this] {
            auto *helper = new FakeHelperClient;
            helper->system = FixtureSnapshot::fromFile(FixtureSnapshot::userRulesCapture());
            m_helper = helper;
            return helper;
        });
    }

    void cleanupTestCase()
    {
        HostWindows::setHelperFactory({});
        m_bus.terminate();
        m_bus.waitForFinished();
    }

    void cleanup()
    {
        QCOMPARE(ModalRunner::pendingHooks(), 0);
        ModalRunner::clearHooks();
        closeAll();
        RecentHosts::clear();
    }

    void dialogChecksTheHost_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("error");
        QTest::newRow("empty") << "" << false << "";
        QTest::newRow("host") << "vps.example.org" << true << "";
        QTest::newRow("user port") << "admin@192.0.2.7:2222" << true << "";
        QTest::newRow("ipv6") << "[2001:db8::1]:22" << true << "";
        QTest::newRow("option") << "-oProxyCommand=x" << false
                                << "\"-oProxyCommand=x\" is not a host name or address";
        QTest::newRow("space") << "my host" << false << "\"my host\" is not a host name";
        QTest::newRow("port") << "vps:99999" << false << "\"99999\" is not a port (1 to 65535)";
        QTest::newRow("bare ipv6") << "2001:db8::1" << false << "write an IPv6 address in brackets";
        QTest::newRow("user") << "ad min@vps" << false << "\"ad min\" is not a user name";
    }

    void dialogChecksTheHost()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QFETCH(QString, error);
        ConnectDialog dialog;
        dialog.show();
        QTest::keyClicks(dialog.hostCombo()->lineEdit(), text);
        auto *connect = dialog.findChild<QPushButton *>(QStringLiteral("connectButton"));
        QCOMPARE(connect->isEnabled(), valid);
        QCOMPARE(dialog.target().has_value(), valid);
        QVERIFY2(dialog.errorText().contains(error), qPrintable(dialog.errorText()));
        QCOMPARE(dialog.errorText().isEmpty(), error.isEmpty());
        QCOMPARE(dialog.findChild<QLabel *>(QStringLiteral("hostError"))->isVisible(),
                 !error.isEmpty());
    }

    void recentHostsComeFirst()
    {
        for (int i = 1; i <= RecentHosts::MaxHosts + 2; ++i) {
            RecentHosts::add(QStringLiteral("host%1").arg(i));
        }
        RecentHosts::add(QStringLiteral("host5")); // again: moves to the top, once
        QStringList expected{QStringLiteral("host5")};
        for (int i = RecentHosts::MaxHosts + 2; expected.size() < RecentHosts::MaxHosts; --i) {
            if (i != 5) {
                expected << QStringLiteral("host%1").arg(i);
            }
        }
        QCOMPARE(RecentHosts::load(), expected);
        ConnectDialog dialog;
        QStringList offered;
        for (int i = 0; i < dialog.hostCombo()->count(); ++i) {
            offered << dialog.hostCombo()->itemText(i);
        }
        QCOMPARE(offered, expected);
        QVERIFY(dialog.hostText().isEmpty()); // nothing chosen for the user
    }

    void connectOpensOneWindowPerHost()
    {
        MainWindow *local = openHost(QString());
        QVERIFY(local);
        QVERIFY(local->host().isEmpty());
        QVERIFY(barOf(local)->isHidden());
        // File → Connect to Host…, typed as a user would.
        const auto typeHost = [](const QString &text) {
            ModalRunner::pushHook([text](QDialog *d) {
                auto *dialog = qobject_cast<ConnectDialog *>(d);
                if (!dialog) {
                    return int(QDialog::Rejected);
                }
                dialog->show();
                QTest::keyClicks(dialog->hostCombo()->lineEdit(), text);
                QTest::keyClick(dialog->hostCombo()->lineEdit(), Qt::Key_Return); // Connect
                return dialog->result();
            });
        };
        typeHost(QStringLiteral("admin@vps1"));
        local->action(QStringLiteral("actionConnectHost"))->trigger();
        MainWindow *remote = HostWindows::find(host(QStringLiteral("admin@vps1")));
        QVERIFY(remote);
        QVERIFY(remote != local);
        QTRY_COMPARE(connectionOf(remote)->state(), HostConnection::State::Connected);
        QCOMPARE(RecentHosts::load(), QStringList{QStringLiteral("admin@vps1")});
        // The same host again: its window comes to the front, no second one.
        typeHost(QStringLiteral("admin@vps1"));
        local->action(QStringLiteral("actionConnectHost"))->trigger();
        int windows = 0;
        for (QWidget *w : QApplication::topLevelWidgets()) {
            windows += qobject_cast<MainWindow *>(w) && w->isVisible() ? 1 : 0;
        }
        QCOMPARE(windows, 2);
        // Cancelled: nothing opens, nothing is remembered.
        ModalRunner::pushHook([](QDialog *) { return int(QDialog::Rejected); });
        QVERIFY(!HostWindows::openWithDialog(local));
        QCOMPARE(RecentHosts::load(), QStringList{QStringLiteral("admin@vps1")});
    }

    void hostNamedInTitleStatusAndReview()
    {
        MainWindow *window = openHost(QStringLiteral("admin@vps2:2222"));
        QVERIFY(window);
        QCOMPARE(window->windowTitle(), QStringLiteral("admin@vps2:2222: DOCKER-USER (IPv4)[*]"));
        window->showExposure();
        QCOMPARE(window->windowTitle(), QStringLiteral("admin@vps2:2222: Exposure[*]"));
        window->showFamily(Family::IPv4);
        QCOMPARE(window->statusFields().last(), QStringLiteral("admin@vps2:2222"));
        QVERIFY(
            window->statusBar()->findChild<QLabel *>(QStringLiteral("statusHost"))->isVisible());

        window->ruleTableView()->selectRows(0, 1);
        window->action(QStringLiteral("actionDelete"))->trigger();
        QString title, banner, button, hint;
        bool confirmed = false;
        ModalRunner::pushHook([&](QDialog *d) {
            auto *review = qobject_cast<ApplyDialog *>(d);
            if (!review) {
                return int(QDialog::Rejected);
            }
            title = review->windowTitle();
            banner = review->findChild<QLabel *>(QStringLiteral("applyHost"))->text();
            button =
                review->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Apply)->text();
            confirmed = review->confirmEnabled(); // the default, remote or not
            review->setConfirmEnabled(false);
            hint = review->findChild<QLabel *>(QStringLiteral("confirmHint"))->text();
            return int(QDialog::Rejected);
        });
        window->action(QStringLiteral("actionApply"))->trigger();
        QCOMPARE(title, QStringLiteral("Review and apply to admin@vps2:2222"));
        QVERIFY2(banner.contains(QStringLiteral("<b>admin@vps2:2222</b>")), qPrintable(banner));
        QCOMPARE(button, QStringLiteral("&Apply to admin@vps2:2222"));
        QVERIFY(confirmed);
        QVERIFY2(hint.contains(QStringLiteral("cuts off ssh")), qPrintable(hint));

        // "Keep these rules?" names the host too.
        ModalRunner::pushHook([](QDialog *d) {
            return int(qobject_cast<ApplyDialog *>(d) ? QDialog::Accepted : QDialog::Rejected);
        });
        QSignalSpy started(window->applyController(), &ApplyController::confirmationStarted);
        window->action(QStringLiteral("actionApply"))->trigger();
        QTRY_COMPARE(started.count(), 1);
        auto *confirm = started.first().first().value<ConfirmDialog *>();
        QVERIFY2(confirm->windowTitle().contains(QStringLiteral("on admin@vps2:2222")),
                 qPrintable(confirm->windowTitle()));
        confirm->keep();
        QTRY_VERIFY(!window->applyController()->isBusy());
        QCOMPARE(m_helper->confirmSeconds, QVector<uint>{30});
    }

    void localWindowNamesNoHost()
    {
        MainWindow *window = openHost(QString());
        QVERIFY(window);
        QCOMPARE(window->windowTitle(), QStringLiteral("DOCKER-USER (IPv4)[*]"));
        QCOMPARE(window->statusFields().last(), QString());
        QVERIFY(window->statusBar()->findChild<QLabel *>(QStringLiteral("statusHost"))->isHidden());
    }

    void lostConnectionKeepsEditsAndReconnects()
    {
        MainWindow *window = openHost(QStringLiteral("admin@vps3"));
        QVERIFY(window);
        HostConnection *connection = connectionOf(window);
        EditSession *session = window->session();
        const int rows = session->model()->rowCount();
        window->ruleTableView()->selectRows(0, 1);
        window->action(QStringLiteral("actionDelete"))->trigger();
        QVERIFY(session->isModified());
        const QStringList edited = session->model()->specs();

        // ssh ends (killed, or the network gone): the window says so at once.
        const qint64 ssh = connection->sshProcessId();
        QVERIFY(ssh > 0);
        QCOMPARE(::kill(pid_t(ssh), SIGKILL), 0);
        QTRY_COMPARE(connection->state(), HostConnection::State::Lost);
        ConnectionBar *bar = barOf(window);
        QVERIFY(bar->isVisible());
        QVERIFY2(bar->text().startsWith(QStringLiteral("The connection to admin@vps3 was lost.")),
                 qPrintable(bar->text()));
        QVERIFY(bar->text().contains(QStringLiteral("Your unapplied edits are kept")));
        QCOMPARE(bar->actionButton()->text(), QStringLiteral("&Reconnect"));
        QCOMPARE(window->statusFields().last(), QStringLiteral("admin@vps3"));
        QCOMPARE(statusHost(window)->accessibleName(),
                 QStringLiteral("Host: admin@vps3, not connected"));
        QVERIFY(!statusHost(window)->styleSheet().isEmpty()); // the warning frame
        // The edits stay on screen, and Apply says why it cannot start (no review opens).
        QVERIFY(window->ruleTableView()->isVisible());
        QCOMPARE(session->model()->specs(), edited);
        window->action(QStringLiteral("actionApply"))->trigger();
        QVERIFY(window->statusBar()->currentMessage().startsWith(
                    QStringLiteral("Not connected to admin@vps3")) ||
                window->messageBanner()->text().startsWith(
                    QStringLiteral("Not connected to admin@vps3")));
        QCOMPARE(m_helper->applies.size(), 0);

        // Meanwhile someone changed DOCKER-USER on the host.
        QStringList outside;
        for (const ChainInfo &chain : m_helper->system.chains) {
            if (chain.name == QLatin1String("DOCKER-USER")) {
                for (const RuleEntry &rule : chain.rules) {
                    outside << rule.spec;
                }
            }
        }
        outside.prepend(QStringLiteral("-s 203.0.113.9/32 -j DROP"));
        FixtureSnapshot::setDockerUser(&m_helper->system, outside);

        const int requests = m_helper->snapshotRequests;
        QTest::mouseClick(bar->actionButton(), Qt::LeftButton);
        QTRY_COMPARE(connection->state(), HostConnection::State::Connected);
        QVERIFY(connection->sshProcessId() > 0 && connection->sshProcessId() != ssh);
        QVERIFY(bar->isHidden());
        QCOMPARE(statusHost(window)->accessibleName(), QStringLiteral("Host: admin@vps3"));
        QVERIFY(statusHost(window)->styleSheet().isEmpty());
        QTRY_VERIFY(m_helper->snapshotRequests > requests);
        // The new rules come in through the usual "changed outside" path; the edits are intact.
        QTRY_VERIFY(session->isChangedOutside());
        QCOMPARE(session->model()->specs(), edited);
        QCOMPARE(session->model()->rowCount(), rows - 1);
        window->session()->rebase(session->pendingSnapshot());
        QVERIFY(session->model()->specs().contains(QStringLiteral("-s 203.0.113.9/32 -j DROP")));
        QVERIFY(session->isModified());
    }

    void lostDuringConfirmationSaysTheHelperRestores()
    {
        MainWindow *window = openHost(QStringLiteral("admin@vps4"));
        QVERIFY(window);
        window->ruleTableView()->selectRows(0, 1);
        window->action(QStringLiteral("actionDelete"))->trigger();
        ModalRunner::pushHook([](QDialog *d) {
            return int(qobject_cast<ApplyDialog *>(d) ? QDialog::Accepted : QDialog::Rejected);
        });
        QSignalSpy started(window->applyController(), &ApplyController::confirmationStarted);
        window->action(QStringLiteral("actionApply"))->trigger();
        QTRY_COMPARE(started.count(), 1);
        QPointer<ConfirmDialog> confirm = started.first().first().value<ConfirmDialog *>();
        QCOMPARE(::kill(pid_t(connectionOf(window)->sshProcessId()), SIGKILL), 0);
        QTRY_VERIFY(!window->applyController()->isBusy());
        QTRY_VERIFY(!confirm || !confirm->isVisible());
        const QString said =
            window->statusBar()->currentMessage() + window->messageBanner()->text();
        QVERIFY2(said.contains(QStringLiteral("restores the previous rules")), qPrintable(said));
        QVERIFY(window->session()->isModified()); // the edits are still here
    }

    void failedLoginShowsSshsWords_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("said");
        QTest::addColumn<QString>("hint");
        QTest::newRow("no such host") << "unreachable.example"
                                      << "Could not resolve hostname unreachable.example"
                                      << "";
        QTest::newRow("no bridge")
            << "nobridge.example"
            << "systemd-stdio-bridge: not found"
            << "nobridge.example needs systemd-stdio-bridge (package systemd)";
    }

    void failedLoginShowsSshsWords()
    {
        QFETCH(QString, spec);
        QFETCH(QString, said);
        QFETCH(QString, hint);
        MainWindow *window = HostWindows::open(host(spec));
        HostConnection *connection = connectionOf(window);
        QTRY_COMPARE(connection->state(), HostConnection::State::Failed);
        ConnectionBar *bar = barOf(window);
        QVERIFY(bar->isVisible());
        QVERIFY2(
            bar->text().startsWith(QStringLiteral("Could not connect to %1 over ssh.").arg(spec)),
            qPrintable(bar->text()));
        QVERIFY2(bar->text().contains(said), qPrintable(bar->text()));
        QVERIFY2(bar->text().contains(hint), qPrintable(bar->text()));
        QCOMPARE(bar->actionButton()->text(), QStringLiteral("&Try again"));
        // The pages say it too, instead of "Reading the firewall…", and their "Try again"
        // logs in again as the bar's does.
        QTRY_COMPARE(window->statePage()->notice().id, QStringLiteral("helper-unreachable"));
        QVERIFY2(window->statePage()->notice().text.contains(said),
                 qPrintable(window->statePage()->notice().text));
        QSignalSpy states(connection, &HostConnection::stateChanged);
        QTest::mouseClick(
            window->statePage()->findChild<QPushButton *>(QStringLiteral("stateAction")),
            Qt::LeftButton);
        QTRY_COMPARE(states.size(), 2); // Connecting, then Failed again
        QCOMPARE(connection->state(), HostConnection::State::Failed);
        QTest::mouseClick(bar->actionButton(), Qt::LeftButton);
        QTRY_COMPARE(states.size(), 4);
        QCOMPARE(connection->state(), HostConnection::State::Failed);
    }

    void connectingNeverBlocksTheWindow()
    {
        // ssh waits (for a password, say): the window is there, responsive, and says why.
        MainWindow *window = HostWindows::open(host(QStringLiteral("slow.example")));
        HostConnection *connection = connectionOf(window);
        QCOMPARE(connection->state(), HostConnection::State::Connecting);
        QVERIFY(QTest::qWaitForWindowExposed(window));
        ConnectionBar *bar = barOf(window);
        QVERIFY(bar->isVisible());
        QVERIFY2(bar->text().startsWith(QStringLiteral("Connecting to slow.example over ssh…")),
                 qPrintable(bar->text()));
        QVERIFY(bar->text().contains(QStringLiteral("ssh-askpass")));
        QCOMPARE(window->statusFields().last(), QStringLiteral("slow.example"));
        QCOMPARE(statusHost(window)->accessibleName(),
                 QStringLiteral("Host: slow.example, not connected"));
        // Another window meanwhile talks to its host at once.
        MainWindow *other = openHost(QStringLiteral("fast.example"));
        QVERIFY(other);
        QCOMPARE(connection->state(), HostConnection::State::Connecting);
        QCOMPARE(bar->actionButton()->text(), QStringLiteral("&Cancel"));
        QTest::mouseClick(bar->actionButton(), Qt::LeftButton);
        QTRY_COMPARE(connection->state(), HostConnection::State::Failed);
        QVERIFY2(bar->text().contains(QStringLiteral("Cancelled.")), qPrintable(bar->text()));
        QCOMPARE(connection->sshProcessId(), 0);
    }

    void rulesCarriedToAnotherHost()
    {
        MainWindow *source = openHost(QStringLiteral("admin@vps6"));
        QVERIFY(source);
        const QStringList before = source->session()->model()->specs();
        source->ruleTableView()->selectRows(0, 1);
        source->action(QStringLiteral("actionDelete"))->trigger(); // an unapplied edit goes too
        const QStringList carried = source->session()->model()->specs();

        ModalRunner::pushHook([](QDialog *d) {
            auto *dialog = qobject_cast<ConnectDialog *>(d);
            if (!dialog) {
                return int(QDialog::Rejected);
            }
            dialog->show();
            QTest::keyClicks(dialog->hostCombo()->lineEdit(), QStringLiteral("admin@vps7"));
            QTest::keyClick(dialog->hostCombo()->lineEdit(), Qt::Key_Return);
            return dialog->result();
        });
        QString title, diff;
        bool confirmed = false;
        ModalRunner::pushHook([&](QDialog *d) {
            auto *review = qobject_cast<ApplyDialog *>(d);
            if (!review) {
                return int(QDialog::Rejected);
            }
            title = review->windowTitle();
            diff = review->diffText(Family::IPv4);
            confirmed = review->confirmEnabled();
            return int(QDialog::Accepted);
        });
        source->action(QStringLiteral("actionApplyToHost"))->trigger();
        MainWindow *target = HostWindows::find(host(QStringLiteral("admin@vps7")));
        QVERIFY(target);
        QSignalSpy started(target->applyController(), &ApplyController::confirmationStarted);
        QTRY_COMPARE(started.count(), 1);
        // Reviewed against the target's own rules, on the target, confirmed by default.
        QCOMPARE(title, QStringLiteral("Review and apply to admin@vps7"));
        QVERIFY2(diff.contains(QStringLiteral("- -A DOCKER-USER ") + before.first()),
                 qPrintable(diff));
        QVERIFY(confirmed);
        started.first().first().value<ConfirmDialog *>()->keep();
        QTRY_VERIFY(!target->applyController()->isBusy());
        QStringList applied;
        for (const ChainInfo &chain : m_helper->system.chains) {
            if (chain.name == QLatin1String("DOCKER-USER")) {
                for (const RuleEntry &rule : chain.rules) {
                    applied << rule.spec;
                }
            }
        }
        QCOMPARE(applied, carried);
        // The source keeps its own edit, unapplied.
        QVERIFY(source->session()->isModified());
        QCOMPARE(source->session()->model()->specs(), carried);
    }

    void refusedRemotelySaysHowToEnableTheRule()
    {
        MainWindow *window = openHost(QStringLiteral("admin@vps5"));
        QVERIFY(window);
        m_helper->nextSnapshotError = HelperError::fromDBus(
            QDBusError(QDBusMessage::createError(QLatin1String(DBusError::NotAuthorized),
                                                 QStringLiteral("not authorized"))),
            QStringLiteral("admin@vps5"));
        // A read that is refused: the state page explains it.
        window->requestSnapshot(4);
        QTRY_COMPARE(window->statePage()->notice().id, QStringLiteral("not-authorized"));
        const Notice notice = window->statePage()->notice();
        QVERIFY2(notice.text.contains(QStringLiteral("The policy (polkit) of admin@vps5")),
                 qPrintable(notice.text));
        QVERIFY(notice.code.contains(QStringLiteral("usermod -a -G userchain USER")));
        QVERIFY(notice.code.contains(BusTarget::groupRulesPath() +
                                     QStringLiteral(" /etc/polkit-1/rules.d/")));
        // Locally, the words stay those of a local session.
        const HelperError local = HelperError::fromDBus(QDBusError(
            QDBusMessage::createError(QLatin1String(DBusError::NotAuthorized), QString())));
        QVERIFY(local.remedyCommands().isEmpty());
        QVERIFY(local.explanation().contains(QStringLiteral("active local session")));
    }
};

QTEST_MAIN(TestRemote)
#include "tst_remote.moc"

// End to end in scripts/sandbox: the real helper over a private system bus, the real polkitd,
// and the kernel's tables in a private network namespace loaded with Docker's capture. The
// test re-runs itself inside the sandbox; outside it only starts the sandbox.
#include "applycontroller.h"
#include "applydialog.h"
#include "confirmdialog.h"
#include "editsession.h"
#include "familypage.h"
#include "fixturesnapshot.h"
#include "helperclient.h"
#include "mainwindow.h"
#include "modalrunner.h"
#include "noticebar.h"
#include "persistencecontroller.h"
#include "ruleactions.h"
#include "ruletablemodel.h"
#include "ruletableview.h"
#include "rulewizard.h"
#include "statepage.h"
#include "workspace.h"

#include <QAbstractButton>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDBusConnection>
#include <QFile>
#include <QFileInfo>
#include <QLineEdit>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTest>
#include <unistd.h>

namespace {
const char *InnerVariable = "USERCHAIN_GUI_E2E_INNER";

QString sandboxScript()
{
    return QStringLiteral(USERCHAIN_SOURCE_DIR "/scripts/sandbox");
}

QString buildDir()
{
    return qEnvironmentVariable("USERCHAIN_BUILD_DIR", QStringLiteral(USERCHAIN_BINARY_DIR));
}

QString ipv6Capture()
{
    return FixtureSnapshot::mobyCapture(QStringLiteral("docker29.7.2-composed-portmap.v6.rules"));
}

QStringList kernelDockerUser(int family = 4, const QString &backend = QStringLiteral("legacy"))
{
    QProcess save;
    save.start(
        (family == 6 ? QStringLiteral("ip6tables-%1-save") : QStringLiteral("iptables-%1-save"))
            .arg(backend),
        {QStringLiteral("-t"), QStringLiteral("filter")});
    if (!save.waitForFinished(10000)) {
        return {QStringLiteral("iptables-legacy-save did not finish")};
    }
    QStringList rules;
    const QStringList lines =
        QString::fromUtf8(save.readAllStandardOutput()).split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        if (line.startsWith(QLatin1String("-A DOCKER-USER "))) {
            rules << line.mid(15);
        }
    }
    return rules;
}

/// Types `steps` ("name=value") into the wizard's widgets.
void fill(QWizard *wizard, const QStringList &steps)
{
    for (const QString &step : steps) {
        const QString name = step.section(QLatin1Char('='), 0, 0);
        const QString value = step.section(QLatin1Char('='), 1);
        QWidget *w = wizard->currentPage();
        for (const QString &part : name.split(QLatin1Char('/'))) {
            w = w->findChild<QWidget *>(part);
        }
        if (auto *combo = qobject_cast<QComboBox *>(w)) {
            const int i = combo->findText(value, Qt::MatchStartsWith);
            if (i >= 0) {
                combo->setCurrentIndex(i);
            } else {
                combo->setEditText(value);
            }
        } else if (auto *edit = qobject_cast<QLineEdit *>(w)) {
            QTest::keyClicks(edit, value);
        } else if (auto *box = qobject_cast<QAbstractButton *>(w)) {
            box->setChecked(value == QLatin1String("on"));
        }
    }
}
} // namespace

class TestSandbox : public QObject
{
    Q_OBJECT

private:
    bool inner() const { return qEnvironmentVariableIsSet(InnerVariable); }

    /// Runs `function` of this test inside the sandbox, loaded with `load` (sandbox options;
    /// default: Docker's legacy capture and an IPv6 one).
    int runInSandbox(const QString &function, QStringList load = {},
                     const QProcessEnvironment &extra = {})
    {
        QProcess sandbox;
        sandbox.setProcessChannelMode(QProcess::ForwardedChannels);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QLatin1String(InnerVariable), QStringLiteral("1"));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(extra);
        sandbox.setProcessEnvironment(env);
        if (load.isEmpty()) {
            // Both families, as on a Docker 27+ host with IPv6 filtering on.
            load = QStringList{QStringLiteral("--load"), FixtureSnapshot::dockerCapture(),
                               QStringLiteral("--load6"), ipv6Capture()};
        }
        sandbox.start(sandboxScript(),
                      QStringList{QStringLiteral("--build-dir"), buildDir()} + load +
                          QStringList{QStringLiteral("--"), QCoreApplication::applicationFilePath(),
                                      function});
        if (!sandbox.waitForFinished(240000)) {
            sandbox.kill();
            return -1;
        }
        return sandbox.exitCode();
    }

    void skipUnlessPossible()
    {
        if (!QFileInfo::exists(sandboxScript())) {
            QSKIP("scripts/sandbox is missing");
        }
        if (!QFileInfo::exists(buildDir() + QStringLiteral("/helper/userchain-helper"))) {
            QSKIP("the helper is not built in this tree (set USERCHAIN_BUILD_DIR)");
        }
        if (geteuid() != 0) {
            QSKIP("the sandbox needs root (network and mount namespaces)");
        }
    }

    /// The window against the real helper, as a user would use it.
    std::unique_ptr<MainWindow> openWindow(HelperClient *helper)
    {
        auto window = std::make_unique<MainWindow>(helper);
        window->ruleActions()->setInterfacesOverride({QStringLiteral("eth0")});
        window->show();
        window->refresh();
        return window;
    }

    /// Keeps each family's rules when its "Keep these rules?" comes up.
    void keepEach(MainWindow *window, int families)
    {
        QSignalSpy started(window->applyController(), &ApplyController::confirmationStarted);
        for (int i = 1; i <= families; ++i) {
            QTRY_COMPARE_WITH_TIMEOUT(started.count(), i, 60000);
            QTest::mouseClick(window->applyController()->confirmDialog()->findChild<QPushButton *>(
                                  QStringLiteral("keepButton")),
                              Qt::LeftButton);
        }
        QTRY_VERIFY_WITH_TIMEOUT(!window->applyController()->isBusy(), 30000);
    }

    void apply(MainWindow *window, int seconds)
    {
        ModalRunner::pushHook([seconds](QDialog *d) {
            auto *dialog = qobject_cast<ApplyDialog *>(d);
            if (!dialog) {
                return int(QDialog::Rejected);
            }
            dialog->setConfirmEnabled(true);
            dialog->setConfirmSeconds(uint(seconds));
            return int(QDialog::Accepted);
        });
        window->action(QStringLiteral("actionApply"))->trigger();
    }

private slots:
    void initTestCase() { qputenv("XDG_CONFIG_HOME", QByteArray("/tmp/userchain-gui-e2e-config")); }

    void reorderWizardsApplyKeep()
    {
        if (!inner()) {
            skipUnlessPossible();
            QCOMPARE(runInSandbox(QStringLiteral("reorderWizardsApplyKeep")), 0);
            return;
        }
        QCOMPARE(kernelDockerUser(), QStringList{QStringLiteral("-j RETURN")});
        HelperClient helper(QDBusConnection::systemBus());
        auto window = openWindow(&helper);
        QTRY_VERIFY_WITH_TIMEOUT(window->session()->hasSnapshot(), 30000);
        RuleTableModel *model = window->session()->model();
        QCOMPARE(model->specs(), QStringList{QStringLiteral("-j RETURN")});

        // One rule from each wizard; the subnet's as Docker's page writes it, without keeping
        // replies, so that both forms go through the kernel.
        const QList<QPair<RuleWizard::Kind, QStringList>> wizards = {
            {RuleWizard::OnlyIp, {"interface=eth0", "address=192.168.1.1"}},
            {RuleWizard::OnlySubnet,
             {"interface=eth0", "subnet=192.168.2.0/24", "keepReplies=off"}},
            {RuleWizard::OnlyRange, {"interface=eth0", "sourceRange=192.168.1.1-192.168.1.3"}},
            {RuleWizard::PublishedPort, {"port=8080 (tcp", "source=10.0.0.0/8"}},
            {RuleWizard::SourceDestination,
             {"source/kind=Subnet", "source/value=10.1.0.0/16", "destination/kind=Address",
              "destination/value=172.17.0.2", "target=RETURN"}},
        };
        for (const auto &[kind, steps] : wizards) {
            ModalRunner::pushHook([steps = steps](QDialog *d) {
                auto *wizard = qobject_cast<RuleWizard *>(d);
                wizard->show();
                fill(wizard, steps);
                return wizard->rules().isEmpty() ? int(QDialog::Rejected) : int(QDialog::Accepted);
            });
            window->ruleTableView()->tableView()->clearSelection();
            window->ruleActions()->runWizard(kind);
        }
        QCOMPARE(ModalRunner::pendingHooks(), 0);
        // The published port "only from" 10.0.0.0/8 is two rules: its RETURN and a DROP.
        QCOMPARE(model->rowCount(), 7);
        QVERIFY(model->specs().contains(
            QStringLiteral("! -s 192.168.1.1/32 -i eth0 -m conntrack --ctdir ORIGINAL -j DROP")));
        QVERIFY(model->specs().contains(QStringLiteral("! -s 192.168.2.0/24 -i eth0 -j DROP")));
        // Reorder: the published-port RETURN first, as a drop would.
        window->ruleTableView()->selectRows(3, 1);
        for (int i = 0; i < 3; ++i) {
            window->action(QStringLiteral("actionMoveUp"))->trigger();
        }
        const QStringList expected = model->specs();
        QCOMPARE(expected.first(),
                 QStringLiteral("-s 10.0.0.0/8 -p tcp -m conntrack --ctorigdstport 8080 --ctdir "
                                "ORIGINAL -j RETURN"));

        QSignalSpy started(window->applyController(), &ApplyController::confirmationStarted);
        apply(window.get(), 60);
        QTRY_COMPARE_WITH_TIMEOUT(started.count(), 1, 60000);
        QCOMPARE(kernelDockerUser(), expected); // active while the question is open
        QTest::mouseClick(window->applyController()->confirmDialog()->findChild<QPushButton *>(
                              QStringLiteral("keepButton")),
                          Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!window->applyController()->isBusy(), 30000);
        QVERIFY(!window->session()->isModified());
        QCOMPARE(kernelDockerUser(), expected);
        QCOMPARE(window->session()->baselineSpecs(), expected);
        window->session()->load(window->session()->snapshot());
    }

    void ipv6AndBothFamilies();
    void scriptsRunOpensAHealthyHost();
    void savePermanentlyAndRestore();
    void ruleInsertedOutsideSurvivesApply();

    void confirmationTimesOutAndRollsBack()
    {
        if (!inner()) {
            skipUnlessPossible();
            QCOMPARE(runInSandbox(QStringLiteral("confirmationTimesOutAndRollsBack")), 0);
            return;
        }
        const QStringList before = kernelDockerUser();
        HelperClient helper(QDBusConnection::systemBus());
        auto window = openWindow(&helper);
        QTRY_VERIFY_WITH_TIMEOUT(window->session()->hasSnapshot(), 30000);
        window->ruleActions()->insertRules({QStringLiteral("-i eth0 -j DROP")},
                                           QStringLiteral("Add rule"));
        QSignalSpy started(window->applyController(), &ApplyController::confirmationStarted);
        QSignalSpy finished(window->applyController(), &ApplyController::finished);
        apply(window.get(), 5);
        QTRY_COMPARE_WITH_TIMEOUT(started.count(), 1, 60000);
        QCOMPARE(kernelDockerUser(), (QStringList{QStringLiteral("-i eth0 -j DROP")} + before));
        // Nobody answers.
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
        QCOMPARE(finished.first().first().toBool(), false);
        QCOMPARE(kernelDockerUser(), before);
        QTRY_VERIFY_WITH_TIMEOUT(!window->applyController()->isBusy(), 20000);
        QVERIFY(window->session()->isModified()); // the edit stays, to fix and try again
        window->session()->load(window->session()->snapshot());
    }
};

void TestSandbox::ipv6AndBothFamilies()
{
    if (!inner()) {
        skipUnlessPossible();
        QCOMPARE(runInSandbox(QStringLiteral("ipv6AndBothFamilies")), 0);
        return;
    }
    QCOMPARE(kernelDockerUser(6), QStringList{});
    HelperClient helper(QDBusConnection::systemBus());
    auto window = openWindow(&helper);
    Workspace *workspace = window->workspace();
    QTRY_VERIFY_WITH_TIMEOUT(workspace->session(Userchain::Family::IPv6)->hasSnapshot(), 30000);
    QTRY_VERIFY_WITH_TIMEOUT(workspace->session(Userchain::Family::IPv4)->hasSnapshot(), 30000);
    QCOMPARE(workspace->session(Userchain::Family::IPv6)->snapshot().backend,
             QStringLiteral("legacy"));
    window->showFamily(Userchain::Family::IPv6);

    // An IPv6 prefix for IPv6 only; a published port without a source for both families.
    ModalRunner::pushHook([](QDialog *d) {
        auto *wizard = qobject_cast<RuleWizard *>(d);
        wizard->show();
        fill(wizard, {"interface=eth0", "subnet=2001:db8:1::/48"});
        return wizard->rules().isEmpty() ? int(QDialog::Rejected) : int(QDialog::Accepted);
    });
    window->ruleActions()->runWizard(RuleWizard::OnlySubnet);
    ModalRunner::pushHook([](QDialog *d) {
        auto *wizard = qobject_cast<RuleWizard *>(d);
        wizard->show();
        fill(wizard, {"port=8080 (tcp", "alsoOtherFamily=on"});
        return wizard->otherFamilyRules().isEmpty() ? int(QDialog::Rejected)
                                                    : int(QDialog::Accepted);
    });
    window->ruleActions()->runWizard(RuleWizard::PublishedPort);
    QCOMPARE(ModalRunner::pendingHooks(), 0);
    const QString port =
        QStringLiteral("-p tcp -m conntrack --ctorigdstport 8080 --ctdir ORIGINAL -j RETURN");
    const QStringList expected6{
        port, QStringLiteral("! -s 2001:db8:1::/48 -i eth0 -m conntrack --ctdir ORIGINAL -j DROP")};
    QCOMPARE(workspace->session(Userchain::Family::IPv6)->model()->specs(), expected6);
    const QStringList expected4{port, QStringLiteral("-j RETURN")};
    QCOMPARE(workspace->session(Userchain::Family::IPv4)->model()->specs(), expected4);

    // One Apply for both families, each kept on its own.
    apply(window.get(), 60);
    keepEach(window.get(), 2);
    QCOMPARE(kernelDockerUser(6), expected6);
    QCOMPARE(kernelDockerUser(4), expected4);
    QVERIFY(!workspace->isModified());
}

void TestSandbox::savePermanentlyAndRestore()
{
    if (!inner()) {
        skipUnlessPossible();
        QCOMPARE(runInSandbox(QStringLiteral("savePermanentlyAndRestore")), 0);
        return;
    }
    using State = PersistenceController::State;
    const Userchain::Family v4 = Userchain::Family::IPv4;
    HelperClient helper(QDBusConnection::systemBus());
    auto window = openWindow(&helper);
    PersistenceController *persistence = window->persistence();
    QTRY_VERIFY_WITH_TIMEOUT(persistence->state(v4) != State::Unknown &&
                                 persistence->state(v4) != State::NotApplicable,
                             30000);
    QCOMPARE(persistence->state(v4), State::Nothing); // only Docker's RETURN, nothing saved

    window->ruleActions()->insertRules({QStringLiteral("-i eth0 -j DROP")},
                                       QStringLiteral("Add rule"));
    apply(window.get(), 60);
    keepEach(window.get(), 1);
    const QStringList live = kernelDockerUser(4);
    QCOMPARE(live, (QStringList{QStringLiteral("-i eth0 -j DROP"), QStringLiteral("-j RETURN")}));
    QTRY_COMPARE_WITH_TIMEOUT(persistence->state(v4), State::NeverSaved, 30000);

    ModalRunner::pushHook([](QDialog *d) {
        auto *box = qobject_cast<QMessageBox *>(d);
        return box && box->text().contains(QStringLiteral("reboot")) ? int(QMessageBox::AcceptRole)
                                                                     : int(QMessageBox::Cancel);
    });
    window->action(QStringLiteral("actionSavePermanently"))->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(persistence->state(v4), State::Saved, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(!persistence->isBusy(), 30000);
    QFile file(QStringLiteral("/etc/userchain/docker-user.v4.rules"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().contains("-A DOCKER-USER -i eth0 -j DROP\n"));
    QVERIFY(QFileInfo::exists(QStringLiteral("/etc/userchain/docker-user.v6.rules")));

    // The chain is flushed behind Userchain's back (as a reboot leaves it): the window says so ...
    QCOMPARE(QProcess::execute(QStringLiteral("iptables-legacy"),
                               {QStringLiteral("-F"), QStringLiteral("DOCKER-USER")}),
             0);
    window->action(QStringLiteral("actionRefresh"))->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(persistence->state(v4), State::Differs, 30000);
    QCOMPARE(window->statusFields().at(3), QStringLiteral("Unsaved changes since the last save"));

    // ... and the saved rules come back.
    ModalRunner::pushHook([](QDialog *) { return int(QMessageBox::AcceptRole); });
    window->action(QStringLiteral("actionRestoreSaved"))->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(kernelDockerUser(4), live, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(persistence->state(v4), State::Saved, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(window->session()->baselineSpecs(), live, 30000);
}

/// What scripts/run opens: the capture of this machine's iptables variant, no warning on either
/// tab, and an IPv6 DOCKER-USER that the IPv6 tab's notice creates.
void TestSandbox::scriptsRunOpensAHealthyHost()
{
    const char *BackendVariable = "USERCHAIN_GUI_E2E_BACKEND";
    if (!inner()) {
        skipUnlessPossible();
        QProcess version;
        version.start(QStringLiteral("iptables"), {QStringLiteral("-V")});
        QVERIFY(version.waitForFinished(10000));
        const QString expected =
            version.readAllStandardOutput().contains("(nf_tables)") ? "nft" : "legacy";
        QProcess demo;
        demo.start(QStringLiteral("bash"),
                   {QStringLiteral("-c"),
                    QStringLiteral("source \"$1/scripts/lib/demo-captures.sh\" && "
                                   "demo_sandbox_args \"$1\""),
                    QStringLiteral("demo"), QStringLiteral(USERCHAIN_SOURCE_DIR)});
        QVERIFY(demo.waitForFinished(10000));
        QCOMPARE(demo.exitCode(), 0);
        const QStringList args = QString::fromUtf8(demo.readAllStandardOutput())
                                     .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(args.value(0), QStringLiteral("--backend"));
        QCOMPARE(args.value(1), expected);
        QVERIFY(args.contains(QStringLiteral("--load6")));
        QProcessEnvironment env;
        env.insert(QLatin1String(BackendVariable), expected);
        QCOMPARE(runInSandbox(QStringLiteral("scriptsRunOpensAHealthyHost"), args, env), 0);
        return;
    }
    const QString backend = qEnvironmentVariable(BackendVariable);
    HelperClient helper(QDBusConnection::systemBus());
    auto window = openWindow(&helper);
    Workspace *workspace = window->workspace();
    QTRY_VERIFY_WITH_TIMEOUT(workspace->session(Userchain::Family::IPv4)->hasSnapshot(), 30000);
    QTRY_VERIFY_WITH_TIMEOUT(workspace->session(Userchain::Family::IPv6)->hasSnapshot(), 30000);
    QCOMPARE(workspace->session(Userchain::Family::IPv4)->snapshot().backend, backend);
    QCOMPARE(workspace->session(Userchain::Family::IPv6)->snapshot().backend, backend);
    for (Userchain::Family family : Workspace::families()) {
        const FamilyPage *page = window->page(family);
        QVERIFY(!page->statePage()->isVisibleTo(page));
        for (const Notice &n : page->noticeBar()->notices()) {
            QVERIFY2(n.severity == Notice::Severity::Info,
                     qPrintable(n.id + QLatin1Char(' ') + n.title + n.text));
        }
    }
    QVERIFY(window->page(Userchain::Family::IPv4)->isShowingRules());

    // The IPv6 tab's offer creates DOCKER-USER with the FORWARD jump.
    QCOMPARE(kernelDockerUser(6, backend), QStringList());
    window->showFamily(Userchain::Family::IPv6);
    auto *create = window->page(Userchain::Family::IPv6)
                       ->noticeBar()
                       ->findChild<QPushButton *>(QStringLiteral("noticeAction-no-docker-user"));
    QVERIFY(create);
    ModalRunner::pushHook([](QDialog *d) {
        auto *dialog = qobject_cast<ApplyDialog *>(d);
        if (!dialog) {
            return int(QDialog::Rejected);
        }
        dialog->setConfirmEnabled(false);
        return int(QDialog::Accepted);
    });
    QSignalSpy finished(window->applyController(), &ApplyController::finished);
    QTest::mouseClick(create, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
    QCOMPARE(finished.first().first().toBool(), true);
    QTRY_VERIFY_WITH_TIMEOUT(
        workspace->session(Userchain::Family::IPv6)->snapshot().dockerUserExists, 30000);
    QCOMPARE(ModalRunner::pendingHooks(), 0);
}

void TestSandbox::ruleInsertedOutsideSurvivesApply()
{
    if (!inner()) {
        skipUnlessPossible();
        QCOMPARE(runInSandbox(QStringLiteral("ruleInsertedOutsideSurvivesApply")), 0);
        return;
    }
    QCOMPARE(kernelDockerUser(), QStringList{QStringLiteral("-j RETURN")});
    HelperClient helper(QDBusConnection::systemBus());
    auto window = openWindow(&helper);
    QTRY_VERIFY_WITH_TIMEOUT(window->session()->hasSnapshot(), 30000);
    const QString mine = QStringLiteral("-i eth0 -j DROP");
    window->ruleActions()->insertRules({mine}, QStringLiteral("Add rule"));

    // Someone inserts a rule behind the window's back (the sandbox's tables are legacy ones).
    const QString outside = QStringLiteral("-s 192.0.2.1/32 -j DROP");
    QCOMPARE(QProcess::execute(QStringLiteral("iptables-legacy"),
                               {QStringLiteral("-I"), QStringLiteral("DOCKER-USER"),
                                QStringLiteral("-s"), QStringLiteral("192.0.2.1"),
                                QStringLiteral("-j"), QStringLiteral("DROP")}),
             0);
    QCOMPARE(kernelDockerUser(), (QStringList{outside, QStringLiteral("-j RETURN")}));

    // The user applies: the helper refuses the stale revision, the user keeps the edits on top
    // of the new rules, reviews again and applies.
    const auto accept = [](QString *diff) {
        return [diff](QDialog *d) {
            auto *dialog = qobject_cast<ApplyDialog *>(d);
            if (!dialog) {
                return int(QDialog::Rejected);
            }
            *diff = dialog->diffText();
            dialog->setConfirmEnabled(false);
            return int(QDialog::Accepted);
        };
    };
    QString first;
    QString second;
    ModalRunner::pushHook(accept(&first));
    ModalRunner::pushHook([](QDialog *d) {
        auto *box = qobject_cast<QMessageBox *>(d);
        return box && box->text().contains(QStringLiteral("changed outside"))
                   ? int(QMessageBox::Yes)
                   : int(QMessageBox::Cancel);
    });
    ModalRunner::pushHook(accept(&second));
    QSignalSpy applied(window->applyController(), &ApplyController::familyApplied);
    window->action(QStringLiteral("actionApply"))->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(applied.count(), 1, 60000);
    QTRY_VERIFY_WITH_TIMEOUT(!window->applyController()->isBusy(), 30000);
    QCOMPARE(ModalRunner::pendingHooks(), 0);
    const QStringList kept{outside, mine, QStringLiteral("-j RETURN")};
    QCOMPARE(kernelDockerUser(), kept);
    // The review showed no deletion of it.
    QVERIFY2(!second.contains(QStringLiteral("- -A DOCKER-USER ") + outside), qPrintable(second));
    QCOMPARE(window->session()->baselineSpecs(), kept);
    QVERIFY(!window->session()->isModified());

    // Deleted explicitly, it goes.
    const int row = window->session()->model()->specs().indexOf(outside);
    QVERIFY(row >= 0);
    window->ruleTableView()->selectRows(row, 1);
    window->action(QStringLiteral("actionDelete"))->trigger();
    ModalRunner::pushHook(accept(&first));
    window->action(QStringLiteral("actionApply"))->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(applied.count(), 2, 60000);
    QTRY_VERIFY_WITH_TIMEOUT(!window->applyController()->isBusy(), 30000);
    QCOMPARE(kernelDockerUser(), (QStringList{mine, QStringLiteral("-j RETURN")}));
}

QTEST_MAIN(TestSandbox)
#include "tst_sandbox.moc"

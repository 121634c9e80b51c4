// Wizards as a user meets them: no error before anything is typed, a plain-words statement of
// what the rules do, and "only from" rules placed where packets reach them (through the real
// menu action, with the window against a fake helper).
#include "editsession.h"
#include "fixturesnapshot.h"
#include "mainwindow.h"
#include "modalrunner.h"
#include "policypreviewpage.h"
#include "ruleactions.h"
#include "ruletablemodel.h"
#include "rulewizard.h"
#include "rulewizardpage.h"
#include "windowharness.h"
#include "wizarddriver.h"
#include "workspace.h"

#include <QAbstractButton>
#include <QLabel>
#include <QRadioButton>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

class TestWizardPlacement : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_config;
    WindowHarness m_harness;

    static WizardContext context() { return WizardDriver::context(); }
    static void drive(QWidget *root, const QString &step) { WizardDriver::drive(root, step); }

private slots:
    void initTestCase()
    {
        qputenv("XDG_CONFIG_HOME", m_config.path().toLocal8Bit());
        QCoreApplication::setOrganizationName(QStringLiteral("UserchainTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_gui_wizardplacement"));
    }

    void cleanup()
    {
        QCOMPARE(ModalRunner::pendingHooks(), 0);
        ModalRunner::clearHooks();
        m_harness.close();
    }

    void noErrorBeforeTyping_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QStringList>("steps");
        QTest::addColumn<QString>("message");
        QTest::newRow("one IP") << int(RuleWizard::OnlyIp) << QStringList{"address=192.168.1.300"}
                                << QStringLiteral("192.168.1.300");
        QTest::newRow("subnet") << int(RuleWizard::OnlySubnet) << QStringList{"subnet=192.168.1.0"}
                                << QStringLiteral("prefix length");
        QTest::newRow("range") << int(RuleWizard::OnlyRange)
                               << QStringList{"sourceRange=192.168.1.1"}
                               << QStringLiteral("FIRST-LAST");
        QTest::newRow("published port")
            << int(RuleWizard::PublishedPort) << QStringList{"port=http"}
            << QStringLiteral("not a port number");
        QTest::newRow("source and destination")
            << int(RuleWizard::SourceDestination)
            << QStringList{"source/kind=Address", "source/value=10.0.0.0/8"}
            << QStringLiteral("one address");
        QTest::newRow("recommended policy")
            << int(RuleWizard::RecommendedPolicy) << QStringList{"openPorts=80 99999"}
            << QStringLiteral("Enter the subnets");
    }

    // An empty form is not a mistake: nothing red until the user has typed or picked something,
    // and Finish (Next for the policy) stays disabled all the same.
    void noErrorBeforeTyping()
    {
        QFETCH(int, kind);
        QFETCH(QStringList, steps);
        QFETCH(QString, message);
        std::unique_ptr<RuleWizard> w(RuleWizard::create(RuleWizard::Kind(kind), context(), 0));
        w->show();
        QVERIFY(QTest::qWaitForWindowExposed(w.get()));
        auto *messageLabel = w->currentPage()->findChild<QLabel *>(QStringLiteral("ruleMessage"));
        QVERIFY(messageLabel);
        QVERIFY2(messageLabel->text().isEmpty(), qPrintable(messageLabel->text()));
        QVERIFY(!messageLabel->isVisible());
        QVERIFY(!w->currentPage()->isComplete());
        const QWizard::WizardButton go = w->kind() == RuleWizard::RecommendedPolicy
                                             ? QWizard::NextButton
                                             : QWizard::FinishButton;
        QVERIFY(!w->button(go)->isEnabled());
        QVERIFY(!w->inputPage()->message().isEmpty()); // known, just not shown yet
        for (const QString &step : std::as_const(steps)) {
            drive(w->currentPage(), step);
        }
        QVERIFY2(messageLabel->text().contains(message), qPrintable(messageLabel->text()));
        QVERIFY(messageLabel->isVisible());
        QVERIFY(!w->button(go)->isEnabled());
    }

    void effect_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QStringList>("steps");
        QTest::addColumn<QString>("expected");
        const QString kept =
            QStringLiteral(" Replies to connections your containers open pass, from any address.");
        QTest::newRow("one IP")
            << int(RuleWizard::OnlyIp) << QStringList{"interface=eth0", "address=192.168.1.1"}
            << QStringLiteral("Traffic arriving on eth0 to any container is dropped unless it "
                              "comes from 192.168.1.1; other interfaces are not affected.") +
                   kept;
        // Docker's exact example: the replies from anyone else go too.
        QTest::newRow("one IP, replies not kept")
            << int(RuleWizard::OnlyIp)
            << QStringList{"interface=eth0", "address=192.168.1.1", "keepReplies=off"}
            << QStringLiteral("Traffic arriving on eth0 to any container is dropped unless it "
                              "comes from 192.168.1.1; other interfaces are not affected. Replies "
                              "to connections your containers open are dropped too, unless they "
                              "come from 192.168.1.1.");
        QTest::newRow("subnet")
            << int(RuleWizard::OnlySubnet) << QStringList{"interface=wlan0", "subnet=10.0.0.0/8"}
            << QStringLiteral("Traffic arriving on wlan0 to any container is dropped unless it "
                              "comes from 10.0.0.0/8; other interfaces are not affected.") +
                   kept;
        QTest::newRow("range to some containers")
            << int(RuleWizard::OnlyRange)
            << QStringList{"interface=eth0", "sourceRange=192.168.1.1-192.168.1.3",
                           "useDestination=on", "destinationRange=172.17.0.2-172.17.0.9"}
            << QStringLiteral("Traffic arriving on eth0 to 172.17.0.2-172.17.0.9 is dropped "
                              "unless it comes from 192.168.1.1-192.168.1.3; other destinations "
                              "and interfaces are not affected.") +
                   kept;
        QTest::newRow("range, replies not kept")
            << int(RuleWizard::OnlyRange)
            << QStringList{"interface=eth0", "sourceRange=192.168.1.1-192.168.1.3",
                           "keepReplies=off"}
            << QStringLiteral("Traffic arriving on eth0 to any container is dropped unless it "
                              "comes from 192.168.1.1-192.168.1.3; other interfaces are not "
                              "affected. Replies to connections your containers open are dropped "
                              "too, unless they come from 192.168.1.1-192.168.1.3.");
        QTest::newRow("published port only from a subnet on eth0")
            << int(RuleWizard::PublishedPort)
            << QStringList{"port=8080 (tcp", "interface=eth0", "source=10.11.11.0/24"}
            << QStringLiteral("8080/tcp (→ 172.17.0.2:80): only from 10.11.11.0/24 on eth0; "
                              "unchanged on other interfaces.");
        QTest::newRow("published port only from two sources anywhere")
            << int(RuleWizard::PublishedPort)
            << QStringList{"port=8080 (tcp", "source=10.11.11.0/24 192.0.2.7"}
            << QStringLiteral("8080/tcp (→ 172.17.0.2:80): only from 10.11.11.0/24, 192.0.2.7, "
                              "on every interface; everyone else is dropped.");
        QTest::newRow("published port open to everyone")
            << int(RuleWizard::PublishedPort) << QStringList{"port=8080 (tcp"}
            << QStringLiteral("8080/tcp (→ 172.17.0.2:80): open to everyone on any interface.");
        QTest::newRow("typed port open on eth0")
            << int(RuleWizard::PublishedPort)
            << QStringList{"port=9000", "protocol=udp", "interface=eth0"}
            << QStringLiteral("9000/udp: open to everyone on eth0; unchanged on other interfaces.");
        QTest::newRow("source and destination")
            << int(RuleWizard::SourceDestination)
            << QStringList{"source/kind=Subnet",
                           "source/value=192.168.1.0/24",
                           "source/not=on",
                           "destination/kind=Address",
                           "destination/value=10.0.0.1",
                           "interface=eth0",
                           "target=RETURN"}
            << QStringLiteral("Traffic arriving on eth0 from anywhere but 192.168.1.0/24 to "
                              "10.0.0.1 is handed on to Docker's own rules; other interfaces "
                              "are not affected.");
        QTest::newRow("recommended policy")
            << int(RuleWizard::RecommendedPolicy)
            << QStringList{"interface=eth0", "subnets=192.0.2.0/24"}
            << QStringLiteral("On eth0: replies to existing connections pass; ports 80, 443 "
                              "are open to everyone; port 8080 only from 192.0.2.0/24; "
                              "everything else arriving on eth0 is dropped. Other interfaces "
                              "are not affected.");
    }

    // Every wizard's preview says what its rules do, not only what they are.
    void effect()
    {
        QFETCH(int, kind);
        QFETCH(QStringList, steps);
        QFETCH(QString, expected);
        std::unique_ptr<RuleWizard> w(RuleWizard::create(RuleWizard::Kind(kind), context(), 0));
        w->show();
        QVERIFY(QTest::qWaitForWindowExposed(w.get()));
        auto *label = w->currentPage()->findChild<QLabel *>(QStringLiteral("ruleEffect"));
        QVERIFY(label);
        QVERIFY(!label->isVisible()); // nothing to say yet
        for (const QString &step : std::as_const(steps)) {
            drive(w->currentPage(), step);
        }
        QVERIFY(!w->rules().isEmpty());
        QCOMPARE(label->text(), expected);
        QVERIFY(label->isVisible());
        if (w->kind() == RuleWizard::RecommendedPolicy) {
            w->next();
            auto *policyEffect =
                w->previewPage()->findChild<QLabel *>(QStringLiteral("ruleEffect"));
            QVERIFY(policyEffect);
            QCOMPARE(policyEffect->text(), expected);
        }
    }

    // The evaluator checks the wizard's words: its rules, inserted where it puts them, give
    // the exposure the wizard claims (issue 12 item 5).
    void exposureAfterFinish_data()
    {
        QTest::addColumn<QStringList>("table");
        QTest::addColumn<QStringList>("steps");
        QTest::addColumn<QString>("expected");
        QTest::newRow("only from, on eth0")
            << QStringList{}
            << QStringList{"port=8080 (tcp", "interface=eth0", "source=10.11.11.0/24"}
            << QStringLiteral("8080/tcp: anyone, any interface → 10.11.11.0/24 on eth0; anyone "
                              "on other interfaces");
        QTest::newRow("only from two sources, every interface")
            << QStringList{} << QStringList{"port=8080 (tcp", "source=10.11.11.0/24 192.0.2.7"}
            << QStringLiteral("8080/tcp: anyone, any interface → only 10.11.11.0/24, 192.0.2.7");
        // Below a RETURN for everyone the rules would change nothing; the wizard inserts them
        // above it (its recommendation), and the answer is the one it promises.
        QTest::newRow("above a catch-all RETURN")
            << QStringList{"-j RETURN"} << QStringList{"port=8080 (tcp", "source=192.0.2.7"}
            << QStringLiteral("8080/tcp: anyone, any interface → only 192.0.2.7");
    }

    void exposureAfterFinish()
    {
        QFETCH(QStringList, table);
        QFETCH(QStringList, steps);
        QFETCH(QString, expected);
        WizardContext c = context();
        Userchain::Snapshot snapshot = FixtureSnapshot::fromFile(FixtureSnapshot::dockerCapture());
        FixtureSnapshot::setDockerUser(&snapshot, table);
        c.snapshot = snapshot;
        c.currentRules = table;
        std::unique_ptr<RuleWizard> w(RuleWizard::create(RuleWizard::PublishedPort, c, 0));
        w->show();
        QVERIFY(QTest::qWaitForWindowExposed(w.get()));
        for (const QString &step : std::as_const(steps)) {
            drive(w->currentPage(), step);
        }
        auto *label = w->currentPage()->findChild<QLabel *>(QStringLiteral("ruleEffect"));
        QVERIFY(label);
        QVERIFY2(label->text().contains(expected.toHtmlEscaped()), qPrintable(label->text()));
    }

    void position_data()
    {
        QTest::addColumn<QStringList>("table");
        QTest::addColumn<bool>("anyway");
        QTest::addColumn<QString>("warning");
        QTest::addColumn<QStringList>("expected");

        const QString allow = QStringLiteral("-s 10.11.11.0/24 -i eth0 -p tcp -m conntrack "
                                             "--ctorigdstport 18080 --ctdir ORIGINAL -j RETURN");
        const QString drop = QStringLiteral(
            "-i eth0 -p tcp -m conntrack --ctorigdstport 18080 --ctdir ORIGINAL -j DROP");
        const QString openToAll =
            QStringLiteral("-p tcp -m conntrack --ctorigdstport 18080 --ctdir ORIGINAL -j RETURN");
        const QString ret = QStringLiteral("-j RETURN");
        const QString dropEth0 = QStringLiteral("-i eth0 -j DROP");

        QTest::newRow("before Docker's RETURN")
            << QStringList{ret} << false << QString() << QStringList{allow, drop, ret};
        QTest::newRow("empty chain")
            << QStringList() << false << QString() << QStringList{allow, drop};
        QTest::newRow("another interface's DROP does not catch them")
            << QStringList{"-i wlan0 -j DROP", ret} << false << QString()
            << QStringList{"-i wlan0 -j DROP", allow, drop, ret};
        QTest::newRow("port open to everyone above")
            << QStringList{openToAll, ret} << false
            << QStringLiteral("Rule 1 (<tt>%1</tt>) would catch packets of the 2 new rules first")
                   .arg(openToAll)
            << QStringList{allow, drop, openToAll, ret};
        QTest::newRow("everything from eth0 dropped above")
            << QStringList{"-m conntrack --ctstate RELATED,ESTABLISHED -j RETURN", dropEth0, ret}
            << false << QStringLiteral("Rule 2 (<tt>-i eth0 -j DROP</tt>) would catch")
            << QStringList{"-m conntrack --ctstate RELATED,ESTABLISHED -j RETURN", allow, drop,
                           dropEth0, ret};
        QTest::newRow("a catch-all DROP ends the chain")
            << QStringList{"-s 192.0.2.0/24 -j RETURN", "-j DROP"} << false
            << QStringLiteral("Rule 2 (<tt>-j DROP</tt>) would catch")
            << QStringList{"-s 192.0.2.0/24 -j RETURN", allow, drop, "-j DROP"};
        QTest::newRow("below the DROP all the same")
            << QStringList{dropEth0, ret} << true << QStringLiteral("Rule 1 (")
            << QStringList{dropEth0, allow, drop, ret};
    }

    // "Only from" through the real menu action: RETURN for the source, DROP for everyone else,
    // both where packets reach them; an earlier rule that would catch them is named before the
    // rules are added, and the position above it is the preselected choice.
    void position()
    {
        QFETCH(QStringList, table);
        QFETCH(bool, anyway);
        QFETCH(QString, warning);
        QFETCH(QStringList, expected);
        Userchain::Snapshot v4 = FixtureSnapshot::fromFile(FixtureSnapshot::dockerCapture());
        FixtureSnapshot::setDockerUser(&v4, table);
        QVERIFY(m_harness.open(v4));
        MainWindow *window = m_harness.window();
        RuleTableModel *model = window->workspace()->current()->model();
        QCOMPARE(model->specs(), table);
        QString shown;
        bool aboveWasChosen = false;
        bool aboveShown = false;
        ModalRunner::pushHook([&](QDialog *d) -> int {
            auto *wizard = qobject_cast<RuleWizard *>(d);
            wizard->show();
            for (const QString &step :
                 {QStringLiteral("port=18080"), QStringLiteral("interface=eth0"),
                  QStringLiteral("source=10.11.11.0/24")}) {
                drive(wizard->currentPage(), step);
            }
            auto *label =
                wizard->currentPage()->findChild<QLabel *>(QStringLiteral("positionWarning"));
            shown = label && label->isVisible() ? label->text() : QString();
            // Found by name, not by accessor, so that this test also runs against wizards that
            // did not check positions (it must fail there).
            auto *above =
                wizard->currentPage()->findChild<QRadioButton *>(QStringLiteral("insertAbove"));
            auto *asPlanned =
                wizard->currentPage()->findChild<QRadioButton *>(QStringLiteral("insertAsPlanned"));
            aboveWasChosen = above && above->isChecked();
            aboveShown = above && above->isVisible();
            if (anyway) {
                if (asPlanned) {
                    QTest::mouseClick(asPlanned, Qt::LeftButton, {},
                                      QPoint(6, asPlanned->height() / 2));
                }
            }
            return wizard->button(QWizard::FinishButton)->isEnabled() ? int(QDialog::Accepted)
                                                                      : int(QDialog::Rejected);
        });
        window->ruleActions()->runWizard(RuleWizard::PublishedPort);
        QCOMPARE(aboveShown, !warning.isEmpty());
        if (warning.isEmpty()) {
            QVERIFY2(shown.isEmpty(), qPrintable(shown));
        } else {
            QVERIFY2(shown.startsWith(warning), qPrintable(shown));
            QVERIFY2(
                shown.contains(QStringLiteral(
                    "packets of the 2 new rules first: below it they would not do what they say")),
                qPrintable(shown));
            QVERIFY(aboveWasChosen);
        }
        QCOMPARE(model->specs(), expected);
        // One step, undone as one.
        window->workspace()->current()->undoStack()->undo();
        QCOMPARE(model->specs(), table);
    }
};

QTEST_MAIN(TestWizardPlacement)
#include "tst_wizardplacement.moc"

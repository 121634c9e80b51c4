// IPv4 and IPv6 side by side: a tab per family (reachable by keyboard), one edit session and
// undo stack each, wizards that check addresses against the family, "also add to the other
// family" for rules without an address, Apply of every family with changes (one review, one
// family after the other), and Export of iptables.conf with ip6tables.conf next to it.
#include "applycontroller.h"
#include "applydialog.h"
#include "chainlistmodel.h"
#include "confirmdialog.h"
#include "editsession.h"
#include "fakehelperclient.h"
#include "familypage.h"
#include "fixturesnapshot.h"
#include "importexport.h"
#include "mainwindow.h"
#include "modalrunner.h"
#include "rawruledialog.h"
#include "ruleactions.h"
#include "ruletablemodel.h"
#include "ruletableview.h"
#include "rulewizard.h"
#include "statepage.h"
#include "windowharness.h"
#include "workspace.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace Userchain;

class TestFamilies : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_config;
    WindowHarness m_harness;
    MainWindow *window() const { return m_harness.window(); }
    FakeHelperClient *helper() const { return m_harness.helper(); }
    EditSession *session(Family f) const { return window()->workspace()->session(f); }
    QString undoText() const { return window()->action(QStringLiteral("actionUndo"))->text(); }

    static Snapshot v4() { return FixtureSnapshot::fromFile(FixtureSnapshot::dockerCapture()); }
    static Snapshot v6()
    {
        return FixtureSnapshot::fromFile(
            FixtureSnapshot::mobyCapture(QStringLiteral("docker29.7.2-composed-portmap.v6.rules")));
    }
    void openBoth() { QVERIFY(m_harness.open(v4(), v6())); }

    /// Runs the next wizard: types `text` into `field`; `message` gets what the page says.
    static void nextWizard(const QString &field, const QString &text, QString *message)
    {
        ModalRunner::pushHook([field, text, message](QDialog *d) {
            auto *wizard = qobject_cast<RuleWizard *>(d);
            wizard->show();
            QTest::keyClicks(wizard->currentPage()->findChild<QLineEdit *>(field), text);
            auto *check =
                wizard->currentPage()->findChild<QCheckBox *>(QStringLiteral("alsoOtherFamily"));
            *message =
                wizard->currentPage()->findChild<QLabel *>(QStringLiteral("ruleMessage"))->text() +
                QStringLiteral("|") +
                (check->isVisible() ? QStringLiteral("visible ") : QString()) +
                (check->isEnabled() ? QStringLiteral("enabled") : QStringLiteral("disabled"));
            return wizard->rules().isEmpty() ? int(QDialog::Rejected) : int(QDialog::Accepted);
        });
    }

    void acceptReview(QString *diff, int seconds, bool confirm)
    {
        ModalRunner::pushHook([diff, seconds, confirm](QDialog *d) {
            auto *apply = qobject_cast<ApplyDialog *>(d);
            if (!apply) {
                return int(QDialog::Rejected);
            }
            *diff = apply->diffText();
            apply->setConfirmSeconds(uint(seconds));
            apply->setConfirmEnabled(confirm);
            return int(QDialog::Accepted);
        });
    }

private slots:
    void initTestCase()
    {
        qputenv("XDG_CONFIG_HOME", m_config.path().toLocal8Bit());
        QCoreApplication::setOrganizationName(QStringLiteral("UserchainTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_gui_families"));
    }

    void cleanup()
    {
        QCOMPARE(ModalRunner::pendingHooks(), 0);
        ModalRunner::clearHooks();
        m_harness.close();
    }

    void switchByKeyboard()
    {
        openBoth();
        QTabWidget *tabs = window()->familyTabs();
        QCOMPARE(tabs->count(), 3);
        QCOMPARE(tabs->tabText(0), QStringLiteral("IPv4 (iptables)"));
        QCOMPARE(tabs->tabText(1), QStringLiteral("IPv6 (ip6tables)"));
        QCOMPARE(tabs->tabText(2), QStringLiteral("Exposure"));
        QCOMPARE(window()->workspace()->currentFamily(), Family::IPv4);
        QVERIFY(window()->windowTitle().contains(QStringLiteral("(IPv4)")));

        // Ctrl+2 and Ctrl+1, as the View menu says.
        QTest::keyClick(window(), Qt::Key_2, Qt::ControlModifier);
        QCOMPARE(window()->workspace()->currentFamily(), Family::IPv6);
        QCOMPARE(tabs->currentIndex(), 1);
        QCOMPARE(window()->statusFields().at(0), QStringLiteral("IPv6 (ip6tables)"));
        QVERIFY(window()->windowTitle().contains(QStringLiteral("(IPv6)")));
        QVERIFY(window()->action(QStringLiteral("actionShowIPv6"))->isChecked());
        QCOMPARE(window()
                     ->chainListModel()
                     ->index(0, 0, window()->chainListModel()->index(0, 0))
                     .data()
                     .toString(),
                 QStringLiteral("DOCKER-USER"));
        QCOMPARE(window()->session()->snapshot().family, 6);
        // Ctrl+3: both families' exposure; the family stays the one last shown.
        QTest::keyClick(window(), Qt::Key_3, Qt::ControlModifier);
        QCOMPARE(tabs->currentIndex(), 2);
        QCOMPARE(window()->workspace()->currentFamily(), Family::IPv6);
        QTest::keyClick(window(), Qt::Key_1, Qt::ControlModifier);
        QCOMPARE(window()->workspace()->currentFamily(), Family::IPv4);

        // The tab bar itself takes focus and arrow keys.
        QTabBar *bar = tabs->tabBar();
        QVERIFY(bar->focusPolicy() & Qt::TabFocus);
        bar->setFocus();
        QTest::keyClick(bar, Qt::Key_Right);
        QCOMPARE(window()->workspace()->currentFamily(), Family::IPv6);
        QCOMPARE(window()->statusFields().at(1), QStringLiteral("Backend: iptables-legacy"));
    }

    void undoFollowsTheFamilyOnScreen()
    {
        openBoth();
        window()->ruleTableView()->selectRows(0, 1);
        window()->action(QStringLiteral("actionDelete"))->trigger(); // IPv4's RETURN
        QCOMPARE(session(Family::IPv4)->model()->rowCount(), 0);
        QCOMPARE(undoText(), QStringLiteral("&Undo Delete rule 1"));
        QCOMPARE(window()->familyTabs()->tabText(0), QStringLiteral("IPv4 (iptables) *"));

        window()->showFamily(Family::IPv6);
        QVERIFY(!window()->action(QStringLiteral("actionUndo"))->isEnabled());
        window()->ruleActions()->insertRules({QStringLiteral("-i eth0 -j DROP")},
                                             QStringLiteral("Add rule"));
        QCOMPARE(undoText(), QStringLiteral("&Undo Add rule"));
        window()->action(QStringLiteral("actionUndo"))->trigger();
        QCOMPARE(session(Family::IPv6)->model()->rowCount(), 0);
        QCOMPARE(session(Family::IPv4)->model()->rowCount(), 0); // untouched by IPv6's undo

        window()->showFamily(Family::IPv4);
        QCOMPARE(undoText(), QStringLiteral("&Undo Delete rule 1"));
        window()->action(QStringLiteral("actionUndo"))->trigger();
        QCOMPARE(session(Family::IPv4)->model()->rowCount(), 1);
        QVERIFY(!window()->isWindowModified());
    }

    void wizardsCheckTheFamily_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QString>("message");
        QTest::newRow("one address")
            << int(RuleWizard::OnlyIp) << "address"
            << "2001:db8::7"
            << "! -s 2001:db8::7/128 -i eth0 -m conntrack --ctdir ORIGINAL -j DROP" << QString();
        QTest::newRow("prefix")
            << int(RuleWizard::OnlySubnet) << "subnet"
            << "2001:db8:1::1/48"
            << "! -s 2001:db8:1::/48 -i eth0 -m conntrack --ctdir ORIGINAL -j DROP" << QString();
        QTest::newRow("range")
            << int(RuleWizard::OnlyRange) << "sourceRange"
            << "2001:db8::1-2001:db8::9"
            << "-i eth0 -m iprange ! --src-range 2001:db8::1-2001:db8::9 -m conntrack "
               "--ctdir ORIGINAL -j DROP"
            << QString();
        QTest::newRow("an IPv4 address") << int(RuleWizard::OnlyIp) << "address"
                                         << "192.168.1.7" << QString()
                                         << "192.168.1.7 is an IPv4 address, but these rules are "
                                            "for IPv6 (ip6tables)";
        QTest::newRow("an IPv4 subnet") << int(RuleWizard::OnlySubnet) << "subnet"
                                        << "10.0.0.0/8" << QString() << "is an IPv4 network";
        QTest::newRow("an IPv4 range") << int(RuleWizard::OnlyRange) << "sourceRange"
                                       << "10.0.0.1-10.0.0.9" << QString() << "is an IPv4 range";
        QTest::newRow("a bad prefix") << int(RuleWizard::OnlySubnet) << "subnet"
                                      << "2001:db8::/129" << QString() << "129";
    }

    void wizardsCheckTheFamily()
    {
        QFETCH(int, kind);
        QFETCH(QString, field);
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QFETCH(QString, message);
        openBoth();
        window()->showFamily(Family::IPv6);
        QString shown;
        nextWizard(field, text, &shown);
        window()->ruleActions()->runWizard(RuleWizard::Kind(kind));
        if (expected.isEmpty()) {
            QVERIFY2(shown.contains(message), qPrintable(shown));
            QCOMPARE(session(Family::IPv6)->model()->rowCount(), 0);
            return;
        }
        QCOMPARE(session(Family::IPv6)->model()->specs(), QStringList{expected});
        // An address of one family: the other family is offered, but not possible.
        QVERIFY2(shown.endsWith(QStringLiteral("visible disabled")), qPrintable(shown));
        QCOMPARE(session(Family::IPv4)->model()->specs(), QStringList{"-j RETURN"});
    }

    void alsoAddToTheOtherFamily()
    {
        openBoth();
        QString shown;
        // A published port without a source names no address: fine for both families.
        ModalRunner::pushHook([&shown](QDialog *d) {
            auto *wizard = qobject_cast<RuleWizard *>(d);
            wizard->show();
            auto *port = wizard->currentPage()->findChild<QComboBox *>(QStringLiteral("port"));
            port->setEditText(QStringLiteral("8443"));
            auto *check =
                wizard->currentPage()->findChild<QCheckBox *>(QStringLiteral("alsoOtherFamily"));
            shown = check->text();
            check->setChecked(true);
            return check->isEnabled() ? int(QDialog::Accepted) : int(QDialog::Rejected);
        });
        window()->ruleActions()->runWizard(RuleWizard::PublishedPort);
        QCOMPARE(shown, QStringLiteral("Also add to the IPv6 (ip6tables) table"));
        const QString rule =
            QStringLiteral("-p tcp -m conntrack --ctorigdstport 8443 --ctdir ORIGINAL -j RETURN");
        QCOMPARE(session(Family::IPv4)->model()->specs(), (QStringList{rule, "-j RETURN"}));
        QCOMPARE(session(Family::IPv6)->model()->specs(), QStringList{rule});
        QCOMPARE(undoText(), QStringLiteral("&Undo Open a published port (also in IPv6)"));
        window()->showFamily(Family::IPv6);
        QCOMPARE(undoText(), QStringLiteral("&Undo Open a published port (from IPv4)"));

        // The raw editor offers the same for a rule without an address.
        ModalRunner::pushHook([](QDialog *d) {
            auto *raw = qobject_cast<RawRuleDialog *>(d);
            QTest::keyClicks(raw->findChild<QLineEdit *>(QStringLiteral("specEdit")),
                             QStringLiteral("-i eth1 -j DROP"));
            auto *check = raw->findChild<QCheckBox *>(QStringLiteral("alsoOtherFamilyCheck"));
            check->setChecked(true);
            return check->isEnabled() ? int(QDialog::Accepted) : int(QDialog::Rejected);
        });
        window()->action(QStringLiteral("actionAddRule"))->trigger();
        // On screen after the selection-less table's last rule; in IPv4 before Docker's RETURN.
        QCOMPARE(session(Family::IPv6)->model()->ruleAt(1).spec, QStringLiteral("-i eth1 -j DROP"));
        QCOMPARE(session(Family::IPv4)->model()->ruleAt(1).spec, QStringLiteral("-i eth1 -j DROP"));

        // ... and not for one with an address of its family.
        ModalRunner::pushHook([](QDialog *d) {
            auto *raw = qobject_cast<RawRuleDialog *>(d);
            QTest::keyClicks(raw->findChild<QLineEdit *>(QStringLiteral("specEdit")),
                             QStringLiteral("-s 2001:db8::1 -j DROP"));
            auto *check = raw->findChild<QCheckBox *>(QStringLiteral("alsoOtherFamilyCheck"));
            return !check->isEnabled() && raw->isValid() ? int(QDialog::Accepted)
                                                         : int(QDialog::Rejected);
        });
        window()->action(QStringLiteral("actionAddRule"))->trigger();
        QCOMPARE(session(Family::IPv6)->model()->rowCount(), 3);
        QCOMPARE(session(Family::IPv4)->model()->rowCount(), 3);
    }

    void noIpv6Chains()
    {
        QVERIFY(m_harness.open(v4())); // the fake answers "none" for IPv6
        window()->showFamily(Family::IPv6);
        QCOMPARE(window()->statePage()->notice().id, QStringLiteral("no-backend"));
        QCOMPARE(window()->statePage()->notice().title,
                 QStringLiteral("Docker has no IPv6 chains"));
        QVERIFY(window()->statePage()->isVisible());
        QCOMPARE(window()->familyTabs()->tabText(1),
                 QStringLiteral("IPv6 (ip6tables) (nothing to edit)"));
        QVERIFY(!window()->action(QStringLiteral("actionAddRule"))->isEnabled());
        window()->showFamily(Family::IPv4);
        QVERIFY(!window()->ruleActions()->wizardContext().otherFamilyAvailable);
        QVERIFY(!window()->ruleActions()->otherFamilyEditable());
    }

    void applyBothFamilies()
    {
        openBoth();
        window()->ruleActions()->insertRules({QStringLiteral("-i eth0 -j DROP")},
                                             QStringLiteral("Add rule"));
        window()->showFamily(Family::IPv6);
        window()->ruleActions()->insertRules({QStringLiteral("-s 2001:db8::/32 -j DROP")},
                                             QStringLiteral("Add rule"));
        QString diff;
        acceptReview(&diff, 30, false);
        QSignalSpy finished(window()->applyController(), &ApplyController::finished);
        window()->action(QStringLiteral("actionApply"))->trigger();
        QCOMPARE(diff, QStringLiteral("# IPv4 (iptables)\n"
                                      "+ -A DOCKER-USER -i eth0 -j DROP\n"
                                      "  -A DOCKER-USER -j RETURN\n"
                                      "# IPv6 (ip6tables)\n"
                                      "+ -A DOCKER-USER -s 2001:db8::/32 -j DROP"));
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(finished.first().first().toBool(), true);
        QCOMPARE(helper()->appliedFamilies, (QVector<int>{4, 6}));
        QVERIFY(!session(Family::IPv4)->isModified());
        QVERIFY(!session(Family::IPv6)->isModified());
        QCOMPARE(session(Family::IPv6)->baselineSpecs(), QStringList{"-s 2001:db8::/32 -j DROP"});
    }

    void confirmEachFamily()
    {
        openBoth();
        window()->ruleActions()->insertRules({QStringLiteral("-i eth0 -j DROP")},
                                             QStringLiteral("Add rule"));
        window()->showFamily(Family::IPv6);
        window()->ruleActions()->insertRules({QStringLiteral("-i eth0 -j DROP")},
                                             QStringLiteral("Add rule"));
        QString diff;
        acceptReview(&diff, 30, true);
        QSignalSpy started(window()->applyController(), &ApplyController::confirmationStarted);
        QSignalSpy finished(window()->applyController(), &ApplyController::finished);
        window()->action(QStringLiteral("actionApply"))->trigger();
        QTRY_COMPARE(started.count(), 1);
        ConfirmDialog *first = window()->applyController()->confirmDialog();
        QVERIFY(first->windowTitle().contains(QStringLiteral("IPv4")));
        QVERIFY(first->findChild<QLabel *>(QStringLiteral("explanationLabel"))
                    ->text()
                    .contains(QStringLiteral("IPv6 follows")));
        QCOMPARE(helper()->appliedFamilies, QVector<int>{4}); // IPv6 waits for the keep
        QTest::mouseClick(first->findChild<QPushButton *>(QStringLiteral("keepButton")),
                          Qt::LeftButton);
        QTRY_COMPARE(started.count(), 2);
        QCOMPARE(helper()->appliedFamilies, (QVector<int>{4, 6}));
        ConfirmDialog *second = window()->applyController()->confirmDialog();
        QVERIFY(second->windowTitle().contains(QStringLiteral("IPv6")));
        QTest::mouseClick(second->findChild<QPushButton *>(QStringLiteral("keepButton")),
                          Qt::LeftButton);
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(finished.first().first().toBool(), true);
        QCOMPARE(helper()->confirms, (QStringList{"tx1", "tx2"}));
        QTRY_VERIFY(!window()->workspace()->isModified());
    }

    void revertStopsTheOtherFamily()
    {
        openBoth();
        window()->ruleActions()->insertRules({QStringLiteral("-i eth0 -j DROP")},
                                             QStringLiteral("Add rule"));
        window()->showFamily(Family::IPv6);
        window()->ruleActions()->insertRules({QStringLiteral("-i eth0 -j DROP")},
                                             QStringLiteral("Add rule"));
        QString diff;
        acceptReview(&diff, 30, true);
        QSignalSpy started(window()->applyController(), &ApplyController::confirmationStarted);
        QSignalSpy finished(window()->applyController(), &ApplyController::finished);
        window()->action(QStringLiteral("actionApply"))->trigger();
        QTRY_COMPARE(started.count(), 1);
        QTest::mouseClick(window()->applyController()->confirmDialog()->findChild<QPushButton *>(
                              QStringLiteral("revertButton")),
                          Qt::LeftButton);
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(finished.first().first().toBool(), false);
        QCOMPARE(helper()->appliedFamilies, QVector<int>{4});
        QTRY_VERIFY(!window()->applyController()->isBusy());
        QVERIFY(session(Family::IPv4)->isModified()); // edits stay in both
        QVERIFY(session(Family::IPv6)->isModified());
    }

    void exportWritesBothFiles()
    {
        openBoth();
        window()->showFamily(Family::IPv6);
        window()->ruleActions()->insertRules({QStringLiteral("-s 2001:db8::/32 -j DROP")},
                                             QStringLiteral("Add rule"));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("iptables.conf"));
        QString error;
        QVERIFY2(window()->importExport()->exportTo(path, &error), qPrintable(error));
        QCOMPARE(window()->importExport()->lastExported(),
                 (QStringList{path, dir.filePath(QStringLiteral("ip6tables.conf"))}));
        QFile v6(dir.filePath(QStringLiteral("ip6tables.conf")));
        QVERIFY(v6.open(QIODevice::ReadOnly));
        QCOMPARE(v6.readAll(),
                 QByteArray("# DOCKER-USER rules exported by Userchain; load with: "
                            "ip6tables-restore -n FILE\n*filter\n:DOCKER-USER - [0:0]\n"
                            "-F DOCKER-USER\n-A DOCKER-USER -s 2001:db8::/32 -j DROP\nCOMMIT\n"));
        QFile v4(path);
        QVERIFY(v4.open(QIODevice::ReadOnly));
        QVERIFY(v4.readAll().contains("-A DOCKER-USER -j RETURN\n"));

        // Docker's example policy for IPv6 uses IPv6 documentation prefixes.
        QVERIFY(window()->importExport()->importData(
            ImportExport::dockerExample(QStringLiteral("eth0"), Family::IPv6),
            QStringLiteral("example"), ImportExport::Mode::Replace));
        QCOMPARE(session(Family::IPv6)->model()->ruleAt(3).spec,
                 QStringLiteral("-s 2001:db8:1::/48 -i eth0 -p tcp -m conntrack --ctorigdstport "
                                "8080 --ctdir ORIGINAL -j RETURN"));
    }

    void ip6PathFor_data()
    {
        QTest::addColumn<QString>("v4");
        QTest::addColumn<QString>("v6");
        QTest::newRow("iptables.conf") << "/etc/iptables.conf"
                                       << "/etc/ip6tables.conf";
        QTest::newRow("iptables-persistent") << "/etc/iptables/rules.v4"
                                             << "/etc/iptables/rules.v6";
        QTest::newRow("infix v4") << "/tmp/host.v4.rules"
                                  << "/tmp/host.v6.rules";
        QTest::newRow("anything else") << "/tmp/docker-user.conf"
                                       << "/tmp/docker-user-ipv6.conf";
        QTest::newRow("no suffix") << "/tmp/rules"
                                   << "/tmp/rules-ipv6";
    }

    void ip6PathFor()
    {
        QFETCH(QString, v4);
        QFETCH(QString, v6);
        QCOMPARE(ImportExport::ip6PathFor(v4), v6);
    }
};

QTEST_MAIN(TestFamilies)
#include "tst_families.moc"

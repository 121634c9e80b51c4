// The window without a helper process: snapshots from Docker captures through a fake
// HelperClient; modal dialogs driven through ModalRunner hooks, never by sleeping.
#include "applycontroller.h"
#include "applydialog.h"
#include "chainlistmodel.h"
#include "chainview.h"
#include "confirmdialog.h"
#include "editsession.h"
#include "fakehelperclient.h"
#include "fixturesnapshot.h"
#include "importexport.h"
#include "mainwindow.h"
#include "modalrunner.h"
#include "notice.h"
#include "noticebar.h"
#include "rawruledialog.h"
#include "ruleactions.h"
#include "rulefilterproxy.h"
#include "rulerefusal.h"
#include "ruletablemodel.h"
#include "ruletableview.h"
#include "rulewizard.h"
#include "statepage.h"

#include <QAction>
#include <QClipboard>
#include <QComboBox>
#include <QDBusError>
#include <QDBusMessage>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QUndoStack>

using namespace Userchain;

class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_config;
    std::unique_ptr<FakeHelperClient> m_helper;
    std::unique_ptr<MainWindow> m_window;

    void open(const Snapshot &snapshot)
    {
        m_window.reset();
        m_helper = std::make_unique<FakeHelperClient>();
        m_helper->system = snapshot;
        m_window = std::make_unique<MainWindow>(m_helper.get());
        m_window->ruleActions()->setInterfacesOverride({QStringLiteral("eth0")});
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_window->refresh();
        QTRY_VERIFY(m_window->session()->hasSnapshot() ||
                    m_window->statePage()->notice().id != QLatin1String("reading"));
    }
    Snapshot capture() const
    {
        return FixtureSnapshot::fromFile(FixtureSnapshot::userRulesCapture());
    }
    RuleTableModel *model() const { return m_window->session()->model(); }
    QTableView *table() const { return m_window->ruleTableView()->tableView(); }
    QString undoText() const { return m_window->action(QStringLiteral("actionUndo"))->text(); }

    /// Accept the review dialog (checking its diff) with a confirmation time.
    void acceptApply(QString *diff, int seconds = 30, bool confirm = true)
    {
        ModalRunner::pushHook([diff, seconds, confirm](QDialog *d) {
            auto *apply = qobject_cast<ApplyDialog *>(d);
            if (!apply) {
                return int(QDialog::Rejected);
            }
            *diff = apply->diffText();
            apply->findChild<QSpinBox *>(QStringLiteral("secondsSpin"))->setValue(seconds);
            apply->setConfirmEnabled(confirm);
            return int(QDialog::Accepted);
        });
    }

private slots:
    void initTestCase()
    {
        // The window remembers geometry in QSettings: keep the tests' away from the user's.
        qputenv("XDG_CONFIG_HOME", m_config.path().toLocal8Bit());
        QCoreApplication::setOrganizationName(QStringLiteral("UserchainTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_gui_mainwindow"));
    }

    void cleanup()
    {
        QCOMPARE(ModalRunner::pendingHooks(), 0);
        ModalRunner::clearHooks();
        if (m_window) {
            m_window->session()->load(m_window->session()->snapshot()); // no discard question
            m_window->close();
        }
        m_window.reset();
        m_helper.reset();
    }

    void showsDockerCapture()
    {
        open(FixtureSnapshot::fromFile(FixtureSnapshot::dockerCapture()));
        QVERIFY(m_window->windowTitle().startsWith(QStringLiteral("DOCKER-USER (IPv4)")));
        QCOMPARE(model()->rowCount(), 1);
        QCOMPARE(model()->ruleAt(0).spec, QStringLiteral("-j RETURN"));
        ChainListModel *chains = m_window->chainListModel();
        QCOMPARE(chains->rowCount(), 4);
        QCOMPARE(chains->index(0, 0).data().toString(), QStringLiteral("Your rules"));
        QCOMPARE(chains->index(0, 0, chains->index(0, 0)).data().toString(),
                 QStringLiteral("DOCKER-USER"));
        const QModelIndex docker = chains->index(1, 0);
        QStringList dockerChains;
        for (int i = 0; i < chains->rowCount(docker); ++i) {
            dockerChains << chains->index(i, 0, docker).data().toString();
        }
        QCOMPARE(dockerChains,
                 (QStringList{"DOCKER", "DOCKER-ISOLATION-STAGE-1", "DOCKER-ISOLATION-STAGE-2"}));
        QCOMPARE(chains->index(0, 0, chains->index(2, 0)).data().toString(),
                 QStringLiteral("FORWARD"));
        QCOMPARE(chains->index(0, 0, chains->index(3, 0)).data().toString(),
                 QStringLiteral("DOCKER (nat)"));
        QVERIFY(!chains->index(0, 0, docker).data(ChainListModel::EditableRole).toBool());
        QVERIFY(chains->index(0, 0, docker)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("rewrites")));
        const QStringList status = m_window->statusFields();
        QCOMPARE(status.at(0), QStringLiteral("IPv4 (iptables)"));
        QCOMPARE(status.at(1), QStringLiteral("Backend: iptables-legacy"));
        QCOMPARE(status.at(2), QStringLiteral("Docker chains: 3"));
        QVERIFY(status.at(4).startsWith(QStringLiteral("Revision ") +
                                        m_window->session()->snapshot().revision.left(12)));
        QVERIFY(!m_window->noticeBar()->isVisible());
    }

    void dockerChainsReadOnlyWithLinks()
    {
        open(capture());
        QVERIFY(m_window->showChain(QStringLiteral("filter"), QStringLiteral("FORWARD")));
        ChainView *view = m_window->chainView();
        QVERIFY(view->isVisible());
        QCOMPARE(view->chainName(), QStringLiteral("FORWARD"));
        QTableView *rules = view->tableView();
        QCOMPARE(rules->editTriggers(), QAbstractItemView::NoEditTriggers);
        const QModelIndex link = rules->model()->index(1, 2);
        QCOMPARE(link.data(Qt::UserRole + 1).toString(),
                 QStringLiteral("DOCKER-ISOLATION-STAGE-1"));
        rules->scrollTo(link);
        QTest::mouseClick(rules->viewport(), Qt::LeftButton, {}, rules->visualRect(link).center());
        QTRY_COMPARE(view->chainName(), QStringLiteral("DOCKER-ISOLATION-STAGE-1"));
        QVERIFY(
            view->findChildren<QLabel *>().last()->text().contains(QStringLiteral("isolation")));
        QCOMPARE(m_window->chainTree()->currentIndex().data().toString(),
                 QStringLiteral("DOCKER-ISOLATION-STAGE-1"));
        QVERIFY(m_window->showChain(QStringLiteral("nat"), QStringLiteral("DOCKER")));
        QVERIFY(view->findChildren<QLabel *>().last()->text().contains(QStringLiteral("DNAT")));
    }

    void editsAreUndoableCommands()
    {
        open(capture());
        const QStringList before = model()->specs();
        QCOMPARE(before.size(), 4);
        table()->setFocus();
        m_window->ruleTableView()->selectRows(0, 1);
        QTest::keyClick(table(), Qt::Key_Down, Qt::ControlModifier);
        QCOMPARE(model()->ruleAt(1).spec, before.at(0));
        QCOMPARE(undoText(), QStringLiteral("&Undo Move rule 1 down"));
        QVERIFY(m_window->isWindowModified());
        QTest::keyClick(table(), Qt::Key_Up, Qt::ControlModifier);
        QCOMPARE(model()->specs(), before);

        m_window->ruleTableView()->selectRows(1, 1);
        m_window->action(QStringLiteral("actionDuplicate"))->trigger();
        QCOMPARE(model()->rowCount(), 5);
        QCOMPARE(model()->ruleAt(2).spec, before.at(1));
        QCOMPARE(undoText(), QStringLiteral("&Undo Duplicate rule 2"));
        m_window->action(QStringLiteral("actionDelete"))->trigger();
        QCOMPARE(model()->specs(), before);

        // Add through the raw editor, typed as a person would.
        ModalRunner::pushHook([](QDialog *d) {
            auto *raw = qobject_cast<RawRuleDialog *>(d);
            QTest::keyClicks(raw->findChild<QLineEdit *>(QStringLiteral("specEdit")),
                             QStringLiteral("-p udp --dport 53 -j DROP"));
            return raw->isValid() ? int(QDialog::Accepted) : int(QDialog::Rejected);
        });
        m_window->ruleTableView()->tableView()->clearSelection();
        m_window->action(QStringLiteral("actionAddRule"))->trigger();
        // Here the RETURN is not last (a LOG rule follows it), so new rules go at the end.
        QCOMPARE(model()->ruleAt(4).spec, QStringLiteral("-p udp -m udp --dport 53 -j DROP"));
        QCOMPARE(undoText(), QStringLiteral("&Undo Add rule"));

        // A wizard through its action.
        ModalRunner::pushHook([](QDialog *d) {
            auto *wizard = qobject_cast<RuleWizard *>(d);
            wizard->show();
            QTest::keyClicks(wizard->findChild<QLineEdit *>(QStringLiteral("address")),
                             QStringLiteral("192.168.1.7"));
            return int(QDialog::Accepted);
        });
        m_window->ruleTableView()->tableView()->clearSelection();
        m_window->action(QStringLiteral("actionWizardOnlyIp"))->trigger();
        // Not at the end: the RETURN above would catch its packets, so it goes above that.
        QCOMPARE(
            model()->ruleAt(2).spec,
            QStringLiteral("! -s 192.168.1.7/32 -i eth0 -m conntrack --ctdir ORIGINAL -j DROP"));
        QCOMPARE(model()->ruleAt(3).spec, QStringLiteral("-j RETURN"));
        QCOMPARE(undoText(), QStringLiteral("&Undo Allow only one IP address"));

        QUndoStack *undo = m_window->session()->undoStack();
        while (undo->canUndo()) {
            undo->undo();
        }
        QCOMPARE(model()->specs(), before);
        QVERIFY(!m_window->isWindowModified());

        // Copy as a command line.
        m_window->ruleTableView()->selectRows(1, 1);
        QCOMPARE(m_window->ruleActions()->copySelectedAsCommand(),
                 QStringLiteral("iptables -I DOCKER-USER 2 ! -s 192.168.1.1/32 -i eth0 -j DROP"));
    }

    void recommendedPolicyReplacesTable()
    {
        open(capture());
        ModalRunner::pushHook([](QDialog *d) {
            auto *wizard = qobject_cast<RuleWizard *>(d);
            wizard->show();
            QTest::keyClicks(wizard->findChild<QLineEdit *>(QStringLiteral("subnets")),
                             QStringLiteral("192.0.2.0/24"));
            wizard->next();
            return int(QDialog::Accepted);
        });
        m_window->action(QStringLiteral("actionWizardPolicy"))->trigger();
        QCOMPARE(model()->rowCount(), 6);
        QCOMPARE(model()->ruleAt(5).spec, QStringLiteral("-j RETURN"));
        QCOMPARE(undoText(), QStringLiteral("&Undo Replace rules with the recommended policy"));
        m_window->session()->undoStack()->undo();
        QCOMPARE(model()->rowCount(), 4);
    }

    void searchFilters()
    {
        open(capture());
        QTest::keyClicks(m_window->ruleTableView()->searchBox(), QStringLiteral("office"));
        QTRY_COMPARE(table()->model()->rowCount(), 1);
        m_window->ruleTableView()->searchBox()->clear();
        QTRY_COMPARE(table()->model()->rowCount(), 4);
        QTest::keyClicks(m_window->ruleTableView()->searchBox(),
                         QStringLiteral("192.168.1.1 DROP"));
        QTRY_COMPARE(table()->model()->rowCount(), 1); // every word must match
    }

    void notices_data()
    {
        QTest::addColumn<QString>("change");
        QTest::addColumn<QString>("notice");
        QTest::addColumn<bool>("blocking");
        QTest::newRow("nft") << "nft"
                             << "nft-backend" << false;
        QTest::newRow("no forward jump") << "nojump"
                                         << "no-forward-jump" << false;
        QTest::newRow("iptables false") << "disabled"
                                        << "iptables-disabled" << true;
        QTest::newRow("docker stopped") << "stopped"
                                        << "docker-not-running" << false;
        QTest::newRow("no DOCKER-USER") << "nochain"
                                        << "no-docker-user" << false;
        QTest::newRow("no backend") << "none"
                                    << "no-backend" << true;
    }

    void notices()
    {
        QFETCH(QString, change);
        QFETCH(QString, notice);
        QFETCH(bool, blocking);
        Snapshot s = capture();
        auto keepOnly = [&s](const QStringList &names) {
            QList<ChainInfo> kept;
            for (const ChainInfo &c : std::as_const(s.chains)) {
                if (c.table != QLatin1String("filter") || names.contains(c.name)) {
                    kept.append(c);
                }
            }
            s.chains = kept;
        };
        if (change == QLatin1String("nft")) {
            s.backend = QStringLiteral("nft");
        } else if (change == QLatin1String("nojump")) {
            s.forwardJumpPosition = 0;
        } else if (change == QLatin1String("disabled")) {
            s.iptablesDisabled = true;
            s.dockerUserExists = false;
            keepOnly({QStringLiteral("FORWARD")});
        } else if (change == QLatin1String("stopped")) {
            keepOnly({QStringLiteral("FORWARD"), QStringLiteral("DOCKER-USER")});
        } else if (change == QLatin1String("nochain")) {
            s.dockerUserExists = false;
            keepOnly({QStringLiteral("FORWARD"), QStringLiteral("DOCKER")});
        } else if (change == QLatin1String("none")) {
            s.backend = QStringLiteral("none");
            s.chains.clear();
            s.dockerUserExists = false;
        }
        open(s);
        if (blocking) {
            QCOMPARE(m_window->statePage()->notice().id, notice);
            QVERIFY(m_window->statePage()->isVisible());
            QVERIFY(!m_window->statePage()->notice().text.isEmpty());
        } else {
            QVERIFY2(m_window->noticeBar()->hasNotice(notice), qPrintable(notice));
            QVERIFY(m_window->noticeBar()->isVisible());
            QVERIFY(m_window->ruleTableView()->isVisible());
        }
        if (change == QLatin1String("nft")) {
            QCOMPARE(m_window->statusFields().at(1),
                     QStringLiteral("Backend: iptables-nft (nf_tables)"));
        }
    }

    void helperErrors_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("notice");
        QTest::newRow("not installed") << "org.freedesktop.DBus.Error.ServiceUnknown"
                                       << ""
                                       << "helper-not-installed";
        QTest::newRow("no reply") << "org.freedesktop.DBus.Error.NoReply"
                                  << ""
                                  << "helper-unreachable";
        QTest::newRow("refused") << DBusError::NotAuthorized << ""
                                 << "not-authorized";
        QTest::newRow("cancelled") << DBusError::Cancelled << ""
                                   << "auth-cancelled";
        // The name decides, never the English message (issue 11 item 5).
        QTest::newRow("refused, whatever the message says")
            << DBusError::NotAuthorized << "authentication dialog was dismissed"
            << "not-authorized";
    }

    void helperErrors()
    {
        QFETCH(QString, name);
        QFETCH(QString, message);
        QFETCH(QString, notice);
        m_helper = std::make_unique<FakeHelperClient>();
        m_helper->system = capture();
        m_window = std::make_unique<MainWindow>(m_helper.get());
        m_window->show();
        m_helper->nextSnapshotError =
            HelperError::fromDBus(QDBusError(QDBusMessage::createError(name, message)));
        m_window->refresh();
        QTRY_COMPARE(m_window->statePage()->notice().id, notice);
        QVERIFY(m_window->statePage()->isVisible());
        QVERIFY(!m_window->action(QStringLiteral("actionApply"))->isEnabled());
        // "Try again" asks the helper again; this time it answers.
        auto *retry =
            m_window->statePage()->findChild<QPushButton *>(QStringLiteral("stateAction"));
        QTest::mouseClick(retry, Qt::LeftButton);
        QTRY_VERIFY(m_window->session()->hasSnapshot());
        QTRY_VERIFY(m_window->ruleTableView()->isVisible());
    }

    void applyConfirmedAndKept()
    {
        open(capture());
        m_window->ruleTableView()->selectRows(3, 1);
        m_window->action(QStringLiteral("actionMoveUp"))->trigger(); // LOG rule above RETURN
        QString diff;
        acceptApply(&diff);
        QSignalSpy started(m_window->applyController(), &ApplyController::confirmationStarted);
        m_window->action(QStringLiteral("actionApply"))->trigger();
        QVERIFY(diff.contains(QStringLiteral("~ -A DOCKER-USER -p udp -m udp --dport 53 -j LOG")));
        QTRY_COMPARE(started.count(), 1);
        QCOMPARE(m_helper->confirmSeconds, QVector<uint>{30});
        QCOMPARE(m_helper->applies.first().size(), 4);
        ConfirmDialog *confirm = m_window->applyController()->confirmDialog();
        QVERIFY(confirm->isVisible());
        QVERIFY(confirm->windowTitle().startsWith(QStringLiteral("Keep these rules?")));
        QTest::mouseClick(confirm->findChild<QPushButton *>(QStringLiteral("keepButton")),
                          Qt::LeftButton);
        QTRY_COMPARE(m_helper->confirms, QStringList{QStringLiteral("tx1")});
        QTRY_VERIFY(!m_window->applyController()->isBusy());
        QVERIFY(!m_window->session()->isModified());
        QCOMPARE(m_window->session()->baselineSpecs(), model()->specs());
        QVERIFY(m_window->session()->undoStack()->isClean());
    }

    void applyReverted()
    {
        open(capture());
        const QStringList before = model()->specs();
        m_window->ruleTableView()->selectRows(0, 1);
        m_window->action(QStringLiteral("actionDelete"))->trigger();
        QString diff;
        acceptApply(&diff);
        QSignalSpy started(m_window->applyController(), &ApplyController::confirmationStarted);
        m_window->action(QStringLiteral("actionApply"))->trigger();
        QVERIFY(diff.startsWith(QStringLiteral("- -A DOCKER-USER -s 10.10.0.0/16")));
        QTRY_COMPARE(started.count(), 1);
        QTest::mouseClick(m_window->applyController()->confirmDialog()->findChild<QPushButton *>(
                              QStringLiteral("revertButton")),
                          Qt::LeftButton);
        QTRY_COMPARE(m_helper->rollbacks.size(), 1);
        QTRY_VERIFY(!m_window->applyController()->isBusy());
        QTRY_COMPARE(m_helper->snapshotRequests, 2);
        QCOMPARE(m_window->session()->baselineSpecs(), before);
        QVERIFY(m_window->session()->isModified()); // the edit is still there to fix
        QCOMPARE(model()->rowCount(), 3);
    }

    void confirmationTimesOut()
    {
        open(capture());
        m_window->ruleTableView()->selectRows(0, 1);
        m_window->action(QStringLiteral("actionDelete"))->trigger();
        QString diff;
        acceptApply(&diff, 5);
        QSignalSpy started(m_window->applyController(), &ApplyController::confirmationStarted);
        m_window->action(QStringLiteral("actionApply"))->trigger();
        QTRY_COMPARE(started.count(), 1);
        QCOMPARE(m_helper->confirmSeconds, QVector<uint>{5});
        // Nobody answers: the dialog asks for the revert by itself.
        QTRY_COMPARE_WITH_TIMEOUT(m_helper->rollbacks.size(), 1, 8000);
        QTRY_VERIFY(!m_window->applyController()->isBusy());
        QVERIFY(!m_window->applyController()->confirmDialog() ||
                !m_window->applyController()->confirmDialog()->isVisible());
        QCOMPARE(m_helper->confirms.size(), 0);
    }

    void helperRollsBackByItself()
    {
        open(capture());
        m_window->ruleTableView()->selectRows(0, 1);
        m_window->action(QStringLiteral("actionDelete"))->trigger();
        QString diff;
        acceptApply(&diff);
        QSignalSpy started(m_window->applyController(), &ApplyController::confirmationStarted);
        m_window->action(QStringLiteral("actionApply"))->trigger();
        QTRY_COMPARE(started.count(), 1);
        m_helper->expire(); // the helper's own timer: RolledBack arrives
        QTRY_VERIFY(!m_window->applyController()->isBusy());
        QTRY_VERIFY(!m_window->applyController()->confirmDialog());
        QCOMPARE(m_helper->rollbacks.size(), 0);
        QVERIFY(m_window->session()->isModified());
    }

    void helperKeepsChainChangedByOthers()
    {
        open(capture());
        m_window->ruleTableView()->selectRows(0, 1);
        m_window->action(QStringLiteral("actionDelete"))->trigger();
        QString diff;
        acceptApply(&diff);
        QSignalSpy started(m_window->applyController(), &ApplyController::confirmationStarted);
        m_window->action(QStringLiteral("actionApply"))->trigger();
        QTRY_COMPARE(started.count(), 1);
        QString told;
        ModalRunner::pushHook([&told](QDialog *d) {
            if (auto *box = qobject_cast<QMessageBox *>(d)) {
                told = box->text();
            }
            return int(QMessageBox::Ok);
        });
        // The window ran out, but someone else had changed the chain: nothing was restored.
        m_helper->expire(QStringLiteral("conflict"));
        QTRY_VERIFY(!m_window->applyController()->isBusy());
        QVERIFY2(told.contains(QStringLiteral("kept it as it is")), qPrintable(told));
        QCOMPARE(m_helper->rollbacks.size(), 0);
    }

    void refusedRuleSelectedAndNamed_data()
    {
        QTest::addColumn<QString>("message"); // the helper's InvalidRule message
        QTest::addColumn<QStringList>("told");
        // The helper's parser names the token; the window names it too, in its own words where
        // it can (here the rule parses in this window, as with a helper of another version, so
        // the helper's words are the fallback).
        QTest::newRow("parse, with token")
            << RuleRefusal{RuleRefusal::Where::Rule,
                           2,
                           3,
                           QStringLiteral("eth0"),
                           QLatin1String(RefusalReason::Parse),
                           {},
                           QStringLiteral("interface \"eth0\" is not allowed here")}
                   .toLine()
            << QStringList{QStringLiteral("Rule 2, at “eth0”: interface \"eth0\" is not allowed "
                                          "here")};
        QTest::newRow("too long, worded here")
            << RuleRefusal{RuleRefusal::Where::Rule,
                           2,
                           -1,
                           {},
                           QLatin1String(RefusalReason::TooLong),
                           {QStringLiteral("4096")},
                           QStringLiteral("rule longer than 4096 bytes")}
                   .toLine()
            << QStringList{QStringLiteral(
                   "Rule 2: The rule is longer than the 4096 bytes the helper takes.")};
    }

    void refusedRuleSelectedAndNamed()
    {
        QFETCH(QString, message);
        QFETCH(QStringList, told);
        open(capture());
        m_window->ruleTableView()->selectRows(0, 1);
        m_window->action(QStringLiteral("actionDelete"))->trigger();
        m_window->ruleTableView()->selectRows(0, 1); // not the rule that will be refused
        QString diff;
        acceptApply(&diff, 30, false);
        QString text;
        ModalRunner::pushHook([&text](QDialog *d) {
            if (auto *box = qobject_cast<QMessageBox *>(d)) {
                text = box->text();
            }
            return int(QMessageBox::Ok);
        });
        m_helper->nextApplyError =
            HelperError(HelperError::Kind::InvalidRule,
                        QString::fromLatin1(Userchain::DBusError::InvalidRule), message);
        m_window->action(QStringLiteral("actionApply"))->trigger();
        QTRY_VERIFY(!m_window->applyController()->isBusy());
        // The refused rule is selected in the table, and the words say why.
        QCOMPARE(m_window->ruleTableView()->selectedRows(), QVector<int>{1});
        for (const QString &line : told) {
            QVERIFY2(text.contains(line), qPrintable(text));
        }
        // No code of the bus reaches the user.
        QVERIFY2(!text.contains(QStringLiteral("parse:")) &&
                     !text.contains(QStringLiteral("\"4096\"")),
                 qPrintable(text));
        QVERIFY(m_window->session()->isModified()); // the edits stay
    }

    /// The case: a rule inserted at the top with `iptables -I` while the user edits.
    QStringList insertOutside()
    {
        const QStringList live = m_window->session()->baselineSpecs();
        FixtureSnapshot::setDockerUser(&m_helper->system, QStringList{outsideRule()} + live);
        return live;
    }
    static QString outsideRule() { return QStringLiteral("-s 192.0.2.1/32 -j DROP"); }

    void staleRevisionKeepsRuleAddedOutside()
    {
        open(capture());
        const QStringList before = m_window->session()->baselineSpecs();
        m_window->ruleTableView()->selectRows(0, 1); // the user deletes "allow office"
        m_window->action(QStringLiteral("actionDelete"))->trigger();
        insertOutside();
        QString first;
        QString second;
        acceptApply(&first, 30, false);
        ModalRunner::pushHook([](QDialog *d) {
            auto *box = qobject_cast<QMessageBox *>(d);
            return box && box->text().contains(QStringLiteral("changed outside"))
                       ? int(QMessageBox::Yes)
                       : int(QMessageBox::Cancel);
        });
        acceptApply(&second, 30, false);
        m_window->action(QStringLiteral("actionApply"))->trigger();
        QTRY_COMPARE(m_helper->applies.size(), 2);
        // Reviewed again against what the system holds now: only the user's own change.
        QVERIFY2(!second.contains(QStringLiteral("- -A DOCKER-USER ") + outsideRule()),
                 qPrintable(second));
        QVERIFY2(second.contains(QStringLiteral("- -A DOCKER-USER ") + before.first()),
                 qPrintable(second));
        QStringList sent;
        for (const ApplyRule &rule : m_helper->applies.last()) {
            sent << rule.spec;
        }
        QCOMPARE(sent, QStringList{outsideRule()} + before.mid(1));
        QTRY_VERIFY(!m_window->applyController()->isBusy());
        QCOMPARE(m_helper->confirmSeconds, (QVector<uint>{0, 0}));
        QTRY_VERIFY(!m_window->session()->isModified());
        QCOMPARE(m_window->session()->baselineSpecs(), sent);
    }

    void changedOutsideBannerKeepsEditsAndRuleAddedOutside()
    {
        open(capture());
        const QStringList before = m_window->session()->baselineSpecs();
        m_window->ruleTableView()->selectRows(0, 1);
        m_window->action(QStringLiteral("actionDelete"))->trigger();
        insertOutside();
        m_window->refresh();
        QTRY_VERIFY(m_window->noticeBar()->hasNotice(QStringLiteral("changed-outside")));
        auto *keep = m_window->noticeBar()->findChild<QPushButton *>(
            QStringLiteral("noticeAction-changed-outside"));
        QVERIFY(keep);
        QTest::mouseClick(keep, Qt::LeftButton);
        // The user looks at the review and cancels: nothing is applied ...
        ModalRunner::pushHook([](QDialog *) { return int(QDialog::Rejected); });
        m_window->action(QStringLiteral("actionApply"))->trigger();
        QCOMPARE(m_helper->applies.size(), 0);
        QVERIFY(m_window->session()->isModified());
        // ... and the next Apply still keeps the rule added outside: no silent deletion.
        QString diff;
        acceptApply(&diff, 30, false);
        m_window->action(QStringLiteral("actionApply"))->trigger();
        QTRY_COMPARE(m_helper->applies.size(), 1);
        QCOMPARE(m_helper->applies.first().size(), before.size());
        QCOMPARE(m_helper->applies.first().first().spec, outsideRule());
        QVERIFY2(!diff.contains(QStringLiteral("- -A DOCKER-USER ") + outsideRule()),
                 qPrintable(diff));
        QVERIFY2(diff.startsWith(QStringLiteral("  -A DOCKER-USER ") + outsideRule() +
                                 QStringLiteral("\n- -A DOCKER-USER ") + before.first()),
                 qPrintable(diff));
        QTRY_VERIFY(!m_window->applyController()->isBusy());
        QTRY_VERIFY(!m_window->session()->isModified());
    }

    void rebaseMarksRuleAddedOutsideAndCanBeUndone()
    {
        open(capture());
        const QStringList before = m_window->session()->baselineSpecs();
        m_window->ruleTableView()->selectRows(0, 1);
        m_window->action(QStringLiteral("actionDelete"))->trigger();
        insertOutside();
        m_window->refresh();
        QTRY_VERIFY(m_window->noticeBar()->hasNotice(QStringLiteral("changed-outside")));
        // Two distinct choices; the one that discards the edits says so.
        auto *reload = m_window->noticeBar()->findChild<QPushButton *>(
            QStringLiteral("noticeSecondAction-changed-outside"));
        QVERIFY(reload);
        QVERIFY(reload->text().contains(QStringLiteral("discard")));
        auto *keep = m_window->noticeBar()->findChild<QPushButton *>(
            QStringLiteral("noticeAction-changed-outside"));
        QCOMPARE(keep->text(), QStringLiteral("Keep my edits (rebase)"));
        QVERIFY(!m_window->noticeBar()->notices().first().text.contains(
            QStringLiteral("discards your edits (export")));
        QTest::mouseClick(keep, Qt::LeftButton);

        // The rule added outside is in its place, marked; the user's deletion is still there.
        QCOMPARE(model()->specs(), QStringList{outsideRule()} + before.mid(1));
        QVERIFY(model()->index(0, 0).data(RuleTableModel::AddedOutsideRole).toBool());
        QVERIFY(!model()->index(1, 0).data(RuleTableModel::AddedOutsideRole).toBool());
        QVERIFY(model()
                    ->index(0, 0)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("Added outside Userchain")));
        QVERIFY(model()->index(0, 0).data(Qt::BackgroundRole).isValid());
        QVERIFY(model()->index(0, 0).data(Qt::FontRole).value<QFont>().bold());
        QVERIFY(!model()->index(1, 0).data(Qt::FontRole).value<QFont>().bold());
        QCOMPARE(m_window->session()->baselineSpecs(), QStringList{outsideRule()} + before);
        QVERIFY(!m_window->noticeBar()->hasNotice(QStringLiteral("changed-outside")));
        QVERIFY(m_window->noticeBar()->hasNotice(QStringLiteral("rebased")));
        const Notice rebased = m_window->noticeBar()->notices().first();
        QCOMPARE(rebased.text,
                 QStringLiteral("1 rule added outside Userchain was kept and is "
                                "marked (bold) in the table. Your edit is kept on top of "
                                "the current rules. Review and apply."));
        QCOMPARE(undoText(), QStringLiteral("&Undo Keep my edits on top of the system's rules"));

        // Undo brings back the table and the choice; redo the rebase.
        m_window->action(QStringLiteral("actionUndo"))->trigger();
        QCOMPARE(model()->specs(), before.mid(1));
        QCOMPARE(m_window->session()->baselineSpecs(), before);
        QVERIFY(m_window->noticeBar()->hasNotice(QStringLiteral("changed-outside")));
        m_window->action(QStringLiteral("actionRedo"))->trigger();
        QVERIFY(m_window->noticeBar()->hasNotice(QStringLiteral("rebased")));
        QVERIFY(model()->index(0, 0).data(RuleTableModel::AddedOutsideRole).toBool());

        // Deleted explicitly, the rule added outside goes, and the review says so.
        m_window->ruleTableView()->selectRows(0, 1);
        m_window->action(QStringLiteral("actionDelete"))->trigger();
        QString diff;
        acceptApply(&diff, 30, false);
        auto *review =
            m_window->noticeBar()->findChild<QPushButton *>(QStringLiteral("noticeAction-rebased"));
        QVERIFY(review);
        QTest::mouseClick(review, Qt::LeftButton);
        QTRY_COMPARE(m_helper->applies.size(), 1);
        QVERIFY2(diff.startsWith(QStringLiteral("- -A DOCKER-USER ") + outsideRule()),
                 qPrintable(diff));
        QCOMPARE(m_helper->applies.first().size(), before.size() - 1);
        QTRY_VERIFY(!m_window->applyController()->isBusy());
        QVERIFY(!m_window->noticeBar()->hasNotice(QStringLiteral("rebased")));
    }

    void rebaseReportsConflicts()
    {
        open(capture());
        const QStringList before = m_window->session()->baselineSpecs();
        // The user edits the comment of "allow office"; outside, the rule is removed.
        QVERIFY(model()->setData(model()->index(0, RuleTableModel::CommentColumn),
                                 QStringLiteral("allow the office")));
        FixtureSnapshot::setDockerUser(&m_helper->system, before.mid(1));
        m_window->refresh();
        QTRY_VERIFY(m_window->noticeBar()->hasNotice(QStringLiteral("changed-outside")));
        m_window->session()->rebase(m_window->session()->pendingSnapshot());
        const Notice rebased = m_window->noticeBar()->notices().first();
        QCOMPARE(rebased.id, QStringLiteral("rebased"));
        QCOMPARE(rebased.severity, Notice::Severity::Warning);
        QVERIFY2(rebased.text.contains(QStringLiteral(
                     "One rule was changed both here and outside Userchain; check it")),
                 qPrintable(rebased.text));
        QVERIFY2(rebased.code.contains(QStringLiteral("which was removed outside Userchain. "
                                                      "Your version is kept as a new rule")),
                 qPrintable(rebased.code));
        // The edited rule is kept as the user's: the review adds it.
        QCOMPARE(model()->rowCount(), before.size());
        QVERIFY(model()->ruleAt(0).spec.contains(QStringLiteral("allow the office")));
        QVERIFY(!model()->index(0, 0).data(RuleTableModel::AddedOutsideRole).toBool());
    }

    void fixForwardJump()
    {
        Snapshot s = capture();
        s.forwardJumpPosition = 0;
        open(s);
        QString diff;
        acceptApply(&diff, 30, false);
        auto *fix = m_window->noticeBar()->findChild<QPushButton *>(
            QStringLiteral("noticeAction-no-forward-jump"));
        QVERIFY(fix);
        QTest::mouseClick(fix, Qt::LeftButton);
        QTRY_COMPARE(m_helper->applyFlags.size(), 1);
        QCOMPARE(m_helper->applyFlags.first(), uint(ApplyCreateJump));
        QTRY_VERIFY(!m_window->noticeBar()->hasNotice(QStringLiteral("no-forward-jump")));
    }

    void exportAndImport()
    {
        open(capture());
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("iptables.conf"));
        QString error;
        QVERIFY(m_window->importExport()->exportTo(path, &error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY(text.contains("\n*filter\n:DOCKER-USER - [0:0]\n-F DOCKER-USER\n"));
        QVERIFY(text.contains("-A DOCKER-USER -s 10.10.0.0/16 -p tcp -m tcp --dport 80 -m comment "
                              "--comment \"allow office\" -j ACCEPT\n"));
        QVERIFY(text.endsWith("COMMIT\n"));

        // Errors carry the file name and line number; nothing is imported.
        ModalRunner::pushHook([](QDialog *) { return int(QMessageBox::Ok); });
        QVERIFY(!m_window->importExport()->importData(
            "*filter\n:DOCKER-USER - [0:0]\n-A DOCKER-USER -p tcp --dprot 80 -j DROP\nCOMMIT\n",
            QStringLiteral("bad.conf"), ImportExport::Mode::Append));
        QVERIFY2(m_window->importExport()->lastErrors().value(0).startsWith(
                     QStringLiteral("bad.conf:3:")),
                 qPrintable(m_window->importExport()->lastErrors().value(0)));
        QCOMPARE(model()->rowCount(), 4);

        // The exported file comes back as the same table, as one undoable step.
        ModalRunner::pushHook([](QDialog *d) {
            d->findChild<QPushButton *>(QStringLiteral("importReplace"))->click();
            return d->result();
        });
        m_window->session()->undoStack()->clear();
        QVERIFY(m_window->importExport()->importFile(path));
        QCOMPARE(model()->specs(), m_window->session()->baselineSpecs());
        QCOMPARE(undoText(), QStringLiteral("&Undo Import 4 rules from iptables.conf"));

        QVERIFY(m_window->importExport()->importData(
            ImportExport::dockerExample(QStringLiteral("eth0")), QStringLiteral("example"),
            ImportExport::Mode::Replace));
        QCOMPARE(model()->rowCount(), 7);
        QCOMPARE(model()->ruleAt(1).spec,
                 QStringLiteral(
                     "-i eth0 -p tcp -m conntrack --ctorigdstport 80 --ctdir ORIGINAL -j RETURN"));
    }

    void geometryAndColumnsRemembered()
    {
        open(capture());
        table()->horizontalHeader()->resizeSection(RuleTableModel::CommentColumn, 333);
        m_window->resize(1111, 666);
        m_window->close();
        open(capture());
        QCOMPARE(table()->horizontalHeader()->sectionSize(RuleTableModel::CommentColumn), 333);
        QCOMPARE(m_window->width(), 1111);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"

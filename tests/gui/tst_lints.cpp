// Lints in the window: a --dport rule on a port Docker publishes is marked in the table with its
// reason, its fix (from the row's context menu) puts conntrack's original port in its place as
// one undoable step, an ACCEPT offers RETURN in the Edit menu, and the apply review lists the
// lints of the rules the change adds. Docker 20.10's capture: 8080 -> 172.17.0.2:80.
#include "dockeruserintro.h"
#include "editsession.h"
#include "fakehelperclient.h"
#include "fixturesnapshot.h"
#include "lintreview.h"
#include "mainwindow.h"
#include "modalrunner.h"
#include "rowlegend.h"
#include "ruleactions.h"
#include "ruletablemodel.h"
#include "ruletableview.h"
#include "windowharness.h"

#include <QAction>
#include <QLabel>
#include <QMenu>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>
#include <memory>

class TestLints : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_config;
    WindowHarness m_harness;
    MainWindow *window() const { return m_harness.window(); }
    RuleTableModel *model() const { return window()->session()->model(); }
    QUndoStack *undo() const { return window()->session()->undoStack(); }
    QStringList lintsOf(int row) const
    {
        return model()
            ->index(row, RuleTableModel::PositionColumn)
            .data(RuleTableModel::LintsRole)
            .toStringList();
    }

private slots:
    void initTestCase()
    {
        qputenv("XDG_CONFIG_HOME", m_config.path().toLocal8Bit());
        QCoreApplication::setOrganizationName(QStringLiteral("UserchainTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_gui_lints"));
    }

    void init()
    {
        QVERIFY(m_harness.open(FixtureSnapshot::fromFile(FixtureSnapshot::dockerCapture())));
        QCOMPARE(model()->specs(), QStringList{QStringLiteral("-j RETURN")});
    }

    void cleanup()
    {
        QCOMPARE(ModalRunner::pendingHooks(), 0);
        ModalRunner::clearHooks();
        m_harness.close();
    }

    void dportOnPublishedPortIsFixedThroughTheContextMenu()
    {
        const QString dport = QStringLiteral("-p tcp -m tcp --dport 8080 -j DROP");
        const QString fixed =
            QStringLiteral("-p tcp -m conntrack --ctorigdstport 8080 --ctdir ORIGINAL -j DROP");
        window()->ruleActions()->insertRules({dport}, QStringLiteral("Add rule"));
        QCOMPARE(model()->ruleAt(0).spec, dport);
        QTRY_COMPARE(lintsOf(0).size(), 1);
        QVERIFY2(lintsOf(0).first().contains(QStringLiteral("never sees published port 8080")),
                 qPrintable(lintsOf(0).first()));
        const QModelIndex number = model()->index(0, RuleTableModel::PositionColumn);
        QVERIFY(!number.data(Qt::DecorationRole).value<QIcon>().isNull());
        QVERIFY(
            number.data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("Docker's DNAT has already changed their destination to "
                                         "172.17.0.2:80")));
        QVERIFY(lintsOf(1).isEmpty()); // Docker's RETURN is fine

        std::unique_ptr<QMenu> menu(window()->ruleContextMenu(0));
        QAction *fix = menu->actions().value(0);
        QVERIFY(fix);
        QCOMPARE(fix->text(), QStringLiteral("Fix: use --ctorigdstport 8080 --ctdir ORIGINAL"));
        const int steps = undo()->count();
        fix->trigger();
        QCOMPARE(model()->ruleAt(0).spec, fixed);
        QCOMPARE(undo()->count(), steps + 1);
        QCOMPARE(undo()->undoText(),
                 QStringLiteral("Fix rule 1: use --ctorigdstport 8080 --ctdir ORIGINAL"));
        QTRY_VERIFY(lintsOf(0).isEmpty());
        QCOMPARE(model()->rowCount(), 2);

        undo()->undo();
        QCOMPARE(model()->specs(), (QStringList{dport, QStringLiteral("-j RETURN")}));
        QTRY_COMPARE(lintsOf(0).size(), 1);
        undo()->redo();
        QCOMPARE(model()->ruleAt(0).spec, fixed);
        QTRY_VERIFY(lintsOf(0).isEmpty());
    }

    void acceptOffersReturnInTheEditMenu()
    {
        const QString accept = QStringLiteral("-s 10.0.0.0/8 -j ACCEPT");
        window()->ruleActions()->insertRules({accept}, QStringLiteral("Add rule"));
        window()->ruleTableView()->selectRows(0, 1);
        QAction *fix = window()->action(QStringLiteral("actionFixRule"));
        QVERIFY(fix);
        QTRY_VERIFY(fix->isEnabled());
        QCOMPARE(fix->text(), QStringLiteral("F&ix: use RETURN instead of ACCEPT"));
        QCOMPARE(lintsOf(0), QStringList{QStringLiteral("ACCEPT skips Docker's checks")});

        // The review lists it: the change adds this rule.
        QCOMPARE(LintReview::lines(*window()->session()),
                 QStringList{QStringLiteral(
                     "rule 1: ACCEPT skips Docker's checks — use RETURN instead of ACCEPT")});

        fix->trigger();
        QCOMPARE(model()->ruleAt(0).spec, QStringLiteral("-s 10.0.0.0/8 -j RETURN"));
        QTRY_VERIFY(!fix->isEnabled());
        QVERIFY(LintReview::lines(*window()->session()).isEmpty());
        undo()->undo();
        QCOMPARE(model()->ruleAt(0).spec, accept);
        QTRY_VERIFY(fix->isEnabled());
    }

    void reviewLeavesUnchangedRulesAlone()
    {
        // Rules the snapshot already holds are the table's business, not the review's.
        Userchain::Snapshot snapshot = FixtureSnapshot::fromFile(FixtureSnapshot::dockerCapture());
        FixtureSnapshot::setDockerUser(&snapshot, {QStringLiteral("-s 10.0.0.0/8 -j ACCEPT")});
        m_harness.close();
        QVERIFY(m_harness.open(snapshot));
        QTRY_COMPARE(lintsOf(0).size(), 1);
        QVERIFY(LintReview::lines(*window()->session()).isEmpty());
    }

    void unusedContainerAddressFromTheRunningContainers()
    {
        // The helper read the running containers: cache (172.17.0.3) publishes nothing, so
        // Docker's rules never name it; a rule for it written with an old address is marked, and
        // its comment leads the fix to cache's address now.
        Userchain::Snapshot snapshot = FixtureSnapshot::fromFile(FixtureSnapshot::dockerCapture());
        snapshot.containersRead = true;
        snapshot.containers = {{"web", "bridge", "172.17.0.2", 16, "172.17.0.1"},
                               {"cache", "bridge", "172.17.0.3", 16, "172.17.0.1"}};
        m_harness.close();
        QVERIFY(m_harness.open(snapshot));
        const QString stale = QStringLiteral("-d 172.17.0.9/32 -m comment --comment cache -j DROP");
        window()->ruleActions()->insertRules({stale}, QStringLiteral("Add rule"));
        QTRY_COMPARE(lintsOf(0),
                     QStringList{QStringLiteral("no running container has 172.17.0.9")});
        {
            std::unique_ptr<QMenu> menu(window()->ruleContextMenu(0));
            QAction *fix = menu->actions().value(0);
            QVERIFY(fix);
            QCOMPARE(
                fix->text(),
                QStringLiteral("Fix: use 172.17.0.3 (cache's address now) instead of 172.17.0.9"));
            fix->trigger();
            QCOMPARE(model()->ruleAt(0).spec,
                     QStringLiteral("-d 172.17.0.3/32 -m comment --comment cache -j DROP"));
        } // the menu goes before the window
        // The table's lints are in once the ACCEPT's shows (the fixed rule has none).
        window()->ruleActions()->insertRules({QStringLiteral("-s 10.0.0.0/8 -j ACCEPT")},
                                             QStringLiteral("Add rule"));
        QTRY_COMPARE(lintsOf(0).size(), 1);
        QCOMPARE(model()->ruleAt(1).spec,
                 QStringLiteral("-d 172.17.0.3/32 -m comment --comment cache -j DROP"));
        QVERIFY(lintsOf(1).isEmpty());

        // cache stops: the next refresh brings the same rules with other containers, and the
        // table's lints follow.
        m_harness.helper()->system.containers.removeLast();
        window()->refresh();
        QTRY_COMPARE(lintsOf(1),
                     QStringList{QStringLiteral("no running container has 172.17.0.3")});

        // Docker did not answer: nothing proves an address unused. (The ACCEPT's lint shows
        // when the table's lints are in.)
        snapshot.containersRead = false;
        snapshot.containers.clear();
        m_harness.close();
        QVERIFY(m_harness.open(snapshot));
        window()->ruleActions()->insertRules({stale, QStringLiteral("-s 10.0.0.0/8 -j ACCEPT")},
                                             QStringLiteral("Add rules"));
        QTRY_COMPARE(lintsOf(1).size(), 1);
        QCOMPARE(model()->ruleAt(0).spec, stale);
        QVERIFY(lintsOf(0).isEmpty());
    }

    void legendExplainsTheMarker()
    {
        RowLegend *legend = window()->ruleTableView()->intro()->legend();
        QLabel *sample = legend->sample(RowStyle::Kind::Lint);
        QVERIFY(sample);
        QCOMPARE(sample->accessibleName(), QStringLiteral("Check this rule"));
        QVERIFY(sample->text().contains(QLatin1String(RowLints::IconPath)));
        QVERIFY(sample->toolTip().contains(QStringLiteral("never guesses")));
    }
};

QTEST_MAIN(TestLints)
#include "tst_lints.moc"

// The Exposure tab (issue 12): one row per published port with IPv4 and IPv6 side by side, the
// flags for what users get wrong, the answer following unapplied edits and undo, and the
// deciding rules as links into the tables. The window runs against a fake HelperClient fed
// with the real dockerd captures.
#include "applycontroller.h"
#include "applydialog.h"
#include "chainview.h"
#include "editsession.h"
#include "exposuremodel.h"
#include "exposureview.h"
#include "fakehelperclient.h"
#include "fixturesnapshot.h"
#include "mainwindow.h"
#include "modalrunner.h"
#include "ruleactions.h"
#include "ruletableview.h"
#include "windowharness.h"
#include "workspace.h"

#include <QAction>
#include <QLabel>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTextBrowser>
#include <QUndoStack>

using namespace Userchain;

class TestExposureView : public QObject
{
    Q_OBJECT

private slots:
    void followsEditsAndUndo();
    void ipv6SideBySide();
    void linkShowsTheDecidingRule();
    void noPublishedPorts();
    void followsDockerWithoutEdits();
    void editingActionsOffOnTheTab();
    void reviewSaysWhatChanges();

private:
    WindowHarness m_harness;

    /// Shows the tab and waits for its answer.
    bool showExposure()
    {
        MainWindow *w = m_harness.window();
        w->action(QStringLiteral("actionShowExposure"))->trigger();
        return waitForAnswer();
    }
    bool waitForAnswer()
    {
        ExposureView *view = m_harness.window()->exposureView();
        return QTest::qWaitFor([view] { return !view->isUpdating(); }, 10000);
    }
    QString cell(int row, int column) const
    {
        const ExposureModel *m = m_harness.window()->exposureView()->model();
        return m->data(m->index(row, column), Qt::DisplayRole).toString();
    }
    QStringList warnings(int row) const
    {
        const ExposureModel::Row *r = m_harness.window()->exposureView()->model()->row(row);
        return r ? r->warnings : QStringList{QStringLiteral("no such row")};
    }
};

namespace {
Snapshot portmapV4()
{
    return FixtureSnapshot::fromFile(
        FixtureSnapshot::mobyCapture(QStringLiteral("docker29.7.2-usernet-portmap.v4.rules")));
}
Snapshot portmapV6()
{
    return FixtureSnapshot::fromFile(
        FixtureSnapshot::mobyCapture(QStringLiteral("docker29.7.2-composed-portmap.v6.rules")));
}
bool anyContains(const QStringList &list, const QString &text)
{
    for (const QString &s : list)
        if (s.contains(text))
            return true;
    return false;
}
} // namespace

void TestExposureView::followsEditsAndUndo()
{
    QVERIFY(m_harness.open(portmapV4())); // no IPv6 chains at all
    QVERIFY(showExposure());
    MainWindow *w = m_harness.window();
    QCOMPARE(w->exposureView()->model()->rowCount(), 1);
    QCOMPARE(cell(0, ExposureModel::PortColumn), QStringLiteral("8080/tcp"));
    QCOMPARE(cell(0, ExposureModel::ContainerColumn), QStringLiteral("192.0.2.2:80"));
    QCOMPARE(cell(0, ExposureModel::IPv4Column), QStringLiteral("anyone, any interface"));
    // No IPv6 DNAT for a port published on every address: docker-proxy may serve it.
    QVERIFY(cell(0, ExposureModel::IPv6Column).contains(QLatin1String("docker-proxy")));
    QVERIFY(anyContains(warnings(0), QStringLiteral("Published on all addresses")));
    QVERIFY(anyContains(warnings(0), QStringLiteral("userland proxy")));

    // The "only from" rules the wizard writes, not applied: the answer follows at once.
    w->ruleActions()->insertRules(Family::IPv4,
                                  {QStringLiteral("-s 10.11.11.0/24 -i eth0 -j RETURN"),
                                   QStringLiteral("-i eth0 -j DROP"), QStringLiteral("-j DROP")},
                                  QStringLiteral("Add rules"), 0);
    QVERIFY(waitForAnswer());
    QCOMPARE(cell(0, ExposureModel::IPv4Column), QStringLiteral("only 10.11.11.0/24 on eth0"));
    QVERIFY(!anyContains(warnings(0), QStringLiteral("Published on all addresses")));
    QVERIFY(anyContains(warnings(0), QStringLiteral("IPv6 is open while IPv4 is restricted")));
    QVERIFY(w->exposureView()
                ->findChild<QLabel *>(QStringLiteral("exposureStatus"))
                ->text()
                .contains(QLatin1String("unapplied")));
    // The details name the deciding rules, DOCKER-USER's own among them.
    QVERIFY(w->exposureView()->detailsLabel()->text().contains(
        QLatin1String("rule:4:filter:DOCKER-USER:2")));

    w->workspace()->session(Family::IPv4)->undoStack()->undo();
    QVERIFY(waitForAnswer());
    QCOMPARE(cell(0, ExposureModel::IPv4Column), QStringLiteral("anyone, any interface"));
    m_harness.close();
}

void TestExposureView::ipv6SideBySide()
{
    Snapshot v6 = portmapV6();
    FixtureSnapshot::setDockerUser(&v6, {QStringLiteral("! -s 2001:db8::/32 -j DROP")});
    QVERIFY(m_harness.open(portmapV4(), v6));
    QVERIFY(showExposure());
    QCOMPARE(m_harness.window()->exposureView()->model()->rowCount(), 1);
    QCOMPARE(cell(0, ExposureModel::ContainerColumn),
             QStringLiteral("192.0.2.2:80, [fd49:efd7:54aa::1]:80"));
    QCOMPARE(cell(0, ExposureModel::IPv4Column), QStringLiteral("anyone, any interface"));
    QCOMPARE(cell(0, ExposureModel::IPv6Column), QStringLiteral("only 2001:db8::/32"));
    QVERIFY(!anyContains(warnings(0), QStringLiteral("IPv6 is open")));
    m_harness.close();
}

void TestExposureView::linkShowsTheDecidingRule()
{
    Snapshot v4 = portmapV4();
    FixtureSnapshot::setDockerUser(
        &v4, {QStringLiteral("-s 192.0.2.99/32 -j RETURN"), QStringLiteral("-i eth0 -j DROP")});
    QVERIFY(m_harness.open(v4));
    QVERIFY(showExposure());
    MainWindow *w = m_harness.window();
    QVERIFY(cell(0, ExposureModel::IPv4Column).contains(QLatin1String("other interfaces")));
    QLabel *details = w->exposureView()->detailsLabel();
    QVERIFY(details->text().contains(QLatin1String("rule:4:filter:DOCKER-USER:2")));
    emit details->linkActivated(QStringLiteral("rule:4:filter:DOCKER-USER:2"));
    QCOMPARE(w->familyTabs()->currentWidget(), w->page(Family::IPv4));
    QCOMPARE(w->ruleTableView()->selectedRows(), QList<int>{1});
    // Docker's own chains too: the DNAT rule that publishes the port.
    QVERIFY(details->text().contains(QLatin1String("rule:4:nat:DOCKER:")));
    w->showExposure();
    emit details->linkActivated(QStringLiteral("rule:4:nat:DOCKER:1"));
    QCOMPARE(w->familyTabs()->currentWidget(), w->page(Family::IPv4));
    QCOMPARE(w->chainView()->chainName(), QStringLiteral("DOCKER"));
    QCOMPARE(w->chainView()->table(), QStringLiteral("nat"));
    QCOMPARE(w->chainView()->tableView()->currentIndex().row(), 0);
    m_harness.close();
}

void TestExposureView::noPublishedPorts()
{
    QVERIFY(m_harness.open(FixtureSnapshot::fromFile(
        FixtureSnapshot::mobyCapture(QStringLiteral("docker28.1.1-new-daemon.v4.rules")))));
    QVERIFY(showExposure());
    QCOMPARE(m_harness.window()->exposureView()->model()->rowCount(), 0);
    QVERIFY(m_harness.window()->exposureView()->detailsLabel()->text().contains(
        QLatin1String("No published ports")));
    m_harness.close();
}

// A refresh that keeps DOCKER-USER but brings other Docker chains (here: the container no longer
// published) changes the answer at once, not at the next edit.
void TestExposureView::followsDockerWithoutEdits()
{
    QVERIFY(m_harness.open(portmapV4()));
    QVERIFY(showExposure());
    QCOMPARE(m_harness.window()->exposureView()->model()->rowCount(), 1);
    Snapshot &system = m_harness.helper()->system;
    int removed = 0;
    for (ChainInfo &chain : system.chains) {
        if (chain.table != QLatin1String("nat") || chain.name != QLatin1String("DOCKER"))
            continue;
        for (qsizetype i = chain.rules.size() - 1; i >= 0; --i) {
            if (chain.rules.at(i).spec.contains(QLatin1String("DNAT"))) {
                chain.rules.removeAt(i);
                ++removed;
            }
        }
    }
    QCOMPARE(removed, 1);
    const QString revision =
        m_harness.window()->workspace()->session(Family::IPv4)->snapshot().revision;
    m_harness.window()->refresh();
    QTRY_COMPARE(m_harness.window()->exposureView()->model()->rowCount(), 0);
    QVERIFY(waitForAnswer());
    // DOCKER-USER is as it was: nothing was loaded again, no edit was made.
    QCOMPARE(m_harness.window()->workspace()->session(Family::IPv4)->snapshot().revision, revision);
    QVERIFY(m_harness.window()->exposureView()->detailsLabel()->text().contains(
        QLatin1String("No published ports")));
    m_harness.close();
}

void TestExposureView::editingActionsOffOnTheTab()
{
    QVERIFY(m_harness.open(portmapV4()));
    MainWindow *w = m_harness.window();
    QVERIFY(w->action(QStringLiteral("actionAddRule"))->isEnabled());
    QVERIFY(showExposure());
    QVERIFY(w->action(QStringLiteral("actionShowExposure"))->isChecked());
    QVERIFY(!w->action(QStringLiteral("actionAddRule"))->isEnabled());
    QCOMPARE(w->windowTitle(), QStringLiteral("Exposure[*]"));
    w->action(QStringLiteral("actionShowIPv4"))->trigger();
    QVERIFY(w->action(QStringLiteral("actionAddRule"))->isEnabled());
    QVERIFY(!w->action(QStringLiteral("actionShowExposure"))->isChecked());
    m_harness.close();
}

void TestExposureView::reviewSaysWhatChanges()
{
    QVERIFY(m_harness.open(portmapV4()));
    MainWindow *w = m_harness.window();
    QString review;
    auto capture = [&review](QDialog *d) {
        if (auto *apply = qobject_cast<ApplyDialog *>(d))
            review = apply->findChild<QTextBrowser *>(QStringLiteral("diffView"))->toPlainText();
        return int(QDialog::Rejected);
    };
    w->ruleActions()->insertRules(Family::IPv4,
                                  {QStringLiteral("-s 10.11.11.0/24 -i eth0 -j RETURN"),
                                   QStringLiteral("-i eth0 -j DROP"), QStringLiteral("-j DROP")},
                                  QStringLiteral("Add rules"), 0);
    ModalRunner::pushHook(capture);
    w->applyController()->startApply(Family::IPv4, 0);
    QVERIFY2(review.contains(
                 QStringLiteral("8080/tcp: anyone, any interface → only 10.11.11.0/24 on eth0")),
             qPrintable(review));

    // A change that leaves every port as it was says so.
    w->workspace()->session(Family::IPv4)->undoStack()->undo();
    w->ruleActions()->insertRules(Family::IPv4, {QStringLiteral("-p udp --dport 9 -j DROP")},
                                  QStringLiteral("Add rule"), 0);
    ModalRunner::pushHook(capture);
    w->applyController()->startApply(Family::IPv4, 0);
    QVERIFY2(review.contains(QLatin1String("no change for any published port")),
             qPrintable(review));
    QCOMPARE(ModalRunner::pendingHooks(), 0);
    m_harness.close();
}

QTEST_MAIN(TestExposureView)
#include "tst_exposure.moc"

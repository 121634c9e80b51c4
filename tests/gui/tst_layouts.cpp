// Every Docker layout the window meets, from moby's documented rules (tests/data/fixtures/
// docker-moby) fed through the fixture → Snapshot hook: Docker 27 to 29 chains listed and
// explained read-only, DOCKER-USER with Docker's RETURN (≤ 28.2.1) or empty (28.2.2+), rules
// that are never reached, and Docker 29's nftables mode with a left-over DOCKER-USER.
#include "chainlayout.h"
#include "chainlistmodel.h"
#include "chainrulesmodel.h"
#include "chainview.h"
#include "editsession.h"
#include "fakehelperclient.h"
#include "familypage.h"
#include "firewallmode.h"
#include "fixturesnapshot.h"
#include "layouthint.h"
#include "mainwindow.h"
#include "modalrunner.h"
#include "noticebar.h"
#include "ruletablemodel.h"
#include "ruletableview.h"
#include "statepage.h"
#include "windowharness.h"

#include <QAction>
#include <QDialog>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTreeView>
#include <QUndoStack>

using namespace Userchain;

namespace {
/// The side list as "Group: A, B" lines.
QStringList chainGroups(const ChainListModel *model)
{
    QStringList out;
    for (int g = 0; g < model->rowCount(); ++g) {
        const QModelIndex group = model->index(g, 0);
        QStringList names;
        for (int c = 0; c < model->rowCount(group); ++c) {
            names << model->index(c, 0, group).data().toString();
        }
        out << group.data().toString() + QStringLiteral(": ") + names.join(QStringLiteral(", "));
    }
    return out;
}

Snapshot nftablesLeftOver(int jumpPosition)
{
    Snapshot s = FixtureSnapshot::fromFile(
        FixtureSnapshot::mobyCapture(QStringLiteral("docker28.5.2-usernet-portmap.v4.rules")));
    // Docker 29 in nftables mode deleted its own iptables chains; DOCKER-USER and the jump
    // (if Docker did not remove it) are left.
    QList<ChainInfo> kept;
    for (const ChainInfo &c : std::as_const(s.chains)) {
        if (c.table != QLatin1String("filter") || c.builtin ||
            c.name == QLatin1String("DOCKER-USER")) {
            kept.append(c);
        }
    }
    s.chains = kept;
    FixtureSnapshot::setDockerUser(&s, {QStringLiteral("-s 203.0.113.0/24 -j DROP")});
    for (ChainInfo &c : s.chains) {
        if (c.name == QLatin1String("FORWARD")) {
            c.rules.clear();
            if (jumpPosition > 0) {
                RuleEntry jump;
                jump.spec = QStringLiteral("-j DOCKER-USER");
                c.rules.append(jump);
            }
        }
    }
    s.forwardJumpPosition = jumpPosition;
    s.warnings = {SnapshotNote{QLatin1String(NoteCode::DockerNftables), {}}};
    return s;
}
} // namespace

class TestLayouts : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_config;
    WindowHarness m_harness;
    MainWindow *window() const { return m_harness.window(); }

    void openFixture(const QString &name)
    {
        const Snapshot s = FixtureSnapshot::fromFile(FixtureSnapshot::mobyCapture(name));
        if (s.family == 6) {
            QVERIFY(m_harness.open(FixtureSnapshot::fromFile(FixtureSnapshot::dockerCapture()), s));
            window()->showFamily(Family::IPv6);
        } else {
            QVERIFY(m_harness.open(s));
        }
        QCOMPARE(window()->session()->family(), s.family == 6 ? Family::IPv6 : Family::IPv4);
    }

private slots:
    void initTestCase()
    {
        qputenv("XDG_CONFIG_HOME", m_config.path().toLocal8Bit());
        QCoreApplication::setOrganizationName(QStringLiteral("UserchainTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_gui_layouts"));
    }

    void cleanup() { m_harness.close(); }

    void dockerVersions_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("groups");
        QTest::addColumn<int>("ending"); // ChainLayout::Kind of DOCKER-USER
        QTest::addColumn<QString>("hint");

        const QString user = QStringLiteral("Your rules: DOCKER-USER");
        QTest::newRow("27, RETURN")
            << "docker27-usernet-portmap.v4.rules"
            << QStringList{user,
                           "Docker's chains (read-only): DOCKER, DOCKER-ISOLATION-STAGE-1, "
                           "DOCKER-ISOLATION-STAGE-2",
                           "Built-in: FORWARD", "nat table (read-only): DOCKER (nat)"}
            << int(ChainLayout::Kind::EndsWithReturn) << "28.2.1";
        QTest::newRow("28.0.0, ipset and raw drops per port")
            << "docker28.0.0-usernet-portmap.v4.rules"
            << QStringList{user,
                           "Docker's chains (read-only): DOCKER, DOCKER-ISOLATION-STAGE-1, "
                           "DOCKER-ISOLATION-STAGE-2",
                           "Built-in: FORWARD", "nat table (read-only): DOCKER (nat)",
                           "raw table (read-only): PREROUTING (raw)"}
            << int(ChainLayout::Kind::EndsWithReturn) << "harmless";
        QTest::newRow("28.1.1, DOCKER-FORWARD")
            << "docker28.1.1-usernet-portmap.v4.rules"
            << QStringList{user,
                           "Docker's chains (read-only): DOCKER, DOCKER-ISOLATION-STAGE-1, "
                           "DOCKER-ISOLATION-STAGE-2, DOCKER-FORWARD, DOCKER-BRIDGE, DOCKER-CT",
                           "Built-in: FORWARD", "nat table (read-only): DOCKER (nat)",
                           "raw table (read-only): PREROUTING (raw)"}
            << int(ChainLayout::Kind::EndsWithReturn) << "28.2.1";
        QTest::newRow("28.5.2, empty DOCKER-USER")
            << "docker28.5.2-usernet-portmap-lo.v4.rules"
            << QStringList{user,
                           "Docker's chains (read-only): DOCKER, DOCKER-ISOLATION-STAGE-1, "
                           "DOCKER-ISOLATION-STAGE-2, DOCKER-FORWARD, DOCKER-BRIDGE, DOCKER-CT",
                           "Built-in: FORWARD", "nat table (read-only): DOCKER (nat)",
                           "raw table (read-only): PREROUTING (raw)"}
            << int(ChainLayout::Kind::Empty) << "28.2.2";
        QTest::newRow("28.5.2, swarm")
            << "docker28.5.2-swarm-portmap.v4.rules"
            << QStringList{user,
                           "Docker's chains (read-only): DOCKER, DOCKER-ISOLATION-STAGE-1, "
                           "DOCKER-ISOLATION-STAGE-2, DOCKER-FORWARD, DOCKER-BRIDGE, DOCKER-CT, "
                           "DOCKER-INGRESS",
                           "Built-in: FORWARD",
                           "nat table (read-only): DOCKER (nat), DOCKER-INGRESS (nat)"}
            << int(ChainLayout::Kind::Empty) << "empty";
        QTest::newRow("29.7.2, DOCKER-INTERNAL, no isolation chains")
            << "docker29.7.2-usernet-internal.v4.rules"
            << QStringList{user,
                           "Docker's chains (read-only): DOCKER, DOCKER-FORWARD, DOCKER-BRIDGE, "
                           "DOCKER-CT, DOCKER-INTERNAL",
                           "Built-in: FORWARD", "nat table (read-only): DOCKER (nat)"}
            << int(ChainLayout::Kind::Empty) << "28.2.2";
        QTest::newRow("29.7.2, IPv6")
            << "docker29.7.2-composed-portmap.v6.rules"
            << QStringList{user,
                           "Docker's chains (read-only): DOCKER, DOCKER-FORWARD, DOCKER-BRIDGE, "
                           "DOCKER-CT, DOCKER-INTERNAL",
                           "Built-in: FORWARD", "nat table (read-only): DOCKER (nat)",
                           "raw table (read-only): PREROUTING (raw)"}
            << int(ChainLayout::Kind::Empty) << "28.2.2";
    }

    void dockerVersions()
    {
        QFETCH(QString, file);
        QFETCH(QStringList, groups);
        QFETCH(int, ending);
        QFETCH(QString, hint);
        openFixture(file);
        const ChainListModel *chains = window()->chainListModel();
        QCOMPARE(chainGroups(chains), groups);

        // Every chain but DOCKER-USER is read-only and explained in words of its own.
        for (int g = 1; g < chains->rowCount(); ++g) {
            const QModelIndex group = chains->index(g, 0);
            for (int c = 0; c < chains->rowCount(group); ++c) {
                const QModelIndex chain = chains->index(c, 0, group);
                QVERIFY(!chain.data(ChainListModel::EditableRole).toBool());
                const QString description = chain.data(ChainListModel::DescriptionRole).toString();
                QVERIFY2(!description.startsWith(QStringLiteral("A chain")),
                         qPrintable(description));
                QVERIFY(window()->showChain(chain.data(ChainListModel::TableRole).toString(),
                                            chain.data(ChainListModel::ChainRole).toString()));
                QCOMPARE(window()->chainView()->tableView()->editTriggers(),
                         QAbstractItemView::NoEditTriggers);
            }
        }

        // How DOCKER-USER ends, said above the table.
        QVERIFY(window()->showChain(QStringLiteral("filter"), QStringLiteral("DOCKER-USER")));
        const LayoutHint *layout = window()->ruleTableView()->layoutHint();
        QCOMPARE(int(layout->result().kind), ending);
        QVERIFY(layout->isVisible());
        QVERIFY2(layout->text().contains(hint), qPrintable(layout->text()));
        QVERIFY(!layout->fixButton()->isVisible());
        // Nothing in these layouts is a fault.
        QVERIFY(!window()->noticeBar()->hasNotice(QStringLiteral("no-forward-jump")));
    }

    void ipsetAndRawDropsExplained()
    {
        openFixture(QStringLiteral("docker28.0.0-usernet-portmap.v4.rules"));
        QVERIFY(window()->showChain(QStringLiteral("filter"), QStringLiteral("FORWARD")));
        QLabel *description = window()->chainView()->findChildren<QLabel *>().last();
        QVERIFY2(description->text().contains(QStringLiteral("docker-ext-bridges-v4")),
                 qPrintable(description->text()));
        const QAbstractItemModel *rules = window()->chainView()->tableView()->model();
        QVERIFY(rules->index(1, ChainRulesModel::RuleColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("ipset")));
        QVERIFY(rules->index(0, 0).data(ChainRulesModel::NoteRole).toString().isEmpty());

        QVERIFY(window()->showChain(QStringLiteral("raw"), QStringLiteral("PREROUTING")));
        QVERIFY2(window()->chainView()->findChildren<QLabel *>().last()->text().contains(
                     QStringLiteral("direct routing")),
                 qPrintable(window()->chainView()->findChildren<QLabel *>().last()->text()));
    }

    void missingDockerUserInIpv6()
    {
        // The bridge driver's own IPv6 rules: no DOCKER-USER and no jump yet.
        openFixture(QStringLiteral("docker29.7.2-drvonly-portmap.v6.rules"));
        QVERIFY(window()->noticeBar()->hasNotice(QStringLiteral("no-docker-user")));
        QVERIFY(window()->ruleTableView()->isVisible());
    }

    void unreachableRulesWarned()
    {
        // Docker 20.10's capture with user rules: a LOG rule sits after the RETURN.
        QVERIFY(m_harness.open(FixtureSnapshot::fromFile(FixtureSnapshot::userRulesCapture())));
        RuleTableModel *model = window()->session()->model();
        QCOMPARE(model->ruleAt(2).spec, QStringLiteral("-j RETURN"));
        QCOMPARE(model->firstEndingRow(), 2);
        const QModelIndex dead = model->index(3, RuleTableModel::TargetColumn);
        QVERIFY(dead.data(RuleTableModel::UnreachableRole).toBool());
        QVERIFY(dead.data(Qt::ToolTipRole).toString().contains(QStringLiteral("Never reached")));
        QVERIFY(!model->index(2, 0).data(RuleTableModel::UnreachableRole).toBool());
        LayoutHint *layout = window()->ruleTableView()->layoutHint();
        QCOMPARE(layout->result().kind, ChainLayout::Kind::Unreachable);
        QVERIFY2(layout->text().contains(QStringLiteral("the rule after it is never reached")),
                 qPrintable(layout->text()));
        QVERIFY(layout->fixButton()->isVisible());
        QCOMPARE(layout->fixButton()->text(), QStringLiteral("Move it above rule 3"));

        QTest::mouseClick(layout->fixButton(), Qt::LeftButton);
        QCOMPARE(model->ruleAt(3).spec, QStringLiteral("-j RETURN"));
        QCOMPARE(layout->result().kind, ChainLayout::Kind::EndsWithReturn);
        QVERIFY(!model->index(3, 0).data(RuleTableModel::UnreachableRole).toBool());
        QCOMPARE(window()->action(QStringLiteral("actionUndo"))->text(),
                 QStringLiteral("&Undo Move the unreachable rule above rule 3"));
        window()->session()->undoStack()->undo();
        QCOMPARE(layout->result().kind, ChainLayout::Kind::Unreachable);

        // Deleting the RETURN makes every rule reachable again, at once.
        window()->ruleTableView()->selectRows(2, 1);
        window()->action(QStringLiteral("actionDelete"))->trigger();
        QCOMPARE(model->firstEndingRow(), -1);
        QVERIFY(!model->index(2, 0).data(RuleTableModel::UnreachableRole).toBool());
        QCOMPARE(layout->result().kind, ChainLayout::Kind::Plain);
        QVERIFY(!layout->isVisible());
    }

    void chainEndings_data()
    {
        QTest::addColumn<QStringList>("specs");
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("endingRow");
        QTest::newRow("empty") << QStringList{} << int(ChainLayout::Kind::Empty) << -1;
        QTest::newRow("Docker's RETURN") << QStringList{"-s 10.0.0.0/8 -j DROP", "-j RETURN"}
                                         << int(ChainLayout::Kind::EndsWithReturn) << 1;
        QTest::newRow("no ending")
            << QStringList{"-i eth0 -j DROP"} << int(ChainLayout::Kind::Plain) << -1;
        QTest::newRow("final accept skips Docker") << QStringList{"-i eth0 -j DROP", "-j ACCEPT"}
                                                   << int(ChainLayout::Kind::EndsWithAccept) << 1;
        QTest::newRow("final drop") << QStringList{"-p tcp -m tcp --dport 22 -j RETURN", "-j DROP"}
                                    << int(ChainLayout::Kind::EndsWithDrop) << 1;
        QTest::newRow("a comment is no condition")
            << QStringList{"-m comment --comment \"the end\" -j RETURN", "-i eth0 -j DROP"}
            << int(ChainLayout::Kind::Unreachable) << 0;
        QTest::newRow("a conditional RETURN ends nothing")
            << QStringList{"-i eth0 -j RETURN", "-j DROP"} << int(ChainLayout::Kind::EndsWithDrop)
            << 1;
        QTest::newRow("LOG goes on")
            << QStringList{"-j LOG", "-i eth0 -j DROP"} << int(ChainLayout::Kind::Plain) << -1;
        QTest::newRow("REJECT ends")
            << QStringList{"-j REJECT", "-j RETURN"} << int(ChainLayout::Kind::Unreachable) << 0;
    }

    void chainEndings()
    {
        QFETCH(QStringList, specs);
        QFETCH(int, kind);
        QFETCH(int, endingRow);
        const ChainLayout::Result r = ChainLayout::analyse(specs, Family::IPv4);
        QCOMPARE(int(r.kind), kind);
        QCOMPARE(r.endingRow, endingRow);
        QCOMPARE(ChainLayout::explain(r).isEmpty(), r.kind == ChainLayout::Kind::Plain);
        QCOMPARE(ChainLayout::isWarning(r), r.kind == ChainLayout::Kind::Unreachable ||
                                                r.kind == ChainLayout::Kind::EndsWithAccept);
    }

    void nftablesModeWithoutDockerUser_data()
    {
        QTest::addColumn<bool>("detail");
        QTest::newRow("the detail") << true;
        QTest::newRow("a warning") << false;
    }

    void helperWarningsWordedFromCodes()
    {
        // The helper sends codes with arguments; the window words them, argument in place, and
        // shows a code it does not know (a newer helper) as it came rather than dropping it.
        Snapshot s = FixtureSnapshot::fromFile(FixtureSnapshot::dockerCapture());
        s.warnings = {SnapshotNote{QLatin1String(NoteCode::DaemonJsonTooLarge), {"1048576"}},
                      SnapshotNote{QLatin1String(NoteCode::OtherCopyIgnored), {"nft"}},
                      SnapshotNote{QStringLiteral("future-code"), {"x"}}};
        QVERIFY(m_harness.open(s));
        QStringList texts;
        for (const Notice &n : window()->noticeBar()->notices()) {
            if (n.id == QLatin1String("helper-warning")) {
                texts << n.text;
            }
        }
        QCOMPARE(texts.size(), 3);
        QCOMPARE(texts.at(0), QStringLiteral("/etc/docker/daemon.json is too large to be read "
                                             "(over 1048576 bytes)."));
        QVERIFY2(texts.at(1).startsWith(QStringLiteral("The `iptables-nft` copy of Docker's chains "
                                                       "is ignored")),
                 qPrintable(texts.at(1)));
        QCOMPARE(texts.at(2), QStringLiteral("future-code (x)"));
        QCOMPARE(FirewallMode::displayedWarnings(s), texts);
    }

    void nftablesModeWithoutDockerUser()
    {
        QFETCH(bool, detail);
        Snapshot s;
        s.backend = QStringLiteral("none");
        s.family = 4;
        s.revision = QStringLiteral("absent");
        // The helper's code, never its words, says so.
        const SnapshotNote nftables{QLatin1String(NoteCode::DockerNftables), {}};
        if (detail) {
            s.backendDetail = nftables;
        } else {
            s.warnings = {nftables};
        }
        QVERIFY(m_harness.open(s));
        const Notice &notice = window()->statePage()->notice();
        QCOMPARE(notice.id, QStringLiteral("docker-nftables"));
        QVERIFY(window()->statePage()->isVisible());
        // What Docker recommends instead, with an example to start from.
        QVERIFY(notice.text.contains(QStringLiteral("type filter hook forward")));
        QVERIFY(notice.text.contains(QStringLiteral("--bridge-accept-fwmark")));
        QVERIFY(notice.code.startsWith(QStringLiteral("table ip my-table")));
        QVERIFY(notice.code.contains(QStringLiteral("type filter hook forward priority filter")));
        QVERIFY(
            window()->statePage()->findChild<QLabel *>(QStringLiteral("stateCode"))->isVisible());
        QVERIFY(!window()->action(QStringLiteral("actionAddRule"))->isEnabled());
        QVERIFY(window()->statusFields().at(1).endsWith(QStringLiteral("Docker: nftables")));
        QVERIFY(!window()->noticeBar()->hasNotice(QStringLiteral("helper-warning")));
    }

    void nftablesLeftOverDockerUser_data()
    {
        QTest::addColumn<int>("jump");
        QTest::addColumn<QString>("notice");
        QTest::addColumn<QString>("listed");
        QTest::newRow("jump kept: active") << 1 << "leftover-active"
                                           << "DOCKER-USER (left over, active)";
        QTest::newRow("no jump: inactive") << 0 << "leftover-inactive"
                                           << "DOCKER-USER (left over, inactive)";
    }

    void nftablesLeftOverDockerUser()
    {
        QFETCH(int, jump);
        QFETCH(QString, notice);
        QFETCH(QString, listed);
        QVERIFY(m_harness.open(nftablesLeftOver(jump)));
        QVERIFY2(window()->noticeBar()->hasNotice(notice), qPrintable(notice));
        const ChainListModel *chains = window()->chainListModel();
        QCOMPARE(chains->index(0, 0, chains->index(0, 0)).data().toString(), listed);
        // Docker's iptables plumbing is gone on purpose: no offer to restore it.
        for (const char *id :
             {"no-forward-jump", "docker-not-running", "no-docker-user", "helper-warning"}) {
            QVERIFY2(!window()->noticeBar()->hasNotice(QLatin1String(id)), id);
        }
        QVERIFY(window()->ruleTableView()->isVisible()); // still editable: the kernel runs it
        const Notice *shown = nullptr;
        for (const Notice &n : window()->noticeBar()->notices()) {
            if (n.id == notice) {
                shown = &n;
            }
        }
        QVERIFY(shown);
        QVERIFY(shown->text.contains(jump ? QStringLiteral("still applies")
                                          : QStringLiteral("no effect")));
        QVERIFY(shown->code.contains(QStringLiteral("hook forward")));

        // The jump itself is marked where it is, in FORWARD.
        QVERIFY(window()->showChain(QStringLiteral("filter"), QStringLiteral("FORWARD")));
        const QAbstractItemModel *forward = window()->chainView()->tableView()->model();
        QCOMPARE(forward->rowCount(), jump);
        if (jump) {
            const QModelIndex rule = forward->index(0, ChainRulesModel::RuleColumn);
            QVERIFY(rule.data(ChainRulesModel::NoteRole)
                        .toString()
                        .contains(QStringLiteral("still active")));
            QVERIFY(rule.data(Qt::BackgroundRole).isValid());
        }
    }

    void reviewRepeatsTheWarning()
    {
        QVERIFY(m_harness.open(FixtureSnapshot::fromFile(FixtureSnapshot::userRulesCapture())));
        window()->ruleTableView()->selectRows(0, 1);
        window()->action(QStringLiteral("actionDelete"))->trigger();
        QString review;
        ModalRunner::pushHook([&review](QDialog *d) {
            review = d->findChild<QTextBrowser *>(QStringLiteral("diffView"))->toPlainText();
            return int(QDialog::Rejected);
        });
        window()->action(QStringLiteral("actionApply"))->trigger();
        QVERIFY2(review.contains(QStringLiteral("never reached")), qPrintable(review));
    }
};

QTEST_MAIN(TestLayouts)
#include "tst_layouts.moc"

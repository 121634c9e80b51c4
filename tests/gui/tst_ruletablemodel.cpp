// Model tests: QAbstractItemModelTester over every model, undo/redo of every command, and
// drag and drop through dropMimeData producing a move command.
#include "applydialog.h"
#include "chainlistmodel.h"
#include "chainrulesmodel.h"
#include "editrulecommand.h"
#include "editsession.h"
#include "fixturesnapshot.h"
#include "importplacement.h"
#include "insertrulescommand.h"
#include "moverulescommand.h"
#include "removerulescommand.h"
#include "replacerulescommand.h"
#include "rulediff.h"
#include "ruledragdata.h"
#include "rulefilterproxy.h"
#include "ruletablemodel.h"

#include <QAbstractItemModelTester>
#include <QMimeData>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QUndoStack>

using namespace Userchain;

class TestRuleTableModel : public QObject
{
    Q_OBJECT

private:
    QStringList specs(const RuleTableModel &model) const { return model.specs(); }
    void load(EditSession &session, const QStringList &rules)
    {
        Snapshot snapshot = FixtureSnapshot::fromFile(FixtureSnapshot::dockerCapture());
        FixtureSnapshot::setDockerUser(&snapshot, rules);
        session.load(snapshot);
    }
    const QStringList abc = {QStringLiteral("-s 10.0.0.1/32 -j DROP"),
                             QStringLiteral("-s 10.0.0.2/32 -j DROP"),
                             QStringLiteral("-s 10.0.0.3/32 -j DROP"),
                             QStringLiteral("-s 10.0.0.4/32 -j DROP"), QStringLiteral("-j RETURN")};

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void testerOverAllModels()
    {
        EditSession session;
        new QAbstractItemModelTester(session.model(),
                                     QAbstractItemModelTester::FailureReportingMode::QtTest, this);
        RuleFilterProxy proxy;
        proxy.setSourceModel(session.model());
        new QAbstractItemModelTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest,
                                     this);
        load(session, abc);
        proxy.setSearchText(QStringLiteral("10.0.0.2"));
        QCOMPARE(proxy.rowCount(), 1);
        proxy.setSearchText(QString());
        // Every command with the testers watching.
        QUndoStack *undo = session.undoStack();
        RuleTableModel *m = session.model();
        undo->push(new InsertRulesCommand(m, 1, {m->makeRow(QStringLiteral("-i eth0 -j DROP"))},
                                          QStringLiteral("Add rule")));
        undo->push(new RemoveRulesCommand(m, {0, 2, 3}));
        undo->push(new MoveRulesCommand(m, {0}, 2, QStringLiteral("Move")));
        undo->push(new EditRuleCommand(m, 0, QStringLiteral("-j ACCEPT"), QStringLiteral("Edit")));
        undo->push(new ReplaceRulesCommand(m, {m->makeRow(QStringLiteral("-j RETURN"))},
                                           QStringLiteral("Replace")));
        while (undo->canUndo()) {
            undo->undo();
        }
        QCOMPARE(specs(*m), abc);
        while (undo->canRedo()) {
            undo->redo();
        }
        QCOMPARE(specs(*m), QStringList{QStringLiteral("-j RETURN")});

        ChainListModel chains;
        new QAbstractItemModelTester(&chains,
                                     QAbstractItemModelTester::FailureReportingMode::QtTest, this);
        chains.setSnapshot(session.snapshot());
        ChainRulesModel chainRules;
        new QAbstractItemModelTester(&chainRules,
                                     QAbstractItemModelTester::FailureReportingMode::QtTest, this);
        chainRules.setChain(session.snapshot().chains.value(0), {QStringLiteral("DOCKER")});
    }

    void insertUndoRedo()
    {
        EditSession session;
        load(session, abc);
        RuleTableModel *m = session.model();
        session.undoStack()->push(new InsertRulesCommand(
            m, 4,
            {m->makeRow(QStringLiteral("-i eth0 -j DROP")), m->makeRow(QStringLiteral("-j LOG"))},
            QStringLiteral("Add rules")));
        QCOMPARE(m->rowCount(), 7);
        QCOMPARE(m->ruleAt(4).spec, QStringLiteral("-i eth0 -j DROP"));
        QCOMPARE(m->ruleAt(6).spec, QStringLiteral("-j RETURN"));
        QVERIFY(session.isModified());
        session.undoStack()->undo();
        QCOMPARE(specs(*m), abc);
        QVERIFY(!session.isModified());
        session.undoStack()->redo();
        QCOMPARE(m->rowCount(), 7);
    }

    void insertAtScatteredRows()
    {
        // An import's rules land at several places at once, as one command.
        EditSession session;
        new QAbstractItemModelTester(session.model(),
                                     QAbstractItemModelTester::FailureReportingMode::QtTest, this);
        load(session, abc);
        RuleTableModel *m = session.model();
        const QString x = QStringLiteral("-i eth0 -j DROP");
        const QString y = QStringLiteral("-j LOG");
        const QString z = QStringLiteral("-i eth1 -j DROP");
        session.undoStack()->push(new InsertRulesCommand(
            m, {0, 3, 7}, {m->makeRow(x), m->makeRow(y), m->makeRow(z)}, QStringLiteral("Import")));
        QCOMPARE(specs(*m),
                 (QStringList{x, abc.at(0), abc.at(1), y, abc.at(2), abc.at(3), abc.at(4), z}));
        QCOMPARE(m->firstEndingRow(), 6);
        session.undoStack()->undo();
        QCOMPARE(specs(*m), abc);
        QCOMPARE(m->firstEndingRow(), 4);
        session.undoStack()->redo();
        QCOMPARE(m->rowCount(), 8);
    }

    void importPlacement()
    {
        using Step = Userchain::ImportStep;
        const QStringList imported = {QStringLiteral("-s 10.0.0.9/32 -j DROP"),
                                      QStringLiteral("-i eth0 -j DROP"),
                                      QStringLiteral("-j RETURN")};
        // -A, -I, then -A of what is the table's own final rule.
        const QVector<Step> steps = {{0, false, 0}, {1, true, 1}, {2, false, 0}};
        EditSession session;
        load(session, abc);
        RuleTableModel *m = session.model();
        QCOMPARE(ImportPlacement::finalRule(m), QStringLiteral("-j RETURN"));
        QCOMPARE(ImportPlacement::appendRow(m), 4);
        ImportPlacement::Result r =
            ImportPlacement::place(steps, imported, m->rowCount(), ImportPlacement::finalRule(m));
        // [eth0, 1, 2, 3, 4, 10.0.0.9, RETURN]: the append before the RETURN, which stays last.
        QCOMPARE(r.rows, (QVector<int>{0, 5}));
        QCOMPARE(r.rules, (QVector<int>{1, 0}));
        QCOMPARE(r.skipped, 1);
        // Into an empty table (a replace), as the commands build it.
        r = ImportPlacement::place(steps, imported, 0);
        QCOMPARE(r.rows, (QVector<int>{0, 1, 2}));
        QCOMPARE(r.rules, (QVector<int>{1, 0, 2}));
        // Without a final rule that ends the chain, -A is the end; -I N counts the table's rows.
        r = ImportPlacement::place({{0, false, 0}, {1, true, 3}}, imported, 4);
        QCOMPARE(r.rows, (QVector<int>{2, 5}));
        QCOMPARE(r.rules, (QVector<int>{1, 0}));
        // A final rule that is not Docker's RETURN stays last too.
        load(session, {abc.at(0), QStringLiteral("-j DROP")});
        QCOMPARE(ImportPlacement::appendRow(m), 1);
        // Rules after a rule that ends the chain: -A is the end, as iptables puts it.
        load(session, {QStringLiteral("-j DROP"), abc.at(0)});
        QCOMPARE(ImportPlacement::finalRule(m), QString());
        QCOMPARE(ImportPlacement::appendRow(m), 2);
    }

    void removeUndoRedo()
    {
        EditSession session;
        load(session, abc);
        RuleTableModel *m = session.model();
        const quint64 id3 = m->ruleAt(3).id;
        auto *command = new RemoveRulesCommand(m, {3, 0, 1});
        QCOMPARE(command->text(), QStringLiteral("Delete 3 rules"));
        session.undoStack()->push(command);
        QCOMPARE(specs(*m), (QStringList{abc.at(2), abc.at(4)}));
        session.undoStack()->undo();
        QCOMPARE(specs(*m), abc);
        QCOMPARE(m->ruleAt(3).id, id3); // the same rows come back, counters and all
        QVERIFY(m->ruleAt(3).hasCounters);
    }

    void move_data()
    {
        QTest::addColumn<QVector<int>>("rows");
        QTest::addColumn<int>("destination");
        QTest::addColumn<QVector<int>>("expected"); // old positions in the new order
        QTest::newRow("first down one") << QVector<int>{0} << 2 << QVector<int>{1, 0, 2, 3, 4};
        QTest::newRow("last up one") << QVector<int>{4} << 3 << QVector<int>{0, 1, 2, 4, 3};
        QTest::newRow("to the top") << QVector<int>{3} << 0 << QVector<int>{3, 0, 1, 2, 4};
        QTest::newRow("to the end") << QVector<int>{0} << 5 << QVector<int>{1, 2, 3, 4, 0};
        QTest::newRow("block down") << QVector<int>{1, 2} << 4 << QVector<int>{0, 3, 1, 2, 4};
        QTest::newRow("gathered") << QVector<int>{0, 3} << 2 << QVector<int>{1, 0, 3, 2, 4};
    }

    void move()
    {
        QFETCH(QVector<int>, rows);
        QFETCH(int, destination);
        QFETCH(QVector<int>, expected);
        EditSession session;
        new QAbstractItemModelTester(session.model(),
                                     QAbstractItemModelTester::FailureReportingMode::QtTest, this);
        load(session, abc);
        RuleTableModel *m = session.model();
        QPersistentModelIndex tracked = m->index(rows.first(), RuleTableModel::SourceColumn);
        QVERIFY(!MoveRulesCommand::isNoOp(rows, destination));
        session.undoStack()->push(
            new MoveRulesCommand(m, rows, destination, QStringLiteral("Move")));
        QStringList want;
        for (int old : expected) {
            want << abc.at(old);
        }
        QCOMPARE(specs(*m), want);
        // Persistent indexes (the selection) follow the moved rule.
        QCOMPARE(tracked.data(RuleTableModel::SpecRole).toString(), abc.at(rows.first()));
        session.undoStack()->undo();
        QCOMPARE(specs(*m), abc);
        QCOMPARE(tracked.row(), rows.first());
    }

    void noOpMoves()
    {
        QVERIFY(MoveRulesCommand::isNoOp({2}, 2));
        QVERIFY(MoveRulesCommand::isNoOp({2}, 3));
        QVERIFY(MoveRulesCommand::isNoOp({1, 2}, 1));
        QVERIFY(!MoveRulesCommand::isNoOp({1, 3}, 2));
    }

    void inPlaceEditMakesCommand()
    {
        EditSession session;
        load(session,
             {QStringLiteral("! -s 192.168.1.1/32 -i eth0 -j DROP"), QStringLiteral("-j RETURN")});
        RuleTableModel *m = session.model();
        const QModelIndex source = m->index(0, RuleTableModel::SourceColumn);
        QCOMPARE(source.data().toString(), QStringLiteral("not 192.168.1.1"));
        QVERIFY(m->setData(source, QStringLiteral("not 10.1.0.0/16")));
        QCOMPARE(m->ruleAt(0).spec, QStringLiteral("! -s 10.1.0.0/16 -i eth0 -j DROP"));
        QCOMPARE(session.undoStack()->undoText(), QStringLiteral("Edit Source of rule 1"));
        QVERIFY(!m->ruleAt(0).hasCounters);

        QSignalSpy rejected(m, &RuleTableModel::editRejected);
        QVERIFY(!m->setData(source, QStringLiteral("10.1.0.300")));
        QCOMPARE(rejected.count(), 1);
        QVERIFY(rejected.first().first().toString().contains(QStringLiteral("10.1.0.300")));
        QCOMPARE(session.undoStack()->count(), 1);

        QVERIFY(m->setData(m->index(0, RuleTableModel::CommentColumn), QStringLiteral("office")));
        QCOMPARE(m->ruleAt(0).rule()->comment(), QStringLiteral("office"));
        QVERIFY(m->setData(m->index(0, RuleTableModel::TargetColumn), QStringLiteral("RETURN")));
        QVERIFY(m->ruleAt(0).spec.endsWith(QStringLiteral("-j RETURN")));
        session.undoStack()->undo();
        session.undoStack()->undo();
        session.undoStack()->undo();
        QCOMPARE(m->ruleAt(0).spec, QStringLiteral("! -s 192.168.1.1/32 -i eth0 -j DROP"));
        QVERIFY(m->ruleAt(0).hasCounters);
    }

    void dropMakesMoveCommand()
    {
        EditSession session;
        new QAbstractItemModelTester(session.model(),
                                     QAbstractItemModelTester::FailureReportingMode::QtTest, this);
        load(session, abc);
        RuleTableModel *m = session.model();
        std::unique_ptr<QMimeData> mime(
            m->mimeData({m->index(0, 0), m->index(0, 3), m->index(1, 0)}));
        QVERIFY(mime->hasFormat(QLatin1String(RuleDragData::MimeType)));
        QVERIFY(mime->text().startsWith(QStringLiteral("-A DOCKER-USER -s 10.0.0.1/32")));
        // Drop between rows 3 and 4 (before the RETURN).
        QVERIFY(m->canDropMimeData(mime.get(), Qt::MoveAction, 4, 0, QModelIndex()));
        QVERIFY(m->dropMimeData(mime.get(), Qt::MoveAction, 4, 0, QModelIndex()));
        QCOMPARE(session.undoStack()->count(), 1);
        QCOMPARE(session.undoStack()->undoText(), QStringLiteral("Move 2 rules"));
        QCOMPARE(specs(*m), (QStringList{abc.at(2), abc.at(3), abc.at(0), abc.at(1), abc.at(4)}));
        // The view removes dragged rows after a move; our model must not let it.
        QVERIFY(!m->removeRows(0, 1));
        session.undoStack()->undo();
        QCOMPARE(specs(*m), abc);

        // Dropped onto a row: lands before it.
        std::unique_ptr<QMimeData> one(m->mimeData({m->index(3, 0)}));
        QVERIFY(m->dropMimeData(one.get(), Qt::MoveAction, -1, -1, m->index(1, 2)));
        QCOMPARE(m->ruleAt(1).spec, abc.at(3));
        QCOMPARE(session.undoStack()->undoText(), QStringLiteral("Move rule 4"));
    }

    void badDropsRejected()
    {
        EditSession session;
        load(session, abc);
        EditSession other;
        load(other, abc);
        RuleTableModel *m = session.model();
        std::unique_ptr<QMimeData> foreign(other.model()->mimeData({other.model()->index(0, 0)}));
        QVERIFY(!m->dropMimeData(foreign.get(), Qt::MoveAction, 3, 0, QModelIndex()));
        QMimeData garbage;
        garbage.setData(QLatin1String(RuleDragData::MimeType), QByteArray("\x01\x02"));
        QVERIFY(!m->dropMimeData(&garbage, Qt::MoveAction, 3, 0, QModelIndex()));
        std::unique_ptr<QMimeData> mime(m->mimeData({m->index(0, 0)}));
        QVERIFY(!m->dropMimeData(mime.get(), Qt::CopyAction, 3, 0, QModelIndex()));
        QVERIFY(!m->dropMimeData(mime.get(), Qt::MoveAction, 1, 0, QModelIndex())); // no-op
        QCOMPARE(session.undoStack()->count(), 0);
    }

    void displayAndFlags()
    {
        EditSession session;
        Snapshot snapshot = FixtureSnapshot::fromFile(FixtureSnapshot::userRulesCapture());
        // One rule the library cannot read: kept verbatim, read-only, but movable.
        for (ChainInfo &c : snapshot.chains) {
            if (c.name == QLatin1String("DOCKER-USER")) {
                RuleEntry v;
                v.spec = QStringLiteral("-m foo --bar 1 -j DROP");
                v.verbatimId = QStringLiteral("v1");
                v.unknownExtensions = QStringLiteral("foo");
                c.rules.insert(1, v);
                c.rules[0].packets = 0;
                c.rules[2].packets = 12;
            }
        }
        session.load(snapshot);
        RuleTableModel *m = session.model();
        QCOMPARE(m->rowCount(), 5);
        QCOMPARE(m->index(0, RuleTableModel::SourceColumn).data().toString(),
                 QStringLiteral("10.10.0.0/16"));
        QCOMPARE(m->index(0, RuleTableModel::ProtocolColumn).data().toString(),
                 QStringLiteral("tcp port 80"));
        QCOMPARE(m->index(0, RuleTableModel::CommentColumn).data().toString(),
                 QStringLiteral("allow office"));
        QCOMPARE(m->index(0, RuleTableModel::TargetColumn).data().toString(),
                 QStringLiteral("ACCEPT"));
        QCOMPARE(m->index(2, RuleTableModel::SourceColumn).data().toString(),
                 QStringLiteral("not 192.168.1.1"));
        QCOMPARE(m->index(2, RuleTableModel::InInterfaceColumn).data().toString(),
                 QStringLiteral("eth0"));
        QCOMPARE(m->index(2, RuleTableModel::PositionColumn).data().toInt(), 3);
        // Never hit: highlighted; hit: not.
        QVERIFY(m->index(0, 0).data(RuleTableModel::NeverHitRole).toBool());
        QVERIFY(m->index(0, 0).data(Qt::BackgroundRole).isValid());
        QVERIFY(!m->index(2, 0).data(RuleTableModel::NeverHitRole).toBool());
        // Verbatim: movable, not editable.
        const QModelIndex verbatim = m->index(1, RuleTableModel::SourceColumn);
        QVERIFY(verbatim.data(RuleTableModel::VerbatimRole).toBool());
        QVERIFY(verbatim.flags() & Qt::ItemIsDragEnabled);
        for (int c = 0; c < RuleTableModel::ColumnCount; ++c) {
            QVERIFY(!(m->index(1, c).flags() & Qt::ItemIsEditable));
        }
        QVERIFY(m->index(2, RuleTableModel::SourceColumn).flags() & Qt::ItemIsEditable);
        QVERIFY(!m->setData(verbatim, QStringLiteral("1.2.3.4")));
        std::unique_ptr<QMimeData> mime(m->mimeData({m->index(1, 0)}));
        QVERIFY(m->dropMimeData(mime.get(), Qt::MoveAction, 0, 0, QModelIndex()));
        QCOMPARE(m->ruleAt(0).verbatimId, QStringLiteral("v1"));
        const ApplyRuleList apply = session.applyRules();
        QCOMPARE(apply.first().verbatimId, QStringLiteral("v1"));
        // A target that is a chain links to it.
        QCOMPARE(m->index(3, RuleTableModel::TargetColumn)
                     .data(RuleTableModel::LinkTargetRole)
                     .toString(),
                 QString());
    }

    void endingRowValidWhenPositionsChange()
    {
        // A slot of dataChanged() (the layout hint) looks up the ending rule: deleting a rule
        // above a RETURN that is the last rule must not leave it pointing past the end.
        EditSession session;
        load(session, abc);
        RuleTableModel *m = session.model();
        QVector<int> seen;
        connect(m, &QAbstractItemModel::dataChanged, this, [m, &seen] {
            seen.append(m->firstEndingRow() < m->rowCount() ? m->firstEndingRow() : -2);
        });
        session.undoStack()->push(new RemoveRulesCommand(m, {0}));
        session.undoStack()->undo();
        QVERIFY(!seen.isEmpty());
        QVERIFY(!seen.contains(-2));
        QCOMPARE(seen.first(), 3);
        QCOMPARE(seen.last(), 4);
    }

    void sessionOutcomes()
    {
        EditSession session;
        Snapshot s = FixtureSnapshot::fromFile(FixtureSnapshot::dockerCapture());
        QCOMPARE(session.receiveSnapshot(s), EditSession::Outcome::Loaded);
        session.undoStack()->push(new InsertRulesCommand(
            session.model(), 0, {session.model()->makeRow(QStringLiteral("-j DROP"))},
            QStringLiteral("Add rule")));
        s.chains[0].rules.append(RuleEntry{});
        QCOMPARE(session.receiveSnapshot(s), EditSession::Outcome::CountersUpdated);
        QCOMPARE(session.model()->rowCount(), 2); // edits kept
        Snapshot changed = s;
        FixtureSnapshot::setDockerUser(&changed, {QStringLiteral("-j ACCEPT")});
        QCOMPARE(session.receiveSnapshot(changed), EditSession::Outcome::ChangedOutside);
        QCOMPARE(session.model()->rowCount(), 2);
        QVERIFY(session.isChangedOutside());
        session.rebase(session.pendingSnapshot());
        QVERIFY(!session.isChangedOutside());
        QCOMPARE(session.baselineSpecs(), QStringList{QStringLiteral("-j ACCEPT")});
        // The rule added outside stays (at the top: nothing preceded it), marked; the RETURN
        // removed outside stays removed; the user's DROP stays.
        QCOMPARE(session.model()->specs(),
                 (QStringList{QStringLiteral("-j ACCEPT"), QStringLiteral("-j DROP")}));
        QVERIFY(session.model()->ruleAt(0).addedOutside);
        QVERIFY(session.rebaseSummary().rebased);
        QCOMPARE(session.rebaseSummary().keptOutside, 1);
        QCOMPARE(session.rebaseSummary().removedOutside, 1);
        QCOMPARE(session.rebaseSummary().edits, 1);
        session.load(session.snapshot());
        QVERIFY(!session.rebaseSummary().rebased);
        QVERIFY(!session.model()->ruleAt(0).addedOutside);
    }

    void diff_data()
    {
        QTest::addColumn<QStringList>("before");
        QTest::addColumn<QStringList>("after");
        QTest::addColumn<QString>("text");
        QTest::newRow("same") << QStringList{"a", "b"} << QStringList{"a", "b"}
                              << QStringLiteral("  -A DOCKER-USER a\n  -A DOCKER-USER b");
        QTest::newRow("added") << QStringList{"a"} << QStringList{"x", "a"}
                               << QStringLiteral("+ -A DOCKER-USER x\n  -A DOCKER-USER a");
        QTest::newRow("removed")
            << QStringList{"a", "b", "c"} << QStringList{"a", "c"}
            << QStringLiteral("  -A DOCKER-USER a\n- -A DOCKER-USER b\n  -A DOCKER-USER c");
        QTest::newRow("moved") << QStringList{"a", "b", "c"} << QStringList{"c", "a", "b"}
                               << QStringLiteral(
                                      "~ -A DOCKER-USER c\n  -A DOCKER-USER a\n  -A DOCKER-USER b");
        QTest::newRow("duplicates") << QStringList{"a", "a"} << QStringList{"a"}
                                    << QStringLiteral("  -A DOCKER-USER a\n- -A DOCKER-USER a");
    }

    void diff()
    {
        // The review shows core's RuleDiff with context, as the dialog's plain text.
        QFETCH(QStringList, before);
        QFETCH(QStringList, after);
        QFETCH(QString, text);
        ApplyDialog dialog;
        dialog.setReviews({{Family::IPv4, RuleDiff::withContext(before, after), QString(), {}}});
        QCOMPARE(dialog.diffText(), text);
        QCOMPARE(dialog.diffText(Family::IPv4), text);
    }

    void fiftyThousandRules()
    {
        EditSession session;
        QStringList rules;
        for (int i = 0; i < 50000; ++i) {
            rules << QStringLiteral("-s 10.%1.%2.0/24 -j DROP").arg(i / 256).arg(i % 256);
        }
        load(session, rules);
        QCOMPARE(session.model()->rowCount(), 50000);
        RuleTableModel *m = session.model();
        session.undoStack()->push(new MoveRulesCommand(m, {49999}, 0, QStringLiteral("Move")));
        QCOMPARE(m->ruleAt(0).spec, rules.last());
        session.undoStack()->undo();
        QCOMPARE(m->ruleAt(49999).spec, rules.last());
    }
};

QTEST_MAIN(TestRuleTableModel)
#include "tst_ruletablemodel.moc"

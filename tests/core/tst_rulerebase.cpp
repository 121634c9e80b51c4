#include "rulerebase.h"

#include <QtTest>

using namespace Userchain;

namespace {
/// "key" is a rule the user added; "key@2" a row that is (or was edited from) base rule 2.
QVector<RuleRebase::MineRule> mineRows(const QStringList &rows)
{
    QVector<RuleRebase::MineRule> out;
    for (const QString &row : rows) {
        const int at = row.indexOf(QLatin1Char('@'));
        out.append(at < 0 ? RuleRebase::MineRule{row, -1}
                          : RuleRebase::MineRule{row.left(at), row.mid(at + 1).toInt()});
    }
    return out;
}

QStringList keysOf(const QVector<RuleRebase::MineRule> &rows)
{
    QStringList keys;
    for (const RuleRebase::MineRule &row : rows) {
        keys << row.key;
    }
    return keys;
}

/// The result's texts, "*key" for a rule marked as added outside.
QStringList describe(const RuleRebase::Result &result, const QStringList &mine,
                     const QStringList &theirs)
{
    const QStringList keys = RuleRebase::keys(result, mine, theirs);
    QStringList out;
    for (int i = 0; i < keys.size(); ++i) {
        out << (result.entries.at(i).addedOutside ? QStringLiteral("*") : QString()) + keys.at(i);
    }
    return out;
}

QString kindName(RuleRebase::Conflict::Kind kind)
{
    switch (kind) {
    case RuleRebase::Conflict::Kind::EditedRemovedOutside:
        return QStringLiteral("edited-removed");
    case RuleRebase::Conflict::Kind::EditedChangedOutside:
        return QStringLiteral("edited-changed");
    case RuleRebase::Conflict::Kind::DeletedChangedOutside:
        return QStringLiteral("deleted-changed");
    }
    return QString();
}
} // namespace

class TestRuleRebase : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void merge_data();
    void merge();
    void textsPairByContent();
    void largeChainIsFast();
};

void TestRuleRebase::merge_data()
{
    QTest::addColumn<QStringList>("base");
    QTest::addColumn<QStringList>("mine"); // see mineRows()
    QTest::addColumn<QStringList>("theirs");
    QTest::addColumn<QStringList>("expected");  // see describe()
    QTest::addColumn<QStringList>("conflicts"); // "kind:base:mine:theirs", 0-based, -1 none
    QTest::addColumn<int>("removedOutside");

    using L = QStringList;
    QTest::newRow("unchanged outside") << L{"a", "b", "R"} << L{"x", "a@0", "b@1", "R@2"}
                                       << L{"a", "b", "R"} << L{"x", "a", "b", "R"} << L{} << 0;
    QTest::newRow("inserted at the top outside")
        << L{"R"} << L{"x", "R@0"} << L{"o", "R"} << L{"*o", "x", "R"} << L{} << 0;
    QTest::newRow("appended outside") << L{"a", "R"} << L{"a@0", "x", "R@1"} << L{"a", "R", "o"}
                                      << L{"a", "x", "R", "*o"} << L{} << 0;
    QTest::newRow("after its neighbour, which the user moved")
        << L{"a", "b", "R"} << L{"b@1", "a@0", "R@2"} << L{"a", "o", "b", "R"}
        << L{"b", "a", "*o", "R"} << L{} << 0;
    QTest::newRow("several outside keep their order")
        << L{"a", "R"} << L{"x", "a@0", "R@1"} << L{"o1", "o2", "a", "o3", "R"}
        << L{"*o1", "*o2", "x", "a", "*o3", "R"} << L{} << 0;
    QTest::newRow("neighbour deleted by the user")
        << L{"a", "b", "R"} << L{"a@0", "R@2"} << L{"a", "b", "o", "R"} << L{"a", "*o", "R"} << L{}
        << 0;
    QTest::newRow("user deleted everything")
        << L{"a", "R"} << L{} << L{"o", "a", "R"} << L{"*o"} << L{} << 0;
    QTest::newRow("removed outside stays removed")
        << L{"a", "b", "R"} << L{"a@0", "b@1", "x", "R@2"} << L{"a", "R"} << L{"a", "x", "R"} << L{}
        << 1;
    QTest::newRow("removed outside, added again by the user")
        << L{"a", "b", "R"} << L{"a@0", "b@1", "R@2", "b"} << L{"a", "R"} << L{"a", "R", "b"} << L{}
        << 1;
    QTest::newRow("chain flushed outside")
        << L{"a", "b", "R"} << L{"a@0", "b@1", "x", "R@2"} << L{} << L{"x"} << L{} << 3;
    QTest::newRow("both deleted") << L{"a", "b", "R"} << L{"a@0", "R@2"} << L{"a", "R"}
                                  << L{"a", "R"} << L{} << 0;
    QTest::newRow("deleted here, still there outside")
        << L{"a", "b", "R"} << L{"a@0", "R@2"} << L{"o", "a", "b", "R"} << L{"*o", "a", "R"} << L{}
        << 0;
    QTest::newRow("moves kept") << L{"a", "b", "c"} << L{"c@2", "a@0", "b@1"} << L{"b", "a", "c"}
                                << L{"c", "a", "b"} << L{} << 0;
    QTest::newRow("edit kept") << L{"a", "b", "R"} << L{"a@0", "b2@1", "R@2"}
                               << L{"o", "a", "b", "R"} << L{"*o", "a", "b2", "R"} << L{} << 0;
    QTest::newRow("edited here, removed outside")
        << L{"a", "b", "R"} << L{"a@0", "b2@1", "R@2"} << L{"a", "R"} << L{"a", "b2", "R"}
        << L{"edited-removed:1:1:-1"} << 0;
    QTest::newRow("edited here, changed outside")
        << L{"a", "b", "R"} << L{"a@0", "b2@1", "R@2"} << L{"a", "b3", "R"}
        << L{"a", "*b3", "b2", "R"} << L{"edited-changed:1:1:1"} << 0;
    QTest::newRow("deleted here, changed outside")
        << L{"a", "b", "R"} << L{"a@0", "R@2"} << L{"a", "b3", "R"} << L{"a", "*b3", "R"}
        << L{"deleted-changed:1:-1:1"} << 0;
    QTest::newRow("same edit on both sides") << L{"a", "b", "R"} << L{"a@0", "b3@1", "R@2"}
                                             << L{"a", "b3", "R"} << L{"a", "b3", "R"} << L{} << 0;
    QTest::newRow("both added the same")
        << L{"R"} << L{"x", "R@0"} << L{"x", "R"} << L{"x", "R"} << L{} << 0;
    QTest::newRow("duplicates pair in order")
        << L{"a", "a", "R"} << L{"a@0", "R@2"} << L{"a", "a", "R"} << L{"a", "R"} << L{} << 0;
    QTest::newRow("copy of a kept rule is the user's")
        << L{"a", "R"} << L{"a@0", "a@0", "R@1"} << L{"a", "R"} << L{"a", "a", "R"} << L{} << 0;
}

void TestRuleRebase::merge()
{
    QFETCH(QStringList, base);
    QFETCH(QStringList, mine);
    QFETCH(QStringList, theirs);
    QFETCH(QStringList, expected);
    QFETCH(QStringList, conflicts);
    QFETCH(int, removedOutside);

    const QVector<RuleRebase::MineRule> rows = mineRows(mine);
    const RuleRebase::Result result = RuleRebase::merge(base, rows, theirs);
    QCOMPARE(describe(result, keysOf(rows), theirs), expected);
    QStringList actual;
    for (const RuleRebase::Conflict &c : result.conflicts) {
        actual << QStringLiteral("%1:%2:%3:%4")
                      .arg(kindName(c.kind))
                      .arg(c.baseIndex)
                      .arg(c.mineIndex)
                      .arg(c.theirsIndex);
    }
    QCOMPARE(actual, conflicts);
    QCOMPARE(result.removedOutside, removedOutside);
    QCOMPARE(result.addedOutside,
             int(expected.filter(QRegularExpression(QStringLiteral("^\\*"))).size()));

    // Whatever the case: each kernel rule stands for one entry at most, an entry that is a
    // kernel rule has its text, and every rule added outside is still there unless the user
    // had it already (then it is the user's row).
    QSet<int> seen;
    for (const RuleRebase::Entry &e : result.entries) {
        QVERIFY(e.mineIndex >= 0 || e.theirsIndex >= 0);
        if (e.theirsIndex >= 0) {
            QVERIFY(!seen.contains(e.theirsIndex));
            seen.insert(e.theirsIndex);
        }
        if (e.mineIndex < 0) {
            QVERIFY(e.addedOutside);
        }
    }
    QMultiHash<QString, int> inBase;
    for (const QString &b : base) {
        inBase.insert(b, 0);
    }
    for (int j = 0; j < theirs.size(); ++j) {
        if (inBase.remove(theirs.at(j)) == 0) {
            QVERIFY2(seen.contains(j) || expected.contains(theirs.at(j)),
                     qPrintable(QStringLiteral("rule added outside lost: ") + theirs.at(j)));
        }
    }
}

void TestRuleRebase::textsPairByContent()
{
    // Without origins, rows pair with base rules by text: an edit is a deletion and an addition.
    const RuleRebase::Result result = RuleRebase::merge({"a", "b", "R"}, QStringList{"x", "a", "R"},
                                                        QStringList{"a", "o", "b", "R"});
    QCOMPARE(describe(result, {"x", "a", "R"}, {"a", "o", "b", "R"}),
             (QStringList{"x", "a", "*o", "R"}));
    QCOMPARE(result.entries.at(0).theirsIndex, -1);
    QCOMPARE(result.entries.at(1).theirsIndex, 0);
    QCOMPARE(result.entries.at(1).mineIndex, 1);
    QCOMPARE(result.entries.at(3).theirsIndex, 3);
}

void TestRuleRebase::largeChainIsFast()
{
    // 100,000 rules reversed by the user while 1,000 are inserted outside: well under a second.
    QStringList base;
    for (int i = 0; i < 100000; ++i) {
        base << QStringLiteral("-s 10.%1.%2.0/24 -j DROP").arg(i / 256).arg(i % 256);
    }
    QStringList mine = base;
    std::reverse(mine.begin(), mine.end());
    QStringList theirs = base;
    for (int i = 0; i < 1000; ++i) {
        theirs.insert(i * 100,
                      QStringLiteral("-d 192.0.%1.%2/32 -j DROP").arg(i / 256).arg(i % 256));
    }
    QElapsedTimer timer;
    timer.start();
    const RuleRebase::Result result = RuleRebase::merge(base, mine, theirs);
    QVERIFY2(timer.elapsed() < 3000, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(result.entries.size(), 101000);
    QCOMPARE(result.addedOutside, 1000);
}

QTEST_GUILESS_MAIN(TestRuleRebase)
#include "tst_rulerebase.moc"

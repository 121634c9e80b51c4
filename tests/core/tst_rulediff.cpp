#include "rulediff.h"

#include <QtTest>

using namespace Userchain;

class TestRuleDiff : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void compute_data();
    void compute();
    void largeReorderIsFast();
    void format();
};

void TestRuleDiff::compute_data()
{
    QTest::addColumn<QStringList>("oldSpecs");
    QTest::addColumn<QStringList>("newSpecs");
    // Each change as "kind:old:new" with 1-based positions, 0 for none.
    QTest::addColumn<QStringList>("expected");

    const QString a = QStringLiteral("-s 10.0.0.1/32 -j DROP");
    const QString b = QStringLiteral("-i eth0 -j DROP");
    const QString c = QStringLiteral("-j RETURN");
    const QString d = QStringLiteral("-p tcp -m tcp --dport 22 -j ACCEPT");

    QTest::newRow("identical") << QStringList{a, b, c} << QStringList{a, b, c} << QStringList{};
    QTest::newRow("empty to rules")
        << QStringList{} << QStringList{a, b}
        << QStringList{QStringLiteral("added:0:1"), QStringLiteral("added:0:2")};
    QTest::newRow("rules to empty")
        << QStringList{a, b} << QStringList{}
        << QStringList{QStringLiteral("removed:1:0"), QStringLiteral("removed:2:0")};
    QTest::newRow("insert before RETURN")
        << QStringList{a, c} << QStringList{a, d, c} << QStringList{QStringLiteral("added:0:2")};
    QTest::newRow("remove middle")
        << QStringList{a, b, c} << QStringList{a, c} << QStringList{QStringLiteral("removed:2:0")};
    QTest::newRow("move last to top") << QStringList{a, b, c, d} << QStringList{d, a, b, c}
                                      << QStringList{QStringLiteral("moved:4:1")};
    QTest::newRow("swap two") << QStringList{a, b} << QStringList{b, a}
                              << QStringList{QStringLiteral("moved:2:1")};
    QTest::newRow("duplicates pair in order")
        << QStringList{a, a, c} << QStringList{a, c} << QStringList{QStringLiteral("removed:2:0")};
    QTest::newRow("replace one") << QStringList{a, b, c} << QStringList{a, d, c}
                                 << QStringList{QStringLiteral("removed:2:0"),
                                                QStringLiteral("added:0:2")};
    QTest::newRow("mixed") << QStringList{a, b, c} << QStringList{c, d, a}
                           << QStringList{QStringLiteral("removed:2:0"),
                                          QStringLiteral("moved:3:1"), QStringLiteral("added:0:2")};
}

void TestRuleDiff::compute()
{
    QFETCH(QStringList, oldSpecs);
    QFETCH(QStringList, newSpecs);
    QFETCH(QStringList, expected);

    QStringList actual;
    for (const RuleDiff::Change &change : RuleDiff::compute(oldSpecs, newSpecs)) {
        const char *kind = change.kind == RuleDiff::Kind::Added     ? "added"
                           : change.kind == RuleDiff::Kind::Removed ? "removed"
                                                                    : "moved";
        actual.append(QStringLiteral("%1:%2:%3")
                          .arg(QLatin1String(kind))
                          .arg(change.oldIndex + 1)
                          .arg(change.newIndex + 1));
    }
    QCOMPARE(actual, expected);
}

void TestRuleDiff::largeReorderIsFast()
{
    QStringList oldSpecs;
    for (int i = 0; i < 100000; ++i)
        oldSpecs.append(QStringLiteral("-s 10.%1.%2.%3/32 -j DROP")
                            .arg(i >> 16)
                            .arg((i >> 8) & 255)
                            .arg(i & 255));
    QStringList newSpecs = oldSpecs;
    std::reverse(newSpecs.begin(), newSpecs.end());
    QElapsedTimer timer;
    timer.start();
    const auto changes = RuleDiff::compute(oldSpecs, newSpecs);
    // Reversing keeps one rule in place (a longest increasing run of length 1).
    QCOMPARE(changes.size(), 99999);
    QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
}

void TestRuleDiff::format()
{
    const auto changes = RuleDiff::compute(
        {QStringLiteral("-j RETURN"), QStringLiteral("-i eth0 -j DROP")},
        {QStringLiteral("-i eth0 -j DROP"), QStringLiteral("-s 1.2.3.4/32 -j DROP")});
    const QString text = RuleDiff::format(changes, QStringLiteral("DOCKER-USER"));
    QCOMPARE(text, QStringLiteral("- -A DOCKER-USER -j RETURN    # removed, was 1\n"
                                  "+ -A DOCKER-USER -s 1.2.3.4/32 -j DROP    # added as 2\n"));
    QCOMPARE(RuleDiff::summary(changes), QStringLiteral("1 added, 1 removed, 0 moved"));
    QCOMPARE(RuleDiff::summary({}), QStringLiteral("no changes"));
}

QTEST_GUILESS_MAIN(TestRuleDiff)
#include "tst_rulediff.moc"

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
    void withContext_data();
    void withContext();
    void withContextAgreesWithCompute();
    void utf8ViewsAgreeWithStrings();
    void lines();
    void dataHasNoWords();
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

void TestRuleDiff::withContext_data()
{
    QTest::addColumn<QStringList>("oldSpecs");
    QTest::addColumn<QStringList>("newSpecs");
    // Each line as "kind:old:new:spec" with 1-based positions, 0 for none.
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("same") << QStringList{"a", "b"} << QStringList{"a", "b"}
                          << QStringList{"kept:1:1:a", "kept:2:2:b"};
    QTest::newRow("added") << QStringList{"a"} << QStringList{"x", "a"}
                           << QStringList{"added:0:1:x", "kept:1:2:a"};
    QTest::newRow("removed in the middle stays where it stood")
        << QStringList{"a", "b", "c"} << QStringList{"a", "c"}
        << QStringList{"kept:1:1:a", "removed:2:0:b", "kept:3:2:c"};
    QTest::newRow("removed first and last")
        << QStringList{"x", "a", "y"} << QStringList{"a"}
        << QStringList{"removed:1:0:x", "kept:2:1:a", "removed:3:0:y"};
    QTest::newRow("moved") << QStringList{"a", "b", "c"} << QStringList{"c", "a", "b"}
                           << QStringList{"moved:3:1:c", "kept:1:2:a", "kept:2:3:b"};
    QTest::newRow("duplicates") << QStringList{"a", "a"} << QStringList{"a"}
                                << QStringList{"kept:1:1:a", "removed:2:0:a"};
    QTest::newRow("everything removed")
        << QStringList{"a", "b"} << QStringList{} << QStringList{"removed:1:0:a", "removed:2:0:b"};
    QTest::newRow("mixed") << QStringList{"a", "b", "c"} << QStringList{"c", "d", "a"}
                           << QStringList{"moved:3:1:c", "added:0:2:d", "kept:1:3:a",
                                          "removed:2:0:b"};
}

void TestRuleDiff::withContext()
{
    QFETCH(QStringList, oldSpecs);
    QFETCH(QStringList, newSpecs);
    QFETCH(QStringList, expected);
    QStringList actual;
    for (const RuleDiff::Change &line : RuleDiff::withContext(oldSpecs, newSpecs)) {
        const char *kind = line.kind == RuleDiff::Kind::Added     ? "added"
                           : line.kind == RuleDiff::Kind::Removed ? "removed"
                           : line.kind == RuleDiff::Kind::Moved   ? "moved"
                                                                  : "kept";
        actual.append(QStringLiteral("%1:%2:%3:%4")
                          .arg(QLatin1String(kind))
                          .arg(line.oldIndex + 1)
                          .arg(line.newIndex + 1)
                          .arg(line.spec));
    }
    QCOMPARE(actual, expected);
}

void TestRuleDiff::withContextAgreesWithCompute()
{
    // The same changes, with the kept rules in between; the CLI's text gains "  " lines only.
    const QStringList oldSpecs{QStringLiteral("-j RETURN"), QStringLiteral("-i eth0 -j DROP"),
                               QStringLiteral("-s 10.0.0.1/32 -j DROP")};
    const QStringList newSpecs{QStringLiteral("-s 10.0.0.1/32 -j DROP"),
                               QStringLiteral("-s 1.2.3.4/32 -j DROP"),
                               QStringLiteral("-j RETURN")};
    const auto lines = RuleDiff::withContext(oldSpecs, newSpecs);
    QVector<RuleDiff::Change> changes;
    for (const RuleDiff::Change &line : lines)
        if (line.kind != RuleDiff::Kind::Kept)
            changes.append(line);
    QCOMPARE(changes.size(), RuleDiff::compute(oldSpecs, newSpecs).size());
    QCOMPARE(RuleDiff::summary(lines), RuleDiff::summary(RuleDiff::compute(oldSpecs, newSpecs)));
    QCOMPARE(RuleDiff::format(lines, QStringLiteral("DOCKER-USER")),
             QStringLiteral("~ -A DOCKER-USER -s 10.0.0.1/32 -j DROP    # moved 3 -> 1\n"
                            "+ -A DOCKER-USER -s 1.2.3.4/32 -j DROP    # added as 2\n"
                            "  -A DOCKER-USER -j RETURN\n"
                            "- -A DOCKER-USER -i eth0 -j DROP    # removed, was 2\n"));
}

void TestRuleDiff::utf8ViewsAgreeWithStrings()
{
    // The command line diffs the helper's UTF-8 lists without converting them: the same
    // pairing (duplicates pair in order), the same text, non-ASCII included.
    QStringList oldSpecs, newSpecs;
    for (int i = 0; i < 200; ++i) {
        oldSpecs << QStringLiteral("-s 10.0.%1.0/24 -m comment --comment \"r\u00e9gle %2\" -j DROP")
                        .arg(i % 37)
                        .arg(i % 11);
        newSpecs << QStringLiteral("-s 10.0.%1.0/24 -m comment --comment \"r\u00e9gle %2\" -j DROP")
                        .arg((i * 7) % 41)
                        .arg(i % 11);
    }
    const QByteArray oldText = oldSpecs.join(QLatin1Char('\n')).toUtf8() + '\n';
    const QByteArray newText = newSpecs.join(QLatin1Char('\n')).toUtf8() + '\n';
    const QList<QByteArrayView> before = RuleDiff::lines(oldText);
    const QList<QByteArrayView> after = RuleDiff::lines(newText);
    QCOMPARE(before.size(), oldSpecs.size());
    const auto fromViews = RuleDiff::compute(before, after);
    const auto fromStrings = RuleDiff::compute(oldSpecs, newSpecs);
    QVERIFY(!fromStrings.isEmpty());
    QCOMPARE(RuleDiff::formatData(RuleDiff::dataUtf8(fromViews, before, after),
                                  QStringLiteral("DOCKER-USER")),
             RuleDiff::format(fromStrings, QStringLiteral("DOCKER-USER")).toUtf8());
    QCOMPARE(RuleDiff::summary(fromViews), RuleDiff::summary(fromStrings));
}

void TestRuleDiff::dataHasNoWords()
{
    // ApplyFile's diff crosses the bus as data (numbers and specs); the client words it.
    const QByteArray oldText = "-i eth0 -j DROP\n-s 10.0.0.1/32 -j DROP\n-j RETURN\n";
    const QByteArray newText = "-j RETURN\n-s 10.0.0.1/32 -j DROP\n-s 10.9.9.9/32 -j DROP\n";
    const QList<QByteArrayView> before = RuleDiff::lines(oldText);
    const QList<QByteArrayView> after = RuleDiff::lines(newText);
    const auto changes = RuleDiff::compute(before, after);
    const QByteArray data = RuleDiff::dataUtf8(changes, before, after);
    QCOMPARE(data, QByteArray("- 1 0 -i eth0 -j DROP\n"
                              "~ 3 1 -j RETURN\n"
                              "+ 0 3 -s 10.9.9.9/32 -j DROP\n"));
    QVERIFY(!data.contains('#'));
    const QStringList oldSpecs =
        QString::fromUtf8(oldText).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    const QStringList newSpecs =
        QString::fromUtf8(newText).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(RuleDiff::formatData(data, QStringLiteral("DOCKER-USER")),
             RuleDiff::format(RuleDiff::compute(oldSpecs, newSpecs), QStringLiteral("DOCKER-USER"))
                 .toUtf8());
    // Lines not in the form (a newer helper's, or damage) are left out, not misread.
    QCOMPARE(RuleDiff::formatData("? 1 2 x\n+ 0 x -j DROP\n- 0 0 -j DROP\n+ 0 1 -j DROP",
                                  QStringLiteral("C")),
             QByteArray("+ -A C -j DROP    # added as 1\n"));
    QCOMPARE(RuleDiff::formatData(QByteArray(), QStringLiteral("C")), QByteArray());
}

void TestRuleDiff::lines()
{
    QCOMPARE(RuleDiff::lines(QByteArray()).size(), 0);
    const QByteArray text = "a\n\nb c\nd";
    const QList<QByteArrayView> split = RuleDiff::lines(text);
    QCOMPARE(split.size(), 4);
    QCOMPARE(split.at(0), QByteArrayView("a"));
    QCOMPARE(split.at(1), QByteArrayView(""));
    QCOMPARE(split.at(2), QByteArrayView("b c"));
    QCOMPARE(split.at(3), QByteArrayView("d"));
}

QTEST_GUILESS_MAIN(TestRuleDiff)
#include "tst_rulediff.moc"

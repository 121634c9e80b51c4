#include "restorefile.h"
#include "restorescan.h"

#include <QTest>

using namespace Userchain;

/**
 * importDockerUserWithMemo, as the helper's ApplyFile reads each file with the rule lines of the
 * one before: whatever the memo holds, the result is exactly that of a fresh import, and the memo
 * then (its update applied) holds this file's rule lines and nothing else.
 */
class TestImportMemo : public QObject
{
    Q_OBJECT

private slots:
    void sameAsFreshImport_data();
    void sameAsFreshImport();
    void familiesKeptApart();
    void holdsOnlyTheLastFile();
    void boundedLikeAChain();
};

namespace {

/// A restore file of count rules (enough for the scan to run on several threads), variant
/// changing some of them, followed by extra lines before COMMIT.
QByteArray rulesFile(int count, int variant, const QByteArray &extra = QByteArray())
{
    QByteArray out = "*filter\n:DOCKER-USER - [0:0]\n-F DOCKER-USER\n";
    for (int i = 0; i < count; ++i) {
        const int port = 1024 + (i + (i % 500 == 0 ? variant : 0)) % 60000;
        out += "-A DOCKER-USER -s 10." + QByteArray::number((i >> 8) & 255) + '.' +
               QByteArray::number(i & 255) + ".1/32 -i eth0 -p tcp -m tcp --dport " +
               QByteArray::number(port) + " -j " + (i % 2 ? "DROP" : "RETURN") + '\n';
    }
    return out + extra + "-A DOCKER-USER -j RETURN\nCOMMIT\n";
}

/// An import with the memo, whose update is then applied (as the helper does after answering).
DockerUserImport importWith(const QByteArray &data, Family family, RestoreScan::ScanMemo *memo)
{
    RestoreScan::ScanMemoUpdate update;
    DockerUserImport imported = importDockerUserWithMemo(data, family, memo, &update);
    RestoreScan::apply(std::move(update), memo);
    return imported;
}

void compareImports(const DockerUserImport &memo, const DockerUserImport &fresh)
{
    QCOMPARE(memo.rules, fresh.rules);
    QCOMPARE(memo.lines, fresh.lines);
    QCOMPARE(memo.steps.size(), fresh.steps.size());
    for (qsizetype i = 0; i < fresh.steps.size(); ++i) {
        QCOMPARE(memo.steps[i].rule, fresh.steps[i].rule);
        QCOMPARE(memo.steps[i].insert, fresh.steps[i].insert);
        QCOMPARE(memo.steps[i].position, fresh.steps[i].position);
    }
    QCOMPARE(memo.errors.size(), fresh.errors.size());
    for (qsizetype i = 0; i < fresh.errors.size(); ++i) {
        QCOMPARE(memo.errors[i].line, fresh.errors[i].line);
        QCOMPARE(memo.errors[i].message, fresh.errors[i].message);
    }
    QCOMPARE(memo.notes.size(), fresh.notes.size());
    QCOMPARE(memo.tooManyRules, fresh.tooManyRules);
    if (!memo.ok())
        return;
    QCOMPARE(memo.texts.size(), memo.rules.size());
    for (qsizetype i = 0; i < memo.rules.size(); ++i)
        QCOMPARE(memo.texts[i], memo.rules[i].toString());
}

} // namespace

void TestImportMemo::sameAsFreshImport_data()
{
    QTest::addColumn<QByteArray>("next");
    const QByteArray base = rulesFile(3000, 0);
    QTest::newRow("the same file") << base;
    QTest::newRow("some rules changed") << rulesFile(3000, 7);
    QTest::newRow("one digit more") << QByteArray(base).replace("--dport 1024 ", "--dport 10240 ");
    QTest::newRow("a line dropped")
        << QByteArray(base).replace("-A DOCKER-USER -s 10.0.5.1/32 -i eth0 -p tcp -m tcp "
                                    "--dport 1029 -j DROP\n",
                                    "");
    QTest::newRow("inserts, a list, counters, another chain")
        << rulesFile(3000, 0,
                     "-I DOCKER-USER 2 -j DROP\n-A DOCKER-USER -s 10.9.9.1,10.9.9.2 -j ACCEPT\n"
                     "[5:300] -A DOCKER-USER -m comment --comment \"it's\" -j RETURN\n"
                     "-A FORWARD -j DOCKER-USER\n");
    QTest::newRow("a rule refused") << QByteArray(base).replace("--dport 1030 ", "--dport 99999 ");
    QTest::newRow("trailing space")
        << QByteArray(base).replace("--dport 1031 -j DROP\n", "--dport 1031 -j DROP \n");
    QTest::newRow("windows line end")
        << QByteArray(base).replace("--dport 1031 -j DROP\n", "--dport 1031 -j DROP\r\n");
    QTest::newRow("no final line break") << base.chopped(1);
    QTest::newRow("a flush after rules")
        << rulesFile(3000, 0,
                     "-F DOCKER-USER\n-A DOCKER-USER -s 10.0.5.1/32 -i eth0 -p tcp "
                     "-m tcp --dport 1029 -j DROP\n");
    QTest::newRow("plain lines") << QByteArray("-A DOCKER-USER -s 10.0.5.1/32 -i eth0 -p tcp -m "
                                               "tcp --dport 1029 -j DROP\n");
}

void TestImportMemo::sameAsFreshImport()
{
    QFETCH(QByteArray, next);
    RestoreScan::ScanMemo memo;
    const QByteArray base = rulesFile(3000, 0);
    compareImports(importWith(base, Family::IPv4, &memo), importDockerUser(base, Family::IPv4));
    QVERIFY(!memo.lines.isEmpty());
    compareImports(importWith(next, Family::IPv4, &memo), importDockerUser(next, Family::IPv4));
    // And back: the memo now holds what the second file left.
    compareImports(importWith(base, Family::IPv4, &memo), importDockerUser(base, Family::IPv4));
}

void TestImportMemo::familiesKeptApart()
{
    // The same bytes mean an IPv4 rule in one family and nothing valid in the other: a memo
    // made for IPv4 must not answer for IPv6.
    const QByteArray file = rulesFile(3000, 0);
    RestoreScan::ScanMemo memo;
    const DockerUserImport v4 = importWith(file, Family::IPv4, &memo);
    QVERIFY(v4.ok());
    const DockerUserImport v6 = importWith(file, Family::IPv6, &memo);
    QVERIFY(!v6.ok());
    compareImports(v6, importDockerUser(file, Family::IPv6));
    QCOMPARE(memo.family, Family::IPv6);
    compareImports(importWith(file, Family::IPv4, &memo), importDockerUser(file, Family::IPv4));
}

void TestImportMemo::holdsOnlyTheLastFile()
{
    RestoreScan::ScanMemo memo;
    importWith(rulesFile(3000, 0), Family::IPv4, &memo);
    QCOMPARE(memo.lines.size(), 3001); // the rules and the final RETURN
    const QByteArray next = rulesFile(100, 3);
    importWith(next, Family::IPv4, &memo);
    QCOMPARE(memo.lines.size(), 101);
    const QList<QByteArray> lines = next.split('\n');
    for (auto it = memo.lines.cbegin(); it != memo.lines.cend(); ++it)
        QVERIFY2(lines.contains(it.key()), it.key().constData());
}

void TestImportMemo::boundedLikeAChain()
{
    // More rule lines than a chain may have: the memo stops at its capacity, and the import
    // is still the fresh one.
    QByteArray file = "*filter\n:DOCKER-USER - [0:0]\n";
    for (int i = 0; i < RestoreScan::ScanMemo::Capacity + 10; ++i)
        file += "-A DOCKER-USER -s 10." + QByteArray::number((i >> 16) & 255) + '.' +
                QByteArray::number((i >> 8) & 255) + '.' + QByteArray::number(i & 255) +
                " -j DROP\n";
    file += "COMMIT\n";
    RestoreScan::ScanMemo memo;
    const DockerUserImport imported = importWith(file, Family::IPv4, &memo);
    QCOMPARE(memo.lines.size(), RestoreScan::ScanMemo::Capacity);
    QCOMPARE(imported.tooManyRules, true);
}

QTEST_GUILESS_MAIN(TestImportMemo)
#include "tst_importmemo.moc"

// InvalidRule's message as data (issue 11 item 5): where, the token, a reason code with
// arguments, and the helper's words only as a fallback; read back exactly by the clients.

#include "rulerefusal.h"

#include <QTest>

using namespace Userchain;

class TestRuleRefusal : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void message();
    void olderHelper();
    void notMisread();
};

void TestRuleRefusal::roundTrip_data()
{
    QTest::addColumn<int>("where");
    QTest::addColumn<int>("number");
    QTest::addColumn<int>("tokenIndex");
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("line");
    using W = RuleRefusal::Where;
    QTest::newRow("parse, with token")
        << int(W::Rule) << 3 << 2 << QStringLiteral("--dprot") << QStringLiteral("parse")
        << QStringList() << QStringLiteral("unknown option \"--dprot\" (did you mean --dport?)")
        << QStringLiteral("rule 3 token 2 \"--dprot\" parse: unknown option \"--dprot\" (did you "
                          "mean --dport?)");
    QTest::newRow("args") << int(W::Line) << 12 << -1 << QString() << QStringLiteral("too-long")
                          << QStringList{QStringLiteral("4352")}
                          << QStringLiteral("longer than 4352 bytes")
                          << QStringLiteral("line 12 too-long \"4352\": longer than 4352 bytes");
    // A token may hold anything iptables-restore's quotes allow, colons and quotes included.
    QTest::newRow("awkward token")
        << int(W::Rule) << 1 << 5 << QStringLiteral("a \"b\": \\c\nd") << QStringLiteral("parse")
        << QStringList{QString(), QStringLiteral("x: y")} << QStringLiteral("words: more")
        << QStringLiteral(
               "rule 1 token 5 \"a \\\"b\\\": \\\\c\\nd\" parse \"\" \"x: y\": words: more");
    QTest::newRow("more") << int(W::More) << 17 << -1 << QString() << QString() << QStringList()
                          << QStringLiteral("(17 more errors)")
                          << QStringLiteral("more 17: (17 more errors)");
}

void TestRuleRefusal::roundTrip()
{
    QFETCH(int, where);
    QFETCH(int, number);
    QFETCH(int, tokenIndex);
    QFETCH(QString, token);
    QFETCH(QString, reason);
    QFETCH(QStringList, args);
    QFETCH(QString, text);
    QFETCH(QString, line);
    const RuleRefusal refusal{
        RuleRefusal::Where(where), number, tokenIndex, token, reason, args, text};
    QCOMPARE(refusal.toLine(), line);
    const QList<RuleRefusal> read = RuleRefusal::fromMessage(line);
    QCOMPARE(read.size(), 1);
    QCOMPARE(int(read[0].where), where);
    QCOMPARE(read[0].number, number);
    QCOMPARE(read[0].tokenIndex, tokenIndex);
    QCOMPARE(read[0].token, token);
    QCOMPARE(read[0].reason, reason);
    QCOMPARE(read[0].args, args);
    QCOMPARE(read[0].text, text);
}

void TestRuleRefusal::message()
{
    // One refusal a line; the words never break a line.
    const RuleRefusal a{RuleRefusal::Where::Line,    3, -1, {}, QStringLiteral("file"), {},
                        QStringLiteral("two\nlines")};
    const RuleRefusal b{RuleRefusal::Where::Line,
                        5,
                        1,
                        QStringLiteral("300.1.1.1"),
                        QStringLiteral("parse"),
                        {},
                        QStringLiteral("not an address")};
    const QString message = RuleRefusal::toMessage({a, b});
    QCOMPARE(message.count(QLatin1Char('\n')), 1);
    const QList<RuleRefusal> read = RuleRefusal::fromMessage(message);
    QCOMPARE(read.size(), 2);
    QCOMPARE(read[0].text, QStringLiteral("two lines"));
    QCOMPARE(read[1].number, 5);
    QCOMPARE(read[1].token, QStringLiteral("300.1.1.1"));
}

void TestRuleRefusal::olderHelper()
{
    // An older helper's words: the position is still found, the reason is unknown.
    const QList<RuleRefusal> read =
        RuleRefusal::fromMessage(QStringLiteral("rule 2: unknown option\nline 7: bad\nanything"));
    QCOMPARE(read.size(), 3);
    QCOMPARE(read[0].where, RuleRefusal::Where::Rule);
    QCOMPARE(read[0].number, 2);
    QVERIFY(read[0].reason.isEmpty());
    QCOMPARE(read[0].text, QStringLiteral("unknown option"));
    QCOMPARE(read[1].where, RuleRefusal::Where::Line);
    QCOMPARE(read[1].number, 7);
    QCOMPARE(read[2].number, 0);
    QCOMPARE(read[2].text, QStringLiteral("anything"));
}

void TestRuleRefusal::notMisread()
{
    // Half a form is no form: the whole line stays the words.
    for (const char *line : {"rule x parse: a", "rule 2 token 1 \"unterminated parse: a",
                             "rule 2 Parse: a", "rule 2 parse \"arg: a", "rule 2 parse"}) {
        const QList<RuleRefusal> read = RuleRefusal::fromMessage(QLatin1String(line));
        QCOMPARE(read.size(), 1);
        QVERIFY2(read[0].reason.isEmpty(), line);
    }
}

QTEST_GUILESS_MAIN(TestRuleRefusal)
#include "tst_rulerefusal.moc"

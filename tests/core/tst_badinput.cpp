#include "netns.h"
#include "restorefile.h"
#include "ruleparser.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Userchain;

/**
 * Bad input gets a clear, specific error and changes nothing: every malformed rule in
 * tests/data/bad-rules.txt and every file in tests/data/bad-files/ is refused with exactly the
 * expected message. The real iptables-restore refuses each of them too (checked here), so the
 * list never holds something iptables would take.
 */
class TestBadInput : public QObject
{
    Q_OBJECT

private slots:
    void rules_data();
    void rules();
    void files_data();
    void files();
    void iptablesRefusesThemToo();
};

static QList<QByteArray> dataLines(const char *name)
{
    QFile f(QStringLiteral(USERCHAIN_TEST_DATA_DIR "/") + QLatin1String(name));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QList<QByteArray> out;
    for (const QByteArray &l : f.readAll().split('\n'))
        if (!l.trimmed().isEmpty() && !l.startsWith('#'))
            out << l;
    return out;
}

void TestBadInput::rules_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("expected");
    const QList<QByteArray> rules = dataLines("bad-rules.txt");
    const QList<QByteArray> expected = dataLines("bad-rules.expected");
    QVERIFY2(rules.size() >= 50, "at least 50 malformed rules");
    QCOMPARE(expected.size(), rules.size());
    for (int i = 0; i < rules.size(); ++i) {
        const int tab = expected[i].indexOf('\t');
        QCOMPARE(expected[i].left(tab), rules[i]);
        QTest::addRow("%d: %s", i + 1, rules[i].left(60).constData())
            << QString::fromUtf8(rules[i]) << QString::fromUtf8(expected[i].mid(tab + 1));
    }
}

void TestBadInput::rules()
{
    QFETCH(QString, spec);
    QFETCH(QString, expected);
    RuleError error;
    auto rule = RuleParser::parse(spec, Family::IPv4, &error);
    if (rule && !RuleParser::checkJumpTarget(*rule, {QStringLiteral("DOCKER")}, &error))
        rule.reset();
    if (expected == QLatin1String("KERNEL")) {
        QVERIFY2(rule, "documented as accepted by the parser and refused by the kernel");
        return;
    }
    QVERIFY2(!rule,
             qPrintable(QStringLiteral("accepted: ") + (rule ? rule->toString() : QString())));
    QCOMPARE(error.message, expected);
    // The token named by the error is one of the rule's own tokens.
    if (error.tokenIndex >= 0)
        QVERIFY(spec.contains(error.token));
}

void TestBadInput::files_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("expected");
    const QList<QByteArray> expected = dataLines("bad-files.expected");
    const QStringList files =
        QDir(QStringLiteral(USERCHAIN_TEST_DATA_DIR "/bad-files")).entryList(QDir::Files);
    QVERIFY(files.size() >= 10);
    QCOMPARE(expected.size(), files.size());
    for (const QByteArray &e : expected) {
        const QList<QByteArray> cols = e.split('\t');
        QCOMPARE(cols.size(), 3);
        QTest::newRow(cols[0].constData())
            << QString::fromUtf8(cols[0]) << cols[1].toInt() << QString::fromUtf8(cols[2]);
    }
}

void TestBadInput::files()
{
    QFETCH(QString, file);
    QFETCH(int, line);
    QFETCH(QString, expected);
    QFile f(QStringLiteral(USERCHAIN_TEST_DATA_DIR "/bad-files/") + file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    // As iptables-restore sees them in a fresh namespace: no chains but the file's own.
    const QStringList none;
    const DockerUserImport result = importDockerUser(f.readAll(), Family::IPv4, &none);
    QVERIFY(!result.ok());
    QVERIFY(result.rules.isEmpty() || !result.errors.isEmpty());
    QCOMPARE(result.errors.size(), 1);
    QCOMPARE(result.errors.first().line, line);
    QCOMPARE(result.errors.first().message, expected);
    QCOMPARE(result.errors.first().toString(file),
             QStringLiteral("%1:%2: %3").arg(file).arg(line).arg(expected));
}

void TestBadInput::iptablesRefusesThemToo()
{
    if (!TestNetns::available())
        QFAIL("needs root for unshare --net (run through scripts/test)");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    int n = 0;
    for (const QByteArray &rule : dataLines("bad-rules.txt")) {
        QFile f(dir.filePath(QStringLiteral("rule%1.rules").arg(++n, 4, 10, QLatin1Char('0'))));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("*filter\n:DOCKER-USER - [0:0]\n:DOCKER - [0:0]\n-A DOCKER-USER " + rule +
                "\nCOMMIT\n");
    }
    const QString files = QStringLiteral(USERCHAIN_TEST_DATA_DIR "/bad-files");
    const TestNetns::Result r = TestNetns::runScript(
        QStringLiteral("sh '%1' || exit 2; for f in '%2'/*.rules '%3'/*; do "
                       "iptables-legacy-restore < \"$f\" 2>/dev/null && echo \"ACCEPTED $f\"; "
                       "iptables-legacy-restore < /dev/null; done; exit 0")
            .arg(QStringLiteral(USERCHAIN_TEST_DATA_DIR "/corpus-setup.sh"), dir.path(), files));
    QCOMPARE(r.exitCode, 0);
    // double-commit.rules is refused with a non-zero exit; every other one too.
    QCOMPARE(QString::fromUtf8(r.out), QString());
}

QTEST_GUILESS_MAIN(TestBadInput)
#include "tst_badinput.moc"

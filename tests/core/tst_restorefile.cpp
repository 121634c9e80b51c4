#include "restorefile.h"
#include "restoretokenizer.h"
#include "ruleparser.h"

#include <QTest>

using namespace Userchain;

/// iptables-restore's tokenizer and file format, import of DOCKER-USER, and the export form.
class TestRestoreFile : public QObject
{
    Q_OBJECT

private slots:
    void restoreLineBounds_data();
    void restoreLineBounds();
    void tokenize_data();
    void tokenize();
    void unterminatedQuote();
    void quoteRoundTrip_data();
    void quoteRoundTrip();
    void importRestoreFile();
    void importPlainLines();
    void importInsertSemantics();
    void importInsertsAtAnyPosition();
    void importStopsAfterMaxRules();
    void importStopsAfterManyErrors();
    void importReportsEveryBadLine();
    void importChecksJumpsOnlyAgainstKnownChains();
    void importStepsInFileOrder();
    void importCountsRulesBefore();
    void importRefusesOtherFamilyTool();
    void ruleLine_data();
    void ruleLine();
    void exportForm();
    void addressLists();
};

void TestRestoreFile::tokenize_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("spaces and tabs")
        << QStringLiteral("-A  X\t-j DROP") << QStringList{"-A", "X", "-j", "DROP"};
    QTest::newRow("double quotes")
        << QStringLiteral("--comment \"a b\"") << QStringList{"--comment", "a b"};
    QTest::newRow("escape in quotes") << QStringLiteral("--comment \"say \\\"hi\\\" \\\\ ok\"")
                                      << QStringList{"--comment", "say \"hi\" \\ ok"};
    QTest::newRow("single quote is ordinary")
        << QStringLiteral("--comment it's") << QStringList{"--comment", "it's"};
    QTest::newRow("single quotes do not group")
        << QStringLiteral("--comment 'a b'") << QStringList{"--comment", "'a", "b'"};
    QTest::newRow("backslash outside quotes") << QStringLiteral("a\\b") << QStringList{"a\\b"};
    QTest::newRow("empty quoted") << QStringLiteral("--comment \"\" -j X")
                                  << QStringList{"--comment", "", "-j", "X"};
    QTest::newRow("quote mid word") << QStringLiteral("ab\"c d\"") << QStringList{"abc d"};
    QTest::newRow("closing quote ends arg")
        << QStringLiteral("\"ab\"cd") << QStringList{"ab", "cd"};
}

void TestRestoreFile::tokenize()
{
    QFETCH(QString, line);
    QFETCH(QStringList, expected);
    QString error;
    const auto args = RestoreTokenizer::split(line, &error);
    QVERIFY2(args, qPrintable(error));
    QCOMPARE(*args, expected);
}

void TestRestoreFile::unterminatedQuote()
{
    QString error;
    QVERIFY(!RestoreTokenizer::split(QStringLiteral("-s \"10.0.0.1 -j DROP"), &error));
    QCOMPARE(error, QStringLiteral("unterminated quoted argument"));
}

void TestRestoreFile::quoteRoundTrip_data()
{
    QTest::addColumn<QString>("value");
    QTest::newRow("plain") << QStringLiteral("plain_word-1");
    QTest::newRow("space") << QStringLiteral("two words");
    QTest::newRow("quotes") << QStringLiteral("it's \"quoted\"");
    QTest::newRow("backslash") << QStringLiteral("back\\slash");
    QTest::newRow("empty") << QString();
    QTest::newRow("unicode") << QStringLiteral("Grüße ✓");
}

void TestRestoreFile::quoteRoundTrip()
{
    // What the writer quotes, the tokenizer reads back unchanged.
    QFETCH(QString, value);
    QString error;
    const auto args = RestoreTokenizer::split(
        QStringLiteral("--comment ") + RestoreTokenizer::quote(value), &error);
    QVERIFY(args);
    QCOMPARE(args->size(), 2);
    QCOMPARE(args->at(1), value);
}

void TestRestoreFile::importRestoreFile()
{
    const QByteArray file = "# Docker's example\n"
                            "*nat\n:PREROUTING ACCEPT [0:0]\n-A PREROUTING -j ACCEPT\nCOMMIT\n"
                            "*filter\n"
                            ":DOCKER-USER - [0:0]\n"
                            "-F DOCKER-USER\n"
                            "-A DOCKER-USER -i ext_if ! -s 192.168.1.1 -j DROP\n"
                            "[5:300] -A DOCKER-USER -m comment --comment \"it's\" -j RETURN\n"
                            "-A FORWARD -j DOCKER-USER\n"
                            "COMMIT\n";
    const DockerUserImport r = importDockerUser(file, Family::IPv4);
    QVERIFY(r.ok());
    QCOMPARE(r.rules.size(), 2);
    QCOMPARE(r.rules[0].toString(), QStringLiteral("! -s 192.168.1.1/32 -i ext_if -j DROP"));
    QCOMPARE(r.rules[1].toString(), QStringLiteral("-m comment --comment \"it\\'s\" -j RETURN"));
    QCOMPARE(r.lines, (QVector<int>{9, 10}));
    // Nothing is dropped silently: what was not imported is reported.
    QCOMPARE(r.notes.size(), 2);
    QCOMPARE(r.notes[0].line, 4);
    QCOMPARE(r.notes[1].line, 11);
}

void TestRestoreFile::importPlainLines()
{
    const QByteArray text = "# pasted from Docker's page\n"
                            "iptables -I DOCKER-USER -i ext_if ! -s 192.168.1.1 -j DROP\n"
                            "sudo iptables -A DOCKER-USER -j RETURN\r\n"
                            "-A DOCKER-USER -p tcp --dport 22 -j ACCEPT\n";
    const DockerUserImport r = importDockerUser(text, Family::IPv4);
    QVERIFY(r.ok());
    QCOMPARE(r.rules.size(), 3);
    QCOMPARE(r.rules[2].toString(), QStringLiteral("-p tcp -m tcp --dport 22 -j ACCEPT"));
}

void TestRestoreFile::importInsertSemantics()
{
    const QByteArray text = "-A DOCKER-USER -j RETURN\n"
                            "-I DOCKER-USER -s 1.1.1.1 -j DROP\n"
                            "-I DOCKER-USER 2 -s 2.2.2.2 -j DROP\n";
    const DockerUserImport r = importDockerUser(text, Family::IPv4);
    QVERIFY(r.ok());
    QStringList specs;
    for (const Rule &rule : r.rules)
        specs << rule.toString();
    QCOMPARE(specs, (QStringList{"-s 1.1.1.1/32 -j DROP", "-s 2.2.2.2/32 -j DROP", "-j RETURN"}));
}

void TestRestoreFile::importInsertsAtAnyPosition()
{
    // -I at every kind of position, -A and -F, against inserting into a list one by one.
    QByteArray text;
    QStringList expected;
    quint32 seed = 12345;
    const auto next = [&seed](quint32 bound) {
        seed = seed * 1103515245u + 12345u;
        return (seed >> 8) % bound;
    };
    for (int i = 0; i < 400; ++i) {
        const QString spec = QStringLiteral("-s 10.0.%1.%2/32 -j DROP").arg(i / 256).arg(i % 256);
        const quint32 kind = next(20);
        if (kind == 0) {
            text += "-F DOCKER-USER\n";
            expected.clear();
        } else if (kind < 6) {
            text += "-A DOCKER-USER " + spec.toUtf8() + '\n';
            expected.append(spec);
        } else {
            const int position = int(next(quint32(expected.size() + 1)));
            text +=
                "-I DOCKER-USER " + QByteArray::number(position + 1) + ' ' + spec.toUtf8() + '\n';
            expected.insert(position, spec);
        }
    }
    const QByteArray file = "*filter\n:DOCKER-USER - [0:0]\n" + text + "COMMIT\n";
    const DockerUserImport r = importDockerUser(file, Family::IPv4);
    QVERIFY(r.ok());
    QStringList specs;
    for (const Rule &rule : r.rules)
        specs << rule.toString();
    QCOMPARE(specs, expected);
    QCOMPARE(r.lines.size(), r.rules.size());
}

void TestRestoreFile::importStopsAfterMaxRules()
{
    const DockerUserImport r =
        importDockerUser(QByteArray("-A DOCKER-USER -j DROP\n").repeated(100001), Family::IPv4);
    QCOMPARE(r.errors.size(), 1);
    QCOMPARE(r.errors[0].toString(QStringLiteral("f")),
             QStringLiteral("f:100001: more than 100000 DOCKER-USER rules; the rest of the file "
                            "was not read"));
}

void TestRestoreFile::importStopsAfterManyErrors()
{
    for (const QByteArray &bad :
         {QByteArray("-A DOCKER-USER -p tcp --dprot 80 -j DROP\n"), QByteArray("-Z\n")}) {
        const DockerUserImport r = importDockerUser(bad.repeated(1000), Family::IPv4);
        QCOMPARE(r.errors.size(), 101);
        QCOMPARE(r.errors.last().toString(QStringLiteral("f")),
                 QStringLiteral("f:101: more than 100 errors; the rest of the file was not read"));
    }
}

void TestRestoreFile::importReportsEveryBadLine()
{
    const QByteArray text = "-A DOCKER-USER -s 300.1.1.1 -j DROP\n"
                            "-A DOCKER-USER -j RETURN\n"
                            "-A DOCKER-USER -p tcp --dprot 80 -j DROP\n";
    const DockerUserImport r = importDockerUser(text, Family::IPv4);
    QCOMPARE(r.errors.size(), 2);
    QCOMPARE(r.errors[0].toString(QStringLiteral("rules.txt")),
             QStringLiteral("rules.txt:1: \"300.1.1.1\" is not an IPv4 address"));
    QCOMPARE(r.errors[1].toString(QStringLiteral("rules.txt")),
             QStringLiteral("rules.txt:3: unknown option \"--dprot\" (did you mean --dport?)"));
}

void TestRestoreFile::importChecksJumpsOnlyAgainstKnownChains()
{
    // An export that jumps to Docker's chains loads with iptables-restore -n where they exist;
    // without knowing the live chains, import leaves the jump to the helper.
    const QByteArray exported = exportDockerUser({QStringLiteral("-j DOCKER-ISOLATION-STAGE-1")});
    QVERIFY(importDockerUser(exported, Family::IPv4).ok());
    const QStringList live = {QStringLiteral("DOCKER"), QStringLiteral("DOCKER-ISOLATION-STAGE-1")};
    QVERIFY(importDockerUser(exported, Family::IPv4, &live).ok());
    const QStringList none;
    const DockerUserImport r = importDockerUser(exported, Family::IPv4, &none);
    QCOMPARE(r.errors.size(), 1);
    QCOMPARE(r.errors[0].message,
             QStringLiteral("chain \"DOCKER-ISOLATION-STAGE-1\" does not exist"));
    // Plain lines are checked the same way.
    const QByteArray plain = "-A DOCKER-USER -j NOPE\n";
    QVERIFY(importDockerUser(plain, Family::IPv4).ok());
    QCOMPARE(importDockerUser(plain, Family::IPv4, &live).errors.size(), 1);
}

void TestRestoreFile::importStepsInFileOrder()
{
    // Each rule keeps the command that placed it, so the GUI can place it in a table that is
    // not empty as iptables would.
    const QByteArray text = "iptables -A DOCKER-USER -s 1.1.1.1 -j DROP\n"
                            "sudo iptables -I DOCKER-USER -s 2.2.2.2 -j DROP\n"
                            "-I DOCKER-USER 2 -s 3.3.3.3 -j DROP\n"
                            "--append DOCKER-USER -s 4.4.4.4 -j DROP\n";
    const DockerUserImport r = importDockerUser(text, Family::IPv4);
    QVERIFY(r.ok());
    QStringList specs;
    for (const Rule &rule : r.rules)
        specs << rule.toString();
    QCOMPARE(specs, (QStringList{"-s 2.2.2.2/32 -j DROP", "-s 3.3.3.3/32 -j DROP",
                                 "-s 1.1.1.1/32 -j DROP", "-s 4.4.4.4/32 -j DROP"}));
    QCOMPARE(r.steps.size(), 4);
    const auto step = [&r](int i) {
        return QStringLiteral("%1 %2 %3")
            .arg(r.steps[i].insert ? "I" : "A")
            .arg(r.steps[i].position)
            .arg(r.rules.value(r.steps[i].rule).source);
    };
    QCOMPARE(step(0), QStringLiteral("A 0 1.1.1.1/32"));
    QCOMPARE(step(1), QStringLiteral("I 1 2.2.2.2/32"));
    QCOMPARE(step(2), QStringLiteral("I 2 3.3.3.3/32"));
    QCOMPARE(step(3), QStringLiteral("A 0 4.4.4.4/32"));

    // A restore file's rules are appends; only those after the last flush count.
    const QByteArray file = "*filter\n:DOCKER-USER - [0:0]\n-A DOCKER-USER -j DROP\n"
                            "-F DOCKER-USER\n-A DOCKER-USER -j RETURN\nCOMMIT\n";
    const DockerUserImport f = importDockerUser(file, Family::IPv4);
    QVERIFY(f.ok());
    QCOMPARE(f.rules.size(), 1);
    QCOMPARE(f.steps.size(), 1);
    QCOMPARE(f.steps[0].rule, 0);
    QVERIFY(!f.steps[0].insert);
}

void TestRestoreFile::importCountsRulesBefore()
{
    // Pasted into a table of two rules, "-I DOCKER-USER 3" is the end of it.
    const QByteArray text = "iptables -I DOCKER-USER 3 -s 1.1.1.1 -j DROP\n";
    const DockerUserImport alone = importDockerUser(text, Family::IPv4);
    QCOMPARE(alone.errors.size(), 1);
    QCOMPARE(alone.errors[0].message,
             QStringLiteral("cannot insert at position \"3\": the highest position here is 1"));
    const DockerUserImport r = importDockerUser(text, Family::IPv4, nullptr, 2);
    QVERIFY(r.ok());
    QCOMPARE(r.rules.size(), 1); // the rules already there are not the import's
    QCOMPARE(r.lines, QVector<int>{1});
    QCOMPARE(r.steps.size(), 1);
    QCOMPARE(r.steps[0].rule, 0);
    QCOMPARE(r.steps[0].position, 3);
    QCOMPARE(importDockerUser(text, Family::IPv4, nullptr, 1).errors.size(), 1);
    // A flush takes them away.
    const QByteArray flushed = "*filter\n:DOCKER-USER - [0:0]\n-F DOCKER-USER\n"
                               "-I DOCKER-USER 3 -j DROP\nCOMMIT\n";
    QCOMPARE(importDockerUser(flushed, Family::IPv4, nullptr, 5).errors.size(), 1);
    // Inserted among them, the import's own rules keep their order among themselves.
    const QByteArray mixed = "-A DOCKER-USER -s 1.1.1.1 -j DROP\n"
                             "-I DOCKER-USER 2 -s 2.2.2.2 -j DROP\n";
    const DockerUserImport m = importDockerUser(mixed, Family::IPv4, nullptr, 2);
    QVERIFY(m.ok());
    QCOMPARE(m.rules[0].source, QStringLiteral("2.2.2.2/32"));
    QCOMPARE(m.rules[1].source, QStringLiteral("1.1.1.1/32"));
    QCOMPARE(m.lines, (QVector<int>{2, 1}));
    QCOMPARE(m.steps[0].rule, 1);
    QCOMPARE(m.steps[1].rule, 0);
}

void TestRestoreFile::importRefusesOtherFamilyTool()
{
    const QByteArray v6 = "ip6tables -A DOCKER-USER -i eth0 -j DROP\n";
    const DockerUserImport r = importDockerUser(v6, Family::IPv4);
    QCOMPARE(r.errors.size(), 1);
    QCOMPARE(r.errors[0].toString(QStringLiteral("pasted")),
             QStringLiteral("pasted:1: \"ip6tables\" is the command for IPv6 rules; these rules "
                            "are read as IPv4"));
    QVERIFY(importDockerUser(v6, Family::IPv6).ok());
    const QByteArray v4 = "sudo iptables-nft -A DOCKER-USER -i eth0 -j DROP\n";
    QVERIFY(importDockerUser(v4, Family::IPv4).ok());
    QCOMPARE(importDockerUser(v4, Family::IPv6).errors.size(), 1);
}

void TestRestoreFile::ruleLine_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<int>("family");
    QTest::addColumn<QString>("spec");  // canonical, or empty when refused
    QTest::addColumn<QString>("error"); // the message when refused
    QTest::addColumn<QString>("step");  // "A 0", "I 1", "I 3", or "" for a bare spec
    QTest::newRow("bare spec") << "-i eth0 -j DROP" << 4 << "-i eth0 -j DROP"
                               << ""
                               << "";
    QTest::newRow("Docker's page") << "iptables -I DOCKER-USER -i ext_if ! -s 192.168.1.1 -j DROP"
                                   << 4 << "! -s 192.168.1.1/32 -i ext_if -j DROP"
                                   << ""
                                   << "I 1";
    QTest::newRow("sudo, append") << "sudo iptables -A DOCKER-USER -j RETURN" << 4 << "-j RETURN"
                                  << ""
                                  << "A 0";
    QTest::newRow("position") << "-I DOCKER-USER 3 -p tcp --dport 22 -j DROP" << 4
                              << "-p tcp -m tcp --dport 22 -j DROP"
                              << ""
                              << "I 3";
    QTest::newRow("ip6tables") << "ip6tables -A DOCKER-USER -s 2001:db8::1 -j DROP" << 6
                               << "-s 2001:db8::1/128 -j DROP"
                               << ""
                               << "A 0";
    QTest::newRow("ip6tables in IPv4")
        << "ip6tables -A DOCKER-USER -i eth0 -j DROP" << 4 << ""
        << "\"ip6tables\" is the command for IPv6 rules; these rules are read as IPv4"
        << "";
    QTest::newRow("other chain")
        << "iptables -A FORWARD -j DROP" << 4 << ""
        << "this is a rule of chain \"FORWARD\"; only DOCKER-USER rules are read here"
        << "";
    QTest::newRow("other command") << "iptables -D DOCKER-USER 1" << 4 << ""
                                   << "command \"-D\" is not supported here; use -A or -I"
                                   << "";
    QTest::newRow("no command") << "sudo iptables" << 4 << ""
                                << "a command such as \"-A DOCKER-USER\" is missing"
                                << "";
    QTest::newRow("no chain") << "iptables -A" << 4 << ""
                              << "\"-A\" needs a chain name"
                              << "";
    QTest::newRow("bad position") << "iptables -I DOCKER-USER 0 -j DROP" << 4 << ""
                                  << "\"0\" is not a position in the chain (1 is the top)"
                                  << "";
    QTest::newRow("bad rule") << "iptables -A DOCKER-USER -p tcp --dprot 80 -j DROP" << 4 << ""
                              << "unknown option \"--dprot\" (did you mean --dport?)"
                              << "";
    QTest::newRow("bad spec") << "-s 300.1.1.1 -j DROP" << 4 << ""
                              << "\"300.1.1.1\" is not an IPv4 address"
                              << "";
}

void TestRestoreFile::ruleLine()
{
    QFETCH(QString, line);
    QFETCH(int, family);
    QFETCH(QString, spec);
    QFETCH(QString, error);
    QFETCH(QString, step);
    const RuleLine r = readRuleLine(line, family == 6 ? Family::IPv6 : Family::IPv4);
    QCOMPARE(r.rule ? r.rule->toString() : QString(), spec);
    QCOMPARE(r.rule ? QString() : r.error.message, error);
    if (r.rule) {
        QCOMPARE(r.command, !step.isEmpty());
        if (r.command)
            QCOMPARE(QStringLiteral("%1 %2").arg(r.step.insert ? "I" : "A").arg(r.step.position),
                     step);
    }
    if (line.startsWith(QLatin1String("ip6tables")))
        QCOMPARE(r.toolFamily, std::optional<Family>(Family::IPv6));
}

void TestRestoreFile::exportForm()
{
    const QByteArray out =
        exportDockerUser({QStringLiteral("-s 10.0.0.1/32 -j DROP"), QStringLiteral("-j RETURN")});
    QVERIFY(out.startsWith("#"));
    QVERIFY(out.endsWith("\n"));
    QVERIFY(out.contains(
        "*filter\n:DOCKER-USER - [0:0]\n-F DOCKER-USER\n-A DOCKER-USER -s 10.0.0.1/32 -j DROP\n"
        "-A DOCKER-USER -j RETURN\nCOMMIT\n"));
    RestoreFile file;
    QVector<FileError> errors;
    QVERIFY(RestoreFile::read(out, &file, &errors));
}

void TestRestoreFile::restoreLineBounds_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<bool>("fits");
    const auto words = [](int count) {
        // `-A DOCKER-USER` and `-j DROP` are four of the words.
        return QStringList(count - 4, QStringLiteral("!")).join(QLatin1Char(' ')) +
               QStringLiteral(" -j DROP");
    };
    QTest::newRow("plain") << QStringLiteral("-s 10.0.0.1/32 -j DROP") << true;
    QTest::newRow("200 words") << words(200) << true;
    QTest::newRow("201 words") << words(201) << false;
    // Spaces inside quotes do not make tokens.
    QTest::newRow("quoted spaces")
        << QStringLiteral("-m comment --comment \"%1\" -j DROP").arg(QString(250, QLatin1Char(' ')))
        << true;
    const QString prefix = QStringLiteral("-A DOCKER-USER ");
    const QString comment = QStringLiteral("-m comment --comment ");
    QTest::newRow("8 KiB") << comment +
                                  QString(8192 - prefix.size() - comment.size(), QLatin1Char('a'))
                           << true;
    QTest::newRow("8 KiB and a byte")
        << comment + QString(8193 - prefix.size() - comment.size(), QLatin1Char('a')) << false;
    // Bytes, not characters: "é" is two.
    QTest::newRow("8 KiB in UTF-8")
        << comment + QString(4097 - (prefix.size() + comment.size() + 1) / 2, QChar(0xe9)) << false;
}

void TestRestoreFile::restoreLineBounds()
{
    QFETCH(QString, spec);
    QFETCH(bool, fits);
    QString why;
    QCOMPARE(restoreLineFits(spec, &why), fits);
    QCOMPARE(why.isEmpty(), fits);
}

void TestRestoreFile::addressLists()
{
    // One spec is one rule: parse() refuses a list and says why.
    RuleError error;
    QVERIFY(!RuleParser::parse(QStringLiteral("-s 10.0.0.0/8,172.16.0.0/12 -j RETURN"),
                               Family::IPv4, &error));
    QVERIFY(error.message.contains(QStringLiteral("one rule per address")));
    // A command makes one rule per address, sources outside, destinations inside.
    const auto rules = RuleParser::parseAll(
        QStringLiteral("-s 1.2.3.4,5.6.7.8 -d 10.0.0.0/8,0/0 -p tcp --dport 22 -j DROP"),
        Family::IPv4, &error);
    QVERIFY(rules);
    QStringList texts;
    for (const Rule &r : *rules)
        texts << r.toString();
    QCOMPARE(texts, QStringList({"-s 1.2.3.4/32 -d 10.0.0.0/8 -p tcp -m tcp --dport 22 -j DROP",
                                 "-s 1.2.3.4/32 -p tcp -m tcp --dport 22 -j DROP",
                                 "-s 5.6.7.8/32 -d 10.0.0.0/8 -p tcp -m tcp --dport 22 -j DROP",
                                 "-s 5.6.7.8/32 -p tcp -m tcp --dport 22 -j DROP"}));
    // iptables refuses a negated list.
    QVERIFY(!RuleParser::parseAll(QStringLiteral("! -s 1.2.3.4,5.6.7.8 -j DROP"), Family::IPv4,
                                  &error));
    QVERIFY(!RuleParser::parseAll(QStringLiteral("-s 1.2.3.4, -j DROP"), Family::IPv4, &error));
    // A typed command: every rule, and no single one.
    const RuleLine line =
        readRuleLine(QStringLiteral("sudo iptables -I DOCKER-USER -s 10.0.0.0/8,192.168.0.0/16 "
                                    "-j RETURN"),
                     Family::IPv4);
    QCOMPARE(line.rules.size(), 2);
    QVERIFY(!line.rule);
    QCOMPARE(line.error.message, QStringLiteral("this line makes 2 rules, one for each address "
                                                "of its list"));
    // The import's steps insert each rule at the position, as iptables does.
    const DockerUserImport imported = importDockerUser(
        "-A DOCKER-USER -j DROP\n-I DOCKER-USER 1 -s 10.0.0.1,10.0.0.2 -j ACCEPT\n", Family::IPv4);
    QVERIFY(imported.ok());
    QStringList chain;
    for (const Rule &r : imported.rules)
        chain << r.toString();
    QCOMPARE(chain,
             QStringList({"-s 10.0.0.2/32 -j ACCEPT", "-s 10.0.0.1/32 -j ACCEPT", "-j DROP"}));
    QCOMPARE(imported.steps.size(), 3);
    QCOMPARE(imported.lines, QVector<int>({2, 2, 1}));
}

QTEST_GUILESS_MAIN(TestRestoreFile)
#include "tst_restorefile.moc"

// Applying through the whole path (userchainctl or the generated proxy -> D-Bus -> helper ->
// kernel), checked against iptables-legacy-save and iptables-legacy-restore in the same
// network namespace.

#include "blockinghelperclient.h"
#include "helper1interface.h"
#include "sealedmemfd.h"
#include "testsandbox.h"

#include <QProcess>
#include <QRegularExpression>
#include <QtTest>

using namespace Userchain;

namespace {

const char *ExamplePolicy = R"(# Docker's example policy ("Docker and iptables")
*filter
:DOCKER-USER - [0:0]
-F DOCKER-USER
-A DOCKER-USER -i ext_if -m conntrack --ctstate RELATED,ESTABLISHED -j RETURN
-A DOCKER-USER -i ext_if -p tcp -m conntrack --ctorigdstport 80 --ctdir ORIGINAL -j RETURN
-A DOCKER-USER -i ext_if -p tcp -m conntrack --ctorigdstport 443 --ctdir ORIGINAL -j RETURN
-A DOCKER-USER -i ext_if -s 10.1.0.0/16 -p tcp -m conntrack --ctorigdstport 8080 --ctdir ORIGINAL -j RETURN
-A DOCKER-USER -i ext_if -s 10.2.0.0/16 -p tcp -m conntrack --ctorigdstport 8080 --ctdir ORIGINAL -j RETURN
-A DOCKER-USER -i ext_if -j DROP
-A DOCKER-USER -j RETURN
COMMIT
)";

QByteArray withoutDockerUser(const QByteArray &save)
{
    QByteArray out;
    for (const QByteArray &line : save.split('\n')) {
        if (!line.startsWith("-A DOCKER-USER"))
            out += line + '\n';
    }
    return out;
}

QString revisionOf(const QByteArray &statusOutput)
{
    static const QRegularExpression re(QStringLiteral("^revision:\\s+(\\S+)$"),
                                       QRegularExpression::MultilineOption);
    return re.match(QString::fromUtf8(statusOutput)).captured(1);
}

bool iptables(const QStringList &args)
{
    return TestSandbox::run(QStringLiteral("iptables-legacy"), args).exitCode == 0;
}

} // namespace

class TestHelperApply : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void dockerExamplePolicy();
    void corpus();
    void diffIsPrinted();
    void unchangedFileAppliesNothing();
    void dryRunChangesNothing();
    void staleRevisionRefused();
    void concurrentAppendDetected();
    void dockerChainChangePreserved();
    void missingChainAndJump();
    void busyWhileLockHeld();
    void verbatimRulePreservedAcrossReorder();
    void verbatimRuleKeptThroughExportAndApply();
    void countersSurviveApply();
    void applyFileAnswersWithTheDiff();
    void refusedLinesWorded();
    void unchangedRulesKeepCounters();

private:
    static bool loadDockerUser(const QStringList &specs);
};

void TestHelperApply::initTestCase()
{
    QVERIFY(TestSandbox::inside());
    registerDBusTypes();
}

bool TestHelperApply::loadDockerUser(const QStringList &specs)
{
    QByteArray file = "*filter\n:INPUT ACCEPT [0:0]\n:FORWARD DROP [0:0]\n:OUTPUT ACCEPT [0:0]\n"
                      ":DOCKER - [0:0]\n:DOCKER-USER - [0:0]\n-A FORWARD -j DOCKER-USER\n";
    for (const QString &spec : specs)
        file += "-A DOCKER-USER " + spec.toUtf8() + '\n';
    file += "COMMIT\n";
    return TestSandbox::restore(file);
}

void TestHelperApply::dockerExamplePolicy()
{
    QVERIFY(TestSandbox::restoreFile(
        QStringLiteral(USERCHAIN_FIXTURES_DIR
                       "/docker-20.10/docker20.10-legacy-with-containers.legacy.v4.rules")));
    const QByteArray othersBefore = withoutDockerUser(TestSandbox::normalizedSave());

    const QString file = TestSandbox::writeTemp(ExamplePolicy);
    const auto applied = TestSandbox::ctl({QStringLiteral("apply"), file});
    QVERIFY2(applied.exitCode == 0, qPrintable(applied.describe()));
    const QStringList ours = TestSandbox::chainRules(QStringLiteral("DOCKER-USER"));
    QCOMPARE(ours.size(), 7);
    // Nothing but DOCKER-USER changed.
    QCOMPARE(QString::fromUtf8(withoutDockerUser(TestSandbox::normalizedSave())),
             QString::fromUtf8(othersBefore));

    // The oracle: iptables-restore -n of the same file gives the same chain.
    QVERIFY(iptables({QStringLiteral("-F"), QStringLiteral("DOCKER-USER")}));
    const auto restored =
        TestSandbox::run(QStringLiteral("iptables-legacy-restore"), {QStringLiteral("-n"), file});
    QVERIFY2(restored.exitCode == 0, qPrintable(restored.describe()));
    QCOMPARE(ours, TestSandbox::chainRules(QStringLiteral("DOCKER-USER")));
    QFile::remove(file);
}

void TestHelperApply::corpus()
{
    const auto setup = TestSandbox::run(
        QStringLiteral("sh"), {QStringLiteral(USERCHAIN_TEST_DATA_DIR "/corpus-setup.sh")});
    QVERIFY2(setup.exitCode == 0, qPrintable(setup.describe()));
    QVERIFY(loadDockerUser({}));

    // Rules iptables accepts but the library refuses on purpose (with the reason) are listed in
    // stricter-than-iptables.txt; the oracle test of core checks those. Everything else of the
    // corpus must go through the helper.
    QSet<QByteArray> refused;
    QFile stricter(QStringLiteral(USERCHAIN_TEST_DATA_DIR "/stricter-than-iptables.txt"));
    QVERIFY(stricter.open(QIODevice::ReadOnly));
    for (const QByteArray &line : stricter.readAll().split('\n')) {
        const QList<QByteArray> fields = line.split('\t');
        if (fields.size() >= 2 && fields.at(0) == "4")
            refused.insert(fields.at(1).trimmed());
    }

    QFile corpusFile(QStringLiteral(USERCHAIN_TEST_DATA_DIR "/corpus-v4.rules"));
    QVERIFY(corpusFile.open(QIODevice::ReadOnly));
    QByteArray rules;
    int count = 0;
    for (const QByteArray &line : corpusFile.readAll().split('\n')) {
        const QByteArray trimmed = line.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith('#') || refused.contains(trimmed))
            continue;
        rules += "-A DOCKER-USER " + trimmed + '\n';
        ++count;
    }
    const QString file = TestSandbox::writeTemp(rules);
    const auto applied = TestSandbox::ctl({QStringLiteral("apply"), file});
    QVERIFY2(applied.exitCode == 0, qPrintable(applied.describe()));
    const QStringList ours = TestSandbox::chainRules(QStringLiteral("DOCKER-USER"));
    QCOMPARE(ours.size(), count);

    // Oracle: the same lines through iptables-legacy-restore.
    QVERIFY(iptables({QStringLiteral("-F"), QStringLiteral("DOCKER-USER")}));
    const QString restoreFile = TestSandbox::writeTemp("*filter\n" + rules + "COMMIT\n");
    const auto restored = TestSandbox::run(QStringLiteral("iptables-legacy-restore"),
                                           {QStringLiteral("-n"), restoreFile});
    QVERIFY2(restored.exitCode == 0, qPrintable(restored.describe()));
    const QStringList oracle = TestSandbox::chainRules(QStringLiteral("DOCKER-USER"));
    for (int i = 0; i < qMin(ours.size(), oracle.size()); ++i)
        QVERIFY2(ours.at(i) == oracle.at(i),
                 qPrintable(QStringLiteral("rule %1:\n ours:   %2\n oracle: %3")
                                .arg(i + 1)
                                .arg(ours.at(i), oracle.at(i))));
    QCOMPARE(ours, oracle);
    QFile::remove(file);
    QFile::remove(restoreFile);
}

void TestHelperApply::diffIsPrinted()
{
    QVERIFY(loadDockerUser({QStringLiteral("-s 10.0.0.1/32 -j DROP"),
                            QStringLiteral("-i eth0 -j DROP"), QStringLiteral("-j RETURN")}));
    const QString file = TestSandbox::writeTemp("-A DOCKER-USER -j RETURN\n"
                                                "-A DOCKER-USER -s 10.0.0.1/32 -j DROP\n"
                                                "-A DOCKER-USER -s 10.9.9.9/32 -j DROP\n");
    const auto applied = TestSandbox::ctl({QStringLiteral("apply"), file});
    QVERIFY2(applied.exitCode == 0, qPrintable(applied.describe()));
    const QString out = QString::fromUtf8(applied.out);
    QVERIFY2(out.contains(QLatin1String("- -A DOCKER-USER -i eth0 -j DROP    # removed, was 2")),
             qPrintable(out));
    QVERIFY2(out.contains(QLatin1String("+ -A DOCKER-USER -s 10.9.9.9/32 -j DROP    # added as 3")),
             qPrintable(out));
    QVERIFY2(out.contains(QLatin1String("~ -A DOCKER-USER -j RETURN    # moved 3 -> 1")),
             qPrintable(out));
    QCOMPARE(TestSandbox::chainRules(QStringLiteral("DOCKER-USER")),
             (QStringList{QStringLiteral("-j RETURN"), QStringLiteral("-s 10.0.0.1/32 -j DROP"),
                          QStringLiteral("-s 10.9.9.9/32 -j DROP")}));
    QFile::remove(file);
}

void TestHelperApply::unchangedFileAppliesNothing()
{
    QVERIFY(loadDockerUser({QStringLiteral("-j RETURN")}));
    const QString file = TestSandbox::writeTemp("-A DOCKER-USER -j RETURN\n");
    const auto applied = TestSandbox::ctl({QStringLiteral("apply"), file});
    QVERIFY2(applied.exitCode == 0, qPrintable(applied.describe()));
    QVERIFY2(applied.out.contains("nothing applied"), applied.out.constData());
    QFile::remove(file);
}

void TestHelperApply::dryRunChangesNothing()
{
    QVERIFY(loadDockerUser({QStringLiteral("-j RETURN")}));
    const QByteArray before = TestSandbox::normalizedSave();
    const QString file =
        TestSandbox::writeTemp("-A DOCKER-USER -s 10.0.0.0/8 -j DROP\n-A DOCKER-USER -j RETURN\n");
    const auto applied =
        TestSandbox::ctl({QStringLiteral("apply"), file, QStringLiteral("--dry-run")});
    QVERIFY2(applied.exitCode == 0, qPrintable(applied.describe()));
    QVERIFY2(applied.out.contains("+ -A DOCKER-USER -s 10.0.0.0/8 -j DROP"),
             applied.out.constData());
    QVERIFY2(applied.out.contains("dry run"), applied.out.constData());
    QCOMPARE(TestSandbox::normalizedSave(), before);
    QFile::remove(file);
}

void TestHelperApply::staleRevisionRefused()
{
    QVERIFY(loadDockerUser({QStringLiteral("-j RETURN")}));
    const auto status = TestSandbox::ctl({QStringLiteral("status")});
    QVERIFY2(status.exitCode == 0, qPrintable(status.describe()));
    const QString revision = revisionOf(status.out);
    QVERIFY(!revision.isEmpty());

    const QString first =
        TestSandbox::writeTemp("-A DOCKER-USER -s 10.0.0.1 -j DROP\n-A DOCKER-USER -j RETURN\n");
    const QString second =
        TestSandbox::writeTemp("-A DOCKER-USER -s 10.0.0.2 -j DROP\n-A DOCKER-USER -j RETURN\n");
    auto applied = TestSandbox::ctl(
        {QStringLiteral("apply"), first, QStringLiteral("--expect-revision"), revision});
    QVERIFY2(applied.exitCode == 0, qPrintable(applied.describe()));
    const QStringList afterFirst = TestSandbox::chainRules(QStringLiteral("DOCKER-USER"));

    applied = TestSandbox::ctl(
        {QStringLiteral("apply"), second, QStringLiteral("--expect-revision"), revision});
    QVERIFY2(applied.exitCode == 4, qPrintable(applied.describe()));
    QVERIFY2(applied.err.contains("stale"), applied.err.constData());
    QCOMPARE(TestSandbox::chainRules(QStringLiteral("DOCKER-USER")), afterFirst);
    QFile::remove(first);
    QFile::remove(second);
}

void TestHelperApply::concurrentAppendDetected()
{
    QVERIFY(loadDockerUser({QStringLiteral("-j RETURN")}));
    BlockingHelperClient client;
    BlockingHelperClient::Failure failure;
    Snapshot snapshot;
    QVERIFY2(client.snapshot(Family::IPv4, &snapshot, &failure),
             qPrintable(BlockingHelperClient::describe(failure)));

    // Someone else changes DOCKER-USER between our read and our apply.
    QVERIFY(
        iptables({QStringLiteral("-A"), QStringLiteral("DOCKER-USER"), QStringLiteral("-s"),
                  QStringLiteral("203.0.113.7"), QStringLiteral("-j"), QStringLiteral("DROP")}));
    const QStringList concurrent = TestSandbox::chainRules(QStringLiteral("DOCKER-USER"));

    QString transaction, revision;
    QVERIFY(!client.apply(Family::IPv4, {{QStringLiteral("-s 10.0.0.1 -j DROP"), {}}},
                          snapshot.revision, 0, 0, &transaction, &revision, &failure));
    QCOMPARE(failure.name, QLatin1String(DBusError::StaleRevision));
    QCOMPARE(failure.code, ExitStale);
    QCOMPARE(TestSandbox::chainRules(QStringLiteral("DOCKER-USER")), concurrent);
}

void TestHelperApply::dockerChainChangePreserved()
{
    QVERIFY(TestSandbox::restoreFile(
        QStringLiteral(USERCHAIN_FIXTURES_DIR
                       "/docker-20.10/docker20.10-legacy-with-containers.legacy.v4.rules")));
    BlockingHelperClient client;
    BlockingHelperClient::Failure failure;
    Snapshot snapshot;
    QVERIFY2(client.snapshot(Family::IPv4, &snapshot, &failure),
             qPrintable(BlockingHelperClient::describe(failure)));

    // Docker publishes a port meanwhile: its chains change, DOCKER-USER does not.
    QVERIFY(iptables({QStringLiteral("-A"), QStringLiteral("DOCKER"), QStringLiteral("-d"),
                      QStringLiteral("172.17.0.9/32"), QStringLiteral("!"), QStringLiteral("-i"),
                      QStringLiteral("docker0"), QStringLiteral("-o"), QStringLiteral("docker0"),
                      QStringLiteral("-p"), QStringLiteral("tcp"), QStringLiteral("-m"),
                      QStringLiteral("tcp"), QStringLiteral("--dport"), QStringLiteral("8080"),
                      QStringLiteral("-j"), QStringLiteral("ACCEPT")}));
    const QByteArray othersBefore = withoutDockerUser(TestSandbox::normalizedSave());

    QString transaction, revision;
    QVERIFY2(client.apply(
                 Family::IPv4,
                 {{QStringLiteral("-s 10.0.0.1 -j DROP"), {}}, {QStringLiteral("-j RETURN"), {}}},
                 snapshot.revision, 0, 0, &transaction, &revision, &failure),
             qPrintable(BlockingHelperClient::describe(failure)));
    QVERIFY(transaction.isEmpty());
    QCOMPARE(QString::fromUtf8(withoutDockerUser(TestSandbox::normalizedSave())),
             QString::fromUtf8(othersBefore));
    QVERIFY(
        TestSandbox::chainRules(QStringLiteral("DOCKER"))
            .contains(QStringLiteral(
                "-d 172.17.0.9/32 ! -i docker0 -o docker0 -p tcp -m tcp --dport 8080 -j ACCEPT")));

    // The revision returned is what a fresh read reports.
    Snapshot after;
    QVERIFY(client.snapshot(Family::IPv4, &after, &failure));
    QCOMPARE(after.revision, revision);
}

void TestHelperApply::missingChainAndJump()
{
    QVERIFY(TestSandbox::restore(
        "*filter\n:INPUT ACCEPT [0:0]\n:FORWARD DROP [0:0]\n:OUTPUT ACCEPT [0:0]\n"
        ":DOCKER - [0:0]\n-A FORWARD -o docker0 -j DOCKER\nCOMMIT\n"));
    auto status = TestSandbox::ctl({QStringLiteral("status")});
    QVERIFY2(status.exitCode == 0, qPrintable(status.describe()));
    QVERIFY2(status.out.contains("DOCKER-USER:  missing"), status.out.constData());
    QVERIFY2(status.out.contains("FORWARD jump: missing"), status.out.constData());

    const QString file =
        TestSandbox::writeTemp("-A DOCKER-USER -s 10.0.0.1 -j DROP\n-A DOCKER-USER -j RETURN\n");
    auto applied = TestSandbox::ctl({QStringLiteral("apply"), file});
    QVERIFY2(applied.exitCode == 6, qPrintable(applied.describe()));
    QVERIFY2(applied.err.contains("DOCKER-USER is missing"), applied.err.constData());
    QVERIFY(!TestSandbox::save().contains(":DOCKER-USER"));

    applied = TestSandbox::ctl({QStringLiteral("apply"), file, QStringLiteral("--create-chain"),
                                QStringLiteral("--create-jump")});
    QVERIFY2(applied.exitCode == 0, qPrintable(applied.describe()));
    QCOMPARE(TestSandbox::chainRules(QStringLiteral("DOCKER-USER")),
             (QStringList{QStringLiteral("-s 10.0.0.1/32 -j DROP"), QStringLiteral("-j RETURN")}));
    QCOMPARE(
        TestSandbox::chainRules(QStringLiteral("FORWARD")),
        (QStringList{QStringLiteral("-j DOCKER-USER"), QStringLiteral("-o docker0 -j DOCKER")}));
    status = TestSandbox::ctl({QStringLiteral("status")});
    QVERIFY2(status.out.contains("at position 1"), status.out.constData());
    QFile::remove(file);
}

void TestHelperApply::busyWhileLockHeld()
{
    QVERIFY(loadDockerUser({QStringLiteral("-j RETURN")}));
    const QByteArray before = TestSandbox::normalizedSave();
    // Hold the xtables lock as iptables would, longer than the helper waits (--lock-timeout).
    QProcess holder;
    holder.start(QStringLiteral("flock"),
                 {qEnvironmentVariable("XTABLES_LOCKFILE"), QStringLiteral("-c"),
                  QStringLiteral("echo locked; sleep 8")});
    QVERIFY(holder.waitForReadyRead(5000));

    const QString file = TestSandbox::writeTemp("-A DOCKER-USER -s 10.0.0.1 -j DROP\n");
    QElapsedTimer timer;
    timer.start();
    const auto applied = TestSandbox::ctl({QStringLiteral("apply"), file});
    QVERIFY2(applied.exitCode == 6, qPrintable(applied.describe()));
    QVERIFY2(applied.err.contains("busy"), applied.err.constData());
    QVERIFY2(timer.elapsed() < 7000, qPrintable(QString::number(timer.elapsed())));
    holder.waitForFinished(15000);
    QCOMPARE(TestSandbox::normalizedSave(), before);
    QFile::remove(file);
}

void TestHelperApply::verbatimRulePreservedAcrossReorder()
{
    // -m ttl is an extension the library does not parse: the helper keeps its kernel bytes.
    const QString ttlRule = QStringLiteral("-m ttl --ttl-gt 100 -j DROP");
    QVERIFY(loadDockerUser(
        {QStringLiteral("-s 10.0.0.1/32 -j DROP"), ttlRule, QStringLiteral("-j RETURN")}));

    BlockingHelperClient client;
    BlockingHelperClient::Failure failure;
    Snapshot s0;
    QVERIFY2(client.snapshot(Family::IPv4, &s0, &failure),
             qPrintable(BlockingHelperClient::describe(failure)));
    const ChainInfo *chain0 = nullptr;
    for (const ChainInfo &c : std::as_const(s0.chains))
        if (c.name == QLatin1String("DOCKER-USER"))
            chain0 = &c;
    QVERIFY(chain0 && chain0->rules.size() == 3);
    const QString id0 = chain0->rules.at(1).verbatimId;
    QVERIFY2(!id0.isEmpty(), qPrintable(chain0->rules.at(1).spec));
    QVERIFY(chain0->rules.at(0).verbatimId.isEmpty());

    // Move the verbatim rule to the top.
    QString transaction, revision;
    QVERIFY2(client.apply(Family::IPv4,
                          {{QString(), id0},
                           {QStringLiteral("-j RETURN"), {}},
                           {QStringLiteral("-s 10.0.0.1/32 -j DROP"), {}}},
                          s0.revision, 0, 0, &transaction, &revision, &failure),
             qPrintable(BlockingHelperClient::describe(failure)));
    QCOMPARE(TestSandbox::chainRules(QStringLiteral("DOCKER-USER")),
             (QStringList{ttlRule, QStringLiteral("-j RETURN"),
                          QStringLiteral("-s 10.0.0.1/32 -j DROP")}));

    // And back: same bytes at the same place give the same id and the same revision as
    // before, which is the helper's own byte-for-byte comparison.
    Snapshot s1;
    QVERIFY(client.snapshot(Family::IPv4, &s1, &failure));
    QString id1;
    for (const ChainInfo &c : std::as_const(s1.chains))
        if (c.name == QLatin1String("DOCKER-USER"))
            id1 = c.rules.at(0).verbatimId;
    QVERIFY(!id1.isEmpty());
    QVERIFY(id1 != id0); // the position is part of the id
    QVERIFY2(client.apply(Family::IPv4,
                          {{QStringLiteral("-s 10.0.0.1/32 -j DROP"), {}},
                           {QString(), id1},
                           {QStringLiteral("-j RETURN"), {}}},
                          s1.revision, 0, 0, &transaction, &revision, &failure),
             qPrintable(BlockingHelperClient::describe(failure)));
    Snapshot s2;
    QVERIFY(client.snapshot(Family::IPv4, &s2, &failure));
    QCOMPARE(s2.revision, s0.revision);
    for (const ChainInfo &c : std::as_const(s2.chains))
        if (c.name == QLatin1String("DOCKER-USER"))
            QCOMPARE(c.rules.at(1).verbatimId, id0);

    // An id the helper did not hand out is refused, and nothing changes.
    const QByteArray before = TestSandbox::normalizedSave();
    QVERIFY(!client.apply(Family::IPv4,
                          {{QString(), QStringLiteral("v00000000000000000000000000000000")}},
                          s2.revision, 0, 0, &transaction, &revision, &failure));
    QCOMPARE(failure.name, QLatin1String(DBusError::InvalidRule));
    QCOMPARE(TestSandbox::normalizedSave(), before);
}

void TestHelperApply::verbatimRuleKeptThroughExportAndApply()
{
    const QString ttlRule = QStringLiteral("-m ttl --ttl-gt 100 -j DROP");
    QVERIFY(loadDockerUser(
        {QStringLiteral("-s 10.0.0.1/32 -j DROP"), ttlRule, QStringLiteral("-j RETURN")}));
    const auto exported = TestSandbox::ctl({QStringLiteral("export")});
    QVERIFY2(exported.exitCode == 0, qPrintable(exported.describe()));

    // Reverse the rule lines of the exported file and apply it.
    QList<QByteArray> lines = exported.out.split('\n');
    QList<QByteArray> rules;
    for (const QByteArray &line : lines)
        if (line.startsWith("-A DOCKER-USER"))
            rules.prepend(line);
    QByteArray edited = "*filter\n:DOCKER-USER - [0:0]\n-F DOCKER-USER\n";
    for (const QByteArray &r : std::as_const(rules))
        edited += r + '\n';
    edited += "COMMIT\n";
    const QString file = TestSandbox::writeTemp(edited);
    const auto applied = TestSandbox::ctl({QStringLiteral("apply"), file});
    QVERIFY2(applied.exitCode == 0, qPrintable(applied.describe()));
    QCOMPARE(TestSandbox::chainRules(QStringLiteral("DOCKER-USER")),
             (QStringList{QStringLiteral("-j RETURN"), ttlRule,
                          QStringLiteral("-s 10.0.0.1/32 -j DROP")}));
    QFile::remove(file);
}

void TestHelperApply::countersSurviveApply()
{
    QVERIFY(TestSandbox::restore(
        "*filter\n:INPUT ACCEPT [0:0]\n:FORWARD DROP [0:0]\n:OUTPUT ACCEPT [0:0]\n"
        ":DOCKER-USER - [0:0]\n-A FORWARD -j DOCKER-USER\n"
        "[5:500] -A DOCKER-USER -s 10.0.0.1/32 -j DROP\n[7:700] -A DOCKER-USER -j "
        "RETURN\nCOMMIT\n"));
    const QString file = TestSandbox::writeTemp(
        "-A DOCKER-USER -s 10.0.0.2/32 -j DROP\n-A DOCKER-USER -s 10.0.0.1/32 -j DROP\n"
        "-A DOCKER-USER -j RETURN\n");
    const auto applied = TestSandbox::ctl({QStringLiteral("apply"), file});
    QVERIFY2(applied.exitCode == 0, qPrintable(applied.describe()));
    const auto save =
        TestSandbox::run(QStringLiteral("iptables-legacy-save"),
                         {QStringLiteral("-c"), QStringLiteral("-t"), QStringLiteral("filter")});
    QVERIFY2(save.out.contains("-A DOCKER-USER -s 10.0.0.2/32 -j DROP\n"), save.out.constData());
    // The helper hands the counters of staying rules to the backend (BackendRule::packets),
    // which commits them with the entries; a new rule starts at zero.
    QVERIFY2(save.out.contains("[5:500] -A DOCKER-USER -s 10.0.0.1/32 -j DROP") &&
                 save.out.contains("[7:700] -A DOCKER-USER -j RETURN") &&
                 save.out.contains("[0:0] -A DOCKER-USER -s 10.0.0.2/32 -j DROP"),
             save.out.constData());
    QFile::remove(file);
}

void TestHelperApply::refusedLinesWorded()
{
    // The helper names the line, token and reason as data; the CLI prints FILE:LINE: words.
    QVERIFY(loadDockerUser({QStringLiteral("-j RETURN")}));
    const QString file = TestSandbox::writeTemp(
        "-A DOCKER-USER -j RETURN\n-A DOCKER-USER -p tcp --dprot 80 -j DROP\n");
    const auto applied = TestSandbox::ctl({QStringLiteral("apply"), file});
    QVERIFY2(applied.exitCode == 2, qPrintable(applied.describe()));
    QVERIFY2(applied.err.contains(file.toUtf8() + ":2: unknown option \"--dprot\""),
             applied.err.constData());
    QVERIFY2(!applied.err.contains("line 2") && !applied.err.contains(" file:"),
             applied.err.constData());
    QCOMPARE(TestSandbox::chainRules(QStringLiteral("DOCKER-USER")),
             QStringList{QStringLiteral("-j RETURN")});
    QFile::remove(file);
}

void TestHelperApply::applyFileAnswersWithTheDiff()
{
    QVERIFY(
        loadDockerUser({QStringLiteral("-s 10.0.0.1/32 -j DROP"), QStringLiteral("-j RETURN")}));
    BlockingHelperClient client;
    BlockingHelperClient::Failure failure;
    const QByteArray file = "# a comment\n-A DOCKER-USER -s 10.0.0.2 -p tcp --dport 22 -j DROP\n"
                            "-A DOCKER-USER -j RETURN\n";

    // A dry run says what would change and the revision to quote, and changes nothing.
    BlockingHelperClient::FileApplied preview;
    QVERIFY2(client.applyFile(Family::IPv4, file, QString(), 0, ApplyAnyRevision | ApplyDryRun,
                              &preview, &failure),
             qPrintable(BlockingHelperClient::describe(failure)));
    const QByteArray diff =
        "- -A DOCKER-USER -s 10.0.0.1/32 -j DROP    # removed, was 1\n"
        "+ -A DOCKER-USER -s 10.0.0.2/32 -p tcp -m tcp --dport 22 -j DROP    # added as 1\n";
    QCOMPARE(preview.diff, diff);
    QVERIFY(preview.transactionId.isEmpty());
    // What crossed the bus is data, without words: the client worded it above.
    QString why;
    const QDBusUnixFileDescriptor sent = SealedMemfd::create(file, &why);
    QVERIFY2(sent.isValid(), qPrintable(why));
    QDBusPendingReply<QString, QString, QDBusUnixFileDescriptor> raw = client.proxy()->ApplyFile(
        int(Family::IPv4), sent, QString(), 0, ApplyAnyRevision | ApplyDryRun);
    raw.waitForFinished();
    QVERIFY2(!raw.isError(), qPrintable(raw.error().message()));
    QCOMPARE(SealedMemfd::read(raw.argumentAt<2>(), 1 << 20, &why),
             std::optional<QByteArray>("- 1 0 -s 10.0.0.1/32 -j DROP\n"
                                       "+ 0 1 -s 10.0.0.2/32 -p tcp -m tcp --dport 22 -j DROP\n"));
    QCOMPARE(TestSandbox::chainRules(QStringLiteral("DOCKER-USER")),
             (QStringList{QStringLiteral("-s 10.0.0.1/32 -j DROP"), QStringLiteral("-j RETURN")}));
    Snapshot before;
    QVERIFY(client.snapshot(Family::IPv4, &before, &failure));
    QCOMPARE(preview.newRevision, before.revision);

    // The apply that quotes it; the diff is the same, the new revision is what reads report.
    BlockingHelperClient::FileApplied applied;
    QVERIFY2(client.applyFile(Family::IPv4, file, preview.newRevision, 0, 0, &applied, &failure),
             qPrintable(BlockingHelperClient::describe(failure)));
    QCOMPARE(applied.diff, diff);
    QCOMPARE(TestSandbox::chainRules(QStringLiteral("DOCKER-USER")),
             (QStringList{QStringLiteral("-s 10.0.0.2/32 -p tcp -m tcp --dport 22 -j DROP"),
                          QStringLiteral("-j RETURN")}));
    Snapshot after;
    QVERIFY(client.snapshot(Family::IPv4, &after, &failure));
    QCOMPARE(applied.newRevision, after.revision);

    // Quoting the old revision again is stale, and changes nothing.
    QVERIFY(!client.applyFile(Family::IPv4, "-A DOCKER-USER -j DROP\n", preview.newRevision, 0, 0,
                              &applied, &failure));
    QCOMPARE(failure.name, QLatin1String(DBusError::StaleRevision));
    QCOMPARE(TestSandbox::chainRules(QStringLiteral("DOCKER-USER")).size(), 2);
}

void TestHelperApply::unchangedRulesKeepCounters()
{
    // Applying what DOCKER-USER already holds commits nothing, so no counter is reset.
    QVERIFY(TestSandbox::restore(
        "*filter\n:INPUT ACCEPT [0:0]\n:FORWARD DROP [0:0]\n:OUTPUT ACCEPT [0:0]\n"
        ":DOCKER-USER - [0:0]\n-A FORWARD -j DOCKER-USER\n"
        "[5:500] -A DOCKER-USER -s 10.0.0.1/32 -j DROP\n[7:700] -A DOCKER-USER -j "
        "RETURN\nCOMMIT\n"));
    const QString file =
        TestSandbox::writeTemp("-A DOCKER-USER -s 10.0.0.1/32 -j DROP\n-A DOCKER-USER -j RETURN\n");
    const auto applied = TestSandbox::ctl({QStringLiteral("apply"), file});
    QFile::remove(file);
    QVERIFY2(applied.exitCode == 0, qPrintable(applied.describe()));
    QVERIFY2(applied.out.contains("nothing applied"), applied.out.constData());
    const auto save =
        TestSandbox::run(QStringLiteral("iptables-legacy-save"),
                         {QStringLiteral("-c"), QStringLiteral("-t"), QStringLiteral("filter")});
    QVERIFY2(save.out.contains("[5:500] -A DOCKER-USER -s 10.0.0.1/32 -j DROP") &&
                 save.out.contains("[7:700] -A DOCKER-USER -j RETURN"),
             save.out.constData());
}

USERCHAIN_SANDBOX_TEST_MAIN(TestHelperApply, QStringList{},
                            (QStringList{QStringLiteral("--idle-timeout"), QStringLiteral("30"),
                                         QStringLiteral("--lock-timeout"), QStringLiteral("2000")}))
#include "tst_helperapply.moc"

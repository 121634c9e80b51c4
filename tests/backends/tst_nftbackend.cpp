#include "backendwrite.h"
#include "netns.h"
#include "nftbackend.h"
#include "ruleparser.h"
#include "toolrunner.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

using namespace Userchain;

Q_DECLARE_METATYPE(Userchain::Family)
Q_DECLARE_METATYPE(Userchain::NftBackend::ErrorKind)
Q_DECLARE_METATYPE(Userchain::ToolRunner::ErrorKind)

/*
 * The nf_tables backend against the real iptables-nft tools and the real kernel. The program
 * re-executes itself under `unshare --net` before anything else, and every test function then
 * moves into a further fresh network namespace, so the host's tables are never touched.
 */

namespace {

/// The oracle side: the real tools, run directly (not through the code under test), only in
/// the private namespace (tests/common/netns.h).
TestNetns::Result run(const QString &program, const QStringList &args, const QByteArray &input = {})
{
    return TestNetns::run(program, args, input);
}

QString saveTool(Family f)
{
    return f == Family::IPv4 ? QStringLiteral("/usr/sbin/iptables-nft-save")
                             : QStringLiteral("/usr/sbin/ip6tables-nft-save");
}

QString restoreTool(Family f)
{
    return f == Family::IPv4 ? QStringLiteral("/usr/sbin/iptables-nft-restore")
                             : QStringLiteral("/usr/sbin/ip6tables-nft-restore");
}

QString iptablesTool(Family f)
{
    return f == Family::IPv4 ? QStringLiteral("/usr/sbin/iptables-nft")
                             : QStringLiteral("/usr/sbin/ip6tables-nft");
}

QByteArray save(Family f, const QStringList &args = {QStringLiteral("-c")})
{
    return run(saveTool(f), args).out;
}

bool restore(Family f, const QByteArray &data, bool noflush, QByteArray *err = nullptr)
{
    const TestNetns::Result p =
        run(restoreTool(f), noflush ? QStringList{QStringLiteral("-n")} : QStringList{}, data);
    if (err)
        *err = p.err;
    return p.exitCode == 0;
}

/// Save output without the comment lines (their timestamps change) and chain counters.
QStringList contentLines(const QByteArray &saved)
{
    QStringList lines;
    for (const QByteArray &raw : saved.split('\n')) {
        QString line = QString::fromUtf8(raw);
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        if (line.startsWith(QLatin1Char(':'))) {
            const int bracket = line.lastIndexOf(QLatin1String(" ["));
            if (bracket > 0)
                line = line.left(bracket);
        }
        lines << line;
    }
    return lines;
}

/// The lines of one table of save output ("-t TABLE" form, without `*`, COMMIT and comments).
QStringList tableLines(const QByteArray &saved, const QString &table)
{
    QStringList lines;
    bool inside = false;
    for (const QString &line : contentLines(saved)) {
        if (line.startsWith(QLatin1Char('*')))
            inside = line.mid(1) == table;
        else if (line == QLatin1String("COMMIT"))
            inside = false;
        else if (inside)
            lines << line;
    }
    return lines;
}

/// The same lines, from what the backend read.
QStringList backendLines(const BackendTables &tables, const QString &table)
{
    QStringList decl, rules;
    for (const BackendChain &c : tables.chains) {
        if (c.table != table)
            continue;
        decl << QStringLiteral(":%1 %2").arg(c.name, c.policy);
        for (const BackendRule &r : c.rules)
            rules << (r.displaySpec.isEmpty()
                          ? QStringLiteral("-A ") + c.name
                          : QStringLiteral("-A %1 %2").arg(c.name, r.displaySpec));
    }
    return decl + rules;
}

QStringList chainRules(const QByteArray &saved, const QString &chain)
{
    QStringList rules;
    const QString prefix = QStringLiteral("-A ") + chain + QLatin1Char(' ');
    for (const QString &line : contentLines(saved)) {
        QString l = line;
        if (l.startsWith(QLatin1Char('['))) // counters
            l = l.mid(l.indexOf(QLatin1String("] ")) + 2);
        if (l.startsWith(prefix))
            rules << l.mid(prefix.size());
        else if (l == prefix.trimmed())
            rules << QString();
    }
    return rules;
}

/// Everything but DOCKER-USER's rules, for "nothing else changed".
QStringList withoutDockerUserRules(const QByteArray &saved)
{
    QStringList out;
    for (const QByteArray &raw : saved.split('\n')) {
        if (raw.startsWith('#'))
            continue;
        QByteArray l = raw;
        if (l.startsWith('['))
            l = l.mid(l.indexOf("] ") + 2);
        if (l.startsWith("-A DOCKER-USER ") || l == "-A DOCKER-USER")
            continue;
        out << QString::fromUtf8(raw);
    }
    return out;
}

const BackendChain *findChain(const BackendTables &t, const QString &table, const QString &name)
{
    for (const BackendChain &c : t.chains)
        if (c.table == table && c.name == name)
            return &c;
    return nullptr;
}

QVector<BackendRule> parsedRules(const QStringList &specs, Family family, QString *error)
{
    QVector<BackendRule> rules;
    for (const QString &spec : specs) {
        RuleError e;
        const auto rule = RuleParser::parse(spec, family, &e);
        if (!rule) {
            *error = spec + QStringLiteral(": ") + e.message;
            return {};
        }
        BackendRule br;
        br.rule = *rule;
        rules << br;
    }
    return rules;
}

QStringList specsOf(const QVector<BackendRule> &rules)
{
    QStringList specs;
    for (const BackendRule &r : rules)
        specs << (r.raw.isEmpty() ? r.rule.toString() : r.displaySpec);
    return specs;
}

/// Tables the legacy (x_tables) side of this namespace has; must stay empty throughout.
QStringList legacyTables()
{
    QStringList names;
    for (const char *path : {"/proc/net/ip_tables_names", "/proc/net/ip6_tables_names"}) {
        QFile f{QString::fromLatin1(path)};
        if (!f.open(QIODevice::ReadOnly))
            continue; // the module is not loaded: certainly no table
        for (const QByteArray &l : f.readAll().split('\n'))
            if (!l.trimmed().isEmpty())
                names << QLatin1String(path) + QLatin1Char(':') + QString::fromUtf8(l.trimmed());
    }
    return names;
}

/**
 * Moves into a further new, empty network namespace. Checks first that the one being left
 * has no legacy table, since its tables cannot be looked at any more afterwards.
 */
bool freshNetns()
{
    QString error;
    return TestNetns::isPrivate() && legacyTables().isEmpty() && TestNetns::fresh(&error);
}

/// `nft -a list chain FAMILY filter DOCKER-USER`: rules with their handles.
QByteArray nftListing(Family, const QString &nftFamily)
{
    return run(QStringLiteral("/usr/sbin/nft"),
               {QStringLiteral("-a"), QStringLiteral("list"), QStringLiteral("chain"), nftFamily,
                QStringLiteral("filter"), QStringLiteral("DOCKER-USER")})
        .out;
}

/// The line of the anonymous-set rule in an nft listing (with its handle), or "".
QString nativeRuleLine(const QByteArray &listing)
{
    for (const QByteArray &l : listing.split('\n'))
        if (l.contains("saddr {"))
            return QString::fromUtf8(l.trimmed())
                .replace(QRegularExpression(QStringLiteral("packets \\d+ bytes \\d+")), QString());
    return QString();
}

/// The expressions of DOCKER-USER's rules as `nft --debug=netlink` prints them, without
/// handles and counter values: what iptables-nft-restore and the backend must agree on.
QStringList ruleExpressions(const QString &nftFamily)
{
    const TestNetns::Result p =
        run(QStringLiteral("/usr/sbin/nft"),
            {QStringLiteral("--debug=netlink"), QStringLiteral("list"), QStringLiteral("chain"),
             nftFamily, QStringLiteral("filter"), QStringLiteral("DOCKER-USER")});
    QStringList rules;
    QString current;
    for (const QByteArray &raw : p.out.split('\n')) {
        const QString l = QString::fromUtf8(raw);
        if (l.startsWith(nftFamily + QStringLiteral(" filter DOCKER-USER"))) {
            if (!current.isEmpty())
                rules << current;
            current = QStringLiteral("rule");
        } else if (l.startsWith(QStringLiteral("  ["))) {
            QString e = l.trimmed();
            e.replace(QRegularExpression(QStringLiteral("pkts \\d+ bytes \\d+")), QString());
            current += QLatin1Char(' ') + e;
        }
    }
    if (!current.isEmpty())
        rules << current;
    return rules;
}

QString fixture(const QString &name)
{
    return QStringLiteral(USERCHAIN_FIXTURES_DIR "/") + name;
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeScript(const QString &path, const QByteArray &body)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    f.write("#!/bin/sh\n" + body + "\n");
    f.close();
    return f.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                            QFile::ReadGroup | QFile::ExeGroup | QFile::ReadOther |
                            QFile::ExeOther);
}

} // namespace

class TestNftBackend : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void runnerEnvironmentAndInput();
    void runnerRefusesUntrustedTools_data();
    void runnerRefusesUntrustedTools();
    void runnerFaults_data();
    void runnerFaults();
    void runnerKillsWholeProcessGroup();

    void badRuleRunsNoTool();

    void fixtures_data();
    void fixtures();
    void dockerExamplePolicy_data();
    void dockerExamplePolicy();
    void corpus_data();
    void corpus();
    void verbatimRulesRoundTrip();
    void createChainAndJump();
    void refusedRuleChangesNothing();
    void manyChangesKeepOrderAndCounters();
    void concurrentInsertIsNeverLost_data();
    void concurrentInsertIsNeverLost();
    void nativeRuleIsReadOnly_data();
    void nativeRuleIsReadOnly();
    void dockerNftables_data();
    void dockerNftables();

private:
    QTemporaryDir m_tmp;
};

void TestNftBackend::initTestCase()
{
    QVERIFY2(TestNetns::isPrivate(), "must run inside its own network namespace");
    QVERIFY(m_tmp.isValid());
    for (const char *t : {"iptables-nft-save", "iptables-nft-restore", "ip6tables-nft-save",
                          "ip6tables-nft-restore", "iptables-nft", "nft"})
        QVERIFY2(QFile::exists(QStringLiteral("/usr/sbin/") + QLatin1String(t)), t);
}

void TestNftBackend::init()
{
    // A namespace of its own per test: empty tables, no ipsets, nothing left from the last one.
    QCOMPARE(legacyTables(), QStringList());
    QVERIFY(freshNetns());
}

void TestNftBackend::cleanup()
{
    // The point of this backend: nothing on an nft host may create an iptables-legacy table.
    QCOMPARE(legacyTables(), QStringList());
}

// ToolRunner

void TestNftBackend::runnerEnvironmentAndInput()
{
    const QByteArray oldLock = qgetenv("XTABLES_LOCKFILE");
    qputenv("USERCHAIN_TEST_SECRET", "leak");
    qputenv("LD_PRELOAD", "/nonexistent.so");
    const ToolRunner runner;
    auto environment = [&runner]() {
        const ToolRunner::Result env = runner.run(QStringLiteral("env"), {});
        QStringList vars = QString::fromUtf8(env.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        vars.sort();
        return env.ok() ? vars : QStringList{env.message};
    };
    // Only PATH, LC_ALL and the helper's own lock file (when it is an absolute path).
    qputenv("XTABLES_LOCKFILE", "/run/userchain-test.lock");
    QCOMPARE(environment(),
             QStringList({QStringLiteral("LC_ALL=C"),
                          QStringLiteral("PATH=/usr/sbin:/usr/bin:/sbin:/bin"),
                          QStringLiteral("XTABLES_LOCKFILE=/run/userchain-test.lock")}));
    qputenv("XTABLES_LOCKFILE", "relative.lock");
    QCOMPARE(environment(), QStringList({QStringLiteral("LC_ALL=C"),
                                         QStringLiteral("PATH=/usr/sbin:/usr/bin:/sbin:/bin")}));
    qunsetenv("LD_PRELOAD");
    qunsetenv("USERCHAIN_TEST_SECRET");
    if (oldLock.isNull())
        qunsetenv("XTABLES_LOCKFILE");
    else
        qputenv("XTABLES_LOCKFILE", oldLock);

    // Input larger than a pipe buffer, echoed back: stdin and stdout are served together.
    QByteArray input;
    for (int i = 0; input.size() < 3 * 1024 * 1024; ++i)
        input += "line " + QByteArray::number(i) + '\n';
    const ToolRunner::Result cat = runner.run(QStringLiteral("cat"), {}, input);
    QVERIFY2(cat.ok(), qPrintable(cat.message));
    QCOMPARE(cat.out.size(), input.size());
    QVERIFY(cat.out == input);

    // Arguments arrive as given, without a shell in between.
    const ToolRunner::Result echo =
        runner.run(QStringLiteral("echo"), {QStringLiteral("$HOME;"), QStringLiteral("a b")});
    QVERIFY(echo.ok());
    QCOMPARE(echo.out, QByteArray("$HOME; a b\n"));
}

void TestNftBackend::runnerRefusesUntrustedTools_data()
{
    QTest::addColumn<QString>("tool");
    QTest::addColumn<QString>("mode"); // how the fake tool is made
    QTest::newRow("absolute path") << QStringLiteral("/usr/bin/true") << QString();
    QTest::newRow("relative path") << QStringLiteral("../bin/true") << QString();
    QTest::newRow("dot-dot") << QStringLiteral("..") << QString();
    QTest::newRow("not there") << QStringLiteral("no-such-tool") << QString();
    QTest::newRow("world-writable") << QStringLiteral("fake") << QStringLiteral("0777");
    QTest::newRow("group-writable") << QStringLiteral("fake") << QStringLiteral("0775");
    QTest::newRow("directory") << QStringLiteral("fake") << QStringLiteral("dir");
}

void TestNftBackend::runnerRefusesUntrustedTools()
{
    QFETCH(QString, tool);
    QFETCH(QString, mode);
    QTemporaryDir dir(m_tmp.path() + QStringLiteral("/untrusted-XXXXXX"));
    QVERIFY(dir.isValid());
    const QString path = dir.path() + QStringLiteral("/fake");
    if (mode == QLatin1String("dir")) {
        QVERIFY(QDir().mkdir(path));
    } else if (!mode.isEmpty()) {
        QVERIFY(writeScript(path, "echo ran"));
        QVERIFY(::chmod(QFile::encodeName(path).constData(), mode.toUInt(nullptr, 8)) == 0);
    }
    const ToolRunner runner({dir.path(), QStringLiteral("/usr/bin")});
    const ToolRunner::Result r = runner.run(tool, {});
    QCOMPARE(r.error, ToolRunner::ErrorKind::NotFound);
    QVERIFY(r.out.isEmpty());
    QVERIFY(!r.message.isEmpty());
}

void TestNftBackend::runnerFaults_data()
{
    QTest::addColumn<QByteArray>("script");
    QTest::addColumn<int>("timeoutMs");
    QTest::addColumn<ToolRunner::ErrorKind>("kind");
    QTest::addColumn<QByteArray>("expectInMessage");

    QTest::newRow("ok") << QByteArray("echo fine") << 5000 << ToolRunner::ErrorKind::None
                        << QByteArray();
    QTest::newRow("non-zero exit")
        << QByteArray("echo partial; echo 'line 3: it broke' >&2; exit 3") << 5000
        << ToolRunner::ErrorKind::NonZeroExit << QByteArray("status 3: line 3: it broke");
    QTest::newRow("too much output")
        << QByteArray("head -c 5000000 /dev/zero") << 20000 << ToolRunner::ErrorKind::OutputTooLarge
        << QByteArray("more than 1048576 bytes");
    QTest::newRow("endless output")
        << QByteArray("yes") << 20000 << ToolRunner::ErrorKind::OutputTooLarge << QByteArray();
    QTest::newRow("timeout") << QByteArray("sleep 30") << 500 << ToolRunner::ErrorKind::Timeout
                             << QByteArray("500 ms");
    QTest::newRow("stdout closed, still running") << QByteArray("exec >&- 2>&-; sleep 30") << 500
                                                  << ToolRunner::ErrorKind::Timeout << QByteArray();
    QTest::newRow("crash") << QByteArray("kill -SEGV $$") << 5000 << ToolRunner::ErrorKind::Crashed
                           << QByteArray("signal 11");
    QTest::newRow("ignores stdin") << QByteArray("exec 0<&-; echo done") << 5000
                                   << ToolRunner::ErrorKind::None << QByteArray();
    QTest::newRow("stderr flood") << QByteArray(
                                         "head -c 3000000 /dev/zero | tr '\\0' x >&2; exit 1")
                                  << 20000 << ToolRunner::ErrorKind::NonZeroExit
                                  << QByteArray("xxxx");
}

void TestNftBackend::runnerFaults()
{
    QFETCH(QByteArray, script);
    QFETCH(int, timeoutMs);
    QFETCH(ToolRunner::ErrorKind, kind);
    QFETCH(QByteArray, expectInMessage);
    QTemporaryDir dir(m_tmp.path() + QStringLiteral("/faults-XXXXXX"));
    QVERIFY(writeScript(dir.path() + QStringLiteral("/tool"), script));
    ToolRunner runner({dir.path()});
    runner.setTimeoutMs(timeoutMs);
    runner.setMaxOutput(1024 * 1024);
    // Big input: the "ignores stdin" tool makes the runner meet EPIPE (which must not kill us).
    const QByteArray input(4 * 1024 * 1024, 'i');
    QElapsedTimer timer;
    timer.start();
    const ToolRunner::Result r = runner.run(QStringLiteral("tool"), {}, input);
    QCOMPARE(r.error, kind);
    QVERIFY2(r.message.contains(QString::fromUtf8(expectInMessage)), qPrintable(r.message));
    QVERIFY(r.err.size() <= ToolRunner::MaxStderr);
    QVERIFY2(timer.elapsed() < timeoutMs + 5000, "the runner must stop at its deadline");
    if (kind == ToolRunner::ErrorKind::OutputTooLarge)
        QVERIFY(r.out.isEmpty());
    if (kind != ToolRunner::ErrorKind::None)
        QVERIFY(r.message.startsWith(QStringLiteral("tool: ")));
}

void TestNftBackend::runnerKillsWholeProcessGroup()
{
    QTemporaryDir dir(m_tmp.path() + QStringLiteral("/group-XXXXXX"));
    const QString pidFile = dir.path() + QStringLiteral("/child.pid");
    QVERIFY(writeScript(dir.path() + QStringLiteral("/tool"),
                        "sleep 60 &\necho $! > '" + QFile::encodeName(pidFile) + "'\nwait"));
    ToolRunner runner({dir.path()});
    runner.setTimeoutMs(500);
    const ToolRunner::Result r = runner.run(QStringLiteral("tool"), {});
    QCOMPARE(r.error, ToolRunner::ErrorKind::Timeout);
    const pid_t child = pid_t(readFile(pidFile).trimmed().toInt());
    QVERIFY(child > 0);
    // The grandchild got SIGKILL too; once its new parent reaps it, it is gone.
    QTRY_VERIFY_WITH_TIMEOUT(
        ::kill(child, 0) != 0 ||
            readFile(QStringLiteral("/proc/%1/stat").arg(child)).contains(") Z "),
        5000);
}

// NftBackend against fake tools

void TestNftBackend::badRuleRunsNoTool()
{
    // An empty tool directory: had any tool run, the error would be Tool/NotFound.
    QTemporaryDir dir(m_tmp.path() + QStringLiteral("/none-XXXXXX"));
    NftBackend backend(ToolRunner({dir.path()}));
    const QList<QByteArray> bad = {"-j DROP\n*nat",
                                   "-j DROP\r",
                                   QByteArray("-j D\0P", 5),
                                   "-j ACCEPT -t nat",
                                   "-s 1.2.3.4 -A FORWARD -j ACCEPT",
                                   "-m comment --comment \"unterminated"};
    for (const QByteArray &raw : bad) {
        BackendRule r;
        r.raw = raw;
        r.displaySpec = QString::fromUtf8(raw);
        QString error;
        QVERIFY(!TestBackend::replaceDockerUser(backend, Family::IPv4, {r}, true, true, &error));
        QCOMPARE(backend.lastErrorKind(), NftBackend::ErrorKind::BadRule);
        QVERIFY2(error.startsWith(QStringLiteral("rule 1")), qPrintable(error));
    }
}

// NftBackend against the real tools and kernel

void TestNftBackend::fixtures_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<Family>("family");
    const QDir dir(fixture(QStringLiteral("docker-20.10")));
    const QStringList v4 = dir.entryList({QStringLiteral("*.nft.v4.rules")}, QDir::Files);
    const QStringList v6 = dir.entryList({QStringLiteral("*.nft.v6.rules")}, QDir::Files);
    QVERIFY(!v4.isEmpty());
    QVERIFY(!v6.isEmpty());
    for (const QString &f : v4)
        QTest::newRow(qPrintable(f)) << dir.filePath(f) << Family::IPv4;
    for (const QString &f : v6)
        QTest::newRow(qPrintable(f)) << dir.filePath(f) << Family::IPv6;
    // Docker 27 to 29 (iptablesdoc captures and goldens): DOCKER-FORWARD and friends, raw.
    const QDir moby(fixture(QStringLiteral("docker-moby")));
    for (const QString &f : moby.entryList({QStringLiteral("*.v4.rules")}, QDir::Files))
        QTest::newRow(qPrintable(f)) << moby.filePath(f) << Family::IPv4;
    for (const QString &f : moby.entryList({QStringLiteral("*.v6.rules")}, QDir::Files))
        QTest::newRow(qPrintable(f)) << moby.filePath(f) << Family::IPv6;
}

void TestNftBackend::fixtures()
{
    QFETCH(QString, file);
    QFETCH(Family, family);
    // Docker 28.0's rules match an ipset; its companion file recreates it in this namespace.
    const QString ipsets = file.left(file.indexOf(QLatin1String(".v"))) + QStringLiteral(".ipset");
    if (QFile::exists(ipsets)) {
        const TestNetns::Result p =
            run(QStringLiteral("/usr/sbin/ipset"), {QStringLiteral("restore")}, readFile(ipsets));
        QVERIFY2(p.exitCode == 0, p.err.constData());
    }
    QByteArray err;
    QVERIFY2(restore(family, readFile(file), false, &err), err.constData());

    NftBackend backend;
    BackendTables tables;
    QString error;
    QVERIFY2(backend.read(family, &tables, &error), qPrintable(error));

    // Every chain and rule, in order, as iptables-nft-save -t prints each table.
    for (const QString &table : {QStringLiteral("filter"), QStringLiteral("nat")}) {
        const QByteArray saved = save(family, {QStringLiteral("-t"), table});
        QCOMPARE(backendLines(tables, table), tableLines(saved, table));
    }
    // raw only when nf_tables has it (`-t raw` would print empty built-in chains regardless).
    const bool hasRaw = save(family, {}).contains("\n*raw\n");
    QCOMPARE(findChain(tables, QStringLiteral("raw"), QStringLiteral("PREROUTING")) != nullptr,
             hasRaw);
    if (hasRaw)
        QCOMPARE(backendLines(tables, QStringLiteral("raw")),
                 tableLines(save(family, {QStringLiteral("-t"), QStringLiteral("raw")}),
                            QStringLiteral("raw")));
    int verbatim = 0;
    for (const BackendChain &c : tables.chains) {
        QVERIFY(c.builtin == (c.policy != QLatin1String("-")));
        for (const BackendRule &r : c.rules) {
            if (!r.raw.isEmpty()) {
                ++verbatim;
                // Docker writes only iptables rules: none of them is a native one.
                QVERIFY2(!r.displaySpec.startsWith(QStringLiteral("nft: ")),
                         qPrintable(r.displaySpec));
                QVERIFY(!r.unknownExtensions.isEmpty());
            } else {
                QCOMPARE(r.rule.toString(), r.displaySpec);
            }
        }
    }
    if (verbatim)
        qInfo("%d rules kept verbatim", verbatim);

    // Writing DOCKER-USER back as read changes nothing anywhere, verbatim rules included.
    const QByteArray before = save(family);
    const BackendChain *dockerUser =
        findChain(tables, QStringLiteral("filter"), QStringLiteral("DOCKER-USER"));
    if (dockerUser) {
        QVERIFY2(TestBackend::replaceDockerUser(backend, family, dockerUser->rules, false, false,
                                                &error),
                 qPrintable(error));
    } else {
        QVERIFY(!TestBackend::replaceDockerUser(backend, family, {}, false, false, &error));
        QCOMPARE(backend.lastErrorKind(), NftBackend::ErrorKind::ChainMissing);
    }
    QCOMPARE(contentLines(save(family)), contentLines(before));
}

void TestNftBackend::dockerExamplePolicy_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<Family>("family");
    QTest::addColumn<QString>("wanSubnets");
    QTest::newRow("v4") << fixture(QStringLiteral(
                               "docker-20.10/docker20.10-nft-with-containers.nft.v4.rules"))
                        << Family::IPv4 << QStringLiteral("10.1.0.0/16 10.2.0.0/16");
    QTest::newRow("v6, chain and jump created")
        << fixture(QStringLiteral(
               "docker-20.10/docker20.10-nft-ip6tables-with-containers.nft.v6.rules"))
        << Family::IPv6 << QStringLiteral("2001:db8:1::/48 2001:db8:2::/48");
}

void TestNftBackend::dockerExamplePolicy()
{
    QFETCH(QString, file);
    QFETCH(Family, family);
    QFETCH(QString, wanSubnets);
    QVERIFY(restore(family, readFile(file), false));
    const QStringList subnets = wanSubnets.split(QLatin1Char(' '));
    // Docker's page, "Docker and iptables": the full example policy.
    const QStringList specs = {
        QStringLiteral("-i ext_if -m conntrack --ctstate RELATED,ESTABLISHED -j RETURN"),
        QStringLiteral("-p tcp -m conntrack --ctorigdstport 80 --ctdir ORIGINAL -j RETURN"),
        QStringLiteral("-p tcp -m conntrack --ctorigdstport 443 --ctdir ORIGINAL -j RETURN"),
        QStringLiteral("-p tcp -m conntrack --ctorigdstport 8080 --ctdir ORIGINAL -s %1 -j RETURN")
            .arg(subnets[0]),
        QStringLiteral("-p tcp -m conntrack --ctorigdstport 8080 --ctdir ORIGINAL -s %1 -j RETURN")
            .arg(subnets[1]),
        QStringLiteral("-i ext_if -j DROP"),
        QStringLiteral("-j RETURN"),
    };
    QString error;
    const QVector<BackendRule> rules = parsedRules(specs, family, &error);
    QVERIFY2(!rules.isEmpty(), qPrintable(error));

    const QByteArray before = save(family);
    const bool hadChain =
        chainRules(before, QStringLiteral("FORWARD")).contains(QStringLiteral("-j DOCKER-USER"));
    NftBackend backend;
    QVERIFY2(TestBackend::replaceDockerUser(backend, family, rules, !hadChain, !hadChain, &error),
             qPrintable(error));
    const QByteArray after = save(family);
    QCOMPARE(chainRules(after, QStringLiteral("DOCKER-USER")), specsOf(rules));

    QStringList expectedOthers = withoutDockerUserRules(before);
    if (!hadChain) {
        // The only other change: the chain and Docker's jump at FORWARD position 1.
        const int firstForward =
            std::find_if(expectedOthers.begin(), expectedOthers.end(),
                         [](const QString &l) { return l.contains(QLatin1String("-A FORWARD")); }) -
            expectedOthers.begin();
        expectedOthers.insert(firstForward, QStringLiteral("[0:0] -A FORWARD -j DOCKER-USER"));
        int lastDecl = firstForward;
        while (lastDecl > 0 && !expectedOthers[lastDecl].startsWith(QLatin1Char(':')))
            --lastDecl;
        expectedOthers.insert(lastDecl + 1, QStringLiteral(":DOCKER-USER - [0:0]"));
    }
    // Other lines byte-for-byte, counters included (comment lines carry timestamps).
    QStringList actualOthers = withoutDockerUserRules(after);
    QCOMPARE(actualOthers, expectedOthers);

    // And read back through the backend as the same typed rules.
    BackendTables tables;
    QVERIFY2(backend.read(family, &tables, &error), qPrintable(error));
    const BackendChain *dockerUser =
        findChain(tables, QStringLiteral("filter"), QStringLiteral("DOCKER-USER"));
    QVERIFY(dockerUser);
    QCOMPARE(dockerUser->rules.size(), rules.size());
    for (int i = 0; i < rules.size(); ++i) {
        QVERIFY(dockerUser->rules[i].raw.isEmpty());
        QCOMPARE(dockerUser->rules[i].rule, rules[i].rule);
    }
}

void TestNftBackend::corpus_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<Family>("family");
    QTest::newRow("v4") << QStringLiteral("corpus-v4.rules") << Family::IPv4;
    QTest::newRow("v6") << QStringLiteral("corpus-v6.rules") << Family::IPv6;
}

void TestNftBackend::corpus()
{
    QFETCH(QString, file);
    QFETCH(Family, family);
    const QString data = QStringLiteral(USERCHAIN_TEST_DATA_DIR "/");

    // Lines that are refused on purpose, or print differently under nft on purpose.
    QSet<QString> skip;
    for (const QByteArray &raw :
         readFile(data + QStringLiteral("stricter-than-iptables.txt")).split('\n')) {
        const QList<QByteArray> cols = raw.split('\t');
        if (!raw.startsWith('#') && cols.size() == 3 && cols[0].toInt() == int(family))
            skip << QString::fromUtf8(cols[1]);
    }
    for (const QByteArray &raw :
         readFile(data + QStringLiteral("nft-known-differences.txt")).split('\n'))
        if (!raw.startsWith('#') && !raw.trimmed().isEmpty())
            skip << QString::fromUtf8(raw.trimmed());

    QStringList specs, refused;
    for (const QByteArray &raw : readFile(data + file).split('\n')) {
        const QString line = QString::fromUtf8(raw).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')) || skip.contains(line))
            continue;
        RuleError e;
        if (!RuleParser::parse(line, family, &e))
            refused << line + QStringLiteral(": ") + e.message;
        specs << line;
    }
    QVERIFY2(refused.isEmpty(), qPrintable(refused.join(QLatin1Char('\n'))));
    QVERIFY(specs.size() > 100);

    const TestNetns::Result setup =
        run(QStringLiteral("/bin/sh"), {data + QStringLiteral("corpus-setup.sh")});
    QVERIFY2(setup.exitCode == 0, setup.err.constData());
    QVERIFY(restore(family, "*filter\n:DOCKER-USER - [0:0]\n:DOCKER - [0:0]\nCOMMIT\n", false));
    QString error;
    const QVector<BackendRule> rules = parsedRules(specs, family, &error);
    QVERIFY2(!rules.isEmpty(), qPrintable(error));

    const QByteArray before = save(family);
    NftBackend backend;
    QVERIFY2(TestBackend::replaceDockerUser(backend, family, rules, false, false, &error),
             qPrintable(error));
    const QByteArray after = save(family);
    QCOMPARE(withoutDockerUserRules(after), withoutDockerUserRules(before));
    const QStringList kernel = chainRules(after, QStringLiteral("DOCKER-USER"));
    const QStringList ours = specsOf(rules);
    QCOMPARE(kernel.size(), ours.size());
    // Where iptables-nft-save leaves out a part of the rule (`-i +`): what it prints then.
    QHash<QString, QString> omits;
    for (const QByteArray &raw :
         readFile(data + QStringLiteral("iptables-save-omits.txt")).split('\n')) {
        const QList<QByteArray> cols = raw.split('\t');
        if (!raw.startsWith('#') && cols.size() == 2)
            omits.insert(QString::fromUtf8(cols[0]), QString::fromUtf8(cols[1]));
    }
    QVERIFY(!omits.isEmpty());
    QStringList differ;
    for (int i = 0; i < ours.size(); ++i)
        if (kernel[i] != omits.value(ours[i], ours[i]))
            differ << QStringLiteral("ours:   %1\nkernel: %2").arg(ours[i], kernel[i]);
    QVERIFY2(differ.isEmpty(), qPrintable(differ.join(QLatin1Char('\n'))));

    // Read back: every rule typed again (none verbatim) and equal to what was written.
    BackendTables tables;
    QVERIFY2(backend.read(family, &tables, &error), qPrintable(error));
    const BackendChain *dockerUser =
        findChain(tables, QStringLiteral("filter"), QStringLiteral("DOCKER-USER"));
    QVERIFY(dockerUser);
    QCOMPARE(dockerUser->rules.size(), rules.size());
    for (int i = 0; i < rules.size(); ++i) {
        QVERIFY2(dockerUser->rules[i].raw.isEmpty(), qPrintable(dockerUser->rules[i].displaySpec));
        QCOMPARE(dockerUser->rules[i].rule, rules[i].rule);
    }

    // The kernel's expressions are the ones iptables-nft-restore gives the same rules.
    const QString nftFamily = family == Family::IPv4 ? QStringLiteral("ip") : QStringLiteral("ip6");
    const QStringList ourExpressions = ruleExpressions(nftFamily);
    QByteArray input = "*filter\n-F DOCKER-USER\n";
    for (const QString &spec : specs)
        input += "-A DOCKER-USER " + spec.toUtf8() + "\n";
    input += "COMMIT\n";
    QByteArray restoreErr;
    QVERIFY2(restore(family, input, true, &restoreErr), restoreErr.constData());
    const QStringList toolExpressions = ruleExpressions(nftFamily);
    QCOMPARE(ourExpressions.size(), toolExpressions.size());
    QStringList exprDiffer;
    for (int i = 0; i < ourExpressions.size(); ++i)
        if (ourExpressions[i] != toolExpressions[i])
            exprDiffer << QStringLiteral("%1\nours: %2\ntool: %3")
                              .arg(specs[i], ourExpressions[i], toolExpressions[i]);
    QVERIFY2(exprDiffer.isEmpty(), qPrintable(exprDiffer.join(QLatin1Char('\n'))));

    // And every rule iptables-nft-restore wrote reads back as the text iptables-nft-save
    // prints, with `-i +` where it leaves that out: those typed, as the rule restored.
    QVERIFY2(backend.read(family, &tables, &error), qPrintable(error));
    dockerUser = findChain(tables, QStringLiteral("filter"), QStringLiteral("DOCKER-USER"));
    QVERIFY(dockerUser);
    const QStringList toolSaved = chainRules(save(family), QStringLiteral("DOCKER-USER"));
    QCOMPARE(dockerUser->rules.size(), toolSaved.size());
    for (int i = 0; i < toolSaved.size(); ++i) {
        const BackendRule &r = dockerUser->rules[i];
        const QString text = r.raw.isEmpty() ? r.rule.toString() : r.displaySpec;
        QCOMPARE(omits.value(text, text), toolSaved[i]);
        if (omits.contains(specs[i])) {
            QVERIFY2(r.raw.isEmpty(), qPrintable(r.displaySpec));
            QCOMPARE(r.rule, rules[i].rule);
        }
    }
}

void TestNftBackend::verbatimRulesRoundTrip()
{
    // Rules put there by someone else with iptables-nft, some of which Userchain cannot
    // represent (statistic, length, "! -i +").
    const QByteArray load =
        "*filter\n:DOCKER-USER - [0:0]\n:DOCKER - [0:0]\n"
        "-A DOCKER-USER -m statistic --mode random --probability 0.25 -j DROP\n"
        "-A DOCKER-USER -s 10.0.0.1/32 -j DROP\n"
        "-A DOCKER-USER -m length --length 1000:1500 -j DROP\n"
        "-A DOCKER-USER -m mark --mark 0x10/0xff -j ACCEPT\n"
        "-A DOCKER-USER ! -i + -j DROP\n"
        "-A DOCKER-USER -m time --timestart 09:00:00 --timestop 17:00:00 -j ACCEPT\n"
        "-A DOCKER-USER -j MARK --set-xmark 0x1/0xffffffff\n"
        "-A DOCKER-USER -g DOCKER\n"
        "-A DOCKER-USER -j RETURN\n"
        "COMMIT\n";
    QByteArray err;
    QVERIFY2(restore(Family::IPv4, load, false, &err), err.constData());
    const QStringList original = chainRules(save(Family::IPv4), QStringLiteral("DOCKER-USER"));
    QCOMPARE(original.size(), 9);

    NftBackend backend;
    BackendTables tables;
    QString error;
    QVERIFY2(backend.read(Family::IPv4, &tables, &error), qPrintable(error));
    const BackendChain *dockerUser =
        findChain(tables, QStringLiteral("filter"), QStringLiteral("DOCKER-USER"));
    QVERIFY(dockerUser);
    QStringList reasons;
    for (const BackendRule &r : dockerUser->rules)
        reasons << (r.raw.isEmpty() ? QStringLiteral("-") : r.unknownExtensions);
    QCOMPARE(reasons, QStringList({QStringLiteral("statistic"), QStringLiteral("-"),
                                   QStringLiteral("length"), QStringLiteral("-"),
                                   QStringLiteral("ip"), QStringLiteral("-"), QStringLiteral("-"),
                                   QStringLiteral("-"), QStringLiteral("-")}));

    // Moved as a whole: reversed, and written back exactly (from their kernel form, not from
    // a text: most of these extensions have none that Userchain could write).
    QVector<BackendRule> reversed = dockerUser->rules;
    std::reverse(reversed.begin(), reversed.end());
    QVERIFY2(TestBackend::replaceDockerUser(backend, Family::IPv4, reversed, false, false, &error),
             qPrintable(error));
    QStringList expected = original;
    std::reverse(expected.begin(), expected.end());
    QCOMPARE(chainRules(save(Family::IPv4), QStringLiteral("DOCKER-USER")), expected);
}

void TestNftBackend::createChainAndJump()
{
    NftBackend backend;
    QString error;
    const auto rules =
        parsedRules({QStringLiteral("-s 192.0.2.1 -j DROP"), QStringLiteral("-j RETURN")},
                    Family::IPv4, &error);
    QVERIFY2(!rules.isEmpty(), qPrintable(error));
    const QString nft = QStringLiteral("/usr/sbin/nft");

    // No tables at all: without createChain nothing may be created, not even a table.
    QVERIFY(!TestBackend::replaceDockerUser(backend, Family::IPv4, rules, false, true, &error));
    QCOMPARE(backend.lastErrorKind(), NftBackend::ErrorKind::ChainMissing);
    QCOMPARE(error, QStringLiteral("the chain DOCKER-USER does not exist"));
    QCOMPARE(run(nft, {QStringLiteral("list"), QStringLiteral("ruleset")}).out, QByteArray());

    // The chain alone.
    QVERIFY2(TestBackend::replaceDockerUser(backend, Family::IPv4, rules, true, false, &error),
             qPrintable(error));
    const QByteArray saved = save(Family::IPv4);
    QCOMPARE(chainRules(saved, QStringLiteral("DOCKER-USER")), specsOf(rules));
    QCOMPARE(chainRules(saved, QStringLiteral("FORWARD")), QStringList());

    // The jump, once, however often it is asked for.
    for (int i = 0; i < 2; ++i) {
        QVERIFY2(TestBackend::replaceDockerUser(backend, Family::IPv4, rules, false, true, &error),
                 qPrintable(error));
        QCOMPARE(chainRules(save(Family::IPv4), QStringLiteral("FORWARD")),
                 QStringList{QStringLiteral("-j DOCKER-USER")});
    }

    // Docker's FORWARD without the jump: it goes to position 1, the rest keeps its order;
    // and only when asked for.
    QVERIFY(freshNetns());
    QVERIFY(restore(Family::IPv4,
                    readFile(fixture(QStringLiteral(
                        "docker-20.10/docker20.10-nft-with-containers.nft.v4.rules"))),
                    false));
    QCOMPARE(run(iptablesTool(Family::IPv4), {QStringLiteral("-D"), QStringLiteral("FORWARD"),
                                              QStringLiteral("-j"), QStringLiteral("DOCKER-USER")})
                 .exitCode,
             0);
    const QStringList forward = chainRules(save(Family::IPv4), QStringLiteral("FORWARD"));
    QVERIFY(!forward.contains(QStringLiteral("-j DOCKER-USER")));
    QVERIFY2(TestBackend::replaceDockerUser(backend, Family::IPv4, rules, false, false, &error),
             qPrintable(error));
    QCOMPARE(chainRules(save(Family::IPv4), QStringLiteral("FORWARD")), forward);
    QVERIFY2(TestBackend::replaceDockerUser(backend, Family::IPv4, rules, false, true, &error),
             qPrintable(error));
    QCOMPARE(chainRules(save(Family::IPv4), QStringLiteral("FORWARD")),
             QStringList{QStringLiteral("-j DOCKER-USER")} + forward);

    // A jump elsewhere in FORWARD (tampered with) counts: no second one.
    QVERIFY(freshNetns());
    QVERIFY(restore(Family::IPv4,
                    readFile(fixture(QStringLiteral(
                        "docker-20.10/docker20.10-nft-tampered-before-restart.nft.v4.rules"))),
                    false));
    const QStringList tampered = chainRules(save(Family::IPv4), QStringLiteral("FORWARD"));
    QVERIFY(tampered.contains(QStringLiteral("-j DOCKER-USER")));
    QVERIFY(tampered.first() != QStringLiteral("-j DOCKER-USER"));
    QVERIFY2(TestBackend::replaceDockerUser(backend, Family::IPv4, rules, false, true, &error),
             qPrintable(error));
    QCOMPARE(chainRules(save(Family::IPv4), QStringLiteral("FORWARD")), tampered);
}

void TestNftBackend::refusedRuleChangesNothing()
{
    // "! -s 0.0.0.0/0" passes as a typed rule (RuleParser would refuse the text) and
    // nf_tables refuses it: the kernel fails the transaction at the third rule.
    for (const Family family : {Family::IPv4, Family::IPv6}) {
        QVERIFY(freshNetns());
        const QString file =
            family == Family::IPv4
                ? QStringLiteral(
                      "docker-20.10/docker20.10-nft-user-rules-before-restart.nft.v4.rules")
                : QStringLiteral(
                      "docker-20.10/docker20.10-nft-ip6tables-with-containers.nft.v6.rules");
        QVERIFY(restore(family, readFile(fixture(file)), false));
        QString error;
        QVector<BackendRule> rules =
            parsedRules({QStringLiteral("-p tcp --dport 22 -j DROP"), QStringLiteral("-j RETURN")},
                        family, &error);
        QVERIFY2(!rules.isEmpty(), qPrintable(error));
        BackendRule bad;
        bad.rule.family = family;
        bad.rule.source =
            family == Family::IPv4 ? QStringLiteral("0.0.0.0/0") : QStringLiteral("::/0");
        bad.rule.sourceNegated = true;
        bad.rule.target.name = QStringLiteral("DROP");
        rules.insert(2, bad);

        const QByteArray before = save(family);
        const bool hasChain = before.contains(":DOCKER-USER ");
        NftBackend backend;
        // IPv6 has no DOCKER-USER yet: chain, jump and rules must all stay out.
        QVERIFY(!TestBackend::replaceDockerUser(backend, family, rules, !hasChain, true, &error));
        QCOMPARE(backend.lastErrorKind(), NftBackend::ErrorKind::Kernel);
        QVERIFY2(error.contains(QStringLiteral("(rule 3)")), qPrintable(error));
        qInfo("%s", qPrintable(error));
        QCOMPARE(withoutDockerUserRules(save(family)), withoutDockerUserRules(before));
        QCOMPARE(chainRules(save(family), QStringLiteral("DOCKER-USER")),
                 chainRules(before, QStringLiteral("DOCKER-USER")));
    }
}

/// Hundreds of rules replaced around one that stays: the writer flushes and adds the chain again
/// (deleting by handle one by one is quadratic in the kernel), and the rule that stays keeps
/// its counters.
void TestNftBackend::manyChangesKeepOrderAndCounters()
{
    QVERIFY(freshNetns());
    QVERIFY(restore(Family::IPv4,
                    readFile(fixture(QStringLiteral(
                        "docker-20.10/docker20.10-nft-with-containers.nft.v4.rules"))),
                    false));
    const auto specs = [](int base) {
        QStringList list;
        for (int i = 0; i < 600; ++i)
            list << QStringLiteral("-s 10.%1.%2.%3/32 -j DROP").arg(base).arg(i / 250).arg(i % 250);
        return list;
    };
    // The rule that stays, with counters the kernel holds.
    const TestNetns::Result counted =
        run(restoreTool(Family::IPv4), {QStringLiteral("-c"), QStringLiteral("-n")},
            "*filter\n-F DOCKER-USER\n[7:420] -A DOCKER-USER -i eth0 -j RETURN\n"
            "COMMIT\n");
    QCOMPARE(counted.exitCode, 0);
    QString error;
    NftBackend backend;
    const QStringList first = specs(1) + QStringList{QStringLiteral("-i eth0 -j RETURN")};
    QVERIFY2(TestBackend::replaceDockerUser(backend, Family::IPv4,
                                            parsedRules(first, Family::IPv4, &error), false, false,
                                            &error),
             qPrintable(error));
    QCOMPARE(chainRules(save(Family::IPv4), QStringLiteral("DOCKER-USER")), first);
    const QStringList second = specs(2) + QStringList{QStringLiteral("-i eth0 -j RETURN")};
    QVERIFY2(TestBackend::replaceDockerUser(backend, Family::IPv4,
                                            parsedRules(second, Family::IPv4, &error), false, false,
                                            &error),
             qPrintable(error));
    const QByteArray saved = save(Family::IPv4);
    QCOMPARE(chainRules(saved, QStringLiteral("DOCKER-USER")), second);
    QVERIFY2(saved.contains("[7:420] -A DOCKER-USER -i eth0 -j RETURN"), saved.constData());
}

void TestNftBackend::concurrentInsertIsNeverLost_data()
{
    QTest::addColumn<Family>("family");
    QTest::newRow("v4") << Family::IPv4;
    QTest::newRow("v6") << Family::IPv6;
}

void TestNftBackend::concurrentInsertIsNeverLost()
{
    // The race: a 10,000-rule apply while another process inserts a rule at the top
    // of DOCKER-USER at a random moment. The insert may come before the read (the apply then
    // saw it and replaced it knowingly), after the commit (it stays), or in between: then the
    // commit must be refused as stale, with nothing changed. It is never lost silently.
    QFETCH(Family, family);
    const bool v4 = family == Family::IPv4;
    const QString inserted = v4 ? QStringLiteral("-s 1.2.3.4/32 -j DROP")
                                : QStringLiteral("-s 2001:db8::1234/128 -j DROP");
    QStringList specs;
    for (int i = 0; i < 10000; ++i)
        specs << (v4 ? QStringLiteral("-s 10.%1.%2.0/24 -j RETURN").arg(i / 256).arg(i % 256)
                     : QStringLiteral("-s 2001:db8:%1::/48 -j RETURN").arg(i, 0, 16));
    QString error;
    const QVector<BackendRule> big = parsedRules(specs, family, &error);
    QVERIFY2(!big.isEmpty(), qPrintable(error));
    QVERIFY(restore(family, "*filter\n:DOCKER-USER - [0:0]\n-A DOCKER-USER -j RETURN\nCOMMIT\n",
                    false));
    NftBackend backend;
    const QVector<BackendRule> small = parsedRules({QStringLiteral("-j RETURN")}, family, &error);
    std::srand(4711);
    int stale = 0, before = 0, after = 0, remembered = 0;
    for (int trial = 0; trial < 50; ++trial) {
        // Start from a small chain each time; the wanted one alternates so every apply writes.
        // Every other time the backend writes it, so that the apply starts from the chain the
        // backend remembers (no read, unless the insert came first).
        if (trial % 2)
            QVERIFY2(TestBackend::replaceDockerUser(backend, family, small, false, false, &error),
                     qPrintable(error));
        else
            QVERIFY(restore(family, "*filter\n-F DOCKER-USER\n-A DOCKER-USER -j RETURN\nCOMMIT\n",
                            true));
        QCOMPARE(backend.remembers(family), trial % 2 == 1);
        const int delayMs = std::rand() % 400;
        QProcess writer;
        writer.start(
            QStringLiteral("/bin/sh"),
            {QStringLiteral("-c"), QStringLiteral("sleep %1; exec %2 -w -I DOCKER-USER 1 %3")
                                       .arg(delayMs / 1000.0)
                                       .arg(iptablesTool(family), inserted)});
        QVERIFY(writer.waitForStarted());
        remembered += backend.remembers(family) ? 1 : 0;
        auto session = backend.beginSession(family, &error);
        QVERIFY2(session, qPrintable(error));
        const bool sawIt =
            session->dockerUser() &&
            std::any_of(session->dockerUser()->rules.begin(), session->dockerUser()->rules.end(),
                        [&](const BackendRule &r) {
                            return r.raw.isEmpty() && r.rule.toString() == inserted;
                        });
        QVERIFY2(session->prepare(big, false, false, &error), qPrintable(error));
        const bool committed = session->commit(&error);
        QVERIFY(writer.waitForFinished(60000));
        QCOMPARE(writer.exitCode(), 0);
        const QStringList now = chainRules(save(family), QStringLiteral("DOCKER-USER"));
        const bool present = now.contains(inserted);
        if (!committed) {
            QVERIFY2(backend.lastErrorKind() == NftBackend::ErrorKind::Stale, qPrintable(error));
            QVERIFY(present);
            QCOMPARE(now.size(), 2); // nothing of the apply
            ++stale;
        } else if (sawIt) {
            ++before; // replaced by an apply that had read it
        } else {
            QVERIFY2(present,
                     qPrintable(QStringLiteral("trial %1: the insert was lost").arg(trial)));
            QCOMPARE(now.size(), big.size() + 1);
            ++after;
        }
    }
    qInfo("50 trials: %d stale (refused), %d inserted before the read, %d after the commit; "
          "%d from the remembered chain",
          stale, before, after, remembered);
}

void TestNftBackend::nativeRuleIsReadOnly_data()
{
    QTest::addColumn<Family>("family");
    QTest::addColumn<QString>("nftFamily");
    QTest::addColumn<QString>("set");
    QTest::newRow("v4") << Family::IPv4 << QStringLiteral("ip")
                        << QStringLiteral("ip saddr { 1.2.3.4, 5.6.7.8 }");
    QTest::newRow("v6") << Family::IPv6 << QStringLiteral("ip6")
                        << QStringLiteral("ip6 saddr { 2001:db8::1, 2001:db8::2 }");
}

void TestNftBackend::nativeRuleIsReadOnly()
{
    // iptables-nft-save 1.8.9 prints this rule as a plain "-j ACCEPT": taken as an editable
    // rule, the next apply would write an unconditional ACCEPT. Read from the kernel, it is a
    // native rule: shown, never typed, never rewritten.
    QFETCH(Family, family);
    QFETCH(QString, nftFamily);
    QFETCH(QString, set);
    const QString nft = QStringLiteral("/usr/sbin/nft");
    QVERIFY(restore(family,
                    "*filter\n:DOCKER-USER - [0:0]\n-A DOCKER-USER -j RETURN\nCOMMIT\n"
                    "*nat\n:DOCKER - [0:0]\nCOMMIT\n",
                    false));
    const TestNetns::Result added =
        run(nft, {QStringLiteral("insert rule %1 filter DOCKER-USER %2 counter accept")
                      .arg(nftFamily, set)});
    QVERIFY2(added.exitCode == 0, added.err.constData());
    QCOMPARE(run(nft, {QStringLiteral("add rule %1 nat DOCKER meta mark 0x10 ct state new "
                                      "counter accept")
                           .arg(nftFamily)})
                 .exitCode,
             0);
    // The oracle's blind spot, which this backend must not share.
    QVERIFY(chainRules(save(family), QStringLiteral("DOCKER-USER"))
                .contains(QStringLiteral("-j ACCEPT")));
    const QByteArray listing =
        run(nft, {QStringLiteral("-a"), QStringLiteral("list"), QStringLiteral("chain"), nftFamily,
                  QStringLiteral("filter"), QStringLiteral("DOCKER-USER")})
            .out;

    NftBackend backend;
    BackendTables tables;
    QString error;
    QVERIFY2(backend.read(family, &tables, &error), qPrintable(error));
    const BackendChain *dockerUser =
        findChain(tables, QStringLiteral("filter"), QStringLiteral("DOCKER-USER"));
    QVERIFY(dockerUser);
    QCOMPARE(dockerUser->rules.size(), 2);
    const BackendRule &native = dockerUser->rules[0];
    QVERIFY(!native.raw.isEmpty());
    QVERIFY2(native.displaySpec.startsWith(QStringLiteral("nft: ")),
             qPrintable(native.displaySpec));
    QVERIFY2(native.displaySpec.contains(QStringLiteral("lookup")), qPrintable(native.displaySpec));
    QVERIFY2(native.unknownExtensions.startsWith(QStringLiteral("nftables")),
             qPrintable(native.unknownExtensions));
    QVERIFY(dockerUser->rules[1].raw.isEmpty());
    QCOMPARE(dockerUser->rules[1].rule.toString(), QStringLiteral("-j RETURN"));
    // nat's native rule is shown too (read-only), instead of nat being left out.
    const BackendChain *docker = findChain(tables, QStringLiteral("nat"), QStringLiteral("DOCKER"));
    QVERIFY(docker);
    QCOMPARE(docker->rules.size(), 1);
    QVERIFY(!docker->rules[0].raw.isEmpty());

    // Rules change around it; it keeps its handle and expressions.
    QVERIFY2(TestBackend::replaceDockerUser(backend, family,
                                            {dockerUser->rules[1], dockerUser->rules[0]}, false,
                                            false, &error),
             qPrintable(error));
    QCOMPARE(nativeRuleLine(nftListing(family, nftFamily)), nativeRuleLine(listing));
    QCOMPARE(chainRules(save(family), QStringLiteral("DOCKER-USER")),
             QStringList({QStringLiteral("-j RETURN"), QStringLiteral("-j ACCEPT")}));

    // 100 random applies around it: it keeps its place, handle and expressions.
    const QString nativeLine = nativeRuleLine(listing);
    QVERIFY(!nativeLine.isEmpty());
    QStringList pool;
    for (int i = 0; i < 20; ++i)
        pool << (family == Family::IPv4 ? QStringLiteral("-s 10.0.%1.0/24 -j DROP").arg(i)
                                        : QStringLiteral("-s 2001:db8:%1::/48 -j DROP").arg(i));
    std::srand(15);
    for (int trial = 0; trial < 100; ++trial) {
        QStringList before, after;
        for (int i = std::rand() % 4; i > 0; --i)
            before << pool[std::rand() % pool.size()];
        for (int i = std::rand() % 4; i > 0; --i)
            after << pool[std::rand() % pool.size()];
        auto session = backend.beginSession(family, &error);
        QVERIFY2(session, qPrintable(error));
        const BackendChain *current = session->dockerUser();
        QVERIFY(current);
        int nativeAt = -1;
        for (int i = 0; i < current->rules.size(); ++i)
            if (current->rules[i].displaySpec.startsWith(QStringLiteral("nft: ")))
                nativeAt = i;
        QVERIFY(nativeAt >= 0);
        QVector<BackendRule> wanted = parsedRules(before, family, &error);
        wanted << current->rules[nativeAt];
        wanted += parsedRules(after, family, &error);
        QVERIFY2(session->prepare(wanted, false, false, &error), qPrintable(error));
        QVERIFY2(session->commit(&error), qPrintable(error));
        QCOMPARE(nativeRuleLine(nftListing(family, nftFamily)), nativeLine);
        QCOMPARE(chainRules(save(family), QStringLiteral("DOCKER-USER")).size(), wanted.size());
    }

    // Deleted by someone else after the read: an apply that would keep it is refused.
    {
        auto session = backend.beginSession(family, &error);
        QVERIFY(session);
        const QVector<BackendRule> keep = session->dockerUser()->rules;
        const QString handle = nativeLine.section(QStringLiteral("# handle "), 1).trimmed();
        const TestNetns::Result deleted =
            run(nft, {QStringLiteral("delete"), QStringLiteral("rule"), nftFamily,
                      QStringLiteral("filter"), QStringLiteral("DOCKER-USER"),
                      QStringLiteral("handle"), handle});
        QVERIFY2(deleted.exitCode == 0, deleted.err.constData());
        const QByteArray unchanged = save(family);
        QVERIFY(!TestBackend::replaceDockerUser(backend, family, keep, false, false, &error));
        QCOMPARE(backend.lastErrorKind(), NftBackend::ErrorKind::NativeRule);
        QCOMPARE(contentLines(save(family)), contentLines(unchanged));
        // The session's own commit: its generation is stale, DOCKER-USER changed.
        QVERIFY(session->prepare(keep + parsedRules({QStringLiteral("-j DROP")}, family, &error),
                                 false, false, &error));
        QVERIFY(!session->commit(&error));
        QCOMPARE(backend.lastErrorKind(), NftBackend::ErrorKind::Stale);
        QCOMPARE(contentLines(save(family)), contentLines(unchanged));
    }

    // Removed on purpose: deleted by its handle, nothing else touched.
    QVERIFY2(TestBackend::replaceDockerUser(
                 backend, family, parsedRules({QStringLiteral("-j RETURN")}, family, &error), false,
                 false, &error),
             qPrintable(error));
    QVERIFY(nativeRuleLine(nftListing(family, nftFamily)).isEmpty());
}

void TestNftBackend::dockerNftables_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<bool>("v4");
    QTest::addColumn<bool>("v6");
    QTest::newRow("no tables") << QString() << false << false;
    const QDir dir(fixture(QStringLiteral("docker-moby")));
    const QStringList files =
        dir.entryList({QStringLiteral("docker29.7.2-nftables-*.nft")}, QDir::Files);
    QVERIFY(!files.isEmpty());
    for (const QString &f : files)
        QTest::newRow(qPrintable(f)) << dir.filePath(f) << f.endsWith(QLatin1String(".v4.nft"))
                                     << f.endsWith(QLatin1String(".v6.nft"));
}

void TestNftBackend::dockerNftables()
{
    QFETCH(QString, file);
    QFETCH(bool, v4);
    QFETCH(bool, v6);
    if (!file.isEmpty()) {
        // nft 1.0.6 does not know the symbolic priority moby's captures print for this hook.
        QByteArray ruleset = readFile(file);
        ruleset.replace("type nat hook output priority dstnat;",
                        "type nat hook output priority -100;");
        const TestNetns::Result load = run(QStringLiteral("/usr/sbin/nft"),
                                           {QStringLiteral("-f"), QStringLiteral("-")}, ruleset);
        QVERIFY2(load.exitCode == 0, load.err.constData());
    }
    NftBackend backend;
    QString error;
    QCOMPARE(backend.dockerNftablesExists(Family::IPv4, &error), std::optional<bool>(v4));
    QCOMPARE(backend.dockerNftablesExists(Family::IPv6, &error), std::optional<bool>(v6));

    // The iptables side then shows what Docker 29 leaves there: no DOCKER-USER at all.
    for (const Family family : {Family::IPv4, Family::IPv6}) {
        BackendTables tables;
        QVERIFY2(backend.read(family, &tables, &error), qPrintable(error));
        QVERIFY(!findChain(tables, QStringLiteral("filter"), QStringLiteral("DOCKER-USER")));
        QVERIFY(findChain(tables, QStringLiteral("filter"), QStringLiteral("FORWARD")));
    }

    // nft missing is an error, not a "no".
    QTemporaryDir empty(m_tmp.path() + QStringLiteral("/nonft-XXXXXX"));
    NftBackend without(ToolRunner({empty.path()}));
    QCOMPARE(without.dockerNftablesExists(Family::IPv4, &error), std::optional<bool>());
    QCOMPARE(without.lastToolError(), ToolRunner::ErrorKind::NotFound);
}

int main(int argc, char **argv)
{
    // Before anything else, so that nothing below can reach the host's tables.
    TestNetns::enterPrivateNetwork(argc, argv);
    QCoreApplication app(argc, argv);
    TestNftBackend test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_nftbackend.moc"

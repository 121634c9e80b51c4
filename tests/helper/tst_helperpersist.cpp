// Persistence end to end: "Save permanently" writes the live DOCKER-USER to the root-owned file
// in /etc/userchain (a throwaway overlay inside scripts/sandbox), and the command of
// userchain-restore.service, run as systemd would run it, puts the rules and the FORWARD jump
// back after they were flushed as after a reboot. Checked against iptables-legacy-save (and
// iptables-nft-save in the nft variant) in the sandbox's network namespace.
//
// Built twice: tst_helperpersist (legacy tables) and, with USERCHAIN_PERSIST_NFT,
// tst_helperpersistnft in a sandbox of its own whose Docker chains live in nf_tables.

#include "blockinghelperclient.h"
#include "helper1interface.h"
#include "persistentstore.h"
#include "restorefile.h"
#include "rulerefusal.h"
#include "testsandbox.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace Userchain;

namespace {

const QString PermittedUser = QStringLiteral("userchain-test"); // may read and apply, not persist
const QString Stranger = QStringLiteral("nobody");              // no rule: policy defaults

const char *ExamplePolicy = R"(*filter
:DOCKER-USER - [0:0]
-F DOCKER-USER
-A DOCKER-USER -i ext_if -m conntrack --ctstate RELATED,ESTABLISHED -j RETURN
-A DOCKER-USER -i ext_if -p tcp -m conntrack --ctorigdstport 80 --ctdir ORIGINAL -j RETURN
-A DOCKER-USER -i ext_if -p tcp -m conntrack --ctorigdstport 443 --ctdir ORIGINAL -j RETURN
-A DOCKER-USER -m iprange -i ext_if ! --src-range 192.168.1.1-192.168.1.3 -j DROP
-A DOCKER-USER -i ext_if -j DROP
-A DOCKER-USER -j RETURN
COMMIT
)";

QString savedPath(Family family = Family::IPv4)
{
    return PersistentStore().path(family);
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &content, mode_t mode = 0644)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        file.write(content) != content.size())
        return false;
    file.close();
    return ::chmod(QFile::encodeName(path).constData(), mode) == 0;
}

struct FileState
{
    bool exists = false;
    mode_t mode = 0;
    uid_t uid = 0;
    gid_t gid = 0;
    ino_t inode = 0;
    qint64 mtimeNs = 0;
    QByteArray content;
    bool operator==(const FileState &o) const
    {
        return exists == o.exists && mode == o.mode && inode == o.inode && mtimeNs == o.mtimeNs &&
               content == o.content;
    }
};

FileState fileState(const QString &path)
{
    FileState s;
    struct stat st;
    if (::lstat(QFile::encodeName(path).constData(), &st) != 0)
        return s;
    s.exists = true;
    s.mode = st.st_mode;
    s.uid = st.st_uid;
    s.gid = st.st_gid;
    s.inode = st.st_ino;
    s.mtimeNs = qint64(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
    s.content = readFile(path);
    return s;
}

bool run(const QString &program, const QStringList &args)
{
    const auto r = TestSandbox::run(program, args);
    if (r.exitCode != 0)
        qWarning("%s %s: %s", qPrintable(program), qPrintable(args.join(QLatin1Char(' '))),
                 qPrintable(r.describe()));
    return r.exitCode == 0;
}

/**
 * The ExecStart= line of userchain-restore.service, with the helper path the install would
 * write, and the unit's Environment= lines: the command exactly as systemd would start it.
 */
struct UnitCommand
{
    QString program;
    QStringList args;
    QStringList environment; ///< "NAME=value" from Environment=
};

UnitCommand unitCommand(const QString &name = QStringLiteral("userchain-restore.service"))
{
    UnitCommand command;
    const QString unit = QString::fromUtf8(
        readFile(QStringLiteral(USERCHAIN_SOURCE_DIR "/resources/systemd/") + name + ".in"));
    for (const QString &line : unit.split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1String("ExecStart="))) {
            QString exec = line.mid(int(qstrlen("ExecStart=")));
            exec.replace(QStringLiteral("@USERCHAIN_HELPER_PATH@"),
                         QStringLiteral(USERCHAIN_BINARY_DIR "/helper/userchain-helper"));
            // The line has no quotes or specifiers; systemd splits it on white space.
            QStringList words = exec.split(QLatin1Char(' '), Qt::SkipEmptyParts);
            command.program = words.takeFirst();
            command.args = words;
        } else if (line.startsWith(QLatin1String("Environment="))) {
            command.environment +=
                line.mid(int(qstrlen("Environment="))).split(QLatin1Char(' '), Qt::SkipEmptyParts);
        }
    }
    return command;
}

/// Runs the unit's command as systemd would: root, a clean environment, no session bus.
TestSandbox::Result runUnitCommand()
{
    const UnitCommand command = unitCommand();
    QProcessEnvironment env;
    // systemd's default PATH for system services.
    env.insert(QStringLiteral("PATH"),
               QStringLiteral("/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin"));
    for (const QString &assignment : command.environment)
        env.insert(assignment.section(QLatin1Char('='), 0, 0),
                   assignment.section(QLatin1Char('='), 1));
    // The unit binds the host's /run/xtables.lock; here the sandbox's private lock stands in.
    env.insert(QStringLiteral("XTABLES_LOCKFILE"), qEnvironmentVariable("XTABLES_LOCKFILE"));
    // Likewise the unit's /run/userchain/transaction.lock.
    env.insert(QStringLiteral("USERCHAIN_TRANSACTION_LOCK"),
               qEnvironmentVariable("USERCHAIN_TRANSACTION_LOCK"));
    // A bus that does not exist: the restore must not need D-Bus at all.
    env.insert(QStringLiteral("DBUS_SYSTEM_BUS_ADDRESS"),
               QStringLiteral("unix:path=/nonexistent/system_bus_socket"));
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(command.program, command.args);
    TestSandbox::Result result;
    if (!process.waitForStarted() || !process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished();
        result.err = "did not run or timed out";
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

QStringList filterChain(const QString &chain, const QString &saveTool)
{
    QStringList specs;
    const QByteArray prefix = "-A " + chain.toUtf8();
    const auto saved = TestSandbox::run(saveTool, {QStringLiteral("-t"), QStringLiteral("filter")});
    for (const QByteArray &line : saved.out.split('\n')) {
        if (line == prefix)
            specs << QString();
        else if (line.startsWith(prefix + ' '))
            specs << QString::fromUtf8(line.mid(prefix.size() + 1));
    }
    return specs;
}

bool getSaved(Family family, bool *exists, QStringList *rules, qint64 *savedAt,
              QDBusError *error = nullptr)
{
    BlockingHelperClient client;
    QDBusPendingReply<bool, QStringList, qlonglong> reply = client.proxy()->GetSaved(int(family));
    reply.waitForFinished();
    if (reply.isError()) {
        if (error)
            *error = reply.error();
        return false;
    }
    *exists = reply.argumentAt<0>();
    *rules = reply.argumentAt<1>();
    *savedAt = reply.argumentAt<2>();
    return true;
}

QDBusPendingReply<QString> restoreSaved(Family family, uint flags)
{
    BlockingHelperClient client;
    QDBusPendingReply<QString> reply = client.proxy()->RestoreSaved(int(family), flags);
    reply.waitForFinished();
    return reply;
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Legacy tables (libiptc)
// ---------------------------------------------------------------------------------------------

class TestHelperPersist : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    // PersistentStore on its own, in a directory of the test's.
    void storeWritesAtomically();
    void storeRefusesUnsafeFiles();
    void storeParseErrors_data();
    void storeParseErrors();

    // Through the helper.
    void saveWritesExportForm();
    void saveTakesNoLock();
    void getSavedReturnsRules();
    void unitCommandRestoresAfterFlush();
    void unitCommandRecreatesChainAndJump();
    void unitCommandWithNothingSaved();
    void restoreSavedOverDBus();
    void ctlSaveRestoreStatus();
    void persistDeniedLeavesFileUnchanged();
    void strangerMayNotReadSaved();
    void corruptFileRestoresNothing();
    void unsafeFileRestoresNothing();
    void verbatimRuleBlocksSave();
    void pendingApplyBlocksSave();
    void pendingApplyBlocksUnitCommand();
    void bothFamilies();
    void unitFileVerifies();

private:
    static bool loadExample();
    QStringList m_example;
};

void TestHelperPersist::initTestCase()
{
    QVERIFY(TestSandbox::inside());
    registerDBusTypes();
    QVERIFY2(TestSandbox::ensureUser(PermittedUser), "cannot create the test user");
    // The sandbox's /etc is an overlay of its own: nothing here reaches the host's /etc.
    QVERIFY(qEnvironmentVariableIsSet("USERCHAIN_SANDBOX_DIR"));
}

bool TestHelperPersist::loadExample()
{
    if (!TestSandbox::restoreFile(
            QStringLiteral(USERCHAIN_FIXTURES_DIR
                           "/docker-20.10/docker20.10-legacy-with-containers.legacy.v4.rules")))
        return false;
    // As Docker's page loads a policy: iptables-restore -n of the export form.
    return TestSandbox::run(QStringLiteral("iptables-legacy-restore"), {QStringLiteral("-n")},
                            ExamplePolicy)
               .exitCode == 0;
}

void TestHelperPersist::init()
{
    QFile::remove(savedPath(Family::IPv4));
    QFile::remove(savedPath(Family::IPv6));
    QVERIFY(loadExample());
    m_example = TestSandbox::chainRules(QStringLiteral("DOCKER-USER"));
    QCOMPARE(m_example.size(), 6);
}

void TestHelperPersist::storeWritesAtomically()
{
    QTemporaryDir temp;
    QVERIFY(temp.isValid());
    // The directory is created (0755) if missing, even under a strict umask (the unit's 0077).
    const QString dir = temp.filePath(QStringLiteral("userchain"));
    const PersistentStore store(dir);
    const mode_t oldMask = ::umask(0077);
    ApplyError error;
    const bool saved = store.save(Family::IPv4, m_example, &error);
    ::umask(oldMask);
    QVERIFY2(saved, qPrintable(error.message));

    const FileState d = fileState(dir);
    QVERIFY(S_ISDIR(d.mode));
    QCOMPARE(d.mode & 07777, mode_t(0755));
    const FileState f = fileState(store.path(Family::IPv4));
    QVERIFY(S_ISREG(f.mode));
    QCOMPARE(f.mode & 07777, mode_t(0644));
    QCOMPARE(f.uid, ::geteuid());
    QCOMPARE(f.content, exportDockerUser(m_example));
    // Only the file: the temporary one was renamed, not left behind.
    QCOMPARE(QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
             QStringList{QStringLiteral("docker-user.v4.rules")});

    SavedRules loaded;
    QVERIFY2(store.load(Family::IPv4, &loaded, &error), qPrintable(error.message));
    QVERIFY(loaded.exists);
    QCOMPARE(loaded.specs, m_example);
    QCOMPARE(loaded.items.size(), m_example.size());
    QVERIFY(qAbs(QDateTime::currentMSecsSinceEpoch() - loaded.savedAtMs) < 60000);

    // A second save replaces the file as a whole (a new inode: rename, not rewrite).
    QVERIFY2(store.save(Family::IPv4, {QStringLiteral("-j RETURN")}, &error),
             qPrintable(error.message));
    const FileState g = fileState(store.path(Family::IPv4));
    QVERIFY(g.inode != f.inode);
    QCOMPARE(g.content, exportDockerUser({QStringLiteral("-j RETURN")}));
    QVERIFY(store.load(Family::IPv4, &loaded, &error));
    QCOMPARE(loaded.specs, QStringList{QStringLiteral("-j RETURN")});

    // Nothing saved for IPv6: not an error.
    QVERIFY(store.load(Family::IPv6, &loaded, &error));
    QVERIFY(!loaded.exists);
    QVERIFY(loaded.specs.isEmpty());
    // A missing directory neither.
    QVERIFY(
        PersistentStore(temp.filePath(QStringLiteral("none"))).load(Family::IPv4, &loaded, &error));
    QVERIFY(!loaded.exists);
}

void TestHelperPersist::storeRefusesUnsafeFiles()
{
    QTemporaryDir temp;
    QVERIFY(temp.isValid());
    const QString dir = temp.filePath(QStringLiteral("userchain"));
    const PersistentStore store(dir);
    ApplyError error;
    QVERIFY(store.save(Family::IPv4, m_example, &error));
    const QString path = store.path(Family::IPv4);
    const QByteArray path8 = QFile::encodeName(path);
    SavedRules loaded;

    // Writable by others: anyone could have chosen the boot-time firewall.
    QCOMPARE(::chmod(path8.constData(), 0666), 0);
    QVERIFY(!store.load(Family::IPv4, &loaded, &error));
    QVERIFY2(error.message.contains(QLatin1String("writable by others")),
             qPrintable(error.message));
    QCOMPARE(error.name, QLatin1String(DBusError::Failed));
    QCOMPARE(::chmod(path8.constData(), 0644), 0);

    // The directory likewise, for reading and for writing.
    QCOMPARE(::chmod(QFile::encodeName(dir).constData(), 0777), 0);
    QVERIFY(!store.load(Family::IPv4, &loaded, &error));
    QVERIFY(!store.save(Family::IPv4, m_example, &error));
    QCOMPARE(::chmod(QFile::encodeName(dir).constData(), 0755), 0);

    // A symlink is not followed, a FIFO not opened for reading, an oversized file not read.
    QVERIFY(QFile::remove(path));
    const QString other = temp.filePath(QStringLiteral("other.rules"));
    QVERIFY(writeFile(other, exportDockerUser(m_example)));
    QVERIFY(QFile::link(other, path));
    QVERIFY(!store.load(Family::IPv4, &loaded, &error));
    QVERIFY(QFile::remove(path));
    QCOMPARE(::mkfifo(path8.constData(), 0644), 0);
    QVERIFY(!store.load(Family::IPv4, &loaded, &error));
    QVERIFY2(error.message.contains(QLatin1String("not a regular file")),
             qPrintable(error.message));
    QVERIFY(QFile::remove(path));
    QByteArray huge = exportDockerUser(m_example);
    huge.insert(0, QByteArray(int(PersistentStore::MaxFileBytes), '#') + '\n');
    QVERIFY(writeFile(path, huge));
    QVERIFY(!store.load(Family::IPv4, &loaded, &error));
    QVERIFY2(error.message.contains(QLatin1String("larger than")), qPrintable(error.message));

    // A symlink in place of the directory: neither read nor written through.
    QTemporaryDir elsewhere;
    const QString linkDir = temp.filePath(QStringLiteral("linked"));
    QVERIFY(QFile::link(elsewhere.path(), linkDir));
    QVERIFY(!PersistentStore(linkDir).save(Family::IPv4, m_example, &error));
    QVERIFY(QDir(elsewhere.path()).isEmpty());
}

void TestHelperPersist::storeParseErrors_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("expected");

    QTest::newRow("empty") << QByteArray() << QStringLiteral(":1: not a saved DOCKER-USER");
    QTest::newRow("plain rule list")
        << QByteArray("-A DOCKER-USER -j RETURN\n") << QStringLiteral("F:1: ");
    QTest::newRow("truncated")
        << QByteArray("*filter\n:DOCKER-USER - [0:0]\n-F DOCKER-USER\n-A DOCKER-USER -j DROP\n")
        << QStringLiteral("has no \"COMMIT\"");
    QTest::newRow("bad rule on line 5")
        << QByteArray("# saved\n*filter\n:DOCKER-USER - [0:0]\n-F DOCKER-USER\n"
                      "-A DOCKER-USER -s 300.0.0.1 -j DROP\nCOMMIT\n")
        << QStringLiteral(":5: ");
    QTest::newRow("unknown option on line 4")
        << QByteArray("*filter\n:DOCKER-USER - [0:0]\n-A DOCKER-USER -j RETURN\n"
                      "-A DOCKER-USER -p tcp --dport 80 --bogus -j DROP\nCOMMIT\n")
        << QStringLiteral(":4: ");
    QTest::newRow("another chain")
        << QByteArray("*filter\n:DOCKER-USER - [0:0]\n-A DOCKER-USER -j RETURN\n"
                      "-A FORWARD -j ACCEPT\nCOMMIT\n")
        << QStringLiteral(":4: rule of chain \"FORWARD\" not imported (only DOCKER-USER is); a "
                          "saved file holds DOCKER-USER only");
    QByteArray comments;
    for (int i = 0; i < 17; ++i)
        comments += " -m comment --comment " + QByteArray(250, 'a');
    QTest::newRow("rule over 4 KiB") << QByteArray("*filter\n:DOCKER-USER - [0:0]\n-A DOCKER-USER" +
                                                   comments + " -j DROP\nCOMMIT\n")
                                     << QStringLiteral(":3: rule longer than 4096 bytes");
}

void TestHelperPersist::storeParseErrors()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, expected);
    SavedRules out;
    ApplyError error;
    QVERIFY(!PersistentStore::parse(Family::IPv4, content, QStringLiteral("F"), &out, &error));
    QVERIFY(!out.exists);
    QCOMPARE(error.name, QLatin1String(DBusError::InvalidRule));
    // A refused line (RuleRefusal) by its number, its words "FILE:LINE: message".
    const QList<RuleRefusal> refusals = RuleRefusal::fromMessage(error.message);
    QVERIFY2(!refusals.isEmpty() && refusals[0].where == RuleRefusal::Where::Line &&
                 !refusals[0].reason.isEmpty() &&
                 refusals[0].text.startsWith(QStringLiteral("F:%1: ").arg(refusals[0].number)),
             qPrintable(error.message));
    QVERIFY2(refusals[0].text.contains(expected), qPrintable(error.message));
}

void TestHelperPersist::saveTakesNoLock()
{
    // Save reads the kernel as GetSnapshot does, without the xtables lock (issue 11, item 7).
    const int lock = TestSandbox::holdXtablesLock();
    QVERIFY(lock >= 0);
    QElapsedTimer timer;
    timer.start();
    const auto saved = TestSandbox::ctl({QStringLiteral("save")});
    const qint64 elapsed = timer.elapsed();
    ::close(lock);
    QVERIFY2(saved.exitCode == 0, qPrintable(saved.describe()));
    QVERIFY2(elapsed < 2000, qPrintable(QStringLiteral("%1 ms").arg(elapsed)));
    QCOMPARE(readFile(savedPath()), exportDockerUser(m_example));
}

void TestHelperPersist::saveWritesExportForm()
{
    const auto saved = TestSandbox::ctl({QStringLiteral("save")});
    QVERIFY2(saved.exitCode == 0, qPrintable(saved.describe()));
    QVERIFY2(saved.out.contains(savedPath().toUtf8()), saved.out.constData());

    const FileState dir = fileState(PersistentStore::defaultDirectory());
    QVERIFY(S_ISDIR(dir.mode));
    QCOMPARE(dir.mode & 07777, mode_t(0755));
    QCOMPARE(dir.uid, uid_t(0));
    const FileState file = fileState(savedPath());
    QVERIFY(S_ISREG(file.mode));
    QCOMPARE(file.mode & 07777, mode_t(0644));
    QCOMPARE(file.uid, uid_t(0));
    QCOMPARE(file.gid, gid_t(0));
    // The export form of what the kernel holds.
    QCOMPARE(QString::fromUtf8(file.content), QString::fromUtf8(exportDockerUser(m_example)));

    // The oracle: iptables-restore -n loads it and the chain is the same.
    QVERIFY(run(QStringLiteral("iptables-legacy"),
                {QStringLiteral("-F"), QStringLiteral("DOCKER-USER")}));
    const auto loaded = TestSandbox::run(QStringLiteral("iptables-legacy-restore"),
                                         {QStringLiteral("-n"), savedPath()});
    QVERIFY2(loaded.exitCode == 0, qPrintable(loaded.describe()));
    QCOMPARE(TestSandbox::chainRules(QStringLiteral("DOCKER-USER")), m_example);
}

void TestHelperPersist::getSavedReturnsRules()
{
    bool exists = true;
    QStringList rules{QStringLiteral("x")};
    qint64 savedAt = -1;
    QVERIFY(getSaved(Family::IPv4, &exists, &rules, &savedAt));
    QVERIFY(!exists);
    QVERIFY(rules.isEmpty());
    QCOMPARE(savedAt, qint64(0));

    const auto saved = TestSandbox::ctl({QStringLiteral("save")});
    QVERIFY2(saved.exitCode == 0, qPrintable(saved.describe()));
    QVERIFY(getSaved(Family::IPv4, &exists, &rules, &savedAt));
    QVERIFY(exists);
    QCOMPARE(rules, m_example);
    QVERIFY(qAbs(QDateTime::currentMSecsSinceEpoch() - savedAt) < 60000);

    QVERIFY(getSaved(Family::IPv6, &exists, &rules, &savedAt));
    QVERIFY(!exists);

    QDBusError error;
    QVERIFY(!getSaved(Family(5), &exists, &rules, &savedAt, &error));
    QCOMPARE(error.name(), QLatin1String(DBusError::InvalidArgument));
}

void TestHelperPersist::unitCommandRestoresAfterFlush()
{
    const auto saved = TestSandbox::ctl({QStringLiteral("save")});
    QVERIFY2(saved.exitCode == 0, qPrintable(saved.describe()));
    const QByteArray before = TestSandbox::normalizedSave();

    // What a reboot or a Docker that rebuilt its chains leaves: DOCKER-USER empty, no jump.
    QVERIFY(run(QStringLiteral("iptables-legacy"),
                {QStringLiteral("-F"), QStringLiteral("DOCKER-USER")}));
    QVERIFY(run(QStringLiteral("iptables-legacy"),
                {QStringLiteral("-D"), QStringLiteral("FORWARD"), QStringLiteral("-j"),
                 QStringLiteral("DOCKER-USER")}));
    QVERIFY(TestSandbox::chainRules(QStringLiteral("DOCKER-USER")).isEmpty());

    const auto restored = runUnitCommand();
    QVERIFY2(restored.exitCode == 0, qPrintable(restored.describe()));
    QVERIFY2(restored.out.contains("IPv4: restored 6 rules"), restored.out.constData());
    QVERIFY2(restored.out.contains("IPv6: nothing saved"), restored.out.constData());
    QVERIFY2(restored.err.isEmpty(), restored.err.constData());
    QCOMPARE(TestSandbox::chainRules(QStringLiteral("DOCKER-USER")), m_example);
    QCOMPARE(TestSandbox::chainRules(QStringLiteral("FORWARD")).value(0),
             QStringLiteral("-j DOCKER-USER"));
    // Everything as before, every other chain included.
    QCOMPARE(QString::fromUtf8(TestSandbox::normalizedSave()), QString::fromUtf8(before));

    // Running it again (Docker restarted, nothing flushed) changes nothing and adds no jump.
    const auto again = runUnitCommand();
    QVERIFY2(again.exitCode == 0, qPrintable(again.describe()));
    QCOMPARE(QString::fromUtf8(TestSandbox::normalizedSave()), QString::fromUtf8(before));
}

void TestHelperPersist::unitCommandRecreatesChainAndJump()
{
    const auto saved = TestSandbox::ctl({QStringLiteral("save")});
    QVERIFY2(saved.exitCode == 0, qPrintable(saved.describe()));
    const QByteArray before = TestSandbox::normalizedSave();
    QVERIFY(run(QStringLiteral("iptables-legacy"),
                {QStringLiteral("-D"), QStringLiteral("FORWARD"), QStringLiteral("-j"),
                 QStringLiteral("DOCKER-USER")}));
    QVERIFY(run(QStringLiteral("iptables-legacy"),
                {QStringLiteral("-F"), QStringLiteral("DOCKER-USER")}));
    QVERIFY(run(QStringLiteral("iptables-legacy"),
                {QStringLiteral("-X"), QStringLiteral("DOCKER-USER")}));
    QVERIFY(!TestSandbox::save().contains(":DOCKER-USER"));

    const auto restored = runUnitCommand();
    QVERIFY2(restored.exitCode == 0, qPrintable(restored.describe()));
    QCOMPARE(TestSandbox::chainRules(QStringLiteral("DOCKER-USER")), m_example);
    QCOMPARE(TestSandbox::chainRules(QStringLiteral("FORWARD")).value(0),
             QStringLiteral("-j DOCKER-USER"));
    QCOMPARE(QString::fromUtf8(TestSandbox::normalizedSave()), QString::fromUtf8(before));
}

void TestHelperPersist::unitCommandWithNothingSaved()
{
    const QByteArray before = TestSandbox::normalizedSave();
    const auto restored = runUnitCommand();
    QVERIFY2(restored.exitCode == 0, qPrintable(restored.describe()));
    QVERIFY2(restored.out.contains("IPv4: nothing saved"), restored.out.constData());
    QCOMPARE(TestSandbox::normalizedSave(), before);

    // An unknown family is a usage error, and nothing happens.
    const UnitCommand command = unitCommand();
    const auto bad =
        TestSandbox::run(command.program, command.args + QStringList{QStringLiteral("--family"),
                                                                     QStringLiteral("5")});
    QCOMPARE(bad.exitCode, 1);
    QCOMPARE(TestSandbox::normalizedSave(), before);
}

void TestHelperPersist::restoreSavedOverDBus()
{
    const auto saved = TestSandbox::ctl({QStringLiteral("save")});
    QVERIFY2(saved.exitCode == 0, qPrintable(saved.describe()));
    const QByteArray before = TestSandbox::normalizedSave();
    QVERIFY(run(QStringLiteral("iptables-legacy"),
                {QStringLiteral("-F"), QStringLiteral("DOCKER-USER")}));

    // Dry run: validated, nothing changed.
    auto reply = restoreSaved(Family::IPv4, ApplyDryRun);
    QVERIFY2(!reply.isError(), qPrintable(reply.error().message()));
    QVERIFY(TestSandbox::chainRules(QStringLiteral("DOCKER-USER")).isEmpty());

    reply = restoreSaved(Family::IPv4, 0);
    QVERIFY2(!reply.isError(), qPrintable(reply.error().message()));
    QCOMPARE(TestSandbox::chainRules(QStringLiteral("DOCKER-USER")), m_example);
    QCOMPARE(QString::fromUtf8(TestSandbox::normalizedSave()), QString::fromUtf8(before));
    // The new revision is the one the next snapshot reports.
    BlockingHelperClient client;
    BlockingHelperClient::Failure failure;
    Snapshot snapshot;
    QVERIFY(client.snapshot(Family::IPv4, &snapshot, &failure));
    QCOMPARE(reply.value(), snapshot.revision);

    // Chain and jump gone: refused without flag 1, re-created with flags 1 and 2.
    QVERIFY(run(QStringLiteral("iptables-legacy"),
                {QStringLiteral("-D"), QStringLiteral("FORWARD"), QStringLiteral("-j"),
                 QStringLiteral("DOCKER-USER")}));
    QVERIFY(run(QStringLiteral("iptables-legacy"),
                {QStringLiteral("-F"), QStringLiteral("DOCKER-USER")}));
    QVERIFY(run(QStringLiteral("iptables-legacy"),
                {QStringLiteral("-X"), QStringLiteral("DOCKER-USER")}));
    const QByteArray gone = TestSandbox::normalizedSave();
    reply = restoreSaved(Family::IPv4, 0);
    QVERIFY(reply.isError());
    QCOMPARE(reply.error().name(), QLatin1String(DBusError::ChainMissing));
    QCOMPARE(TestSandbox::normalizedSave(), gone);
    reply = restoreSaved(Family::IPv4, ApplyCreateChain | ApplyCreateJump);
    QVERIFY2(!reply.isError(), qPrintable(reply.error().message()));
    QCOMPARE(QString::fromUtf8(TestSandbox::normalizedSave()), QString::fromUtf8(before));

    // Bad arguments and nothing saved.
    reply = restoreSaved(Family::IPv4, 8);
    QCOMPARE(reply.error().name(), QLatin1String(DBusError::InvalidArgument));
    reply = restoreSaved(Family(0), 0);
    QCOMPARE(reply.error().name(), QLatin1String(DBusError::InvalidArgument));
    reply = restoreSaved(Family::IPv6, 0);
    QCOMPARE(reply.error().name(), QLatin1String(DBusError::Failed));
    QVERIFY2(reply.error().message().contains(QLatin1String("nothing saved")),
             qPrintable(reply.error().message()));
}

void TestHelperPersist::ctlSaveRestoreStatus()
{
    auto status = TestSandbox::ctl({QStringLiteral("status")});
    QVERIFY2(status.exitCode == 0, qPrintable(status.describe()));
    QVERIFY2(status.out.contains("\nsaved:        no\n"), status.out.constData());

    const auto saved = TestSandbox::ctl({QStringLiteral("save")});
    QVERIFY2(saved.exitCode == 0, qPrintable(saved.describe()));
    status = TestSandbox::ctl({QStringLiteral("status")});
    QVERIFY2(status.out.contains("\nsaved:        yes (6 rules, at "), status.out.constData());
    QVERIFY2(status.out.contains("\nlive differs: no\n"), status.out.constData());

    // An edit that is not saved.
    const QString file = TestSandbox::writeTemp("-A DOCKER-USER -s 192.0.2.1/32 -j DROP\n"
                                                "-A DOCKER-USER -j RETURN\n");
    const auto applied = TestSandbox::ctl({QStringLiteral("apply"), file});
    QVERIFY2(applied.exitCode == 0, qPrintable(applied.describe()));
    status = TestSandbox::ctl({QStringLiteral("status")});
    QVERIFY2(status.out.contains("\nlive differs: yes\n"), status.out.constData());

    // restore --dry-run shows the diff and changes nothing; restore brings the saved rules back.
    const QByteArray edited = TestSandbox::normalizedSave();
    auto restored = TestSandbox::ctl({QStringLiteral("restore"), QStringLiteral("--dry-run")});
    QVERIFY2(restored.exitCode == 0, qPrintable(restored.describe()));
    QVERIFY2(restored.out.contains("- -A DOCKER-USER -s 192.0.2.1/32 -j DROP"),
             restored.out.constData());
    QCOMPARE(TestSandbox::normalizedSave(), edited);
    restored = TestSandbox::ctl({QStringLiteral("restore")});
    QVERIFY2(restored.exitCode == 0, qPrintable(restored.describe()));
    QCOMPARE(TestSandbox::chainRules(QStringLiteral("DOCKER-USER")), m_example);
    status = TestSandbox::ctl({QStringLiteral("status")});
    QVERIFY2(status.out.contains("\nlive differs: no\n"), status.out.constData());

    // Usage errors.
    QCOMPARE(TestSandbox::ctl({QStringLiteral("save"), QStringLiteral("x")}).exitCode, 1);
    QCOMPARE(TestSandbox::ctl({QStringLiteral("save"), QStringLiteral("--dry-run")}).exitCode, 1);
    QCOMPARE(TestSandbox::ctl(
                 {QStringLiteral("restore"), QStringLiteral("--confirm"), QStringLiteral("5")})
                 .exitCode,
             1);
    // Nothing saved for IPv6.
    restored = TestSandbox::ctl({QStringLiteral("-6"), QStringLiteral("restore")});
    QCOMPARE(restored.exitCode, 6);
    QFile::remove(file);
}

void TestHelperPersist::persistDeniedLeavesFileUnchanged()
{
    const auto saved = TestSandbox::ctl({QStringLiteral("save")});
    QVERIFY2(saved.exitCode == 0, qPrintable(saved.describe()));
    const FileState before = fileState(savedPath());
    QVERIFY(before.exists);

    // The live chain changes; the user may apply but not persist.
    const QString file = TestSandbox::writeTemp("-A DOCKER-USER -j RETURN\n");
    const auto applied = TestSandbox::ctlAs(PermittedUser, {QStringLiteral("apply"), file});
    QVERIFY2(applied.exitCode == 0, qPrintable(applied.describe()));
    const auto denied = TestSandbox::ctlAs(PermittedUser, {QStringLiteral("save")});
    QVERIFY2(denied.exitCode == 3, qPrintable(denied.describe()));
    QVERIFY2(denied.err.contains("not authorized"), denied.err.constData());
    QVERIFY(fileState(savedPath()) == before);

    // Reading what is saved and restoring it are read and apply: allowed.
    const auto status = TestSandbox::ctlAs(PermittedUser, {QStringLiteral("status")});
    QVERIFY2(status.exitCode == 0, qPrintable(status.describe()));
    QVERIFY2(status.out.contains("live differs: yes"), status.out.constData());
    const auto restored = TestSandbox::ctlAs(PermittedUser, {QStringLiteral("restore")});
    QVERIFY2(restored.exitCode == 0, qPrintable(restored.describe()));
    QCOMPARE(TestSandbox::chainRules(QStringLiteral("DOCKER-USER")), m_example);
    QVERIFY(fileState(savedPath()) == before);
    QFile::remove(file);
}

void TestHelperPersist::strangerMayNotReadSaved()
{
    const auto saved = TestSandbox::ctl({QStringLiteral("save")});
    QVERIFY2(saved.exitCode == 0, qPrintable(saved.describe()));
    const FileState before = fileState(savedPath());
    const QByteArray tables = TestSandbox::normalizedSave();
    // No rule and no session: every method refuses, the file and the tables stay.
    for (const QString &command :
         {QStringLiteral("save"), QStringLiteral("restore"), QStringLiteral("status")}) {
        const auto result = TestSandbox::ctlAs(Stranger, {command});
        QVERIFY2(result.exitCode == 3, qPrintable(command + QLatin1Char(' ') + result.describe()));
    }
    QVERIFY(fileState(savedPath()) == before);
    QCOMPARE(TestSandbox::normalizedSave(), tables);
}

void TestHelperPersist::corruptFileRestoresNothing()
{
    // A saved file damaged by hand: line 5 has an address that is none.
    QVERIFY(writeFile(savedPath(), "# edited by hand\n*filter\n:DOCKER-USER - [0:0]\n"
                                   "-A DOCKER-USER -j RETURN\n"
                                   "-A DOCKER-USER -s 10.0.0.300 -j DROP\n"
                                   "COMMIT\n"));
    QVERIFY(run(QStringLiteral("iptables-legacy"),
                {QStringLiteral("-F"), QStringLiteral("DOCKER-USER")}));
    const QByteArray before = TestSandbox::normalizedSave();

    const auto unit = runUnitCommand();
    QCOMPARE(unit.exitCode, 2);
    QVERIFY2(unit.err.contains("IPv4: nothing restored: /etc/userchain/docker-user.v4.rules:5: "),
             qPrintable(unit.describe()));
    QCOMPARE(TestSandbox::normalizedSave(), before);

    const auto ctl = TestSandbox::ctl({QStringLiteral("restore")});
    QCOMPARE(ctl.exitCode, 2);
    QVERIFY2(ctl.err.contains("/etc/userchain/docker-user.v4.rules:5: "),
             qPrintable(ctl.describe()));
    QCOMPARE(TestSandbox::normalizedSave(), before);

    const auto reply = restoreSaved(Family::IPv4, ApplyCreateChain | ApplyCreateJump);
    QCOMPARE(reply.error().name(), QLatin1String(DBusError::InvalidRule));
    QCOMPARE(TestSandbox::normalizedSave(), before);

    bool exists = false;
    QStringList rules;
    qint64 savedAt = 0;
    QDBusError error;
    QVERIFY(!getSaved(Family::IPv4, &exists, &rules, &savedAt, &error));
    QCOMPARE(error.name(), QLatin1String(DBusError::InvalidRule));
    const auto status = TestSandbox::ctl({QStringLiteral("status")});
    QCOMPARE(status.exitCode, 0);
    QVERIFY2(status.out.contains("saved:        unknown ("), status.out.constData());

    // Truncated (no COMMIT): refused too, rather than read as an empty chain.
    QVERIFY(writeFile(savedPath(), "*filter\n:DOCKER-USER - [0:0]\n-F DOCKER-USER\n"));
    const auto truncated = runUnitCommand();
    QCOMPARE(truncated.exitCode, 2);
    QCOMPARE(TestSandbox::normalizedSave(), before);
}

void TestHelperPersist::unsafeFileRestoresNothing()
{
    QVERIFY(writeFile(savedPath(), exportDockerUser({QStringLiteral("-j ACCEPT")}), 0666));
    const QByteArray before = TestSandbox::normalizedSave();
    const auto unit = runUnitCommand();
    QCOMPARE(unit.exitCode, 2);
    QVERIFY2(unit.err.contains("writable by others"), qPrintable(unit.describe()));
    QCOMPARE(TestSandbox::normalizedSave(), before);
    // Owned by someone else.
    QVERIFY(::chmod(QFile::encodeName(savedPath()).constData(), 0644) == 0);
    const auto id = TestSandbox::run(QStringLiteral("id"), {QStringLiteral("-u"), PermittedUser});
    QVERIFY(::chown(QFile::encodeName(savedPath()).constData(), uid_t(id.out.trimmed().toUInt()),
                    gid_t(-1)) == 0);
    QCOMPARE(runUnitCommand().exitCode, 2);
    QCOMPARE(TestSandbox::normalizedSave(), before);
}

void TestHelperPersist::verbatimRuleBlocksSave()
{
    // -m ttl is an extension the library does not parse: the kernel keeps it, its text could
    // not be loaded again, so saving is refused rather than saving less than is live.
    QVERIFY(
        TestSandbox::run(QStringLiteral("iptables-legacy"),
                         {QStringLiteral("-I"), QStringLiteral("DOCKER-USER"), QStringLiteral("2"),
                          QStringLiteral("-m"), QStringLiteral("ttl"), QStringLiteral("--ttl-gt"),
                          QStringLiteral("100"), QStringLiteral("-j"), QStringLiteral("DROP")})
            .exitCode == 0);
    const auto saved = TestSandbox::ctl({QStringLiteral("save")});
    QCOMPARE(saved.exitCode, 2);
    QVERIFY2(saved.err.contains("rule 2: "), saved.err.constData());
    QVERIFY2(saved.err.contains("uses extensions Userchain does not know (ttl)"),
             saved.err.constData());
    QVERIFY2(saved.err.contains("cannot be saved"), saved.err.constData());
    QVERIFY(!QFile::exists(savedPath()));
}

void TestHelperPersist::pendingApplyBlocksSave()
{
    BlockingHelperClient client;
    BlockingHelperClient::Failure failure;
    Snapshot snapshot;
    QVERIFY(client.snapshot(Family::IPv4, &snapshot, &failure));
    QString transaction, revision;
    QVERIFY2(client.apply(Family::IPv4, {{QStringLiteral("-j DROP"), {}}}, snapshot.revision, 60, 0,
                          &transaction, &revision, &failure),
             qPrintable(BlockingHelperClient::describe(failure)));
    // Rules on probation are not made permanent.
    const auto saved = TestSandbox::ctl({QStringLiteral("save")});
    QCOMPARE(saved.exitCode, 6);
    QVERIFY2(saved.err.contains("busy"), saved.err.constData());
    QVERIFY(!QFile::exists(savedPath()));
    QVERIFY(client.rollback(transaction, &failure));
    QCOMPARE(TestSandbox::chainRules(QStringLiteral("DOCKER-USER")), m_example);
}

void TestHelperPersist::pendingApplyBlocksUnitCommand()
{
    const auto saved = TestSandbox::ctl({QStringLiteral("save")});
    QVERIFY2(saved.exitCode == 0, qPrintable(saved.describe()));

    for (const bool keep : {true, false}) {
        QVERIFY(loadExample());
        BlockingHelperClient client;
        BlockingHelperClient::Failure failure;
        Snapshot snapshot;
        QVERIFY(client.snapshot(Family::IPv4, &snapshot, &failure));
        QString transaction, revision;
        QVERIFY2(client.apply(Family::IPv4, {{QStringLiteral("-j DROP"), {}}}, snapshot.revision,
                              60, 0, &transaction, &revision, &failure),
                 qPrintable(BlockingHelperClient::describe(failure)));
        const QByteArray applied = TestSandbox::normalizedSave();

        // The restore would write the saved rules under the pending rollback: refused, with
        // nothing changed.
        const auto refused = runUnitCommand();
        QVERIFY2(refused.exitCode == 6, qPrintable(refused.describe()));
        QVERIFY2(refused.err.contains("confirmed apply is waiting"), refused.err.constData());
        QCOMPARE(QString::fromUtf8(TestSandbox::normalizedSave()), QString::fromUtf8(applied));
        QCOMPARE(TestSandbox::chainRules(QStringLiteral("DOCKER-USER")),
                 QStringList{QStringLiteral("-j DROP")});

        // Once the transaction is settled (kept, or rolled back) the restore runs.
        if (keep)
            QVERIFY2(client.confirm(transaction, &failure),
                     qPrintable(BlockingHelperClient::describe(failure)));
        else
            QVERIFY2(client.rollback(transaction, &failure),
                     qPrintable(BlockingHelperClient::describe(failure)));
        const auto restored = runUnitCommand();
        QVERIFY2(restored.exitCode == 0, qPrintable(restored.describe()));
        QCOMPARE(TestSandbox::chainRules(QStringLiteral("DOCKER-USER")), m_example);
    }
}

void TestHelperPersist::bothFamilies()
{
    // Docker 28's IPv6 chains (20.10 made no DOCKER-USER for IPv6).
    QVERIFY(TestSandbox::restoreFile(
        QStringLiteral(USERCHAIN_FIXTURES_DIR
                       "/docker-moby/docker28.5.2-composed-portmap.v6.rules"),
        Family::IPv6));
    const QString file6 = TestSandbox::writeTemp("-A DOCKER-USER -s 2001:db8::/32 -j DROP\n"
                                                 "-A DOCKER-USER -p ipv6-icmp -j RETURN\n"
                                                 "-A DOCKER-USER -j RETURN\n");
    const auto applied = TestSandbox::ctl({QStringLiteral("-6"), QStringLiteral("apply"), file6});
    QVERIFY2(applied.exitCode == 0, qPrintable(applied.describe()));
    const QStringList rules6 = TestSandbox::chainRules(QStringLiteral("DOCKER-USER"), Family::IPv6);
    QCOMPARE(rules6.size(), 3);
    for (const QString &family : {QStringLiteral("-4"), QStringLiteral("-6")}) {
        const auto saved = TestSandbox::ctl({family, QStringLiteral("save")});
        QVERIFY2(saved.exitCode == 0, qPrintable(saved.describe()));
    }
    QCOMPARE(readFile(savedPath(Family::IPv6)), exportDockerUser(rules6, Family::IPv6));
    const QByteArray before4 = TestSandbox::normalizedSave(Family::IPv4);
    const QByteArray before6 = TestSandbox::normalizedSave(Family::IPv6);

    QVERIFY(run(QStringLiteral("iptables-legacy"),
                {QStringLiteral("-F"), QStringLiteral("DOCKER-USER")}));
    QVERIFY(run(QStringLiteral("ip6tables-legacy"),
                {QStringLiteral("-F"), QStringLiteral("DOCKER-USER")}));
    QVERIFY(run(QStringLiteral("ip6tables-legacy"),
                {QStringLiteral("-D"), QStringLiteral("FORWARD"), QStringLiteral("-j"),
                 QStringLiteral("DOCKER-USER")}));
    const auto restored = runUnitCommand();
    QVERIFY2(restored.exitCode == 0, qPrintable(restored.describe()));
    QCOMPARE(QString::fromUtf8(TestSandbox::normalizedSave(Family::IPv4)),
             QString::fromUtf8(before4));
    QCOMPARE(QString::fromUtf8(TestSandbox::normalizedSave(Family::IPv6)),
             QString::fromUtf8(before6));

    // --family 6 touches IPv6 only.
    QVERIFY(run(QStringLiteral("iptables-legacy"),
                {QStringLiteral("-F"), QStringLiteral("DOCKER-USER")}));
    QVERIFY(run(QStringLiteral("ip6tables-legacy"),
                {QStringLiteral("-F"), QStringLiteral("DOCKER-USER")}));
    const UnitCommand command = unitCommand();
    const auto only6 =
        TestSandbox::run(command.program, command.args + QStringList{QStringLiteral("--family"),
                                                                     QStringLiteral("6")});
    QVERIFY2(only6.exitCode == 0, qPrintable(only6.describe()));
    QVERIFY(TestSandbox::chainRules(QStringLiteral("DOCKER-USER")).isEmpty());
    QCOMPARE(TestSandbox::chainRules(QStringLiteral("DOCKER-USER"), Family::IPv6), rules6);
    QFile::remove(file6);
}

void TestHelperPersist::unitFileVerifies()
{
    // The restore before Docker starts its containers, and the check once it has; each is
    // restarted with Docker and pulled in by it.
    const QString dir = QStringLiteral(USERCHAIN_SOURCE_DIR "/resources/systemd/");
    const QString text = QString::fromUtf8(readFile(dir + "userchain-restore.service.in"));
    for (const char *line : {"Before=docker.service", "PartOf=docker.service", "Type=oneshot",
                             "RemainAfterExit=yes", "WantedBy=multi-user.target docker.service"})
        QVERIFY2(text.contains(QLatin1Char('\n') + QLatin1String(line) + QLatin1Char('\n')), line);
    QCOMPARE(unitCommand().args,
             (QStringList{QStringLiteral("--restore-saved"), QStringLiteral("--before-docker")}));
    const QString check = QString::fromUtf8(readFile(dir + "userchain-restore-check.service.in"));
    for (const char *line : {"After=docker.service", "PartOf=docker.service", "Type=oneshot",
                             "RemainAfterExit=yes", "WantedBy=docker.service"})
        QVERIFY2(check.contains(QLatin1Char('\n') + QLatin1String(line) + QLatin1Char('\n')), line);
    QCOMPARE(unitCommand(QStringLiteral("userchain-restore-check.service")).args,
             (QStringList{QStringLiteral("--restore-saved"), QStringLiteral("--after-docker")}));

    if (TestSandbox::run(QStringLiteral("systemd-analyze"), {QStringLiteral("--version")})
            .exitCode != 0)
        QSKIP("systemd-analyze is not installed (package systemd)");
    // The units as `cmake --install` writes them, with a helper path that exists (verify
    // checks that ExecStart= is executable).
    QTemporaryDir temp;
    QVERIFY(temp.isValid());
    const QString unit = temp.filePath(QStringLiteral("userchain-restore.service"));
    for (const QString &content : {check, text}) {
        QString configured = content;
        configured.replace(QStringLiteral("@USERCHAIN_HELPER_PATH@"),
                           QStringLiteral(USERCHAIN_BINARY_DIR "/helper/userchain-helper"));
        QVERIFY(writeFile(unit, configured.toUtf8()));
        // verify exits 0 even for unknown keys and bad values (it warns and goes on), so the
        // test wants no output at all.
        const auto verified =
            TestSandbox::run(QStringLiteral("systemd-analyze"),
                             {QStringLiteral("verify"), QStringLiteral("--man=no"), unit});
        QVERIFY2(verified.exitCode == 0 && verified.out.isEmpty() && verified.err.isEmpty(),
                 qPrintable(verified.describe()));
    }
    QString configured = text;
    configured.replace(QStringLiteral("@USERCHAIN_HELPER_PATH@"),
                       QStringLiteral(USERCHAIN_BINARY_DIR "/helper/userchain-helper"));

    // And it does notice a mistake.
    configured.replace(QStringLiteral("Type=oneshot"), QStringLiteral("Type=oneshoot"));
    QVERIFY(writeFile(unit, configured.toUtf8()));
    const auto broken =
        TestSandbox::run(QStringLiteral("systemd-analyze"),
                         {QStringLiteral("verify"), QStringLiteral("--man=no"), unit});
    QVERIFY2(broken.err.contains("oneshoot"), qPrintable(broken.describe()));
}

// ---------------------------------------------------------------------------------------------
// nf_tables (iptables-nft): a sandbox of its own, so that no legacy table exists
// ---------------------------------------------------------------------------------------------

class TestHelperPersistNft : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void saveAndRestoreThroughNft();
    void noLegacyTableCreated();

private:
    static QStringList nftChain(const QString &chain)
    {
        return filterChain(chain, QStringLiteral("iptables-nft-save"));
    }
    static QByteArray legacyTables()
    {
        QFile names(QStringLiteral("/proc/net/ip_tables_names"));
        return names.open(QIODevice::ReadOnly) ? names.readAll().trimmed() : QByteArray();
    }
};

void TestHelperPersistNft::initTestCase()
{
    QVERIFY(TestSandbox::inside());
    registerDBusTypes();
    QVERIFY2(legacyTables().isEmpty(), legacyTables().constData());
    const auto loaded = TestSandbox::run(
        QStringLiteral("iptables-nft-restore"),
        {QStringLiteral(USERCHAIN_FIXTURES_DIR
                        "/docker-20.10/docker20.10-nft-with-containers.nft.v4.rules")});
    QVERIFY2(loaded.exitCode == 0, qPrintable(loaded.describe()));
}

void TestHelperPersistNft::saveAndRestoreThroughNft()
{
    const auto loaded = TestSandbox::run(QStringLiteral("iptables-nft-restore"),
                                         {QStringLiteral("-n")}, ExamplePolicy);
    QVERIFY2(loaded.exitCode == 0, qPrintable(loaded.describe()));
    const QStringList rules = nftChain(QStringLiteral("DOCKER-USER"));
    QCOMPARE(rules.size(), 6);
    QCOMPARE(nftChain(QStringLiteral("FORWARD")).value(0), QStringLiteral("-j DOCKER-USER"));

    const auto saved = TestSandbox::ctl({QStringLiteral("save")});
    QVERIFY2(saved.exitCode == 0, qPrintable(saved.describe()));
    QCOMPARE(readFile(savedPath()), exportDockerUser(rules));

    QVERIFY(
        run(QStringLiteral("iptables-nft"), {QStringLiteral("-F"), QStringLiteral("DOCKER-USER")}));
    QVERIFY(
        run(QStringLiteral("iptables-nft"), {QStringLiteral("-D"), QStringLiteral("FORWARD"),
                                             QStringLiteral("-j"), QStringLiteral("DOCKER-USER")}));
    QVERIFY(nftChain(QStringLiteral("DOCKER-USER")).isEmpty());

    const auto restored = runUnitCommand();
    QVERIFY2(restored.exitCode == 0, qPrintable(restored.describe()));
    QVERIFY2(restored.out.contains("DOCKER-USER (nft)"), restored.out.constData());
    QCOMPARE(nftChain(QStringLiteral("DOCKER-USER")), rules);
    QCOMPARE(nftChain(QStringLiteral("FORWARD")).value(0), QStringLiteral("-j DOCKER-USER"));

    // Over D-Bus as well.
    QVERIFY(
        run(QStringLiteral("iptables-nft"), {QStringLiteral("-F"), QStringLiteral("DOCKER-USER")}));
    const auto reply = restoreSaved(Family::IPv4, 0);
    QVERIFY2(!reply.isError(), qPrintable(reply.error().message()));
    QCOMPARE(nftChain(QStringLiteral("DOCKER-USER")), rules);
    const auto status = TestSandbox::ctl({QStringLiteral("status")});
    QVERIFY2(status.out.contains("live differs: no"), status.out.constData());
}

void TestHelperPersistNft::noLegacyTableCreated()
{
    QVERIFY2(legacyTables().isEmpty(), legacyTables().constData());
}

#ifdef USERCHAIN_PERSIST_NFT
USERCHAIN_SANDBOX_TEST_MAIN(TestHelperPersistNft,
                            (QStringList{
                                QStringLiteral("--polkit-rules"),
                                QStringLiteral(USERCHAIN_SOURCE_DIR
                                               "/tests/helper/data/helper-persist.rules.in")}),
                            (QStringList{QStringLiteral("--idle-timeout"), QStringLiteral("60")}))
#else
USERCHAIN_SANDBOX_TEST_MAIN(TestHelperPersist,
                            (QStringList{
                                QStringLiteral("--polkit-rules"),
                                QStringLiteral(USERCHAIN_SOURCE_DIR
                                               "/tests/helper/data/helper-persist.rules.in")}),
                            (QStringList{QStringLiteral("--idle-timeout"), QStringLiteral("60"),
                                         QStringLiteral("--lock-timeout"), QStringLiteral("4000")}))
#endif
#include "tst_helperpersist.moc"

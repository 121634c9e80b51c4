// The helper's pieces that need neither a bus nor a network namespace.

#include "applyvalidator.h"
#include "calllimiter.h"
#include "chainwriter.h"
#include "dockerdaemonconfig.h"
#include "nftrulecheck.h"
#include "persistentstore.h"
#include "savedfilecache.h"
#include "snapshotbuilder.h"
#include "xtableslock.h"

#include "restorefile.h"
#include "ruleparser.h"
#include "rulerefusal.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fcntl.h>
#include <linux/netfilter/nf_tables.h>
#include <linux/netfilter/nfnetlink.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Userchain;

namespace {
bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
           file.write(content) == content.size();
}

ino_t inodeOf(const QString &path)
{
    struct stat st;
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? st.st_ino : 0;
}
} // namespace

Q_DECLARE_METATYPE(Userchain::BackendFailure)

class TestHelperUnits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void nftRuleCheckWantsAJumpsChain();
    void revisionIgnoresCounters();
    void revisionSeesContent();
    void verbatimIdDependsOnPosition();
    void forwardJumpPosition();
    void snapshotMarksOnlyDockerUserEditable();
    void validateBounds_data();
    void validateBounds();
    void resolveVerbatim();
    void callLimiterCounts();
    void resolveKeepsCounters();
    void backendFailureNames_data();
    void backendFailureNames();
    void daemonJson_data();
    void daemonJson();
    void lockFree();
    void lockContendedTimesOut();
    void lockServesWaitersInOrder();
    void savedFileCacheFollowsFile();
    void saveRefusesUnloadableLine();

private:
    static BackendRule rule(const QString &spec);
    static BackendRule verbatimRule(const QByteArray &raw, const QString &text);
    static BackendTables tables(const QVector<BackendRule> &dockerUser,
                                const QStringList &forward = {QStringLiteral("-j DOCKER-USER")});

    QTemporaryDir m_dir;
};

void TestHelperUnits::initTestCase()
{
    QVERIFY(m_dir.isValid());
    qputenv("XTABLES_LOCKFILE", m_dir.filePath(QStringLiteral("xtables.lock")).toLocal8Bit());
}

BackendRule TestHelperUnits::rule(const QString &spec)
{
    BackendRule r;
    r.rule = *RuleParser::parse(spec, Family::IPv4);
    r.displaySpec = r.rule.toString();
    return r;
}

BackendRule TestHelperUnits::verbatimRule(const QByteArray &raw, const QString &text)
{
    BackendRule r;
    r.raw = raw;
    r.displaySpec = text;
    r.unknownExtensions = QStringLiteral("ttl");
    return r;
}

BackendTables TestHelperUnits::tables(const QVector<BackendRule> &dockerUser,
                                      const QStringList &forward)
{
    BackendTables t;
    BackendChain fwd{
        QStringLiteral("filter"), QStringLiteral("FORWARD"), QStringLiteral("DROP"), true, {}};
    for (const QString &spec : forward)
        fwd.rules.append(rule(spec));
    t.chains.append(fwd);
    t.chains.append({QStringLiteral("filter"), QStringLiteral("DOCKER-USER"), QStringLiteral("-"),
                     false, dockerUser});
    t.chains.append(
        {QStringLiteral("nat"), QStringLiteral("DOCKER"), QStringLiteral("-"), false, {}});
    return t;
}

void TestHelperUnits::revisionIgnoresCounters()
{
    BackendTables a =
        tables({rule(QStringLiteral("-s 10.0.0.1 -j DROP")), rule(QStringLiteral("-j RETURN"))});
    BackendTables b = a;
    b.chains[1].rules[0].packets = 42;
    b.chains[1].rules[0].bytes = 4200;
    QCOMPARE(SnapshotBuilder::revision(Family::IPv4, SnapshotBuilder::dockerUser(a)),
             SnapshotBuilder::revision(Family::IPv4, SnapshotBuilder::dockerUser(b)));
}

void TestHelperUnits::revisionSeesContent()
{
    const BackendTables a =
        tables({rule(QStringLiteral("-s 10.0.0.1 -j DROP")), rule(QStringLiteral("-j RETURN"))});
    const BackendTables reordered =
        tables({rule(QStringLiteral("-j RETURN")), rule(QStringLiteral("-s 10.0.0.1 -j DROP"))});
    const BackendTables empty = tables({});
    BackendTables missing = a;
    missing.chains.removeAt(1);
    const QString revA = SnapshotBuilder::revision(Family::IPv4, SnapshotBuilder::dockerUser(a));
    QVERIFY(revA !=
            SnapshotBuilder::revision(Family::IPv4, SnapshotBuilder::dockerUser(reordered)));
    QVERIFY(revA != SnapshotBuilder::revision(Family::IPv6, SnapshotBuilder::dockerUser(a)));
    QVERIFY(SnapshotBuilder::revision(Family::IPv4, SnapshotBuilder::dockerUser(empty)) !=
            SnapshotBuilder::revision(Family::IPv4, SnapshotBuilder::dockerUser(missing)));
    // Raw bytes count, not only the text shown for them.
    const BackendTables v1 = tables({verbatimRule(QByteArray(200, 'a'), QStringLiteral("-m ttl"))});
    const BackendTables v2 = tables({verbatimRule(QByteArray(200, 'b'), QStringLiteral("-m ttl"))});
    QVERIFY(SnapshotBuilder::revision(Family::IPv4, SnapshotBuilder::dockerUser(v1)) !=
            SnapshotBuilder::revision(Family::IPv4, SnapshotBuilder::dockerUser(v2)));
}

void TestHelperUnits::verbatimIdDependsOnPosition()
{
    const BackendRule r =
        verbatimRule(QByteArray(200, 'x'), QStringLiteral("-m ttl --ttl-gt 5 -j DROP"));
    QVERIFY(SnapshotBuilder::verbatimId(Family::IPv4, r, 0) !=
            SnapshotBuilder::verbatimId(Family::IPv4, r, 1));
    QCOMPARE(SnapshotBuilder::verbatimId(Family::IPv4, r, 3),
             SnapshotBuilder::verbatimId(Family::IPv4, r, 3));
}

void TestHelperUnits::forwardJumpPosition()
{
    QCOMPARE(SnapshotBuilder::forwardJumpPosition(tables({})), 1);
    QCOMPARE(SnapshotBuilder::forwardJumpPosition(
                 tables({}, {QStringLiteral("-j ACCEPT"), QStringLiteral("-j DOCKER-USER")})),
             2);
    QCOMPARE(SnapshotBuilder::forwardJumpPosition(
                 tables({}, {QStringLiteral("-i eth0 -j DOCKER-USER")})),
             0);
    QCOMPARE(SnapshotBuilder::forwardJumpPosition(tables({}, {})), 0);
}

void TestHelperUnits::snapshotMarksOnlyDockerUserEditable()
{
    const Snapshot s = SnapshotBuilder::build(
        QStringLiteral("legacy"), Family::IPv4,
        tables({rule(QStringLiteral("-j RETURN")),
                verbatimRule(QByteArray(200, 'x'), QStringLiteral("-m ttl --ttl-gt 5 -j DROP"))}));
    QCOMPARE(s.chains.size(), 3);
    for (const ChainInfo &c : s.chains)
        QCOMPARE(c.editable,
                 c.table == QLatin1String("filter") && c.name == QLatin1String("DOCKER-USER"));
    QVERIFY(s.dockerUserExists);
    QCOMPARE(s.forwardJumpPosition, 1);
    QVERIFY(s.chains[1].rules[0].verbatimId.isEmpty());
    QVERIFY(!s.chains[1].rules[1].verbatimId.isEmpty());
    QCOMPARE(s.chains[1].rules[1].unknownExtensions, QStringLiteral("ttl"));
}

void TestHelperUnits::validateBounds_data()
{
    QTest::addColumn<ApplyRuleList>("rules");
    QTest::addColumn<QString>("errorName");
    QTest::addColumn<QString>("messageStart");

    const QString invalidRule = QLatin1String(DBusError::InvalidRule);
    const QString invalidArgument = QLatin1String(DBusError::InvalidArgument);
    QTest::newRow("ok") << ApplyRuleList{{QStringLiteral("-s 10.0.0.1 -j DROP"), {}},
                                         {QStringLiteral("-j RETURN"), {}}}
                        << QString() << QString();
    QTest::newRow("empty list") << ApplyRuleList{} << QString() << QString();
    QTest::newRow("parse error names position")
        << ApplyRuleList{{QStringLiteral("-j RETURN"), {}},
                         {QStringLiteral("-p tcp --dprot 80 -j DROP"), {}}}
        << invalidRule << QStringLiteral("rule 2 token 2 \"--dprot\" parse: unknown option");
    QTest::newRow("too long") << ApplyRuleList{{QStringLiteral(
                                                    "-m comment --comment \"%1\" -j DROP")
                                                    .arg(QString(5000, QLatin1Char('x'))),
                                                {}}}
                              << invalidRule
                              << QStringLiteral("rule 1 too-long \"4096\": rule longer");
    QTest::newRow("too long in utf-8")
        << ApplyRuleList{{QStringLiteral("-m comment --comment \"%1\" -j DROP")
                              .arg(QString(1500, QChar(0x20AC))),
                          {}}}
        << invalidRule << QStringLiteral("rule 1 too-long \"4096\": rule longer");
    const ApplyRuleList many(ApplyValidator::MaxRules + 1,
                             ApplyRule{QStringLiteral("-j DROP"), {}});
    QTest::newRow("too many") << many << invalidArgument << QStringLiteral("too many rules");
    const ApplyRuleList large(5000, ApplyRule{QStringLiteral("-m comment --comment \"%1\" -j DROP")
                                                  .arg(QString(3500, QLatin1Char('x'))),
                                              {}});
    QTest::newRow("too large in all")
        << large << invalidArgument << QStringLiteral("rules too large");
    QTest::newRow("long verbatim id")
        << ApplyRuleList{{QString(), QString(100, QLatin1Char('v'))}} << invalidRule
        << QStringLiteral("rule 1 verbatim-id-too-long \"64\": ");
}

void TestHelperUnits::callLimiterCounts()
{
    CallLimiter limiter;
    QString why;
    const QString a = QStringLiteral(":1.1"), b = QStringLiteral(":1.2");
    for (int i = 0; i < CallLimiter::MaxPerSender; ++i)
        QVERIFY(limiter.admit(a, 100, &why));
    QVERIFY(!limiter.admit(a, 100, &why));
    QVERIFY(why.contains(QStringLiteral("from this client")));
    // Another client is not held up by the first one's calls.
    QVERIFY(limiter.admit(b, 100, &why));
    limiter.release(a, 100);
    QVERIFY(limiter.admit(a, 100, &why));
    QCOMPARE(limiter.inFlight(), CallLimiter::MaxPerSender + 1);

    // Large arguments share a budget; small calls still pass when it is spent.
    CallLimiter bytes;
    const qint64 big = CallLimiter::MaxHeldBytes / 2 + 1;
    QVERIFY(bytes.admit(a, big, &why));
    QVERIFY(!bytes.admit(b, big, &why));
    QVERIFY(why.contains(QStringLiteral("too much data")));
    QCOMPARE(bytes.inFlight(), 1);
    QVERIFY(bytes.admit(b, CallLimiter::SmallCallBytes - 1, &why));
    bytes.release(a, big);
    QCOMPARE(bytes.heldBytes(), 0);
    QVERIFY(bytes.admit(b, big, &why));

    CallLimiter total;
    for (int i = 0; i < CallLimiter::MaxTotal; ++i)
        QVERIFY(total.admit(QStringLiteral(":1.%1").arg(i), 0, &why));
    QVERIFY(!total.admit(QStringLiteral(":2.1"), 0, &why));
}

void TestHelperUnits::validateBounds()
{
    QFETCH(ApplyRuleList, rules);
    QFETCH(QString, errorName);
    QFETCH(QString, messageStart);
    QVector<ApplyValidator::Item> items;
    ApplyError error;
    const bool ok = ApplyValidator::validate(Family::IPv4, rules, &items, &error);
    QCOMPARE(ok, errorName.isEmpty());
    if (!ok) {
        QCOMPARE(error.name, errorName);
        QVERIFY2(error.message.startsWith(messageStart), qPrintable(error.message));
    } else {
        QCOMPARE(items.size(), rules.size());
    }
}

void TestHelperUnits::resolveVerbatim()
{
    const BackendTables t =
        tables({rule(QStringLiteral("-j RETURN")),
                verbatimRule(QByteArray(200, 'x'), QStringLiteral("-m ttl --ttl-gt 5 -j DROP"))});
    const BackendChain *chain = SnapshotBuilder::dockerUser(t);
    const QString id = SnapshotBuilder::verbatimId(Family::IPv4, chain->rules[1], 1);

    QVector<ApplyValidator::Item> items;
    ApplyError error;
    QVERIFY(ApplyValidator::validate(
        Family::IPv4, {{QStringLiteral("ignored"), id}, {QStringLiteral("-j RETURN"), {}}}, &items,
        &error));
    QVector<BackendRule> rules;
    QVERIFY(ApplyValidator::resolve(Family::IPv4, items, chain, &rules, &error));
    QCOMPARE(rules.size(), 2);
    QCOMPARE(rules[0].raw, QByteArray(200, 'x'));
    QVERIFY(rules[1].raw.isEmpty());

    // Unknown ids and a second use of the same id are refused.
    QVERIFY(ApplyValidator::validate(Family::IPv4, {{QString(), QStringLiteral("vdeadbeef")}},
                                     &items, &error));
    QVERIFY(!ApplyValidator::resolve(Family::IPv4, items, chain, &rules, &error));
    QCOMPARE(error.name, QLatin1String(DBusError::InvalidRule));
    QVERIFY(
        ApplyValidator::validate(Family::IPv4, {{QString(), id}, {QString(), id}}, &items, &error));
    QVERIFY(!ApplyValidator::resolve(Family::IPv4, items, chain, &rules, &error));
    QVERIFY2(error.message.startsWith(QLatin1String("rule 2 verbatim-twice \"")),
             qPrintable(error.message));
    // Without a chain there is nothing to refer to.
    QVERIFY(ApplyValidator::validate(Family::IPv4, {{QString(), id}}, &items, &error));
    QVERIFY(!ApplyValidator::resolve(Family::IPv4, items, nullptr, &rules, &error));
}

void TestHelperUnits::resolveKeepsCounters()
{
    BackendTables t =
        tables({rule(QStringLiteral("-s 10.0.0.1 -j DROP")), rule(QStringLiteral("-j RETURN"))});
    t.chains[1].rules[0].packets = 7;
    t.chains[1].rules[1].packets = 9;
    QVector<ApplyValidator::Item> items;
    ApplyError error;
    QVERIFY(ApplyValidator::validate(Family::IPv4,
                                     {{QStringLiteral("-j RETURN"), {}},
                                      {QStringLiteral("-s 10.0.0.2 -j DROP"), {}},
                                      {QStringLiteral("-s 10.0.0.1/32 -j DROP"), {}}},
                                     &items, &error));
    QVector<BackendRule> rules;
    QVERIFY(ApplyValidator::resolve(Family::IPv4, items, SnapshotBuilder::dockerUser(t), &rules,
                                    &error));
    QCOMPARE(rules[0].packets, 9u);
    QCOMPARE(rules[1].packets, 0u);
    QCOMPARE(rules[2].packets, 7u);
}

void TestHelperUnits::backendFailureNames_data()
{
    // Through the ChainWriter's kinds, as every write reports them.
    QTest::addColumn<BackendFailure>("failure");
    QTest::addColumn<QString>("name");
    QTest::newRow("stale") << BackendFailure::Stale
                           << QString::fromLatin1(DBusError::StaleRevision);
    QTest::newRow("chain missing")
        << BackendFailure::ChainMissing << QString::fromLatin1(DBusError::ChainMissing);
    QTest::newRow("bad rule") << BackendFailure::BadRule
                              << QString::fromLatin1(DBusError::InvalidRule);
    QTest::newRow("other") << BackendFailure::Other << QString::fromLatin1(DBusError::Failed);
}

void TestHelperUnits::backendFailureNames()
{
    // A commit the backend refuses because DOCKER-USER changed meanwhile is a stale revision to
    // the caller (nothing changed), not a failure; a rule it cannot place is the caller's.
    QFETCH(BackendFailure, failure);
    QFETCH(QString, name);
    QCOMPARE(QString::fromLatin1(ChainWriter::errorName(ChainWriter::failureOf(failure))), name);
    // A backend's words for a rule it cannot place reach the caller as a RuleRefusal.
    const QString message = ChainWriter::errorMessage(ChainWriter::failureOf(failure),
                                                      QStringLiteral("rule 2: no room"));
    if (failure == BackendFailure::BadRule) {
        const QList<RuleRefusal> refusals = RuleRefusal::fromMessage(message);
        QCOMPARE(refusals.size(), 1);
        QCOMPARE(refusals[0].number, 2);
        QCOMPARE(refusals[0].reason, QLatin1String(RefusalReason::Backend));
        QCOMPARE(refusals[0].text, QStringLiteral("rule 2: no room"));
    } else {
        QCOMPARE(message, QStringLiteral("rule 2: no room"));
    }
}

void TestHelperUnits::daemonJson_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<bool>("disabled");
    QTest::addColumn<QString>("warning");
    QTest::newRow("false") << QByteArray("{\"iptables\": false}") << true << QString();
    QTest::newRow("true") << QByteArray("{\"iptables\": true, \"ip6tables\": true}") << false
                          << QString();
    QTest::newRow("absent key") << QByteArray("{\"log-level\": \"info\"}") << false << QString();
    QTest::newRow("string false is not false")
        << QByteArray("{\"iptables\": \"false\"}") << false << QString();
    QTest::newRow("invalid") << QByteArray("{\"iptables\": false") << false
                             << QStringLiteral("daemon-json-invalid");
    QTest::newRow("array") << QByteArray("[false]") << false
                           << QStringLiteral("daemon-json-invalid");
    const QByteArray huge = "{\"x\": \"" + QByteArray(DockerDaemonConfig::MaxFileSize, 'a') +
                            "\", \"iptables\": false}";
    QTest::newRow("too large") << huge << false << QStringLiteral("daemon-json-too-large");
}

void TestHelperUnits::daemonJson()
{
    QFETCH(QByteArray, content);
    QFETCH(bool, disabled);
    QFETCH(QString, warning);
    const QString path = m_dir.filePath(QStringLiteral("daemon.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(content);
    file.close();
    SnapshotNote actualWarning;
    QCOMPARE(DockerDaemonConfig::iptablesDisabled(path, Family::IPv4, &actualWarning), disabled);
    QCOMPARE(actualWarning.code, warning);

    SnapshotNote none;
    QVERIFY(!DockerDaemonConfig::iptablesDisabled(m_dir.filePath(QStringLiteral("missing.json")),
                                                  Family::IPv4, &none));
    QVERIFY(none.isEmpty());
}

void TestHelperUnits::lockFree()
{
    XtablesLock lock;
    QCOMPARE(lock.path(), m_dir.filePath(QStringLiteral("xtables.lock")));
    bool ran = false;
    lock.acquire(1000, [&](bool held, const QString &) { ran = held; });
    QVERIFY(ran);                 // a free lock is taken at once, synchronously
    QVERIFY(!lock.isContended()); // and released after the work
}

void TestHelperUnits::lockContendedTimesOut()
{
    // flock locks belong to open file descriptions: a second open() contends like another
    // process would (iptables, or `flock /run/xtables.lock`).
    const int fd =
        ::open(QFile::encodeName(m_dir.filePath(QStringLiteral("xtables.lock"))).constData(),
               O_RDONLY | O_CREAT | O_CLOEXEC, 0600);
    QVERIFY(fd >= 0);
    QCOMPARE(::flock(fd, LOCK_EX), 0);

    XtablesLock lock;
    QVERIFY(lock.isContended());
    int calls = 0;
    bool held = true;
    QString error;
    QElapsedTimer timer;
    timer.start();
    lock.acquire(300, [&](bool h, const QString &e) {
        ++calls;
        held = h;
        error = e;
    });
    QCOMPARE(calls, 0); // waiting does not block the caller
    QTRY_COMPARE_WITH_TIMEOUT(calls, 1, 5000);
    QVERIFY(!held);
    QVERIFY(timer.elapsed() >= 300);
    QVERIFY2(error.contains(QLatin1String("held by another process")), qPrintable(error));

    // Released while waiting: the waiter gets it.
    calls = 0;
    lock.acquire(5000, [&](bool h, const QString &) {
        ++calls;
        held = h;
    });
    QTimer::singleShot(200, this, [fd]() { ::close(fd); });
    QTRY_COMPARE_WITH_TIMEOUT(calls, 1, 5000);
    QVERIFY(held);
}

void TestHelperUnits::lockServesWaitersInOrder()
{
    XtablesLock lock;
    QStringList order;
    lock.acquire(1000, [&](bool, const QString &) {
        order << QStringLiteral("a");
        // Work queued from inside the lock runs after the current work, not nested in it.
        lock.acquire(1000, [&](bool held, const QString &) {
            order << (held ? QStringLiteral("c") : QStringLiteral("c-failed"));
        });
        order << QStringLiteral("b");
    });
    QTRY_COMPARE_WITH_TIMEOUT(
        order, (QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}), 2000);
}

void TestHelperUnits::savedFileCacheFollowsFile()
{
    // GetSaved parses the file once while it stays the same file (issue 11, item 7), and
    // again whenever it is replaced or written.
    QTemporaryDir temp;
    QVERIFY(temp.isValid());
    const PersistentStore store(temp.filePath(QStringLiteral("userchain")));
    const QString path = store.path(Family::IPv4);
    const QStringList example{QStringLiteral("-i eth0 -j DROP"), QStringLiteral("-j RETURN")};
    SavedFileCache cache;
    ApplyError error;
    SavedRules loaded;
    QVERIFY(store.save(Family::IPv4, example, &error));
    QVERIFY2(store.load(Family::IPv4, &loaded, &error, &cache), qPrintable(error.message));
    QCOMPARE(loaded.specs, example);
    QCOMPARE(cache.stores(), 1);
    loaded = SavedRules();
    QVERIFY(store.load(Family::IPv4, &loaded, &error, &cache));
    QCOMPARE(loaded.specs, example);
    QCOMPARE(loaded.items.size(), example.size());
    QCOMPARE(cache.stores(), 1);
    // The other family has a slot of its own.
    QVERIFY(store.load(Family::IPv6, &loaded, &error, &cache));
    QVERIFY(!loaded.exists);

    // Replaced by Save (a new inode).
    const QStringList one{QStringLiteral("-s 10.0.0.1/32 -j DROP")};
    QVERIFY(store.save(Family::IPv4, one, &error));
    QVERIFY(store.load(Family::IPv4, &loaded, &error, &cache));
    QCOMPARE(loaded.specs, one);
    QCOMPARE(cache.stores(), 2);

    // Written in place, same size, same inode: the times differ. (Two writes within one tick
    // of the file system's clock would not; the modification time is set apart here.)
    const QStringList two{QStringLiteral("-s 10.0.0.2/32 -j DROP")};
    const ino_t inode = inodeOf(path);
    QVERIFY(writeFile(path, exportDockerUser(two)));
    const timespec times[2] = {{0, UTIME_OMIT}, {1700000000, 0}};
    QCOMPARE(::utimensat(AT_FDCWD, QFile::encodeName(path).constData(), times, 0), 0);
    QCOMPARE(inodeOf(path), inode);
    QVERIFY(store.load(Family::IPv4, &loaded, &error, &cache));
    QCOMPARE(loaded.specs, two);
    QCOMPARE(loaded.savedAtMs, qint64(1700000000) * 1000);
    QCOMPARE(cache.stores(), 3);

    // A broken file's errors are kept as well, and the checks of ownership and mode still run
    // on every call.
    QVERIFY(writeFile(path, "*filter\n:DOCKER-USER - [0:0]\n"
                            "-A DOCKER-USER -s 999.0.0.1 -j DROP\nCOMMIT\n"));
    QVERIFY(!store.load(Family::IPv4, &loaded, &error, &cache));
    const QString firstError = error.message;
    QVERIFY2(firstError.contains(QLatin1String(":3:")), qPrintable(firstError));
    QVERIFY(!store.load(Family::IPv4, &loaded, &error, &cache));
    QCOMPARE(error.message, firstError);
    QCOMPARE(cache.stores(), 4);
    QVERIFY(store.save(Family::IPv4, one, &error));
    QVERIFY(store.load(Family::IPv4, &loaded, &error, &cache));
    QCOMPARE(cache.stores(), 5);
    QCOMPARE(::chmod(QFile::encodeName(path).constData(), 0666), 0);
    QVERIFY(!store.load(Family::IPv4, &loaded, &error, &cache));
    QVERIFY2(error.message.contains(QLatin1String("writable by others")),
             qPrintable(error.message));
}

void TestHelperUnits::saveRefusesUnloadableLine()
{
    // A rule added outside with iptables' command line (no bound there) can be longer than
    // iptables-restore takes as one line: Save refuses rather than write a file that does not
    // load, or loads as something else (issue 11, item 6).
    BackendChain chain{
        QStringLiteral("filter"), QStringLiteral("DOCKER-USER"), QStringLiteral("-"), false, {}};
    chain.rules.append(rule(QStringLiteral("-j RETURN")));
    chain.rules.append(
        rule(QStringList(70, QStringLiteral("-m comment --comment x")).join(QLatin1Char(' ')) +
             QStringLiteral(" -j DROP")));
    QStringList specs;
    ApplyError error;
    QVERIFY(!PersistentStore::specsToSave(chain, &specs, &error));
    QVERIFY2(
        error.message.startsWith(QLatin1String("rule 2 restore-line: the rule has too many words")),
        qPrintable(error.message));
    chain.rules.removeLast();
    QVERIFY(PersistentStore::specsToSave(chain, &specs, &error));
    QCOMPARE(specs, QStringList{QStringLiteral("-j RETURN")});
}

void TestHelperUnits::nftRuleCheckWantsAJumpsChain()
{
    // Found by fuzz_nftrule: libnftnl 1.2.4 strdup()s the chain of a jump or goto verdict
    // without asking whether the message has one. The check must call such a rule malformed
    // before libnftnl reads it. A rule "immediate jump" of table filter, chain DOCKER-USER:
    const auto message = [](const QByteArray &verdict) {
        const QByteArray attrs =
            QByteArray::fromHex("0b000100"
                                "66696c74657200"
                                "00" // padding
                                "10000200444f434b45522d5553455200") +
            QByteArray::fromHex("3400048030000180"               // expressions, one element
                                "0e000100696d6d6564696174650000" // name "immediate" + pad
                                "00"                             // padding of the name attribute
                                "1c000280"                       // its data
                                "0800010000000000"               // register: verdict
                                "10000280") +                    // immediate data
            verdict;
        QByteArray msg(16 + 4, '\0'); // nlmsghdr + nfgenmsg
        msg += attrs;
        const quint32 len = quint32(msg.size());
        std::memcpy(msg.data(), &len, sizeof(len));
        const quint16 type = (NFNL_SUBSYS_NFTABLES << 8) | NFT_MSG_NEWRULE;
        std::memcpy(msg.data() + 4, &type, sizeof(type));
        return msg;
    };
    // NFTA_DATA_VERDICT { NFTA_VERDICT_CODE = NFT_JUMP (-3) } and nothing else.
    const NftRuleCheck jump =
        NftRuleCheck::check(message(QByteArray::fromHex("0c00028008000100fffffffd")));
    QCOMPARE(jump.result, NftRuleCheck::Malformed);
    // The same with NFT_ACCEPT (1) is well formed.
    const NftRuleCheck accept =
        NftRuleCheck::check(message(QByteArray::fromHex("0c0002800800010000000001")));
    QCOMPARE(accept.result, NftRuleCheck::Readable);
}

QTEST_GUILESS_MAIN(TestHelperUnits)
#include "tst_helperunits.moc"

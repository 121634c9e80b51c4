// Authorization with the real polkitd: each call is checked on the caller's bus name, with a
// separate action for reading and for changing; a refusal changes nothing.

#include "blockinghelperclient.h"
#include "testsandbox.h"

#include <QtTest>

using namespace Userchain;

namespace {
const QString Reader = QStringLiteral("userchain-test");     // may read, never change
const QString Stranger = QStringLiteral("nobody");           // no rule: policy defaults
const QString Applier = QStringLiteral("userchain-applier"); // may apply, may not persist
} // namespace

class TestHelperAuth : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void rootMayReadAndApply();
    void readerMayRead();
    void readerMayNotApply();
    void readerMayNotApplyEvenDryRun();
    void readerMayNotConfirmOrRollBack();
    void applierMayNotDecideOthersTransaction();
    void strangerMayNotRead();

private:
    QString m_file;
    QByteArray m_before;
};

void TestHelperAuth::initTestCase()
{
    QVERIFY(TestSandbox::inside());
    registerDBusTypes();
    QVERIFY2(TestSandbox::ensureUser(Reader), "cannot create the test user");
    QVERIFY2(TestSandbox::ensureUser(Applier), "cannot create the test user");
    QVERIFY(TestSandbox::run(QStringLiteral("id"), {Stranger}).exitCode == 0);
    m_file = TestSandbox::writeTemp(
        "-A DOCKER-USER -s 192.0.2.1/32 -j DROP\n-A DOCKER-USER -j RETURN\n");
}

void TestHelperAuth::init()
{
    QVERIFY(TestSandbox::restore(
        "*filter\n:INPUT ACCEPT [0:0]\n:FORWARD DROP [0:0]\n:OUTPUT ACCEPT [0:0]\n"
        ":DOCKER-USER - [0:0]\n-A FORWARD -j DOCKER-USER\n-A DOCKER-USER -j RETURN\nCOMMIT\n"));
    m_before = TestSandbox::normalizedSave();
}

void TestHelperAuth::rootMayReadAndApply()
{
    QCOMPARE(TestSandbox::ctl({QStringLiteral("status")}).exitCode, 0);
    const auto applied = TestSandbox::ctl({QStringLiteral("apply"), m_file});
    QVERIFY2(applied.exitCode == 0, qPrintable(applied.describe()));
    QCOMPARE(TestSandbox::chainRules(QStringLiteral("DOCKER-USER")).size(), 2);
}

void TestHelperAuth::readerMayRead()
{
    const auto status = TestSandbox::ctlAs(Reader, {QStringLiteral("status")});
    QVERIFY2(status.exitCode == 0, qPrintable(status.describe()));
    QVERIFY(status.out.contains("DOCKER-USER:  present"));
    const auto shown = TestSandbox::ctlAs(
        Reader, {QStringLiteral("show"), QStringLiteral("--chain"), QStringLiteral("DOCKER-USER")});
    QVERIFY2(shown.exitCode == 0, qPrintable(shown.describe()));
    QVERIFY(shown.out.contains("-A DOCKER-USER -j RETURN"));
}

void TestHelperAuth::readerMayNotApply()
{
    const auto applied = TestSandbox::ctlAs(Reader, {QStringLiteral("apply"), m_file});
    QVERIFY2(applied.exitCode == 3, qPrintable(applied.describe()));
    QVERIFY2(applied.err.contains("not authorized"), applied.err.constData());
    QCOMPARE(TestSandbox::normalizedSave(), m_before);
}

void TestHelperAuth::readerMayNotApplyEvenDryRun()
{
    const auto applied =
        TestSandbox::ctlAs(Reader, {QStringLiteral("apply"), m_file, QStringLiteral("--dry-run")});
    QVERIFY2(applied.exitCode == 3, qPrintable(applied.describe()));
    QCOMPARE(TestSandbox::normalizedSave(), m_before);
}

void TestHelperAuth::readerMayNotConfirmOrRollBack()
{
    // Root applies with a confirmation window; the reader can neither keep nor undo it.
    BlockingHelperClient client;
    BlockingHelperClient::Failure failure;
    Snapshot snapshot;
    QVERIFY(client.snapshot(Family::IPv4, &snapshot, &failure));
    QString transaction, revision;
    QVERIFY2(client.apply(Family::IPv4, {{QStringLiteral("-j DROP"), {}}}, snapshot.revision, 60, 0,
                          &transaction, &revision, &failure),
             qPrintable(BlockingHelperClient::describe(failure)));
    QCOMPARE(TestSandbox::chainRules(QStringLiteral("DOCKER-USER")),
             QStringList{QStringLiteral("-j DROP")});

    auto result = TestSandbox::ctlAs(Reader, {QStringLiteral("confirm"), transaction});
    QVERIFY2(result.exitCode == 3, qPrintable(result.describe()));
    result = TestSandbox::ctlAs(Reader, {QStringLiteral("rollback"), transaction});
    QVERIFY2(result.exitCode == 3, qPrintable(result.describe()));
    // An unknown id gets the same answer: nothing is revealed before authorization.
    result = TestSandbox::ctlAs(Reader, {QStringLiteral("rollback"), QStringLiteral("nope")});
    QVERIFY2(result.exitCode == 3, qPrintable(result.describe()));
    QCOMPARE(TestSandbox::chainRules(QStringLiteral("DOCKER-USER")),
             QStringList{QStringLiteral("-j DROP")});

    QVERIFY2(client.rollback(transaction, &failure),
             qPrintable(BlockingHelperClient::describe(failure)));
    QCOMPARE(TestSandbox::normalizedSave(), m_before);
}

void TestHelperAuth::applierMayNotDecideOthersTransaction()
{
    // Root applies with a confirmation window; another user allowed to apply, but not to
    // persist, can neither confirm nor undo it: not with an empty id, not with the exact one.
    BlockingHelperClient client;
    BlockingHelperClient::Failure failure;
    Snapshot snapshot;
    QVERIFY(client.snapshot(Family::IPv4, &snapshot, &failure));
    QString transaction, revision;
    QVERIFY2(client.apply(Family::IPv4, {{QStringLiteral("-j DROP"), {}}}, snapshot.revision, 60, 0,
                          &transaction, &revision, &failure),
             qPrintable(BlockingHelperClient::describe(failure)));
    const QStringList applied{QStringLiteral("-j DROP")};

    for (const QString &command : {QStringLiteral("confirm"), QStringLiteral("rollback")}) {
        auto result = TestSandbox::ctlAs(Applier, {command});
        QVERIFY2(result.exitCode == 6, qPrintable(command + QLatin1Char(' ') + result.describe()));
        QVERIFY2(result.err.contains("no such pending transaction"), result.err.constData());
        result = TestSandbox::ctlAs(Applier, {command, transaction});
        QVERIFY2(result.exitCode == 3, qPrintable(command + QLatin1Char(' ') + result.describe()));
        QCOMPARE(TestSandbox::chainRules(QStringLiteral("DOCKER-USER")), applied);
    }
    // The applier is allowed apply itself: this is about whose transaction it is.
    const auto dryRun =
        TestSandbox::ctlAs(Applier, {QStringLiteral("apply"), m_file, QStringLiteral("--dry-run")});
    QVERIFY2(dryRun.exitCode == 0, qPrintable(dryRun.describe()));

    // The applying client itself may still confirm with an empty id.
    QVERIFY2(client.confirm(QString(), &failure),
             qPrintable(BlockingHelperClient::describe(failure)));
    QCOMPARE(TestSandbox::chainRules(QStringLiteral("DOCKER-USER")), applied);
}

void TestHelperAuth::strangerMayNotRead()
{
    // No rule for this user and no active session: the policy's defaults refuse even reading.
    const auto status = TestSandbox::ctlAs(Stranger, {QStringLiteral("status")});
    QVERIFY2(status.exitCode == 3, qPrintable(status.describe()));
    const auto applied = TestSandbox::ctlAs(Stranger, {QStringLiteral("apply"), m_file});
    QVERIFY2(applied.exitCode == 3, qPrintable(applied.describe()));
    QCOMPARE(TestSandbox::normalizedSave(), m_before);
}

USERCHAIN_SANDBOX_TEST_MAIN(
    TestHelperAuth,
    (QStringList{QStringLiteral("--polkit-rules"),
                 QStringLiteral(USERCHAIN_SOURCE_DIR "/tests/helper/data/helper-auth.rules.in")}),
    (QStringList{QStringLiteral("--idle-timeout"), QStringLiteral("60")}))
#include "tst_helperauth.moc"

// IptcBackend's caches against the real kernel tables of a private network namespace: a chain
// read again is taken from the memo only when the kernel still holds the very entries (another
// program's change, a shorter chain), and an entry written before is reused only for the very
// rule of the same family (not for a rule that merely has the same text).
#include "iptcbackend.h"
#include "netns.h"
#include "ruleparser.h"

#include <QCoreApplication>
#include <QTest>

using namespace Userchain;

namespace {

QString tool(Family f, const char *name)
{
    return QStringLiteral("/usr/sbin/") +
           (f == Family::IPv4 ? QStringLiteral("iptables-legacy")
                              : QStringLiteral("ip6tables-legacy")) +
           QLatin1String(name);
}

const QByteArray kFilter = "*filter\n:INPUT ACCEPT [0:0]\n:FORWARD DROP [0:0]\n"
                           ":OUTPUT ACCEPT [0:0]\n:DOCKER-USER - [0:0]\n"
                           "-A FORWARD -j DOCKER-USER\nCOMMIT\n";

BackendRule rule(const QString &spec, Family family = Family::IPv4)
{
    BackendRule br;
    br.rule = *RuleParser::parse(spec, family);
    br.displaySpec = br.rule.toString();
    return br;
}

/// DOCKER-USER's rules as iptables-legacy-save prints them.
QStringList saved(Family f = Family::IPv4)
{
    QStringList rules;
    for (const QByteArray &line : TestNetns::run(tool(f, "-save"), {}).out.split('\n'))
        if (line.startsWith("-A DOCKER-USER "))
            rules << QString::fromUtf8(line.mid(15));
    return rules;
}

/// DOCKER-USER's rules as the backend reads them.
QStringList read(IptcBackend &backend, Family f = Family::IPv4)
{
    BackendTables tables;
    QString error;
    if (!backend.read(f, &tables, &error))
        return {QStringLiteral("read failed: ") + error};
    QStringList rules;
    for (const BackendChain &chain : tables.chains)
        if (chain.table == QLatin1String("filter") && chain.name == QLatin1String("DOCKER-USER"))
            for (const BackendRule &r : chain.rules)
                rules << r.displaySpec;
    return rules;
}

bool apply(IptcBackend &backend, const QVector<BackendRule> &rules, QString *error,
           Family f = Family::IPv4)
{
    const auto session = backend.beginSession(f, error);
    return session && session->prepare(rules, false, false, error) && session->commit(error);
}

} // namespace

class TstIptcCaches : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void readAgainSeesAnotherWriter_data();
    void readAgainSeesAnotherWriter();
    void writtenEntryOnlyForTheSameRule();
    void writtenEntryOnlyForItsFamily();
};

void TstIptcCaches::init()
{
    QString error;
    QVERIFY2(TestNetns::fresh(&error), qPrintable(error));
    QVERIFY(TestNetns::run(tool(Family::IPv4, "-restore"), {}, kFilter).ok());
    QVERIFY(TestNetns::run(tool(Family::IPv6, "-restore"), {}, kFilter).ok());
}

void TstIptcCaches::readAgainSeesAnotherWriter_data()
{
    QTest::addColumn<QStringList>("command");
    QTest::newRow("a rule replaced in the middle")
        << QStringList{QStringLiteral("-R"),  QStringLiteral("DOCKER-USER"), QStringLiteral("2"),
                       QStringLiteral("-s"),  QStringLiteral("10.0.0.9"),    QStringLiteral("-j"),
                       QStringLiteral("DROP")};
    QTest::newRow("the last rule deleted (a shorter chain)")
        << QStringList{QStringLiteral("-D"), QStringLiteral("DOCKER-USER"), QStringLiteral("3")};
    QTest::newRow("a rule appended")
        << QStringList{QStringLiteral("-A"), QStringLiteral("DOCKER-USER"), QStringLiteral("-j"),
                       QStringLiteral("RETURN")};
}

void TstIptcCaches::readAgainSeesAnotherWriter()
{
    QFETCH(QStringList, command);
    IptcBackend backend;
    QString error;
    QVERIFY2(apply(backend,
                   {rule(QStringLiteral("-s 10.0.0.1/32 -j DROP")),
                    rule(QStringLiteral("-s 10.0.0.2/32 -j DROP")),
                    rule(QStringLiteral("-s 10.0.0.3/32 -j DROP"))},
                   &error),
             qPrintable(error));
    QCOMPARE(read(backend), saved()); // remembered now
    QCOMPARE(read(backend), saved()); // and taken from the memo
    QVERIFY(TestNetns::run(tool(Family::IPv4, ""), command).ok());
    QCOMPARE(read(backend), saved()); // remembered anew: the memo must be of this chain
    QVERIFY(TestNetns::run(tool(Family::IPv4, ""),
                           {QStringLiteral("-F"), QStringLiteral("DOCKER-USER")})
                .ok());
    QCOMPARE(read(backend), QStringList());
}

void TstIptcCaches::writtenEntryOnlyForTheSameRule()
{
    // A list whose text says one thing and whose rule another (no caller of the backend makes
    // one; a cache keyed by text alone would write the earlier rule's entry).
    IptcBackend backend;
    QString error;
    QVERIFY2(apply(backend, {rule(QStringLiteral("-s 10.0.0.1/32 -j DROP"))}, &error),
             qPrintable(error));
    QCOMPARE(saved(), QStringList{QStringLiteral("-s 10.0.0.1/32 -j DROP")});
    BackendRule other = rule(QStringLiteral("-s 10.0.0.1/32 -j ACCEPT"));
    other.displaySpec = QStringLiteral("-s 10.0.0.1/32 -j DROP");
    QVERIFY2(apply(backend, {other}, &error), qPrintable(error));
    QCOMPARE(saved(), QStringList{QStringLiteral("-s 10.0.0.1/32 -j ACCEPT")});
}

void TstIptcCaches::writtenEntryOnlyForItsFamily()
{
    // The same text in both families: each gets its own family's entry.
    IptcBackend backend;
    QString error;
    const QString spec = QStringLiteral("-p tcp -m tcp --dport 22 -j DROP");
    QVERIFY2(apply(backend, {rule(spec, Family::IPv4)}, &error, Family::IPv4), qPrintable(error));
    QVERIFY2(apply(backend, {rule(spec, Family::IPv6)}, &error, Family::IPv6), qPrintable(error));
    QCOMPARE(saved(Family::IPv6), QStringList{spec});
    QCOMPARE(read(backend, Family::IPv6), QStringList{spec});
    QCOMPARE(saved(Family::IPv4), QStringList{spec});
}

int main(int argc, char **argv)
{
    Userchain::TestNetns::enterPrivateNetwork(argc, argv);
    QCoreApplication app(argc, argv);
    TstIptcCaches test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_iptccaches.moc"

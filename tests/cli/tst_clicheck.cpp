// userchainctl without a helper: `check`, usage errors, and the documented exit codes.

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

class TestCliCheck : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void check_data();
    void check();
    void usageErrors_data();
    void usageErrors();
    void helpDocumentsExitCodes();
    void unreachableHelper();

private:
    struct Result
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    Result ctl(const QStringList &args,
               const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());
    QString write(const QString &name, const QByteArray &content);

    QTemporaryDir m_dir;
};

void TestCliCheck::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

TestCliCheck::Result TestCliCheck::ctl(const QStringList &args, const QProcessEnvironment &env)
{
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(USERCHAIN_BINARY_DIR "/cli/userchainctl"), args);
    process.closeWriteChannel();
    [&] {
        QVERIFY(process.waitForFinished(30000));
    }();
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

QString TestCliCheck::write(const QString &name, const QByteArray &content)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(content);
    return path;
}

void TestCliCheck::check_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QStringList>("extraArgs");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("expectedOut"); // with FILE standing for the file name
    QTest::addColumn<QString>("expectedErr");

    QTest::newRow("docker page lines")
        << QByteArray("# Docker's page\n"
                      "iptables -I DOCKER-USER -i ext_if ! -s 192.168.1.1 -j DROP\n"
                      "-A DOCKER-USER -m iprange -i ext_if ! --src-range 192.168.1.1-192.168.1.3 "
                      "-j DROP\n")
        << QStringList{} << 0
        << QStringLiteral("-A DOCKER-USER ! -s 192.168.1.1/32 -i ext_if -j DROP\n"
                          "-A DOCKER-USER -i ext_if -m iprange ! --src-range "
                          "192.168.1.1-192.168.1.3 -j DROP\n")
        << QString();
    QTest::newRow("restore file")
        << QByteArray(
               "*filter\n:DOCKER-USER - [0:0]\n-F DOCKER-USER\n"
               "-A DOCKER-USER -p tcp -m conntrack --ctorigdstport 80 --ctdir ORIGINAL -j RETURN\n"
               "-A DOCKER-USER -j RETURN\nCOMMIT\n")
        << QStringList{} << 0
        << QStringLiteral(
               "-A DOCKER-USER -p tcp -m conntrack --ctorigdstport 80 --ctdir ORIGINAL -j RETURN\n"
               "-A DOCKER-USER -j RETURN\n")
        << QString();
    QTest::newRow("errors name lines")
        << QByteArray("-A DOCKER-USER -j RETURN\n-A DOCKER-USER -p tcp --dprot 80 -j DROP\n"
                      "\n-A DOCKER-USER -s 300.1.1.1 -j DROP\n")
        << QStringList{} << 2 << QString() << QStringLiteral("FILE:2:\nFILE:4:");
    QTest::newRow("ipv6 with -6") << QByteArray("-A DOCKER-USER -s 2001:db8::/32 -j DROP\n")
                                  << QStringList{QStringLiteral("-6")} << 0
                                  << QStringLiteral("-A DOCKER-USER -s 2001:db8::/32 -j DROP\n")
                                  << QString();
    QTest::newRow("ipv6 address in an ipv4 file")
        << QByteArray("-A DOCKER-USER -s 2001:db8::/32 -j DROP\n") << QStringList{} << 2
        << QString() << QStringLiteral("FILE:1:");
    // Docker's page gives ip6tables lines next to the iptables ones: read as IPv4 they would
    // put IPv6 rules into the IPv4 chain.
    QTest::newRow("ip6tables line in an ipv4 check")
        << QByteArray("iptables -A DOCKER-USER -i eth0 -j DROP\n"
                      "ip6tables -A DOCKER-USER -i eth0 -j DROP\n")
        << QStringList{} << 2 << QString()
        << QStringLiteral("FILE:2: \"ip6tables\" is the command for IPv6 rules; these rules "
                          "are read as IPv4");
    QTest::newRow("ip6tables lines with -6")
        << QByteArray("sudo ip6tables -I DOCKER-USER -i eth0 -j DROP\n") << QStringList{"-6"} << 0
        << QStringLiteral("-A DOCKER-USER -i eth0 -j DROP\n") << QString();
    QTest::newRow("unterminated quote")
        << QByteArray("*filter\n-A DOCKER-USER -m comment --comment \"open -j ACCEPT\nCOMMIT\n")
        << QStringList{} << 2 << QString() << QStringLiteral("FILE:2:");
}

void TestCliCheck::check()
{
    QFETCH(QByteArray, content);
    QFETCH(QStringList, extraArgs);
    QFETCH(int, exitCode);
    QFETCH(QString, expectedOut);
    QFETCH(QString, expectedErr);

    const QString file = write(QStringLiteral("%1.rules")
                                   .arg(QString::fromLatin1(QTest::currentDataTag())
                                            .replace(QLatin1Char(' '), QLatin1Char('-'))),
                               content);
    const Result r = ctl(QStringList{QStringLiteral("check"), file} + extraArgs);
    QVERIFY2(r.exitCode == exitCode, qPrintable(r.out + r.err));
    if (!expectedOut.isNull())
        QCOMPARE(r.out, expectedOut);
    // Every expected "FILE:LINE:" prefix starts a line of the error output.
    for (const QString &prefix : expectedErr.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const QString wanted = QString(prefix).replace(QStringLiteral("FILE"), file);
        QVERIFY2(r.err.startsWith(wanted) || r.err.contains(QLatin1Char('\n') + wanted),
                 qPrintable(r.err));
    }
}

void TestCliCheck::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("no command") << QStringList{};
    QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")};
    QTest::newRow("unknown option")
        << QStringList{QStringLiteral("status"), QStringLiteral("--bogus")};
    QTest::newRow("option of another command")
        << QStringList{QStringLiteral("status"), QStringLiteral("--counters")};
    QTest::newRow("apply without file") << QStringList{QStringLiteral("apply")};
    QTest::newRow("check two files")
        << QStringList{QStringLiteral("check"), QStringLiteral("a"), QStringLiteral("b")};
    QTest::newRow("bad confirm") << QStringList{QStringLiteral("apply"), QStringLiteral("f"),
                                                QStringLiteral("--confirm"),
                                                QStringLiteral("soon")};
    QTest::newRow("both families")
        << QStringList{QStringLiteral("-4"), QStringLiteral("-6"), QStringLiteral("status")};
}

void TestCliCheck::usageErrors()
{
    QFETCH(QStringList, args);
    const Result r = ctl(args);
    QCOMPARE(r.exitCode, 1);
    QVERIFY(!r.err.isEmpty());
}

void TestCliCheck::helpDocumentsExitCodes()
{
    const Result r = ctl({QStringLiteral("--help")});
    QCOMPARE(r.exitCode, 0);
    for (const char *line :
         {"0  success", "1  usage error", "2  invalid input", "3  not authorized",
          "4  stale revision", "5  helper or system bus unreachable", "6  busy",
          "7  a confirmed apply"})
        QVERIFY2(r.out.contains(QLatin1String(line)), line);
}

void TestCliCheck::unreachableHelper()
{
    // A bus address where nothing listens: exit 5, and no attempt on the host's bus.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DBUS_SYSTEM_BUS_ADDRESS"),
               QStringLiteral("unix:path=") + m_dir.filePath(QStringLiteral("no-bus")));
    const Result r = ctl({QStringLiteral("status")}, env);
    QCOMPARE(r.exitCode, 5);
}

QTEST_GUILESS_MAIN(TestCliCheck)
#include "tst_clicheck.moc"

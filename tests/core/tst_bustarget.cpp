// BusTarget: what `--host` accepts, and the unixexec address and ssh arguments made from it.

#include "bustarget.h"

#include <QtTest>

using namespace Userchain;

class TestBusTarget : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void local();
    void parses_data();
    void parses();
    void refuses_data();
    void refuses();
    void addressEscapesValues();
    void announcingArguments();
};

void TestBusTarget::local()
{
    const BusTarget target;
    QVERIFY(!target.isRemote());
    QVERIFY(target.address().isEmpty());
    QVERIFY(target.displayName().isEmpty());
}

void TestBusTarget::parses_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("display");
    QTest::addColumn<QStringList>("ssh");

    const QString bridge = QStringLiteral("systemd-stdio-bridge");
    QTest::newRow("host") << "server"
                          << "server" << QStringList{"-xT", "--", "server", bridge};
    QTest::newRow("user@host") << " admin@build.example.org "
                               << "admin@build.example.org"
                               << QStringList{"-xT", "--", "admin@build.example.org", bridge};
    QTest::newRow("port") << "root@198.51.100.1:2222"
                          << "root@198.51.100.1:2222"
                          << QStringList{"-xT", "-p", "2222", "--", "root@198.51.100.1", bridge};
    QTest::newRow("ipv6") << "[2001:db8::1]"
                          << "[2001:db8::1]" << QStringList{"-xT", "--", "2001:db8::1", bridge};
    QTest::newRow("ipv6 port") << "u_1@[2001:db8::1]:22"
                               << "u_1@[2001:db8::1]:22"
                               << QStringList{"-xT", "-p", "22", "--", "u_1@2001:db8::1", bridge};
}

void TestBusTarget::parses()
{
    QFETCH(QString, spec);
    QFETCH(QString, display);
    QFETCH(QStringList, ssh);
    QString error;
    const auto target = BusTarget::parse(spec, &error);
    QVERIFY2(target, qPrintable(error));
    QVERIFY(target->isRemote());
    QCOMPARE(target->displayName(), display);
    QCOMPARE(target->sshArguments(), ssh);
    // What is shown parses back to the same target.
    QCOMPARE(BusTarget::parse(display, &error), target);
}

void TestBusTarget::refuses_data()
{
    QTest::addColumn<QString>("spec");
    QTest::newRow("empty") << "";
    QTest::newRow("option") << "-oProxyCommand=sh";
    QTest::newRow("user option") << "-l@host";
    QTest::newRow("space") << "host name";
    QTest::newRow("two @") << "a@b@c";
    QTest::newRow("percent token") << "host%h";
    QTest::newRow("comma") << "host,argv9=x";
    QTest::newRow("bare ipv6") << "2001:db8::1";
    QTest::newRow("port 0") << "host:0";
    QTest::newRow("port too big") << "host:65536";
    QTest::newRow("port text") << "host:ssh";
    QTest::newRow("port sign") << "host:+22";
    QTest::newRow("empty port") << "host:";
    QTest::newRow("empty user") << "@host";
    QTest::newRow("bracket junk") << "[2001:db8::1]x";
    QTest::newRow("bracket name") << "[server]";
    QTest::newRow("unclosed") << "[2001:db8::1";
}

void TestBusTarget::refuses()
{
    QFETCH(QString, spec);
    QString error;
    QVERIFY(!BusTarget::parse(spec, &error));
    QVERIFY(!error.isEmpty());
}

void TestBusTarget::addressEscapesValues()
{
    QString error;
    const auto target = BusTarget::parse(QStringLiteral("admin@[2001:db8::1]:2222"), &error);
    QVERIFY(target);
    // ':' and '@' are outside the D-Bus address spec's optionally-escaped set.
    QCOMPARE(target->address(),
             QStringLiteral("unixexec:path=ssh,argv1=-xT,argv2=-p,argv3=2222,argv4=--,"
                            "argv5=admin%402001%3adb8%3a%3a1,argv6=systemd-stdio-bridge"));
}

void TestBusTarget::announcingArguments()
{
    QString error;
    const auto target = BusTarget::parse(QStringLiteral("admin@vps:2222"), &error);
    QVERIFY(target);
    // The GUI's ssh: the same host after "--", keep-alives, and a fixed command that prints the
    // ready line before the bridge takes the stream over.
    QCOMPARE(
        target->announcingSshArguments(),
        (QStringList{"-xT", "-oServerAliveInterval=15", "-oServerAliveCountMax=2", "-p", "2222",
                     "--", "admin@vps", "echo userchain-ssh-ready; exec systemd-stdio-bridge"}));
    QCOMPARE(BusTarget::readyLine(), QByteArray("userchain-ssh-ready\n"));
    QCOMPARE(BusTarget::unixSocketAddress(QStringLiteral("/tmp/a b/bus")),
             QStringLiteral("unix:path=/tmp/a%20b/bus"));
}

QTEST_GUILESS_MAIN(TestBusTarget)
#include "tst_bustarget.moc"

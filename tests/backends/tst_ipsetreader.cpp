// IpsetReader against the kernel's real sets, made with the ipset tool in a private network
// namespace: what it reads is what `ipset save` shows, and what the evaluator could not decide
// exactly (nomatch entries, other types or families, too many entries) is left out.

#include "ipsetreader.h"
#include "netns.h"

#include "ipaddress.h"

#include <QtTest>

using namespace Userchain;

class TstIpsetReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void reads_data();
    void reads();
    void boundsLeaveASetOut();

private:
    /// The entries of a read set as "addr/prefix", in the kernel's order, sorted.
    static QStringList entries(const IpsetInfo &set, Family family);
    static void restore(const QByteArray &commands);
};

void TstIpsetReader::init()
{
    QString error;
    QVERIFY2(TestNetns::fresh(&error), qPrintable(error));
}

void TstIpsetReader::restore(const QByteArray &commands)
{
    const auto r =
        TestNetns::run(QStringLiteral("/usr/sbin/ipset"), {QStringLiteral("restore")}, commands);
    QVERIFY2(r.ok(), r.err.constData());
}

QStringList TstIpsetReader::entries(const IpsetInfo &set, Family family)
{
    const int size = ipsetEntrySize(family == Family::IPv6 ? 6 : 4);
    QStringList out;
    const auto *bytes = reinterpret_cast<const unsigned char *>(set.entries.constData());
    for (qsizetype at = 0; at + size <= set.entries.size(); at += size)
        out << QStringLiteral("%1/%2")
                   .arg(IpAddress::fromBytes(bytes + at, family).toString(family))
                   .arg(bytes[at + size - 1]);
    out.sort();
    return out;
}

void TstIpsetReader::reads_data()
{
    QTest::addColumn<QByteArray>("commands");
    QTest::addColumn<int>("family");
    QTest::addColumn<QStringList>("expected"); ///< entries; {"absent"}: the set is left out
    QTest::newRow("hash:net") << QByteArray("create s hash:net family inet\n"
                                            "add s 10.0.0.0/8\nadd s 192.0.2.7\n")
                              << 4 << QStringList{"10.0.0.0/8", "192.0.2.7/32"};
    QTest::newRow("hash:ip") << QByteArray("create s hash:ip family inet\nadd s 192.0.2.7\n") << 4
                             << QStringList{"192.0.2.7/32"};
    QTest::newRow("hash:ip with a netmask")
        << QByteArray("create s hash:ip family inet netmask 24\nadd s 192.0.2.7\n") << 4
        << QStringList{"192.0.2.0/24"};
    QTest::newRow("hash:net with extensions")
        << QByteArray("create s hash:net family inet counters comment timeout 600\n"
                      "add s 10.1.0.0/16 comment \"office\"\n")
        << 4 << QStringList{"10.1.0.0/16"};
    QTest::newRow("empty") << QByteArray("create s hash:net family inet\n") << 4 << QStringList{};
    QTest::newRow("IPv6") << QByteArray("create s hash:net family inet6\n"
                                        "add s 2001:db8::/32\nadd s fd00::1\n")
                          << 6 << QStringList{"2001:db8::/32", "fd00::1/128"};
    QTest::newRow("nomatch entry") << QByteArray("create s hash:net family inet\nadd s 10.0.0.0/8\n"
                                                 "add s 10.1.0.0/16 nomatch\n")
                                   << 4 << QStringList{"absent"};
    QTest::newRow("other family") << QByteArray("create s hash:net family inet6\n") << 4
                                  << QStringList{"absent"};
    QTest::newRow("other type") << QByteArray("create s hash:net,port family inet\n"
                                              "add s 10.0.0.0/8,tcp:80\n")
                                << 4 << QStringList{"absent"};
    QTest::newRow("no such set") << QByteArray("create other hash:net family inet\n") << 4
                                 << QStringList{"absent"};
}

void TstIpsetReader::reads()
{
    QFETCH(QByteArray, commands);
    QFETCH(int, family);
    QFETCH(QStringList, expected);
    restore(commands);
    const Family f = family == 6 ? Family::IPv6 : Family::IPv4;
    const QList<IpsetInfo> sets = IpsetReader::read({QStringLiteral("s")}, f);
    if (expected == QStringList{QStringLiteral("absent")}) {
        QVERIFY(sets.isEmpty());
        return;
    }
    QCOMPARE(sets.size(), 1);
    QCOMPARE(sets.first().name, QStringLiteral("s"));
    QCOMPARE(entries(sets.first(), f), expected);
}

void TstIpsetReader::boundsLeaveASetOut()
{
    // One entry more than a set may bring is no set at all (a partial one would be wrong);
    // a set within the bound next to it is still read.
    QByteArray commands = "create big hash:ip family inet maxelem 70000\n"
                          "create small hash:ip family inet\nadd small 192.0.2.1\n";
    for (int i = 0; i <= IpsetReader::MaxEntriesPerSet; ++i)
        commands += QStringLiteral("add big 10.%1.%2.%3\n")
                        .arg(i >> 16)
                        .arg((i >> 8) & 0xff)
                        .arg(i & 0xff)
                        .toLatin1();
    restore(commands);
    const QList<IpsetInfo> sets = IpsetReader::read(
        {QStringLiteral("big"), QStringLiteral("small"), QStringLiteral("big")}, Family::IPv4);
    QCOMPARE(sets.size(), 1);
    QCOMPARE(sets.first().name, QStringLiteral("small"));
}

int main(int argc, char **argv)
{
    Userchain::TestNetns::enterPrivateNetwork(argc, argv);
    QCoreApplication app(argc, argv);
    TstIpsetReader test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_ipsetreader.moc"

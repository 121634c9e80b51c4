// The one mapping from the helper's D-Bus error names to what went wrong, shared by the GUI and
// the CLI (issue 11 item 5): the name decides, the message never does.

#include "dbustypes.h"
#include "helpererrorkind.h"

#include <QTest>

using namespace Userchain;

class TestHelperErrorKind : public QObject
{
    Q_OBJECT

private slots:
    void byName_data();
    void byName();
};

void TestHelperErrorKind::byName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("type");
    QTest::addColumn<int>("kind");
    using K = HelperErrorKind;
    const int other = int(QDBusError::Other);
    QTest::newRow("cancelled") << DBusError::Cancelled << other << int(K::Cancelled);
    QTest::newRow("refused") << DBusError::NotAuthorized << other << int(K::NotAuthorized);
    QTest::newRow("bus policy") << "org.freedesktop.DBus.Error.AccessDenied" << other
                                << int(K::NotAuthorized);
    QTest::newRow("stale") << DBusError::StaleRevision << other << int(K::StaleRevision);
    QTest::newRow("busy") << DBusError::Busy << other << int(K::Busy);
    QTest::newRow("no transaction")
        << DBusError::NoSuchTransaction << other << int(K::NoSuchTransaction);
    QTest::newRow("not installed") << "org.freedesktop.DBus.Error.ServiceUnknown"
                                   << int(QDBusError::ServiceUnknown) << int(K::NotInstalled);
    QTest::newRow("spawn failed") << "org.freedesktop.DBus.Error.Spawn.ChildExited" << other
                                  << int(K::NotReachable);
    QTest::newRow("connection gone (QtDBus's own)")
        << "org.qtproject.QtDBus.Error.Whatever" << int(QDBusError::Disconnected)
        << int(K::NotReachable);
    QTest::newRow("older helper") << "org.freedesktop.DBus.Error.UnknownMethod" << other
                                  << int(K::NotSupported);
    QTest::newRow("unknown name") << "org.example.Error.Strange" << other << int(K::Failed);
}

void TestHelperErrorKind::byName()
{
    QFETCH(QString, name);
    QFETCH(int, type);
    QFETCH(int, kind);
    QCOMPARE(int(helperErrorKind(name, QDBusError::ErrorType(type))), kind);
}

QTEST_GUILESS_MAIN(TestHelperErrorKind)
#include "tst_helpererrorkind.moc"

// userchain-helper: the root D-Bus service behind io.github.userchain.Helper1, started by
// D-Bus activation. See docs/helper.md.

#include "helper1adaptor.h"
#include "helperservice.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QMetaType>

#include <cstdio>
#include <unistd.h>

using namespace Userchain;

namespace {
const QString ServiceName = QStringLiteral("io.github.userchain.Helper1");
const QString ObjectPath = QStringLiteral("/io/github/userchain/Helper1");

QDBusConnection openBus()
{
    // An activated service talks to the bus that started it. The bus daemon says which one in
    // DBUS_STARTER_ADDRESS; preferring it keeps a helper started by a private test bus off the
    // host's system bus. Without it (started by hand, or by systemd) the system bus is meant.
    const QByteArray starter = qgetenv("DBUS_STARTER_ADDRESS");
    if (!starter.isEmpty())
        return QDBusConnection::connectToBus(QString::fromLocal8Bit(starter),
                                             QStringLiteral("userchain-starter-bus"));
    return QDBusConnection::systemBus();
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("userchain-helper"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Userchain's root helper: reads Docker's iptables chains and replaces "
                       "DOCKER-USER for authorized clients over D-Bus."));
    parser.addHelpOption();
    QCommandLineOption idleOption(QStringLiteral("idle-timeout"),
                                  QStringLiteral("Exit after SECONDS without work (default 60)."),
                                  QStringLiteral("SECONDS"), QStringLiteral("60"));
    QCommandLineOption lockOption(
        QStringLiteral("lock-timeout"),
        QStringLiteral(
            "Wait at most MS for the xtables lock before answering Busy (default 10000)."),
        QStringLiteral("MS"), QStringLiteral("10000"));
    parser.addOption(idleOption);
    parser.addOption(lockOption);
    parser.process(app);

    bool ok = false;
    HelperService::Options options;
    options.idleTimeoutMs = parser.value(idleOption).toInt(&ok) * 1000;
    if (!ok || options.idleTimeoutMs <= 0) {
        std::fprintf(stderr, "userchain-helper: --idle-timeout needs a positive number\n");
        return 1;
    }
    options.lockTimeoutMs = parser.value(lockOption).toInt(&ok);
    if (!ok || options.lockTimeoutMs < 0) {
        std::fprintf(stderr, "userchain-helper: --lock-timeout needs a number\n");
        return 1;
    }

    // The helper changes the firewall for whoever polkit allows; running it as anyone but
    // root could only fail later, at the kernel, with a less clear message.
    if (::geteuid() != 0) {
        std::fprintf(stderr, "userchain-helper: must run as root\n");
        return 1;
    }

    registerDBusTypes();
    QDBusConnection bus = openBus();
    if (!bus.isConnected()) {
        std::fprintf(stderr, "userchain-helper: cannot connect to the system bus: %s\n",
                     qPrintable(bus.lastError().message()));
        return 1;
    }

    HelperService service(bus, options);
    new Helper1Adaptor(&service);
    // ExportAdaptors: only the interface generated from the XML is reachable, not the
    // service object's own slots or properties.
    if (!bus.registerObject(ObjectPath, &service, QDBusConnection::ExportAdaptors)) {
        std::fprintf(stderr, "userchain-helper: cannot register %s\n", qPrintable(ObjectPath));
        return 1;
    }
    if (!bus.registerService(ServiceName)) {
        std::fprintf(stderr, "userchain-helper: cannot own %s: %s\n", qPrintable(ServiceName),
                     qPrintable(bus.lastError().message()));
        return 1;
    }
    QObject::connect(&service, &HelperService::idle, &app, [&bus]() {
        // Give the name up first: a call arriving from now on starts a fresh helper instead
        // of reaching one that is about to exit.
        bus.unregisterService(ServiceName);
        QCoreApplication::quit();
    });
    return app.exec();
}

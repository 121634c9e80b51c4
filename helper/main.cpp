// userchain-helper: the root D-Bus service behind io.github.userchain.Helper1, started by
// D-Bus activation. See docs/helper.md.

#include "helper1adaptor.h"
#include "helperservice.h"
#include "unitrestore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QMetaType>

#include <cstdio>
#include <malloc.h>
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
    // Why the allocator keeps freed memory: a large Apply allocates and frees tens of
    // megabytes (parsed rules, texts, kernel entries) on threads that are new each time, and
    // glibc would hand most of it back to the kernel after every call, so that the next one
    // pays again in page faults (milliseconds per 10,000 rules). The helper exits after an
    // idle minute, which returns everything.
    mallopt(M_TRIM_THRESHOLD, 256 * 1024 * 1024);
    mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024);

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
        QStringLiteral("Wait at most MS for the xtables lock before answering Busy (default 10000; "
                       "60000 with --restore-saved)."),
        QStringLiteral("MS"), QStringLiteral("10000"));
    QCommandLineOption restoreOption(
        QStringLiteral("restore-saved"),
        QStringLiteral("Do not serve D-Bus: load the saved DOCKER-USER rules (/etc/userchain) "
                       "into the kernel, creating the chain and the FORWARD jump if missing, "
                       "and exit. Run by userchain-restore.service."));
    QCommandLineOption familyOption(
        QStringLiteral("family"),
        QStringLiteral("With --restore-saved: 4, 6 or all (default all)."),
        QStringLiteral("FAMILY"), QStringLiteral("all"));
    QCommandLineOption beforeDockerOption(
        QStringLiteral("before-docker"),
        QStringLiteral("With --restore-saved: Docker has not started; without Docker chains, "
                       "use the iptables variant `iptables -V` reports (what Docker will run). "
                       "Run by userchain-restore.service."));
    QCommandLineOption afterDockerOption(
        QStringLiteral("after-docker"),
        QStringLiteral("With --restore-saved: restore only if DOCKER-USER differs from the saved "
                       "rules or the FORWARD jump is not first. Run by "
                       "userchain-restore-check.service."));
    parser.addOption(idleOption);
    parser.addOption(beforeDockerOption);
    parser.addOption(afterDockerOption);
    parser.addOption(lockOption);
    parser.addOption(restoreOption);
    parser.addOption(familyOption);
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

    // Why no bus and no polkit in this mode: systemd starts it as root at boot, when no user
    // asks anything; the only input is the root-owned saved file, checked as Apply checks a
    // client's rules.
    if (parser.isSet(restoreOption)) {
        UnitRestore::Options restore;
        restore.families.clear();
        const QString family = parser.value(familyOption);
        if (family == QLatin1String("4") || family == QLatin1String("all"))
            restore.families << Family::IPv4;
        if (family == QLatin1String("6") || family == QLatin1String("all"))
            restore.families << Family::IPv6;
        if (restore.families.isEmpty()) {
            std::fprintf(stderr, "userchain-helper: --family needs 4, 6 or all\n");
            return UnitRestore::ExitUsage;
        }
        if (parser.isSet(beforeDockerOption) && parser.isSet(afterDockerOption)) {
            std::fprintf(stderr, "userchain-helper: --before-docker or --after-docker, not both\n");
            return UnitRestore::ExitUsage;
        }
        restore.mode = parser.isSet(beforeDockerOption)  ? UnitRestore::Mode::BeforeDocker
                       : parser.isSet(afterDockerOption) ? UnitRestore::Mode::AfterDocker
                                                         : UnitRestore::Mode::Always;
        // At boot Docker may hold the lock for a while right after it starts (many
        // containers); giving up after the interactive default would leave the saved rules
        // out until Docker's next start. So this mode waits a minute unless told otherwise.
        if (parser.isSet(lockOption))
            restore.lockTimeoutMs = options.lockTimeoutMs;
        return UnitRestore::run(restore);
    }
    if (parser.isSet(familyOption) || parser.isSet(beforeDockerOption) ||
        parser.isSet(afterDockerOption)) {
        std::fprintf(stderr, "userchain-helper: --family, --before-docker and --after-docker only "
                             "apply to --restore-saved\n");
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

#include "bustarget.h"
#include "colorscheme.h"
#include "hostwindows.h"
#include "mainwindow.h"
#include "translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <cstdio>

#include "startuptrace.h"

int main(int argc, char *argv[])
{
    QElapsedTimer clock;
    clock.start();
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Userchain"));
    QApplication::setApplicationName(QStringLiteral("userchain"));
    QApplication::setApplicationDisplayName(QStringLiteral("Userchain"));
    QApplication::setApplicationVersion(QStringLiteral(USERCHAIN_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.github.userchain.Userchain"));
    // Before any widget exists: texts and colours are taken when the window is built.
    Translations translations;
    translations.load(QLocale::system());
    ColorScheme::apply(ColorScheme::saved());

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Edit Docker's DOCKER-USER firewall chain."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption hostOption(
        QStringLiteral("host"),
        QApplication::translate("main", "Edit the firewall of HOST, over ssh (see REMOTE HOSTS in "
                                        "userchainctl(1))."),
        QStringLiteral("[USER@]HOST[:PORT]"));
    parser.addOption(hostOption);
    parser.process(app);
    Userchain::BusTarget target;
    if (parser.isSet(hostOption)) {
        QString why;
        const auto remote = Userchain::BusTarget::parse(parser.value(hostOption), &why);
        if (!remote) {
            std::fprintf(stderr, "userchain: --host: %s\n", qPrintable(why));
            return 1;
        }
        target = *remote;
    }
    // Each window names its host in its title, status bar and apply review (File → Connect to
    // Host… opens more, one per host).
    MainWindow *window = HostWindows::open(target);
    // USERCHAIN_TRACE_STARTUP=1 prints the milliseconds to the first paint and to the first
    // snapshot shown; the benchmark reads them.
    if (qEnvironmentVariableIsSet("USERCHAIN_TRACE_STARTUP")) {
        StartupTrace::install(window, clock);
    }
    return app.exec();
}

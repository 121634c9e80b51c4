#include "bustarget.h"
#include "colorscheme.h"
#include "helperclient.h"
#include "mainwindow.h"
#include "translations.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTimer>
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

    const Userchain::BusTarget target;
    HelperClient helper(target.connect());
    MainWindow window(&helper);
    // USERCHAIN_TRACE_STARTUP=1 prints the milliseconds to the first paint and to the first
    // snapshot shown; the benchmark reads them.
    if (qEnvironmentVariableIsSet("USERCHAIN_TRACE_STARTUP")) {
        StartupTrace::install(&window, clock);
    }
    window.show();
    // After show(): the window paints at once, and the snapshot fills it in when it arrives.
    QTimer::singleShot(0, &window, &MainWindow::refresh);
    return app.exec();
}

// GUI benchmark (printed, not a test): with 50,000 rules in DOCKER-USER, the time from a
// snapshot received to the table shown, scrolling, and the resident memory of the process;
// then startup to first paint of the real `userchain` in scripts/sandbox with Docker's capture.
// Targets: under 200 ms to show, under 200 MB resident, under 500 ms to first paint.
#include "editsession.h"
#include "fixturesnapshot.h"
#include "helperclient.h"
#include "lintwatcher.h"
#include "mainwindow.h"
#include "ruleactions.h"
#include "rulefilterproxy.h"
#include "ruletablemodel.h"
#include "ruletableview.h"

#include <QApplication>
#include <QDBusConnection>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLineEdit>
#include <QProcess>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QUndoStack>
#include <algorithm>
#include <cstdio>
#include <unistd.h>

namespace {

long statusKb(const char *field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly)) {
        return -1;
    }
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(field)) {
            return line.mid(int(qstrlen(field))).trimmed().split(' ').value(0).toLong();
        }
    }
    return -1;
}

QStringList manyRules(int count)
{
    QStringList rules;
    rules.reserve(count);
    for (int i = 0; i < count; ++i) {
        const QString net = QStringLiteral("10.%1.%2").arg((i / 256) % 256).arg(i % 256);
        switch (i % 4) {
        case 0:
            rules << QStringLiteral("! -s %1.0/24 -i eth0 -j DROP").arg(net);
            break;
        case 1:
            rules << QStringLiteral("-s %1.7/32 -p tcp -m conntrack --ctorigdstport %2 --ctdir "
                                    "ORIGINAL -j RETURN")
                         .arg(net)
                         .arg(1024 + i % 60000);
            break;
        case 2:
            rules << QStringLiteral("-d %1.9/32 -p udp -m udp --dport 53 -m comment --comment "
                                    "\"rule %2\" -j ACCEPT")
                         .arg(net)
                         .arg(i);
            break;
        default:
            rules << QStringLiteral("-i eth0 -m conntrack --ctstate RELATED,ESTABLISHED -j RETURN");
            break;
        }
    }
    rules << QStringLiteral("-j RETURN");
    return rules;
}

/// The real executable in the sandbox; returns the trace lines it printed.
QStringList startupInSandbox(const QString &buildDir)
{
    const QString sandbox = QStringLiteral(USERCHAIN_SOURCE_DIR "/scripts/sandbox");
    if (geteuid() != 0 || !QFileInfo::exists(sandbox) ||
        !QFileInfo::exists(buildDir + QStringLiteral("/helper/userchain-helper"))) {
        return {QStringLiteral("skipped: needs root, scripts/sandbox and the helper in %1")
                    .arg(buildDir)};
    }
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(sandbox,
            {QStringLiteral("--build-dir"), buildDir, QStringLiteral("--load"),
             FixtureSnapshot::dockerCapture(), QStringLiteral("--"), QStringLiteral("env"),
             QStringLiteral("USERCHAIN_TRACE_STARTUP=1"), QStringLiteral("USERCHAIN_TRACE_EXIT=1"),
             QStringLiteral("QT_QPA_PLATFORM=") +
                 qEnvironmentVariable("QT_QPA_PLATFORM", QStringLiteral("offscreen")),
             buildDir + QStringLiteral("/app/userchain")});
    p.waitForFinished(120000);
    QStringList lines;
    for (const QString &line : QString::fromUtf8(p.readAll()).split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1String("userchain-startup:"))) {
            lines << line;
        }
    }
    return lines;
}

/// A helper that never answers: the benchmark hands the window its snapshot directly.
class SilentHelper final : public HelperClient
{
public:
    SilentHelper() : HelperClient(QDBusConnection(QStringLiteral("none"))) {}
    void requestSnapshot(int) override {}
};

} // namespace

int main(int argc, char **argv)
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    qputenv("XDG_CONFIG_HOME", "/tmp/userchain-bench-config");
    QApplication app(argc, argv);
    const int count = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 50000;
    const QString buildDir =
        qEnvironmentVariable("USERCHAIN_BUILD_DIR", QStringLiteral(USERCHAIN_BINARY_DIR));

    Userchain::Snapshot snapshot = FixtureSnapshot::fromFile(FixtureSnapshot::dockerCapture());
    FixtureSnapshot::setDockerUser(&snapshot, manyRules(count));
    SilentHelper helper;
    MainWindow window(&helper);
    window.resize(1260, 760);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window)) {
        std::printf("the window was not exposed\n");
    }
    const long rssBefore = statusKb("VmRSS:");

    QTableView *table = window.ruleTableView()->tableView();
    QElapsedTimer timer;
    timer.start();
    window.receiveSnapshot(snapshot);
    QCoreApplication::processEvents();
    table->viewport()->repaint();
    const double showMs = double(timer.nsecsElapsed()) / 1e6;
    const int rows = window.session()->model()->rowCount();

    // Scrolling: page by page through the first screens, then jumps across the whole table.
    QScrollBar *bar = table->verticalScrollBar();
    QVector<double> steps;
    for (int i = 0; i < 200; ++i) {
        const int value =
            i < 100 ? i * bar->pageStep() : int((qint64(bar->maximum()) * (i - 100)) / 100);
        timer.restart();
        bar->setValue(value);
        table->viewport()->repaint();
        steps << double(timer.nsecsElapsed()) / 1e6;
    }
    std::sort(steps.begin(), steps.end());
    double total = 0;
    for (double s : std::as_const(steps)) {
        total += s;
    }

    // A search over every rule, and one edit, as a user would do next.
    timer.restart();
    window.ruleTableView()->proxy()->setSearchText(QStringLiteral("rule 4999"));
    QCoreApplication::processEvents();
    table->viewport()->repaint();
    const double searchMs = double(timer.nsecsElapsed()) / 1e6;
    window.ruleTableView()->proxy()->setSearchText(QString());

    // Lints (LintWatcher): what they cost the GUI thread (the edited snapshot it hands to the
    // worker), and how long after an edit they are shown. Typing and scrolling never wait.
    timer.restart();
    const Userchain::Snapshot edited = window.session()->editedSnapshot();
    const double lintHandoffMs = double(timer.nsecsElapsed()) / 1e6;
    QSignalSpy lintsShown(window.session()->model(), &RuleTableModel::lintsChanged);
    timer.restart();
    window.ruleActions()->insertRules({QStringLiteral("-s 10.0.0.0/8 -j ACCEPT")},
                                      QStringLiteral("Add rule"));
    const double editMs = double(timer.nsecsElapsed()) / 1e6;
    lintsShown.wait(30000);
    const double lintsMs = double(timer.nsecsElapsed()) / 1e6;
    const int lintedRows = int(std::count_if(
        window.session()->model()->rules().cbegin(), window.session()->model()->rules().cend(),
        [&, row = 0](const RuleRow &) mutable {
            return !window.session()->model()->lintsAt(row++).isEmpty();
        }));
    window.session()->undoStack()->undo();

    const long rss = statusKb("VmRSS:");
    const long hwm = statusKb("VmHWM:");
    std::printf("userchain GUI benchmark (%s, %d rules in DOCKER-USER)\n",
                qPrintable(QGuiApplication::platformName()), rows);
    std::printf("  snapshot received -> table shown: %8.1f ms   (target < 200 ms)\n", showMs);
    std::printf(
        "  scroll step + repaint: mean %.2f ms, median %.2f ms, max %.2f ms over %d steps\n",
        total / steps.size(), steps.at(steps.size() / 2), steps.last(), int(steps.size()));
    std::printf("  search all rules + repaint:      %8.1f ms\n", searchMs);
    std::printf("  add a rule (GUI thread):         %8.1f ms; edited snapshot for the lints: %.1f "
                "ms (%d chains)\n",
                editMs, lintHandoffMs, int(edited.chains.size()));
    std::printf("  add a rule -> its lints shown:   %8.1f ms   (%d rows marked; %d ms of it the "
                "pause after the last edit)\n",
                lintsMs, lintedRows, LintWatcher::DelayMs);
    std::printf("  resident memory: %.1f MB now, %.1f MB peak, %.1f MB before the snapshot (target "
                "< 200 MB)\n",
                rss / 1024.0, hwm / 1024.0, rssBefore / 1024.0);
    const QStringList startup = startupInSandbox(buildDir);
    std::printf(
        "  startup in scripts/sandbox with Docker's capture (target < 500 ms to first paint):\n");
    for (const QString &line : startup) {
        std::printf("    %s\n", qPrintable(line));
    }
    window.session()->load(window.session()->snapshot());
    return (showMs < 200 && hwm < 200 * 1024) ? 0 : 1;
}

#include "startuptrace.h"

#include "editsession.h"
#include "mainwindow.h"
#include "ruletableview.h"

#include <QCoreApplication>
#include <QEvent>
#include <QFile>
#include <QTableView>
#include <cstdio>
#include <unistd.h>

StartupTrace::StartupTrace(MainWindow *window, const QElapsedTimer &sinceMain)
    : QObject(window), m_window(window), m_sinceMain(sinceMain),
      m_beforeMain(msBeforeMain(sinceMain))
{
    window->installEventFilter(this);
    window->ruleTableView()->tableView()->viewport()->installEventFilter(this);
    connect(window->session(), &EditSession::snapshotChanged, this,
            [this] { m_snapshotArrived = true; });
}

void StartupTrace::install(MainWindow *window, const QElapsedTimer &sinceMain)
{
    new StartupTrace(window, sinceMain);
}

qint64 StartupTrace::msBeforeMain(const QElapsedTimer &sinceMain)
{
    // Field 22 of /proc/self/stat: start time in clock ticks after boot; /proc/uptime: now.
    QFile stat(QStringLiteral("/proc/self/stat"));
    QFile uptime(QStringLiteral("/proc/uptime"));
    if (!stat.open(QIODevice::ReadOnly) || !uptime.open(QIODevice::ReadOnly)) {
        return 0;
    }
    const QByteArray s = stat.readAll();
    const QList<QByteArray> fields = s.mid(s.lastIndexOf(')') + 2).split(' ');
    const double start = fields.value(19).toDouble() / double(sysconf(_SC_CLK_TCK));
    const double now = uptime.readAll().split(' ').value(0).toDouble();
    const qint64 sinceStart = qint64((now - start) * 1000.0);
    return std::max<qint64>(0, sinceStart - sinceMain.elapsed());
}

void StartupTrace::report(const char *what)
{
    const qint64 ms = m_sinceMain.elapsed();
    std::printf("userchain-startup: %s %lld ms after main(), ~%lld ms after exec\n", what,
                static_cast<long long>(ms), static_cast<long long>(ms + m_beforeMain));
    std::fflush(stdout);
}

bool StartupTrace::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Paint) {
        if (!m_painted && watched == m_window) {
            m_painted = true;
            report("first-paint");
        } else if (m_snapshotArrived && !m_snapshotPainted && watched != m_window) {
            m_snapshotPainted = true;
            report("snapshot-shown");
            if (qEnvironmentVariableIsSet("USERCHAIN_TRACE_EXIT")) {
                QMetaObject::invokeMethod(qApp, &QCoreApplication::quit, Qt::QueuedConnection);
            }
        }
    }
    return QObject::eventFilter(watched, event);
}

#pragma once

#include <QElapsedTimer>
#include <QObject>

class MainWindow;

/**
 * Measures startup for the benchmark: prints when the window first paints and when the first
 * snapshot is painted in the table, counted from main() and from the process's start.
 */
class StartupTrace final : public QObject
{
    Q_OBJECT
public:
    static void install(MainWindow *window, const QElapsedTimer &sinceMain);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    StartupTrace(MainWindow *window, const QElapsedTimer &sinceMain);
    void report(const char *what);
    /// Milliseconds the process ran before main() (exec, dynamic linking), from /proc.
    static qint64 msBeforeMain(const QElapsedTimer &sinceMain);

    MainWindow *m_window;
    QElapsedTimer m_sinceMain;
    qint64 m_beforeMain;
    bool m_painted = false;
    bool m_snapshotArrived = false;
    bool m_snapshotPainted = false;
};

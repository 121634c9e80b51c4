#pragma once

#include <QObject>
#include <QString>
#include <QTimer>
#include <deque>
#include <functional>

namespace Userchain {

/**
 * The lock every iptables tool takes before it changes a table: flock() on
 * `/run/xtables.lock`, or on `$XTABLES_LOCKFILE` as iptables itself honours it.
 *
 * Waiting happens without blocking the event loop: acquire() tries at once and otherwise polls
 * the lock from a timer until it is free or the timeout passes, so the helper keeps answering
 * (and rejecting) other calls meanwhile. Waiters inside this process are served in order.
 *
 * The work done under the lock is the callback: the lock is held while it runs and released
 * when it returns, so no path can forget to unlock.
 */
class XtablesLock final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(XtablesLock)

public:
    /// held: the lock is held for the duration of the call; otherwise error says why not.
    using Work = std::function<void(bool held, const QString &error)>;

    explicit XtablesLock(QObject *parent = nullptr);
    ~XtablesLock() override;

    /// The lock file in use (from the helper's own environment, never from a caller).
    QString path() const { return m_path; }

    /// Run work with the lock held, waiting at most timeoutMs for it.
    void acquire(int timeoutMs, Work work);
    /// True while a caller's work runs or other work waits for the lock.
    bool isBusy() const { return m_running || !m_waiters.empty(); }
    /// True when some other process holds the lock right now (does not take it).
    bool isContended();

private:
    struct Waiter
    {
        qint64 deadline = 0;
        Work work;
    };

    void pump();
    int tryLock(QString *error);

    QString m_path;
    std::deque<Waiter> m_waiters;
    QTimer m_poll;
    bool m_running = false;
};

} // namespace Userchain

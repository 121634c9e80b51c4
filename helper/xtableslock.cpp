#include "xtableslock.h"

#include <QDateTime>
#include <QFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace Userchain {

namespace {
// iptables polls every second when told to wait; a helper that answers a user should not add
// that much latency, and an flock attempt costs one syscall.
constexpr int PollIntervalMs = 10;
} // namespace

XtablesLock::XtablesLock(QObject *parent) : QObject(parent)
{
    // Why the environment is trusted here: it is the helper's own, set by the bus daemon that
    // started it as root; no caller can change it. iptables reads the same variable, so the
    // helper and the tools on the host agree on the file.
    const QByteArray env = qgetenv("XTABLES_LOCKFILE");
    m_path = env.isEmpty() ? QStringLiteral("/run/xtables.lock") : QString::fromLocal8Bit(env);
    m_poll.setInterval(PollIntervalMs);
    m_poll.setSingleShot(true);
    connect(&m_poll, &QTimer::timeout, this, &XtablesLock::pump);
}

XtablesLock::~XtablesLock() = default;

void XtablesLock::acquire(int timeoutMs, Work work)
{
    m_waiters.push_back(
        {QDateTime::currentMSecsSinceEpoch() + qMax(0, timeoutMs), std::move(work)});
    if (!m_running && !m_poll.isActive())
        pump();
}

bool XtablesLock::isContended()
{
    QString error;
    const int fd = tryLock(&error);
    if (fd < 0)
        return true;
    ::close(fd); // closing the descriptor drops the flock
    return false;
}

int XtablesLock::tryLock(QString *error)
{
    // Same open as iptables (xtables_lock in iptables/xshared.c): create if missing, root only.
    const QByteArray path = QFile::encodeName(m_path);
    const int fd = ::open(path.constData(), O_RDONLY | O_CREAT | O_CLOEXEC | O_NOCTTY, 0600);
    if (fd < 0) {
        *error = QStringLiteral("cannot open %1: %2")
                     .arg(m_path, QString::fromLocal8Bit(strerror(errno)));
        return -1;
    }
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        const int err = errno;
        ::close(fd);
        *error =
            err == EWOULDBLOCK
                ? QStringLiteral("%1 is held by another process").arg(m_path)
                : QStringLiteral("flock %1: %2").arg(m_path, QString::fromLocal8Bit(strerror(err)));
        return -1;
    }
    return fd;
}

void XtablesLock::pump()
{
    while (!m_waiters.empty() && !m_running) {
        QString error;
        const int fd = tryLock(&error);
        if (fd < 0) {
            // Expire waiters whose time is up; the rest wait for the next poll.
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            while (!m_waiters.empty() && m_waiters.front().deadline <= now) {
                Waiter waiter = std::move(m_waiters.front());
                m_waiters.pop_front();
                waiter.work(false, error);
            }
            if (!m_waiters.empty())
                m_poll.start();
            return;
        }
        Waiter waiter = std::move(m_waiters.front());
        m_waiters.pop_front();
        m_running = true;
        waiter.work(true, QString());
        m_running = false;
        ::close(fd);
    }
}

} // namespace Userchain

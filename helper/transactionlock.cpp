#include "transactionlock.h"

#include <QByteArray>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace Userchain {

QString TransactionLock::defaultPath()
{
    // Why the environment is trusted here: as for XTABLES_LOCKFILE, it is the helper's own,
    // set by systemd or the bus daemon that started it as root; no D-Bus caller can change it.
    // Both the service and `--restore-saved` read it, so they agree on the file.
    const QByteArray env = qgetenv("USERCHAIN_TRANSACTION_LOCK");
    return env.isEmpty() ? QStringLiteral("/run/userchain/transaction.lock")
                         : QString::fromLocal8Bit(env);
}

TransactionLock::TransactionLock(const QString &path) : m_path(path) {}

TransactionLock::~TransactionLock()
{
    release();
}

bool TransactionLock::tryHold(bool *contended, QString *error)
{
    *contended = false;
    if (m_fd >= 0)
        return true;
    // Under systemd RuntimeDirectory= has made the directory; started by a bus daemon without
    // systemd the helper makes it itself. EEXIST is the usual case.
    const QByteArray dir = QFile::encodeName(QFileInfo(m_path).absolutePath());
    if (::mkdir(dir.constData(), 0755) != 0 && errno != EEXIST) {
        *error = QStringLiteral("cannot create %1: %2")
                     .arg(QFile::decodeName(dir), QString::fromLocal8Bit(strerror(errno)));
        return false;
    }
    // Root only, like the xtables lock: a file others could open would let any user hold it
    // and keep the saved rules from being restored.
    const QByteArray path = QFile::encodeName(m_path);
    const int fd = ::open(path.constData(), O_RDONLY | O_CREAT | O_CLOEXEC | O_NOCTTY, 0600);
    if (fd < 0) {
        *error = QStringLiteral("cannot open %1: %2")
                     .arg(m_path, QString::fromLocal8Bit(strerror(errno)));
        return false;
    }
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        const int err = errno;
        ::close(fd);
        *contended = err == EWOULDBLOCK;
        *error =
            *contended
                ? QStringLiteral("%1 is held by another process").arg(m_path)
                : QStringLiteral("flock %1: %2").arg(m_path, QString::fromLocal8Bit(strerror(err)));
        return false;
    }
    m_fd = fd;
    return true;
}

void TransactionLock::release()
{
    if (m_fd < 0)
        return;
    ::close(m_fd); // closing the descriptor drops the flock
    m_fd = -1;
}

} // namespace Userchain

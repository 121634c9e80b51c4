#include "toolrunner.h"

#include <QFileInfo>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <features.h>
#include <poll.h>
#include <pthread.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace Userchain {

namespace {

/// Root-owned and writable by root only: nobody but root can have put it there or change it.
bool rootOnly(const QByteArray &path, bool wantDirectory, QString *why)
{
    struct stat st = {};
    if (::stat(path.constData(), &st) != 0) {
        *why = QStringLiteral("%1: %2").arg(QString::fromUtf8(path),
                                            QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    if (wantDirectory ? !S_ISDIR(st.st_mode) : !S_ISREG(st.st_mode)) {
        *why = QStringLiteral("%1 is not a %2")
                   .arg(QString::fromUtf8(path), wantDirectory ? QStringLiteral("directory")
                                                               : QStringLiteral("regular file"));
        return false;
    }
    if (st.st_uid != 0 || (st.st_mode & (S_IWGRP | S_IWOTH)) != 0) {
        *why = QStringLiteral("%1 is not owned and writable by root only")
                   .arg(QString::fromUtf8(path));
        return false;
    }
    return true;
}

/// Keeps our pipe ends off 0-2, so that the child's dup2 onto 0-2 can never be a no-op that
/// leaves FD_CLOEXEC set (a D-Bus activated helper may start with stdin closed).
int aboveStdio(int fd)
{
    if (fd < 0 || fd > 2)
        return fd;
    const int moved = ::fcntl(fd, F_DUPFD_CLOEXEC, 3);
    ::close(fd);
    return moved;
}

bool makePipe(int fds[2])
{
    if (::pipe2(fds, O_CLOEXEC) != 0)
        return false;
    fds[0] = aboveStdio(fds[0]);
    fds[1] = aboveStdio(fds[1]);
    return fds[0] >= 0 && fds[1] >= 0;
}

void closeFd(int &fd)
{
    if (fd >= 0)
        ::close(fd);
    fd = -1;
}

/// Every line of a tool's stderr on one line, for an error message.
QString oneLine(const QByteArray &err)
{
    QStringList parts;
    for (const QByteArray &line : err.split('\n')) {
        const QString text = QString::fromUtf8(line).trimmed();
        if (!text.isEmpty())
            parts << text;
    }
    QString joined = parts.join(QLatin1Char(' '));
    if (joined.size() > 2000)
        joined = joined.left(2000) + QStringLiteral("...");
    return joined;
}

} // namespace

ToolRunner::ToolRunner()
    : m_directories{QStringLiteral("/usr/sbin"), QStringLiteral("/sbin"),
                    QStringLiteral("/usr/bin")}
{}

ToolRunner::ToolRunner(const QStringList &trustedDirectories) : m_directories(trustedDirectories) {}

QString ToolRunner::kindName(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::None:
        return QStringLiteral("ok");
    case ErrorKind::NotFound:
        return QStringLiteral("not found");
    case ErrorKind::FailedToStart:
        return QStringLiteral("failed to start");
    case ErrorKind::Timeout:
        return QStringLiteral("timeout");
    case ErrorKind::OutputTooLarge:
        return QStringLiteral("output too large");
    case ErrorKind::NonZeroExit:
        return QStringLiteral("non-zero exit");
    case ErrorKind::Crashed:
        return QStringLiteral("crashed");
    }
    return QString();
}

QString ToolRunner::locate(const QString &tool, QString *why) const
{
    // Tool names are constants of the backend; a name with a slash would escape the list.
    if (tool.isEmpty() || tool.contains(QLatin1Char('/')) || tool == QLatin1String(".") ||
        tool == QLatin1String("..")) {
        *why = QStringLiteral("invalid tool name \"%1\"").arg(tool);
        return QString();
    }
    for (const QString &dir : m_directories) {
        if (!dir.startsWith(QLatin1Char('/')))
            continue;
        const QString path = dir + QLatin1Char('/') + tool;
        const QFileInfo info(path);
        if (!info.exists())
            continue;
        // The symlink chain (Debian's alternatives, xtables-nft-multi) may end anywhere; what
        // must be trustworthy is the file that runs, the directory it is in and the one we
        // searched.
        const QByteArray real = info.canonicalFilePath().toUtf8();
        const QByteArray realDir = QFileInfo(info.canonicalFilePath()).absolutePath().toUtf8();
        const QByteArray searched = QFileInfo(dir).canonicalFilePath().toUtf8();
        if (real.isEmpty() || searched.isEmpty()) {
            *why = QStringLiteral("%1 cannot be resolved").arg(path);
            return QString();
        }
        if (!rootOnly(real, false, why) || !rootOnly(realDir, true, why) ||
            !rootOnly(searched, true, why))
            return QString();
        if (::access(real.constData(), X_OK) != 0) {
            *why = QStringLiteral("%1 is not executable").arg(path);
            return QString();
        }
        // Run the name we looked up, not the resolved file: xtables-nft-multi picks its mode
        // from argv[0].
        return path;
    }
    *why = QStringLiteral("%1 not found in %2").arg(tool, m_directories.join(QLatin1Char(' ')));
    return QString();
}

ToolRunner::Result ToolRunner::run(const QString &tool, const QStringList &args,
                                   const QByteArray &input) const
{
    Result r;
    QString why;
    const QString program = locate(tool, &why);
    if (program.isEmpty()) {
        r.error = ErrorKind::NotFound;
        r.message = why;
        return r;
    }
    auto fail = [&](ErrorKind kind, const QString &message) {
        r.error = kind;
        r.message = QStringLiteral("%1: %2").arg(tool, message);
        return r;
    };

    // Everything the child needs is built before it exists.
    std::vector<QByteArray> argStore;
    argStore.push_back(program.toUtf8());
    for (const QString &a : args) {
        argStore.push_back(a.toUtf8());
        if (argStore.back().contains('\0'))
            return fail(ErrorKind::FailedToStart, QStringLiteral("an argument contains NUL"));
    }
    std::vector<char *> argv;
    for (QByteArray &a : argStore)
        argv.push_back(a.data());
    argv.push_back(nullptr);

    std::vector<QByteArray> envStore = {QByteArrayLiteral("PATH=/usr/sbin:/usr/bin:/sbin:/bin"),
                                        QByteArrayLiteral("LC_ALL=C")};
    // The lock file comes from the helper's own environment (set by whoever started the
    // helper), never from a caller; iptables tools honour it.
    const QByteArray lockFile = qgetenv("XTABLES_LOCKFILE");
    if (lockFile.startsWith('/'))
        envStore.push_back(QByteArrayLiteral("XTABLES_LOCKFILE=") + lockFile);
    std::vector<char *> envp;
    for (QByteArray &e : envStore)
        envp.push_back(e.data());
    envp.push_back(nullptr);

    int in[2] = {-1, -1}, out[2] = {-1, -1}, err[2] = {-1, -1};
    if (!makePipe(in) || !makePipe(out) || !makePipe(err)) {
        const QString reason = QString::fromLocal8Bit(std::strerror(errno));
        for (int *p : {in, out, err}) {
            closeFd(p[0]);
            closeFd(p[1]);
        }
        return fail(ErrorKind::FailedToStart,
                    QStringLiteral("cannot create pipes: %1").arg(reason));
    }

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, in[0], 0);
    posix_spawn_file_actions_adddup2(&actions, out[1], 1);
    posix_spawn_file_actions_adddup2(&actions, err[1], 2);
#if __GLIBC_PREREQ(2, 34)
    // Our descriptors are O_CLOEXEC, but a library's might not be: the tool gets 0-2 only.
    posix_spawn_file_actions_addclosefrom_np(&actions, 3);
#endif
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    // Its own process group, so that a kill reaches anything it started; default signal
    // dispositions and an empty mask, whatever the helper itself blocks or ignores.
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK |
                                        POSIX_SPAWN_SETSIGDEF);
    posix_spawnattr_setpgroup(&attr, 0);
    sigset_t none, all;
    sigemptyset(&none);
    sigfillset(&all);
    posix_spawnattr_setsigmask(&attr, &none);
    posix_spawnattr_setsigdefault(&attr, &all);

    pid_t pid = -1;
    const int spawnError =
        ::posix_spawn(&pid, argv.front(), &actions, &attr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attr);
    closeFd(in[0]);
    closeFd(out[1]);
    closeFd(err[1]);
    int inFd = in[1], outFd = out[0], errFd = err[0];
    if (spawnError != 0) {
        closeFd(inFd);
        closeFd(outFd);
        closeFd(errFd);
        return fail(ErrorKind::FailedToStart, QString::fromLocal8Bit(std::strerror(spawnError)));
    }
    for (int fd : {inFd, outFd, errFd})
        ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
    // A pidfd wakes poll() when the child ends; without one (old kernel) poll in short slices.
    int pidFd = int(::syscall(SYS_pidfd_open, pid, 0));

    // Writing to a tool that has already exited must give EPIPE, not kill the helper.
    sigset_t pipeSet, oldMask, pending;
    sigemptyset(&pipeSet);
    sigaddset(&pipeSet, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &pipeSet, &oldMask);
    sigpending(&pending);
    const bool pipeWasPending = sigismember(&pending, SIGPIPE) == 1;
    bool gotEpipe = false;

    using Clock = std::chrono::steady_clock;
    const Clock::time_point deadline = Clock::now() + std::chrono::milliseconds(m_timeoutMs);
    qsizetype written = 0;
    if (input.isEmpty())
        closeFd(inFd);
    bool exited = false;
    int status = 0;
    ErrorKind killedFor = ErrorKind::None;
    QString killMessage;
    char buf[65536];

    auto reapIfExited = [&]() {
        if (!exited && ::waitpid(pid, &status, WNOHANG) == pid)
            exited = true;
    };

    while ((outFd >= 0 || errFd >= 0 || !exited) && killedFor == ErrorKind::None) {
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
        if (left <= 0) {
            killedFor = ErrorKind::Timeout;
            killMessage = QStringLiteral("still running after %1 ms; killed").arg(m_timeoutMs);
            break;
        }
        pollfd fds[4];
        int n = 0;
        int inAt = -1, outAt = -1, errAt = -1, pidAt = -1;
        if (inFd >= 0) {
            inAt = n;
            fds[n++] = {inFd, POLLOUT, 0};
        }
        if (outFd >= 0) {
            outAt = n;
            fds[n++] = {outFd, POLLIN, 0};
        }
        if (errFd >= 0) {
            errAt = n;
            fds[n++] = {errFd, POLLIN, 0};
        }
        if (!exited && pidFd >= 0) {
            pidAt = n;
            fds[n++] = {pidFd, POLLIN, 0};
        }
        int wait = int(std::min<long long>(left, 1000));
        if (!exited && pidFd < 0)
            wait = std::min(wait, 20);
        const int ready = ::poll(fds, nfds_t(n), wait);
        if (ready < 0 && errno != EINTR) {
            killedFor = ErrorKind::FailedToStart;
            killMessage =
                QStringLiteral("poll: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
            break;
        }
        if (ready <= 0) {
            reapIfExited();
            continue;
        }
        if (inAt >= 0 && fds[inAt].revents != 0) {
            const qsizetype chunk = std::min<qsizetype>(input.size() - written, 65536);
            const ssize_t w = ::write(inFd, input.constData() + written, size_t(chunk));
            if (w > 0) {
                written += w;
                if (written == input.size())
                    closeFd(inFd); // EOF: the tool may start its work now
            } else if (w < 0 && errno != EAGAIN && errno != EINTR) {
                // The tool stopped reading (EPIPE): its exit status will say why.
                gotEpipe = gotEpipe || errno == EPIPE;
                closeFd(inFd);
            }
        }
        if (outAt >= 0 && fds[outAt].revents != 0) {
            for (;;) {
                const ssize_t got = ::read(outFd, buf, sizeof buf);
                if (got > 0) {
                    r.out.append(buf, int(got));
                    if (r.out.size() > m_maxOutput) {
                        killedFor = ErrorKind::OutputTooLarge;
                        killMessage =
                            QStringLiteral("printed more than %1 bytes; killed").arg(m_maxOutput);
                        break;
                    }
                    continue;
                }
                if (got == 0 || (errno != EAGAIN && errno != EINTR))
                    closeFd(outFd);
                if (got < 0 && errno == EINTR)
                    continue;
                break;
            }
        }
        if (errAt >= 0 && fds[errAt].revents != 0) {
            for (;;) {
                const ssize_t got = ::read(errFd, buf, sizeof buf);
                if (got > 0) {
                    // Keep the start (where the tools put the reason); drop a flood.
                    const qsizetype room = MaxStderr - r.err.size();
                    if (room > 0)
                        r.err.append(buf, int(std::min<qsizetype>(room, got)));
                    continue;
                }
                if (got == 0 || (errno != EAGAIN && errno != EINTR))
                    closeFd(errFd);
                if (got < 0 && errno == EINTR)
                    continue;
                break;
            }
        }
        if (pidAt >= 0 && fds[pidAt].revents != 0)
            reapIfExited();
        if (pidFd < 0)
            reapIfExited();
    }

    if (killedFor != ErrorKind::None) {
        if (!exited) {
            if (::kill(-pid, SIGKILL) != 0)
                ::kill(pid, SIGKILL);
            while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
            }
            exited = true;
        } else {
            // The tool is gone but something it started still holds a pipe open.
            ::kill(-pid, SIGKILL);
        }
    }
    closeFd(inFd);
    closeFd(outFd);
    closeFd(errFd);
    closeFd(pidFd);
    if (gotEpipe && !pipeWasPending) {
        const timespec zero = {0, 0};
        ::sigtimedwait(&pipeSet, nullptr, &zero);
    }
    pthread_sigmask(SIG_SETMASK, &oldMask, nullptr);

    if (killedFor != ErrorKind::None) {
        if (killedFor == ErrorKind::OutputTooLarge)
            r.out.clear(); // a partial output must not be mistaken for a complete one
        return fail(killedFor, killMessage);
    }
    if (WIFEXITED(status)) {
        r.exitCode = WEXITSTATUS(status);
        if (r.exitCode != 0) {
            const QString text = oneLine(r.err);
            return fail(
                ErrorKind::NonZeroExit,
                text.isEmpty()
                    ? QStringLiteral("exited with status %1").arg(r.exitCode)
                    : QStringLiteral("exited with status %1: %2").arg(r.exitCode).arg(text));
        }
        return r;
    }
    return fail(
        ErrorKind::Crashed,
        QStringLiteral("killed by signal %1").arg(WIFSIGNALED(status) ? WTERMSIG(status) : 0));
}

} // namespace Userchain

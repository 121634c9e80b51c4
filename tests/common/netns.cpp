#include "netns.h"

#include <QFile>
#include <QProcess>
#include <QScopeGuard>

#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <sched.h>
#include <unistd.h>
#include <vector>

namespace Userchain::TestNetns {

namespace {

const char kEnvVar[] = "USERCHAIN_TEST_NETNS_ORIGIN";

QByteArray currentNamespace()
{
    char buf[PATH_MAX] = {};
    const ssize_t n = ::readlink("/proc/self/ns/net", buf, sizeof(buf) - 1);
    return n > 0 ? QByteArray(buf, int(n)) : QByteArray();
}

} // namespace

bool isPrivate()
{
    const char *origin = std::getenv(kEnvVar);
    const QByteArray now = currentNamespace();
    return origin && *origin && !now.isEmpty() && now != QByteArray(origin);
}

void enterPrivateNetwork(int argc, char **argv)
{
    if (std::getenv(kEnvVar)) {
        if (!isPrivate()) {
            std::fprintf(stderr, "refusing to run: not in a private network namespace\n");
            std::abort();
        }
        // The iptables tools run here serialize on a lock file that is shared with the host
        // (the mount namespace is); tables in a private namespace need no such lock, so give
        // them one of their own instead of waiting for, or failing on, the host's.
        static char lockFile[64];
        std::snprintf(lockFile, sizeof(lockFile), "/tmp/userchain-test-%d.xtables.lock",
                      int(::getpid()));
        ::setenv("XTABLES_LOCKFILE", lockFile, 1);
        std::atexit([] { ::unlink(lockFile); });
        return;
    }
    if (::geteuid() != 0) {
        std::fprintf(stderr, "SKIP: needs root to create a network namespace\n");
        std::exit(SkipExitCode);
    }
    const QByteArray origin = currentNamespace();
    char self[PATH_MAX] = {};
    const ssize_t n = ::readlink("/proc/self/exe", self, sizeof(self) - 1);
    if (origin.isEmpty() || n <= 0) {
        std::fprintf(stderr, "cannot read /proc/self: %s\n", std::strerror(errno));
        std::exit(1);
    }
    ::setenv(kEnvVar, origin.constData(), 1);
    std::vector<char *> args = {const_cast<char *>("unshare"), const_cast<char *>("--net"),
                                const_cast<char *>("--"), self};
    for (int i = 1; i < argc; ++i)
        args.push_back(argv[i]);
    args.push_back(nullptr);
    ::execv("/usr/bin/unshare", args.data());
    std::fprintf(stderr, "SKIP: cannot run /usr/bin/unshare: %s\n", std::strerror(errno));
    std::exit(SkipExitCode);
}

bool fresh(QString *error)
{
    if (!isPrivate()) {
        *error = QStringLiteral("not in a private namespace");
        return false;
    }
    if (::unshare(CLONE_NEWNET) != 0) {
        *error = QString::fromLocal8Bit(std::strerror(errno));
        return false;
    }
    return isPrivate();
}

Result run(const QString &program, const QStringList &args, const QByteArray &input, int timeoutMs)
{
    Result r;
    if (!isPrivate()) {
        r.err = "refusing to run outside a private network namespace";
        return r;
    }
    QProcess p;
    p.start(program, args);
    if (!p.waitForStarted(timeoutMs)) {
        r.err = p.errorString().toLocal8Bit();
        return r;
    }
    p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        r.err = "timed out";
        return r;
    }
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    return r;
}

bool available()
{
    return ::geteuid() == 0;
}

Result runScript(const QString &script, const QByteArray &input, int timeoutMs)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const QString lockFile = QStringLiteral("/tmp/userchain-test-%1.xtables.lock").arg(::getpid());
    env.insert(QStringLiteral("XTABLES_LOCKFILE"), lockFile);
    p.setProcessEnvironment(env);
    // The tools create the file; it is of no use once they are done.
    const auto removeLock = qScopeGuard([&lockFile]() { QFile::remove(lockFile); });
    p.start(QStringLiteral("/usr/bin/unshare"),
            {QStringLiteral("--net"), QStringLiteral("--"), QStringLiteral("sh"),
             QStringLiteral("-c"), script});
    Result r;
    if (!p.waitForStarted()) {
        r.err = p.errorString().toLocal8Bit();
        return r;
    }
    p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        r.err = "timed out";
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

} // namespace Userchain::TestNetns

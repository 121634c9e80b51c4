#include "netns.h"

#include <QProcess>
#include <unistd.h>

bool NetNs::available()
{
    return geteuid() == 0;
}

NetNs::Result NetNs::run(const QString &script, const QByteArray &input, int timeoutMs)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // A private lock file: the namespace's tables are private, its lock need not be shared.
    env.insert(QStringLiteral("XTABLES_LOCKFILE"),
               QStringLiteral("/tmp/userchain-test-xtables.lock"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral("unshare"), {QStringLiteral("--net"), QStringLiteral("--"),
                                        QStringLiteral("sh"), QStringLiteral("-c"), script});
    Result r;
    if (!p.waitForStarted())
        return r;
    p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        r.err = "timeout";
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

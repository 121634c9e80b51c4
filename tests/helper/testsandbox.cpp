#include "testsandbox.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTemporaryFile>

#include <cstdio>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>
#include <vector>

namespace Userchain {

QString TestSandbox::Result::describe() const
{
    return QStringLiteral("exit %1\nstdout:\n%2\nstderr:\n%3")
        .arg(exitCode)
        .arg(QString::fromUtf8(out.left(4000)), QString::fromUtf8(err.left(4000)));
}

bool TestSandbox::inside()
{
    return qEnvironmentVariableIsSet("USERCHAIN_SANDBOX_DIR");
}

bool TestSandbox::enter(int argc, char **argv, const QStringList &sandboxArgs,
                        const QStringList &helperArgs, int *exitCode)
{
    if (inside())
        return false;
    QStringList exec{QStringLiteral(USERCHAIN_BINARY_DIR "/helper/userchain-helper")};
    exec += helperArgs;
    qputenv("USERCHAIN_HELPER_EXEC", exec.join(QLatin1Char(' ')).toLocal8Bit());

    QStringList args{QStringLiteral(USERCHAIN_SOURCE_DIR "/scripts/sandbox"),
                     QStringLiteral("--build-dir"), QStringLiteral(USERCHAIN_BINARY_DIR),
                     QStringLiteral("--user"), QStringLiteral("root")};
    args += sandboxArgs;
    args += QStringLiteral("--");
    for (int i = 0; i < argc; ++i)
        args += QString::fromLocal8Bit(argv[i]);
    // The test binary path must be absolute: the sandbox does not keep our cwd semantics.
    args[args.indexOf(QStringLiteral("--")) + 1] =
        QFileInfo(QString::fromLocal8Bit(argv[0])).absoluteFilePath();

    std::vector<QByteArray> storage;
    for (const QString &a : args)
        storage.push_back(a.toLocal8Bit());
    std::vector<char *> cargv;
    for (QByteArray &a : storage)
        cargv.push_back(a.data());
    cargv.push_back(nullptr);
    std::fflush(stdout);
    ::execv(cargv[0], cargv.data());
    std::perror("execv scripts/sandbox");
    *exitCode = 125;
    return true;
}

TestSandbox::Result TestSandbox::run(const QString &program, const QStringList &args,
                                     const QByteArray &input, int timeoutMs)
{
    QProcess process;
    process.start(program, args);
    Result result;
    if (!process.waitForStarted()) {
        result.err = process.errorString().toUtf8();
        return result;
    }
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        result.err = "timed out";
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

QString TestSandbox::ctlPath()
{
    return QStringLiteral(USERCHAIN_BINARY_DIR "/cli/userchainctl");
}

TestSandbox::Result TestSandbox::ctl(const QStringList &args, const QByteArray &input)
{
    return run(ctlPath(), args, input);
}

TestSandbox::Result TestSandbox::ctlAs(const QString &user, const QStringList &args)
{
    const Result id = run(QStringLiteral("id"), {QStringLiteral("-u"), user});
    const Result gid = run(QStringLiteral("id"), {QStringLiteral("-g"), user});
    QStringList full{QStringLiteral("--reuid=") + QString::fromLatin1(id.out.trimmed()),
                     QStringLiteral("--regid=") + QString::fromLatin1(gid.out.trimmed()),
                     QStringLiteral("--clear-groups"), ctlPath()};
    full += args;
    return run(QStringLiteral("setpriv"), full);
}

bool TestSandbox::restore(const QByteArray &rules, Family family)
{
    // -c: "[packets:bytes]" prefixes in the rules set counters, as tests of counters need.
    const Result r = run(family == Family::IPv6 ? QStringLiteral("ip6tables-legacy-restore")
                                                : QStringLiteral("iptables-legacy-restore"),
                         {QStringLiteral("-c")}, rules);
    if (r.exitCode != 0)
        std::fprintf(stderr, "restore failed: %s\n", qPrintable(r.describe()));
    return r.exitCode == 0;
}

bool TestSandbox::restoreFile(const QString &path, Family family)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    return restore(file.readAll(), family);
}

bool TestSandbox::restoreMinimal()
{
    return restore("*nat\n:PREROUTING ACCEPT [0:0]\n:INPUT ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n"
                   ":POSTROUTING ACCEPT [0:0]\nCOMMIT\n"
                   "*filter\n:INPUT ACCEPT [0:0]\n:FORWARD DROP [0:0]\n:OUTPUT ACCEPT [0:0]\n"
                   ":DOCKER - [0:0]\n:DOCKER-USER - [0:0]\n"
                   "-A FORWARD -j DOCKER-USER\n-A DOCKER-USER -j RETURN\nCOMMIT\n");
}

QByteArray TestSandbox::save(Family family, const QString &table)
{
    QStringList args;
    if (!table.isEmpty())
        args << QStringLiteral("-t") << table;
    return run(family == Family::IPv6 ? QStringLiteral("ip6tables-legacy-save")
                                      : QStringLiteral("iptables-legacy-save"),
               args)
        .out;
}

QStringList TestSandbox::chainRules(const QString &chain, Family family, const QString &table)
{
    const QString prefix = QStringLiteral("-A %1").arg(chain);
    QStringList specs;
    const QList<QByteArray> lines = save(family, table).split('\n');
    for (const QByteArray &raw : lines) {
        const QString line = QString::fromUtf8(raw);
        if (line == prefix)
            specs.append(QString());
        else if (line.startsWith(prefix + QLatin1Char(' ')))
            specs.append(line.mid(prefix.size() + 1));
    }
    return specs;
}

QByteArray TestSandbox::normalizedSave(Family family, const QString &table)
{
    static const QRegularExpression counters(QStringLiteral("\\[\\d+:\\d+\\]$"));
    QByteArray out;
    for (const QByteArray &raw : save(family, table).split('\n')) {
        QString line = QString::fromUtf8(raw);
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        if (line.startsWith(QLatin1Char(':')))
            line.replace(counters, QStringLiteral("[0:0]"));
        out += line.toUtf8() + '\n';
    }
    return out;
}

QString TestSandbox::writeTemp(const QByteArray &content)
{
    // One directory per test process, removed when it exits, so that a failing test (which
    // returns before its QFile::remove) leaves nothing behind in /tmp.
    static QTemporaryDir dir(QDir::tempPath() + QStringLiteral("/userchain-test-XXXXXX"));
    if (!dir.isValid())
        return QString();
    QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                          QFileDevice::ExeOwner | QFileDevice::ReadOther |
                                          QFileDevice::ExeOther | QFileDevice::ReadGroup |
                                          QFileDevice::ExeGroup);
    QTemporaryFile file(dir.path() + QStringLiteral("/XXXXXX.rules"));
    file.setAutoRemove(false);
    if (!file.open())
        return QString();
    file.write(content);
    // Readable by the unprivileged test user too.
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther |
                        QFileDevice::ReadGroup);
    return file.fileName();
}

bool TestSandbox::ensureUser(const QString &name)
{
    if (run(QStringLiteral("id"), {name}).exitCode == 0)
        return true;
    // Inside the sandbox /etc is a private overlay: the user exists for this run only.
    return run(QStringLiteral("useradd"),
               {QStringLiteral("--system"), QStringLiteral("--no-create-home"),
                QStringLiteral("--shell"), QStringLiteral("/usr/sbin/nologin"), name})
               .exitCode == 0;
}

int TestSandbox::holdXtablesLock()
{
    const QByteArray path = qgetenv("XTABLES_LOCKFILE");
    if (path.isEmpty())
        return -1;
    const int fd = ::open(path.constData(), O_RDONLY | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0)
        return -1;
    // Non-blocking: nothing else in the sandbox holds it while a test sets up.
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

} // namespace Userchain

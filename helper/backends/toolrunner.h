#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace Userchain {

/**
 * Runs one of the system's firewall tools (iptables-nft-save, iptables-nft-restore, nft) on
 * behalf of the root helper, with nothing a caller could influence:
 *
 * - no shell: the program is exec'd directly with a fixed argument list;
 * - the program is looked up by name in a fixed list of trusted directories (never PATH), and
 *   must resolve to a root-owned regular file that neither its group nor others can write, in
 *   a directory with the same property;
 * - a clean environment: PATH=/usr/sbin:/usr/bin:/sbin:/bin and LC_ALL=C (the tools' messages
 *   are parsed), plus the helper's own XTABLES_LOCKFILE when it has one;
 * - a time limit and a bound on stdout: past either the whole process group is killed;
 * - stderr is kept up to a bound for error messages, the rest is read and dropped.
 *
 * run() is synchronous: it blocks the calling thread until the tool ends or is killed. The
 * helper serializes backend calls and runs them under the xtables lock, so there is never a
 * second call to wait for; the time limit bounds how long the helper stops answering.
 */
class ToolRunner final
{
public:
    enum class ErrorKind {
        None,
        NotFound,       ///< not in a trusted directory, or not trustworthy (owner, mode)
        FailedToStart,  ///< pipes or posix_spawn failed
        Timeout,        ///< still running at the deadline: killed
        OutputTooLarge, ///< more stdout than the bound: killed
        NonZeroExit,    ///< exited with a status other than 0 (stderr kept)
        Crashed,        ///< ended by a signal it did not get from us
    };

    struct Result
    {
        ErrorKind error = ErrorKind::None;
        int exitCode = -1; ///< valid for None and NonZeroExit
        QByteArray out;    ///< stdout, complete when error is None or NonZeroExit
        QByteArray err;    ///< the first maxStderr bytes of stderr
        QString message;   ///< names the tool and what went wrong; empty when ok
        bool ok() const { return error == ErrorKind::None; }
    };

    static constexpr int DefaultTimeoutMs = 60000;
    static constexpr qint64 DefaultMaxOutput = 64LL * 1024 * 1024;
    static constexpr int MaxStderr = 64 * 1024;

    /// The production runner: /usr/sbin, /sbin, /usr/bin, in that order.
    ToolRunner();

    /**
     * For tests only: look tools up in other directories (fake tools that misbehave). There is
     * deliberately no way to set this from the environment or from a D-Bus caller; the helper
     * only ever uses the default constructor.
     */
    explicit ToolRunner(const QStringList &trustedDirectories);

    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    int timeoutMs() const { return m_timeoutMs; }
    void setMaxOutput(qint64 bytes) { m_maxOutput = bytes; }
    qint64 maxOutput() const { return m_maxOutput; }
    QStringList trustedDirectories() const { return m_directories; }

    /// The absolute path run() would execute for tool, or empty with why set.
    QString locate(const QString &tool, QString *why) const;

    /// Runs tool with args, writing input to its stdin. Never throws; see Result.
    Result run(const QString &tool, const QStringList &args, const QByteArray &input = {}) const;

    /// "timeout", "output too large", ... for messages and logs.
    static QString kindName(ErrorKind kind);

private:
    QStringList m_directories;
    int m_timeoutMs = DefaultTimeoutMs;
    qint64 m_maxOutput = DefaultMaxOutput;
};

} // namespace Userchain

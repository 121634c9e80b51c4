#pragma once

#include "rule.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace Userchain {

/**
 * Runs a test binary inside scripts/sandbox (private network and mount namespace, private
 * system bus, real polkitd, the helper started by D-Bus activation) and gives the test the
 * tools it needs there: userchainctl, iptables-legacy, a user to act as.
 *
 * The binary re-executes itself through the sandbox (enter()), so a test runs as one
 * process with one bus and one set of tables, and each test function sets the tables up
 * from scratch with iptables-legacy-restore.
 */
class TestSandbox final
{
public:
    struct Result
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
        QString describe() const; ///< for failure messages
    };

    /**
     * Outside the sandbox: runs argv again inside it and returns true with its exit status
     * in *exitCode. Inside: returns false, the test goes on. sandboxArgs go to scripts/sandbox
     * (e.g. --polkit-rules); helperArgs to the activated userchain-helper.
     */
    static bool enter(int argc, char **argv, const QStringList &sandboxArgs,
                      const QStringList &helperArgs, int *exitCode);
    static bool inside();

    static Result run(const QString &program, const QStringList &args, const QByteArray &input = {},
                      int timeoutMs = 300000);
    static QString ctlPath();
    static Result ctl(const QStringList &args, const QByteArray &input = {});
    /// userchainctl as another user (setpriv), with the sandbox's bus.
    static Result ctlAs(const QString &user, const QStringList &args);

    /// Replace the tables named in file (iptables-legacy-restore without -n).
    static bool restore(const QByteArray &rules, Family family = Family::IPv4);
    static bool restoreFile(const QString &path, Family family = Family::IPv4);
    /// A minimal Docker-like filter table: FORWARD -j DOCKER-USER, DOCKER-USER -j RETURN, DOCKER.
    static bool restoreMinimal();
    static QByteArray save(Family family = Family::IPv4, const QString &table = QString());
    /// The specs (text after "-A CHAIN ") of one chain, from iptables-legacy-save.
    static QStringList chainRules(const QString &chain, Family family = Family::IPv4,
                                  const QString &table = QStringLiteral("filter"));
    /// iptables-legacy-save output without comments and with chain counters zeroed.
    static QByteArray normalizedSave(Family family = Family::IPv4,
                                     const QString &table = QString());

    static QString writeTemp(const QByteArray &content);

    /**
     * Takes the sandbox's xtables lock ($XTABLES_LOCKFILE) as iptables -w would, and returns
     * the descriptor that holds it (-1 on failure); closing it releases the lock.
     */
    static int holdXtablesLock();
    /// Creates the system user if missing (useradd); false if that is impossible.
    static bool ensureUser(const QString &name);
};

} // namespace Userchain

/// main() for a test that runs inside the sandbox.
#define USERCHAIN_SANDBOX_TEST_MAIN(TestClass, sandboxArgs, helperArgs)                            \
    int main(int argc, char **argv)                                                                \
    {                                                                                              \
        int sandboxExit = 0;                                                                       \
        if (Userchain::TestSandbox::enter(argc, argv, sandboxArgs, helperArgs, &sandboxExit))      \
            return sandboxExit;                                                                    \
        QCoreApplication app(argc, argv);                                                          \
        TestClass test;                                                                            \
        return QTest::qExec(&test, argc, argv);                                                    \
    }

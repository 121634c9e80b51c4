#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

/**
 * The one way tests keep off the host's firewall (besides scripts/sandbox, for tests that
 * need a bus). Two ways to use it:
 * - a whole test program re-executes itself under `unshare --net` before it does anything
 *   else (enterPrivateNetwork), and each scenario can move into a further fresh network
 *   namespace of its own (fresh); everything that reads or writes iptables (libiptc included:
 *   a read-only iptc_init creates tables) happens only after that; run() then runs tools there;
 * - a program that stays in the host's namespace runs a script in a new one (runScript).
 * Either way the iptables tools get an xtables lock file of their own: the namespace's tables
 * are private and need not wait for, or fail on, the host's lock.
 */
namespace Userchain::TestNetns {

/// Exit code for "cannot run here" (not root, no unshare); registered as SKIP_RETURN_CODE.
constexpr int SkipExitCode = 77;

/**
 * Call first in main(). Outside a private namespace: re-executes the program as
 * `/usr/bin/unshare --net -- <program> <args>` (never returns). Inside: checks that the
 * namespace really differs from the one the program started in, and aborts otherwise.
 */
void enterPrivateNetwork(int argc, char **argv);

/// Moves this process into a new, empty network namespace (fresh tables, no ipsets).
bool fresh(QString *error);

/// True if the current network namespace is not the one the test was started in.
bool isPrivate();

struct Result
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    bool ok() const { return exitCode == 0; }
};

/// Runs a program (absolute path) with data on stdin; waits up to timeoutMs. Only inside the
/// private namespace (after enterPrivateNetwork).
Result run(const QString &program, const QStringList &args, const QByteArray &input = {},
           int timeoutMs = 120000);

/// Whether this process may create network namespaces (root, as in CI).
bool available();

/// `unshare --net sh -c script` with stdin fed from input: a fresh namespace per call, from a
/// program that itself stays in the host's namespace.
Result runScript(const QString &script, const QByteArray &input = {}, int timeoutMs = 120000);

} // namespace Userchain::TestNetns

#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

/**
 * Keeps the backend tests off the host's firewall: every test program re-executes itself under
 * `unshare --net` before it does anything else, and each scenario can move into a further
 * fresh network namespace of its own. Everything that reads or writes iptables (libiptc
 * included: a read-only iptc_init creates tables) happens only after that.
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

/// Runs a program (absolute path) with data on stdin; waits up to timeoutMs.
Result run(const QString &program, const QStringList &args, const QByteArray &input = {},
           int timeoutMs = 120000);

} // namespace Userchain::TestNetns

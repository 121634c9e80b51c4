#pragma once

#include <QByteArray>
#include <QString>

/**
 * Runs a shell script in a fresh network namespace (`unshare --net`), so tests use the real
 * kernel netfilter and the real iptables tools without ever touching the host's tables.
 */
class NetNs final
{
public:
    struct Result
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    /// Whether this process may create namespaces (root, as in CI).
    static bool available();
    /// `unshare --net sh -c script`, with stdin fed from input.
    static Result run(const QString &script, const QByteArray &input = QByteArray(),
                      int timeoutMs = 120000);
};

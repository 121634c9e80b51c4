#pragma once

#include <QByteArray>
#include <QString>

namespace Userchain {

/**
 * A rules file as userchainctl reads it: an iptables-restore file or a list of
 * `-A DOCKER-USER ...` lines, read whole (`-` is standard input) and bounded. `check` imports
 * it with core's importDockerUser, `apply` hands it to the helper, which imports it the same way.
 */
class RuleFile final
{
public:
    /// Larger than any sensible DOCKER-USER (100,000 rules of typical length).
    static constexpr qint64 MaxFileSize = 64 * 1024 * 1024;

    /// Reads fileName ("-" is standard input).
    static bool read(const QString &fileName, QByteArray *data, QString *error);
};

} // namespace Userchain

#pragma once

#include "dbustypes.h"
#include "rule.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QVector>

namespace Userchain {

/**
 * A rules file as userchainctl reads it: an iptables-restore file or a list of
 * `-A DOCKER-USER ...` lines, imported with core's importDockerUser so that the CLI accepts
 * exactly what the GUI's import accepts. Every problem is reported as `FILE:LINE: message`.
 */
class RuleFile final
{
public:
    /// Larger than any sensible DOCKER-USER (100,000 rules of typical length).
    static constexpr qint64 MaxFileSize = 64 * 1024 * 1024;

    /// One rule to send: canonical spec text, or the id of a kernel rule kept verbatim.
    struct Entry
    {
        QString spec;
        QString verbatimId;
        int line = 0;
    };

    /// Reads fileName ("-" is standard input).
    static bool read(const QString &fileName, QByteArray *data, QString *error);

    /**
     * Imports the DOCKER-USER rules. kernelRules are DOCKER-USER's rules as the helper reported
     * them: a line that the parser refuses but that equals the text of a kernel rule kept
     * verbatim (an extension the library does not know) becomes a reference to that rule, so
     * that an exported file can be edited and applied again without losing such rules.
     * Returns false and fills errors ("FILE:LINE: message") if any line is invalid.
     */
    static bool import(const QString &fileName, const QByteArray &data, Family family,
                       const QList<RuleEntry> &kernelRules, QVector<Entry> *entries,
                       QStringList *errors);
};

} // namespace Userchain

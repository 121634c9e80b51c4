#pragma once

#include "rule.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QVector>

namespace Userchain {

/// A problem in an iptables-restore file, with its 1-based line number.
struct FileError
{
    int line = 0;
    QString message;
    QString toString(const QString &fileName) const; ///< "FILE:LINE: message"
};

/// One command line of a restore file (`-A`, `-I`, `-N`, `-F`, ...), tokenized.
struct RestoreCommand
{
    int line = 0;
    QString table;
    QStringList args; ///< e.g. {"-A", "DOCKER-USER", "-s", "10.0.0.1", "-j", "DROP"}
};

struct RestoreChain
{
    int line = 0;
    QString table;
    QString name;
    QString policy; ///< "-" for user chains
};

/**
 * The iptables-restore file format, read exactly as iptables-restore reads it: `*table`,
 * `:CHAIN POLICY [p:b]`, command lines, `#` comments, blank lines and `COMMIT`, tokenized with
 * RestoreTokenizer. read() checks the structure only; rules are checked by RuleParser.
 */
class RestoreFile final
{
public:
    QVector<RestoreChain> chains;
    QVector<RestoreCommand> commands;

    /**
     * Reads and checks a file as iptables-restore would: structure (tables, COMMIT, line
     * ends), chain declarations and policies, and chain names of commands. Rule options are
     * left to RuleParser. Returns false with errors (each with its line) when it would fail.
     */
    static bool read(const QByteArray &data, RestoreFile *out, QVector<FileError> *errors);

    /// User-defined chains of a table: declared with ":NAME -" or created with "-N".
    QStringList userChains(const QString &table) const;
};

/// The DOCKER-USER rules found in an iptables-restore file or a plain list of `-A DOCKER-USER`
/// lines.
struct DockerUserImport
{
    QVector<Rule> rules;
    QVector<int> lines; ///< source line of each rule
    QVector<FileError> errors;
    QVector<FileError> notes; ///< what was read but not imported (rules of other chains)
    /// The import stopped at 100,000 DOCKER-USER commands (the last error says where).
    bool tooManyRules = false;
    bool ok() const { return errors.isEmpty(); }
};

/**
 * Reads DOCKER-USER's rules (every other chain is ignored); errors carry line numbers.
 * existingChains: the user chains the target table already has (the GUI passes the live
 * ones). When given, a jump must name one of them or a chain the file declares, as
 * `iptables-restore -n` would require; when null, jump targets are left to the helper.
 */
DockerUserImport importDockerUser(const QByteArray &data, Family family,
                                  const QStringList *existingChains = nullptr);

/**
 * The export form that `iptables-restore -n` loads unchanged:
 * `*filter`, `:DOCKER-USER - [0:0]`, `-F DOCKER-USER`, `-A DOCKER-USER <spec>`..., `COMMIT`.
 */
QByteArray exportDockerUser(const QStringList &canonicalSpecs, Family family = Family::IPv4);

} // namespace Userchain

#pragma once

#include "rule.h"
#include "ruleparser.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>

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

/**
 * How one imported rule was placed, as iptables places it: `-A` appends, `-I` inserts at a
 * 1-based position (the top when the line names none). Restore files' `-A DOCKER-USER` lines
 * are appends too.
 */
struct ImportStep
{
    int rule = -1;       ///< index into DockerUserImport::rules
    bool insert = false; ///< -I rather than -A
    int position = 0;    ///< -I: 1-based, 1 when none was given; -A: 0
};

/// The DOCKER-USER rules found in an iptables-restore file or a plain list of `-A DOCKER-USER`
/// lines.
struct DockerUserImport
{
    QVector<Rule> rules; ///< in chain order: as the commands leave them among themselves
    QVector<int> lines;  ///< source line of each rule
    /**
     * The commands that placed `rules`, in file order (after the last flush of DOCKER-USER).
     * Applied one by one to a chain of rulesBefore rules, they put each rule where iptables
     * would: how the GUI adds an import to the table on screen.
     */
    QVector<ImportStep> steps;
    QVector<FileError> errors;
    QVector<FileError> notes; ///< what was read but not imported (rules of other chains)
    /// The import stopped at 100,000 DOCKER-USER commands (the last error says where).
    bool tooManyRules = false;
    /// With an ImportMemo only: Rule::toString() of each rule, made while parsing.
    QStringList texts;
    bool ok() const { return errors.isEmpty(); }
};

namespace RestoreScan {
struct ScanMemo;
struct ScanMemoUpdate;
} // namespace RestoreScan

/**
 * Reads DOCKER-USER's rules (every other chain is ignored); errors carry line numbers.
 * existingChains: the user chains the target table already has (the GUI passes the live
 * ones). When given, a jump must name one of them or a chain the file declares, as
 * `iptables-restore -n` would require; when null, jump targets are left to the helper.
 * rulesBefore: how many rules DOCKER-USER holds before the commands run (until a flush), which
 * `-I N` may count; they are not part of the result.
 * Plain lines may start with `sudo` and `iptables` or `ip6tables` (also `-legacy`, `-nft`);
 * the other family's tool is an error.
 */
DockerUserImport importDockerUser(const QByteArray &data, Family family,
                                  const QStringList *existingChains = nullptr, int rulesBefore = 0);
/**
 * importDockerUser(data, family) as the helper's ApplyFile reads a file: it also gives each
 * rule's canonical text (DockerUserImport::texts), takes the lines *memo holds instead of
 * parsing them again, and gives in *update what makes memo hold this file's rule lines
 * (RestoreScan::apply; restore form only; see RestoreScan::ScanMemo).
 */
DockerUserImport importDockerUserWithMemo(const QByteArray &data, Family family,
                                          const RestoreScan::ScanMemo *memo,
                                          RestoreScan::ScanMemoUpdate *update);

/**
 * One line typed into a rule editor: a rule-spec (`-i eth0 -j DROP`), or a whole command as
 * Docker's page writes it (`sudo iptables -I DOCKER-USER -i eth0 -j DROP`), read as
 * importDockerUser reads a plain line.
 */
struct RuleLine
{
    /// The rule, when the line makes exactly one (a comma list of addresses makes several).
    std::optional<Rule> rule;
    QVector<Rule> rules;  ///< every rule the line makes, in iptables' order
    RuleError error;      ///< why not, with the token at fault when there is one
    bool command = false; ///< a command, not a bare rule-spec
    ImportStep step;      ///< a command's -A or -I (rule: 0)
    /// The family of the tool the command names (iptables: IPv4, ip6tables: IPv6), if it names
    /// one; a line for the other family is refused, and this says which one it is for.
    std::optional<Family> toolFamily;
};
RuleLine readRuleLine(const QString &line, Family family);

/**
 * The tokens after `-A DOCKER-USER` of one file line (an `iptables-save -c` counters prefix
 * skipped); empty for any other line. A line the parser refuses may repeat the text of a rule
 * the helper keeps verbatim (an exported file applied again); compared by these tokens, it then
 * stands for that kernel rule.
 */
QStringList dockerUserLineArgs(const QByteArray &line);

/// Longest line Userchain writes into a file for iptables-restore (see restoreLineFits()).
constexpr int MaxRestoreLineBytes = 8 * 1024;
/// Most tokens such a line may have, `-A DOCKER-USER` included.
constexpr int MaxRestoreLineTokens = 200;

/**
 * Whether `-A DOCKER-USER <canonicalSpec>` stays within MaxRestoreLineBytes (UTF-8) and
 * MaxRestoreLineTokens (split as iptables-restore splits); false and *why otherwise. Why:
 * iptables-restore (1.8.9) reads a longer line in pieces and takes the rest for a line of its
 * own (a rule of 10,902 bytes failed with "Bad argument" at the next line number), and refuses
 * a line with too many arguments ("Parser cannot handle more arguments"). A rule that cannot
 * be written as such a line is refused wherever one would be written (Apply, the saved file,
 * export), rather than saved in a form that does not load, or loads as something else.
 */
bool restoreLineFits(const QString &canonicalSpec, QString *why);

/**
 * The export form that `iptables-restore -n` loads unchanged:
 * `*filter`, `:DOCKER-USER - [0:0]`, `-F DOCKER-USER`, `-A DOCKER-USER <spec>`..., `COMMIT`.
 */
QByteArray exportDockerUser(const QStringList &canonicalSpecs, Family family = Family::IPv4);

} // namespace Userchain

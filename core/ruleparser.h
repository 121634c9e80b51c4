#pragma once

#include "rule.h"

#include <QString>
#include <QStringList>
#include <optional>

namespace Userchain {

/// Why a rule-spec was refused: the offending token (index into the argument list) and reason.
struct RuleError
{
    int tokenIndex = -1; ///< -1: the rule as a whole
    QString token;
    QString message;          ///< e.g. `unknown option "--dprot" (did you mean --dport?)`
    bool unsupported = false; ///< valid iptables perhaps, but an extension this library lacks

    QString toString() const { return message; }
};

/**
 * The one strict parser of rule-spec text (what follows `-A CHAIN`), used by the GUI for live
 * validation, by import and the CLI, and by the helper as its final check before the kernel.
 * It accepts what `iptables` accepts for the supported matches and targets, and produces the
 * canonical form iptables-save prints. Anything else is refused with a message naming the
 * token; nothing is guessed.
 */
class RuleParser final
{
public:
    /// Parse already tokenized arguments (as iptables-restore splits a line).
    static std::optional<Rule> parseArgs(const QStringList &args, Family family,
                                         RuleError *error = nullptr);
    /**
     * What only the table can tell: a jump or goto must name an existing user chain (not a
     * built-in one, not DOCKER-USER itself). userChains: the table's user-defined chains.
     */
    static bool checkJumpTarget(const Rule &rule, const QStringList &userChains,
                                RuleError *error = nullptr);
    /// Tokenize like iptables-restore, then parse.
    static std::optional<Rule> parse(const QString &spec, Family family,
                                     RuleError *error = nullptr);
    /**
     * What iptables makes of a command's rule-spec: as parse(), except that a comma-separated
     * list of addresses after `-s` or `-d` (`-s 10.0.0.0/8,172.16.0.0/12`) gives one rule per
     * address, for each source one per destination, in the order iptables appends them.
     * parse() refuses such a list (one spec is one rule).
     */
    static std::optional<QVector<Rule>> parseAll(const QString &spec, Family family,
                                                 RuleError *error = nullptr);
    static std::optional<QVector<Rule>> parseAllArgs(const QStringList &args, Family family,
                                                     RuleError *error = nullptr);
};

} // namespace Userchain

#pragma once

#include "rule.h"

#include <QCoreApplication>
#include <QStringList>

/**
 * How DOCKER-USER ends, and whether some of its rules can never match. Docker up to 28.2.1
 * appends `-j RETURN`; 28.2.2 and later leave the chain empty. Both are fine. A rule that ends
 * the chain for every packet (no condition, and ACCEPT, DROP, REJECT, RETURN or a goto) makes
 * every rule after it dead: those deserve a warning, since iptables accepts them silently.
 */
class ChainLayout final
{
    Q_DECLARE_TR_FUNCTIONS(ChainLayout)
public:
    enum class Kind {
        Empty,          ///< no rules: Docker 28.2.2+ as it creates the chain
        EndsWithReturn, ///< the last rule is Docker's `-j RETURN` (Docker up to 28.2.1)
        EndsWithAccept, ///< the last rule accepts everything: Docker's own checks are skipped
        EndsWithDrop,   ///< the last rule drops (or rejects) everything the rules above left
        Unreachable,    ///< rules after a rule that ends the chain are never reached
        Plain,          ///< nothing to say
    };
    struct Result
    {
        Kind kind = Kind::Plain;
        int endingRow = -1;       ///< 0-based row of the first rule that ends the chain, or -1
        int unreachableCount = 0; ///< rows after endingRow
        QString endingSpec;
    };

    /// Quick, text-only pre-check: canonical text lists every condition before the target, so
    /// only these prefixes can start a rule without one.
    static bool mayEndChain(const QString &spec);
    /// True if every packet reaching `rule` leaves the chain there.
    static bool endsChain(const Userchain::Rule &rule);
    static bool endsChain(const QString &spec, Userchain::Family family);

    static Result analyse(const QStringList &specs, Userchain::Family family);
    /// `endingRow` as a model already knows it (see RuleTableModel::firstEndingRow()).
    static Result analyse(int rowCount, int endingRow, const QString &endingSpec);
    /// What the DOCKER-USER page says about `result` (1-based rule numbers); empty for Plain.
    static QString explain(const Result &result);
    /// True if the explanation is a warning rather than information.
    static bool isWarning(const Result &result);
};

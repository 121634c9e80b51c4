#pragma once

#include "rule.h"

#include <QString>
#include <memory>

/**
 * One row of the DOCKER-USER table: the rule as canonical text plus what the kernel told about
 * it. The typed Rule is parsed on first use only, so a snapshot of 50,000 rules is shown without
 * parsing every one of them.
 */
class RuleRow
{
public:
    RuleRow() = default;
    RuleRow(quint64 id, const QString &spec, Userchain::Family family);

    quint64 id = 0;            ///< stable for the session; drag and drop and commands carry it
    QString spec;              ///< canonical rule-spec text (best effort for verbatim rules)
    QString verbatimId;        ///< non-empty: the helper keeps this kernel rule byte for byte
    QString unknownExtensions; ///< why it is verbatim
    quint64 packets = 0;
    quint64 bytes = 0;
    bool hasCounters = false; ///< false for rules added or edited since the last snapshot
    int baselineIndex = -1;   ///< position in the snapshot it came from, -1 if new
    /// For an edited row, the baseline position of the rule it was edited from (else -1): a
    /// rebase onto rules changed outside tells an edit from a deletion and an addition.
    int editedFrom = -1;
    /// Added outside Userchain and kept by a rebase; marked until the next apply or reload.
    bool addedOutside = false;
    Userchain::Family family = Userchain::Family::IPv4;
    /// The table's words for this rule, for the search box; null until first searched.
    mutable QString shownText;

    bool isVerbatim() const { return !verbatimId.isEmpty(); }
    /// Changes the text and forgets the parsed rule of the old one.
    void setSpec(const QString &newSpec);
    /// The typed rule, or nullptr if the text does not parse (verbatim rules).
    const Userchain::Rule *rule() const;
    /// Same rule content and origin; counters and ids are not compared.
    bool sameRule(const RuleRow &other) const;

private:
    // Shared between copies: a parse result never changes for a given spec and family.
    mutable std::shared_ptr<const Userchain::Rule> m_rule;
    mutable bool m_parsed = false;
};

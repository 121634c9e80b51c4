#pragma once

#include <QString>
#include <QStringList>
#include <QVector>

namespace Userchain {

/**
 * What changes between two versions of a chain, rule by rule: which rules are added, which
 * are removed, and which stay but change their place. Rules are compared by their canonical
 * spec text; equal rules pair up in order (the first old copy with the first new one).
 *
 * "Moved" is the smallest set of kept rules whose relative order changed: the rest are a
 * longest increasing run of old positions, so moving one rule to the top reports that one
 * rule, not every rule it passed. Runs in O(n log n), fine for 100,000 rules.
 *
 * Shared by the CLI (apply --dry-run) and the GUI (review before Apply).
 */
class RuleDiff final
{
public:
    enum class Kind { Added, Removed, Moved };

    struct Change
    {
        Kind kind = Kind::Added;
        QString spec;
        int oldIndex = -1; ///< 0-based position in the old list, -1 for Added
        int newIndex = -1; ///< 0-based position in the new list, -1 for Removed
    };

    /// Removals in old order first, then additions and moves in new order.
    static QVector<Change> compute(const QStringList &oldSpecs, const QStringList &newSpecs);

    /**
     * One line per change in iptables syntax, with 1-based rule numbers:
     * `- -A CHAIN spec    # removed, was 2`, `+ -A CHAIN spec    # added as 3`,
     * `~ -A CHAIN spec    # moved 4 -> 1`.
     */
    static QString format(const QVector<Change> &changes, const QString &chain);
    /// "2 added, 1 removed, 1 moved" or "no changes".
    static QString summary(const QVector<Change> &changes);
};

} // namespace Userchain

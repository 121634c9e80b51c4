#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
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
    /// Kept appears only in withContext(): compute() reports changes, never kept rules.
    enum class Kind { Added, Removed, Moved, Kept };

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
     * The same for specs as UTF-8 views (the command line diffs the lists the helper sends
     * without converting 200,000 lines); the changes' spec stays empty: dataUtf8() takes
     * the texts from the lists.
     */
    static QVector<Change> compute(const QList<QByteArrayView> &oldSpecs,
                                   const QList<QByteArrayView> &newSpecs);

    /**
     * The whole new list with the changes in place, for a reviewer who wants context: every
     * rule of the new list in new order (Kept, Added or Moved, the same pairing as compute()),
     * and each removed rule where it stood, right after the kept rule that preceded it in the
     * old list (removed rules before any kept rule come first). Same cost as compute().
     */
    static QVector<Change> withContext(const QStringList &oldSpecs, const QStringList &newSpecs);

    /**
     * One line per change in iptables syntax, with 1-based rule numbers:
     * `- -A CHAIN spec    # removed, was 2`, `+ -A CHAIN spec    # added as 3`,
     * `~ -A CHAIN spec    # moved 4 -> 1`; kept rules (from withContext()) as
     * `  -A CHAIN spec`.
     */
    static QString format(const QVector<Change> &changes, const QString &chain);
    /// The lines of text (each ended by '\n', the last one possibly not), as views into it.
    static QList<QByteArrayView> lines(const QByteArray &text);
    /**
     * The changes as data, for the bus (ApplyFile's diff): one line per change,
     * `KIND OLD NEW SPEC`, KIND `-` (removed), `+` (added) or `~` (moved), OLD and NEW the 1-based
     * positions before and after (0: none), SPEC the rule-spec; UTF-8. No words: the client
     * words it (formatData()).
     */
    static QByteArray dataUtf8(const QVector<Change> &changes,
                               const QList<QByteArrayView> &oldSpecs,
                               const QList<QByteArrayView> &newSpecs);
    /// format() of dataUtf8()'s lines, as UTF-8; lines not in that form are left out.
    static QByteArray formatData(const QByteArray &data, const QString &chain);
    /// "2 added, 1 removed, 1 moved" or "no changes"; kept rules are not counted.
    static QString summary(const QVector<Change> &changes);
    /// The same from counts (the command line counts the lines of the helper's diff).
    static QString summary(int added, int removed, int moved);
};

} // namespace Userchain

#pragma once

#include <QStringList>
#include <QVector>

namespace Userchain {

/**
 * Puts a user's edits of a chain on top of a version of the chain that changed meanwhile: a
 * three-way merge of `base` (the rules the edits started from), `mine` (the table as edited)
 * and `theirs` (what the kernel holds now). Rules are compared by a key, their canonical text
 * (a caller keeps verbatim rules apart by giving them a key of their own).
 *
 * What it decides, so that nobody's rule is lost without being seen:
 * - A rule added outside (in theirs, not in base) stays, next to the rule that preceded it in
 *   theirs (at the top if none did), and is reported as added outside.
 * - A rule removed outside (in base, not in theirs) stays removed, unless the user added the
 *   same text again as a rule of their own.
 * - The user's additions, deletions, moves and edits are kept; both sides deleting a rule is
 *   no conflict. A rule both sides added once is one rule.
 * - Where the user edited or deleted a rule that was also changed or removed outside, the
 *   result keeps what is safe and says so in `conflicts`: the user's edited rule is kept (as
 *   a rule of the user's own), and the rule changed outside is kept too (as added outside).
 *
 * Cost O(n log n) (RuleDiff's pairing): fine for 100,000 rules.
 */
class RuleRebase final
{
public:
    /// One row of the edited table.
    struct MineRule
    {
        QString key;
        /// The base rule this row is or was edited from, -1 for a rule the user added.
        int baseIndex = -1;
    };

    /// One rule of the result.
    struct Entry
    {
        /// The row of mine whose text this is, -1 for a rule taken from theirs (added outside).
        int mineIndex = -1;
        /**
         * The rule of theirs this entry is (same key as mine's row) or, with a different key,
         * the rule of theirs the user's edit replaces; -1 for the user's own new rules.
         */
        int theirsIndex = -1;
        bool addedOutside = false; ///< from theirs only: the user has not seen it before
    };

    struct Conflict
    {
        enum class Kind {
            EditedRemovedOutside, ///< the user's edited rule is kept as a new rule
            EditedChangedOutside, ///< both versions are kept: the user's, and theirs as added
            DeletedChangedOutside ///< the changed rule is kept (as added outside)
        };
        Kind kind = Kind::EditedRemovedOutside;
        int baseIndex = -1;   ///< the rule both sides changed, as it was
        int mineIndex = -1;   ///< the user's version, -1 if the user deleted it
        int theirsIndex = -1; ///< the version outside, -1 if it was removed there
    };

    struct Result
    {
        QVector<Entry> entries;
        QVector<Conflict> conflicts;
        int addedOutside = 0; ///< rules added outside that the result keeps (marked)
        /// Rules the user still had unchanged that were removed outside, and so are gone.
        int removedOutside = 0;
    };

    static Result merge(const QStringList &base, const QVector<MineRule> &mine,
                        const QStringList &theirs);
    /// For a table known only by its texts: rows pair with base rules by text, in order.
    static Result merge(const QStringList &base, const QStringList &mine,
                        const QStringList &theirs);
    /// The texts of `result`, in order.
    static QStringList keys(const Result &result, const QStringList &mine,
                            const QStringList &theirs);
};

} // namespace Userchain

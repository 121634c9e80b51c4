#include "rulerebase.h"

#include "rulediff.h"

#include <QHash>

#include <algorithm>

namespace Userchain {

namespace {

/// How base and theirs relate: which rule is which, and which rule outside replaced which.
struct Outside
{
    QVector<int> baseToTheirs;   ///< base index -> theirs index, -1: removed outside
    QVector<int> theirsFromBase; ///< theirs index -> base index, -1: added outside
    /**
     * Base index -> a rule added outside in its place, -1 if none: a rule removed outside
     * and a rule added outside between the same two unchanged rules count as one rule changed
     * outside (the k-th removed with the k-th added). Only the wording of conflicts uses it.
     */
    QVector<int> replacedBy;
};

Outside compareOutside(const QStringList &base, const QStringList &theirs)
{
    Outside o;
    o.baseToTheirs.fill(-1, base.size());
    o.theirsFromBase.fill(-1, theirs.size());
    o.replacedBy.fill(-1, base.size());
    QVector<int> removed;
    QVector<int> added;
    auto pairGap = [&] {
        for (int k = 0; k < std::min(removed.size(), added.size()); ++k)
            o.replacedBy[removed.at(k)] = added.at(k);
        removed.clear();
        added.clear();
    };
    // withContext() puts each removed rule right after the kept rule that preceded it, so
    // the kept rules cut the list into the gaps where rules were replaced.
    for (const RuleDiff::Change &line : RuleDiff::withContext(base, theirs)) {
        switch (line.kind) {
        case RuleDiff::Kind::Kept:
            pairGap();
            Q_FALLTHROUGH();
        case RuleDiff::Kind::Moved:
            o.baseToTheirs[line.oldIndex] = line.newIndex;
            o.theirsFromBase[line.newIndex] = line.oldIndex;
            break;
        case RuleDiff::Kind::Removed:
            removed.append(line.oldIndex);
            break;
        case RuleDiff::Kind::Added:
            added.append(line.newIndex);
            break;
        }
    }
    pairGap();
    return o;
}

} // namespace

RuleRebase::Result RuleRebase::merge(const QStringList &base, const QVector<MineRule> &mine,
                                     const QStringList &theirs)
{
    const int baseCount = int(base.size());
    const int mineCount = int(mine.size());
    const int theirsCount = int(theirs.size());
    const Outside outside = compareOutside(base, theirs);

    // Which row stands for each base rule: the first row that claims it (a copy that kept
    // its origin is a rule of the user's own).
    QVector<int> mineOfBase(baseCount, -1);
    QVector<int> baseOfMine(mineCount, -1);
    for (int i = 0; i < mineCount; ++i) {
        const int b = mine.at(i).baseIndex;
        if (b >= 0 && b < baseCount && mineOfBase.at(b) < 0) {
            mineOfBase[b] = i;
            baseOfMine[i] = b;
        }
    }

    Result result;
    // The user's table in the user's order, without the rules removed outside.
    QVector<Entry> skeleton;
    skeleton.reserve(mineCount);
    QVector<int> skeletonOfTheirs(theirsCount, -1);
    QVector<int> skeletonOfMine(mineCount, -1);
    auto keep = [&](int i, int j) {
        skeletonOfMine[i] = int(skeleton.size());
        if (j >= 0)
            skeletonOfTheirs[j] = int(skeleton.size());
        skeleton.append({i, j, false});
    };
    for (int i = 0; i < mineCount; ++i) {
        const int b = baseOfMine.at(i);
        if (b < 0) {
            keep(i, -1); // the user's own rule
            continue;
        }
        const int j = outside.baseToTheirs.at(b);
        const bool edited = mine.at(i).key != base.at(b);
        if (j >= 0) {
            keep(i, j); // unchanged outside: the rule as the user has it, edited or not
        } else if (!edited) {
            ++result.removedOutside; // removed outside: stays removed
        } else {
            // Edited here, removed or changed outside: the user's rule is what the user wrote
            // and sees in the review as added, so keeping it loses nothing.
            const int t = outside.replacedBy.at(b);
            result.conflicts.append({t >= 0 ? Conflict::Kind::EditedChangedOutside
                                            : Conflict::Kind::EditedRemovedOutside,
                                     b, i, t});
            keep(i, -1);
        }
    }
    for (int b = 0; b < baseCount; ++b) {
        const int t = outside.replacedBy.at(b);
        if (mineOfBase.at(b) < 0 && outside.baseToTheirs.at(b) < 0 && t >= 0) {
            // Deleted here, changed outside: the changed rule is someone's new rule, kept.
            result.conflicts.append({Conflict::Kind::DeletedChangedOutside, b, -1, t});
        }
    }

    // A rule both sides added is one rule: the user's row at the user's place, which is the
    // kernel's rule already (the n-th copy added outside with the n-th the user added).
    QHash<QString, QVector<int>> addedOutside;
    for (int j = theirsCount - 1; j >= 0; --j) {
        if (outside.theirsFromBase.at(j) < 0)
            addedOutside[theirs.at(j)].append(j); // last is first
    }
    for (int p = 0; p < skeleton.size() && !addedOutside.isEmpty(); ++p) {
        Entry &entry = skeleton[p];
        if (entry.theirsIndex >= 0)
            continue;
        const auto it = addedOutside.find(mine.at(entry.mineIndex).key);
        if (it == addedOutside.end())
            continue;
        entry.theirsIndex = it->takeLast();
        skeletonOfTheirs[entry.theirsIndex] = p;
        if (it->isEmpty())
            addedOutside.erase(it);
    }
    // ... and when the user's edit is exactly what was done outside, there is no conflict.
    result.conflicts.erase(
        std::remove_if(result.conflicts.begin(), result.conflicts.end(),
                       [&](const Conflict &c) {
                           return c.mineIndex >= 0 &&
                                  skeleton.at(skeletonOfMine.at(c.mineIndex)).theirsIndex >= 0;
                       }),
        result.conflicts.end());
    std::stable_sort(
        result.conflicts.begin(), result.conflicts.end(),
        [](const Conflict &a, const Conflict &b) { return a.baseIndex < b.baseIndex; });

    // Each remaining rule added outside goes right after the rule that preceded it outside
    // (the nearest one still in the table, or one added with it), or to the top.
    QVector<QVector<int>> insertAfter(skeleton.size() + 1); // [0]: top, [p + 1]: after p
    int anchor = 0;
    for (int j = 0; j < theirsCount; ++j) {
        if (skeletonOfTheirs.at(j) >= 0) {
            anchor = skeletonOfTheirs.at(j) + 1;
        } else if (outside.theirsFromBase.at(j) < 0) {
            insertAfter[anchor].append(j);
            ++result.addedOutside;
        }
    }
    result.entries.reserve(skeleton.size() + result.addedOutside);
    for (int p = 0; p <= skeleton.size(); ++p) {
        if (p > 0)
            result.entries.append(skeleton.at(p - 1));
        for (int j : insertAfter.at(p))
            result.entries.append({-1, j, true});
    }
    return result;
}

RuleRebase::Result RuleRebase::merge(const QStringList &base, const QStringList &mine,
                                     const QStringList &theirs)
{
    QVector<MineRule> rows(mine.size());
    for (int i = 0; i < mine.size(); ++i)
        rows[i].key = mine.at(i);
    for (const RuleDiff::Change &line : RuleDiff::withContext(base, mine)) {
        if (line.kind == RuleDiff::Kind::Kept || line.kind == RuleDiff::Kind::Moved)
            rows[line.newIndex].baseIndex = line.oldIndex;
    }
    return merge(base, rows, theirs);
}

QStringList RuleRebase::keys(const Result &result, const QStringList &mine,
                             const QStringList &theirs)
{
    QStringList out;
    out.reserve(result.entries.size());
    for (const Entry &entry : result.entries)
        out << (entry.mineIndex >= 0 ? mine.at(entry.mineIndex) : theirs.at(entry.theirsIndex));
    return out;
}

} // namespace Userchain

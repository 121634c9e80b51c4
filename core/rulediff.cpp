#include "rulediff.h"

#include <QHash>

#include <algorithm>
#include <deque>

namespace Userchain {

namespace {

/// Indexes into seq of a longest strictly increasing subsequence (patience sorting).
QVector<int> longestIncreasing(const QVector<int> &seq)
{
    QVector<int> tailIndex; // tailIndex[k]: index in seq of the smallest tail of a run of k+1
    QVector<int> previous(seq.size(), -1);
    for (int i = 0; i < seq.size(); ++i) {
        const auto pos =
            std::lower_bound(tailIndex.begin(), tailIndex.end(), seq.at(i),
                             [&seq](int index, int value) { return seq.at(index) < value; });
        const int k = int(pos - tailIndex.begin());
        previous[i] = k > 0 ? tailIndex.at(k - 1) : -1;
        if (pos == tailIndex.end())
            tailIndex.append(i);
        else
            *pos = i;
    }
    QVector<int> result(tailIndex.size());
    int at = tailIndex.isEmpty() ? -1 : tailIndex.last();
    for (int k = result.size() - 1; k >= 0; --k) {
        result[k] = at;
        at = previous.at(at);
    }
    return result;
}

/// Which new rule is which old rule, and which of the pairs keep their relative order.
struct Pairing
{
    QVector<int> matchedOld; ///< new index -> old index, -1 for an added rule
    QVector<bool> oldKept;   ///< old index -> paired with a new rule
    QVector<bool> inPlace;   ///< new index -> paired and in the longest increasing run
};

Pairing pairRules(const QStringList &oldSpecs, const QStringList &newSpecs)
{
    QHash<QString, std::deque<int>> oldPositions;
    for (int i = 0; i < oldSpecs.size(); ++i)
        oldPositions[oldSpecs.at(i)].push_back(i);

    Pairing p;
    p.matchedOld.fill(-1, newSpecs.size());
    p.oldKept.fill(false, oldSpecs.size());
    p.inPlace.fill(false, newSpecs.size());
    QVector<int> pairedOld; // old indexes of matched rules, in new order
    QVector<int> pairedNew;
    for (int j = 0; j < newSpecs.size(); ++j) {
        auto it = oldPositions.find(newSpecs.at(j));
        if (it == oldPositions.end() || it->empty())
            continue;
        const int i = it->front();
        it->pop_front();
        p.matchedOld[j] = i;
        p.oldKept[i] = true;
        pairedOld.append(i);
        pairedNew.append(j);
    }
    for (int k : longestIncreasing(pairedOld))
        p.inPlace[pairedNew.at(k)] = true;
    return p;
}

} // namespace

QVector<RuleDiff::Change> RuleDiff::compute(const QStringList &oldSpecs,
                                            const QStringList &newSpecs)
{
    const Pairing p = pairRules(oldSpecs, newSpecs);
    QVector<Change> changes;
    for (int i = 0; i < oldSpecs.size(); ++i) {
        if (!p.oldKept.at(i))
            changes.append({Kind::Removed, oldSpecs.at(i), i, -1});
    }
    for (int j = 0; j < newSpecs.size(); ++j) {
        if (p.matchedOld.at(j) < 0)
            changes.append({Kind::Added, newSpecs.at(j), -1, j});
        else if (!p.inPlace.at(j))
            changes.append({Kind::Moved, newSpecs.at(j), p.matchedOld.at(j), j});
    }
    return changes;
}

QVector<RuleDiff::Change> RuleDiff::withContext(const QStringList &oldSpecs,
                                                const QStringList &newSpecs)
{
    const Pairing p = pairRules(oldSpecs, newSpecs);
    QVector<Change> lines;
    lines.reserve(newSpecs.size());
    int nextOld = 0; // removed rules before this old index have been placed
    auto placeRemovedBefore = [&](int oldLimit) {
        for (; nextOld < oldLimit; ++nextOld) {
            if (!p.oldKept.at(nextOld))
                lines.append({Kind::Removed, oldSpecs.at(nextOld), nextOld, -1});
        }
    };
    for (int j = 0; j < newSpecs.size(); ++j) {
        const int i = p.matchedOld.at(j);
        if (i < 0) {
            lines.append({Kind::Added, newSpecs.at(j), -1, j});
        } else if (!p.inPlace.at(j)) {
            lines.append({Kind::Moved, newSpecs.at(j), i, j});
        } else {
            // Kept rules appear in increasing old order, so the removed ones fall into place.
            placeRemovedBefore(i);
            nextOld = std::max(nextOld, i + 1);
            lines.append({Kind::Kept, newSpecs.at(j), i, j});
        }
    }
    placeRemovedBefore(int(oldSpecs.size()));
    return lines;
}

QString RuleDiff::format(const QVector<Change> &changes, const QString &chain)
{
    QString out;
    for (const Change &change : changes) {
        const QString rule = QStringLiteral("-A %1 %2").arg(chain, change.spec);
        switch (change.kind) {
        case Kind::Removed:
            out += QStringLiteral("- %1    # removed, was %2\n").arg(rule).arg(change.oldIndex + 1);
            break;
        case Kind::Added:
            out += QStringLiteral("+ %1    # added as %2\n").arg(rule).arg(change.newIndex + 1);
            break;
        case Kind::Moved:
            out += QStringLiteral("~ %1    # moved %2 -> %3\n")
                       .arg(rule)
                       .arg(change.oldIndex + 1)
                       .arg(change.newIndex + 1);
            break;
        case Kind::Kept:
            out += QStringLiteral("  %1\n").arg(rule);
            break;
        }
    }
    return out;
}

QString RuleDiff::summary(const QVector<Change> &changes)
{
    int added = 0, removed = 0, moved = 0;
    for (const Change &change : changes) {
        switch (change.kind) {
        case Kind::Added:
            ++added;
            break;
        case Kind::Removed:
            ++removed;
            break;
        case Kind::Moved:
            ++moved;
            break;
        case Kind::Kept:
            break;
        }
    }
    if (added + removed + moved == 0)
        return QStringLiteral("no changes");
    return QStringLiteral("%1 added, %2 removed, %3 moved").arg(added).arg(removed).arg(moved);
}

} // namespace Userchain

#include "rulediff.h"

#include <QHash>

RuleDiff RuleDiff::compute(const QStringList &before, const QStringList &after)
{
    RuleDiff diff;
    // Pair the k-th occurrence of a text in `before` with its k-th occurrence in `after`.
    QHash<QString, QVector<int>> positions;
    for (int i = 0; i < before.size(); ++i) {
        positions[before.at(i)].append(i);
    }
    QHash<QString, int> used;
    QVector<int> oldOfNew(after.size(), -1);
    QVector<int> newOfOld(before.size(), -1);
    for (int j = 0; j < after.size(); ++j) {
        const QVector<int> &candidates = positions.value(after.at(j));
        int &k = used[after.at(j)];
        if (k < candidates.size()) {
            oldOfNew[j] = candidates.at(k);
            newOfOld[candidates.at(k)] = j;
            ++k;
        }
    }
    // Longest increasing subsequence of old positions along the new order (patience sort).
    QVector<int> pairs; // new positions of paired rules
    for (int j = 0; j < after.size(); ++j) {
        if (oldOfNew.at(j) >= 0) {
            pairs.append(j);
        }
    }
    QVector<int> tails; // index into pairs of the smallest tail of each length
    QVector<int> previous(pairs.size(), -1);
    for (int p = 0; p < pairs.size(); ++p) {
        const int value = oldOfNew.at(pairs.at(p));
        auto it = std::lower_bound(tails.begin(), tails.end(), value,
                                   [&](int t, int v) { return oldOfNew.at(pairs.at(t)) < v; });
        const int length = int(it - tails.begin());
        if (length > 0) {
            previous[p] = tails.at(length - 1);
        }
        if (it == tails.end()) {
            tails.append(p);
        } else {
            *it = p;
        }
    }
    QVector<bool> kept(after.size(), false);
    for (int p = tails.isEmpty() ? -1 : tails.last(); p >= 0; p = previous.at(p)) {
        kept[pairs.at(p)] = true;
    }

    // Removed rules are listed where they stood, after the kept rule that preceded them.
    auto emitRemovedBefore = [&](int oldLimit, int &nextOld) {
        for (; nextOld < oldLimit; ++nextOld) {
            if (newOfOld.at(nextOld) < 0) {
                diff.m_lines.append({Line::Removed, before.at(nextOld), nextOld + 1, 0});
                ++diff.m_removed;
            }
        }
    };
    int nextOld = 0;
    for (int j = 0; j < after.size(); ++j) {
        if (kept.at(j)) {
            emitRemovedBefore(oldOfNew.at(j), nextOld);
            nextOld = std::max(nextOld, oldOfNew.at(j) + 1);
            diff.m_lines.append({Line::Kept, after.at(j), oldOfNew.at(j) + 1, j + 1});
        } else if (oldOfNew.at(j) >= 0) {
            diff.m_lines.append({Line::Moved, after.at(j), oldOfNew.at(j) + 1, j + 1});
            ++diff.m_moved;
        } else {
            diff.m_lines.append({Line::Added, after.at(j), 0, j + 1});
            ++diff.m_added;
        }
    }
    emitRemovedBefore(int(before.size()), nextOld);
    return diff;
}

QString RuleDiff::toText(const QString &chain) const
{
    QStringList out;
    for (const Line &line : m_lines) {
        QString prefix;
        switch (line.kind) {
        case Line::Kept:
            prefix = QStringLiteral("  ");
            break;
        case Line::Added:
            prefix = QStringLiteral("+ ");
            break;
        case Line::Removed:
            prefix = QStringLiteral("- ");
            break;
        case Line::Moved:
            prefix = QStringLiteral("~ ");
            break;
        }
        out << prefix + QStringLiteral("-A ") + chain + QLatin1Char(' ') + line.spec;
    }
    return out.join(QLatin1Char('\n'));
}

#include "rulediff.h"

#include <QHash>

#include <algorithm>
#include <charconv>

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

template <typename List> Pairing pairRules(const List &oldSpecs, const List &newSpecs)
{
    // For each text its first unpaired old index, and for each old index the next one with the
    // same text: the n-th equal rule of the new list pairs with the n-th of the old one. (One
    // hash entry a distinct text, not a container each: lists run to 100,000 rules.)
    const int oldCount = int(oldSpecs.size());
    QHash<typename List::value_type, int> firstOld; // text -> 1 + first unpaired old index
                                                    // (0: none left)
    firstOld.reserve(oldCount);
    QVector<int> nextSame;
    nextSame.fill(-1, oldCount);
    for (int i = oldCount - 1; i >= 0; --i) {
        int &first = firstOld[oldSpecs.at(i)];
        nextSame[i] = first - 1;
        first = i + 1;
    }

    Pairing p;
    p.matchedOld.fill(-1, newSpecs.size());
    p.oldKept.fill(false, oldCount);
    p.inPlace.fill(false, newSpecs.size());
    QVector<int> pairedOld; // old indexes of matched rules, in new order
    QVector<int> pairedNew;
    for (int j = 0; j < newSpecs.size(); ++j) {
        const auto it = firstOld.find(newSpecs.at(j));
        if (it == firstOld.end() || it.value() == 0)
            continue;
        const int i = it.value() - 1;
        it.value() = nextSame.at(i) + 1;
        p.matchedOld[j] = i;
        p.oldKept[i] = true;
        pairedOld.append(i);
        pairedNew.append(j);
    }
    for (int k : longestIncreasing(pairedOld))
        p.inPlace[pairedNew.at(k)] = true;
    return p;
}

/// The text a change carries: the spec itself, or nothing for UTF-8 views (see compute()).
QString changeText(const QString &spec)
{
    return spec;
}

QString changeText(QByteArrayView)
{
    return QString();
}

template <typename List>
QVector<RuleDiff::Change> changesOf(const List &oldSpecs, const List &newSpecs)
{
    using Kind = RuleDiff::Kind;
    const Pairing p = pairRules(oldSpecs, newSpecs);
    QVector<RuleDiff::Change> changes;
    for (int i = 0; i < oldSpecs.size(); ++i) {
        if (!p.oldKept.at(i))
            changes.append({Kind::Removed, changeText(oldSpecs.at(i)), i, -1});
    }
    for (int j = 0; j < newSpecs.size(); ++j) {
        if (p.matchedOld.at(j) < 0)
            changes.append({Kind::Added, changeText(newSpecs.at(j)), -1, j});
        else if (!p.inPlace.at(j))
            changes.append({Kind::Moved, changeText(newSpecs.at(j)), p.matchedOld.at(j), j});
    }
    return changes;
}

void append(QString &out, const char *latin1)
{
    out += QLatin1String(latin1);
}

void append(QByteArray &out, const char *text)
{
    out += text;
}

void appendNumber(QString &out, int n)
{
    out += QString::number(n);
}

void appendNumber(QByteArray &out, int n)
{
    char digits[16];
    const auto end = std::to_chars(digits, digits + sizeof(digits), n).ptr;
    out.append(digits, end - digits);
}

/// format() for either text type; specOf(change) gives the rule's text.
template <typename Out, typename SpecOf>
Out formatChanges(const QVector<RuleDiff::Change> &changes, const Out &rulePrefix, SpecOf specOf)
{
    using Kind = RuleDiff::Kind;
    // Appended piece by piece rather than with arg(): a whole chain replaced is 200,000 lines
    // at 100,000 rules, and this is on the command line's path to its exit.
    qsizetype size = 0;
    for (const RuleDiff::Change &change : changes)
        size += specOf(change).size() + rulePrefix.size() + 40;
    Out out;
    out.reserve(size);
    for (const RuleDiff::Change &change : changes) {
        static const char *const markers[] = {"+ ", "- ", "~ ", "  "};
        append(out, markers[int(change.kind)]);
        out += rulePrefix;
        out += specOf(change);
        switch (change.kind) {
        case Kind::Removed:
            append(out, "    # removed, was ");
            appendNumber(out, change.oldIndex + 1);
            break;
        case Kind::Added:
            append(out, "    # added as ");
            appendNumber(out, change.newIndex + 1);
            break;
        case Kind::Moved:
            append(out, "    # moved ");
            appendNumber(out, change.oldIndex + 1);
            append(out, " -> ");
            appendNumber(out, change.newIndex + 1);
            break;
        case Kind::Kept:
            break;
        }
        append(out, "\n");
    }
    return out;
}

} // namespace

QVector<RuleDiff::Change> RuleDiff::compute(const QStringList &oldSpecs,
                                            const QStringList &newSpecs)
{
    return changesOf(oldSpecs, newSpecs);
}

QVector<RuleDiff::Change> RuleDiff::compute(const QList<QByteArrayView> &oldSpecs,
                                            const QList<QByteArrayView> &newSpecs)
{
    return changesOf(oldSpecs, newSpecs);
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
    return formatChanges(changes, QStringLiteral("-A ") + chain + QLatin1Char(' '),
                         [](const Change &change) -> const QString & { return change.spec; });
}

QList<QByteArrayView> RuleDiff::lines(const QByteArray &text)
{
    QList<QByteArrayView> result;
    // Room for lines of rules' usual length, rather than a pass counting them.
    result.reserve(text.size() / 64 + 1);
    qsizetype start = 0;
    while (start < text.size()) {
        qsizetype end = text.indexOf('\n', start);
        if (end < 0)
            end = text.size();
        result.append(QByteArrayView(text).sliced(start, end - start));
        start = end + 1;
    }
    return result;
}

QByteArray RuleDiff::dataUtf8(const QVector<Change> &changes, const QList<QByteArrayView> &oldSpecs,
                              const QList<QByteArrayView> &newSpecs)
{
    qsizetype size = 0;
    for (const Change &change : changes)
        size += (change.kind == Kind::Removed ? oldSpecs.at(change.oldIndex)
                                              : newSpecs.at(change.newIndex))
                    .size() +
                24;
    QByteArray out;
    out.reserve(size);
    for (const Change &change : changes) {
        if (change.kind == Kind::Kept)
            continue;
        static const char markers[] = {'+', '-', '~'};
        out += markers[int(change.kind)];
        out += ' ';
        appendNumber(out, change.oldIndex + 1); // -1 + 1: none
        out += ' ';
        appendNumber(out, change.newIndex + 1);
        out += ' ';
        out += change.kind == Kind::Removed ? oldSpecs.at(change.oldIndex)
                                            : newSpecs.at(change.newIndex);
        out += '\n';
    }
    return out;
}

QByteArray RuleDiff::formatData(const QByteArray &data, const QString &chain)
{
    // Back to changes whose texts are views into data, then format()'s words.
    QVector<Change> changes;
    QList<QByteArrayView> specs;
    for (const QByteArrayView line : lines(data)) {
        Kind kind;
        switch (line.isEmpty() ? '\0' : line.at(0)) {
        case '+':
            kind = Kind::Added;
            break;
        case '-':
            kind = Kind::Removed;
            break;
        case '~':
            kind = Kind::Moved;
            break;
        default:
            continue;
        }
        int numbers[2] = {0, 0};
        qsizetype at = 1;
        bool ok = true;
        for (int &n : numbers) {
            if (at >= line.size() || line.at(at) != ' ') {
                ok = false;
                break;
            }
            const char *begin = line.data() + at + 1;
            const auto [end, ec] = std::from_chars(begin, line.data() + line.size(), n);
            ok = ec == std::errc() && end != begin && n >= 0;
            if (!ok)
                break;
            at = end - line.data();
        }
        if (!ok || at >= line.size() || line.at(at) != ' ')
            continue;
        const int oldIndex = numbers[0] - 1, newIndex = numbers[1] - 1;
        if ((kind != Kind::Added && oldIndex < 0) || (kind != Kind::Removed && newIndex < 0))
            continue;
        changes.append({kind, QString(), oldIndex, newIndex});
        specs.append(line.sliced(at + 1));
    }
    // formatChanges() hands back references into changes: the index is the change's own.
    return formatChanges(changes, "-A " + chain.toUtf8() + ' ',
                         [&specs, &changes](const Change &change) {
                             return specs.at(&change - changes.constData());
                         });
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
    return summary(added, removed, moved);
}

QString RuleDiff::summary(int added, int removed, int moved)
{
    if (added + removed + moved == 0)
        return QStringLiteral("no changes");
    return QStringLiteral("%1 added, %2 removed, %3 moved").arg(added).arg(removed).arg(moved);
}

} // namespace Userchain

#include "ruletablemodel.h"

#include "chainlayout.h"
#include "editrulecommand.h"
#include "moverulescommand.h"
#include "rowstyle.h"
#include "rulecells.h"
#include "ruledragdata.h"
#include "ruleformatter.h"

#include <QColor>
#include <QFont>
#include <QGuiApplication>
#include <QMimeData>
#include <QRandomGenerator>
#include <QUndoStack>

using Userchain::Rule;

namespace {
bool isNumberColumn(int column)
{
    return column == RuleTableModel::PositionColumn || column == RuleTableModel::PacketsColumn ||
           column == RuleTableModel::BytesColumn;
}

} // namespace

RuleTableModel::RuleTableModel(QUndoStack *undoStack, QObject *parent)
    : QAbstractTableModel(parent), m_undoStack(undoStack),
      m_instanceToken(QRandomGenerator::global()->generate64())
{}

int RuleTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RuleTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(ColumnCount);
}

void RuleTableModel::setKnownChains(const QSet<QString> &chains)
{
    m_knownChains = chains;
    if (!m_rows.isEmpty()) {
        emit dataChanged(index(0, TargetColumn), index(rowCount() - 1, TargetColumn));
    }
}

QVariant RuleTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return QVariant();
    }
    const RuleRow &row = m_rows.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        if (column == PositionColumn) {
            return index.row() + 1;
        }
        return RuleCells::text(row, column);
    case Qt::ToolTipRole: {
        RuleCells::Marks marks;
        if (m_firstEndingRow >= 0 && index.row() > m_firstEndingRow) {
            marks.endingRow = m_firstEndingRow;
        }
        marks.lints = lintsAt(index.row());
        marks.traced = m_tracedIds.contains(row.id);
        marks.neverHit = isNeverHit(row);
        return RuleCells::toolTip(row, marks);
    }
    case Qt::TextAlignmentRole:
        return isNumberColumn(column) ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                      : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::FontRole: {
        const bool dead =
            row.isVerbatim() || (m_firstEndingRow >= 0 && index.row() > m_firstEndingRow);
        if (!dead && !row.addedOutside) {
            return QVariant();
        }
        // A rule added outside is bold (a mark that does not depend on telling colours apart),
        // and italic as well when it is dead.
        QFont font;
        if (row.addedOutside) {
            font = RowStyle::font(RowStyle::Kind::AddedOutside);
        }
        if (dead) {
            font = RowStyle::font(
                row.isVerbatim() ? RowStyle::Kind::Verbatim : RowStyle::Kind::Unreachable, font);
        }
        return font;
    }
    case Qt::ForegroundRole: {
        if (row.isVerbatim() || (m_firstEndingRow >= 0 && index.row() > m_firstEndingRow)) {
            return RowStyle::foreground(row.isVerbatim() ? RowStyle::Kind::Verbatim
                                                         : RowStyle::Kind::Unreachable,
                                        QGuiApplication::palette());
        }
        const Rule *rule = row.rule();
        if (!rule) {
            return QVariant();
        }
        // Negations in a distinct colour as well as in words.
        const bool negated =
            (column == SourceColumn && RuleFormatter::sourceNegated(*rule)) ||
            (column == DestinationColumn && RuleFormatter::destinationNegated(*rule)) ||
            (column == InInterfaceColumn && rule->inInterfaceNegated) ||
            (column == OutInterfaceColumn && rule->outInterfaceNegated) ||
            (column == ProtocolColumn && RuleFormatter::protocolNegated(*rule));
        return negated ? QVariant(RowStyle::foreground(RowStyle::Kind::Negation,
                                                       QGuiApplication::palette()))
                       : QVariant();
    }
    case Qt::BackgroundRole:
        // The tested packet's mark is asked for and brief: it wins over the lasting ones.
        if (m_tracedIds.contains(row.id)) {
            return RowStyle::background(RowStyle::Kind::Traced, QGuiApplication::palette());
        }
        if (row.addedOutside) {
            return RowStyle::background(RowStyle::Kind::AddedOutside, QGuiApplication::palette());
        }
        if (isNeverHit(row)) {
            return RowStyle::background(RowStyle::Kind::NeverHit, QGuiApplication::palette());
        }
        return QVariant();
    case SpecRole:
        return row.spec;
    case IdRole:
        return row.id;
    case VerbatimRole:
        return row.isVerbatim();
    case NeverHitRole:
        return isNeverHit(row);
    case UnreachableRole:
        return m_firstEndingRow >= 0 && index.row() > m_firstEndingRow;
    case AddedOutsideRole:
        return row.addedOutside;
    case TracedRole:
        return m_tracedIds.contains(row.id);
    case Qt::DecorationRole:
        // The marker sits by the rule's number, where the eye starts reading a row.
        return column == PositionColumn && !lintsAt(index.row()).isEmpty()
                   ? QVariant(RowLints::icon())
                   : QVariant();
    case LintsRole: {
        QStringList summaries;
        for (const Userchain::RuleLint &lint : lintsAt(index.row())) {
            summaries << lint.summary;
        }
        return summaries;
    }
    case Qt::AccessibleDescriptionRole: {
        QStringList words;
        if (m_tracedIds.contains(row.id)) {
            words << RowStyle::sampleText(RowStyle::Kind::Traced);
        }
        if (row.addedOutside) {
            words << RowStyle::sampleText(RowStyle::Kind::AddedOutside);
        }
        for (const Userchain::RuleLint &lint : lintsAt(index.row())) {
            words << lint.summary;
        }
        return words.isEmpty() ? QVariant() : QVariant(words.join(QStringLiteral("; ")));
    }
    case LinkTargetRole:
        if (column == TargetColumn) {
            const QString target = RuleFormatter::jumpTarget(row.spec);
            if (m_knownChains.contains(target)) {
                return target;
            }
        }
        return QVariant();
    case SearchTextRole:
        // What the table shows ("published port 8080", "any", "established") and the rule text
        // behind it. The shown words are made once per rule text: formatting every column of
        // 50,000 rules for each keystroke would make the search box lag.
        if (row.shownText.isNull()) {
            QStringList shown;
            for (int c = InInterfaceColumn; c <= CommentColumn; ++c) {
                shown << RuleCells::text(row, c).toString();
            }
            row.shownText = shown.join(QLatin1Char('\n'));
        }
        return QString(row.spec + QLatin1Char('\n') + row.shownText);
    default:
        return QVariant();
    }
}

QVariant RuleTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal) {
        return QVariant();
    }
    if (role == Qt::TextAlignmentRole) {
        return isNumberColumn(section) ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                       : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    }
    if (role != Qt::DisplayRole) {
        return QVariant();
    }
    switch (section) {
    case PositionColumn:
        return tr("#");
    case InInterfaceColumn:
        return tr("In");
    case OutInterfaceColumn:
        return tr("Out");
    case SourceColumn:
        return tr("Source");
    case DestinationColumn:
        return tr("Destination");
    case ProtocolColumn:
        return tr("Protocol / ports");
    case StateColumn:
        return tr("State");
    case TargetColumn:
        return tr("Target");
    case CommentColumn:
        return tr("Comment");
    case PacketsColumn:
        return tr("Packets");
    case BytesColumn:
        return tr("Bytes");
    }
    return QVariant();
}

Qt::ItemFlags RuleTableModel::flags(const QModelIndex &index) const
{
    // Drops between rows (invalid index) and onto rows are both insertion points.
    if (!index.isValid()) {
        return Qt::ItemIsDropEnabled;
    }
    const Qt::ItemFlags f =
        Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled | Qt::ItemIsDropEnabled;
    return RuleCells::isEditable(m_rows.at(index.row()), index.column()) ? f | Qt::ItemIsEditable
                                                                         : f;
}

bool RuleTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid) ||
        !(flags(index) & Qt::ItemIsEditable)) {
        return false;
    }
    QString error;
    const QString spec =
        RuleCells::withCell(m_rows.at(index.row()), index.column(), value.toString(), &error);
    if (spec.isEmpty()) {
        emit editRejected(error);
        return false;
    }
    if (spec == m_rows.at(index.row()).spec) {
        return false;
    }
    const QString what = headerData(index.column(), Qt::Horizontal).toString();
    m_undoStack->push(new EditRuleCommand(this, index.row(), spec,
                                          tr("Edit %1 of rule %2").arg(what).arg(index.row() + 1)));
    return true;
}

Qt::DropActions RuleTableModel::supportedDropActions() const
{
    return Qt::MoveAction;
}

Qt::DropActions RuleTableModel::supportedDragActions() const
{
    return Qt::MoveAction;
}

QStringList RuleTableModel::mimeTypes() const
{
    return {QLatin1String(RuleDragData::MimeType)};
}

QMimeData *RuleTableModel::mimeData(const QModelIndexList &indexes) const
{
    QVector<int> rows;
    for (const QModelIndex &index : indexes) {
        if (index.isValid() && !rows.contains(index.row())) {
            rows.append(index.row());
        }
    }
    std::sort(rows.begin(), rows.end());
    QVector<quint64> ids;
    QStringList lines;
    for (int row : std::as_const(rows)) {
        ids << m_rows.at(row).id;
        lines << QStringLiteral("-A DOCKER-USER ") + m_rows.at(row).spec;
    }
    return RuleDragData::encode(m_instanceToken, ids, lines);
}

bool RuleTableModel::canDropMimeData(const QMimeData *data, Qt::DropAction action, int, int,
                                     const QModelIndex &) const
{
    return data && data->hasFormat(QLatin1String(RuleDragData::MimeType)) &&
           action == Qt::MoveAction;
}

bool RuleTableModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                                  const QModelIndex &parent)
{
    Q_UNUSED(column);
    if (action == Qt::IgnoreAction) {
        return true;
    }
    if (!canDropMimeData(data, action, row, column, parent)) {
        return false;
    }
    const auto ids = RuleDragData::decode(data, m_instanceToken, rowCount());
    if (!ids) {
        return false;
    }
    QVector<int> rows;
    rows.reserve(ids->size());
    for (quint64 id : *ids) {
        const int r = rowOfId(id);
        if (r < 0) {
            return false;
        }
        rows.append(r);
    }
    std::sort(rows.begin(), rows.end());
    int destination = row;
    if (destination < 0) {
        destination = parent.isValid() ? parent.row() : rowCount();
    }
    destination = qBound(0, destination, rowCount());
    if (MoveRulesCommand::isNoOp(rows, destination)) {
        return false;
    }
    m_undoStack->push(new MoveRulesCommand(this, rows, destination,
                                           rows.size() == 1
                                               ? tr("Move rule %1").arg(rows.first() + 1)
                                               : tr("Move %n rules", nullptr, int(rows.size()))));
    return true;
}

int RuleTableModel::rowOfId(quint64 id) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).id == id) {
            return i;
        }
    }
    return -1;
}

RuleRow RuleTableModel::makeRow(const QString &spec)
{
    return RuleRow(m_nextId++, spec, m_family);
}

QStringList RuleTableModel::specs() const
{
    QStringList out;
    out.reserve(m_rows.size());
    for (const RuleRow &row : m_rows) {
        out << row.spec;
    }
    return out;
}

void RuleTableModel::resetRules(const QVector<RuleRow> &rows)
{
    beginResetModel();
    m_rows = rows;
    for (const RuleRow &row : std::as_const(m_rows)) {
        m_nextId = std::max(m_nextId, row.id + 1);
    }
    updateTraffic();
    endResetModel();
    updateReachability();
}

void RuleTableModel::insertRules(int row, const QVector<RuleRow> &rows)
{
    if (rows.isEmpty()) {
        return;
    }
    row = qBound(0, row, rowCount());
    beginInsertRows(QModelIndex(), row, row + int(rows.size()) - 1);
    m_rows.insert(row, rows.size(), RuleRow());
    for (int i = 0; i < rows.size(); ++i) {
        m_rows[row + i] = rows.at(i);
        m_nextId = std::max(m_nextId, rows.at(i).id + 1);
    }
    endInsertRows();
    // Reachability first: a listener of dataChanged (LayoutHint) reads firstEndingRow().
    updateReachability();
    // Positions below the insertion point changed.
    emit dataChanged(index(row, PositionColumn), index(rowCount() - 1, PositionColumn));
}

QVector<RuleRow> RuleTableModel::removeRules(const QVector<int> &rows)
{
    QVector<RuleRow> removed;
    removed.reserve(rows.size());
    for (int r : rows) {
        removed.append(m_rows.at(r));
    }
    // Contiguous runs from the bottom up, so the rows above keep their numbers.
    int i = int(rows.size()) - 1;
    while (i >= 0) {
        int j = i;
        while (j > 0 && rows.at(j - 1) == rows.at(j) - 1) {
            --j;
        }
        beginRemoveRows(QModelIndex(), rows.at(j), rows.at(i));
        m_rows.remove(rows.at(j), rows.at(i) - rows.at(j) + 1);
        endRemoveRows();
        i = j - 1;
    }
    // Reachability first: a listener of dataChanged (LayoutHint) reads firstEndingRow(), which
    // may name a row that is gone until then.
    updateReachability();
    if (!rows.isEmpty() && rows.first() < rowCount()) {
        emit dataChanged(index(rows.first(), PositionColumn),
                         index(rowCount() - 1, PositionColumn));
    }
    return removed;
}

void RuleTableModel::restoreRules(const QVector<int> &rows, const QVector<RuleRow> &removed)
{
    Q_ASSERT(rows.size() == removed.size());
    int i = 0;
    while (i < rows.size()) {
        int j = i;
        while (j + 1 < rows.size() && rows.at(j + 1) == rows.at(j) + 1) {
            ++j;
        }
        insertRules(rows.at(i), removed.mid(i, j - i + 1));
        i = j + 1;
    }
}

void RuleTableModel::replaceRule(int row, const RuleRow &rule)
{
    m_rows[row] = rule;
    m_nextId = std::max(m_nextId, rule.id + 1);
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    updateReachability();
}

int RuleTableModel::moveRules(const QVector<int> &rows, int destination)
{
    const int n = rowCount();
    QVector<bool> moving(n, false);
    int before = 0;
    for (int r : rows) {
        moving[r] = true;
        if (r < destination) {
            ++before;
        }
    }
    const int first = destination - before;
    QVector<int> order;
    order.reserve(n);
    for (int r = 0; r < n; ++r) {
        if (!moving.at(r)) {
            order.append(r);
        }
    }
    order.insert(first, rows.size(), 0);
    for (int i = 0; i < rows.size(); ++i) {
        order[first + i] = rows.at(i);
    }
    applyOrder(order);
    return first;
}

void RuleTableModel::unmoveRules(int first, const QVector<int> &rows)
{
    const int n = rowCount();
    const int count = int(rows.size());
    QVector<int> order(n, -1);
    for (int i = 0; i < count; ++i) {
        order[rows.at(i)] = first + i;
    }
    int next = 0;
    for (int r = 0; r < n; ++r) {
        if (r >= first && r < first + count) {
            continue;
        }
        while (order.at(next) != -1) {
            ++next;
        }
        order[next] = r;
    }
    applyOrder(order);
}

void RuleTableModel::applyOrder(const QVector<int> &oldRowAtNewRow)
{
    // One layout change for any permutation: persistent indexes (selection, current index)
    // follow their rows, which a reset would lose.
    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const int n = rowCount();
    QVector<int> newRowOfOld(n);
    QVector<RuleRow> reordered;
    reordered.reserve(n);
    for (int newRow = 0; newRow < n; ++newRow) {
        newRowOfOld[oldRowAtNewRow.at(newRow)] = newRow;
        reordered.append(m_rows.at(oldRowAtNewRow.at(newRow)));
    }
    const QModelIndexList from = persistentIndexList();
    QModelIndexList to;
    to.reserve(from.size());
    for (const QModelIndex &index : from) {
        to.append(this->index(newRowOfOld.at(index.row()), index.column()));
    }
    m_rows = std::move(reordered);
    changePersistentIndexList(from, to);
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
    updateReachability();
}

void RuleTableModel::updateReachability()
{
    // A text check first: most rules have a condition and are never parsed here, so 50,000
    // rules cost one pass of prefix comparisons.
    int ending = -1;
    for (int i = 0; i < m_rows.size(); ++i) {
        const RuleRow &row = m_rows.at(i);
        if (row.isVerbatim() || !ChainLayout::mayEndChain(row.spec)) {
            continue;
        }
        if (const Rule *rule = row.rule(); rule && ChainLayout::endsChain(*rule)) {
            ending = i;
            break;
        }
    }
    const int previous = m_firstEndingRow;
    m_firstEndingRow = ending;
    if (previous != ending) {
        const int lowest =
            std::min(previous < 0 ? rowCount() : previous, ending < 0 ? rowCount() : ending);
        if (lowest + 1 < rowCount()) {
            emit dataChanged(index(lowest + 1, 0), index(rowCount() - 1, ColumnCount - 1),
                             {Qt::ForegroundRole, Qt::FontRole, Qt::ToolTipRole, UnreachableRole});
        }
    }
    emit reachabilityChanged();
}

bool RuleTableModel::isNeverHit(const RuleRow &row) const
{
    return m_chainHasTraffic && row.hasCounters && row.packets == 0;
}

void RuleTableModel::updateTraffic()
{
    m_chainHasTraffic = std::any_of(m_rows.cbegin(), m_rows.cend(),
                                    [](const RuleRow &row) { return row.packets > 0; });
}

void RuleTableModel::updateCounters(const QVector<QPair<quint64, quint64>> &countersByBaselineIndex)
{
    for (RuleRow &row : m_rows) {
        if (row.baselineIndex >= 0 && row.baselineIndex < countersByBaselineIndex.size()) {
            row.packets = countersByBaselineIndex.at(row.baselineIndex).first;
            row.bytes = countersByBaselineIndex.at(row.baselineIndex).second;
            row.hasCounters = true;
        }
    }
    updateTraffic();
    if (!m_rows.isEmpty()) {
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1),
                         {Qt::DisplayRole, Qt::BackgroundRole, Qt::ToolTipRole, NeverHitRole});
    }
}

void RuleTableModel::setLints(const QVector<Userchain::RuleLint> &lints)
{
    if (lints.isEmpty() && m_lints.isEmpty()) {
        return;
    }
    m_lints.set(m_rows, lints);
    if (!m_rows.isEmpty()) {
        emit dataChanged(
            index(0, 0), index(rowCount() - 1, ColumnCount - 1),
            {Qt::DecorationRole, Qt::ToolTipRole, Qt::AccessibleDescriptionRole, LintsRole});
    }
    emit lintsChanged();
}

QVector<Userchain::RuleLint> RuleTableModel::lintsAt(int row) const
{
    if (row < 0 || row >= m_rows.size()) {
        return {};
    }
    return m_lints.of(m_rows.at(row), m_firstEndingRow >= 0 && row > m_firstEndingRow);
}

void RuleTableModel::setTracedRows(const QSet<int> &rows)
{
    QSet<quint64> ids;
    for (int row : rows) {
        if (row >= 0 && row < m_rows.size()) {
            ids.insert(m_rows.at(row).id);
        }
    }
    if (ids == m_tracedIds) {
        return;
    }
    m_tracedIds = ids;
    if (!m_rows.isEmpty()) {
        emit dataChanged(
            index(0, 0), index(rowCount() - 1, ColumnCount - 1),
            {Qt::BackgroundRole, Qt::ToolTipRole, Qt::AccessibleDescriptionRole, TracedRole});
    }
}

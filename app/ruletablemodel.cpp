#include "ruletablemodel.h"

#include "chainlayout.h"
#include "editrulecommand.h"
#include "messagetext.h"
#include "moverulescommand.h"
#include "rowstyle.h"
#include "ruleformatter.h"
#include "ruleparser.h"

#include <QColor>
#include <QDataStream>
#include <QFont>
#include <QGuiApplication>
#include <QIODevice>
#include <QLocale>
#include <QMimeData>
#include <QRandomGenerator>
#include <QUndoStack>

using Userchain::Rule;
using Userchain::RuleMatch;
using Userchain::RuleOption;

namespace {
constexpr quint32 MimeVersion = 1;

bool isNumberColumn(int column)
{
    return column == RuleTableModel::PositionColumn || column == RuleTableModel::PacketsColumn ||
           column == RuleTableModel::BytesColumn;
}

/// "not 10.0.0.1", "! 10.0.0.1" and "10.0.0.1"; "any" or "" is no value.
void splitNegation(const QString &text, QString *value, bool *negated)
{
    QString t = text.trimmed();
    *negated = false;
    if (t.startsWith(QLatin1String("not "), Qt::CaseInsensitive)) {
        *negated = true;
        t = t.mid(4).trimmed();
    } else if (t.startsWith(QLatin1Char('!'))) {
        *negated = true;
        t = t.mid(1).trimmed();
    }
    if (t.compare(QLatin1String("any"), Qt::CaseInsensitive) == 0) {
        t.clear();
    }
    *value = t;
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

QVariant RuleTableModel::displayText(const RuleRow &row, int column) const
{
    const Rule *rule = row.rule();
    switch (column) {
    case PositionColumn:
        return QVariant(); // filled in by data(): depends on the row, not the rule
    case PacketsColumn:
        return row.hasCounters ? QVariant(QLocale().toString(row.packets)) : QVariant();
    case BytesColumn:
        return row.hasCounters ? QVariant(QLocale().formattedDataSize(
                                     qint64(row.bytes), 1, QLocale::DataSizeTraditionalFormat))
                               : QVariant();
    default:
        break;
    }
    if (!rule) {
        // Verbatim rules: the text is all we can show faithfully.
        return column == CommentColumn ? QVariant(row.spec) : QVariant();
    }
    switch (column) {
    case InInterfaceColumn:
        return RuleFormatter::interfaceName(rule->inInterface, rule->inInterfaceNegated);
    case OutInterfaceColumn:
        return RuleFormatter::interfaceName(rule->outInterface, rule->outInterfaceNegated);
    case SourceColumn:
        return RuleFormatter::source(*rule);
    case DestinationColumn:
        return RuleFormatter::destination(*rule);
    case ProtocolColumn:
        return RuleFormatter::protocolAndPorts(*rule);
    case StateColumn:
        return RuleFormatter::state(*rule);
    case TargetColumn:
        return RuleFormatter::target(*rule);
    case CommentColumn:
        return rule->comment();
    }
    return QVariant();
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
        return displayText(row, column);
    case Qt::ToolTipRole: {
        QString tip = QStringLiteral("-A DOCKER-USER ") + row.spec;
        if (row.isVerbatim()) {
            tip +=
                QLatin1Char('\n') +
                tr("Uses extensions Userchain does not know (%1). It is kept exactly as it "
                   "is: you can move or delete it, not edit it.")
                    .arg(row.unknownExtensions.isEmpty() ? tr("unknown") : row.unknownExtensions);
        }
        if (m_firstEndingRow >= 0 && index.row() > m_firstEndingRow) {
            tip += QLatin1Char('\n') + tr("Never reached: rule %1 ends the chain for every "
                                          "packet before it gets here.")
                                           .arg(m_firstEndingRow + 1);
        }
        if (row.addedOutside) {
            tip += QLatin1Char('\n') + RowStyle::explanation(RowStyle::Kind::AddedOutside);
        }
        if (const auto lints = lintsAt(index.row()); !lints.isEmpty()) {
            tip += QLatin1Char('\n') + RowLints::toolTip(lints);
        }
        if (m_tracedIds.contains(row.id)) {
            tip +=
                QLatin1Char('\n') + RowStyle::sampleText(RowStyle::Kind::Traced) + QLatin1Char('.');
        }
        if (isNeverHit(row)) {
            tip += QLatin1Char('\n') + RowStyle::sampleText(RowStyle::Kind::NeverHit) +
                   QStringLiteral(": ") + RowStyle::explanation(RowStyle::Kind::NeverHit);
        } else if (row.hasCounters && row.packets == 0) {
            tip += QLatin1Char('\n') + tr("No packet yet: no rule of DOCKER-USER has counted a "
                                          "packet since the counters were reset (just applied, "
                                          "or no forwarded traffic so far).");
        } else if (!row.hasCounters) {
            tip += QLatin1Char('\n') + tr("New or changed: no counters until it is applied.");
        }
        return tip;
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
                shown << displayText(row, c).toString();
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
    Qt::ItemFlags f =
        Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled | Qt::ItemIsDropEnabled;
    const RuleRow &row = m_rows.at(index.row());
    const Rule *rule = row.isVerbatim() ? nullptr : row.rule();
    if (!rule) {
        return f;
    }
    bool editable = false;
    const RuleMatch *range = rule->match(QStringLiteral("iprange"));
    switch (index.column()) {
    case InInterfaceColumn:
    case OutInterfaceColumn:
    case CommentColumn:
        editable = true;
        break;
    case SourceColumn:
        editable = !(range && range->option(QStringLiteral("--src-range")));
        break;
    case DestinationColumn:
        editable = !(range && range->option(QStringLiteral("--dst-range")));
        break;
    case TargetColumn:
        // Targets with options (REJECT --reject-with, LOG --log-prefix) go to the dialog.
        editable = rule->target.options.isEmpty();
        break;
    default:
        break;
    }
    return editable ? f | Qt::ItemIsEditable : f;
}

QString RuleTableModel::specWithCell(int rowIndex, int column, const QString &text,
                                     QString *error) const
{
    const RuleRow &row = m_rows.at(rowIndex);
    const Rule *current = row.rule();
    if (!current || row.isVerbatim()) {
        *error = tr("This rule is kept verbatim and cannot be edited.");
        return QString();
    }
    Rule rule = *current;
    QString value;
    bool negated = false;
    splitNegation(text, &value, &negated);
    switch (column) {
    case InInterfaceColumn:
        rule.inInterface = value;
        rule.inInterfaceNegated = negated && !value.isEmpty();
        break;
    case OutInterfaceColumn:
        rule.outInterface = value;
        rule.outInterfaceNegated = negated && !value.isEmpty();
        break;
    case SourceColumn:
        rule.source = value;
        rule.sourceNegated = negated && !value.isEmpty();
        break;
    case DestinationColumn:
        rule.destination = value;
        rule.destinationNegated = negated && !value.isEmpty();
        break;
    case TargetColumn:
        rule.target.name = text.trimmed();
        break;
    case CommentColumn: {
        const QString comment = text.trimmed();
        auto it = std::find_if(rule.matches.begin(), rule.matches.end(), [](const RuleMatch &m) {
            return m.name == QLatin1String("comment");
        });
        if (comment.isEmpty()) {
            if (it != rule.matches.end()) {
                rule.matches.erase(it);
            }
        } else if (it != rule.matches.end()) {
            it->options = {RuleOption{QStringLiteral("--comment"), false, {comment}}};
        } else {
            rule.matches.append(
                RuleMatch{QStringLiteral("comment"),
                          {RuleOption{QStringLiteral("--comment"), false, {comment}}}});
        }
        break;
    }
    default:
        *error = tr("This column is edited in the rule dialog.");
        return QString();
    }
    // Round-trip through the parser: it validates and gives the canonical form.
    Userchain::RuleError parseError;
    const auto parsed = Userchain::RuleParser::parse(rule.toString(), m_family, &parseError);
    if (!parsed) {
        *error = MessageText::sentence(parseError.message);
        return QString();
    }
    return parsed->toString();
}

bool RuleTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid) ||
        !(flags(index) & Qt::ItemIsEditable)) {
        return false;
    }
    QString error;
    const QString spec = specWithCell(index.row(), index.column(), value.toString(), &error);
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
    return {QLatin1String(MimeType)};
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
    QByteArray encoded;
    QDataStream stream(&encoded, QIODevice::WriteOnly);
    // Ids, never row numbers or pointers: they stay right however the view is filtered.
    stream << MimeVersion << m_instanceToken << quint32(rows.size());
    QStringList text;
    for (int row : std::as_const(rows)) {
        stream << m_rows.at(row).id;
        text << QStringLiteral("-A DOCKER-USER ") + m_rows.at(row).spec;
    }
    auto *mime = new QMimeData;
    mime->setData(QLatin1String(MimeType), encoded);
    mime->setText(text.join(QLatin1Char('\n')));
    return mime;
}

bool RuleTableModel::canDropMimeData(const QMimeData *data, Qt::DropAction action, int, int,
                                     const QModelIndex &) const
{
    return data && data->hasFormat(QLatin1String(MimeType)) && action == Qt::MoveAction;
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
    QDataStream stream(data->data(QLatin1String(MimeType)));
    quint32 version = 0;
    quint64 token = 0;
    quint32 count = 0;
    stream >> version >> token >> count;
    // Ids mean something only to the model that issued them.
    if (stream.status() != QDataStream::Ok || version != MimeVersion || token != m_instanceToken ||
        count == 0 || count > quint32(m_rows.size())) {
        return false;
    }
    QVector<int> rows;
    rows.reserve(int(count));
    for (quint32 i = 0; i < count; ++i) {
        quint64 id = 0;
        stream >> id;
        const int r = rowOfId(id);
        if (stream.status() != QDataStream::Ok || r < 0 || rows.contains(r)) {
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

#include "chainrulesmodel.h"

#include "chaindescriptions.h"
#include "rowstyle.h"
#include "ruleformatter.h"
#include "themecolors.h"

#include <QColor>
#include <QGuiApplication>
#include <QLocale>

ChainRulesModel::ChainRulesModel(QObject *parent) : QAbstractTableModel(parent) {}

void ChainRulesModel::setChain(const Userchain::ChainInfo &chain, const QSet<QString> &knownChains,
                               const QHash<QString, QString> &ruleNotes)
{
    beginResetModel();
    m_chain = chain;
    m_knownChains = knownChains;
    m_ruleNotes = ruleNotes;
    m_tracedRows.clear(); // rows of another chain
    endResetModel();
}

QString ChainRulesModel::noteFor(const QString &spec) const
{
    const QString note = m_ruleNotes.value(spec);
    return note.isEmpty() ? ChainDescriptions::describeRule(m_chain.table, m_chain.name, spec)
                          : note;
}

int ChainRulesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_chain.rules.size());
}

int ChainRulesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(ColumnCount);
}

QVariant ChainRulesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return QVariant();
    }
    const Userchain::RuleEntry &rule = m_chain.rules.at(index.row());
    const QString target = RuleFormatter::jumpTarget(rule.spec);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case PositionColumn:
            return index.row() + 1;
        case RuleColumn:
            return rule.spec;
        case TargetColumn:
            return target;
        case PacketsColumn:
            return QLocale().toString(rule.packets);
        case BytesColumn:
            return QLocale().formattedDataSize(qint64(rule.bytes), 1,
                                               QLocale::DataSizeTraditionalFormat);
        }
        return QVariant();
    case Qt::ToolTipRole: {
        QString tip = QStringLiteral("-A %1 %2").arg(m_chain.name, rule.spec);
        const QString note =
            ChainDescriptions::describeRule(m_chain.table, m_chain.name, rule.spec);
        if (!note.isEmpty()) {
            tip += QLatin1Char('\n') + note;
        }
        if (m_tracedRows.contains(index.row())) {
            tip +=
                QLatin1Char('\n') + RowStyle::sampleText(RowStyle::Kind::Traced) + QLatin1Char('.');
        }
        return tip;
    }
    case NoteRole:
        return noteFor(rule.spec);
    case TracedRole:
        return m_tracedRows.contains(index.row());
    case Qt::AccessibleDescriptionRole:
        return m_tracedRows.contains(index.row())
                   ? QVariant(RowStyle::sampleText(RowStyle::Kind::Traced))
                   : QVariant();
    case Qt::BackgroundRole:
        // The tested packet's rules, as in the DOCKER-USER table.
        if (m_tracedRows.contains(index.row())) {
            return RowStyle::background(RowStyle::Kind::Traced, QGuiApplication::palette());
        }
        // A rule the host's state gives a special meaning stands out.
        return m_ruleNotes.contains(rule.spec)
                   ? QVariant(ThemeColors::highlightBackground(QGuiApplication::palette()))
                   : QVariant();
    case Qt::TextAlignmentRole:
        return (index.column() == RuleColumn || index.column() == TargetColumn)
                   ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                   : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case LinkTargetRole:
        if (index.column() == TargetColumn && m_knownChains.contains(target)) {
            return target;
        }
        return QVariant();
    default:
        return QVariant();
    }
}

void ChainRulesModel::setTracedRows(const QSet<int> &rows)
{
    if (rows == m_tracedRows) {
        return;
    }
    m_tracedRows = rows;
    if (!m_chain.rules.isEmpty()) {
        emit dataChanged(
            index(0, 0), index(rowCount() - 1, ColumnCount - 1),
            {Qt::BackgroundRole, Qt::ToolTipRole, Qt::AccessibleDescriptionRole, TracedRole});
    }
}

QVariant ChainRulesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QVariant();
    }
    switch (section) {
    case PositionColumn:
        return tr("#");
    case RuleColumn:
        return tr("Rule");
    case TargetColumn:
        return tr("Target");
    case PacketsColumn:
        return tr("Packets");
    case BytesColumn:
        return tr("Bytes");
    }
    return QVariant();
}

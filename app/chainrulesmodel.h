#pragma once

#include "dbustypes.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QSet>

/// One of Docker's chains, read-only: rules as iptables-save prints them, with counters.
class ChainRulesModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        PositionColumn,
        RuleColumn,
        TargetColumn,
        PacketsColumn,
        BytesColumn,
        ColumnCount
    };
    enum Role {
        LinkTargetRole = Qt::UserRole + 1,
        NoteRole,   ///< ChainDescriptions::describeRule() for the rule, or empty
        TracedRole, ///< bool: matched by the packet of Test a packet
    };

    explicit ChainRulesModel(QObject *parent = nullptr);

    /**
     * `knownChains`: names in the same table that targets may link to. `ruleNotes`: rule text
     * → a note on what it means on this host (e.g. a jump left over from iptables mode); such
     * rules are highlighted.
     */
    void setChain(const Userchain::ChainInfo &chain, const QSet<QString> &knownChains,
                  const QHash<QString, QString> &ruleNotes = {});
    const Userchain::ChainInfo &chain() const { return m_chain; }
    /// Marks the rows (0-based) a tested packet matched; empty clears the mark.
    void setTracedRows(const QSet<int> &rows);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QString noteFor(const QString &spec) const;

    Userchain::ChainInfo m_chain;
    QSet<QString> m_knownChains;
    QHash<QString, QString> m_ruleNotes;
    QSet<int> m_tracedRows;
};

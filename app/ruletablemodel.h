#pragma once

#include "rowlints.h"
#include "rulerow.h"

#include <QAbstractTableModel>
#include <QSet>
#include <QVector>

class QUndoStack;

/**
 * The DOCKER-USER chain as an ordered table. The model holds the rows; it changes them only
 * through the edit API below, which the QUndoCommands call. Requests that come from views
 * (an in-place edit through setData(), a drop through dropMimeData()) are turned into commands
 * on the undo stack rather than applied directly, so every change can be undone.
 */
class RuleTableModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    /**
     * Logical columns. The position comes last in the model because it is the one column whose
     * text changes when rows move; the view shows it first (RuleTableView moves the section).
     */
    enum Column {
        InInterfaceColumn,
        OutInterfaceColumn,
        SourceColumn,
        DestinationColumn,
        ProtocolColumn,
        StateColumn,
        TargetColumn,
        CommentColumn,
        PacketsColumn,
        BytesColumn,
        PositionColumn,
        ColumnCount
    };
    enum Role {
        SpecRole = Qt::UserRole + 1, ///< canonical rule-spec text
        IdRole,                      ///< RuleRow::id
        VerbatimRole,                ///< bool: kept verbatim, read-only
        LinkTargetRole,              ///< chain name a cell links to (target column)
        NeverHitRole,     ///< bool: counters known and zero while other rules count packets
        SearchTextRole,   ///< what the search box matches (the table's words and the rule text)
        UnreachableRole,  ///< bool: after a rule that ends the chain for every packet
        AddedOutsideRole, ///< bool: added outside Userchain, kept by a rebase
        LintsRole,        ///< QStringList: the row's lints in a few words each (RuleLints)
        TracedRole,       ///< bool: matched by the packet of Test a packet
    };

    explicit RuleTableModel(QUndoStack *undoStack, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::DropActions supportedDropActions() const override;
    Qt::DropActions supportedDragActions() const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                         const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                      const QModelIndex &parent) override;

    QUndoStack *undoStack() const { return m_undoStack; }
    Userchain::Family family() const { return m_family; }
    void setFamily(Userchain::Family family) { m_family = family; }
    /// Chains a target may link to (names of the snapshot's filter chains).
    void setKnownChains(const QSet<QString> &chains);

    const QVector<RuleRow> &rules() const { return m_rows; }
    const RuleRow &ruleAt(int row) const { return m_rows.at(row); }
    int rowOfId(quint64 id) const;
    /// A new row for `spec` with a fresh id and no counters.
    RuleRow makeRow(const QString &spec);
    QStringList specs() const;
    /**
     * The first row whose rule ends the chain for every packet (see ChainLayout), or -1; rows
     * after it are never reached. Kept up to date by the edit API.
     */
    int firstEndingRow() const { return m_firstEndingRow; }

    // The edit API: called by QUndoCommands only.
    void resetRules(const QVector<RuleRow> &rows);
    void insertRules(int row, const QVector<RuleRow> &rows);
    /// Removes rows (ascending, any gaps) and returns them.
    QVector<RuleRow> removeRules(const QVector<int> &rows);
    /// Puts rows back at the ascending positions they had (inverse of removeRules).
    void restoreRules(const QVector<int> &rows, const QVector<RuleRow> &removed);
    void replaceRule(int row, const RuleRow &rule);
    /**
     * Moves `rows` (ascending) to form one block that starts where row `destination` (an
     * insertion point in current coordinates, 0..rowCount()) was; returns the block's first row.
     */
    int moveRules(const QVector<int> &rows, int destination);
    /// Inverse of moveRules(): the block at `first` goes back to the ascending positions `rows`.
    void unmoveRules(int first, const QVector<int> &rows);
    /// Takes the counters of the snapshot rules the rows came from (same revision only).
    void updateCounters(const QVector<QPair<quint64, quint64>> &countersByBaselineIndex);
    /**
     * Marks the rows (0-based) a tested packet matched; empty clears the mark. The mark stays
     * with the rules (by id) if rows move before the next test.
     */
    void setTracedRows(const QSet<int> &rows);

    /// The lints of the rows as they are now (LintWatcher computes them for this table).
    void setLints(const QVector<Userchain::RuleLint> &lints);
    /// The lints shown for `row`: those that still hold for its text.
    QVector<Userchain::RuleLint> lintsAt(int row) const;

signals:
    /// An in-place edit was refused; `message` is the parser's reason.
    void editRejected(const QString &message);
    /// firstEndingRow() or the number of rows changed.
    void reachabilityChanged();
    /// New lints were set (setLints()).
    void lintsChanged();

private:
    /**
     * Zero packets mean "never hit" only while packets pass through the chain: with no traffic
     * at all (a host without forwarded traffic, or every counter just reset by an apply) every
     * rule would be marked, and the mark would say nothing.
     */
    bool isNeverHit(const RuleRow &row) const;
    void updateTraffic();
    void applyOrder(const QVector<int> &oldRowAtNewRow);
    void updateReachability();

    QUndoStack *m_undoStack;
    QVector<RuleRow> m_rows;
    QSet<QString> m_knownChains;
    RowLints m_lints;
    Userchain::Family m_family = Userchain::Family::IPv4;
    quint64 m_nextId = 1;
    int m_firstEndingRow = -1;
    bool m_chainHasTraffic = false; ///< some row counted a packet (see isNeverHit())
    quint64 m_instanceToken;        ///< tells our drags from another window's
    QSet<quint64> m_tracedIds;      ///< ids of the rows a tested packet matched
};

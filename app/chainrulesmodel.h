#pragma once

#include "dbustypes.h"

#include <QAbstractTableModel>
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
    enum Role { LinkTargetRole = Qt::UserRole + 1 };

    explicit ChainRulesModel(QObject *parent = nullptr);

    /// `knownChains`: names in the same table that targets may link to.
    void setChain(const Userchain::ChainInfo &chain, const QSet<QString> &knownChains);
    const Userchain::ChainInfo &chain() const { return m_chain; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    Userchain::ChainInfo m_chain;
    QSet<QString> m_knownChains;
};

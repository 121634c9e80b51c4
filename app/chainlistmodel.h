#pragma once

#include "dbustypes.h"
#include "firewallmode.h"

#include <QAbstractItemModel>
#include <QVector>

/**
 * The side list of chains, grouped: DOCKER-USER (editable) first, then Docker's filter chains,
 * FORWARD, nat's DOCKER (and DOCKER-INGRESS), and raw PREROUTING when Docker 28 put drops there. A
 * two-level tree: groups are headings, chains are selectable.
 */
class ChainListModel final : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Role {
        TableRole = Qt::UserRole + 1,
        ChainRole,
        EditableRole,
        DescriptionRole,
    };

    explicit ChainListModel(QObject *parent = nullptr);

    void setSnapshot(const Userchain::Snapshot &snapshot);
    /// Index of a chain, or an invalid index.
    QModelIndex chainIndex(const QString &table, const QString &chain) const;
    int dockerChainCount() const;

    QModelIndex index(int row, int column,
                      const QModelIndex &parent = QModelIndex()) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

private:
    struct Entry
    {
        QString table;
        QString name;
        int ruleCount = 0;
        bool editable = false;
        bool present = true;
        FirewallMode::LeftOver leftOver = FirewallMode::LeftOver::None;
        QString description = QString(); ///< for this host's layout (ChainDescriptions::describe())
    };
    struct Group
    {
        QString title;
        QVector<Entry> entries;
    };

    QVector<Group> m_groups;
};

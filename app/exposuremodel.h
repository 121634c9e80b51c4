#pragma once

#include "dbustypes.h"
#include "exposuresummary.h"

#include <QAbstractTableModel>
#include <QVector>
#include <optional>

/**
 * The Exposure view's rows: one per published port, IPv4 and IPv6 side by side, with what
 * users get wrong flagged. build() is pure and runs off the GUI thread (10,000 rules take
 * over half a second); setRows() shows its result.
 */
class ExposureModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { PortColumn, ContainerColumn, IPv4Column, IPv6Column, WarningColumn, ColumnCount };
    enum Role {
        ReachRole = Qt::UserRole + 1, ///< ExposureSummary::Reach of a family cell, or -1
        WarningRole,                  ///< bool: the row has a warning
    };

    /// One family's answer for a port.
    struct Cell
    {
        enum class Kind {
            Evaluated,    ///< summary holds the answer
            NotPublished, ///< this family publishes no such port
            UserlandProxy ///< no DNAT here, but Docker's userland proxy may serve it (INPUT)
        };
        Kind kind = Kind::NotPublished;
        Userchain::ExposureSummary summary;
        Userchain::PublishedPort port;
    };

    struct Row
    {
        QString port;      ///< "8080/tcp" or "127.0.0.1:8080/tcp"
        QString container; ///< "172.17.0.2:80"; both families when they differ
        Cell v4;
        Cell v6;
        QStringList warnings;
    };

    /// What a family's snapshot tells; `snapshot` null when that family has none.
    struct Input
    {
        const Userchain::Snapshot *v4 = nullptr;
        const Userchain::Snapshot *v6 = nullptr;
    };

    explicit ExposureModel(QObject *parent = nullptr);

    static QVector<Row> build(const Input &input);
    void setRows(const QVector<Row> &rows);
    const QVector<Row> &rows() const { return m_rows; }
    const Row *row(int index) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    /// The text of a family cell, as the table shows it.
    static QString cellText(const Cell &cell);

private:
    QVector<Row> m_rows;
};

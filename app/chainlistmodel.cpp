#include "chainlistmodel.h"

#include "chaindescriptions.h"
#include "firewallmode.h"

#include <QFont>
#include <QIcon>
#include <QPalette>

namespace {
// Top-level rows carry no id; a chain's id is its group's row + 1.
constexpr quintptr GroupId = 0;
} // namespace

ChainListModel::ChainListModel(QObject *parent) : QAbstractItemModel(parent) {}

void ChainListModel::setSnapshot(const Userchain::Snapshot &snapshot)
{
    beginResetModel();
    m_groups.clear();
    auto find = [&snapshot](const QString &table, const QString &name) {
        for (const Userchain::ChainInfo &c : snapshot.chains) {
            if (c.table == table && c.name == name) {
                return &c;
            }
        }
        return static_cast<const Userchain::ChainInfo *>(nullptr);
    };
    const QString filter = QStringLiteral("filter");

    Group user{tr("Your rules"), {}};
    const Userchain::ChainInfo *du = find(filter, QStringLiteral("DOCKER-USER"));
    Entry dockerUser{filter, QStringLiteral("DOCKER-USER"), du ? int(du->rules.size()) : 0, true,
                     du != nullptr};
    dockerUser.leftOver = FirewallMode::leftOverDockerUser(snapshot);
    user.entries.append(dockerUser);
    m_groups.append(user);

    Group docker{tr("Docker's chains (read-only)"), {}};
    const QStringList known = ChainDescriptions::dockerFilterChains();
    for (const QString &name : known) {
        if (const auto *c = find(filter, name)) {
            docker.entries.append({filter, name, int(c->rules.size()), false, true});
        }
    }
    for (const Userchain::ChainInfo &c : snapshot.chains) {
        if (c.table == filter && ChainDescriptions::isDockerChain(c.name) &&
            !known.contains(c.name)) {
            docker.entries.append({filter, c.name, int(c.rules.size()), false, true});
        }
    }
    if (!docker.entries.isEmpty()) {
        m_groups.append(docker);
    }

    Group builtin{tr("Built-in"), {}};
    if (const auto *c = find(filter, QStringLiteral("FORWARD"))) {
        builtin.entries.append({filter, c->name, int(c->rules.size()), false, true});
        m_groups.append(builtin);
    }

    Group nat{tr("nat table (read-only)"), {}};
    for (const QString &name : ChainDescriptions::dockerNatChains()) {
        if (const auto *c = find(QStringLiteral("nat"), name)) {
            nat.entries.append({c->table, c->name, int(c->rules.size()), false, true});
        }
    }
    if (!nat.entries.isEmpty()) {
        m_groups.append(nat);
    }

    // Docker 28's direct-routing drops live in raw PREROUTING; an empty one says nothing.
    Group raw{tr("raw table (read-only)"), {}};
    const auto *prerouting = find(QStringLiteral("raw"), QStringLiteral("PREROUTING"));
    if (prerouting && !prerouting->rules.isEmpty()) {
        raw.entries.append(
            {prerouting->table, prerouting->name, int(prerouting->rules.size()), false, true});
        m_groups.append(raw);
    }
    for (Group &group : m_groups) {
        for (Entry &entry : group.entries) {
            entry.description = ChainDescriptions::describe(entry.table, entry.name, snapshot);
        }
    }
    endResetModel();
}

QModelIndex ChainListModel::chainIndex(const QString &table, const QString &chain) const
{
    for (int g = 0; g < m_groups.size(); ++g) {
        for (int e = 0; e < m_groups.at(g).entries.size(); ++e) {
            const Entry &entry = m_groups.at(g).entries.at(e);
            if (entry.table == table && entry.name == chain) {
                return createIndex(e, 0, quintptr(g + 1));
            }
        }
    }
    return QModelIndex();
}

int ChainListModel::dockerChainCount() const
{
    int count = 0;
    for (const Group &g : m_groups) {
        for (const Entry &e : g.entries) {
            if (e.table == QLatin1String("filter") && ChainDescriptions::isDockerChain(e.name)) {
                ++count;
            }
        }
    }
    return count;
}

QModelIndex ChainListModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent)) {
        return QModelIndex();
    }
    if (!parent.isValid()) {
        return createIndex(row, column, GroupId);
    }
    return createIndex(row, column, quintptr(parent.row() + 1));
}

QModelIndex ChainListModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == GroupId) {
        return QModelIndex();
    }
    return createIndex(int(child.internalId() - 1), 0, GroupId);
}

int ChainListModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid()) {
        return int(m_groups.size());
    }
    if (parent.column() != 0 || parent.internalId() != GroupId) {
        return 0;
    }
    return int(m_groups.at(parent.row()).entries.size());
}

int ChainListModel::columnCount(const QModelIndex &) const
{
    return 1;
}

QVariant ChainListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) {
        return QVariant();
    }
    if (index.internalId() == GroupId) {
        const Group &group = m_groups.at(index.row());
        if (role == Qt::DisplayRole) {
            return group.title;
        }
        if (role == Qt::FontRole) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return QVariant();
    }
    const Entry &entry = m_groups.at(int(index.internalId() - 1)).entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        if (!entry.present) {
            return tr("%1 (missing)").arg(entry.name);
        }
        if (entry.leftOver == FirewallMode::LeftOver::Active) {
            return tr("%1 (left over, active)").arg(entry.name);
        }
        if (entry.leftOver == FirewallMode::LeftOver::Inactive) {
            return tr("%1 (left over, inactive)").arg(entry.name);
        }
        if (entry.table == QLatin1String("filter")) {
            return entry.name;
        }
        return tr("%1 (%2)").arg(entry.name, entry.table);
    case Qt::ToolTipRole:
    case DescriptionRole:
        if (entry.leftOver == FirewallMode::LeftOver::Active) {
            return tr("Left over from Docker's iptables mode. FORWARD still jumps here, so the "
                      "kernel still applies these rules.");
        }
        if (entry.leftOver == FirewallMode::LeftOver::Inactive) {
            return tr("Left over from Docker's iptables mode. Nothing jumps here: these rules "
                      "have no effect.");
        }
        return entry.description;
    case Qt::DecorationRole:
        return QIcon(entry.editable ? QStringLiteral(":/icons/edit.svg")
                                    : QStringLiteral(":/icons/lock.svg"));
    case Qt::ForegroundRole:
        // Read-only chains look read-only, and so does a chain the kernel no longer uses.
        return entry.editable && entry.leftOver != FirewallMode::LeftOver::Inactive
                   ? QVariant()
                   : QVariant(QPalette().color(QPalette::PlaceholderText));
    case Qt::AccessibleDescriptionRole:
        return entry.editable ? tr("editable") : tr("read-only");
    case TableRole:
        return entry.table;
    case ChainRole:
        return entry.name;
    case EditableRole:
        return entry.editable;
    default:
        return QVariant();
    }
}

Qt::ItemFlags ChainListModel::flags(const QModelIndex &index) const
{
    if (!index.isValid()) {
        return Qt::NoItemFlags;
    }
    if (index.internalId() == GroupId) {
        return Qt::ItemIsEnabled;
    }
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

#include "exposuremodel.h"

#include "ruleset.h"
#include "themecolors.h"

#include <QGuiApplication>
#include <QHash>
#include <QMap>

using Userchain::Exposure;
using Userchain::ExposureSummary;
using Userchain::Family;
using Userchain::PortExposure;
using Userchain::PublishedPort;
using Userchain::Ruleset;

namespace {

struct FamilyPorts
{
    QVector<PortExposure> ports;
    QStringList bridges;
};

FamilyPorts evaluate(const Userchain::Snapshot *snapshot)
{
    if (!snapshot)
        return {};
    const Ruleset rs = Ruleset::fromSnapshot(*snapshot);
    return {Exposure::compute(rs), rs.bridges()};
}

/// Ports pair up across families by what is published: port range and protocol.
QString pairKey(const PublishedPort &p)
{
    return QStringLiteral("%1-%2/%3").arg(p.hostPorts.first).arg(p.hostPorts.last).arg(p.protocol);
}

ExposureModel::Cell evaluated(const PortExposure &pe, Family family, const QStringList &bridges)
{
    ExposureModel::Cell cell;
    cell.kind = ExposureModel::Cell::Kind::Evaluated;
    cell.port = pe.port;
    cell.summary = ExposureSummary::of(pe, family, bridges);
    return cell;
}

/// The other family's cell when it has no DNAT for a port `published` in this one.
ExposureModel::Cell missing(const ExposureModel::Cell &published)
{
    ExposureModel::Cell cell;
    cell.port = published.port;
    // Published on every address: Docker's userland proxy listens on both families' wildcard
    // address, and a family without DNAT for the port reaches the proxy through INPUT.
    cell.kind = published.port.hostAddress ? ExposureModel::Cell::Kind::NotPublished
                                           : ExposureModel::Cell::Kind::UserlandProxy;
    return cell;
}

bool isOpen(const ExposureModel::Cell &c)
{
    using R = ExposureSummary::Reach;
    return c.kind == ExposureModel::Cell::Kind::UserlandProxy ||
           (c.kind == ExposureModel::Cell::Kind::Evaluated &&
            (c.summary.reach == R::Anyone || c.summary.reach == R::Depends));
}

QStringList warningsOf(const ExposureModel::Row &row)
{
    using K = ExposureModel::Cell::Kind;
    using R = ExposureSummary::Reach;
    QStringList w;
    for (const ExposureModel::Cell *c : {&row.v4, &row.v6}) {
        if (c->kind == K::Evaluated && !c->port.hostAddress && c->summary.reach == R::Anyone) {
            w << ExposureModel::tr("Published on all addresses and open to anyone: bind it to "
                                   "one address (-p 127.0.0.1:PORT:PORT) or restrict it in "
                                   "DOCKER-USER.");
            break;
        }
    }
    const bool v4Restricted = row.v4.kind == K::Evaluated && row.v4.summary.reach != R::Anyone &&
                              row.v4.summary.reach != R::Depends;
    if (v4Restricted && isOpen(row.v6))
        w << ExposureModel::tr("IPv6 is open while IPv4 is restricted: add the same rules to "
                               "IPv6.");
    for (const ExposureModel::Cell *c : {&row.v4, &row.v6}) {
        if (c->kind == K::UserlandProxy) {
            w << ExposureModel::tr("%1 may be served by Docker's userland proxy (docker-proxy): "
                                   "filter INPUT decides, DOCKER-USER does not see that traffic.")
                     .arg(c == &row.v4 ? QStringLiteral("IPv4") : QStringLiteral("IPv6"));
        }
    }
    return w;
}

} // namespace

ExposureModel::ExposureModel(QObject *parent) : QAbstractTableModel(parent) {}

QVector<ExposureModel::Row> ExposureModel::build(const Input &input)
{
    const FamilyPorts v4 = evaluate(input.v4);
    const FamilyPorts v6 = evaluate(input.v6);
    // Keys in the order the ports appear (IPv4 first), each family's ports in DNAT order.
    QStringList keys;
    QHash<QString, QVector<const PortExposure *>> byKey4, byKey6;
    for (const PortExposure &pe : v4.ports) {
        const QString k = pairKey(pe.port);
        if (!keys.contains(k))
            keys << k;
        byKey4[k].append(&pe);
    }
    for (const PortExposure &pe : v6.ports) {
        const QString k = pairKey(pe.port);
        if (!keys.contains(k))
            keys << k;
        byKey6[k].append(&pe);
    }
    QVector<Row> rows;
    for (const QString &k : std::as_const(keys)) {
        const auto &a = byKey4[k];
        const auto &b = byKey6[k];
        for (int i = 0; i < std::max(a.size(), b.size()); ++i) {
            Row row;
            if (i < a.size())
                row.v4 = evaluated(*a[i], Family::IPv4, v4.bridges);
            if (i < b.size())
                row.v6 = evaluated(*b[i], Family::IPv6, v6.bridges);
            if (i >= a.size())
                row.v4 = missing(row.v6);
            if (i >= b.size())
                row.v6 = missing(row.v4);
            const bool has4 = row.v4.kind == Cell::Kind::Evaluated;
            const bool has6 = row.v6.kind == Cell::Kind::Evaluated;
            const Cell &first = has4 ? row.v4 : row.v6;
            const Family f = has4 ? Family::IPv4 : Family::IPv6;
            row.port = ExposureSummary::portText(first.port, f);
            row.container = ExposureSummary::containerText(first.port, f);
            if (has4 && has6)
                row.container += QStringLiteral(", ") +
                                 ExposureSummary::containerText(row.v6.port, Family::IPv6);
            row.warnings = warningsOf(row);
            rows.append(row);
        }
    }
    return rows;
}

void ExposureModel::setRows(const QVector<Row> &rows)
{
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

const ExposureModel::Row *ExposureModel::row(int index) const
{
    return index >= 0 && index < m_rows.size() ? &m_rows.at(index) : nullptr;
}

int ExposureModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ExposureModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ExposureModel::cellText(const Cell &cell)
{
    switch (cell.kind) {
    case Cell::Kind::Evaluated:
        return cell.summary.text;
    case Cell::Kind::NotPublished:
        return tr("not published");
    case Cell::Kind::UserlandProxy:
        return tr("may be open via docker-proxy (INPUT decides)");
    }
    return {};
}

QVariant ExposureModel::data(const QModelIndex &index, int role) const
{
    const Row *r = row(index.row());
    if (!r)
        return {};
    const Cell *cell = index.column() == IPv4Column   ? &r->v4
                       : index.column() == IPv6Column ? &r->v6
                                                      : nullptr;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case PortColumn:
            return r->port;
        case ContainerColumn:
            return r->container;
        case IPv4Column:
        case IPv6Column:
            return cellText(*cell);
        case WarningColumn:
            return r->warnings.isEmpty() ? QString() : r->warnings.first();
        }
        break;
    case Qt::ToolTipRole:
        if (cell && cell->kind == Cell::Kind::Evaluated)
            return cell->summary.parts.join(QLatin1Char('\n'));
        if (index.column() == WarningColumn && !r->warnings.isEmpty())
            return r->warnings.join(QLatin1Char('\n'));
        return cell ? cellText(*cell) : QVariant();
    case Qt::ForegroundRole:
        if (index.column() == WarningColumn && !r->warnings.isEmpty())
            return ThemeColors::errorText(QGuiApplication::palette());
        break;
    case ReachRole:
        return cell && cell->kind == Cell::Kind::Evaluated ? int(cell->summary.reach) : -1;
    case WarningRole:
        return !r->warnings.isEmpty();
    }
    return {};
}

QVariant ExposureModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case PortColumn:
        return tr("Published port");
    case ContainerColumn:
        return tr("Container");
    case IPv4Column:
        return tr("IPv4: who can connect");
    case IPv6Column:
        return tr("IPv6: who can connect");
    case WarningColumn:
        return tr("Warning");
    }
    return {};
}

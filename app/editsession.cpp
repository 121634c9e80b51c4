#include "editsession.h"

#include "ruletablemodel.h"
#include "stateexplainer.h"

#include <QSet>
#include <QUndoStack>

using Userchain::ChainInfo;
using Userchain::Snapshot;

namespace {
const ChainInfo *findChain(const Snapshot &snapshot, const QString &table, const QString &name)
{
    for (const ChainInfo &c : snapshot.chains) {
        if (c.table == table && c.name == name) {
            return &c;
        }
    }
    return nullptr;
}

const ChainInfo *dockerUser(const Snapshot &snapshot)
{
    return findChain(snapshot, QStringLiteral("filter"), QStringLiteral("DOCKER-USER"));
}

QStringList specsOf(const ChainInfo *chain)
{
    QStringList specs;
    if (chain) {
        specs.reserve(chain->rules.size());
        for (const Userchain::RuleEntry &entry : chain->rules) {
            specs << entry.spec;
        }
    }
    return specs;
}
} // namespace

EditSession::EditSession(Userchain::Family family, QObject *parent)
    : QObject(parent), m_undoStack(new QUndoStack(this)), m_family(family)
{
    m_model = new RuleTableModel(m_undoStack, this);
    m_model->setFamily(family);
}

const ChainInfo *EditSession::chain(const QString &table, const QString &name) const
{
    return findChain(m_snapshot, table, name);
}

bool EditSession::isEditable() const
{
    return m_hasSnapshot && StateExplainer::isEditable(m_snapshot);
}

QStringList EditSession::baselineSpecs() const
{
    return specsOf(dockerUser(m_snapshot));
}

QStringList EditSession::liveSpecs() const
{
    return specsOf(dockerUser(latestSnapshot()));
}

Userchain::ApplyRuleList EditSession::applyRules() const
{
    Userchain::ApplyRuleList rules;
    rules.reserve(m_model->rowCount());
    for (const RuleRow &row : m_model->rules()) {
        rules.append(Userchain::ApplyRule{row.spec, row.verbatimId});
    }
    return rules;
}

bool EditSession::isModified() const
{
    const ChainInfo *du = dockerUser(m_snapshot);
    const QVector<RuleRow> &rows = m_model->rules();
    const int baselineCount = du ? int(du->rules.size()) : 0;
    if (rows.size() != baselineCount) {
        return true;
    }
    for (int i = 0; i < baselineCount; ++i) {
        const Userchain::RuleEntry &entry = du->rules.at(i);
        if (rows.at(i).spec != entry.spec || rows.at(i).verbatimId != entry.verbatimId) {
            return true;
        }
    }
    return false;
}

void EditSession::setBaseline(const Snapshot &snapshot)
{
    m_snapshot = snapshot;
    m_hasSnapshot = true;
    m_changedOutside = false;
    m_lastRefresh = QDateTime::currentDateTime();
    QSet<QString> chains;
    for (const ChainInfo &c : snapshot.chains) {
        if (c.table == QLatin1String("filter")) {
            chains.insert(c.name);
        }
    }
    m_model->setKnownChains(chains);
}

void EditSession::load(const Snapshot &snapshot)
{
    setBaseline(snapshot);
    QVector<RuleRow> rows;
    if (const ChainInfo *du = dockerUser(snapshot)) {
        rows.reserve(du->rules.size());
        for (int i = 0; i < du->rules.size(); ++i) {
            const Userchain::RuleEntry &entry = du->rules.at(i);
            RuleRow row = m_model->makeRow(entry.spec);
            row.verbatimId = entry.verbatimId;
            row.unknownExtensions = entry.unknownExtensions;
            row.packets = entry.packets;
            row.bytes = entry.bytes;
            row.hasCounters = true;
            row.baselineIndex = i;
            rows.append(row);
        }
    }
    // History refers to rows of the old table; it cannot be replayed on a new one.
    m_undoStack->clear();
    m_model->resetRules(rows);
    m_undoStack->setClean();
    emit snapshotChanged();
}

void EditSession::rebase(const Snapshot &snapshot)
{
    setBaseline(snapshot);
    emit snapshotChanged();
}

EditSession::Outcome EditSession::receiveSnapshot(const Snapshot &snapshot)
{
    if (m_hasSnapshot && snapshot.revision == m_snapshot.revision &&
        snapshot.family == m_snapshot.family) {
        // Same DOCKER-USER: keep the edits, take fresh counters and Docker's chains.
        QVector<QPair<quint64, quint64>> counters;
        if (const ChainInfo *du = dockerUser(snapshot)) {
            for (const Userchain::RuleEntry &entry : du->rules) {
                counters.append({entry.packets, entry.bytes});
            }
        }
        setBaseline(snapshot);
        m_model->updateCounters(counters);
        emit countersChanged();
        return Outcome::CountersUpdated;
    }
    if (m_hasSnapshot && isModified()) {
        m_pending = snapshot;
        m_changedOutside = true;
        return Outcome::ChangedOutside;
    }
    load(snapshot);
    return Outcome::Loaded;
}

#include "editsession.h"

#include "rebasecommand.h"
#include "rulediff.h"
#include "rulerebase.h"
#include "ruletablemodel.h"
#include "stateexplainer.h"

#include <QCryptographicHash>
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

/// What RuleRebase compares: the text. A verbatim rule's text is only a best effort, so it
/// never equals a rule the parser reads.
QString rebaseKey(const QString &spec, const QString &verbatimId)
{
    return verbatimId.isEmpty() ? spec : QStringLiteral("\x01verbatim ") + spec;
}

QStringList rebaseKeys(const ChainInfo *chain)
{
    QStringList keys;
    if (chain) {
        keys.reserve(chain->rules.size());
        for (const Userchain::RuleEntry &entry : chain->rules) {
            keys << rebaseKey(entry.spec, entry.verbatimId);
        }
    }
    return keys;
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

Snapshot EditSession::editedSnapshot() const
{
    Snapshot edited = latestSnapshot();
    for (ChainInfo &c : edited.chains) {
        if (c.table != QLatin1String("filter") || c.name != QLatin1String("DOCKER-USER"))
            continue;
        c.rules.clear();
        c.rules.reserve(m_model->rowCount());
        for (const RuleRow &row : m_model->rules()) {
            Userchain::RuleEntry entry;
            entry.spec = row.spec;
            entry.verbatimId = row.verbatimId;
            entry.unknownExtensions = row.unknownExtensions;
            entry.packets = row.packets;
            entry.bytes = row.bytes;
            c.rules.append(entry);
        }
    }
    return edited;
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
    m_summary = RebaseSummary();
    // History refers to rows of the old table; it cannot be replayed on a new one.
    m_undoStack->clear();
    m_model->resetRules(rows);
    m_undoStack->setClean();
    emit snapshotChanged();
}

void EditSession::rebase(const Snapshot &snapshot)
{
    const ChainInfo *baseChain = dockerUser(m_snapshot);
    const ChainInfo *theirsChain = dockerUser(snapshot);
    const QStringList theirs = rebaseKeys(theirsChain);
    const QVector<RuleRow> &rows = m_model->rules();
    QVector<Userchain::RuleRebase::MineRule> mine;
    mine.reserve(rows.size());
    for (const RuleRow &row : rows) {
        mine.append({rebaseKey(row.spec, row.verbatimId),
                     row.baselineIndex >= 0 ? row.baselineIndex : row.editedFrom});
    }
    const Userchain::RuleRebase::Result merged =
        Userchain::RuleRebase::merge(rebaseKeys(baseChain), mine, theirs);

    BaselineState after;
    after.snapshot = snapshot;
    RebaseSummary &summary = after.summary;
    summary.rebased = true;
    summary.removedOutside = merged.removedOutside;
    QVector<RuleRow> result;
    result.reserve(merged.entries.size());
    QStringList resultSpecs;
    resultSpecs.reserve(merged.entries.size());
    for (const Userchain::RuleRebase::Entry &e : merged.entries) {
        RuleRow row;
        if (e.mineIndex < 0 ||
            (e.theirsIndex >= 0 && mine.at(e.mineIndex).key == theirs.at(e.theirsIndex))) {
            // The kernel's rule: its entry (a verbatim id is the new read's), its counters.
            const Userchain::RuleEntry &entry = theirsChain->rules.at(e.theirsIndex);
            row = e.mineIndex >= 0 ? rows.at(e.mineIndex) : m_model->makeRow(entry.spec);
            if (row.spec != entry.spec) {
                row.setSpec(entry.spec);
            }
            row.verbatimId = entry.verbatimId;
            row.unknownExtensions = entry.unknownExtensions;
            row.packets = entry.packets;
            row.bytes = entry.bytes;
            row.hasCounters = true;
            row.baselineIndex = e.theirsIndex;
            row.editedFrom = -1;
            row.addedOutside = row.addedOutside || e.addedOutside;
        } else {
            // The user's rule, or the user's edit of the kernel's rule e.theirsIndex.
            row = rows.at(e.mineIndex);
            row.baselineIndex = -1;
            row.editedFrom = e.theirsIndex;
        }
        summary.keptOutside += row.addedOutside ? 1 : 0;
        resultSpecs << row.spec;
        result.append(row);
    }
    summary.edits = int(Userchain::RuleDiff::compute(specsOf(theirsChain), resultSpecs).size());
    for (const Userchain::RuleRebase::Conflict &c : merged.conflicts) {
        RebaseConflict conflict;
        conflict.kind = RebaseConflict::Kind(int(c.kind));
        conflict.baseSpec = baseChain->rules.at(c.baseIndex).spec;
        conflict.mineSpec = c.mineIndex >= 0 ? rows.at(c.mineIndex).spec : QString();
        conflict.theirsSpec =
            c.theirsIndex >= 0 ? theirsChain->rules.at(c.theirsIndex).spec : QString();
        summary.conflicts.append(conflict);
    }
    m_undoStack->push(new RebaseCommand(this, result, baselineState(), after,
                                        tr("Keep my edits on top of the system's rules")));
}

EditSession::BaselineState EditSession::baselineState() const
{
    return {m_snapshot, m_pending, m_changedOutside, m_summary};
}

void EditSession::restoreBaselineState(const BaselineState &state)
{
    setBaseline(state.snapshot);
    m_pending = state.pending;
    m_changedOutside = state.changedOutside;
    m_summary = state.summary;
    emit snapshotChanged();
}

QByteArray EditSession::dockerState(const Snapshot &snapshot)
{
    QCryptographicHash hash(QCryptographicHash::Sha1);
    for (const ChainInfo &chain : snapshot.chains) {
        if (chain.editable) {
            continue; // DOCKER-USER: the table is what counts, and it has its own signals
        }
        hash.addData(chain.table.toUtf8());
        hash.addData(chain.name.toUtf8());
        for (const Userchain::RuleEntry &rule : chain.rules) {
            hash.addData(rule.spec.toUtf8());
        }
    }
    // A container that stops or starts makes an address unused or used again.
    hash.addData(snapshot.containersRead ? "containers" : "no containers");
    for (const Userchain::ContainerAddress &c : snapshot.containers) {
        hash.addData(
            QStringList{c.name, c.network, c.address, QString::number(c.prefixLength), c.gateway}
                .join(QLatin1Char('\n'))
                .toUtf8());
    }
    for (const Userchain::IpsetInfo &set : snapshot.ipsets) {
        hash.addData(set.name.toUtf8());
        hash.addData(set.entries);
    }
    return hash.result();
}

EditSession::Outcome EditSession::receiveSnapshot(const Snapshot &snapshot)
{
    // A refresh that keeps DOCKER-USER may still bring other Docker chains (a container
    // published a port), containers or sets: what the rules do changes with them.
    const bool dockerChanged =
        m_hasSnapshot && dockerState(latestSnapshot()) != dockerState(snapshot);
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
        if (dockerChanged) {
            emit dockerStateChanged();
        }
        return Outcome::CountersUpdated;
    }
    if (m_hasSnapshot && isModified()) {
        m_pending = snapshot;
        m_changedOutside = true;
        if (dockerChanged) {
            emit dockerStateChanged();
        }
        return Outcome::ChangedOutside;
    }
    load(snapshot);
    return Outcome::Loaded;
}

#pragma once

#include "dbustypes.h"
#include "rule.h"

#include <QDateTime>
#include <QObject>

class QUndoStack;
class RuleTableModel;

/**
 * What the user is editing in one address family and what it is based on: the last snapshot
 * the helper reported (the baseline, whose revision Apply must quote), the DOCKER-USER model
 * and its own undo stack. It decides what a new snapshot means for the edits in progress.
 */
class EditSession final : public QObject
{
    Q_OBJECT
public:
    enum class Outcome {
        Loaded,          ///< the table now shows the snapshot (no edits were pending)
        CountersUpdated, ///< same revision: only counters (and Docker's chains) changed
        ChangedOutside,  ///< DOCKER-USER changed under pending edits; see pendingSnapshot()
    };

    explicit EditSession(Userchain::Family family = Userchain::Family::IPv4,
                         QObject *parent = nullptr);

    RuleTableModel *model() const { return m_model; }
    QUndoStack *undoStack() const { return m_undoStack; }

    bool hasSnapshot() const { return m_hasSnapshot; }
    const Userchain::Snapshot &snapshot() const { return m_snapshot; }
    const Userchain::Snapshot &pendingSnapshot() const { return m_pending; }
    /// What the helper reported last, whether or not it became the baseline.
    const Userchain::Snapshot &latestSnapshot() const
    {
        return m_changedOutside ? m_pending : m_snapshot;
    }
    /// DOCKER-USER of latestSnapshot(): the rules active in the kernel as far as we know.
    QStringList liveSpecs() const;
    QDateTime lastRefresh() const { return m_lastRefresh; }
    const Userchain::ChainInfo *chain(const QString &table, const QString &name) const;
    Userchain::Family family() const { return m_family; }
    /// DOCKER-USER can be shown and edited: a snapshot, and no state that blocks the table
    /// (no backend, nftables mode, Docker set not to touch iptables); the chain may be missing.
    bool isEditable() const;

    /// DOCKER-USER as the helper reported it.
    QStringList baselineSpecs() const;
    /// What Apply sends: every row's text, or its verbatim id.
    Userchain::ApplyRuleList applyRules() const;
    /// True if the table differs from the baseline.
    bool isModified() const;

    Outcome receiveSnapshot(const Userchain::Snapshot &snapshot);
    /// Shows `snapshot` as it is; edits and undo history are dropped.
    void load(const Userchain::Snapshot &snapshot);
    /// Takes `snapshot` as the new baseline but keeps the table as edited (reload and reapply).
    void rebase(const Userchain::Snapshot &snapshot);

signals:
    void snapshotChanged();
    void countersChanged();

private:
    void setBaseline(const Userchain::Snapshot &snapshot);

    RuleTableModel *m_model;
    QUndoStack *m_undoStack;
    Userchain::Snapshot m_snapshot;
    Userchain::Snapshot m_pending;
    Userchain::Family m_family;
    bool m_hasSnapshot = false;
    bool m_changedOutside = false;
    QDateTime m_lastRefresh;
};

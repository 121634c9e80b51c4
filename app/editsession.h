#pragma once

#include "dbustypes.h"
#include "rule.h"

#include <QDateTime>
#include <QObject>
#include <QVector>

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

    /// A rule changed both in the table and outside Userchain, and what the rebase kept.
    struct RebaseConflict
    {
        enum class Kind {
            EditedRemovedOutside, ///< the user's version is kept as a new rule
            EditedChangedOutside, ///< both versions are kept
            DeletedChangedOutside ///< the version changed outside is kept (marked)
        };
        Kind kind = Kind::EditedRemovedOutside;
        QString baseSpec;   ///< the rule as it was
        QString mineSpec;   ///< the user's version, empty if deleted
        QString theirsSpec; ///< the version outside, empty if removed there
    };

    /// What the last rebase did, for the banner; `rebased` is false after load().
    struct RebaseSummary
    {
        bool rebased = false;
        int keptOutside = 0;    ///< rules added outside, kept and marked
        int removedOutside = 0; ///< rules removed outside that the table still had unchanged
        int edits = 0;          ///< the user's changes against the new rules (the review's lines)
        QVector<RebaseConflict> conflicts;
    };

    /// The baseline and what is known about it; a RebaseCommand switches between two.
    struct BaselineState
    {
        Userchain::Snapshot snapshot;
        Userchain::Snapshot pending;
        bool changedOutside = false;
        RebaseSummary summary;
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
    /**
     * latestSnapshot() with DOCKER-USER as the table shows it now: what the kernel would hold
     * after Apply. The evaluator (exposure, traces, lints) reads this, so it follows the edits.
     */
    Userchain::Snapshot editedSnapshot() const;
    /// What Apply sends: every row's text, or its verbatim id.
    Userchain::ApplyRuleList applyRules() const;
    /// True if the table differs from the baseline.
    bool isModified() const;

    /// DOCKER-USER changed under the edits (pendingSnapshot()) and no choice was made yet.
    bool isChangedOutside() const { return m_changedOutside; }
    const RebaseSummary &rebaseSummary() const { return m_summary; }

    Outcome receiveSnapshot(const Userchain::Snapshot &snapshot);
    /// Shows `snapshot` as it is; edits and undo history are dropped.
    void load(const Userchain::Snapshot &snapshot);
    /**
     * Takes `snapshot` as the new baseline and puts the edits on top of it (RuleRebase): rules
     * added outside stay where they are, marked; rules removed outside stay removed; the
     * user's additions, deletions, moves and edits stay. One undoable step; undoing it brings
     * back the table as it was and the "changed outside" state.
     */
    void rebase(const Userchain::Snapshot &snapshot);

    // Used by RebaseCommand only.
    BaselineState baselineState() const;
    void restoreBaselineState(const BaselineState &state);

    /// A digest of what a snapshot holds besides DOCKER-USER: Docker's other chains (rules
    /// without counters), the running containers and the sets read.
    static QByteArray dockerState(const Userchain::Snapshot &snapshot);

signals:
    void snapshotChanged();
    void countersChanged();
    /// A refresh kept DOCKER-USER but changed dockerState() of latestSnapshot() (with or
    /// without countersChanged()): exposure, lints and traces depend on it.
    void dockerStateChanged();

private:
    void setBaseline(const Userchain::Snapshot &snapshot);

    RuleTableModel *m_model;
    QUndoStack *m_undoStack;
    Userchain::Snapshot m_snapshot;
    Userchain::Snapshot m_pending;
    Userchain::Family m_family;
    bool m_hasSnapshot = false;
    bool m_changedOutside = false;
    RebaseSummary m_summary;
    QDateTime m_lastRefresh;
};

#pragma once

#include "dbustypes.h"
#include "rule.h"

#include <QDateTime>
#include <QObject>

class QUndoStack;
class RuleTableModel;

/**
 * What the user is editing and what it is based on: the last snapshot the helper reported (the
 * baseline, whose revision Apply must quote), the DOCKER-USER model and its undo stack.
 * It decides what a new snapshot means for the edits in progress.
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

    explicit EditSession(QObject *parent = nullptr);

    RuleTableModel *model() const { return m_model; }
    QUndoStack *undoStack() const { return m_undoStack; }

    bool hasSnapshot() const { return m_hasSnapshot; }
    const Userchain::Snapshot &snapshot() const { return m_snapshot; }
    const Userchain::Snapshot &pendingSnapshot() const { return m_pending; }
    QDateTime lastRefresh() const { return m_lastRefresh; }
    const Userchain::ChainInfo *chain(const QString &table, const QString &name) const;
    Userchain::Family family() const;

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
    bool m_hasSnapshot = false;
    QDateTime m_lastRefresh;
};

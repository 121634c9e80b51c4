#pragma once

#include "helperclient.h"

#include <QVector>

/**
 * A helper without a bus for window tests: answers from the Snapshots it holds (one per family)
 * and applies rules to them, so the apply/confirm/rollback flow can be checked step by step;
 * keeps saved rules per family for Save/GetSaved/RestoreSaved. Replies are queued (as real
 * D-Bus replies arrive later), and a test can make the next call fail.
 */
class FakeHelperClient final : public HelperClient
{
    Q_OBJECT
public:
    explicit FakeHelperClient(QObject *parent = nullptr);

    void requestSnapshot(int family) override;
    void apply(int family, const Userchain::ApplyRuleList &rules, const QString &expectedRevision,
               uint confirmSeconds, uint flags) override;
    void confirm(const QString &transactionId) override;
    void rollback(const QString &transactionId) override;
    void save(int family) override;
    void requestSaved(int family) override;
    void restoreSaved(int family, uint flags) override;

    /// The rules "in the kernel"; a test may change them to simulate an outside change.
    Userchain::Snapshot system;
    /// The same for IPv6; without a backend set, the fake answers "no IPv6 chains".
    Userchain::Snapshot system6;
    Userchain::Snapshot &systemOf(int family) { return family == 6 ? system6 : system; }

    HelperError nextSnapshotError;
    HelperError nextApplyError;
    HelperError nextSaveError;
    HelperError nextSavedError;
    HelperError nextRestoreError;
    int snapshotRequests = 0; ///< IPv4 requests
    QVector<int> requestedFamilies;
    QVector<int> appliedFamilies;
    QVector<Userchain::ApplyRuleList> applies;
    QVector<uint> applyFlags;
    QVector<uint> confirmSeconds;
    QStringList confirms;
    QStringList rollbacks;
    /// What Save wrote, per family (index 0: IPv4, 1: IPv6); `hasSaved` false: no file.
    QStringList savedRules[2];
    bool hasSaved[2] = {false, false};
    QVector<int> saves;
    QVector<int> savedRequests;
    QVector<QPair<int, uint>> restores;

    /// As the helper's own timer does: restore and send RolledBack.
    void expire(const QString &reason = QStringLiteral("timeout"));

private:
    QStringList m_previous; ///< rules before a pending confirmed apply
    int m_pendingFamily = 4;
    QString m_pending;
    int m_counter = 0;
};

#pragma once

#include "helperclient.h"

#include <QVector>

/**
 * A helper without a bus for window tests: answers from a Snapshot it holds and applies rules
 * to it, so the apply/confirm/rollback flow can be checked step by step. Replies are queued
 * (as real D-Bus replies arrive later), and a test can make the next call fail.
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

    /// The rules "in the kernel"; a test may change them to simulate an outside change.
    Userchain::Snapshot system;
    HelperError nextSnapshotError;
    HelperError nextApplyError;
    int snapshotRequests = 0;
    QVector<Userchain::ApplyRuleList> applies;
    QVector<uint> applyFlags;
    QVector<uint> confirmSeconds;
    QStringList confirms;
    QStringList rollbacks;

    /// As the helper's own timer does: restore and send RolledBack.
    void expire();

private:
    QStringList m_previous; ///< rules before a pending confirmed apply
    QString m_pending;
    int m_counter = 0;
};

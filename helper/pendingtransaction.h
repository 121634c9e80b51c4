#pragma once

#include "backend.h"

#include <QDBusConnection>
#include <QDBusServiceWatcher>
#include <QObject>
#include <QString>
#include <QTimer>
#include <QVector>

namespace Userchain {

/**
 * A confirmed apply waiting for its confirmation: the rules DOCKER-USER held before, and the
 * two things that end the wait early or late. timedOut() fires when the confirmation window
 * closes; callerVanished() fires when the client that applied disconnects from the bus (a
 * crashed GUI or a killed `userchainctl` cannot confirm, so there is no point in waiting).
 *
 * The transaction only keeps state and watches; the helper does the rollback, under the same
 * lock and in the same atomic way as an apply.
 */
class PendingTransaction final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PendingTransaction)

public:
    PendingTransaction(const QString &id, const QString &caller, Family family,
                       QVector<BackendRule> previousRules, const QString &appliedRevision,
                       uint confirmSeconds, const QDBusConnection &bus, QObject *parent = nullptr);

    QString id() const { return m_id; }
    /// The unique bus name of the client that applied: the only receiver of RolledBack.
    QString caller() const { return m_caller; }
    Family family() const { return m_family; }
    const QVector<BackendRule> &previousRules() const { return m_previousRules; }
    /// The revision the apply produced: a rollback writes only over that very chain.
    QString appliedRevision() const { return m_appliedRevision; }

    /// Start the timer and the watch on the caller's name.
    void start();
    /// Stop watching (confirmed, rolled back, or a rollback is under way).
    void stop();

Q_SIGNALS:
    void timedOut();
    void callerVanished();

private:
    QString m_id;
    QString m_caller;
    Family m_family;
    QVector<BackendRule> m_previousRules;
    QString m_appliedRevision;
    QDBusConnection m_bus;
    QTimer m_timer;
    QDBusServiceWatcher m_watcher;
    bool m_stopped = false;
};

} // namespace Userchain

#pragma once

#include "applyjob.h"
#include "backend.h"
#include "callgate.h"
#include "dbustypes.h"

#include <QDBusConnection>
#include <QDBusContext>
#include <QDBusMessage>
#include <QDBusUnixFileDescriptor>
#include <QHash>
#include <QMap>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>
#include <functional>
#include <memory>

namespace Userchain {

class BackendWorker;
class PersistenceCalls;
class TransactionKeeper;

/**
 * The object behind io.github.userchain.Helper1. The generated Helper1Adaptor forwards the
 * interface's methods to the public slots below; nothing else of this class is on the bus.
 *
 * Every method answers later (QDBusContext::setDelayedReply): first polkit is asked about the
 * caller's unique bus name, asynchronously, then the arguments are checked, then the family's
 * BackendWorker parses the caller's rules, waits for the xtables lock and touches the kernel,
 * and the reply is sent when its result is back. This thread never waits for any of it. The
 * slots' return values are never used.
 */
class HelperService final : public QObject, protected QDBusContext
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HelperService)

public:
    struct Options
    {
        int idleTimeoutMs = 60 * 1000; ///< exit after this long with nothing to do
        int lockTimeoutMs = 10 * 1000; ///< give up waiting for the xtables lock (Busy)
    };

    /// Longest confirmation window a caller may ask for.
    static constexpr uint MaxConfirmSeconds = 3600;

    HelperService(const QDBusConnection &bus, const Options &options, QObject *parent = nullptr);
    ~HelperService() override;

public Q_SLOTS:
    Userchain::Snapshot GetSnapshot(int family);
    QString Apply(int family, const Userchain::ApplyRuleList &rules,
                  const QString &expectedRevision, uint confirmSeconds, uint flags,
                  QString &newRevision);
    QString ApplyFile(int family, const QDBusUnixFileDescriptor &data,
                      const QString &expectedRevision, uint confirmSeconds, uint flags,
                      QString &newRevision, QDBusUnixFileDescriptor &diff);
    void Confirm(const QString &transactionId);
    void Rollback(const QString &transactionId);
    QString Save(int family);
    bool GetSaved(int family, QStringList &rules, qlonglong &savedAt);
    QString RestoreSaved(int family, uint flags);

Q_SIGNALS:
    /// Nothing pending and no call for idleTimeoutMs: time to exit.
    void idle();

private:
    using Call = CallGate::Call;

    /// Takes the call for a delayed reply; false (answered Busy) if the CallLimiter refuses it.
    bool beginCall(Call *call, qint64 bytes = 0);
    /// beginCall() for Confirm and Rollback: an over-long id is refused before polkit.
    bool beginTransactionCall(Call *call, const QString &transactionId);
    /// false (and *error) for a revision longer than any the helper makes.
    static bool checkRevisionSize(const QString &revision, ApplyError *error);

    /// InvalidArgument unless family is 4 or 6; false once the call has been answered.
    bool checkFamily(const Call &call, int family);
    /// The checks Apply and ApplyFile share; false once the call has been answered.
    bool checkApplyArguments(const Call &call, int family, const QString &expectedRevision,
                             uint confirmSeconds, uint flags);
    BackendWorker *worker(Family family) const;
    void readSnapshot(const Call &call, Family family);
    /**
     * Admits a write (on the main thread, in the order calls arrive): Busy while a confirmed
     * apply is pending or on its way (dry runs excepted); a confirmed apply reserves the
     * transaction now, so that every later write is refused until it is kept or rolled back.
     * Then the family's worker runs the request, and the reply is sent from here.
     */
    void apply(const Call &call, const ApplyJob::Request &request);
    void applied(const Call &call, const ApplyJob::Request &request,
                 const ApplyJob::Outcome &outcome, bool reserved);
    void updateIdleTimer();

    QDBusConnection m_bus;
    Options m_options;
    CallGate *m_gate = nullptr;
    BackendWorker *m_workers[2] = {nullptr, nullptr}; ///< IPv4, IPv6
    TransactionKeeper *m_transactions = nullptr;
    PersistenceCalls *m_persistence = nullptr;
    QTimer m_idleTimer;
};

} // namespace Userchain

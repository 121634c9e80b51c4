#pragma once

#include "applyvalidator.h"
#include "backend.h"
#include "backendchooser.h"
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

class PersistenceCalls;
class TransactionKeeper;
class XtablesLock;

/**
 * The object behind io.github.userchain.Helper1. The generated Helper1Adaptor forwards the
 * interface's methods to the public slots below; nothing else of this class is on the bus.
 *
 * Every method answers later (QDBusContext::setDelayedReply): first polkit is asked about the
 * caller's unique bus name, asynchronously, then the arguments are checked, then the xtables
 * lock is awaited without blocking, and only then does a backend touch the kernel. The slots'
 * return values are never used.
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
    /// Busy while a confirmed apply is pending (dry runs excepted), BackendUnavailable where
    /// nothing can be written; false once the call has been answered with that error.
    bool writableBackend(const Call &call, Family family, uint flags,
                         BackendChooser::Choice *choice);
    void readSnapshot(const Call &call, Family family);
    /// What an Apply or ApplyFile asks for, its arguments checked and its rules parsed.
    struct ApplyRequest
    {
        ApplyRequest(Family family, const QString &expectedRevision, uint confirmSeconds,
                     uint flags)
            : family(family), expectedRevision(expectedRevision), confirmSeconds(confirmSeconds),
              flags(flags)
        {}

        Family family = Family::IPv4;
        QString expectedRevision; ///< empty with ApplyAnyRevision
        uint confirmSeconds = 0;
        uint flags = 0;
        bool withDiff = false; ///< ApplyFile: the reply carries the diff
        /// The rules to write, given DOCKER-USER as read under the lock (nullptr: missing).
        std::function<bool(const BackendChain *current, QVector<ApplyValidator::Item> *items,
                           ApplyError *error)>
            items;
    };

    /// The checks Apply and ApplyFile share; false once the call has been answered.
    bool checkApplyArguments(const Call &call, int family, const QString &expectedRevision,
                             uint confirmSeconds, uint flags);
    void applyChecked(const Call &call, ApplyRequest request);
    void applyLocked(const Call &call, const ApplyRequest &request);
    void updateIdleTimer();

    QDBusConnection m_bus;
    Options m_options;
    CallGate *m_gate = nullptr;
    XtablesLock *m_lock = nullptr;
    BackendChooser m_backends;
    TransactionKeeper *m_transactions = nullptr;
    PersistenceCalls *m_persistence = nullptr;
    QTimer m_idleTimer;
};

} // namespace Userchain

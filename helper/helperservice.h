#pragma once

#include "applyvalidator.h"
#include "backend.h"
#include "backenddetector.h"
#include "calllimiter.h"
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

class PendingTransaction;
class PolkitAuthorizer;
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
    /// The call being answered later, and what the reply needs.
    struct Call
    {
        QDBusMessage message;
        QString caller;   ///< unique bus name of the sender
        qint64 bytes = 0; ///< size of its arguments, as counted by the CallLimiter
    };

    struct BackendChoice
    {
        Backend *backend = nullptr; ///< nullptr: no backend can read or write this family here
        QString name;               ///< "legacy", "nft", "none"
        QString detail;
        QStringList warnings;
        bool writable = false;       ///< Apply may use this backend
        bool dockerNftables = false; ///< Docker 29's nftables firewall is in use
    };

    /// A detection and when it was made (see chooseBackend()).
    struct Detection
    {
        BackendDetection detection;
        qint64 madeAt = 0;
    };

    /// Takes the call for a delayed reply; false (answered Busy) if the CallLimiter refuses it.
    bool beginCall(Call *call, qint64 bytes = 0);
    /// beginCall() for Confirm and Rollback: an over-long id is refused before polkit.
    bool beginTransactionCall(Call *call, const QString &transactionId);
    /// false (and *error) for a revision longer than any the helper makes.
    static bool checkRevisionSize(const QString &revision, ApplyError *error);
    void finishCall(const Call &call, const QVariantList &results);
    void finishWithError(const Call &call, const char *errorName, const QString &message);
    void finishWithError(const Call &call, const ApplyError &error);
    void authorize(const Call &call, const QString &action, const QMap<QString, QString> &details,
                   std::function<void()> then);

    /// Busy while a confirmed apply is pending (dry runs excepted), BackendUnavailable where
    /// nothing can be written; false once the call has been answered with that error.
    /// InvalidArgument unless family is 4 or 6; false once the call has been answered.
    bool checkFamily(const Call &call, int family);
    bool writableBackend(const Call &call, Family family, uint flags, BackendChoice *choice);
    BackendChoice chooseBackend(Family family);
    void forgetDetection();
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
    void confirmAuthorized(const Call &call, const QString &transactionId);
    /// Restore the previous rules of the pending transaction; reason goes into RolledBack.
    void rollBack(const QString &reason, std::function<void(bool ok, const QString &error)> done);
    void rollBackAttempt(const QString &reason, int attempt,
                         std::function<void(bool ok, const QString &error)> done);
    PendingTransaction *pendingFor(const QString &transactionId) const;
    void saveAuthorized(const Call &call, Family family);
    void restoreSavedAuthorized(const Call &call, Family family, uint flags);
    void updateIdleTimer();

    QDBusConnection m_bus;
    Options m_options;
    PolkitAuthorizer *m_authorizer = nullptr;
    XtablesLock *m_lock = nullptr;
    QHash<int, Detection> m_detections;                  ///< by family
    QHash<QString, std::shared_ptr<Backend>> m_backends; ///< by backend name
    QPointer<PendingTransaction> m_pending;
    bool m_rollingBack = false;
    CallLimiter m_limiter;
    QTimer m_idleTimer;
};

} // namespace Userchain

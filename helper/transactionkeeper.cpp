#include "transactionkeeper.h"

#include "chainwriter.h"
#include "dbustypes.h"
#include "pendingtransaction.h"

#include <QDBusMessage>
#include <QRandomGenerator>
#include <QTimer>

#include <cstdio>

namespace Userchain {

namespace {
const QString ObjectPath = QStringLiteral("/io/github/userchain/Helper1");
const QString InterfaceName = QStringLiteral("io.github.userchain.Helper1");
// A rollback must not be dropped because iptables held the lock once: retry for a while.
constexpr int RollbackAttempts = 30;
constexpr int RollbackRetryMs = 1000;
// Longer ids are refused before authorization (HelperService).
constexpr int MaxTransactionIdLength = 64;

void log(const QString &text)
{
    // stderr of an activated service ends up in the bus daemon's log or the journal.
    std::fprintf(stderr, "userchain-helper: %s\n", qPrintable(text));
}

QString randomId()
{
    const auto part = []() {
        return QByteArray::number(QRandomGenerator::system()->generate64(), 16)
            .rightJustified(16, '0');
    };
    return QString::fromLatin1(part() + part());
}
} // namespace

TransactionKeeper::TransactionKeeper(const QDBusConnection &bus, BackendWorker::ForFamily workers,
                                     QObject *parent)
    : QObject(parent), m_bus(bus), m_workers(std::move(workers))
{}

TransactionKeeper::~TransactionKeeper() = default;

bool TransactionKeeper::busy() const
{
    return m_reserved || m_pending || m_rollingBack;
}

QString TransactionKeeper::start(const QString &caller, Family family,
                                 QVector<BackendRule> previous, const QString &appliedRevision,
                                 uint confirmSeconds)
{
    const QString id = randomId();
    auto *transaction = new PendingTransaction(id, caller, family, std::move(previous),
                                               appliedRevision, confirmSeconds, m_bus, this);
    connect(transaction, &PendingTransaction::timedOut, this,
            [this]() { rollBack(QStringLiteral("timeout"), {}); });
    connect(transaction, &PendingTransaction::callerVanished, this,
            [this]() { rollBack(QStringLiteral("disconnected"), {}); });
    m_pending = transaction;
    m_reserved = false;
    transaction->start();
    Q_EMIT busyChanged();
    return id;
}

bool TransactionKeeper::admit(CallGate *gate, const CallGate::Call &call, bool dryRun, bool reserve)
{
    if (dryRun)
        return true;
    if (busy()) {
        gate->fail(call, DBusError::Busy,
                   QStringLiteral("another confirmed apply is waiting for confirmation"));
        return false;
    }
    // A confirmed apply must own the transaction lock for its whole window, taken before
    // anything is written: a `--restore-saved` running now would otherwise write over it.
    QString error;
    if (reserve && !this->reserve(&error)) {
        gate->fail(call, DBusError::Busy, error);
        return false;
    }
    return true;
}

bool TransactionKeeper::reserve(QString *error)
{
    bool contended = false;
    if (m_transactionLock.tryHold(&contended, error)) {
        m_reserved = true;
        Q_EMIT busyChanged();
        return true;
    }
    if (contended)
        *error = QStringLiteral("the saved rules are being restored (%1); try again").arg(*error);
    return false;
}

void TransactionKeeper::unreserve()
{
    if (!m_reserved)
        return;
    m_reserved = false;
    if (!m_pending)
        m_transactionLock.release();
    Q_EMIT busyChanged();
}

PendingTransaction *TransactionKeeper::pendingFor(const QString &transactionId) const
{
    // An empty id names the one pending transaction (there is never more than one); whether
    // the caller may act on it is HelperService::withTransaction's decision.
    if (!m_pending || m_rollingBack)
        return nullptr;
    if (!transactionId.isEmpty() && transactionId != m_pending->id())
        return nullptr;
    return m_pending;
}

void TransactionKeeper::confirm()
{
    if (!m_pending)
        return;
    m_pending->stop();
    m_pending->deleteLater();
    m_pending = nullptr;
    // Kept: nothing will write the previous rules back, so the restore may run again.
    m_transactionLock.release();
    Q_EMIT busyChanged();
}

void TransactionKeeper::rollBack(const QString &reason, Done done)
{
    if (!m_pending || m_rollingBack) {
        if (done)
            done(Outcome::Failed, QStringLiteral("no pending transaction"));
        return;
    }
    m_pending->stop();
    m_rollingBack = true;
    attempt(reason, 1, std::move(done));
}

void TransactionKeeper::attempt(const QString &reason, int attempt, Done done)
{
    const PendingTransaction *transaction = m_pending;
    // Copied for the worker: the transaction object belongs to this thread.
    ChainWriter::Request request;
    request.family = transaction->family();
    // Only over the chain the apply left (see the class comment).
    request.expectedRevision = transaction->appliedRevision();
    // The jump is left as it is: it was not this transaction's to add back, and Docker
    // re-inserts its own.
    request.rules = [previous = transaction->previousRules()](
                        const BackendChain *, QVector<BackendRule> *rules, ApplyError *) {
        *rules = previous;
        return true;
    };
    BackendWorker *const worker = m_workers(request.family);
    worker->post([this, worker, request, reason, attempt, done]() {
        worker->writer().write(request, [=](const ChainWriter::Result &result) {
            // Stale: changed by someone else since the apply, found before or at the commit.
            const Outcome outcome =
                result.failure == ChainWriter::Failure::None    ? Outcome::RolledBack
                : result.failure == ChainWriter::Failure::Stale ? Outcome::Conflict
                                                                : Outcome::Failed;
            const QString error = result.error.message;
            worker->answer([this, reason, attempt, done, outcome, error]() {
                attempted(reason, attempt, done, outcome, error);
            });
        });
    });
}

void TransactionKeeper::attempted(const QString &reason, int attempt, const Done &done,
                                  Outcome outcome, QString error)
{
    PendingTransaction *transaction = m_pending;
    if (outcome == Outcome::Failed && attempt < RollbackAttempts) {
        log(QStringLiteral("rollback of %1 failed (attempt %2): %3; retrying")
                .arg(transaction->id())
                .arg(attempt)
                .arg(error));
        QTimer::singleShot(RollbackRetryMs, this, [this, reason, attempt, done]() {
            this->attempt(reason, attempt + 1, done);
        });
        return;
    }
    QString signalReason = reason;
    if (outcome == Outcome::Failed) {
        log(QStringLiteral("rollback of %1 failed, giving up: %2; DOCKER-USER keeps the "
                           "applied rules")
                .arg(transaction->id(), error));
        signalReason = QStringLiteral("failed");
    } else if (outcome == Outcome::Conflict) {
        error = QStringLiteral("DOCKER-USER changed since the apply; kept as it is");
        log(QStringLiteral("rollback of %1 (%2) not done: %3")
                .arg(transaction->id(), reason, error));
        signalReason = QStringLiteral("conflict");
    }
    // The signal goes to the client that applied, and only to it: other clients must not
    // learn about someone else's transactions. A vanished client cannot receive it.
    if (reason != QLatin1String("disconnected")) {
        QDBusMessage signal = QDBusMessage::createTargetedSignal(
            transaction->caller(), ObjectPath, InterfaceName, QStringLiteral("RolledBack"));
        signal << transaction->id() << signalReason;
        m_bus.send(signal);
    }
    transaction->deleteLater();
    m_pending = nullptr;
    m_rollingBack = false;
    // Only now, after the last write of the rollback (or giving up on it).
    m_transactionLock.release();
    if (done)
        done(outcome, error);
    Q_EMIT busyChanged();
}

QMap<QString, QString> TransactionKeeper::details(const QString &transactionId)
{
    return {{QStringLiteral("transactionId"), transactionId.left(MaxTransactionIdLength)}};
}

void TransactionKeeper::decide(CallGate *gate, const CallGate::Call &call,
                               const QString &transactionId, std::function<void()> act)
{
    const auto noSuch = [gate, call, transactionId]() {
        gate->fail(call, DBusError::NoSuchTransaction,
                   QStringLiteral("no pending transaction %1")
                       .arg(transactionId.left(MaxTransactionIdLength)));
    };
    const PendingTransaction *transaction = pendingFor(transactionId);
    if (transaction && transaction->caller() == call.caller) {
        act();
        return;
    }
    // Someone else's transaction. An empty id never selects it: "confirm" or "rollback"
    // typed in another session must not decide over a change that session did not make.
    if (!transaction || transactionId.isEmpty()) {
        noSuch();
        return;
    }
    // With its exact id, a caller who may also persist rules may decide: the persist action
    // is the administrator's (what the firewall is at every boot), while apply may be granted
    // to a user for their own changes only.
    gate->authorize(call, CallGate::PersistAction, details(transactionId),
                    [this, transactionId, act, noSuch]() {
                        // The window may have closed while polkit answered.
                        if (pendingFor(transactionId))
                            act();
                        else
                            noSuch();
                    });
}

} // namespace Userchain

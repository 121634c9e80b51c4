#include "helperservice.h"

#include "dockerdaemonconfig.h"
#include "pendingtransaction.h"
#include "persistentstore.h"
#include "polkitauthorizer.h"
#include "rulediff.h"
#include "rulesfileimport.h"
#include "savedrestorer.h"
#include "sealedmemfd.h"
#include "snapshotbuilder.h"
#include "xtableslock.h"

#include <QDateTime>
#include <QRandomGenerator>

#include <future>

#include <cstdio>

namespace Userchain {

namespace {
const QString ReadAction = QStringLiteral("io.github.userchain.read");
const QString ApplyAction = QStringLiteral("io.github.userchain.apply");
const QString PersistAction = QStringLiteral("io.github.userchain.persist");
const QString ObjectPath = QStringLiteral("/io/github/userchain/Helper1");
const QString InterfaceName = QStringLiteral("io.github.userchain.Helper1");

constexpr uint KnownFlags = ApplyCreateChain | ApplyCreateJump | ApplyDryRun;
// Apply and ApplyFile also take flag 8 (RestoreSaved has no revision to skip).
constexpr uint KnownApplyFlags = KnownFlags | ApplyAnyRevision;
constexpr int MaxRevisionLength = 128;
constexpr int MaxTransactionIdLength = 64;
// A rollback must not be dropped because iptables held the lock once: retry for a while.
constexpr int RollbackAttempts = 30;
constexpr int RollbackRetryMs = 1000;
// Detection runs iptables-nft-save, nft and iptables -V. Which backend Docker uses changes only
// when Docker or the host is reconfigured, so a detection is reused for a few seconds rather
// than paid for on every call of a busy client.
constexpr qint64 DetectionTtlMs = 30 * 1000;
// Backends Apply may write through: libiptc for legacy hosts, iptables-nft-restore (one
// nf_tables transaction) for nft hosts. "none" has nothing to write to.
const QStringList WritableBackends{QStringLiteral("legacy"), QStringLiteral("nft")};

bool validFamily(int family)
{
    return family == 4 || family == 6;
}

/// Whether writing rules would leave DOCKER-USER as it is: the same texts and kernel bytes.
bool sameRules(const QVector<BackendRule> &a, const QVector<BackendRule> &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (a.at(i).raw != b.at(i).raw ||
            SnapshotBuilder::specText(a.at(i)) != SnapshotBuilder::specText(b.at(i)))
            return false;
    }
    return true;
}

void log(const QString &text)
{
    // stderr of an activated service ends up in the bus daemon's log or the journal.
    std::fprintf(stderr, "userchain-helper: %s\n", qPrintable(text));
}
} // namespace

HelperService::HelperService(const QDBusConnection &bus, const Options &options, QObject *parent)
    : QObject(parent), m_bus(bus), m_options(options),
      m_authorizer(new PolkitAuthorizer(bus, this)), m_lock(new XtablesLock(this))
{
    m_idleTimer.setSingleShot(true);
    m_idleTimer.setInterval(m_options.idleTimeoutMs);
    connect(&m_idleTimer, &QTimer::timeout, this, [this]() {
        if (m_limiter.inFlight() == 0 && !m_pending && !m_rollingBack)
            Q_EMIT idle();
    });
    updateIdleTimer();
}

HelperService::~HelperService() = default;

// ---------------------------------------------------------------------------------------------
// Calls and replies
// ---------------------------------------------------------------------------------------------

bool HelperService::beginCall(Call *call, qint64 bytes)
{
    setDelayedReply(true);
    // Why message().service() is the identity: the bus daemon writes the sender's unique name
    // into every message; a client cannot claim someone else's.
    *call = {message(), message().service(), bytes};
    QString why;
    if (!m_limiter.admit(call->caller, bytes, &why)) {
        // Answered now, before polkit is asked: the message is released with the reply.
        m_bus.send(message().createErrorReply(QLatin1String(DBusError::Busy), why));
        return false;
    }
    updateIdleTimer();
    return true;
}

void HelperService::finishCall(const Call &call, const QVariantList &results)
{
    QDBusMessage reply = call.message.createReply(results);
    m_bus.send(reply);
    m_limiter.release(call.caller, call.bytes);
    updateIdleTimer();
}

bool HelperService::beginTransactionCall(Call *call, const QString &transactionId)
{
    if (!beginCall(call))
        return false;
    // No id is this long; refused before authorization, so the call is not held with it.
    if (transactionId.size() > MaxTransactionIdLength) {
        finishWithError(
            *call, DBusError::InvalidArgument,
            QStringLiteral("transactionId longer than %1 characters").arg(MaxTransactionIdLength));
        return false;
    }
    return true;
}

bool HelperService::checkRevisionSize(const QString &revision, ApplyError *error)
{
    if (revision.size() <= MaxRevisionLength)
        return true;
    *error = {QLatin1String(DBusError::InvalidArgument),
              QStringLiteral("expectedRevision longer than %1 characters").arg(MaxRevisionLength)};
    return false;
}

bool HelperService::checkFamily(const Call &call, int family)
{
    if (validFamily(family))
        return true;
    finishWithError(call, DBusError::InvalidArgument,
                    QStringLiteral("family must be 4 or 6, not %1").arg(family));
    return false;
}

void HelperService::finishWithError(const Call &call, const char *errorName, const QString &message)
{
    m_bus.send(call.message.createErrorReply(QLatin1String(errorName), message));
    m_limiter.release(call.caller, call.bytes);
    updateIdleTimer();
}

void HelperService::finishWithError(const Call &call, const ApplyError &error)
{
    finishWithError(call, error.name.toLatin1().constData(), error.message);
}

void HelperService::authorize(const Call &call, const QString &action,
                              const QMap<QString, QString> &details, std::function<void()> then)
{
    // Reading never asks for a password (the policy allows it to active sessions, nobody
    // else), so a read that polkit has not answered quickly will not be answered usefully.
    const int timeoutMs =
        action == ReadAction ? PolkitAuthorizer::ReadTimeoutMs : PolkitAuthorizer::CallTimeoutMs;
    m_authorizer->check(
        call.caller, action, details, timeoutMs,
        [this, call, action, then = std::move(then)](PolkitAuthorizer::Result result,
                                                     const QString &detail) {
            // Why every failure mode means "no": an unreachable or confused polkit must not
            // turn into permission.
            switch (result) {
            case PolkitAuthorizer::Result::Authorized:
                then();
                return;
            case PolkitAuthorizer::Result::Denied:
                // The GUI tells a dismissed dialog from a refusal by this wording.
                finishWithError(call, DBusError::NotAuthorized,
                                detail.isEmpty()
                                    ? QStringLiteral("%1: denied").arg(action)
                                    : QStringLiteral("%1: denied (%2)").arg(action, detail));
                return;
            case PolkitAuthorizer::Result::Challenge:
                finishWithError(call, DBusError::NotAuthorized,
                                QStringLiteral("%1: authentication required but no agent answered")
                                    .arg(action));
                return;
            case PolkitAuthorizer::Result::Failed:
                log(QStringLiteral("polkit check failed: %1").arg(detail));
                finishWithError(call, DBusError::NotAuthorized,
                                QStringLiteral("%1: polkit unavailable").arg(action));
                return;
            }
        });
}

void HelperService::updateIdleTimer()
{
    if (m_limiter.inFlight() == 0 && !m_pending && !m_rollingBack)
        m_idleTimer.start();
    else
        m_idleTimer.stop();
}

// ---------------------------------------------------------------------------------------------
// Backends
// ---------------------------------------------------------------------------------------------

HelperService::BackendChoice HelperService::chooseBackend(Family family)
{
    // Why detection comes first: on an nf_tables host, merely initialising libiptc creates
    // empty legacy tables that make iptables-nft print warnings ever after. Only a host whose
    // Docker chains are in the legacy tables gets libiptc.
    Detection &cached = m_detections[int(family)];
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (cached.madeAt == 0 || now - cached.madeAt > DetectionTtlMs || now < cached.madeAt) {
        cached.detection = BackendDetector::detect(family);
        cached.madeAt = now;
    }
    const BackendDetection &detection = cached.detection;
    BackendChoice choice;
    choice.name = detection.backend;
    choice.detail = detection.detail;
    choice.warnings = detection.warnings;
    choice.dockerNftables = detection.dockerNftables;
    auto it = m_backends.find(detection.backend);
    if (it == m_backends.end())
        it = m_backends.insert(detection.backend,
                               std::shared_ptr<Backend>(BackendDetector::create(detection)));
    choice.backend = it->get(); // nullptr for "none"
    choice.writable = choice.backend && WritableBackends.contains(choice.name);
    return choice;
}

void HelperService::forgetDetection()
{
    m_detections.clear();
}

// ---------------------------------------------------------------------------------------------
// GetSnapshot
// ---------------------------------------------------------------------------------------------

Snapshot HelperService::GetSnapshot(int family)
{
    Call call;
    if (!beginCall(&call))
        return {};
    authorize(call, ReadAction, {{QStringLiteral("family"), QString::number(family)}},
              [this, call, family]() {
                  if (!checkFamily(call, family))
                      return;
                  readSnapshot(call, Family(family));
              });
    return {};
}

void HelperService::readSnapshot(const Call &call, Family family)
{
    const BackendChoice choice = chooseBackend(family);
    Snapshot base;
    base.backend = choice.name;
    base.family = int(family);
    base.backendDetail = choice.detail;
    QString warning;
    base.iptablesDisabled =
        DockerDaemonConfig::iptablesDisabled(DockerDaemonConfig::defaultPath(), family, &warning);
    if (!warning.isEmpty())
        base.warnings.append(warning);
    base.warnings += choice.warnings;
    // A code next to the sentences, so that clients need not match English text.
    if (choice.dockerNftables)
        base.warnings.append(QStringLiteral("docker-nftables"));

    if (!choice.backend) {
        // Not an error: "no backend Docker uses here" is a state the client explains.
        base.revision = SnapshotBuilder::revision(family, nullptr);
        finishCall(call, {QVariant::fromValue(base)});
        return;
    }
    Backend *backend = choice.backend;
    m_lock->acquire(m_options.lockTimeoutMs, [=](bool held, const QString &lockError) {
        if (!held) {
            finishWithError(call, DBusError::Busy, lockError);
            return;
        }
        BackendTables tables;
        QString error;
        if (!backend->read(family, &tables, &error)) {
            finishWithError(call, DBusError::Failed, error);
            return;
        }
        Snapshot snapshot = SnapshotBuilder::build(base.backend, family, tables);
        snapshot.backendDetail = base.backendDetail;
        snapshot.iptablesDisabled = base.iptablesDisabled;
        snapshot.warnings = base.warnings;
        if (snapshot.dockerUserExists && snapshot.forwardJumpPosition == 0)
            snapshot.warnings.append(QStringLiteral("forward-jump-missing"));
        else if (snapshot.forwardJumpPosition > 1)
            snapshot.warnings.append(QStringLiteral("forward-jump-not-first"));
        finishCall(call, {QVariant::fromValue(snapshot)});
    });
}

// ---------------------------------------------------------------------------------------------
// Apply
// ---------------------------------------------------------------------------------------------

QString HelperService::Apply(int family, const ApplyRuleList &rules,
                             const QString &expectedRevision, uint confirmSeconds, uint flags,
                             QString &newRevision)
{
    Q_UNUSED(newRevision) // the reply is sent later, from finishCall
    // The bounds come before authorization: checking them parses nothing and reveals nothing,
    // and an oversized call answered at once does not keep its message (see CallLimiter).
    qint64 bytes = 0;
    ApplyError sizeError;
    const bool sized = ApplyValidator::checkSizes(rules, &bytes, &sizeError) &&
                       checkRevisionSize(expectedRevision, &sizeError);
    Call call;
    if (!beginCall(&call, sized ? bytes : 0))
        return {};
    if (!sized) {
        finishWithError(call, sizeError);
        return {};
    }
    // The details are for the authentication dialog and polkit rules; they are the caller's
    // claims and decide nothing here.
    const QMap<QString, QString> details{
        {QStringLiteral("family"), QString::number(family)},
        {QStringLiteral("chain"), QStringLiteral("DOCKER-USER")},
        {QStringLiteral("rules"), QString::number(rules.size())},
        {QStringLiteral("confirmSeconds"), QString::number(confirmSeconds)},
    };
    authorize(call, ApplyAction, details,
              [this, call, family, rules, expectedRevision, confirmSeconds, flags]() {
                  // Arguments are checked only now: an unauthorized caller gets nothing parsed.
                  if (!checkApplyArguments(call, family, expectedRevision, confirmSeconds, flags))
                      return;
                  QVector<ApplyValidator::Item> items;
                  ApplyError error;
                  if (!ApplyValidator::validate(Family(family), rules, &items, &error)) {
                      finishWithError(call, error);
                      return;
                  }
                  ApplyRequest request(Family(family), expectedRevision, confirmSeconds, flags);
                  // Handed over, not shared: resolve() moves the parsed rules out of them.
                  request.items = [items = std::move(items)](const BackendChain *,
                                                             QVector<ApplyValidator::Item> *out,
                                                             ApplyError *) mutable {
                      *out = std::move(items);
                      return true;
                  };
                  applyChecked(call, std::move(request));
              });
    return {};
}

QString HelperService::ApplyFile(int family, const QDBusUnixFileDescriptor &data,
                                 const QString &expectedRevision, uint confirmSeconds, uint flags,
                                 QString &newRevision, QDBusUnixFileDescriptor &diff)
{
    Q_UNUSED(newRevision) // the reply is sent later, from finishCall
    Q_UNUSED(diff)
    ApplyError sizeError;
    const bool sized = checkRevisionSize(expectedRevision, &sizeError);
    Call call;
    if (!beginCall(&call))
        return {};
    if (!sized) {
        finishWithError(call, sizeError);
        return {};
    }
    const QMap<QString, QString> details{
        {QStringLiteral("family"), QString::number(family)},
        {QStringLiteral("chain"), QStringLiteral("DOCKER-USER")},
        {QStringLiteral("confirmSeconds"), QString::number(confirmSeconds)},
    };
    authorize(call, ApplyAction, details,
              [this, call, family, data, expectedRevision, confirmSeconds, flags]() {
                  if (!checkApplyArguments(call, family, expectedRevision, confirmSeconds, flags))
                      return;
                  // Only now is the caller's descriptor read at all (bounded; it must be a
                  // sealed memfd, which cannot block or change meanwhile).
                  QString why;
                  const std::optional<QByteArray> content =
                      SealedMemfd::read(data, RulesFileImport::MaxFileBytes, &why);
                  if (!content) {
                      finishWithError(call, DBusError::InvalidArgument,
                                      QStringLiteral("data: %1").arg(why));
                      return;
                  }
                  auto file = std::make_shared<RulesFileImport>();
                  ApplyError error;
                  if (!file->read(Family(family), *content, &error)) {
                      finishWithError(call, error);
                      return;
                  }
                  ApplyRequest request(Family(family), expectedRevision, confirmSeconds, flags);
                  request.withDiff = true;
                  request.items = [file](const BackendChain *current,
                                         QVector<ApplyValidator::Item> *out, ApplyError *why) {
                      return file->items(current, out, why);
                  };
                  applyChecked(call, std::move(request));
              });
    return {};
}

bool HelperService::checkApplyArguments(const Call &call, int family,
                                        const QString &expectedRevision, uint confirmSeconds,
                                        uint flags)
{
    if (!checkFamily(call, family))
        return false;
    if (flags & ~KnownApplyFlags) {
        finishWithError(call, DBusError::InvalidArgument,
                        QStringLiteral("unknown flags 0x%1").arg(flags, 0, 16));
        return false;
    }
    if (confirmSeconds > MaxConfirmSeconds) {
        finishWithError(call, DBusError::InvalidArgument,
                        QStringLiteral("confirmSeconds above %1").arg(MaxConfirmSeconds));
        return false;
    }
    // Flag 8 and a revision contradict each other; a caller must mean one of them.
    const bool anyRevision = flags & ApplyAnyRevision;
    if (anyRevision ? !expectedRevision.isEmpty()
                    : expectedRevision.isEmpty() || expectedRevision.size() > MaxRevisionLength) {
        finishWithError(call, DBusError::InvalidArgument,
                        anyRevision ? QStringLiteral("expectedRevision must be empty with flag 8")
                                    : QStringLiteral("expectedRevision is missing or malformed"));
        return false;
    }
    return true;
}

bool HelperService::writableBackend(const Call &call, Family family, uint flags,
                                    BackendChoice *choice)
{
    if (!(flags & ApplyDryRun) && (m_pending || m_rollingBack)) {
        finishWithError(call, DBusError::Busy,
                        QStringLiteral("another confirmed apply is waiting for confirmation"));
        return false;
    }
    *choice = chooseBackend(family);
    if (!choice->writable) {
        finishWithError(call, DBusError::BackendUnavailable,
                        QStringLiteral("%1: %2").arg(choice->name, choice->detail));
        return false;
    }
    return true;
}

void HelperService::applyChecked(const Call &call, ApplyRequest request)
{
    BackendChoice choice;
    if (!writableBackend(call, request.family, request.flags, &choice))
        return;
    // A stale client should hear so at once, not after waiting for someone else's lock. When
    // the lock is free the check under the lock follows immediately and is the same check, so
    // the extra read is only spent when there will be a wait.
    if (!(request.flags & ApplyAnyRevision) && (m_lock->isBusy() || m_lock->isContended())) {
        BackendTables tables;
        QString error;
        if (choice.backend->read(request.family, &tables, &error) &&
            SnapshotBuilder::revision(request.family, SnapshotBuilder::dockerUser(tables)) !=
                request.expectedRevision) {
            finishWithError(call, DBusError::StaleRevision,
                            QStringLiteral("DOCKER-USER changed since revision %1")
                                .arg(request.expectedRevision));
            return;
        }
    }
    m_lock->acquire(m_options.lockTimeoutMs, [this, call, request = std::move(request)](
                                                 bool held, const QString &lockError) {
        if (!held) {
            finishWithError(call, DBusError::Busy, lockError);
            return;
        }
        applyLocked(call, request);
    });
}

void HelperService::applyLocked(const Call &call, const ApplyRequest &request)
{
    const Family family = request.family;
    const uint flags = request.flags;
    const bool dryRun = flags & ApplyDryRun;
    // Checked again: another Apply may have become pending while this one waited.
    BackendChoice choice;
    if (!writableBackend(call, family, flags, &choice))
        return;

    // The revision check that counts: under the lock, against a fresh read, so nothing can
    // change DOCKER-USER between this comparison and the commit, which goes to the very table
    // state that was read.
    QString error;
    const std::unique_ptr<BackendSession> session = choice.backend->beginSession(family, &error);
    if (!session) {
        finishWithError(call, DBusError::Failed, error);
        return;
    }
    const BackendChain *current = session->dockerUser();
    // Hashing the chain is skipped where no answer needs it (flag 8 and a commit).
    const bool anyRevision = flags & ApplyAnyRevision;
    const QString currentRevision =
        anyRevision && !dryRun ? QString() : SnapshotBuilder::revision(family, current);
    if (!anyRevision && currentRevision != request.expectedRevision) {
        finishWithError(
            call, DBusError::StaleRevision,
            QStringLiteral("DOCKER-USER changed since revision %1").arg(request.expectedRevision));
        return;
    }
    const bool createChain = flags & ApplyCreateChain;
    const bool createJump = flags & ApplyCreateJump;
    if (!current && !createChain) {
        finishWithError(call, DBusError::ChainMissing,
                        QStringLiteral("DOCKER-USER does not exist (flag 1 creates it)"));
        return;
    }
    const QVector<BackendRule> previous = current ? current->rules : QVector<BackendRule>();
    // ApplyFile's diff needs the rules before as text; it is made now, while a file's rules
    // may still be being parsed on other threads (RulesFileImport::read; items() waits).
    const QByteArray previousText =
        request.withDiff ? RulesFileImport::specLines(previous) : QByteArray();
    // Likewise the lookup resolve() needs of the current rules.
    ApplyValidator::Current lookup = ApplyValidator::lookup(family, current);
    QVector<ApplyValidator::Item> items;
    QVector<BackendRule> rules;
    ApplyError applyError;
    if (!request.items(current, &items, &applyError) ||
        !ApplyValidator::resolve(std::move(items), std::move(lookup), &rules, &applyError)) {
        finishWithError(call, applyError);
        return;
    }
    const auto diffOf = [&rules, &request, &previousText](QString *why) {
        if (!request.withDiff)
            return QDBusUnixFileDescriptor();
        const QByteArray appliedText = RulesFileImport::specLines(rules);
        const QList<QByteArrayView> before = RuleDiff::lines(previousText);
        const QList<QByteArrayView> after = RuleDiff::lines(appliedText);
        return SealedMemfd::create(RuleDiff::formatUtf8(RuleDiff::compute(before, after), before,
                                                        after, QStringLiteral("DOCKER-USER")),
                                   why);
    };
    QString diffError;
    const auto reply = [&](const QString &transactionId, const QString &revision,
                           const QDBusUnixFileDescriptor &diff) {
        if (!request.withDiff) {
            finishCall(call, {transactionId, revision});
            return;
        }
        // After a commit the rules are in place whether or not the diff can be sent; a
        // client without it still has the revision and can read the chain.
        if (!diffError.isEmpty())
            log(QStringLiteral("cannot pass the diff: %1").arg(diffError));
        finishCall(call, {transactionId, revision, QVariant::fromValue(diff)});
    };
    if (dryRun) {
        reply(QString(), currentRevision, diffOf(&diffError));
        return;
    }
    // Nothing to write: committing the same rules again would only reset their counters.
    // (A confirmed apply still commits, so that the caller gets its transaction.)
    if (current && !createJump && request.confirmSeconds == 0 && sameRules(previous, rules)) {
        reply(QString(), anyRevision ? SnapshotBuilder::revision(family, current) : currentRevision,
              diffOf(&diffError));
        return;
    }

    // The new revision is computed from what was committed rather than from reading the chain
    // back: the backend writes parsed rules from their canonical text and verbatim rules as the
    // very bytes it read, and reads them back as the same text and bytes, so the hash is the
    // one the next GetSnapshot reports (tst_helperapply checks this). Reading 50,000 rules back
    // would cost as much as the commit itself. Should the two ever differ, the client's next
    // Apply is refused as stale, which is safe. It is made, with ApplyFile's diff, on another
    // thread while this one waits for the kernel to take the commit.
    BackendChain written;
    written.rules = rules;
    struct Answer
    {
        QString revision;
        QDBusUnixFileDescriptor diff;
        QString diffError;
    };
    bool ok = session->prepare(rules, createChain, createJump, &error);
    std::future<Answer> answer;
    if (ok) {
        answer =
            std::async(std::launch::async | std::launch::deferred, [&written, &diffOf, family]() {
                Answer made;
                made.revision = SnapshotBuilder::computeRevision(family, &written);
                made.diff = diffOf(&made.diffError);
                return made;
            });
        ok = session->commit(&error);
    }
    const Answer made = answer.valid() ? answer.get() : Answer();
    // Creating the chain or the jump changes what detection sees (an empty host becomes a
    // legacy one); a failed commit may have been a backend that went away.
    if (createChain || createJump || !ok)
        forgetDetection();
    if (!ok) {
        finishWithError(call, DBusError::Failed, error);
        return;
    }
    SnapshotBuilder::rememberRevision(family, &written, made.revision);
    diffError = made.diffError;

    QString transactionId;
    if (request.confirmSeconds > 0) {
        transactionId =
            QString::fromLatin1(QByteArray::number(QRandomGenerator::system()->generate64(), 16)
                                    .rightJustified(16, '0') +
                                QByteArray::number(QRandomGenerator::system()->generate64(), 16)
                                    .rightJustified(16, '0'));
        auto *transaction = new PendingTransaction(transactionId, call.caller, family, previous,
                                                   request.confirmSeconds, m_bus, this);
        connect(transaction, &PendingTransaction::timedOut, this,
                [this]() { rollBack(QStringLiteral("timeout"), {}); });
        connect(transaction, &PendingTransaction::callerVanished, this,
                [this]() { rollBack(QStringLiteral("disconnected"), {}); });
        m_pending = transaction;
        transaction->start();
    }
    reply(transactionId, made.revision, made.diff);
}

// ---------------------------------------------------------------------------------------------
// Confirm / Rollback
// ---------------------------------------------------------------------------------------------

PendingTransaction *HelperService::pendingFor(const QString &transactionId) const
{
    // An empty id names the one pending transaction: there is never more than one, and
    // confirming still needs the apply authorization.
    if (!m_pending || m_rollingBack)
        return nullptr;
    if (!transactionId.isEmpty() && transactionId != m_pending->id())
        return nullptr;
    return m_pending;
}

void HelperService::Confirm(const QString &transactionId)
{
    Call call;
    if (!beginTransactionCall(&call, transactionId))
        return;
    // Why any caller authorized for apply may confirm, not only the one that applied: the
    // confirmation says "the firewall still lets me in", which an administrator in another
    // session can say as well; the authorization is the same as for applying.
    authorize(call, ApplyAction,
              {{QStringLiteral("transactionId"), transactionId.left(MaxTransactionIdLength)}},
              [this, call, transactionId]() { confirmAuthorized(call, transactionId); });
}

void HelperService::confirmAuthorized(const Call &call, const QString &transactionId)
{
    PendingTransaction *transaction = pendingFor(transactionId);
    if (!transaction) {
        finishWithError(call, DBusError::NoSuchTransaction,
                        QStringLiteral("no pending transaction %1")
                            .arg(transactionId.left(MaxTransactionIdLength)));
        return;
    }
    transaction->stop();
    transaction->deleteLater();
    m_pending = nullptr;
    finishCall(call, {});
}

void HelperService::Rollback(const QString &transactionId)
{
    Call call;
    if (!beginTransactionCall(&call, transactionId))
        return;
    authorize(call, ApplyAction,
              {{QStringLiteral("transactionId"), transactionId.left(MaxTransactionIdLength)}},
              [this, call, transactionId]() {
                  if (!pendingFor(transactionId)) {
                      finishWithError(call, DBusError::NoSuchTransaction,
                                      QStringLiteral("no pending transaction %1")
                                          .arg(transactionId.left(MaxTransactionIdLength)));
                      return;
                  }
                  rollBack(QStringLiteral("requested"),
                           [this, call](bool ok, const QString &error) {
                               if (ok)
                                   finishCall(call, {});
                               else
                                   finishWithError(call, DBusError::Failed, error);
                           });
              });
}

void HelperService::rollBack(const QString &reason,
                             std::function<void(bool ok, const QString &error)> done)
{
    if (!m_pending || m_rollingBack) {
        if (done)
            done(false, QStringLiteral("no pending transaction"));
        return;
    }
    m_pending->stop();
    m_rollingBack = true;
    updateIdleTimer();
    rollBackAttempt(reason, 1, std::move(done));
}

void HelperService::rollBackAttempt(const QString &reason, int attempt,
                                    std::function<void(bool ok, const QString &error)> done)
{
    m_lock->acquire(m_options.lockTimeoutMs, [this, reason, attempt,
                                              done](bool held, const QString &lockError) {
        PendingTransaction *transaction = m_pending;
        QString error = lockError;
        bool ok = false;
        if (held) {
            const BackendChoice choice = chooseBackend(transaction->family());
            if (!choice.writable) {
                error = QStringLiteral("%1: %2").arg(choice.name, choice.detail);
            } else {
                // createChain: the previous rules go back even if someone deleted the chain
                // meanwhile; the jump is left as it is (it was not this transaction's to add
                // back, and Docker re-inserts its own).
                ok = choice.backend->replaceDockerUser(
                    transaction->family(), transaction->previousRules(), true, false, &error);
            }
        }
        if (!ok && attempt < RollbackAttempts) {
            log(QStringLiteral("rollback of %1 failed (attempt %2): %3; retrying")
                    .arg(transaction->id())
                    .arg(attempt)
                    .arg(error));
            QTimer::singleShot(RollbackRetryMs, this, [this, reason, attempt, done]() {
                rollBackAttempt(reason, attempt + 1, done);
            });
            return;
        }
        if (!ok)
            log(QStringLiteral("rollback of %1 failed, giving up: %2")
                    .arg(transaction->id(), error));
        // The signal goes to the client that applied, and only to it: other clients must not
        // learn about someone else's transactions. A vanished client cannot receive it.
        if (ok && reason != QLatin1String("disconnected")) {
            QDBusMessage signal = QDBusMessage::createTargetedSignal(
                transaction->caller(), ObjectPath, InterfaceName, QStringLiteral("RolledBack"));
            signal << transaction->id() << reason;
            m_bus.send(signal);
        }
        transaction->deleteLater();
        m_pending = nullptr;
        m_rollingBack = false;
        if (done)
            done(ok, error);
        updateIdleTimer();
    });
}

// ---------------------------------------------------------------------------------------------
// Save / GetSaved / RestoreSaved (persistence, see PersistentStore and SavedRestorer)
// ---------------------------------------------------------------------------------------------

QString HelperService::Save(int family)
{
    Call call;
    if (!beginCall(&call))
        return {};
    // Why an action of its own: saving decides the firewall of every later boot, which an
    // administrator may want to grant separately from changing it now.
    authorize(call, PersistAction,
              {{QStringLiteral("family"), QString::number(family)},
               {QStringLiteral("chain"), QStringLiteral("DOCKER-USER")}},
              [this, call, family]() {
                  if (!checkFamily(call, family))
                      return;
                  saveAuthorized(call, Family(family));
              });
    return {};
}

void HelperService::saveAuthorized(const Call &call, Family family)
{
    // Why a pending confirmed apply blocks saving: its rules are on probation; saved, they
    // would come back at the next boot even if the rollback restores the old ones now.
    if (m_pending || m_rollingBack) {
        finishWithError(call, DBusError::Busy,
                        QStringLiteral("a confirmed apply is waiting for confirmation; confirm "
                                       "or roll it back before saving"));
        return;
    }
    if (const BackendChoice choice = chooseBackend(family); !choice.backend) {
        finishWithError(call, DBusError::BackendUnavailable,
                        QStringLiteral("%1: %2").arg(choice.name, choice.detail));
        return;
    }
    m_lock->acquire(m_options.lockTimeoutMs, [this, call, family](bool held,
                                                                  const QString &lockError) {
        if (!held) {
            finishWithError(call, DBusError::Busy, lockError);
            return;
        }
        if (m_pending || m_rollingBack) {
            finishWithError(call, DBusError::Busy,
                            QStringLiteral("a confirmed apply is waiting for confirmation; "
                                           "confirm or roll it back before saving"));
            return;
        }
        const BackendChoice choice = chooseBackend(family);
        if (!choice.backend) {
            finishWithError(call, DBusError::BackendUnavailable,
                            QStringLiteral("%1: %2").arg(choice.name, choice.detail));
            return;
        }
        // What is saved is what the kernel holds now, read under the lock; a caller sends no
        // rules, so Save cannot persist anything that was not applied (and validated) first.
        BackendTables tables;
        QString error;
        if (!choice.backend->read(family, &tables, &error)) {
            finishWithError(call, DBusError::Failed, error);
            return;
        }
        const BackendChain *chain = SnapshotBuilder::dockerUser(tables);
        if (!chain) {
            finishWithError(call, DBusError::ChainMissing,
                            QStringLiteral("DOCKER-USER does not exist; there is nothing to save"));
            return;
        }
        QStringList specs;
        ApplyError saveError;
        if (!PersistentStore::specsToSave(*chain, &specs, &saveError)) {
            finishWithError(call, saveError);
            return;
        }
        // Written after the lock is released: fsync may take a while on a busy disk, and
        // Docker waits for the same lock.
        QTimer::singleShot(0, this, [this, call, family, specs]() {
            const PersistentStore store;
            ApplyError writeError;
            if (!store.save(family, specs, &writeError)) {
                log(QStringLiteral("save failed: %1").arg(writeError.message));
                finishWithError(call, writeError);
                return;
            }
            finishCall(call, {store.path(family)});
        });
    });
}

bool HelperService::GetSaved(int family, QStringList &rules, qlonglong &savedAt)
{
    Q_UNUSED(rules) // the reply is sent later, from finishCall
    Q_UNUSED(savedAt)
    Call call;
    if (!beginCall(&call))
        return false;
    // Reading what is saved reveals no more than reading the live chain: the same action.
    authorize(call, ReadAction, {{QStringLiteral("family"), QString::number(family)}},
              [this, call, family]() {
                  if (!checkFamily(call, family))
                      return;
                  SavedRules saved;
                  ApplyError error;
                  if (!PersistentStore().load(Family(family), &saved, &error)) {
                      finishWithError(call, error);
                      return;
                  }
                  finishCall(call, {saved.exists, saved.specs, qlonglong(saved.savedAtMs)});
              });
    return false;
}

QString HelperService::RestoreSaved(int family, uint flags)
{
    Call call;
    if (!beginCall(&call))
        return {};
    // Restoring changes the live firewall exactly as Apply does, so it is Apply's action.
    authorize(call, ApplyAction,
              {{QStringLiteral("family"), QString::number(family)},
               {QStringLiteral("chain"), QStringLiteral("DOCKER-USER")},
               {QStringLiteral("source"), QStringLiteral("saved")}},
              [this, call, family, flags]() {
                  if (!checkFamily(call, family))
                      return;
                  if (flags & ~KnownFlags) {
                      finishWithError(call, DBusError::InvalidArgument,
                                      QStringLiteral("unknown flags 0x%1").arg(flags, 0, 16));
                      return;
                  }
                  restoreSavedAuthorized(call, Family(family), flags);
              });
    return {};
}

void HelperService::restoreSavedAuthorized(const Call &call, Family family, uint flags)
{
    const bool dryRun = flags & ApplyDryRun;
    if (!dryRun && (m_pending || m_rollingBack)) {
        finishWithError(call, DBusError::Busy,
                        QStringLiteral("another confirmed apply is waiting for confirmation"));
        return;
    }
    // The file is read and checked before the lock (it is the helper's own and does not
    // change with the tables): a bad file is reported without waiting. The path is fixed;
    // the caller only names the family.
    SavedRules saved;
    ApplyError error;
    const PersistentStore store;
    if (!store.load(family, &saved, &error)) {
        finishWithError(call, error);
        return;
    }
    if (!saved.exists) {
        finishWithError(call, DBusError::Failed,
                        QStringLiteral("nothing saved: %1 does not exist").arg(store.path(family)));
        return;
    }
    if (const BackendChoice choice = chooseBackend(family); !choice.writable) {
        finishWithError(call, DBusError::BackendUnavailable,
                        QStringLiteral("%1: %2").arg(choice.name, choice.detail));
        return;
    }
    m_lock->acquire(m_options.lockTimeoutMs, [this, call, family, saved, flags,
                                              dryRun](bool held, const QString &lockError) {
        if (!held) {
            finishWithError(call, DBusError::Busy, lockError);
            return;
        }
        // Checked again: an Apply may have become pending while this call waited.
        if (!dryRun && (m_pending || m_rollingBack)) {
            finishWithError(call, DBusError::Busy,
                            QStringLiteral("another confirmed apply is waiting for confirmation"));
            return;
        }
        const BackendChoice choice = chooseBackend(family);
        if (!choice.writable) {
            finishWithError(call, DBusError::BackendUnavailable,
                            QStringLiteral("%1: %2").arg(choice.name, choice.detail));
            return;
        }
        QString newRevision;
        ApplyError restoreError;
        const bool ok = SavedRestorer::restoreLocked(choice.backend, family, saved, flags,
                                                     &newRevision, &restoreError);
        // As after Apply: a created chain or jump changes what detection sees.
        if (!dryRun && ((flags & (ApplyCreateChain | ApplyCreateJump)) || !ok))
            forgetDetection();
        if (!ok) {
            finishWithError(call, restoreError);
            return;
        }
        finishCall(call, {newRevision});
    });
}

} // namespace Userchain

#include "helperservice.h"

#include "dockerdaemonconfig.h"
#include "pendingtransaction.h"
#include "persistencecalls.h"
#include "rulediff.h"
#include "rulesfileimport.h"
#include "sealedmemfd.h"
#include "snapshotbuilder.h"
#include "transactionkeeper.h"
#include "xtableslock.h"

#include <future>

#include <cstdio>

namespace Userchain {

namespace {
constexpr uint KnownFlags = ApplyCreateChain | ApplyCreateJump | ApplyDryRun;
// Apply and ApplyFile also take flag 8 (RestoreSaved has no revision to skip).
constexpr uint KnownApplyFlags = KnownFlags | ApplyAnyRevision;
constexpr int MaxRevisionLength = 128;
constexpr int MaxTransactionIdLength = 64;
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
    : QObject(parent), m_bus(bus), m_options(options), m_gate(new CallGate(bus, this)),
      m_lock(new XtablesLock(this)), m_transactions(new TransactionKeeper(
                                         bus, &m_backends, m_lock, m_options.lockTimeoutMs, this)),
      m_persistence(new PersistenceCalls(m_gate, &m_backends, m_lock, m_transactions,
                                         m_options.lockTimeoutMs, this))
{
    m_idleTimer.setSingleShot(true);
    m_idleTimer.setInterval(m_options.idleTimeoutMs);
    connect(&m_idleTimer, &QTimer::timeout, this, [this]() {
        if (m_gate->inFlight() == 0 && !m_transactions->busy())
            Q_EMIT idle();
    });
    connect(m_gate, &CallGate::countChanged, this, &HelperService::updateIdleTimer);
    connect(m_transactions, &TransactionKeeper::busyChanged, this, &HelperService::updateIdleTimer);
    updateIdleTimer();
}

HelperService::~HelperService() = default;

// ---------------------------------------------------------------------------------------------
// Calls and replies
// ---------------------------------------------------------------------------------------------

bool HelperService::beginCall(Call *call, qint64 bytes)
{
    setDelayedReply(true);
    return m_gate->begin(message(), bytes, call);
}

bool HelperService::beginTransactionCall(Call *call, const QString &transactionId)
{
    if (!beginCall(call))
        return false;
    // No id is this long; refused before authorization, so the call is not held with it.
    if (transactionId.size() > MaxTransactionIdLength) {
        m_gate->fail(
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
    m_gate->fail(call, DBusError::InvalidArgument,
                 QStringLiteral("family must be 4 or 6, not %1").arg(family));
    return false;
}

void HelperService::updateIdleTimer()
{
    if (m_gate->inFlight() == 0 && !m_transactions->busy())
        m_idleTimer.start();
    else
        m_idleTimer.stop();
}

// ---------------------------------------------------------------------------------------------
// GetSnapshot
// ---------------------------------------------------------------------------------------------

Snapshot HelperService::GetSnapshot(int family)
{
    Call call;
    if (!beginCall(&call))
        return {};
    m_gate->authorize(call, CallGate::ReadAction,
                      {{QStringLiteral("family"), QString::number(family)}},
                      [this, call, family]() {
                          if (!checkFamily(call, family))
                              return;
                          readSnapshot(call, Family(family));
                      });
    return {};
}

void HelperService::readSnapshot(const Call &call, Family family)
{
    const BackendChooser::Choice choice = m_backends.choose(family);
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
        m_gate->finish(call, {QVariant::fromValue(base)});
        return;
    }
    Backend *backend = choice.backend;
    m_lock->acquire(m_options.lockTimeoutMs, [=](bool held, const QString &lockError) {
        if (!held) {
            m_gate->fail(call, DBusError::Busy, lockError);
            return;
        }
        BackendTables tables;
        QString error;
        if (!backend->read(family, &tables, &error)) {
            m_gate->fail(call, DBusError::Failed, error);
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
        m_gate->finish(call, {QVariant::fromValue(snapshot)});
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
        m_gate->fail(call, sizeError);
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
    m_gate->authorize(
        call, CallGate::ApplyAction, details,
        [this, call, family, rules, expectedRevision, confirmSeconds, flags]() {
            // Arguments are checked only now: an unauthorized caller gets nothing parsed.
            if (!checkApplyArguments(call, family, expectedRevision, confirmSeconds, flags))
                return;
            QVector<ApplyValidator::Item> items;
            ApplyError error;
            if (!ApplyValidator::validate(Family(family), rules, &items, &error)) {
                m_gate->fail(call, error);
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
        m_gate->fail(call, sizeError);
        return {};
    }
    const QMap<QString, QString> details{
        {QStringLiteral("family"), QString::number(family)},
        {QStringLiteral("chain"), QStringLiteral("DOCKER-USER")},
        {QStringLiteral("confirmSeconds"), QString::number(confirmSeconds)},
    };
    m_gate->authorize(
        call, CallGate::ApplyAction, details,
        [this, call, family, data, expectedRevision, confirmSeconds, flags]() {
            if (!checkApplyArguments(call, family, expectedRevision, confirmSeconds, flags))
                return;
            // Only now is the caller's descriptor read at all (bounded; it must be a
            // sealed memfd, which cannot block or change meanwhile).
            QString why;
            const std::optional<QByteArray> content =
                SealedMemfd::read(data, RulesFileImport::MaxFileBytes, &why);
            if (!content) {
                m_gate->fail(call, DBusError::InvalidArgument, QStringLiteral("data: %1").arg(why));
                return;
            }
            auto file = std::make_shared<RulesFileImport>();
            ApplyError error;
            if (!file->read(Family(family), *content, &error)) {
                m_gate->fail(call, error);
                return;
            }
            ApplyRequest request(Family(family), expectedRevision, confirmSeconds, flags);
            request.withDiff = true;
            request.items = [file](const BackendChain *current, QVector<ApplyValidator::Item> *out,
                                   ApplyError *why) {
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
        m_gate->fail(call, DBusError::InvalidArgument,
                     QStringLiteral("unknown flags 0x%1").arg(flags, 0, 16));
        return false;
    }
    if (confirmSeconds > MaxConfirmSeconds) {
        m_gate->fail(call, DBusError::InvalidArgument,
                     QStringLiteral("confirmSeconds above %1").arg(MaxConfirmSeconds));
        return false;
    }
    // Flag 8 and a revision contradict each other; a caller must mean one of them.
    const bool anyRevision = flags & ApplyAnyRevision;
    if (anyRevision ? !expectedRevision.isEmpty()
                    : expectedRevision.isEmpty() || expectedRevision.size() > MaxRevisionLength) {
        m_gate->fail(call, DBusError::InvalidArgument,
                     anyRevision ? QStringLiteral("expectedRevision must be empty with flag 8")
                                 : QStringLiteral("expectedRevision is missing or malformed"));
        return false;
    }
    return true;
}

bool HelperService::writableBackend(const Call &call, Family family, uint flags,
                                    BackendChooser::Choice *choice)
{
    if (!(flags & ApplyDryRun) && (m_transactions->busy())) {
        m_gate->fail(call, DBusError::Busy,
                     QStringLiteral("another confirmed apply is waiting for confirmation"));
        return false;
    }
    *choice = m_backends.choose(family);
    if (!choice->writable) {
        m_gate->fail(call, DBusError::BackendUnavailable,
                     QStringLiteral("%1: %2").arg(choice->name, choice->detail));
        return false;
    }
    return true;
}

void HelperService::applyChecked(const Call &call, ApplyRequest request)
{
    BackendChooser::Choice choice;
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
            m_gate->fail(call, DBusError::StaleRevision,
                         QStringLiteral("DOCKER-USER changed since revision %1")
                             .arg(request.expectedRevision));
            return;
        }
    }
    m_lock->acquire(m_options.lockTimeoutMs, [this, call, request = std::move(request)](
                                                 bool held, const QString &lockError) {
        if (!held) {
            m_gate->fail(call, DBusError::Busy, lockError);
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
    BackendChooser::Choice choice;
    if (!writableBackend(call, family, flags, &choice))
        return;

    // The revision check that counts: under the lock, against a fresh read, so nothing can
    // change DOCKER-USER between this comparison and the commit, which goes to the very table
    // state that was read.
    QString error;
    const std::unique_ptr<BackendSession> session = choice.backend->beginSession(family, &error);
    if (!session) {
        m_gate->fail(call, DBusError::Failed, error);
        return;
    }
    const BackendChain *current = session->dockerUser();
    // Hashing the chain is skipped where no answer needs it (flag 8 and a commit).
    const bool anyRevision = flags & ApplyAnyRevision;
    const QString currentRevision =
        anyRevision && !dryRun ? QString() : SnapshotBuilder::revision(family, current);
    if (!anyRevision && currentRevision != request.expectedRevision) {
        m_gate->fail(
            call, DBusError::StaleRevision,
            QStringLiteral("DOCKER-USER changed since revision %1").arg(request.expectedRevision));
        return;
    }
    const bool createChain = flags & ApplyCreateChain;
    const bool createJump = flags & ApplyCreateJump;
    if (!current && !createChain) {
        m_gate->fail(call, DBusError::ChainMissing,
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
        m_gate->fail(call, applyError);
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
            m_gate->finish(call, {transactionId, revision});
            return;
        }
        // After a commit the rules are in place whether or not the diff can be sent; a
        // client without it still has the revision and can read the chain.
        if (!diffError.isEmpty())
            log(QStringLiteral("cannot pass the diff: %1").arg(diffError));
        m_gate->finish(call, {transactionId, revision, QVariant::fromValue(diff)});
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
    // Before anything is written: a confirmed apply must own the transaction lock for its
    // whole window, and a `--restore-saved` running now would otherwise write over it.
    if (request.confirmSeconds > 0 && !m_transactions->reserve(&error)) {
        m_gate->fail(call, DBusError::Busy, error);
        return;
    }
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
        m_backends.forget();
    if (!ok) {
        m_transactions->unreserve();
        m_gate->fail(call, DBusError::Failed, error);
        return;
    }
    SnapshotBuilder::rememberRevision(family, &written, made.revision);
    diffError = made.diffError;

    // A confirmed apply keeps the previous rules to write them back unless confirmed in time.
    const QString transactionId = request.confirmSeconds > 0
                                      ? m_transactions->start(call.caller, family, previous,
                                                              made.revision, request.confirmSeconds)
                                      : QString();
    reply(transactionId, made.revision, made.diff);
}

// ---------------------------------------------------------------------------------------------
// Confirm / Rollback
// ---------------------------------------------------------------------------------------------

void HelperService::Confirm(const QString &transactionId)
{
    Call call;
    if (!beginTransactionCall(&call, transactionId))
        return;
    m_gate->authorize(call, CallGate::ApplyAction, TransactionKeeper::details(transactionId),
                      [this, call, transactionId]() {
                          m_transactions->decide(m_gate, call, transactionId, [this, call]() {
                              m_transactions->confirm();
                              m_gate->finish(call, {});
                          });
                      });
}

void HelperService::Rollback(const QString &transactionId)
{
    Call call;
    if (!beginTransactionCall(&call, transactionId))
        return;
    m_gate->authorize(
        call, CallGate::ApplyAction, TransactionKeeper::details(transactionId),
        [this, call, transactionId]() {
            m_transactions->decide(m_gate, call, transactionId, [this, call]() {
                m_transactions->rollBack(
                    QStringLiteral("requested"),
                    [this, call](TransactionKeeper::Outcome outcome, const QString &error) {
                        switch (outcome) {
                        case TransactionKeeper::Outcome::RolledBack:
                            m_gate->finish(call, {});
                            return;
                        case TransactionKeeper::Outcome::Conflict:
                            m_gate->fail(call, DBusError::StaleRevision, error);
                            return;
                        case TransactionKeeper::Outcome::Failed:
                            m_gate->fail(call, DBusError::Failed, error);
                            return;
                        }
                    });
            });
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
    m_gate->authorize(call, CallGate::PersistAction,
                      {{QStringLiteral("family"), QString::number(family)},
                       {QStringLiteral("chain"), QStringLiteral("DOCKER-USER")}},
                      [this, call, family]() {
                          if (!checkFamily(call, family))
                              return;
                          m_persistence->save(call, Family(family));
                      });
    return {};
}

bool HelperService::GetSaved(int family, QStringList &rules, qlonglong &savedAt)
{
    Q_UNUSED(rules) // the reply is sent later, from finishCall
    Q_UNUSED(savedAt)
    Call call;
    if (!beginCall(&call))
        return false;
    // Reading what is saved reveals no more than reading the live chain: the same action.
    m_gate->authorize(call, CallGate::ReadAction,
                      {{QStringLiteral("family"), QString::number(family)}},
                      [this, call, family]() {
                          if (!checkFamily(call, family))
                              return;
                          m_persistence->getSaved(call, Family(family));
                      });
    return false;
}

QString HelperService::RestoreSaved(int family, uint flags)
{
    Call call;
    if (!beginCall(&call))
        return {};
    // Restoring changes the live firewall exactly as Apply does, so it is Apply's action.
    m_gate->authorize(call, CallGate::ApplyAction,
                      {{QStringLiteral("family"), QString::number(family)},
                       {QStringLiteral("chain"), QStringLiteral("DOCKER-USER")},
                       {QStringLiteral("source"), QStringLiteral("saved")}},
                      [this, call, family, flags]() {
                          if (!checkFamily(call, family))
                              return;
                          if (flags & ~KnownFlags) {
                              m_gate->fail(call, DBusError::InvalidArgument,
                                           QStringLiteral("unknown flags 0x%1").arg(flags, 0, 16));
                              return;
                          }
                          m_persistence->restoreSaved(call, Family(family), flags);
                      });
    return {};
}

} // namespace Userchain

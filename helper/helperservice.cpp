#include "helperservice.h"

#include "backendworker.h"
#include "dockercontainers.h"
#include "dockerdaemonconfig.h"
#include "ipsetreader.h"
#include "persistencecalls.h"
#include "rulesfileimport.h"
#include "sealedmemfd.h"
#include "snapshotbuilder.h"
#include "transactionkeeper.h"

#include <cstdio>
#include <memory>

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

void log(const QString &text)
{
    // stderr of an activated service ends up in the bus daemon's log or the journal.
    std::fprintf(stderr, "userchain-helper: %s\n", qPrintable(text));
}
} // namespace

HelperService::HelperService(const QDBusConnection &bus, const Options &options, QObject *parent)
    : QObject(parent), m_bus(bus), m_options(options),
      m_gate(new CallGate(bus, this)), m_workers{new BackendWorker(Family::IPv4,
                                                                   options.lockTimeoutMs, this),
                                                 new BackendWorker(Family::IPv6,
                                                                   options.lockTimeoutMs, this)}
{
    const auto workerFor = [this](Family family) {
        return worker(family);
    };
    m_transactions = new TransactionKeeper(bus, workerFor, this);
    m_persistence = new PersistenceCalls(m_gate, workerFor, m_transactions, this);
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

HelperService::~HelperService()
{
    // The worker threads end first (their running jobs finish), before anything they were
    // posted for goes away.
    for (BackendWorker *&worker : m_workers) {
        delete worker;
        worker = nullptr;
    }
}

BackendWorker *HelperService::worker(Family family) const
{
    return m_workers[family == Family::IPv4 ? 0 : 1];
}

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

namespace {
/// On the worker: the running containers' addresses, or "not read" when Docker did not answer.
void readContainers(Snapshot *snapshot, Family family)
{
    QString error; // not sent: "not read" is what clients act on, whatever the cause
    const auto containers = DockerContainers::read(
        DockerContainers::defaultSocket(), DockerContainers::defaultPidFile(), family, &error);
    snapshot->containersRead = containers.has_value();
    snapshot->containers = containers.value_or(QList<ContainerAddress>());
}
} // namespace

void HelperService::readSnapshot(const Call &call, Family family)
{
    BackendWorker *const worker = this->worker(family);
    CallGate *const gate = m_gate;
    // On the worker: detection may run external tools, and a read of 50,000 rules takes a while.
    worker->post([worker, gate, call, family]() {
        const auto answer = [worker, gate, call](const char *errorName, const QString &message,
                                                 const Snapshot &snapshot) {
            worker->answer([gate, call, errorName, message, snapshot]() {
                if (errorName)
                    gate->fail(call, errorName, message);
                else
                    gate->finish(call, {QVariant::fromValue(snapshot)});
            });
        };
        const BackendChooser::Choice choice = worker->backends().choose(family);
        Snapshot base;
        base.backend = choice.name;
        base.family = int(family);
        base.backendDetail = choice.detail;
        SnapshotNote warning;
        base.iptablesDisabled = DockerDaemonConfig::iptablesDisabled(
            DockerDaemonConfig::defaultPath(), family, &warning);
        if (!warning.isEmpty())
            base.warnings.append(warning);
        base.warnings += choice.warnings;

        if (!choice.backend) {
            // Not an error: "no backend Docker uses here" is a state the client explains.
            base.revision = SnapshotBuilder::revision(family, nullptr);
            readContainers(&base, family);
            answer(nullptr, {}, base);
            return;
        }
        // No xtables lock: a read changes nothing, and the kernel hands it a consistent table
        // anyway (libiptc's getsockopt copies the table under the kernel's own lock and reads
        // again if a commit changed its size meanwhile; the nf_tables dump is checked against
        // the ruleset's generation). Holding the lock would make Docker's `iptables -w` and
        // every administrator's iptables wait for each reader.
        BackendTables tables;
        QString error;
        if (!choice.backend->read(family, &tables, &error)) {
            answer(DBusError::Failed, error, {});
            return;
        }
        Snapshot snapshot = SnapshotBuilder::build(base.backend, family, tables);
        snapshot.backendDetail = base.backendDetail;
        snapshot.iptablesDisabled = base.iptablesDisabled;
        snapshot.warnings = base.warnings;
        if (snapshot.dockerUserExists && snapshot.forwardJumpPosition == 0)
            snapshot.warnings.append({QLatin1String(NoteCode::ForwardJumpMissing), {}});
        else if (snapshot.forwardJumpPosition > 1)
            snapshot.warnings.append({QLatin1String(NoteCode::ForwardJumpNotFirst),
                                      {QString::number(snapshot.forwardJumpPosition)}});
        // What the evaluator needs besides the tables, read here on the worker as well (a set
        // of 65,536 entries is a long dump; Docker may take up to its time bound). Neither
        // fails the snapshot: what was not read is left out and clients say it depends.
        snapshot.ipsets = IpsetReader::read(SnapshotBuilder::setNames(tables), family);
        readContainers(&snapshot, family);
        answer(nullptr, {}, snapshot);
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
            ApplyJob::Request request;
            request.family = Family(family);
            request.expectedRevision = expectedRevision;
            request.confirmSeconds = confirmSeconds;
            request.flags = flags;
            // Parsed on the worker; handed over, not shared: resolve() moves the rules out.
            auto items = std::make_shared<QVector<ApplyValidator::Item>>();
            request.validate = [items, family, rules](ApplyError *error) {
                return ApplyValidator::validate(Family(family), rules, items.get(), error);
            };
            request.items = [items](const BackendChain *, QVector<ApplyValidator::Item> *out,
                                    ApplyError *) {
                *out = std::move(*items);
                return true;
            };
            apply(call, request);
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
            ApplyJob::Request request;
            request.family = Family(family);
            request.expectedRevision = expectedRevision;
            request.confirmSeconds = confirmSeconds;
            request.flags = flags;
            request.withDiff = true;
            auto file = std::make_shared<RulesFileImport>();
            request.validate = [file, family, data](ApplyError *error) {
                // Only now, on the worker, is the caller's descriptor read at all (bounded;
                // it must be a sealed memfd, which cannot block or change meanwhile).
                QString why;
                const std::optional<QByteArray> content =
                    SealedMemfd::read(data, RulesFileImport::MaxFileBytes, &why);
                if (!content) {
                    *error = {QLatin1String(DBusError::InvalidArgument),
                              QStringLiteral("data: %1").arg(why)};
                    return false;
                }
                return file->read(Family(family), *content, error);
            };
            request.items = [file](const BackendChain *current, QVector<ApplyValidator::Item> *out,
                                   ApplyError *why) {
                return file->items(current, out, why);
            };
            request.precheck = [file](Backend *backend, ApplyError *why) {
                return file->checkRefused(backend, why);
            };
            apply(call, request);
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

void HelperService::apply(const Call &call, const ApplyJob::Request &request)
{
    const bool dryRun = request.flags & ApplyDryRun;
    // Decided here, in the order the calls arrive, rather than on the worker: the worker runs
    // jobs in the order they were posted (TransactionKeeper::admit).
    const bool reserve = request.confirmSeconds > 0 && !dryRun;
    if (!m_transactions->admit(m_gate, call, dryRun, reserve))
        return;
    BackendWorker *const worker = this->worker(request.family);
    worker->post([this, worker, call, request, reserve]() {
        ApplyJob::run(worker, request,
                      [this, worker, call, request, reserve](const ApplyJob::Outcome &outcome) {
                          worker->answer([this, call, request, outcome, reserve]() {
                              applied(call, request, outcome, reserve);
                          });
                      });
    });
}

void HelperService::applied(const Call &call, const ApplyJob::Request &request,
                            const ApplyJob::Outcome &outcome, bool reserved)
{
    if (!outcome.error.name.isEmpty()) {
        if (reserved)
            m_transactions->unreserve();
        m_gate->fail(call, outcome.error);
        return;
    }
    // A confirmed apply keeps the previous rules to write them back unless confirmed in time.
    // The window starts now, when the caller is told (a Confirm before that has no id to name).
    QString transactionId;
    if (reserved)
        transactionId = m_transactions->start(call.caller, request.family, outcome.previous,
                                              outcome.revision, request.confirmSeconds);
    if (!request.withDiff) {
        m_gate->finish(call, {transactionId, outcome.revision});
        return;
    }
    // After a commit the rules are in place whether or not the diff can be sent; a client
    // without it still has the revision and can read the chain.
    if (!outcome.diffError.isEmpty())
        log(QStringLiteral("cannot pass the diff: %1").arg(outcome.diffError));
    m_gate->finish(call, {transactionId, outcome.revision, QVariant::fromValue(outcome.diff)});
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

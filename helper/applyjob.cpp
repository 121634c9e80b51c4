#include "applyjob.h"

#include "backendworker.h"
#include "dbustypes.h"
#include "rulediff.h"
#include "rulerefusal.h"
#include "rulesfileimport.h"
#include "sealedmemfd.h"
#include "snapshotbuilder.h"
#include "xtableslock.h"

#include <QRegularExpression>

#include <future>
#include <memory>

namespace Userchain {

namespace {
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

ApplyJob::Outcome failure(const char *name, const QString &message)
{
    ApplyJob::Outcome outcome;
    outcome.error = {QLatin1String(name), message};
    return outcome;
}

ApplyJob::Outcome failure(const ApplyError &error)
{
    ApplyJob::Outcome outcome;
    outcome.error = error;
    return outcome;
}

QString staleMessage(const QString &expectedRevision)
{
    return QStringLiteral("DOCKER-USER changed since revision %1").arg(expectedRevision);
}
} // namespace

const char *ApplyJob::errorName(BackendFailure failure)
{
    switch (failure) {
    case BackendFailure::Stale: // found at the commit: refused whole, as for a stale revision
        return DBusError::StaleRevision;
    case BackendFailure::ChainMissing:
        return DBusError::ChainMissing;
    case BackendFailure::BadRule: // the rule of the caller's list: see errorMessage()
        return DBusError::InvalidRule;
    case BackendFailure::Other:
        break;
    }
    return DBusError::Failed;
}

QString ApplyJob::errorMessage(BackendFailure failure, const QString &message)
{
    if (failure != BackendFailure::BadRule)
        return message;
    // The backends name the rule in their words ("rule N: ..."); the caller gets it as a
    // RuleRefusal, which the clients read.
    static const QRegularExpression numbered(QStringLiteral("^rule (\\d{1,9})\\b"));
    const QRegularExpressionMatch match = numbered.match(message);
    if (!match.hasMatch())
        return message;
    RuleRefusal refusal;
    refusal.number = match.captured(1).toInt();
    refusal.reason = QLatin1String(RefusalReason::Backend);
    refusal.text = message;
    return refusal.toLine();
}

void ApplyJob::run(BackendWorker *worker, const Request &request, int lockTimeoutMs, Done done)
{
    // Rules are parsed here, after authorization (the main thread asked polkit first): an
    // unauthorized caller gets nothing parsed, and a 32 MiB parse never holds up the bus.
    ApplyError error;
    if (!request.validate(&error)) {
        done(failure(error));
        return;
    }
    const BackendChooser::Choice choice = worker->backends().choose(request.family);
    if (!choice.writable) {
        done(failure(DBusError::BackendUnavailable,
                     QStringLiteral("%1: %2").arg(choice.name, choice.detail.toString())));
        return;
    }
    if (request.precheck && !request.precheck(choice.backend, &error)) {
        done(failure(error));
        return;
    }
    // A stale client should hear so at once, not after waiting for someone else's lock. When
    // the lock is free the check under the lock follows immediately and is the same check, so
    // the extra read is only spent when there will be a wait.
    XtablesLock &lock = worker->lock();
    if (!(request.flags & ApplyAnyRevision) && (lock.isBusy() || lock.isContended())) {
        BackendTables tables;
        QString readError;
        if (choice.backend->read(request.family, &tables, &readError) &&
            SnapshotBuilder::revision(request.family, SnapshotBuilder::dockerUser(tables)) !=
                request.expectedRevision) {
            done(failure(DBusError::StaleRevision, staleMessage(request.expectedRevision)));
            return;
        }
    }
    lock.acquire(lockTimeoutMs, [worker, request, done](bool held, const QString &lockError) {
        done(held ? runLocked(worker, request) : failure(DBusError::Busy, lockError));
    });
}

ApplyJob::Outcome ApplyJob::runLocked(BackendWorker *worker, const Request &request)
{
    const Family family = request.family;
    const uint flags = request.flags;
    const bool dryRun = flags & ApplyDryRun;
    BackendChooser &backends = worker->backends();
    // Chosen again: a failed commit of an earlier job may have made it detect anew.
    const BackendChooser::Choice choice = backends.choose(family);
    if (!choice.writable)
        return failure(DBusError::BackendUnavailable,
                       QStringLiteral("%1: %2").arg(choice.name, choice.detail.toString()));

    // The revision check that counts: under the lock, against a fresh read, so nothing can
    // change DOCKER-USER between this comparison and the commit, which goes to the very table
    // state that was read.
    QString error;
    const std::unique_ptr<BackendSession> session = choice.backend->beginSession(family, &error);
    if (!session)
        return failure(DBusError::Failed, error);
    const BackendChain *current = session->dockerUser();
    // Hashing the chain is skipped where no answer needs it (flag 8 and a commit).
    const bool anyRevision = flags & ApplyAnyRevision;
    const QString currentRevision =
        anyRevision && !dryRun ? QString() : SnapshotBuilder::revision(family, current);
    if (!anyRevision && currentRevision != request.expectedRevision)
        return failure(DBusError::StaleRevision, staleMessage(request.expectedRevision));
    const bool createChain = flags & ApplyCreateChain;
    const bool createJump = flags & ApplyCreateJump;
    if (!current && !createChain)
        return failure(DBusError::ChainMissing,
                       QStringLiteral("DOCKER-USER does not exist (flag 1 creates it)"));
    Outcome outcome;
    const QVector<BackendRule> rulesBefore = current ? current->rules : QVector<BackendRule>();
    // ApplyFile's diff needs the rules before as text; it is made now, while a file's rules
    // may still be being parsed on other threads (RulesFileImport::read; items() waits).
    const QByteArray previousText =
        request.withDiff ? RulesFileImport::specLines(rulesBefore) : QByteArray();
    // Likewise the lookup resolve() needs of the current rules.
    ApplyValidator::Current lookup = ApplyValidator::lookup(family, current);
    QVector<ApplyValidator::Item> items;
    QVector<BackendRule> rules;
    ApplyError applyError;
    if (!request.items(current, &items, &applyError) ||
        !ApplyValidator::resolve(std::move(items), std::move(lookup), &rules, &applyError))
        return failure(applyError);
    const auto diffOf = [&rules, &request, &previousText](QString *why) {
        if (!request.withDiff)
            return QDBusUnixFileDescriptor();
        const QByteArray appliedText = RulesFileImport::specLines(rules);
        const QList<QByteArrayView> before = RuleDiff::lines(previousText);
        const QList<QByteArrayView> after = RuleDiff::lines(appliedText);
        // Data, not words: the client words it (RuleDiff::formatData).
        return SealedMemfd::create(
            RuleDiff::dataUtf8(RuleDiff::compute(before, after), before, after), why);
    };
    if (dryRun) {
        outcome.revision = currentRevision;
        outcome.diff = diffOf(&outcome.diffError);
        return outcome;
    }
    // Nothing to write: committing the same rules again would only reset their counters.
    // (A confirmed apply still commits, so that the caller gets its transaction.)
    if (current && !createJump && request.confirmSeconds == 0 && sameRules(rulesBefore, rules)) {
        outcome.revision =
            anyRevision ? SnapshotBuilder::revision(family, current) : currentRevision;
        outcome.diff = diffOf(&outcome.diffError);
        return outcome;
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
    struct Made
    {
        QString revision;
        QDBusUnixFileDescriptor diff;
        QString diffError;
    };
    bool ok = session->prepare(rules, createChain, createJump, &error);
    std::future<Made> made;
    if (ok) {
        // A thread costs more than hashing a short list (~1 ms to start one, seen with strace
        // on a 10-rule apply); then the work waits until after the commit, on this thread.
        const std::launch policy = rules.size() < ApplyValidator::ParallelFrom
                                       ? std::launch::deferred
                                       : std::launch::async | std::launch::deferred;
        made = std::async(policy, [&written, &diffOf, family]() {
            Made result;
            result.revision = SnapshotBuilder::computeRevision(family, &written);
            result.diff = diffOf(&result.diffError);
            return result;
        });
        ok = session->commit(&error);
    }
    const Made result = made.valid() ? made.get() : Made();
    // Creating the chain or the jump changes what detection sees (an empty host becomes a
    // legacy one); a failed commit may have been a backend that went away.
    const BackendFailure why = ok ? BackendFailure::Other : choice.backend->lastFailure();
    if (createChain || createJump || !ok)
        backends.forget();
    if (!ok)
        return failure(errorName(why), errorMessage(why, error));
    // On this thread: the next GetSnapshot of this family runs here too and finds it.
    SnapshotBuilder::rememberRevision(family, &written, result.revision);
    // For a rollback: the rules as they were, the removed ones with the counters they had
    // until the commit where the backend knows them (BackendSession::dockerUser()).
    const BackendChain *replaced = session->dockerUser();
    outcome.previous = replaced ? replaced->rules : QVector<BackendRule>();
    outcome.committed = true;
    outcome.revision = result.revision;
    outcome.diff = result.diff;
    outcome.diffError = result.diffError;
    return outcome;
}

} // namespace Userchain

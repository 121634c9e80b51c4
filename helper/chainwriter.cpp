#include "chainwriter.h"

#include "backendchooser.h"
#include "dbustypes.h"
#include "rulerefusal.h"
#include "snapshotbuilder.h"
#include "xtableslock.h"

#include <QRegularExpression>

#include <future>
#include <memory>

namespace Userchain {

namespace {
using Result = ChainWriter::Result;
using Failure = ChainWriter::Failure;

Result failed(Failure failure, const QString &message)
{
    Result result;
    result.failure = failure;
    result.error = {QLatin1String(ChainWriter::errorName(failure)),
                    ChainWriter::errorMessage(failure, message)};
    return result;
}

Result refused(const ApplyError &error)
{
    Result result;
    result.failure = Failure::Refused;
    result.error = error;
    return result;
}

Result unavailable(const BackendChooser::Choice &choice)
{
    return failed(Failure::Unavailable,
                  QStringLiteral("%1: %2").arg(choice.name, choice.detail.toString()));
}

QString staleMessage(const QString &expectedRevision)
{
    return QStringLiteral("DOCKER-USER changed since revision %1").arg(expectedRevision);
}

/// Whether writing rules would leave DOCKER-USER as it is: the same texts and kernel bytes.
bool sameRules(const QVector<BackendRule> &a, const QVector<BackendRule> &b)
{
    if (a.size() != b.size())
        return false;
    QString scratchA, scratchB;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (a.at(i).raw != b.at(i).raw || SnapshotBuilder::specView(a.at(i), &scratchA) !=
                                              SnapshotBuilder::specView(b.at(i), &scratchB))
            return false;
    }
    return true;
}
} // namespace

ChainWriter::ChainWriter(BackendChooser *backends, XtablesLock *lock, int lockTimeoutMs)
    : m_backends(backends), m_lock(lock), m_lockTimeoutMs(lockTimeoutMs)
{}

const char *ChainWriter::errorName(Failure failure)
{
    switch (failure) {
    case Failure::Unavailable:
        return DBusError::BackendUnavailable;
    case Failure::Busy:
        return DBusError::Busy;
    case Failure::Stale: // found at the commit too: refused whole, as for a stale revision
        return DBusError::StaleRevision;
    case Failure::ChainMissing:
        return DBusError::ChainMissing;
    case Failure::BadRule: // the rule of the caller's list, as a RuleRefusal line
        return DBusError::InvalidRule;
    case Failure::None:
    case Failure::Refused:
    case Failure::Other:
        break;
    }
    return DBusError::Failed;
}

QString ChainWriter::errorMessage(Failure failure, const QString &message)
{
    if (failure != Failure::BadRule)
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

ChainWriter::Failure ChainWriter::failureOf(BackendFailure failure)
{
    switch (failure) {
    case BackendFailure::Stale:
        return Failure::Stale;
    case BackendFailure::ChainMissing:
        return Failure::ChainMissing;
    case BackendFailure::BadRule:
        return Failure::BadRule;
    case BackendFailure::Other:
        break;
    }
    return Failure::Other;
}

void ChainWriter::write(const Request &request, Done done)
{
    const BackendChooser::Choice choice = m_backends->choose(request.family);
    if (!choice.writable) {
        done(unavailable(choice));
        return;
    }
    ApplyError error;
    if (request.precheck && !request.precheck(choice.backend, &error)) {
        done(refused(error));
        return;
    }
    // A stale writer should hear so at once, not after waiting for someone else's lock. When
    // the lock is free the check under the lock follows immediately and is the same check, so
    // the extra read is only spent when there will be a wait.
    if (!request.expectedRevision.isEmpty() && (m_lock->isBusy() || m_lock->isContended())) {
        BackendTables tables;
        QString readError;
        if (choice.backend->read(request.family, &tables, &readError) &&
            SnapshotBuilder::revision(request.family, SnapshotBuilder::dockerUser(tables)) !=
                request.expectedRevision) {
            done(failed(Failure::Stale, staleMessage(request.expectedRevision)));
            return;
        }
    }
    m_lock->acquire(m_lockTimeoutMs, [this, request, done](bool held, const QString &lockError) {
        // What a write leaves behind (the session, the rules) is freed only once done has
        // passed the result on: 10,000 rules take milliseconds to free.
        std::shared_ptr<void> leftovers;
        done(held ? writeLocked(request, &leftovers) : failed(Failure::Busy, lockError));
    });
}

ChainWriter::Result ChainWriter::writeLocked(const Request &request,
                                             std::shared_ptr<void> *leftovers)
{
    const Family family = request.family;
    // Chosen again: a failed write of an earlier job may have made it detect anew.
    const BackendChooser::Choice choice = m_backends->choose(family);
    if (!choice.writable)
        return unavailable(choice);

    // The revision check that counts: under the lock, against a fresh read, so nothing can
    // change DOCKER-USER between this comparison and the commit, which goes to the very table
    // state that was read.
    QString error;
    std::unique_ptr<BackendSession> session = choice.backend->beginSession(family, &error);
    if (!session) {
        // A read that fails may have been a backend that went away.
        m_backends->forget();
        return failed(Failure::Other, error);
    }
    const BackendChain *current = session->dockerUser();
    // Hashing the chain is skipped where no answer needs it (no revision to check, a commit).
    const bool checkRevision = !request.expectedRevision.isEmpty();
    const QString currentRevision =
        checkRevision || request.dryRun ? SnapshotBuilder::revision(family, current) : QString();
    if (checkRevision && currentRevision != request.expectedRevision)
        return failed(Failure::Stale, staleMessage(request.expectedRevision));
    if (!current && !request.createChain)
        return failed(Failure::ChainMissing,
                      QStringLiteral("DOCKER-USER does not exist (flag 1 creates it)"));

    QVector<BackendRule> rules;
    ApplyError refusal;
    if (!request.rules(current, &rules, &refusal))
        return refused(refusal);
    Result result;
    result.backend = choice.name;
    if (request.dryRun || (request.skipUnchanged && current && sameRules(current->rules, rules))) {
        if (request.alongside)
            request.alongside(rules);
        result.revision = currentRevision.isEmpty() ? SnapshotBuilder::revision(family, current)
                                                    : currentRevision;
        return result;
    }

    // The new revision is computed from what is committed rather than from reading the chain
    // back: the backend writes parsed rules from their canonical text and verbatim rules as the
    // very bytes it read, and reads them back as the same text and bytes, so the hash is the
    // one the next GetSnapshot reports (tst_helperapply checks this). Reading 50,000 rules back
    // would cost as much as the commit itself. Should the two ever differ, the client's next
    // Apply is refused as stale, which is safe. It is made, with the request's alongside work,
    // on another thread while this one waits for the kernel to take the commit.
    BackendChain written;
    written.rules = rules;
    bool ok = session->prepare(rules, request.createChain, request.createJump, &error);
    std::future<QString> made;
    if (ok) {
        // A thread costs more than hashing a short list (~1 ms to start one, seen with strace
        // on a 10-rule apply); then the work waits until after the commit, on this thread.
        const std::launch policy = rules.size() < ApplyValidator::ParallelFrom
                                       ? std::launch::deferred
                                       : std::launch::async | std::launch::deferred;
        made = std::async(policy, [&written, &request, family]() {
            if (request.alongside)
                request.alongside(written.rules);
            return SnapshotBuilder::computeRevision(family, &written);
        });
        ok = session->commit(&error);
    }
    const QString revision = made.valid() ? made.get() : QString();
    // Creating the chain or the jump changes what detection sees (an empty host becomes a
    // legacy one); a failed commit may have been a backend that went away.
    const BackendFailure why = ok ? BackendFailure::Other : choice.backend->lastFailure();
    if (request.createChain || request.createJump || !ok)
        m_backends->forget();
    if (!ok)
        return failed(failureOf(why), error);
    // On this thread: the next GetSnapshot of this family runs here too and finds it.
    SnapshotBuilder::rememberRevision(family, &written, revision);
    const BackendChain *replaced = session->dockerUser();
    result.previous = replaced ? replaced->rules : QVector<BackendRule>();
    struct Leftovers
    {
        std::unique_ptr<BackendSession> session;
        QVector<BackendRule> rules;
        BackendChain written;
    };
    *leftovers = std::make_shared<Leftovers>(
        Leftovers{std::move(session), std::move(rules), std::move(written)});
    result.committed = true;
    result.revision = revision;
    return result;
}

} // namespace Userchain

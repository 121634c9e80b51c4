#include "unitrestore.h"

#include "backendchooser.h"
#include "restorefile.h"
#include "rulerefusal.h"
#include "savedrestorer.h"
#include "snapshotbuilder.h"
#include "xtableslock.h"

#include <QEventLoop>

#include <cstdio>

namespace Userchain {

namespace {

QString familyName(Family family)
{
    return family == Family::IPv6 ? QStringLiteral("IPv6") : QStringLiteral("IPv4");
}

void say(Family family, const QString &text)
{
    std::printf("userchain-helper: %s: %s\n", qPrintable(familyName(family)), qPrintable(text));
}

void complain(Family family, const QString &text)
{
    std::fprintf(stderr, "userchain-helper: %s: %s\n", qPrintable(familyName(family)),
                 qPrintable(text));
}

/// Whether DOCKER-USER holds exactly the saved rules and FORWARD jumps to it first.
bool inPlace(Backend *backend, Family family, const SavedRules &saved, QString *error)
{
    BackendTables tables;
    if (!backend->read(family, &tables, error))
        return false;
    const BackendChain *chain = SnapshotBuilder::dockerUser(tables);
    if (!chain || SnapshotBuilder::forwardJumpPosition(tables) != 1 ||
        chain->rules.size() != saved.specs.size())
        return false;
    for (qsizetype i = 0; i < chain->rules.size(); ++i)
        if (!chain->rules.at(i).raw.isEmpty() ||
            SnapshotBuilder::specText(chain->rules.at(i)) != saved.specs.at(i))
            return false;
    return true;
}

/// The words of an error for the journal: a refusal's own words (RuleRefusal), not its data.
QString wordsOf(const ApplyError &error)
{
    if (error.name != QLatin1String(DBusError::InvalidRule))
        return error.message;
    QStringList words;
    for (const RuleRefusal &refusal : RuleRefusal::fromMessage(error.message))
        words << refusal.text;
    return words.join(QStringLiteral("; "));
}

int exitFor(const ApplyError &error)
{
    return error.name == QLatin1String(DBusError::InvalidRule) ? UnitRestore::ExitBadFile
                                                               : UnitRestore::ExitCommitFailed;
}

} // namespace

QStringList UnitRestore::failClosedRules()
{
    const QString comment =
        QStringLiteral("-m comment --comment \"userchain fail-closed: the saved rules did not "
                       "load\" -j DROP");
    return {QStringLiteral("-o docker0 ") + comment, QStringLiteral("-o br-+ ") + comment};
}

ChainWriter::Result UnitRestore::written(ChainWriter *writer, const ChainWriter::Request &request)
{
    bool finished = false;
    ChainWriter::Result result;
    QEventLoop loop;
    writer->write(request, [&](const ChainWriter::Result &outcome) {
        finished = true;
        result = outcome;
        loop.quit();
    });
    if (!finished)
        loop.exec();
    return result;
}

UnitRestore::Outcome UnitRestore::closeOff(ChainWriter *writer, Family family, Outcome why)
{
    SavedRules closed;
    ApplyError error;
    if (PersistentStore::parse(family, exportDockerUser(failClosedRules()),
                               QStringLiteral("fail-closed"), &closed, &error)) {
        const ChainWriter::Result result = written(
            writer, SavedRestorer::request(family, closed, ApplyCreateChain | ApplyCreateJump));
        if (result.failure == ChainWriter::Failure::None) {
            why.message += QStringLiteral("; fail-closed: forwarded traffic to Docker's bridges is "
                                          "dropped until the saved rules load");
            return why;
        }
        error = result.error;
    }
    why.message += QStringLiteral("; fail-closed rules not written either: %1").arg(error.message);
    return why;
}

UnitRestore::Outcome UnitRestore::restoreFamily(Family family, const Options &options,
                                                const PersistentStore &store, bool failClosed)
{
    // The file first: with nothing saved there is nothing to detect or lock, and a host
    // without (say) IPv6 chains is no failure when nothing was saved for IPv6.
    SavedRules saved;
    ApplyError fileError;
    const bool fileOk = store.load(family, &saved, &fileError);
    if (fileOk && !saved.exists) {
        say(family, QStringLiteral("nothing saved (%1)").arg(store.path(family)));
        return {};
    }
    // Detection before libiptc, as in the service: on an nf_tables host, opening libiptc
    // would create empty legacy tables.
    BackendChooser backends(options.mode == Mode::BeforeDocker
                                ? BackendChooser::Moment::BeforeDocker
                                : BackendChooser::Moment::DockerRunning);
    XtablesLock lock;
    ChainWriter writer(&backends, &lock, options.lockTimeoutMs);

    if (fileOk && options.mode == Mode::AfterDocker) {
        // Nothing written when the early restore did its work and Docker kept it: a commit
        // would only reset the rules' counters. A read, so without the lock, as GetSnapshot
        // reads; without a backend the write below says why.
        const BackendChooser::Choice choice = backends.choose(family);
        if (choice.backend) {
            QString readError;
            if (inPlace(choice.backend, family, saved, &readError)) {
                say(family, QStringLiteral("the saved rules are in place (%1 rules, %2)")
                                .arg(saved.specs.size())
                                .arg(choice.name));
                return {};
            }
            if (!readError.isEmpty())
                return failClosed ? closeOff(&writer, family, {ExitCommitFailed, readError})
                                  : Outcome{ExitCommitFailed, readError};
        }
    }
    // Docker may not have made its jump yet (or at all, after a manual flush): create the
    // chain and the jump, as the user's saved firewall needs both.
    ChainWriter::Request request =
        SavedRestorer::request(family, saved, ApplyCreateChain | ApplyCreateJump);
    // A damaged file is refused where its rules would be made: what kept anything from being
    // written at all (no backend, the lock) is said first, as for a good file, and fail-closed
    // rules go in with the same checks.
    if (!fileOk)
        request.rules = [fileError](const BackendChain *, QVector<BackendRule> *,
                                    ApplyError *error) {
            *error = fileError;
            return false;
        };
    const ChainWriter::Result result = written(&writer, request);
    switch (result.failure) {
    case ChainWriter::Failure::None:
        say(family, QStringLiteral("restored %1 rules into DOCKER-USER (%2) from %3")
                        .arg(saved.specs.size())
                        .arg(result.backend, store.path(family)));
        return {};
    case ChainWriter::Failure::Unavailable: // nothing can be written at all: no fail-closed
        return {ExitNoBackend,
                QStringLiteral("no Docker chains to restore into (%1)").arg(result.error.message)};
    case ChainWriter::Failure::Busy:
        return {ExitBusy, result.error.message};
    default:
        break;
    }
    const Outcome failure = !fileOk ? Outcome{ExitBadFile, wordsOf(fileError)}
                                    : Outcome{exitFor(result.error), wordsOf(result.error)};
    return failClosed ? closeOff(&writer, family, failure) : failure;
}

int UnitRestore::run(const Options &options, const PersistentStore &store)
{
    // A confirmed apply waiting for Keep holds the previous rules to write them back; writing
    // the saved ones now would be undone by that rollback, or make it a conflict that keeps
    // whatever is there. Refusing is safe: the user's Keep or the rollback settles DOCKER-USER,
    // and the next Docker start (or a manual start of the unit) restores again.
    TransactionLock transaction(options.transactionLockPath);
    bool contended = false;
    QString transactionError;
    if (!transaction.tryHold(&contended, &transactionError)) {
        if (contended) {
            std::fprintf(stderr,
                         "userchain-helper: nothing restored: a confirmed apply is waiting for "
                         "confirmation (%s); run again after it is kept or rolled back\n",
                         qPrintable(transactionError));
            return ExitPending;
        }
        // A lock that cannot be opened cannot be held by the helper either (it refuses a
        // confirmed apply without it), and the boot restore is what protects the host: go on.
        std::fprintf(stderr, "userchain-helper: warning: %s; restoring anyway\n",
                     qPrintable(transactionError));
    }

    const bool failClosed = store.failClosed();
    int result = ExitOk;
    for (const Family family : options.families) {
        const Outcome outcome = restoreFamily(family, options, store, failClosed);
        if (outcome.code == ExitOk)
            continue;
        complain(family, QStringLiteral("nothing restored: %1").arg(outcome.message));
        if (result == ExitOk)
            result = outcome.code;
    }
    std::fflush(stdout);
    return result;
}

} // namespace Userchain

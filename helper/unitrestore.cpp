#include "unitrestore.h"

#include "backenddetector.h"
#include "iptcbackend.h"
#include "nftbackend.h"
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

std::unique_ptr<Backend> UnitRestore::backendFor(Family family, Mode mode, QString *name,
                                                 Outcome *failure)
{
    // Detection before libiptc, as in the service: on an nf_tables host, opening libiptc
    // would create empty legacy tables. Every backend the detector creates can write.
    const BackendDetection detection = BackendDetector::detect(family);
    if (std::unique_ptr<Backend> backend = BackendDetector::create(detection)) {
        *name = detection.backend;
        return backend;
    }
    // Before Docker there are no Docker chains to find (after a boot, none at all): the rules
    // go where Docker will put its own, the variant of the `iptables` it runs. Not when
    // Docker makes no chains ("iptables": false, its nftables firewall).
    if (mode == Mode::BeforeDocker && !detection.iptablesDisabled && !detection.dockerNftables) {
        if (detection.iptablesVariant == QLatin1String("legacy")) {
            // Opening a legacy table creates it, which is why the service never does so
            // unasked; here it is what iptables-legacy would do for Docker a moment later.
            QString error;
            if (!IptcBackend::createTable(family, QStringLiteral("filter"), &error)) {
                *failure = {ExitCommitFailed, error};
                return nullptr;
            }
            *name = QStringLiteral("legacy");
            return std::make_unique<IptcBackend>();
        }
        if (detection.iptablesVariant == QLatin1String("nf_tables")) {
            *name = QStringLiteral("nft");
            return std::make_unique<NftBackend>();
        }
    }
    *failure = {
        ExitNoBackend,
        QStringLiteral("no Docker chains to restore into (%1)").arg(detection.detail.toString())};
    return nullptr;
}

UnitRestore::Outcome UnitRestore::locked(int timeoutMs, const std::function<Outcome()> &work)
{
    // This mode has no bus and nothing else to serve: a local event loop only drives the
    // lock's poll timer until the work has run.
    XtablesLock lock;
    bool finished = false;
    Outcome outcome;
    QEventLoop loop;
    lock.acquire(timeoutMs, [&](bool held, const QString &lockError) {
        finished = true;
        loop.quit();
        outcome = held ? work() : Outcome{ExitBusy, lockError};
    });
    if (!finished)
        loop.exec();
    return outcome;
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
    QString backendName;
    Outcome failure;
    const std::unique_ptr<Backend> backend =
        backendFor(family, options.mode, &backendName, &failure);
    if (!backend)
        return failure;

    // Fail-closed rules in place of the saved ones, with the lock already held.
    const auto closeOff = [&](Outcome why) {
        SavedRules closed;
        ApplyError error;
        QString revision;
        if (!PersistentStore::parse(family, exportDockerUser(failClosedRules()),
                                    QStringLiteral("fail-closed"), &closed, &error) ||
            !SavedRestorer::restoreLocked(backend.get(), family, closed,
                                          ApplyCreateChain | ApplyCreateJump, &revision, &error)) {
            why.message +=
                QStringLiteral("; fail-closed rules not written either: %1").arg(error.message);
            return why;
        }
        why.message += QStringLiteral("; fail-closed: forwarded traffic to Docker's bridges is "
                                      "dropped until the saved rules load");
        return why;
    };

    return locked(options.lockTimeoutMs, [&]() -> Outcome {
        if (!fileOk)
            return failClosed ? closeOff({ExitBadFile, wordsOf(fileError)})
                              : Outcome{ExitBadFile, wordsOf(fileError)};
        if (options.mode == Mode::AfterDocker) {
            // Nothing written when the early restore did its work and Docker kept it: a
            // commit would only reset the rules' counters.
            QString readError;
            if (inPlace(backend.get(), family, saved, &readError)) {
                say(family, QStringLiteral("the saved rules are in place (%1 rules, %2)")
                                .arg(saved.specs.size())
                                .arg(backendName));
                return {};
            }
            if (!readError.isEmpty())
                return failClosed ? closeOff({ExitCommitFailed, readError})
                                  : Outcome{ExitCommitFailed, readError};
        }
        // Docker may not have made its jump yet (or at all, after a manual flush): create
        // the chain and the jump, as the user's saved firewall needs both.
        QString revision;
        ApplyError error;
        if (!SavedRestorer::restoreLocked(backend.get(), family, saved,
                                          ApplyCreateChain | ApplyCreateJump, &revision, &error))
            return failClosed ? closeOff({exitFor(error), wordsOf(error)})
                              : Outcome{exitFor(error), wordsOf(error)};
        say(family, QStringLiteral("restored %1 rules into DOCKER-USER (%2) from %3")
                        .arg(saved.specs.size())
                        .arg(backendName, store.path(family)));
        return {};
    });
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

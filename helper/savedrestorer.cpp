#include "savedrestorer.h"

#include "backenddetector.h"
#include "snapshotbuilder.h"
#include "xtableslock.h"

#include <QEventLoop>

#include <cstdio>
#include <memory>

namespace Userchain {

namespace {

QString familyName(Family family)
{
    return family == Family::IPv6 ? QStringLiteral("IPv6") : QStringLiteral("IPv4");
}

} // namespace

bool SavedRestorer::restoreLocked(Backend *backend, Family family, const SavedRules &saved,
                                  uint flags, QString *newRevision, ApplyError *error)
{
    // A fresh read under the lock, as for Apply: whether the chain exists decides between
    // ChainMissing and creating it, and the counters of rules that stay are carried over.
    BackendTables tables;
    QString backendError;
    if (!backend->read(family, &tables, &backendError)) {
        *error = {QLatin1String(DBusError::Failed), backendError};
        return false;
    }
    const BackendChain *current = SnapshotBuilder::dockerUser(tables);
    const bool createChain = flags & ApplyCreateChain;
    const bool createJump = flags & ApplyCreateJump;
    if (!current && !createChain) {
        *error = {QLatin1String(DBusError::ChainMissing),
                  QStringLiteral("DOCKER-USER does not exist (flag 1 creates it)")};
        return false;
    }
    // Saved rules are all parsed rules (Save refuses verbatim ones), so resolve() only turns
    // them into backend rules; it is called anyway so that there is one way to get there.
    QVector<BackendRule> rules;
    if (!ApplyValidator::resolve(family, saved.items, current, &rules, error))
        return false;
    if (flags & ApplyDryRun) {
        *newRevision = SnapshotBuilder::revision(family, current);
        return true;
    }
    if (!backend->replaceDockerUser(family, rules, createChain, createJump, &backendError)) {
        *error = {QLatin1String(DBusError::Failed), backendError};
        return false;
    }
    // As in Apply: the revision of what was committed is what the next read reports.
    BackendChain written;
    written.rules = rules;
    *newRevision = SnapshotBuilder::revision(family, &written);
    return true;
}

int SavedRestorer::runCommand(const QList<Family> &families, int lockTimeoutMs,
                              const PersistentStore &store, const QString &transactionLockPath)
{
    // A confirmed apply waiting for Keep holds the previous rules to write them back; writing
    // the saved ones now would be undone by that rollback, or make it a conflict that keeps
    // whatever is there. Refusing is safe: the user's Keep or the rollback settles DOCKER-USER,
    // and the next Docker start (or a manual start of the unit) restores again.
    TransactionLock transaction(transactionLockPath);
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

    int result = ExitOk;
    auto fail = [&result](int code, Family family, const QString &message) {
        std::fprintf(stderr, "userchain-helper: %s: nothing restored: %s\n",
                     qPrintable(familyName(family)), qPrintable(message));
        if (result == ExitOk)
            result = code;
    };

    XtablesLock lock;
    for (const Family family : families) {
        // The file first: with nothing saved there is nothing to detect or lock, and a host
        // without (say) IPv6 chains is no failure when nothing was saved for IPv6.
        SavedRules saved;
        ApplyError error;
        if (!store.load(family, &saved, &error)) {
            fail(ExitBadFile, family, error.message);
            continue;
        }
        if (!saved.exists) {
            std::printf("userchain-helper: %s: nothing saved (%s)\n",
                        qPrintable(familyName(family)), qPrintable(store.path(family)));
            continue;
        }

        // Detection before libiptc, as in the service: on an nf_tables host, opening libiptc
        // would create empty legacy tables. Every backend the detector creates can write.
        const BackendDetection detection = BackendDetector::detect(family);
        const std::unique_ptr<Backend> backend = BackendDetector::create(detection);
        if (!backend) {
            fail(ExitNoBackend, family,
                 QStringLiteral("no Docker chains to restore into (%1)").arg(detection.detail));
            continue;
        }

        // This mode has no bus and nothing else to serve: a local event loop only drives the
        // lock's poll timer until the work has run.
        bool finished = false;
        int code = ExitOk;
        QString message;
        QString newRevision;
        QEventLoop loop;
        lock.acquire(lockTimeoutMs, [&](bool held, const QString &lockError) {
            finished = true;
            loop.quit();
            if (!held) {
                code = ExitBusy;
                message = lockError;
                return;
            }
            // At boot Docker may not have re-created its jump yet (or at all, after a manual
            // flush): create the chain and the jump, as the user's saved firewall needs both.
            ApplyError restoreError;
            if (!restoreLocked(backend.get(), family, saved, ApplyCreateChain | ApplyCreateJump,
                               &newRevision, &restoreError)) {
                code = restoreError.name == QLatin1String(DBusError::InvalidRule)
                           ? ExitBadFile
                           : ExitCommitFailed;
                message = restoreError.message;
            }
        });
        if (!finished)
            loop.exec();
        if (code != ExitOk) {
            fail(code, family, message);
            continue;
        }
        std::printf("userchain-helper: %s: restored %lld rules into DOCKER-USER (%s) from %s\n",
                    qPrintable(familyName(family)), static_cast<long long>(saved.specs.size()),
                    qPrintable(backend->name()), qPrintable(store.path(family)));
    }
    std::fflush(stdout);
    return result;
}

} // namespace Userchain

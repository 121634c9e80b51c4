#include "savedrestorer.h"

#include "snapshotbuilder.h"

namespace Userchain {

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

} // namespace Userchain

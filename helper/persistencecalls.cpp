#include "persistencecalls.h"

#include "persistentstore.h"
#include "savedrestorer.h"
#include "snapshotbuilder.h"
#include "transactionkeeper.h"
#include "xtableslock.h"

#include <QTimer>

#include <cstdio>

namespace Userchain {

namespace {
void log(const QString &text)
{
    // stderr of an activated service ends up in the bus daemon's log or the journal.
    std::fprintf(stderr, "userchain-helper: %s\n", qPrintable(text));
}
} // namespace

PersistenceCalls::PersistenceCalls(CallGate *gate, BackendChooser *backends, XtablesLock *lock,
                                   TransactionKeeper *transactions, int lockTimeoutMs,
                                   QObject *parent)
    : QObject(parent), m_gate(gate), m_backends(backends), m_lock(lock),
      m_transactions(transactions), m_lockTimeoutMs(lockTimeoutMs)
{}

void PersistenceCalls::save(const CallGate::Call &call, Family family)
{
    // Why a pending confirmed apply blocks saving: its rules are on probation; saved, they
    // would come back at the next boot even if the rollback restores the old ones now.
    if (m_transactions->busy()) {
        m_gate->fail(call, DBusError::Busy,
                     QStringLiteral("a confirmed apply is waiting for confirmation; confirm "
                                    "or roll it back before saving"));
        return;
    }
    if (const BackendChooser::Choice choice = m_backends->choose(family); !choice.backend) {
        m_gate->fail(call, DBusError::BackendUnavailable,
                     QStringLiteral("%1: %2").arg(choice.name, choice.detail));
        return;
    }
    m_lock->acquire(m_lockTimeoutMs, [this, call, family](bool held, const QString &lockError) {
        if (!held) {
            m_gate->fail(call, DBusError::Busy, lockError);
            return;
        }
        if (m_transactions->busy()) {
            m_gate->fail(call, DBusError::Busy,
                         QStringLiteral("a confirmed apply is waiting for confirmation; "
                                        "confirm or roll it back before saving"));
            return;
        }
        const BackendChooser::Choice choice = m_backends->choose(family);
        if (!choice.backend) {
            m_gate->fail(call, DBusError::BackendUnavailable,
                         QStringLiteral("%1: %2").arg(choice.name, choice.detail));
            return;
        }
        // What is saved is what the kernel holds now, read under the lock; a caller sends no
        // rules, so Save cannot persist anything that was not applied (and validated) first.
        BackendTables tables;
        QString error;
        if (!choice.backend->read(family, &tables, &error)) {
            m_gate->fail(call, DBusError::Failed, error);
            return;
        }
        const BackendChain *chain = SnapshotBuilder::dockerUser(tables);
        if (!chain) {
            m_gate->fail(call, DBusError::ChainMissing,
                         QStringLiteral("DOCKER-USER does not exist; there is nothing to save"));
            return;
        }
        QStringList specs;
        ApplyError saveError;
        if (!PersistentStore::specsToSave(*chain, &specs, &saveError)) {
            m_gate->fail(call, saveError);
            return;
        }
        // Written after the lock is released: fsync may take a while on a busy disk, and
        // Docker waits for the same lock.
        QTimer::singleShot(0, this, [this, call, family, specs]() {
            const PersistentStore store;
            ApplyError writeError;
            if (!store.save(family, specs, &writeError)) {
                log(QStringLiteral("save failed: %1").arg(writeError.message));
                m_gate->fail(call, writeError);
                return;
            }
            m_gate->finish(call, {store.path(family)});
        });
    });
}

void PersistenceCalls::getSaved(const CallGate::Call &call, Family family)
{
    SavedRules saved;
    ApplyError error;
    if (!PersistentStore().load(family, &saved, &error)) {
        m_gate->fail(call, error);
        return;
    }
    m_gate->finish(call, {saved.exists, saved.specs, qlonglong(saved.savedAtMs)});
}

void PersistenceCalls::restoreSaved(const CallGate::Call &call, Family family, uint flags)
{
    const bool dryRun = flags & ApplyDryRun;
    if (!dryRun && (m_transactions->busy())) {
        m_gate->fail(call, DBusError::Busy,
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
        m_gate->fail(call, error);
        return;
    }
    if (!saved.exists) {
        m_gate->fail(call, DBusError::Failed,
                     QStringLiteral("nothing saved: %1 does not exist").arg(store.path(family)));
        return;
    }
    if (const BackendChooser::Choice choice = m_backends->choose(family); !choice.writable) {
        m_gate->fail(call, DBusError::BackendUnavailable,
                     QStringLiteral("%1: %2").arg(choice.name, choice.detail));
        return;
    }
    m_lock->acquire(m_lockTimeoutMs, [this, call, family, saved, flags,
                                      dryRun](bool held, const QString &lockError) {
        if (!held) {
            m_gate->fail(call, DBusError::Busy, lockError);
            return;
        }
        // Checked again: an Apply may have become pending while this call waited.
        if (!dryRun && (m_transactions->busy())) {
            m_gate->fail(call, DBusError::Busy,
                         QStringLiteral("another confirmed apply is waiting for confirmation"));
            return;
        }
        const BackendChooser::Choice choice = m_backends->choose(family);
        if (!choice.writable) {
            m_gate->fail(call, DBusError::BackendUnavailable,
                         QStringLiteral("%1: %2").arg(choice.name, choice.detail));
            return;
        }
        QString newRevision;
        ApplyError restoreError;
        const bool ok = SavedRestorer::restoreLocked(choice.backend, family, saved, flags,
                                                     &newRevision, &restoreError);
        // As after Apply: a created chain or jump changes what detection sees.
        if (!dryRun && ((flags & (ApplyCreateChain | ApplyCreateJump)) || !ok))
            m_backends->forget();
        if (!ok) {
            m_gate->fail(call, restoreError);
            return;
        }
        m_gate->finish(call, {newRevision});
    });
}

} // namespace Userchain

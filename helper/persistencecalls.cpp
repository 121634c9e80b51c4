#include "persistencecalls.h"

#include "persistentstore.h"
#include "savedrestorer.h"
#include "snapshotbuilder.h"
#include "transactionkeeper.h"

#include <cstdio>

namespace Userchain {

namespace {
void log(const QString &text)
{
    // stderr of an activated service ends up in the bus daemon's log or the journal.
    std::fprintf(stderr, "userchain-helper: %s\n", qPrintable(text));
}

ApplyError named(const char *name, const QString &message)
{
    return {QLatin1String(name), message};
}

const QString PendingMessage =
    QStringLiteral("a confirmed apply is waiting for confirmation; confirm or roll it back "
                   "before saving");
} // namespace

PersistenceCalls::PersistenceCalls(CallGate *gate, BackendWorker::ForFamily workers,
                                   TransactionKeeper *transactions, QObject *parent)
    : QObject(parent), m_gate(gate), m_workers(std::move(workers)), m_transactions(transactions)
{}

void PersistenceCalls::answer(BackendWorker *worker, const CallGate::Call &call,
                              const ApplyError &error, const QVariantList &results)
{
    CallGate *const gate = m_gate;
    worker->answer([gate, call, error, results]() {
        if (!error.name.isEmpty())
            gate->fail(call, error);
        else
            gate->finish(call, results);
    });
}

void PersistenceCalls::save(const CallGate::Call &call, Family family)
{
    // Why a pending confirmed apply blocks saving: its rules are on probation; saved, they
    // would come back at the next boot even if the rollback restores the old ones now. No
    // apply admitted after this call can commit before the read below: the worker runs jobs
    // in the order they were posted.
    if (m_transactions->busy()) {
        m_gate->fail(call, DBusError::Busy, PendingMessage);
        return;
    }
    BackendWorker *const worker = m_workers(family);
    worker->post([this, worker, call, family]() {
        const BackendChooser::Choice choice = worker->backends().choose(family);
        if (!choice.backend) {
            answer(worker, call,
                   named(DBusError::BackendUnavailable,
                         QStringLiteral("%1: %2").arg(choice.name, choice.detail.toString())));
            return;
        }
        // What is saved is what the kernel holds now; a caller sends no rules, so Save cannot
        // persist anything that was not applied (and validated) first. Read without the
        // xtables lock, as GetSnapshot: the kernel's copy is consistent by itself.
        BackendTables tables;
        QString error;
        if (!choice.backend->read(family, &tables, &error)) {
            answer(worker, call, named(DBusError::Failed, error));
            return;
        }
        const BackendChain *chain = SnapshotBuilder::dockerUser(tables);
        if (!chain) {
            answer(worker, call,
                   named(DBusError::ChainMissing,
                         QStringLiteral("DOCKER-USER does not exist; there is nothing to save")));
            return;
        }
        QStringList specs;
        ApplyError saveError;
        if (!PersistentStore::specsToSave(*chain, &specs, &saveError)) {
            answer(worker, call, saveError);
            return;
        }
        const PersistentStore store;
        ApplyError writeError;
        if (!store.save(family, specs, &writeError)) {
            log(QStringLiteral("save failed: %1").arg(writeError.message));
            answer(worker, call, writeError);
            return;
        }
        answer(worker, call, {}, {store.path(family)});
    });
}

void PersistenceCalls::getSaved(const CallGate::Call &call, Family family)
{
    // On the worker: the file may hold 16 MiB of rules to parse.
    BackendWorker *const worker = m_workers(family);
    worker->post([this, worker, call, family]() {
        SavedRules saved;
        ApplyError error;
        if (!PersistentStore().load(family, &saved, &error, &m_savedFiles)) {
            answer(worker, call, error);
            return;
        }
        answer(worker, call, {}, {saved.exists, saved.specs, qlonglong(saved.savedAtMs)});
    });
}

void PersistenceCalls::restoreSaved(const CallGate::Call &call, Family family, uint flags)
{
    // As for Apply, decided at admission: later writes queue behind this one on the worker.
    if (!m_transactions->admit(m_gate, call, flags & ApplyDryRun, false))
        return;
    BackendWorker *const worker = m_workers(family);
    worker->post([this, worker, call, family, flags]() {
        // The file is read and checked before the lock (it is the helper's own and does not
        // change with the tables): a bad file is reported without waiting. The path is
        // fixed; the caller only names the family. Not from the cache: what is written to the
        // firewall is what the file holds now (see SavedFileCache on what its keys miss).
        SavedRules saved;
        ApplyError error;
        const PersistentStore store;
        if (!store.load(family, &saved, &error)) {
            answer(worker, call, error);
            return;
        }
        if (!saved.exists) {
            answer(
                worker, call,
                named(DBusError::Failed,
                      QStringLiteral("nothing saved: %1 does not exist").arg(store.path(family))));
            return;
        }
        worker->writer().write(SavedRestorer::request(family, saved, flags),
                               [this, worker, call](const ChainWriter::Result &result) {
                                   answer(worker, call, result.error, {result.revision});
                               });
    });
}

} // namespace Userchain

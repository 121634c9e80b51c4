#pragma once

#include "backendworker.h"
#include "callgate.h"
#include "savedfilecache.h"

#include <QObject>

namespace Userchain {

class TransactionKeeper;

/**
 * Save, GetSaved and RestoreSaved once the caller is authorized and the family checked:
 * the live DOCKER-USER written to the root-owned file (PersistentStore) and the saved rules
 * read, or restored through the worker's ChainWriter (SavedRestorer). Each answers its call
 * through the CallGate.
 *
 * Whether a pending transaction forbids the call is decided here, on the main thread, when
 * the call is admitted; the files and the kernel are read and written on the family's
 * BackendWorker, and the answer is sent when its result is back.
 */
class PersistenceCalls final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PersistenceCalls)

public:
    PersistenceCalls(CallGate *gate, BackendWorker::ForFamily workers,
                     TransactionKeeper *transactions, QObject *parent = nullptr);

    void save(const CallGate::Call &call, Family family);
    void getSaved(const CallGate::Call &call, Family family);
    void restoreSaved(const CallGate::Call &call, Family family, uint flags);

private:
    /// Called on the worker: answers call on the main thread with results, or with error if
    /// it has a name. (It reads only m_gate, which never changes.)
    void answer(BackendWorker *worker, const CallGate::Call &call, const ApplyError &error,
                const QVariantList &results = {});

    CallGate *m_gate = nullptr;
    BackendWorker::ForFamily m_workers;
    TransactionKeeper *m_transactions = nullptr;
    /// GetSaved parses the saved file only when it changed (used on both workers).
    SavedFileCache m_savedFiles;
};

} // namespace Userchain

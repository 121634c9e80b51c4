#pragma once

#include "backendchooser.h"
#include "callgate.h"

#include <QObject>

namespace Userchain {

class TransactionKeeper;
class XtablesLock;

/**
 * Save, GetSaved and RestoreSaved once the caller is authorized and the family checked:
 * the live DOCKER-USER written to the root-owned file (PersistentStore) and the saved rules
 * read or restored (SavedRestorer). Each answers its call through the CallGate.
 */
class PersistenceCalls final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PersistenceCalls)

public:
    PersistenceCalls(CallGate *gate, BackendChooser *backends, XtablesLock *lock,
                     TransactionKeeper *transactions, int lockTimeoutMs, QObject *parent = nullptr);

    void save(const CallGate::Call &call, Family family);
    void getSaved(const CallGate::Call &call, Family family);
    void restoreSaved(const CallGate::Call &call, Family family, uint flags);

private:
    CallGate *m_gate = nullptr;
    BackendChooser *m_backends = nullptr;
    XtablesLock *m_lock = nullptr;
    TransactionKeeper *m_transactions = nullptr;
    int m_lockTimeoutMs = 0;
};

} // namespace Userchain

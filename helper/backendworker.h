#pragma once

#include "backendchooser.h"

#include <QObject>
#include <QThread>
#include <functional>
#include <memory>

namespace Userchain {

class ChainWriter;
class XtablesLock;

/**
 * The thread that does one family's backend work: detection (external tools with 10 s
 * limits), reads and commits (up to a minute on a large nf_tables ruleset), waiting for the
 * xtables lock, parsing a caller's rules and files, fsync. The helper's main thread keeps the
 * D-Bus connection, polkit, the confirmation windows and the transaction bookkeeping, and so
 * never waits: a Confirm sent in time is decided in time, whatever a read is doing.
 *
 * The worker owns the family's BackendChooser (the backends and their caches), an XtablesLock
 * and the ChainWriter that writes through both, made on its thread; only code running on the
 * worker touches them (backends(), lock(), writer()). Jobs run one after another in the order they
 * were posted. Work under the lock keeps that order as well: a job asks for the lock before the
 * next job starts, and the lock serves its waiters in order. A job hands its result to answer(),
 * which runs on the main thread, where the call is answered and the bookkeeping done.
 *
 * Why one worker per family rather than one for all: the two families share nothing in the
 * kernel (ip and ip6 tables, libip4tc and libip6tc), so an IPv6 read stuck behind a hung tool
 * need not hold up an IPv4 GetSnapshot. Kernel writes still come one at a time: the two
 * workers' xtables locks exclude each other like any two processes' (flock per open file).
 */
class BackendWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BackendWorker)

public:
    using Job = std::function<void()>;
    /// How the helper's parts find the worker of a family.
    using ForFamily = std::function<BackendWorker *(Family family)>;

    /// lockTimeoutMs: how long a write waits for the xtables lock before it is Busy.
    BackendWorker(Family family, int lockTimeoutMs, QObject *parent = nullptr);
    /// Lets the running job finish and drops those not started (the helper exits only when
    /// no call is in flight, so none is then waiting).
    ~BackendWorker() override;

    Family family() const { return m_family; }

    /// Runs job on the worker thread after every job posted before it (from any thread).
    void post(Job job);
    /// From the worker: runs done on the thread that made this object (the main thread).
    void answer(Job done);

    /// Only on the worker thread: this family's backends.
    BackendChooser &backends();
    /// Only on the worker thread: the xtables lock, polled by the worker's event loop.
    XtablesLock &lock();
    /// Only on the worker thread: the one way this family's DOCKER-USER is written.
    ChainWriter &writer();

private:
    bool onWorker() const { return QThread::currentThread() == &m_thread; }

    Family m_family;
    int m_lockTimeoutMs = 0;
    QThread m_thread;
    QObject m_context; ///< lives on m_thread: the receiver of posted jobs
    BackendChooser m_backends;
    std::unique_ptr<XtablesLock> m_lock;   ///< made on m_thread at its first use
    std::unique_ptr<ChainWriter> m_writer; ///< likewise
};

} // namespace Userchain

#include "backendworker.h"

#include "chainwriter.h"
#include "xtableslock.h"

namespace Userchain {

BackendWorker::BackendWorker(Family family, int lockTimeoutMs, QObject *parent)
    : QObject(parent), m_family(family), m_lockTimeoutMs(lockTimeoutMs)
{
    // The name shows in `top -H` and in a debugger: which family's work is stuck.
    m_thread.setObjectName(family == Family::IPv4 ? QStringLiteral("userchain-ipv4")
                                                  : QStringLiteral("userchain-ipv6"));
    m_context.moveToThread(&m_thread);
    m_thread.start();
}

BackendWorker::~BackendWorker()
{
    m_thread.quit();
    m_thread.wait();
    // The thread has ended: its objects (the lock, the backends) can go from here.
}

void BackendWorker::post(Job job)
{
    QMetaObject::invokeMethod(&m_context, std::move(job), Qt::QueuedConnection);
}

void BackendWorker::answer(Job done)
{
    Q_ASSERT(onWorker());
    QMetaObject::invokeMethod(this, std::move(done), Qt::QueuedConnection);
}

BackendChooser &BackendWorker::backends()
{
    Q_ASSERT(onWorker());
    return m_backends;
}

XtablesLock &BackendWorker::lock()
{
    Q_ASSERT(onWorker());
    // Made here, on the worker, so that its poll timer belongs to the worker's event loop.
    if (!m_lock)
        m_lock = std::make_unique<XtablesLock>();
    return *m_lock;
}

ChainWriter &BackendWorker::writer()
{
    Q_ASSERT(onWorker());
    if (!m_writer)
        m_writer = std::make_unique<ChainWriter>(&m_backends, &lock(), m_lockTimeoutMs);
    return *m_writer;
}

} // namespace Userchain

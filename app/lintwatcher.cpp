#include "lintwatcher.h"

#include "editsession.h"
#include "ruleset.h"
#include "ruletablemodel.h"

#include <QPromise>
#include <QThreadPool>
#include <memory>

using Userchain::RuleLint;

LintWatcher::LintWatcher(EditSession *session, QObject *parent)
    : QObject(parent), m_session(session)
{
    m_delay.setSingleShot(true);
    m_delay.setInterval(DelayMs);
    connect(&m_delay, &QTimer::timeout, this, &LintWatcher::start);
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &LintWatcher::finished);
    RuleTableModel *model = session->model();
    connect(model, &QAbstractItemModel::modelReset, this, &LintWatcher::changed);
    connect(model, &QAbstractItemModel::layoutChanged, this, &LintWatcher::changed);
    connect(model, &QAbstractItemModel::rowsInserted, this, &LintWatcher::changed);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &LintWatcher::changed);
    // A rule's text changes with all roles; counters, reachability and the lints themselves
    // name theirs and change nothing a lint depends on.
    connect(model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &, const QModelIndex &, const QList<int> &roles) {
                if (roles.isEmpty()) {
                    changed();
                }
            });
    // Docker's chains (published ports, its networks), the running containers and the sets
    // come with each snapshot; a refresh that brings only new counters (every few seconds with
    // auto-refresh) changes no lint.
    connect(session, &EditSession::snapshotChanged, this, &LintWatcher::changed);
    connect(session, &EditSession::dockerStateChanged, this, &LintWatcher::changed);
}

LintWatcher::~LintWatcher()
{
    // The worker holds its own copy of the snapshot; only the result is no longer wanted.
    m_watcher.disconnect(this);
}

void LintWatcher::changed()
{
    ++m_changes;
    m_delay.start();
}

void LintWatcher::start()
{
    if (m_running) {
        return; // finished() starts the next run
    }
    if (!m_session->hasSnapshot()) {
        m_session->model()->setLints({});
        return;
    }
    m_running = true;
    m_startedAt = m_changes;
    auto promise = std::make_shared<QPromise<QVector<RuleLint>>>();
    m_watcher.setFuture(promise->future());
    const Userchain::Snapshot snapshot = m_session->editedSnapshot();
    promise->start();
    QThreadPool::globalInstance()->start([promise, snapshot] {
        promise->addResult(
            Userchain::RuleLints::compute(Userchain::Ruleset::fromSnapshot(snapshot)));
        promise->finish();
    });
}

void LintWatcher::finished()
{
    m_running = false;
    if (m_changes != m_startedAt) {
        // The table changed while the worker ran: its rule numbers may name other rows now.
        if (!m_delay.isActive()) {
            start();
        }
        return;
    }
    const QFuture<QVector<RuleLint>> future = m_watcher.future();
    m_session->model()->setLints(future.resultCount() > 0 ? future.result() : QVector<RuleLint>());
    emit updated();
}

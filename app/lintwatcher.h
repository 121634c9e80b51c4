#pragma once

#include "rulelints.h"

#include <QFutureWatcher>
#include <QObject>
#include <QTimer>

class EditSession;

/**
 * Keeps the lints of one family's DOCKER-USER table current while the user edits: a change of
 * the rules (or of Docker's chains in a new snapshot) starts a short timer; when it fires, the
 * edited snapshot (EditSession::editedSnapshot()) is linted on a worker thread (RuleLints, only
 * DOCKER-USER's rules) and the result goes to the model, unless the table changed meanwhile:
 * then it is dropped and the next run, already scheduled, takes its place. Typing and scrolling
 * never wait for it; 10,000 rules take a few hundred milliseconds on the worker.
 */
class LintWatcher final : public QObject
{
    Q_OBJECT
public:
    explicit LintWatcher(EditSession *session, QObject *parent = nullptr);
    ~LintWatcher() override;

    /// Quiet time after the last change before linting starts.
    static constexpr int DelayMs = 250;

signals:
    /// The model has the lints of the table as it is now.
    void updated();

private:
    void changed();
    void start();
    void finished();

    EditSession *m_session;
    QTimer m_delay;
    QFutureWatcher<QVector<Userchain::RuleLint>> m_watcher;
    quint64 m_changes = 0;   ///< changes to the table so far
    quint64 m_startedAt = 0; ///< m_changes when the running computation began
    bool m_running = false;
};

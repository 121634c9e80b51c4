#pragma once

#include "exitcode.h"

#include <QEventLoop>
#include <QObject>
#include <QSocketNotifier>
#include <QString>
#include <QTimer>
#include <memory>

namespace Userchain {

class BlockingHelperClient;

/**
 * The wait after a confirmed apply: Enter on standard input confirms the transaction; the
 * helper's RolledBack signal, or the window passing, means the old rules are back.
 *
 * Listening starts at construction, before the Apply call, so that a rollback that comes
 * quickly is not missed. Nothing here rolls back by itself: if this process dies or simply
 * does nothing, the helper restores the old rules on its own.
 */
class ConfirmPrompt final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConfirmPrompt)

public:
    explicit ConfirmPrompt(BlockingHelperClient *client, QObject *parent = nullptr);

    /// Waits for the outcome of transactionId; returns the exit code for the command.
    ExitCode wait(const QString &transactionId, uint seconds);

private Q_SLOTS:
    /// libdbus's own signal that the connection is gone (ssh ended, the bus stopped).
    void onDisconnected();

private:
    void onRolledBack(const QString &transactionId, const QString &reason);
    void onInput();

    BlockingHelperClient *m_client;
    QString m_transactionId;
    QString m_rolledBackId; ///< a RolledBack that arrived before wait() knew the id
    QString m_rolledBackReason;
    QEventLoop m_loop;
    std::unique_ptr<QSocketNotifier> m_stdin;
    QTimer m_deadline;
    ExitCode m_result = ExitRolledBack;
};

} // namespace Userchain

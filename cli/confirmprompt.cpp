#include "confirmprompt.h"

#include "blockinghelperclient.h"
#include "helper1interface.h"

#include <cstdio>
#include <unistd.h>

namespace Userchain {

namespace {
// The helper's timer and ours start at slightly different moments; give its signal time to
// arrive before concluding on our own.
constexpr int GraceMs = 5000;
} // namespace

ConfirmPrompt::ConfirmPrompt(BlockingHelperClient *client, QObject *parent)
    : QObject(parent), m_client(client)
{
    connect(client->proxy(), &Helper1Proxy::RolledBack, this, &ConfirmPrompt::onRolledBack);
    // Over ssh the connection can break while the user reads the diff; then no Enter can reach
    // the helper, and waiting out the window would only hide that it has already restored.
    client->proxy()->connection().connect(QString(), QStringLiteral("/org/freedesktop/DBus/Local"),
                                          QStringLiteral("org.freedesktop.DBus.Local"),
                                          QStringLiteral("Disconnected"), this,
                                          SLOT(onDisconnected()));
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, [this]() {
        std::fprintf(stderr, "userchainctl: no confirmation in time; the helper restores the "
                             "previous rules\n");
        m_result = ExitRolledBack;
        m_loop.quit();
    });
}

ExitCode ConfirmPrompt::wait(const QString &transactionId, uint seconds)
{
    m_transactionId = transactionId;
    if (!m_rolledBackId.isEmpty() && m_rolledBackId == transactionId) {
        onRolledBack(m_rolledBackId, m_rolledBackReason);
        return m_result;
    }
    std::printf("Applied. Press Enter within %u seconds to keep the new rules (transaction %s);\n"
                "otherwise, or if this program stops, the previous rules come back.\n",
                seconds, qPrintable(transactionId));
    std::fflush(stdout);
    m_stdin = std::make_unique<QSocketNotifier>(STDIN_FILENO, QSocketNotifier::Read);
    connect(m_stdin.get(), &QSocketNotifier::activated, this, &ConfirmPrompt::onInput);
    m_deadline.start(int(seconds) * 1000 + GraceMs);
    m_loop.exec();
    return m_result;
}

void ConfirmPrompt::onRolledBack(const QString &transactionId, const QString &reason)
{
    if (m_transactionId.isEmpty()) {
        m_rolledBackId = transactionId;
        m_rolledBackReason = reason;
        return;
    }
    if (transactionId != m_transactionId)
        return;
    // "conflict" and "failed": the window is over but the previous rules are not back.
    if (reason == QLatin1String("conflict")) {
        std::fprintf(stderr, "%s\n",
                     qPrintable(tr("userchainctl: not rolled back: DOCKER-USER was changed by "
                                   "someone else since this apply, and the helper kept it as it "
                                   "is (see `userchainctl show --chain DOCKER-USER`)")));
        m_result = ExitFailed;
    } else if (reason == QLatin1String("failed")) {
        std::fprintf(stderr, "%s\n",
                     qPrintable(tr("userchainctl: the rollback failed: DOCKER-USER still holds "
                                   "the applied rules (the helper's log says why)")));
        m_result = ExitFailed;
    } else {
        std::fprintf(stderr, "%s\n",
                     qPrintable(tr("userchainctl: rolled back (%1); the previous rules are in "
                                   "place again")
                                    .arg(reason)));
        m_result = ExitRolledBack;
    }
    m_loop.quit();
}

void ConfirmPrompt::onDisconnected()
{
    if (m_transactionId.isEmpty() || !m_loop.isRunning())
        return;
    const QString where = m_client->target().isRemote() ? m_client->target().displayName()
                                                        : QStringLiteral("the system bus");
    std::fprintf(stderr, "%s\n",
                 qPrintable(tr("userchainctl: the connection to %1 was lost before the new rules "
                               "were kept; the helper restores the previous rules as it sees this "
                               "client go")
                                .arg(where)));
    m_result = ExitRolledBack;
    m_loop.quit();
}

void ConfirmPrompt::onInput()
{
    char buffer[256];
    const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
    if (n <= 0) {
        // End of input (or an error): nobody can press Enter any more. Keep waiting; the
        // helper rolls back when the window closes.
        m_stdin->setEnabled(false);
        return;
    }
    if (!memchr(buffer, '\n', size_t(n)))
        return;
    m_stdin->setEnabled(false);
    BlockingHelperClient::Failure failure;
    if (m_client->confirm(m_transactionId, &failure)) {
        std::printf("Confirmed; the new rules stay.\n");
        m_result = ExitOk;
    } else {
        std::fprintf(stderr, "userchainctl: confirm failed: %s\n",
                     qPrintable(BlockingHelperClient::describe(failure)));
        m_result =
            failure.name == QLatin1String("io.github.userchain.Helper1.Error.NoSuchTransaction")
                ? ExitRolledBack
                : failure.code;
    }
    m_loop.quit();
}

} // namespace Userchain

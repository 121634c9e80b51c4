#include "fakehelperclient.h"

#include "fixturesnapshot.h"

#include <QTimer>

FakeHelperClient::FakeHelperClient(QObject *parent) : HelperClient(parent) {}

namespace {
QStringList dockerUserSpecs(const Userchain::Snapshot &s)
{
    QStringList specs;
    for (const Userchain::ChainInfo &c : s.chains) {
        if (c.table == QLatin1String("filter") && c.name == QLatin1String("DOCKER-USER")) {
            for (const Userchain::RuleEntry &e : c.rules) {
                specs << e.spec;
            }
        }
    }
    return specs;
}
} // namespace

void FakeHelperClient::requestSnapshot(int)
{
    ++snapshotRequests;
    const HelperError error = nextSnapshotError;
    nextSnapshotError = HelperError();
    QTimer::singleShot(0, this, [this, error] {
        if (error.isError()) {
            emit snapshotFailed(error);
        } else {
            emit snapshotReady(system);
        }
    });
}

void FakeHelperClient::apply(int, const Userchain::ApplyRuleList &rules,
                             const QString &expectedRevision, uint seconds, uint flags)
{
    applies.append(rules);
    applyFlags.append(flags);
    confirmSeconds.append(seconds);
    HelperError error = nextApplyError;
    nextApplyError = HelperError();
    if (!error.isError() && expectedRevision != system.revision) {
        error = HelperError(HelperError::StaleRevision,
                            QString::fromLatin1(Userchain::DBusError::StaleRevision),
                            QStringLiteral("revision mismatch"));
    }
    if (error.isError()) {
        QTimer::singleShot(0, this, [this, error] { emit applyFailed(error); });
        return;
    }
    m_previous = dockerUserSpecs(system);
    QStringList specs;
    for (const Userchain::ApplyRule &r : rules) {
        specs << r.spec;
    }
    FixtureSnapshot::setDockerUser(&system, specs);
    if (flags & Userchain::ApplyCreateJump) {
        system.forwardJumpPosition = 1;
    }
    const QString tx = seconds > 0 ? QStringLiteral("tx%1").arg(++m_counter) : QString();
    m_pending = tx;
    const QString revision = system.revision;
    QTimer::singleShot(0, this, [this, tx, revision] { emit applied(tx, revision); });
}

void FakeHelperClient::confirm(const QString &transactionId)
{
    confirms << transactionId;
    const bool ok = transactionId == m_pending && !m_pending.isEmpty();
    m_pending.clear();
    QTimer::singleShot(0, this, [this, transactionId, ok] {
        if (ok) {
            emit confirmed(transactionId);
        } else {
            emit confirmFailed(
                transactionId,
                HelperError(HelperError::NoSuchTransaction,
                            QString::fromLatin1(Userchain::DBusError::NoSuchTransaction),
                            QString()));
        }
    });
}

void FakeHelperClient::rollback(const QString &transactionId)
{
    rollbacks << transactionId;
    if (transactionId == m_pending && !m_pending.isEmpty()) {
        FixtureSnapshot::setDockerUser(&system, m_previous);
        m_pending.clear();
        QTimer::singleShot(0, this, [this, transactionId] {
            emit rolledBack(transactionId, QStringLiteral("reverted"));
        });
    } else {
        QTimer::singleShot(0, this, [this, transactionId] {
            emit rolledBack(transactionId, QStringLiteral("already restored by the helper"));
        });
    }
}

void FakeHelperClient::expire()
{
    if (m_pending.isEmpty()) {
        return;
    }
    FixtureSnapshot::setDockerUser(&system, m_previous);
    const QString tx = m_pending;
    m_pending.clear();
    emit rolledBack(tx, QStringLiteral("timeout"));
}

#include "fakehelperclient.h"

#include "fixturesnapshot.h"

#include <QDateTime>
#include <QTimer>

FakeHelperClient::FakeHelperClient(QObject *parent) : HelperClient(parent) {}

namespace {
QStringList dockerUserSpecs(const Userchain::Snapshot &s, bool *verbatim = nullptr)
{
    QStringList specs;
    for (const Userchain::ChainInfo &c : s.chains) {
        if (c.table == QLatin1String("filter") && c.name == QLatin1String("DOCKER-USER")) {
            for (const Userchain::RuleEntry &e : c.rules) {
                specs << e.spec;
                if (verbatim && !e.verbatimId.isEmpty()) {
                    *verbatim = true;
                }
            }
        }
    }
    return specs;
}

HelperError error(HelperError::Kind kind, const char *name, const QString &message)
{
    return HelperError(kind, QString::fromLatin1(name), message);
}
} // namespace

void FakeHelperClient::requestSnapshot(int family)
{
    if (family == 4) {
        ++snapshotRequests;
    }
    requestedFamilies.append(family);
    const HelperError failure = nextSnapshotError;
    nextSnapshotError = HelperError();
    Userchain::Snapshot snapshot = systemOf(family);
    if (family == 6 && snapshot.backend.isEmpty()) {
        snapshot.backend = QStringLiteral("none");
        snapshot.family = 6;
        snapshot.revision = QStringLiteral("absent6");
        snapshot.backendDetail = {QLatin1String(Userchain::NoteCode::NoDockerChains), {}};
    }
    QTimer::singleShot(0, this, [this, failure, snapshot, family] {
        if (failure.isError()) {
            emit snapshotFailed(family, failure);
        } else {
            emit snapshotReady(snapshot);
        }
    });
}

void FakeHelperClient::apply(int family, const Userchain::ApplyRuleList &rules,
                             const QString &expectedRevision, uint seconds, uint flags)
{
    appliedFamilies.append(family);
    applies.append(rules);
    applyFlags.append(flags);
    confirmSeconds.append(seconds);
    Userchain::Snapshot &target = systemOf(family);
    HelperError failure = nextApplyError;
    nextApplyError = HelperError();
    if (!failure.isError() && !m_pending.isEmpty() && seconds > 0) {
        failure = error(HelperError::Kind::Busy, Userchain::DBusError::Busy,
                        QStringLiteral("a confirmed apply is pending"));
    }
    if (!failure.isError() && expectedRevision != target.revision) {
        failure = error(HelperError::Kind::StaleRevision, Userchain::DBusError::StaleRevision,
                        QStringLiteral("revision mismatch"));
    }
    if (failure.isError()) {
        QTimer::singleShot(0, this, [this, failure] { emit applyFailed(failure); });
        return;
    }
    m_previous = dockerUserSpecs(target);
    if ((flags & Userchain::ApplyCreateChain) && !target.dockerUserExists) {
        Userchain::ChainInfo chain;
        chain.table = QStringLiteral("filter");
        chain.name = QStringLiteral("DOCKER-USER");
        chain.policy = QStringLiteral("-");
        chain.editable = true;
        target.chains.append(chain);
        target.dockerUserExists = true;
    }
    QStringList specs;
    for (const Userchain::ApplyRule &r : rules) {
        specs << r.spec;
    }
    FixtureSnapshot::setDockerUser(&target, specs);
    if (flags & Userchain::ApplyCreateJump) {
        target.forwardJumpPosition = 1;
    }
    const QString tx = seconds > 0 ? QStringLiteral("tx%1").arg(++m_counter) : QString();
    m_pending = tx;
    m_pendingFamily = family;
    const QString revision = target.revision;
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
            emit confirmFailed(transactionId,
                               error(HelperError::Kind::NoSuchTransaction,
                                     Userchain::DBusError::NoSuchTransaction, QString()));
        }
    });
}

void FakeHelperClient::rollback(const QString &transactionId)
{
    rollbacks << transactionId;
    if (transactionId == m_pending && !m_pending.isEmpty()) {
        FixtureSnapshot::setDockerUser(&systemOf(m_pendingFamily), m_previous);
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

void FakeHelperClient::expire(const QString &reason)
{
    if (m_pending.isEmpty()) {
        return;
    }
    // "conflict" and "failed": the helper wrote nothing back.
    if (reason == QLatin1String("timeout")) {
        FixtureSnapshot::setDockerUser(&systemOf(m_pendingFamily), m_previous);
    }
    const QString tx = m_pending;
    m_pending.clear();
    emit rolledBack(tx, reason);
}

void FakeHelperClient::save(int family)
{
    saves.append(family);
    HelperError failure = nextSaveError;
    nextSaveError = HelperError();
    bool verbatim = false;
    const QStringList live = dockerUserSpecs(systemOf(family), &verbatim);
    if (!failure.isError() && verbatim) {
        // As the helper: a verbatim rule cannot be written to the saved file.
        failure = error(HelperError::Kind::InvalidRule, Userchain::DBusError::InvalidRule,
                        QStringLiteral("rule 1: kept verbatim, cannot be saved"));
    }
    if (failure.isError()) {
        QTimer::singleShot(0, this, [this, family, failure] { emit saveFailed(family, failure); });
        return;
    }
    const int i = family == 6 ? 1 : 0;
    savedRules[i] = live;
    hasSaved[i] = true;
    const QString path = QStringLiteral("/etc/userchain/docker-user.v%1.rules").arg(family);
    QTimer::singleShot(0, this, [this, family, path] { emit saved(family, path); });
}

void FakeHelperClient::requestSaved(int family)
{
    savedRequests.append(family);
    const HelperError failure = nextSavedError;
    nextSavedError = HelperError();
    const int i = family == 6 ? 1 : 0;
    const bool exists = hasSaved[i];
    const QStringList rules = savedRules[i];
    QTimer::singleShot(0, this, [this, family, failure, exists, rules] {
        if (failure.isError()) {
            emit savedFailed(family, failure);
        } else {
            emit savedReady(family, exists, rules, exists ? 1767225600000 : 0);
        }
    });
}

void FakeHelperClient::restoreSaved(int family, uint flags)
{
    restores.append({family, flags});
    HelperError failure = nextRestoreError;
    nextRestoreError = HelperError();
    const int i = family == 6 ? 1 : 0;
    if (!failure.isError() && !hasSaved[i]) {
        failure = error(HelperError::Kind::Failed, Userchain::DBusError::Failed,
                        QStringLiteral("nothing saved"));
    }
    if (failure.isError()) {
        QTimer::singleShot(0, this,
                           [this, family, failure] { emit restoreFailed(family, failure); });
        return;
    }
    FixtureSnapshot::setDockerUser(&systemOf(family), savedRules[i]);
    const QString revision = systemOf(family).revision;
    QTimer::singleShot(0, this, [this, family, revision] { emit restored(family, revision); });
}

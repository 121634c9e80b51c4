#pragma once

#include "bustarget.h"
#include "dbustypes.h"
#include "exitcode.h"
#include "rule.h"

#include <QDBusConnection>
#include <QDBusError>
#include <QDBusPendingCall>
#include <QString>
#include <QStringList>
#include <memory>

class Helper1Proxy;

namespace Userchain {

/**
 * userchainctl's side of io.github.userchain.Helper1, every call of the CLI goes through it: the
 * generated proxy on the system bus (DBUS_SYSTEM_BUS_ADDRESS is honoured by
 * QDBusConnection::systemBus()) or on another host's over ssh (BusTarget, `--host`), with each
 * D-Bus error turned into an exit code and a message.
 *
 * Calls block: a command-line client has nothing else to do meanwhile. The timeout leaves
 * room for a polkit password dialog.
 */
class BlockingHelperClient final
{
public:
    struct Failure
    {
        ExitCode code = ExitFailed;
        QString name;    ///< D-Bus error name
        QString message; ///< the helper's message
        QString host;    ///< the remote host it came from (BusTarget::displayName()), if any
    };

    /// The target of the whole command (`--host`); set once, before any client exists.
    static void setDefaultTarget(const BusTarget &target);
    static const BusTarget &defaultTarget();

    explicit BlockingHelperClient(const BusTarget &target = defaultTarget());
    ~BlockingHelperClient();
    Q_DISABLE_COPY_MOVE(BlockingHelperClient)

    bool isConnected(Failure *failure) const;
    Helper1Proxy *proxy() const { return m_proxy.get(); }
    const BusTarget &target() const { return m_target; }
    /// Whether sealed memfds reach the helper (not over ssh): ApplyFile, else Apply.
    bool passesDescriptors() const { return BusTarget::passesDescriptors(m_bus); }

    bool snapshot(Family family, Snapshot *out, Failure *failure);
    /// Apply with a rule list (the GUI's call; tests drive it through here).
    bool apply(Family family, const ApplyRuleList &rules, const QString &expectedRevision,
               uint confirmSeconds, uint flags, QString *transactionId, QString *newRevision,
               Failure *failure);

    /// What ApplyFile answers (see resources/io.github.userchain.Helper1.xml).
    struct FileApplied
    {
        QString transactionId; ///< empty unless confirmSeconds > 0 and something changed
        QString newRevision;   ///< with ApplyDryRun: the current revision
        QByteArray diff;       ///< the changes, one line each in the CLI's words (RuleDiff::format)
        QString diffMissing;   ///< why the diff could not be read
    };
    /// Sends a rules file for the helper to parse and apply (flags: ApplyFlag). Where the
    /// connection carries no descriptors (ssh), the same through Apply (InMessageApply).
    bool applyFile(Family family, const QByteArray &data, const QString &expectedRevision,
                   uint confirmSeconds, uint flags, FileApplied *out, Failure *failure);
    bool confirm(const QString &transactionId, Failure *failure);
    bool rollback(const QString &transactionId, Failure *failure);

    /// GetSaved's answer.
    struct Saved
    {
        bool exists = false;
        QStringList specs;
        qint64 savedAtMs = 0; ///< milliseconds since the epoch, 0 if nothing is saved
    };
    /// Save: the helper writes the live DOCKER-USER of family; *path is where.
    bool save(Family family, QString *path, Failure *failure);
    bool saved(Family family, Saved *out, Failure *failure);
    /// RestoreSaved (flags: ApplyFlag); *newRevision with ApplyDryRun: the current one.
    bool restoreSaved(Family family, uint flags, QString *newRevision, Failure *failure);

    static ExitCode exitCodeFor(const QDBusError &error);
    /// "not authorized: ..." style text for a failure (refused rules in CliWords); for a remote
    /// host refused by its polkit, also how to enable the shipped rule there.
    static QString describe(const Failure &failure);
    /// A failed call's error, with this client's host.
    Failure failureFrom(const QDBusError &error) const;

private:
    BusTarget m_target;
    QDBusConnection m_bus;
    std::unique_ptr<Helper1Proxy> m_proxy;
};

} // namespace Userchain

#include "persistcommands.h"

#include "helper1interface.h"
#include "helperclient.h"
#include "rulediff.h"
#include "snapshotprinter.h"

#include <QDateTime>

#include <cstdio>

namespace Userchain {

namespace {

struct Saved
{
    bool exists = false;
    QStringList specs;
    qint64 savedAtMs = 0;
};

bool getSaved(HelperClient &client, Family family, Saved *out, HelperClient::Failure *failure)
{
    if (!client.isConnected(failure))
        return false;
    QDBusPendingReply<bool, QStringList, qlonglong> reply = client.proxy()->GetSaved(int(family));
    reply.waitForFinished();
    if (reply.isError()) {
        *failure = client.failureFrom(reply.error());
        return false;
    }
    out->exists = reply.argumentAt<0>();
    out->specs = reply.argumentAt<1>();
    out->savedAtMs = reply.argumentAt<2>();
    return true;
}

void printFailure(const QString &command, const HelperClient::Failure &failure)
{
    // InvalidRule messages of the saved file are "FILE:LINE: message" lines already.
    if (failure.name == QLatin1String(DBusError::InvalidRule))
        std::fprintf(stderr, "userchainctl: %s: %s\n", qPrintable(command),
                     qPrintable(failure.message));
    else
        std::fprintf(stderr, "userchainctl: %s: %s\n", qPrintable(command),
                     qPrintable(HelperClient::describe(failure)));
}

} // namespace

ExitCode PersistCommands::save(Family family)
{
    HelperClient client;
    HelperClient::Failure failure;
    if (!client.isConnected(&failure)) {
        printFailure(QStringLiteral("save"), failure);
        return failure.code;
    }
    // No rules are sent: the helper saves what the kernel holds.
    QDBusPendingReply<QString> reply = client.proxy()->Save(int(family));
    reply.waitForFinished();
    if (reply.isError()) {
        printFailure(QStringLiteral("save"), client.failureFrom(reply.error()));
        return HelperClient::exitCodeFor(reply.error());
    }
    std::printf("# saved DOCKER-USER (IPv%d) to %s\n", int(family), qPrintable(reply.value()));
    return ExitOk;
}

ExitCode PersistCommands::restore(Family family, uint flags)
{
    HelperClient client;
    HelperClient::Failure failure;
    Saved saved;
    if (!getSaved(client, family, &saved, &failure)) {
        printFailure(QStringLiteral("restore"), failure);
        return failure.code;
    }
    if (!saved.exists) {
        std::fprintf(stderr, "userchainctl: restore: nothing saved for IPv%d\n", int(family));
        return ExitFailed;
    }
    Snapshot snapshot;
    if (!client.snapshot(family, &snapshot, &failure)) {
        printFailure(QStringLiteral("restore"), failure);
        return failure.code;
    }
    // The diff is information only: the helper restores from its own file, not from this list.
    const QVector<RuleDiff::Change> changes =
        RuleDiff::compute(SnapshotPrinter::dockerUserSpecs(snapshot), saved.specs);
    std::fputs(qPrintable(RuleDiff::format(changes, QStringLiteral("DOCKER-USER"))), stdout);
    std::printf("# %s\n", qPrintable(RuleDiff::summary(changes)));
    std::fflush(stdout);

    QDBusPendingReply<QString> reply = client.proxy()->RestoreSaved(int(family), flags);
    reply.waitForFinished();
    if (reply.isError()) {
        printFailure(QStringLiteral("restore"), client.failureFrom(reply.error()));
        return HelperClient::exitCodeFor(reply.error());
    }
    if (flags & ApplyDryRun)
        std::printf("# dry run: the saved rules are valid; nothing changed (revision %s)\n",
                    qPrintable(reply.value()));
    else
        std::printf("# restored; revision %s\n", qPrintable(reply.value()));
    return ExitOk;
}

QString PersistCommands::statusLines(Family family, const Snapshot &snapshot)
{
    HelperClient client;
    HelperClient::Failure failure;
    Saved saved;
    if (!getSaved(client, family, &saved, &failure))
        return QStringLiteral("saved:        unknown (%1)\n")
            .arg(HelperClient::describe(failure).replace(QLatin1Char('\n'), QStringLiteral("; ")));
    if (!saved.exists)
        return QStringLiteral("saved:        no\n");
    // Local time with its offset at that moment, so that the text is unambiguous.
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(saved.savedAtMs);
    const QString when = local.toOffsetFromUtc(local.offsetFromUtc()).toString(Qt::ISODate);
    // A missing chain differs from any saved list, even an empty one: restoring creates it.
    const bool differs =
        !snapshot.dockerUserExists || SnapshotPrinter::dockerUserSpecs(snapshot) != saved.specs;
    return QStringLiteral("saved:        yes (%1 rules, at %2)\nlive differs: %3\n")
        .arg(saved.specs.size())
        .arg(when, differs ? QStringLiteral("yes") : QStringLiteral("no"));
}

} // namespace Userchain

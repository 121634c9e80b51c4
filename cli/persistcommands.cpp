#include "persistcommands.h"

#include "blockinghelperclient.h"
#include "cliwords.h"
#include "rulediff.h"
#include "snapshotprinter.h"

#include <QDateTime>

#include <cstdio>

namespace Userchain {

namespace {

void printFailure(const QString &command, const BlockingHelperClient::Failure &failure)
{
    if (failure.name != QLatin1String(DBusError::InvalidRule)) {
        std::fprintf(stderr, "userchainctl: %s: %s\n", qPrintable(command),
                     qPrintable(BlockingHelperClient::describe(failure)));
        return;
    }
    // The saved file's refused lines carry "FILE:LINE: message" (the helper's file, which this
    // client does not read) as their words.
    for (const RuleRefusal &refusal : RuleRefusal::fromMessage(failure.message)) {
        const QString text =
            refusal.where == RuleRefusal::Where::Line ? refusal.text : CliWords::refusal(refusal);
        std::fprintf(stderr, "userchainctl: %s: %s\n", qPrintable(command), qPrintable(text));
    }
}

} // namespace

ExitCode PersistCommands::save(Family family)
{
    BlockingHelperClient client;
    BlockingHelperClient::Failure failure;
    // No rules are sent: the helper saves what the kernel holds.
    QString path;
    if (!client.save(family, &path, &failure)) {
        printFailure(QStringLiteral("save"), failure);
        return failure.code;
    }
    std::printf("# saved DOCKER-USER (IPv%d) to %s\n", int(family), qPrintable(path));
    return ExitOk;
}

ExitCode PersistCommands::restore(Family family, uint flags)
{
    BlockingHelperClient client;
    BlockingHelperClient::Failure failure;
    BlockingHelperClient::Saved saved;
    if (!client.saved(family, &saved, &failure)) {
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

    QString revision;
    if (!client.restoreSaved(family, flags, &revision, &failure)) {
        printFailure(QStringLiteral("restore"), failure);
        return failure.code;
    }
    if (flags & ApplyDryRun)
        std::printf("# dry run: the saved rules are valid; nothing changed (revision %s)\n",
                    qPrintable(revision));
    else
        std::printf("# restored; revision %s\n", qPrintable(revision));
    return ExitOk;
}

QString PersistCommands::statusLines(Family family, const Snapshot &snapshot)
{
    BlockingHelperClient client;
    BlockingHelperClient::Failure failure;
    BlockingHelperClient::Saved saved;
    if (!client.saved(family, &saved, &failure))
        return QStringLiteral("saved:        unknown (%1)\n")
            .arg(BlockingHelperClient::describe(failure).replace(QLatin1Char('\n'),
                                                                 QStringLiteral("; ")));
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

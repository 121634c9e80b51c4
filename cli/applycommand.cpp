#include "applycommand.h"

#include "confirmprompt.h"
#include "helperclient.h"
#include "rulediff.h"
#include "rulefile.h"
#include "snapshotprinter.h"

#include <QRegularExpression>

#include <cstdio>
#include <unistd.h>

namespace Userchain {

namespace {

void printError(const QString &text)
{
    std::fprintf(stderr, "%s\n", qPrintable(text));
}

/// The helper names a bad rule by its 1-based position ("rule N: ..."); the user wants the line.
QString locate(const QString &fileName, const QVector<RuleFile::Entry> &entries,
               const QString &message)
{
    static const QRegularExpression rulePrefix(QStringLiteral("^rule (\\d+): (.*)$"),
                                               QRegularExpression::DotMatchesEverythingOption);
    const auto match = rulePrefix.match(message);
    if (match.hasMatch()) {
        const int index = match.captured(1).toInt() - 1;
        if (index >= 0 && index < entries.size())
            return QStringLiteral("%1:%2: %3")
                .arg(fileName)
                .arg(entries.at(index).line)
                .arg(match.captured(2));
    }
    return QStringLiteral("%1: %2").arg(fileName, message);
}

} // namespace

ExitCode ApplyCommand::run(const Options &options)
{
    QByteArray data;
    QString error;
    if (!RuleFile::read(options.fileName, &data, &error)) {
        printError(QStringLiteral("userchainctl: ") + error);
        return ExitInvalidInput;
    }

    // Why the snapshot is asked for before the file is parsed: the helper reads and decodes
    // the chain while this process parses the file, instead of one after the other.
    HelperClient client;
    HelperClient::Failure failure;
    const QDBusPendingCall pendingSnapshot = client.beginSnapshot(options.family);

    // The kernel's rules matter to the import only for lines the parser refuses (a line equal
    // to a rule the helper keeps verbatim stands for that rule), so the file is parsed first
    // without them and only such a file is read again with them.
    QVector<RuleFile::Entry> entries;
    QStringList errors;
    const bool imported =
        RuleFile::import(options.fileName, data, options.family, {}, &entries, &errors);

    Snapshot snapshot;
    if (!client.finishSnapshot(pendingSnapshot, &snapshot, &failure)) {
        printError(QStringLiteral("userchainctl: reading the current rules: ") +
                   HelperClient::describe(failure));
        return failure.code;
    }
    const ChainInfo *current = SnapshotPrinter::dockerUser(snapshot);

    if (!imported) {
        errors.clear();
        if (!RuleFile::import(options.fileName, data, options.family,
                              current ? current->rules : QList<RuleEntry>(), &entries, &errors)) {
            for (const QString &e : std::as_const(errors))
                printError(e);
            return ExitInvalidInput;
        }
    }

    // The diff compares texts; a verbatim rule's text is the kernel's own best effort.
    QHash<QString, QString> verbatimText;
    if (current) {
        for (const RuleEntry &rule : current->rules) {
            if (!rule.verbatimId.isEmpty())
                verbatimText.insert(rule.verbatimId, rule.spec);
        }
    }
    ApplyRuleList rules;
    QStringList newSpecs;
    rules.reserve(entries.size());
    newSpecs.reserve(entries.size());
    for (const RuleFile::Entry &entry : std::as_const(entries)) {
        rules.append({entry.spec, entry.verbatimId});
        newSpecs.append(entry.verbatimId.isEmpty() ? entry.spec
                                                   : verbatimText.value(entry.verbatimId));
    }

    QStringList oldSpecs = SnapshotPrinter::dockerUserSpecs(snapshot);
    const auto printDiff = [&oldSpecs, &newSpecs]() {
        const QVector<RuleDiff::Change> changes = RuleDiff::compute(oldSpecs, newSpecs);
        std::fputs(qPrintable(RuleDiff::format(changes, QStringLiteral("DOCKER-USER"))), stdout);
        std::printf("# %s\n", qPrintable(RuleDiff::summary(changes)));
        std::fflush(stdout);
    };

    uint flags = 0;
    if (options.createChain)
        flags |= ApplyCreateChain;
    if (options.createJump)
        flags |= ApplyCreateJump;
    if (options.dryRun)
        flags |= ApplyDryRun;
    // RuleDiff finds no change exactly when the two lists are equal (every rule kept, in
    // place); comparing them is much cheaper than the diff, which can wait until the call
    // is on its way.
    const bool unchanged = oldSpecs == newSpecs;
    const bool nothingToDo =
        unchanged && current && (!options.createJump || snapshot.forwardJumpPosition > 0);
    if (nothingToDo && !options.dryRun && options.expectRevision.isEmpty()) {
        printDiff();
        std::printf("# DOCKER-USER already holds these rules; nothing applied\n");
        return ExitOk;
    }

    const QString revision =
        options.expectRevision.isEmpty() ? snapshot.revision : options.expectRevision;
    // Listen before applying: a short confirmation window may close before Apply returns.
    ConfirmPrompt prompt(&client);
    QString transactionId;
    QString newRevision;
    // Where nobody reads along (output to a file or pipe, no confirmation), the diff is
    // computed and printed while the helper validates and commits, so that it does not add
    // to the wait. Someone at a terminal sees it before anything is sent, as before: they can
    // still interrupt, and a polkit prompt does not mix with it; and with --confirm the
    // confirmation window must not start while a long diff is still being shown.
    const bool diffFirst = options.confirmSeconds > 0 || isatty(fileno(stdout));
    if (diffFirst)
        printDiff();
    const QDBusPendingCall pendingApply = client.beginApply(
        options.family, rules, revision, options.dryRun ? 0 : options.confirmSeconds, flags);
    if (!diffFirst)
        printDiff();
    // Nothing below needs the snapshot or the rule lists (entries stay, for error lines):
    // freeing them now, while the helper works, keeps it off the time this command takes.
    snapshot = Snapshot();
    rules = ApplyRuleList();
    oldSpecs = QStringList();
    newSpecs = QStringList();
    verbatimText = QHash<QString, QString>();
    data = QByteArray();
    if (!client.finishApply(pendingApply, &transactionId, &newRevision, &failure)) {
        if (failure.name == QLatin1String(DBusError::InvalidRule))
            printError(locate(options.fileName, entries, failure.message));
        else
            printError(QStringLiteral("userchainctl: apply: ") + HelperClient::describe(failure));
        return failure.code;
    }
    if (options.dryRun) {
        std::printf("# dry run: the helper accepted the rules; nothing changed (revision %s)\n",
                    qPrintable(newRevision));
        return ExitOk;
    }
    if (transactionId.isEmpty()) {
        std::printf("# applied; revision %s\n", qPrintable(newRevision));
        return ExitOk;
    }
    const ExitCode result = prompt.wait(transactionId, options.confirmSeconds);
    if (result == ExitOk)
        std::printf("# revision %s\n", qPrintable(newRevision));
    return result;
}

} // namespace Userchain

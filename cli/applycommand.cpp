#include "applycommand.h"

#include "blockinghelperclient.h"
#include "cliwords.h"
#include "confirmprompt.h"
#include "restorefile.h"
#include "rulediff.h"
#include "rulefile.h"

#include <cstdio>
#include <unistd.h>

namespace Userchain {

namespace {

void printError(const QString &text)
{
    std::fprintf(stderr, "%s\n", qPrintable(text));
}

/// The helper names bad lines by number (RuleRefusal); the user wants "FILE:N: reason", as
/// `userchainctl check` prints them.
void printRuleErrors(const QString &fileName, const QString &message)
{
    for (const RuleRefusal &refusal : RuleRefusal::fromMessage(message)) {
        if (refusal.where == RuleRefusal::Where::Line && refusal.number > 0)
            printError(QStringLiteral("%1:%2: %3")
                           .arg(fileName)
                           .arg(refusal.number)
                           .arg(CliWords::reason(refusal)));
        else
            printError(QStringLiteral("%1: %2").arg(fileName, CliWords::refusal(refusal)));
    }
}

ExitCode report(const QString &fileName, const BlockingHelperClient::Failure &failure)
{
    if (failure.name == QLatin1String(DBusError::InvalidRule))
        printRuleErrors(fileName, failure.message);
    else
        printError(QStringLiteral("userchainctl: apply: ") +
                   BlockingHelperClient::describe(failure));
    return failure.code;
}

/// Prints the diff (RuleDiff::format's lines, made from the helper's data) and its summary.
void printDiff(const BlockingHelperClient::FileApplied &result)
{
    if (!result.diffMissing.isEmpty()) {
        std::printf("# no diff: the helper's diff could not be read (%s)\n",
                    qPrintable(result.diffMissing));
        return;
    }
    std::fwrite(result.diff.constData(), 1, size_t(result.diff.size()), stdout);
    int added = 0, removed = 0, moved = 0;
    for (const QByteArrayView line : RuleDiff::lines(result.diff)) {
        if (line.startsWith('+'))
            ++added;
        else if (line.startsWith('-'))
            ++removed;
        else if (line.startsWith('~'))
            ++moved;
    }
    std::printf("# %s\n", qPrintable(RuleDiff::summary(added, removed, moved)));
    std::fflush(stdout);
}

/// DOCKER-USER's rule specs in a snapshot; nullopt when the chain is missing.
std::optional<QStringList> dockerUserSpecs(const Snapshot &snapshot)
{
    for (const ChainInfo &chain : snapshot.chains) {
        if (chain.table != QLatin1String("filter") || chain.name != QLatin1String("DOCKER-USER"))
            continue;
        QStringList specs;
        for (const RuleEntry &rule : chain.rules)
            specs << rule.spec;
        return specs;
    }
    return std::nullopt;
}

/**
 * The helper stopped answering the apply: it died (or was killed) before or after its commit,
 * which is atomic. Rather than "unreachable", read DOCKER-USER again (the bus starts a new
 * helper) and say which it holds: the file's rules, the rules from before (known when a
 * revision was quoted: the dry run's or --expect-revision), or something else.
 */
ExitCode reportLostApply(BlockingHelperClient &client, const ApplyCommand::Options &options,
                         const QByteArray &data, const QString &before,
                         const BlockingHelperClient::Failure &failure)
{
    printError(QStringLiteral("userchainctl: apply: ") + BlockingHelperClient::describe(failure));
    Snapshot snapshot;
    BlockingHelperClient::Failure again;
    if (!client.snapshot(options.family, &snapshot, &again)) {
        printError(QStringLiteral("userchainctl: apply: cannot read DOCKER-USER again (%1); "
                                  "whether the rules were applied is unknown")
                       .arg(BlockingHelperClient::describe(again)));
        return again.code;
    }
    // The file as the helper reads it; a line only the helper can resolve (the text of a rule
    // it keeps verbatim) makes the comparison impossible, and "new" is then not claimed.
    const DockerUserImport imported = importDockerUser(data, options.family);
    QStringList wanted;
    for (const Rule &rule : imported.rules)
        wanted << rule.toString();
    const std::optional<QStringList> live = dockerUserSpecs(snapshot);
    if (imported.ok() && live && *live == wanted) {
        printError(QStringLiteral("userchainctl: apply: DOCKER-USER holds the new rules: the "
                                  "apply took effect (revision %1)")
                       .arg(snapshot.revision));
        if (options.confirmSeconds > 0)
            printError(QStringLiteral("userchainctl: apply: no confirmation window is open: "
                                      "the helper that kept the previous rules is gone, and "
                                      "nothing will restore them"));
        return ExitLostApplied;
    }
    if (!before.isEmpty() && snapshot.revision == before) {
        printError(QStringLiteral("userchainctl: apply: DOCKER-USER is unchanged (revision "
                                  "%1): nothing was applied")
                       .arg(before));
        return ExitLostUnchanged;
    }
    printError(before.isEmpty()
                   ? QStringLiteral("userchainctl: apply: DOCKER-USER does not hold the new "
                                    "rules (revision %1); what it held before was not read")
                         .arg(snapshot.revision)
                   : QStringLiteral("userchainctl: apply: DOCKER-USER holds neither the new "
                                    "rules nor those from before (revision %1): someone else "
                                    "changed it")
                         .arg(snapshot.revision));
    return ExitLostOther;
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

    // Why the file goes to the helper as it is: the helper must parse every rule itself (it
    // trusts no client), so it parses the file once, reports bad lines by number, and answers
    // with DOCKER-USER before and after, from which the diff is printed.
    BlockingHelperClient client;
    BlockingHelperClient::Failure failure;
    uint flags = 0;
    if (options.createChain)
        flags |= ApplyCreateChain;
    if (options.createJump)
        flags |= ApplyCreateJump;
    QString revision = options.expectRevision;

    // Someone at a terminal, and anyone confirming, sees the diff before anything changes:
    // they can still interrupt, a polkit prompt does not mix with it, and the confirmation
    // window does not start while a long diff is shown. The preview is a dry run; the apply
    // that follows quotes its revision, so exactly what was shown is applied or nothing is.
    // Where nobody reads along (output to a file or pipe, no confirmation), the file is
    // applied at once to whatever DOCKER-USER holds, and the diff printed is of what the
    // helper replaced, read under its lock: as exact, without a second round trip.
    const bool previewFirst =
        options.dryRun || options.confirmSeconds > 0 || isatty(fileno(stdout));
    if (previewFirst) {
        BlockingHelperClient::FileApplied preview;
        if (!client.applyFile(options.family, data, revision, 0,
                              flags | ApplyDryRun |
                                  (revision.isEmpty() ? uint(ApplyAnyRevision) : 0u),
                              &preview, &failure))
            return report(options.fileName, failure);
        printDiff(preview);
        if (options.dryRun) {
            std::printf("# dry run: the helper accepted the rules; nothing changed (revision %s)\n",
                        qPrintable(preview.newRevision));
            return ExitOk;
        }
        if (preview.diffMissing.isEmpty() && preview.diff.isEmpty() && !options.createJump &&
            options.expectRevision.isEmpty()) {
            std::printf("# DOCKER-USER already holds these rules; nothing applied\n");
            return ExitOk;
        }
        revision = preview.newRevision;
    }

    // Listen before applying: a short confirmation window may close before Apply returns.
    ConfirmPrompt prompt(&client);
    BlockingHelperClient::FileApplied applied;
    if (!client.applyFile(options.family, data, revision, options.confirmSeconds,
                          flags | (revision.isEmpty() ? uint(ApplyAnyRevision) : 0u), &applied,
                          &failure)) {
        // No answer at all: the rules may or may not be in the kernel.
        if (failure.code == ExitUnreachable)
            return reportLostApply(client, options, data, revision, failure);
        return report(options.fileName, failure);
    }
    if (!previewFirst) {
        printDiff(applied);
        if (applied.diffMissing.isEmpty() && applied.diff.isEmpty() && !options.createJump) {
            std::printf("# DOCKER-USER already held these rules; nothing applied\n");
            return ExitOk;
        }
    }
    if (applied.transactionId.isEmpty()) {
        std::printf("# applied; revision %s\n", qPrintable(applied.newRevision));
        return ExitOk;
    }
    const ExitCode result = prompt.wait(applied.transactionId, options.confirmSeconds);
    if (result == ExitOk)
        std::printf("# revision %s\n", qPrintable(applied.newRevision));
    return result;
}

} // namespace Userchain

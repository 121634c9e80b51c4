#include "applyjob.h"

#include "backendworker.h"
#include "chainwriter.h"
#include "dbustypes.h"
#include "rulediff.h"
#include "rulerefusal.h"
#include "rulesfileimport.h"
#include "sealedmemfd.h"

#include <memory>

namespace Userchain {

namespace {
/// ApplyFile's diff: the rules before as text, then the diff once the rules to write are known.
struct Diff
{
    QByteArray previousText;
    QDBusUnixFileDescriptor descriptor;
    QString error;
};
} // namespace

void ApplyJob::run(BackendWorker *worker, const Request &request, Done done)
{
    // Rules are parsed here, after authorization (the main thread asked polkit first): an
    // unauthorized caller gets nothing parsed, and a 32 MiB parse never holds up the bus.
    ApplyError error;
    if (!request.validate(&error)) {
        Outcome outcome;
        outcome.error = error;
        done(outcome);
        return;
    }
    const uint flags = request.flags;
    ChainWriter::Request write;
    write.family = request.family;
    write.expectedRevision = request.expectedRevision; // empty with flag 8: no check
    write.createChain = flags & ApplyCreateChain;
    write.createJump = flags & ApplyCreateJump;
    write.dryRun = flags & ApplyDryRun;
    // Nothing to write: committing the same rules again would only reset their counters. (A
    // confirmed apply still commits, so that the caller gets its transaction.)
    write.skipUnchanged = !write.createJump && request.confirmSeconds == 0;
    write.precheck = request.precheck;
    const auto diff = std::make_shared<Diff>();
    write.rules = [request, diff](const BackendChain *current, QVector<BackendRule> *rules,
                                  ApplyError *why) {
        // ApplyFile's diff needs the rules before as text; it is made now, while a file's rules
        // may still be being parsed on other threads (RulesFileImport::read; items() waits).
        if (request.withDiff)
            diff->previousText =
                RulesFileImport::specLines(current ? current->rules : QVector<BackendRule>());
        // Likewise the lookup resolve() needs of the current rules.
        ApplyValidator::Current lookup = ApplyValidator::lookup(request.family, current);
        QVector<ApplyValidator::Item> items;
        return request.items(current, &items, why) &&
               ApplyValidator::resolve(std::move(items), std::move(lookup), rules, why);
    };
    if (request.withDiff)
        write.alongside = [diff](const QVector<BackendRule> &rules) {
            const QByteArray appliedText = RulesFileImport::specLines(rules);
            const QList<QByteArrayView> before = RuleDiff::lines(diff->previousText);
            const QList<QByteArrayView> after = RuleDiff::lines(appliedText);
            // Data, not words: the client words it (RuleDiff::formatData).
            diff->descriptor = SealedMemfd::create(
                RuleDiff::dataUtf8(RuleDiff::compute(before, after), before, after), &diff->error);
        };
    worker->writer().write(write, [done, diff](const ChainWriter::Result &result) {
        Outcome outcome;
        outcome.error = result.error;
        outcome.committed = result.committed;
        outcome.revision = result.revision;
        outcome.diff = diff->descriptor;
        outcome.diffError = diff->error;
        outcome.previous = result.previous;
        done(outcome);
    });
}

} // namespace Userchain

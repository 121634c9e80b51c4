#include "inmessageapply.h"

#include "restorefile.h"
#include "restoretokenizer.h"
#include "rulediff.h"
#include "rulerefusal.h"
#include "snapshotprinter.h"

#include <QHash>

#include <algorithm>

namespace Userchain {

namespace {

/// As many refused lines as the helper reports for ApplyFile.
constexpr int MaxReportedErrors = 20;
/// Reads of a chain that keeps changing before a revision-less apply gives up as stale.
constexpr int Attempts = 3;

struct Prepared
{
    ApplyRuleList rules;
    QStringList specs; ///< the text of each rule, for the diff
    QVector<int> lines;
};

/// The file's rules in file order, refused lines that repeat a verbatim rule of chain
/// replaced by it; false with RuleRefusal lines ("line N file: ...") in *errors otherwise.
bool prepare(Family family, const QByteArray &data, const ChainInfo *chain, Prepared *out,
             QString *errors)
{
    const DockerUserImport imported = importDockerUser(data, family);
    struct Entry
    {
        int line;
        ApplyRule rule;
        QString spec;
    };
    QVector<Entry> entries;
    entries.reserve(imported.rules.size());
    for (int i = 0; i < imported.rules.size(); ++i) {
        const QString text = imported.rules.at(i).toString();
        entries.append({imported.lines.at(i), {text, QString()}, text});
    }
    QHash<QString, QList<const RuleEntry *>> verbatimByTokens;
    if (chain) {
        for (const RuleEntry &rule : chain->rules) {
            if (rule.verbatimId.isEmpty())
                continue;
            QString ignored;
            if (const auto tokens = RestoreTokenizer::split(rule.spec, &ignored))
                verbatimByTokens[tokens->join(QChar(0))].append(&rule);
        }
    }
    const QList<QByteArray> lines = data.split('\n');
    QList<RuleRefusal> remaining;
    int unreported = 0;
    for (const FileError &e : imported.errors) {
        const QStringList args = e.line >= 1 && e.line <= lines.size()
                                     ? dockerUserLineArgs(lines.at(e.line - 1))
                                     : QStringList();
        auto match =
            args.isEmpty() ? verbatimByTokens.end() : verbatimByTokens.find(args.join(QChar(0)));
        if (match != verbatimByTokens.end() && !match->isEmpty()) {
            const RuleEntry *rule = match->takeFirst();
            entries.append({e.line, {rule->spec, rule->verbatimId}, rule->spec});
            continue;
        }
        if (remaining.size() < MaxReportedErrors)
            remaining << RuleRefusal{RuleRefusal::Where::Line,           e.line, -1,       {},
                                     QLatin1String(RefusalReason::File), {},     e.message};
        else
            ++unreported;
    }
    if (!remaining.isEmpty()) {
        if (unreported > 0)
            remaining << RuleRefusal{RuleRefusal::Where::More,
                                     unreported,
                                     -1,
                                     {},
                                     {},
                                     {},
                                     QStringLiteral("(%1 more errors)").arg(unreported)};
        *errors = RuleRefusal::toMessage(remaining);
        return false;
    }
    std::stable_sort(entries.begin(), entries.end(),
                     [](const Entry &a, const Entry &b) { return a.line < b.line; });
    for (Entry &entry : entries) {
        out->rules.append(std::move(entry.rule));
        out->specs.append(std::move(entry.spec));
        out->lines.append(entry.line);
    }
    return true;
}

/// The helper names a refused rule of Apply by its position in the list; the user wants the
/// line of the file, as ApplyFile says it.
QString byLine(const QString &message, const QVector<int> &lines)
{
    QList<RuleRefusal> refusals = RuleRefusal::fromMessage(message);
    for (RuleRefusal &refusal : refusals) {
        const int index = refusal.number - 1;
        if (refusal.where != RuleRefusal::Where::Rule || index < 0 || index >= lines.size())
            continue;
        refusal.where = RuleRefusal::Where::Line;
        refusal.number = lines.at(index);
    }
    return RuleRefusal::toMessage(refusals);
}

} // namespace

bool InMessageApply::run(BlockingHelperClient &client, Family family, const QByteArray &data,
                         const QString &expectedRevision, uint confirmSeconds, uint flags,
                         BlockingHelperClient::FileApplied *out,
                         BlockingHelperClient::Failure *failure)
{
    const bool anyRevision = flags & ApplyAnyRevision;
    const uint applyFlags = flags & ~uint(ApplyAnyRevision);
    for (int attempt = 1;; ++attempt) {
        Snapshot snapshot;
        if (!client.snapshot(family, &snapshot, failure))
            return false;
        Prepared prepared;
        QString errors;
        if (!prepare(family, data, SnapshotPrinter::dockerUser(snapshot), &prepared, &errors)) {
            *failure = {ExitInvalidInput, QLatin1String(DBusError::InvalidRule), errors,
                        client.target().displayName()};
            return false;
        }
        const QString revision = anyRevision ? snapshot.revision : expectedRevision;
        if (!client.apply(family, prepared.rules, revision, confirmSeconds, applyFlags,
                          &out->transactionId, &out->newRevision, failure)) {
            if (anyRevision && attempt < Attempts &&
                failure->name == QLatin1String(DBusError::StaleRevision))
                continue; // changed between our read and the apply: read it again
            if (failure->name == QLatin1String(DBusError::InvalidRule))
                failure->message = byLine(failure->message, prepared.lines);
            return false;
        }
        out->diff = RuleDiff::format(RuleDiff::compute(SnapshotPrinter::dockerUserSpecs(snapshot),
                                                       prepared.specs),
                                     QStringLiteral("DOCKER-USER"))
                        .toUtf8();
        out->diffMissing.clear();
        return true;
    }
}

} // namespace Userchain

#include "applyvalidator.h"

#include "parallelparts.h"
#include "restorefile.h"
#include "ruleparser.h"
#include "rulerefusal.h"
#include "snapshotbuilder.h"

#include <QHash>
#include <QSet>

#include <system_error>
#include <thread>
#include <vector>

namespace Userchain {

namespace {
/// Rule index (0-based) refused for reason (RefusalReason), text the fallback words.
RuleRefusal refusal(int index, const char *reason, const QString &text,
                    const QStringList &args = {})
{
    RuleRefusal r;
    r.where = RuleRefusal::Where::Rule;
    r.number = index + 1;
    r.reason = QLatin1String(reason);
    r.args = args;
    r.text = text;
    return r;
}

/// The parser's refusal of rule index, with the token it names.
RuleRefusal parseRefusal(int index, const RuleError &error)
{
    RuleRefusal r =
        refusal(index, error.unsupported ? RefusalReason::Unsupported : RefusalReason::Parse,
                error.message);
    r.tokenIndex = error.tokenIndex;
    r.token = error.tokenIndex >= 0 ? error.token : QString();
    return r;
}

ApplyError invalidRule(const RuleRefusal &refusal)
{
    return {QLatin1String(DBusError::InvalidRule), refusal.toLine()};
}

/// The UTF-8 size of text, without converting it when it is plain ASCII (as rules are).
qsizetype utf8Size(const QString &text)
{
    for (const QChar c : text)
        if (c.unicode() >= 0x80)
            return text.toUtf8().size();
    return text.size();
}

/// The first rule of [begin, end) that failed, if any.
struct Failure
{
    int index = -1;
    RuleRefusal refusal;
};

/// Parses rules [begin, end) into items[begin, end), stopping at the first refusal.
Failure parseRange(Family family, const ApplyRuleList &rules, int begin, int end,
                   ApplyValidator::Item *items)
{
    for (int i = begin; i < end; ++i) {
        const ApplyRule &rule = rules.at(i);
        ApplyValidator::Item &item = items[i];
        if (!rule.verbatimId.isEmpty()) {
            // Why the spec is ignored: a verbatim rule is one the parser cannot represent, so
            // the helper keeps the kernel's own bytes, looked up by id under the lock. The
            // caller only chooses where it goes.
            item.verbatimId = rule.verbatimId;
            continue;
        }
        // Why the helper parses again although every client validated: the client is not
        // trusted; the helper's parser is the last gate before the kernel.
        RuleError parseError;
        std::optional<Rule> parsed = RuleParser::parse(rule.spec, family, &parseError);
        if (!parsed)
            return {i, parseRefusal(i, parseError)};
        item.rule = std::move(*parsed);
        item.text = item.rule.toString();
        // The saved file and exports hold the rule as one iptables-restore line.
        QString why;
        if (!restoreLineFits(item.text, &why))
            return {i, refusal(i, RefusalReason::RestoreLine, why)};
    }
    return {};
}
} // namespace

bool ApplyValidator::checkSizes(const ApplyRuleList &rules, qint64 *bytes, ApplyError *error)
{
    // Why sizes come first: everything after this allocates in proportion to the input, and
    // the input comes from an unprivileged caller. The bus already bounds one message; these
    // bounds keep the parse and the kernel table to what a DOCKER-USER chain can sensibly be.
    if (rules.size() > MaxRules) {
        *error = {
            QLatin1String(DBusError::InvalidArgument),
            QStringLiteral("too many rules: %1 (at most %2)").arg(rules.size()).arg(MaxRules)};
        return false;
    }
    qint64 total = 0;
    for (int i = 0; i < rules.size(); ++i) {
        const ApplyRule &rule = rules.at(i);
        if (rule.verbatimId.size() > MaxIdLength) {
            *error = invalidRule(refusal(i, RefusalReason::VerbatimIdTooLong,
                                         QStringLiteral("verbatimId too long"),
                                         {QString::number(MaxIdLength)}));
            return false;
        }
        // A UTF-16 length above the limit is too long in any encoding; below it, count the
        // bytes the rule really has.
        const qsizetype size =
            rule.spec.size() > MaxRuleBytes ? MaxRuleBytes + 1 : utf8Size(rule.spec);
        if (size > MaxRuleBytes) {
            *error =
                invalidRule(refusal(i, RefusalReason::TooLong,
                                    QStringLiteral("rule longer than %1 bytes").arg(MaxRuleBytes),
                                    {QString::number(MaxRuleBytes)}));
            return false;
        }
        total += size + rule.verbatimId.size();
    }
    if (total > MaxListBytes) {
        *error = {QLatin1String(DBusError::InvalidArgument),
                  QStringLiteral("rules too large: %1 bytes (at most %2; a larger file goes "
                                 "through ApplyFile)")
                      .arg(total)
                      .arg(MaxListBytes)};
        return false;
    }
    if (bytes)
        *bytes = total;
    return true;
}

bool ApplyValidator::validate(Family family, const ApplyRuleList &rules, QVector<Item> *items,
                              ApplyError *error)
{
    if (!checkSizes(rules, nullptr, error))
        return false;

    // Why threads: parsing is the largest part of an Apply of a long list and each rule is
    // parsed on its own (the parser keeps no state between rules; its lookup caches are per
    // thread or locked), so on a machine with several cores the list is split between them.
    // The outcome is the same as one pass in order: every rule parsed, the first refusal by
    // position reported.
    items->clear();
    items->resize(rules.size());
    const int count = int(rules.size());
    const int threads =
        count < ParallelFrom ? 1 : qBound(1, int(std::thread::hardware_concurrency()), 4);
    // Each thread writes only its own slots of these two (detached before the threads start).
    std::vector<Failure> failures(static_cast<size_t>(threads));
    Item *out = items->data();
    const auto part = [&](int t) {
        failures[size_t(t)] = parseRange(family, rules, int(qint64(count) * t / threads),
                                         int(qint64(count) * (t + 1) / threads), out);
    };
    runInParts(threads, part);
    for (const Failure &failure : std::as_const(failures)) {
        if (failure.index >= 0) {
            items->clear();
            *error = invalidRule(failure.refusal);
            return false;
        }
    }
    return true;
}

ApplyValidator::Current ApplyValidator::lookup(Family family, const BackendChain *chain)
{
    Current current;
    current.chain = chain;
    if (!chain)
        return current;
    const int n = int(chain->rules.size());
    current.bySpec.reserve(n);
    current.nextSame.fill(-1, n);
    for (int i = n - 1; i >= 0; --i) {
        const BackendRule &rule = chain->rules.at(i);
        if (!rule.raw.isEmpty()) {
            current.verbatim.insert(SnapshotBuilder::verbatimId(family, rule, i), i);
            continue;
        }
        QStringView text = rule.displaySpec;
        if (text.isEmpty()) {
            current.texts.append(SnapshotBuilder::specText(rule));
            text = current.texts.constLast();
        }
        int &first = current.bySpec[text]; // 0 for a new text
        current.nextSame[i] = first - 1;
        first = i + 1;
    }
    return current;
}

bool ApplyValidator::resolve(Family family, QVector<Item> items, const BackendChain *current,
                             QVector<BackendRule> *rules, ApplyError *error)
{
    return resolve(std::move(items), lookup(family, current), rules, error);
}

bool ApplyValidator::resolve(QVector<Item> items, Current current, QVector<BackendRule> *rules,
                             ApplyError *error)
{
    rules->clear();
    rules->reserve(items.size());
    QSet<int> used;
    for (int i = 0; i < items.size(); ++i) {
        Item &item = items[i];
        if (!item.verbatimId.isEmpty()) {
            const auto it = current.verbatim.constFind(item.verbatimId);
            if (it == current.verbatim.constEnd()) {
                *error = invalidRule(
                    refusal(i, RefusalReason::UnknownVerbatim,
                            QStringLiteral("unknown verbatimId %1").arg(item.verbatimId),
                            {item.verbatimId}));
                return false;
            }
            // Why a verbatim rule may appear only once: its id stands for one kernel rule
            // that the caller moves; copying unreadable rules is not an edit anyone made.
            if (used.contains(it.value())) {
                *error = invalidRule(
                    refusal(i, RefusalReason::VerbatimTwice,
                            QStringLiteral("verbatimId %1 used twice").arg(item.verbatimId),
                            {item.verbatimId}));
                return false;
            }
            used.insert(it.value());
            rules->append(current.chain->rules.at(it.value()));
            continue;
        }
        // Made in place: a BackendRule is a few hundred bytes, and 10,000 of them moved once
        // more cost a millisecond.
        rules->emplace_back();
        BackendRule &rule = rules->last();
        rule.displaySpec = item.text.isEmpty() ? item.rule.toString() : std::move(item.text);
        rule.rule = std::move(item.rule);
        // Keep the counters of a rule that stays (the next kernel rule with the same text).
        const auto it = current.bySpec.find(QStringView(rule.displaySpec));
        if (it != current.bySpec.end() && it.value() > 0) {
            const int index = it.value() - 1;
            it.value() = current.nextSame.at(index) + 1;
            rule.packets = current.chain->rules.at(index).packets;
            rule.bytes = current.chain->rules.at(index).bytes;
        }
    }
    return true;
}

} // namespace Userchain

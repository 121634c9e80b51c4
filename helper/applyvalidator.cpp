#include "applyvalidator.h"

#include "ruleparser.h"
#include "snapshotbuilder.h"

#include <QHash>
#include <QSet>

namespace Userchain {

namespace {
ApplyError invalidRule(int index, const QString &message)
{
    return {QLatin1String(DBusError::InvalidRule),
            QStringLiteral("rule %1: %2").arg(index + 1).arg(message)};
}
} // namespace

bool ApplyValidator::validate(Family family, const ApplyRuleList &rules, QVector<Item> *items,
                              ApplyError *error)
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
    for (int i = 0; i < rules.size(); ++i) {
        const ApplyRule &rule = rules.at(i);
        if (rule.verbatimId.size() > MaxIdLength) {
            *error = invalidRule(i, QStringLiteral("verbatimId too long"));
            return false;
        }
        // A UTF-16 length above the limit is too long in any encoding; below it, count the
        // bytes the rule really has (a bounded conversion).
        if (rule.spec.size() > MaxRuleBytes || rule.spec.toUtf8().size() > MaxRuleBytes) {
            *error = invalidRule(i, QStringLiteral("rule longer than %1 bytes").arg(MaxRuleBytes));
            return false;
        }
    }

    items->clear();
    items->reserve(rules.size());
    for (int i = 0; i < rules.size(); ++i) {
        const ApplyRule &rule = rules.at(i);
        Item item;
        if (!rule.verbatimId.isEmpty()) {
            // Why the spec is ignored: a verbatim rule is one the parser cannot represent, so
            // the helper keeps the kernel's own bytes, looked up by id under the lock. The
            // caller only chooses where it goes.
            item.verbatimId = rule.verbatimId;
        } else {
            // Why the helper parses again although every client validated: the client is not
            // trusted; the helper's parser is the last gate before the kernel.
            RuleError parseError;
            std::optional<Rule> parsed = RuleParser::parse(rule.spec, family, &parseError);
            if (!parsed) {
                *error = invalidRule(i, parseError.message);
                return false;
            }
            item.rule = std::move(*parsed);
        }
        items->append(std::move(item));
    }
    return true;
}

bool ApplyValidator::resolve(Family family, const QVector<Item> &items, const BackendChain *current,
                             QVector<BackendRule> *rules, ApplyError *error)
{
    QHash<QString, int> verbatim; // id -> index in current
    // canonical text -> indexes in current, highest first, so that taking from the back
    // pairs the n-th equal rule of the new list with the n-th of the old one
    QHash<QString, QVector<int>> bySpec;
    if (current) {
        for (int i = current->rules.size() - 1; i >= 0; --i) {
            const BackendRule &rule = current->rules.at(i);
            if (!rule.raw.isEmpty())
                verbatim.insert(SnapshotBuilder::verbatimId(family, rule, i), i);
            else
                bySpec[SnapshotBuilder::specText(rule)].append(i);
        }
    }

    rules->clear();
    rules->reserve(items.size());
    QSet<int> used;
    for (int i = 0; i < items.size(); ++i) {
        const Item &item = items.at(i);
        if (!item.verbatimId.isEmpty()) {
            const auto it = verbatim.constFind(item.verbatimId);
            if (it == verbatim.constEnd()) {
                *error =
                    invalidRule(i, QStringLiteral("unknown verbatimId %1").arg(item.verbatimId));
                return false;
            }
            // Why a verbatim rule may appear only once: its id stands for one kernel rule
            // that the caller moves; copying unreadable rules is not an edit anyone made.
            if (used.contains(it.value())) {
                *error =
                    invalidRule(i, QStringLiteral("verbatimId %1 used twice").arg(item.verbatimId));
                return false;
            }
            used.insert(it.value());
            rules->append(current->rules.at(it.value()));
            continue;
        }
        BackendRule rule;
        rule.rule = item.rule;
        rule.displaySpec = item.rule.toString();
        // Keep the counters of a rule that stays (the next kernel rule with the same text).
        const auto it = bySpec.find(rule.displaySpec);
        if (it != bySpec.end() && !it->isEmpty()) {
            const int index = it->takeLast();
            rule.packets = current->rules.at(index).packets;
            rule.bytes = current->rules.at(index).bytes;
        }
        rules->append(std::move(rule));
    }
    return true;
}

} // namespace Userchain

#pragma once

#include "backend.h"
#include "dbustypes.h"

#include <QHash>
#include <QString>
#include <QVector>

namespace Userchain {

/// A refusal: the D-Bus error name (Userchain::DBusError) and its message.
struct ApplyError
{
    QString name;
    QString message;
};

/**
 * The checks an Apply's rule list goes through, in two steps.
 *
 * validate() runs before the lock, on caller input only: sizes first (so nothing large is
 * parsed or copied), then every rule through the shared strict parser. resolve() runs under
 * the lock against the helper's own fresh read of DOCKER-USER: it turns verbatim ids back into
 * the kernel's bytes, so raw entries only ever come from the kernel, never from a caller.
 *
 * InvalidRule messages are one RuleRefusal line, "rule N ...", N the 1-based position in the
 * list.
 */
class ApplyValidator final
{
public:
    static constexpr int MaxRules = 100000;
    static constexpr int MaxRuleBytes = 4096;
    static constexpr int MaxIdLength = 64;
    /// All rules of one Apply together (UTF-8): what the GUI sends for 100,000 typical rules
    /// with room to spare. Larger files go through ApplyFile, as a descriptor.
    static constexpr qint64 MaxListBytes = 16 * 1024 * 1024;

    /**
     * The bounds alone, without parsing: at most MaxRules rules, each at most MaxRuleBytes
     * and a verbatim id of at most MaxIdLength, MaxListBytes in all. *bytes (if given) is the
     * size of the rules' text. Cheap enough to run before authorization, so that an oversized
     * call is answered, and its message released, at once (see HelperService).
     */
    static bool checkSizes(const ApplyRuleList &rules, qint64 *bytes, ApplyError *error);

    /// A rule that passed validation: a parsed rule, or a reference to a kernel rule.
    struct Item
    {
        Rule rule;
        QString verbatimId; ///< non-empty: keep the kernel's rule with this id
        QString text;       ///< rule.toString() for parsed rules (made once, by validate())
    };

    /// Lists at least this long are parsed by several threads (see validate()).
    static constexpr int ParallelFrom = 2048;

    /// checkSizes(), then every rule through the parser.
    static bool validate(Family family, const ApplyRuleList &rules, QVector<Item> *items,
                         ApplyError *error);

    /**
     * The rules to write: parsed rules as they are, verbatim ids replaced by the kernel's
     * entry from current (DOCKER-USER as just read under the lock; nullptr if missing).
     * Counters of rules that stay are carried over, as iptables-restore --counters would.
     */
    static bool resolve(Family family, QVector<Item> items, const BackendChain *current,
                        QVector<BackendRule> *rules, ApplyError *error);

    /// DOCKER-USER as resolve() looks rules up in it (verbatim ids, texts for counters).
    struct Current
    {
        const BackendChain *chain = nullptr;
        QHash<QString, int> verbatim; ///< id -> index in chain
        /// text -> 1 + the first unpaired index with that text (0: none left); for each index
        /// the next one with the same text (-1: none): the n-th equal new rule pairs with the
        /// n-th old one. The keys are views of the chain's texts (or of texts).
        QHash<QStringView, int> bySpec;
        QStringList texts; ///< texts made for rules that had none (rarely any)
        QVector<int> nextSame;
    };
    /// The lookup for resolve(); made apart so that it can be made while other work runs.
    static Current lookup(Family family, const BackendChain *chain);
    static bool resolve(QVector<Item> items, Current current, QVector<BackendRule> *rules,
                        ApplyError *error);
};

} // namespace Userchain

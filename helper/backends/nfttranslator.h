#pragma once

#include "backend.h"
#include "entrycodec.h"
#include "nftentry.h"
#include "nftreader.h"

#include <QByteArray>
#include <QHash>
#include <QString>

struct nftnl_rule;

namespace Userchain {

/**
 * Turns kernel rules into BackendRules and BackendRules into kernel expressions, for one
 * family, keeping decoded rules cached by their kernel bytes.
 *
 * A kernel rule becomes:
 * - a typed rule (Rule) when it is exactly an iptables-nft rule whose text RuleParser reads
 *   back to the very same kernel expressions;
 * - an iptables rule kept verbatim (raw = kind 'x' + the x_tables entry) when it is exactly an
 *   iptables-nft rule that RuleParser cannot represent (an unknown extension): it is written
 *   again from the entry, which gives the same expressions;
 * - a native rule (raw = kind 'n' + its handle + its kernel bytes) for anything else: it is
 *   shown with a readable text and can only stay where it is, untouched.
 *
 * "Exactly" is checked, not assumed: the decoded entry is encoded again the way iptables-nft
 * 1.8.9 writes it, and the result must equal the kernel's expressions (counters aside).
 */
class NftTranslator final
{
public:
    explicit NftTranslator(Family family);

    Family family() const { return m_family; }

    /**
     * The BackendRule for a rule the reader returned. codec: with the ipset lookup to use.
     * stable: whether the result follows from the rule's kernel bytes alone (false for `-m
     * set`, whose text names the set through the kernel's index of it).
     */
    BackendRule toBackendRule(const NftRuleInfo &info, const EntryCodec &codec,
                              bool *stable = nullptr);

    /**
     * The expressions for a rule to be written, added to r. Fails (error set) for a native
     * rule (it can only be kept, see nativeHandle) and for a rule that cannot be encoded.
     */
    bool toExpressions(const BackendRule &rule, const EntryCodec &codec, nftnl_rule *r,
                       QString *error, quint64 packets = 0, quint64 bytes = 0) const;

    /// The iptables-nft-save text of a rule (typed, or verbatim from its entry).
    static QString textOf(const BackendRule &rule, const EntryCodec &codec);

    /// Whether raw is a native rule's, and its kernel handle.
    static bool isNative(const QByteArray &raw);
    static quint64 nativeHandle(const QByteArray &raw);
    /// The kernel bytes (NftRuleInfo::key) a native raw was made from.
    static QByteArray nativeKey(const QByteArray &raw);

    /// Rules cached at most; the cache is cleared when it would grow beyond.
    static constexpr int MaxCached = 220000;

private:
    BackendRule decode(const NftRuleInfo &info, const EntryCodec &codec, bool *cacheable) const;

    Family m_family;
    QHash<QByteArray, BackendRule> m_cache; ///< by NftRuleInfo::key; counters zero
};

} // namespace Userchain

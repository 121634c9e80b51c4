#pragma once

#include "rule.h"

#include <QByteArray>
#include <QString>

struct nftnl_rule;

namespace Userchain {

/// What NftRuleDecoder made of one nf_tables rule.
struct NftDecodedRule
{
    /// False: the rule is not laid out the way iptables-nft 1.8.9 writes rules (an expression
    /// or a form it does not produce); it must only be shown, never rewritten. why says what.
    bool iptables = false;
    QString why;
    /**
     * For an iptables rule: the x_tables entry iptables-nft reconstructs from it
     * (`ipt_entry`/`ip6t_entry`, the matches in the order of their expressions, the target),
     * with a standard target named after its verdict or chain (targetLabel), as EntryCodec
     * reads and writes entries. Counters are zero here.
     */
    QByteArray entry;
    QString targetLabel;
    /// `! -i +` / `! -o +`: iptables-nft keeps the inverted wildcard, an entry cannot show it.
    bool inAnyInverted = false;
    bool outAnyInverted = false;
    bool xtTarget = false; ///< the target is an x_tables `target` expression
    bool usesSet = false;  ///< has an ipset match (its text depends on the kernel's sets)
    quint64 packets = 0;
    quint64 bytes = 0;
};

/**
 * Reads the expressions of an nf_tables rule the way iptables-nft 1.8.9 does
 * (nft_rule_to_iptables_command_state): `meta iifname/oifname/l4proto` and network-header
 * `payload` (with `bitwise` for non-byte masks) + `cmp` give the entry's `-i -o -p -s -d -f`;
 * transport-header payloads with `cmp`/`range` give one `tcp`/`udp` match (ports, tcp flags)
 * at the place of the first such expression; `limit` gives a `limit` match; `match`/`target`
 * carry x_tables blobs as they are; `immediate` is the verdict or jump; `counter` the
 * counters. Anything else (lookup, ct, other meta keys, registers other than 1, a cmp without
 * its load, a second verdict...) makes the rule not an iptables rule.
 *
 * The decoder is deliberately strict but need not be complete: NftBackend also encodes the
 * result again and compares it with the kernel's expressions, so a rule decoded too leniently
 * still ends up read-only.
 */
class NftRuleDecoder final
{
public:
    static NftDecodedRule decode(const nftnl_rule *rule, Family family);

    /// A readable one-line text of a rule's expressions, for rules shown read-only.
    static QString nativeText(const nftnl_rule *rule);
};

} // namespace Userchain

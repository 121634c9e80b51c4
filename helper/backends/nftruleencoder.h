#pragma once

#include "nftentry.h"

#include <QString>

struct nftnl_rule;

namespace Userchain {

/**
 * Writes an iptables rule (NftEntry) as the expressions iptables-nft 1.8.9 gives the same rule
 * (nft_ipv4_add / nft_ipv6_add): `-i`, `-o`, `-p`, `-s`, `-d`, `-f` in that order, each as
 * meta/payload [+ bitwise] + cmp on register 1; then the matches in order, `tcp`/`udp` with
 * ports or flags and `limit` as native expressions, every other match as an x_tables `match`
 * expression carrying its blob; then `counter`; then the verdict (`immediate`) or the x_tables
 * `target`. The same function serves writing and checking a read: a rule read from the kernel
 * counts as understood only if this gives back its very expressions.
 */
class NftRuleEncoder final
{
public:
    /// Adds the expressions to rule (which has none yet). False with error set for what
    /// iptables-nft would refuse to write (e.g. ports without `-p tcp`/`-p udp`).
    static bool encode(const NftEntry &entry, quint64 packets, quint64 bytes, nftnl_rule *rule,
                       QString *error);
};

} // namespace Userchain

#pragma once

#include "dbustypes.h"
#include "rule.h"

#include <QList>
#include <QStringList>

namespace Userchain {

/**
 * The contents of the kernel's ipsets that rules name, read through ipset's netlink interface
 * (NFNL_SUBSYS_IPSET, IPSET_CMD_LIST: what `ipset list` asks) on the helper's own netfilter
 * netlink socket (NftNetlink). Read-only: it never creates, changes or flushes a set.
 *
 * Only what the evaluator decides exactly: hash:ip and hash:net sets of the family, their
 * entries as networks (a hash:ip set's netmask widens its entries). A set is left out, and
 * the evaluator then says the answer depends on it, when it does not exist, is of another type
 * or family, has a `nomatch` entry (an exception carved out of the others), a header or entry
 * attribute not known here (a bitmask, say), or more entries than the bounds. Bounded: at most
 * MaxSets sets, MaxEntriesPerSet entries each, MaxEntries in all.
 */
class IpsetReader final
{
public:
    static constexpr int MaxSets = 64;
    static constexpr int MaxEntriesPerSet = 65536; ///< Docker's sets: maxelem 65536
    static constexpr int MaxEntries = 262144;

    /// The sets of `names` (in order, each once) that can be read, packed as IpsetInfo says.
    static QList<IpsetInfo> read(const QStringList &names, Family family);
};

} // namespace Userchain

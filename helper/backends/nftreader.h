#pragma once

#include "nftnetlink.h"
#include "rule.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QVector>

namespace Userchain {

struct NftChainInfo
{
    QString table;
    QString name;
    bool base = false; ///< has a hook (a built-in chain when its name is one of the table's)
    QString policy;    ///< "ACCEPT"/"DROP" for base chains
};

/// One rule as the kernel dumped it.
struct NftRuleInfo
{
    QString table;
    QString chain;
    quint64 handle = 0;
    /**
     * What the rule's meaning depends on, as the kernel's own bytes: every expression except
     * the counter's values, and the user data. Equal keys are equal rules (in one family),
     * so decoded rules can be cached by it.
     */
    QByteArray key;
    quint64 packets = 0, bytes = 0;
    QByteArray message; ///< the whole NFT_MSG_NEWRULE message, for libnftnl
};

struct NftRuleset
{
    quint32 generation = 0;
    QStringList tables;           ///< the asked-for tables that exist
    QVector<NftChainInfo> chains; ///< of those tables, in the kernel's order
    QVector<NftRuleInfo> rules;   ///< chain by chain, each in order
};

/**
 * Reads tables of one family from the kernel in a consistent state: the generation id, the
 * tables, their chains and rules, and the generation id again; if it changed (a concurrent
 * commit, or a dump interrupted by one) the read starts over, so everything returned belongs
 * to the one generation reported. This is what nft itself and iptables-nft do.
 */
class NftReader final
{
public:
    /**
     * tables: which tables (e.g. filter, nat, raw); onlyChains non-empty: the rules of those
     * chains only (the kernel filters the dump; the chains of the tables are still listed).
     */
    static bool read(NftNetlink &netlink, Family family, const QStringList &tables,
                     const QStringList &onlyChains, NftRuleset *out, QString *error);

    /// The key and counters of a rule message (see NftRuleInfo); false if it is malformed.
    static bool ruleKey(const nlmsghdr *nlh, NftRuleInfo *out);
};

} // namespace Userchain

// libFuzzer target: any bytes as the attributes of an nf_tables rule message (NFT_MSG_NEWRULE,
// as a dump of the kernel delivers it), through the nf_tables backend's reader and decoder.
// It must never crash or read out of bounds; a rule it calls an iptables rule (typed or kept as
// its entry) must encode again, and a native rule must only ever be kept.
#include "entrycodec.h"
#include "nftreader.h"
#include "nfttranslator.h"

#include <libnftnl/common.h>
#include <libnftnl/rule.h>
#include <linux/netfilter/nf_tables.h>
#include <linux/netfilter/nfnetlink.h>
#include <linux/netlink.h>

#include <QByteArray>
#include <cstdint>
#include <cstdlib>
#include <cstring>

using namespace Userchain;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1 || size > 60000)
        return 0;
    // First byte: the family; the rest: the attributes after the nfgenmsg header.
    const Family family = data[0] & 1 ? Family::IPv6 : Family::IPv4;
    QByteArray msg(int(NLMSG_HDRLEN + NLMSG_ALIGN(sizeof(nfgenmsg)) + size - 1), '\0');
    auto *nlh = reinterpret_cast<nlmsghdr *>(msg.data());
    nlh->nlmsg_len = quint32(msg.size());
    nlh->nlmsg_type = (NFNL_SUBSYS_NFTABLES << 8) | NFT_MSG_NEWRULE;
    auto *nfg = reinterpret_cast<nfgenmsg *>(msg.data() + NLMSG_HDRLEN);
    nfg->nfgen_family = family == Family::IPv4 ? 2 : 10;
    std::memcpy(msg.data() + NLMSG_HDRLEN + NLMSG_ALIGN(sizeof(nfgenmsg)), data + 1, size - 1);

    NftRuleInfo info;
    if (!NftReader::ruleKey(nlh, &info))
        return 0;
    static NftTranslator translator4(Family::IPv4), translator6(Family::IPv6);
    NftTranslator &translator = family == Family::IPv4 ? translator4 : translator6;
    const EntryCodec codec(family);
    const BackendRule rule = translator.toBackendRule(info, codec);
    if (rule.displaySpec.isEmpty() && !rule.raw.isEmpty())
        std::abort();
    nftnl_rule *r = nftnl_rule_alloc();
    QString error;
    const bool encodes = translator.toExpressions(rule, codec, r, &error);
    nftnl_rule_free(r);
    if (NftTranslator::isNative(rule.raw) ? encodes : !encodes)
        std::abort();
    (void)NftTranslator::textOf(rule, codec);
    return 0;
}

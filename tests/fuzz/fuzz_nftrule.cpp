// libFuzzer target: any bytes as the attributes of an nf_tables rule message (NFT_MSG_NEWRULE,
// as a dump of the kernel delivers it), through the nf_tables backend's reader and decoder.
// It must never crash or read out of bounds; a rule it calls an iptables rule (typed or kept as
// its entry) must encode again, and a native rule must only ever be kept.
//
// `fuzz_nftrule --write-seeds=DIR FILE...` writes one input per rule line of the files (the
// oracle corpus; a file named *v6* holds IPv6 rules) as the backend encodes it, and exits:
// the seed corpus run-fuzzer.sh starts from (--encode).
#include "entrycodec.h"
#include "nftreader.h"
#include "nfttranslator.h"
#include "ruleparser.h"

#include <QFile>
#include <QString>

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

namespace {

/// The attributes of the NEWRULE message for one rule, after the family byte: an input.
QByteArray seedOf(const QString &spec, Family family)
{
    const auto rule = RuleParser::parse(spec, family);
    if (!rule)
        return QByteArray();
    BackendRule br;
    br.rule = *rule;
    NftTranslator translator(family);
    const EntryCodec codec(family);
    nftnl_rule *r = nftnl_rule_alloc();
    QString error;
    QByteArray seed;
    if (translator.toExpressions(br, codec, r, &error, 7, 420)) {
        // As a dump delivers it: with the table, chain and a handle, no compat attributes.
        nftnl_rule_unset(r, NFTNL_RULE_COMPAT_PROTO);
        nftnl_rule_unset(r, NFTNL_RULE_COMPAT_FLAGS);
        nftnl_rule_set_str(r, NFTNL_RULE_TABLE, "filter");
        nftnl_rule_set_str(r, NFTNL_RULE_CHAIN, "DOCKER-USER");
        nftnl_rule_set_u64(r, NFTNL_RULE_HANDLE, 42);
        QByteArray buf(1 << 16, '\0');
        nlmsghdr *nlh = nftnl_nlmsg_build_hdr(buf.data(), NFT_MSG_NEWRULE,
                                              family == Family::IPv4 ? 2 : 10, 0, 0);
        nftnl_rule_nlmsg_build_payload(nlh, r);
        const int header = int(NLMSG_HDRLEN + NLMSG_ALIGN(sizeof(nfgenmsg)));
        seed = QByteArray(1, family == Family::IPv4 ? '\0' : '\1') +
               buf.mid(header, int(nlh->nlmsg_len) - header);
    }
    nftnl_rule_free(r);
    return seed;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    QString dir;
    QStringList files;
    for (int i = 1; i < *argc; ++i) {
        const QString arg = QString::fromLocal8Bit((*argv)[i]);
        if (arg.startsWith(QLatin1String("--write-seeds=")))
            dir = arg.mid(14);
        else if (!arg.startsWith(QLatin1Char('-')))
            files << arg;
    }
    if (dir.isEmpty())
        return 0;
    int written = 0;
    for (const QString &name : std::as_const(files)) {
        QFile file(name);
        if (!file.open(QIODevice::ReadOnly))
            std::exit(1);
        const Family family = name.contains(QLatin1String("v6")) ? Family::IPv6 : Family::IPv4;
        for (const QByteArray &line : file.readAll().split('\n')) {
            const QString spec = QString::fromUtf8(line).trimmed();
            if (spec.isEmpty() || spec.startsWith(QLatin1Char('#')))
                continue;
            const QByteArray seed = seedOf(spec, family);
            QFile out(QStringLiteral("%1/nft-%2").arg(dir).arg(++written));
            if (!seed.isEmpty() &&
                (!out.open(QIODevice::WriteOnly) || out.write(seed) != seed.size()))
                std::exit(1);
        }
    }
    std::exit(written > 0 ? 0 : 1);
}

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

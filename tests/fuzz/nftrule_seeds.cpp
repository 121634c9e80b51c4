// Seeds for fuzz_nftrule: every rule of the oracle corpora (a file named *v6* holds IPv6 rules)
// written as the nf_tables rule message the backend would send (table, chain and the
// expressions iptables-nft 1.8.9 gives the rule), in fuzz_nftrule's input form: one byte for
// the family, then the message's attributes. So the fuzzer starts from every expression the
// backend writes (native ports and marks, x_tables matches and targets, NFLOG's log) instead
// of from nothing.
//   nftrule_seeds OUTPUT_DIR CORPUS_FILE...
#include "entrycodec.h"
#include "nftentry.h"
#include "nftruleencoder.h"
#include "ruleparser.h"

#include <libnftnl/common.h>
#include <libnftnl/rule.h>
#include <linux/netfilter/nf_tables.h>
#include <linux/netfilter/nfnetlink.h>
#include <linux/netlink.h>

#include <QByteArray>
#include <QFile>
#include <QFileInfo>
#include <cstdio>

using namespace Userchain;

int main(int argc, char **argv)
{
    if (argc < 3) {
        std::fprintf(stderr, "usage: nftrule_seeds OUTPUT_DIR CORPUS_FILE...\n");
        return 2;
    }
    const QString out = QString::fromLocal8Bit(argv[1]);
    int written = 0;
    for (int i = 2; i < argc; ++i) {
        QFile in(QString::fromLocal8Bit(argv[i]));
        if (!in.open(QIODevice::ReadOnly))
            return 1;
        const Family family =
            QFileInfo(in).fileName().contains(QLatin1String("v6")) ? Family::IPv6 : Family::IPv4;
        const EntryCodec codec(family);
        for (const QByteArray &raw : in.readAll().split('\n')) {
            const QByteArray line = raw.trimmed();
            if (line.isEmpty() || line.startsWith('#'))
                continue;
            const auto rule = RuleParser::parse(QString::fromUtf8(line), family);
            QByteArray entry;
            if (!rule || !codec.encode(*rule, &entry, nullptr))
                continue; // refused on purpose, or a set that is not there
            const bool standard = !rule->target.name.isEmpty() &&
                                  codec.standardTargetName(entry) == rule->target.name;
            const auto e = NftEntry::fromBytes(entry, family, standard, nullptr);
            if (!e)
                continue;
            nftnl_rule *r = nftnl_rule_alloc();
            nftnl_rule_set_str(r, NFTNL_RULE_TABLE, "filter");
            nftnl_rule_set_str(r, NFTNL_RULE_CHAIN, "DOCKER-USER");
            QString error;
            if (NftRuleEncoder::encode(*e, 0, 0, r, &error)) {
                QByteArray buf(1 << 16, '\0');
                nlmsghdr *nlh = nftnl_nlmsg_build_hdr(buf.data(), NFT_MSG_NEWRULE, 0, 0, 0);
                nftnl_rule_nlmsg_build_payload(nlh, r);
                const int header = int(NLMSG_HDRLEN + NLMSG_ALIGN(sizeof(nfgenmsg)));
                QFile seed(QStringLiteral("%1/nft-%2").arg(out).arg(++written));
                if (!seed.open(QIODevice::WriteOnly))
                    return 1;
                seed.write(QByteArray(1, family == Family::IPv6 ? '\1' : '\0'));
                seed.write(buf.mid(header, int(nlh->nlmsg_len) - header));
            }
            nftnl_rule_free(r);
        }
    }
    std::printf("%d seeds\n", written);
    return written > 0 ? 0 : 1;
}

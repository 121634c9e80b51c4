#include "nftreader.h"

#include <libmnl/libmnl.h>
#include <libnftnl/chain.h>
#include <libnftnl/common.h>
#include <libnftnl/rule.h>
#include <libnftnl/table.h>
#include <linux/netfilter.h>
#include <linux/netfilter/nf_tables.h>
#include <linux/netfilter/nfnetlink.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <endian.h>
#include <memory>

namespace Userchain {

namespace {

constexpr int kAttempts = 10;

quint16 nfproto(Family family)
{
    return family == Family::IPv4 ? NFPROTO_IPV4 : NFPROTO_IPV6;
}

template <typename T, void (*Free)(const T *)> struct Deleter
{
    void operator()(T *p) const { Free(p); }
};
using ChainPtr = std::unique_ptr<nftnl_chain, Deleter<nftnl_chain, nftnl_chain_free>>;
using TablePtr = std::unique_ptr<nftnl_table, Deleter<nftnl_table, nftnl_table_free>>;
using RulePtr = std::unique_ptr<nftnl_rule, Deleter<nftnl_rule, nftnl_rule_free>>;

QByteArray dumpRequest(quint16 type, quint16 family, const char *table, const char *chain)
{
    char buf[MNL_SOCKET_BUFFER_SIZE];
    nlmsghdr *nlh = nftnl_nlmsg_build_hdr(buf, type, family, NLM_F_DUMP, 0);
    if (type == NFT_MSG_GETRULE && table) {
        // The kernel filters a rule dump by table and chain: an apply reads DOCKER-USER only.
        RulePtr r(nftnl_rule_alloc());
        nftnl_rule_set_str(r.get(), NFTNL_RULE_TABLE, table);
        if (chain)
            nftnl_rule_set_str(r.get(), NFTNL_RULE_CHAIN, chain);
        nftnl_rule_nlmsg_build_payload(nlh, r.get());
    }
    return QByteArray(buf, int(nlh->nlmsg_len));
}

bool readOnce(NftNetlink &nl, Family family, const QStringList &tables,
              const QStringList &onlyChains, NftRuleset *out, QString *error, int *err)
{
    *out = NftRuleset();
    *err = 0;
    const quint16 fam = nfproto(family);

    // Tables: which of the asked-for ones exist.
    QStringList existing;
    if (!nl.request(
            dumpRequest(NFT_MSG_GETTABLE, fam, nullptr, nullptr),
            [&](const nlmsghdr *nlh) {
                TablePtr t(nftnl_table_alloc());
                if (!t || nftnl_table_nlmsg_parse(nlh, t.get()) < 0)
                    return false;
                const QString name =
                    QString::fromUtf8(nftnl_table_get_str(t.get(), NFTNL_TABLE_NAME));
                if (tables.contains(name))
                    existing << name;
                return true;
            },
            error, err))
        return false;
    if (!nl.request(
            dumpRequest(NFT_MSG_GETCHAIN, fam, nullptr, nullptr),
            [&](const nlmsghdr *nlh) {
                ChainPtr c(nftnl_chain_alloc());
                if (!c || nftnl_chain_nlmsg_parse(nlh, c.get()) < 0)
                    return false;
                NftChainInfo info;
                info.table = QString::fromUtf8(nftnl_chain_get_str(c.get(), NFTNL_CHAIN_TABLE));
                if (!existing.contains(info.table))
                    return true;
                info.name = QString::fromUtf8(nftnl_chain_get_str(c.get(), NFTNL_CHAIN_NAME));
                info.base = nftnl_chain_is_set(c.get(), NFTNL_CHAIN_HOOKNUM);
                if (info.base)
                    info.policy =
                        nftnl_chain_is_set(c.get(), NFTNL_CHAIN_POLICY) &&
                                nftnl_chain_get_u32(c.get(), NFTNL_CHAIN_POLICY) == NF_DROP
                            ? QStringLiteral("DROP")
                            : QStringLiteral("ACCEPT");
                out->chains.append(info);
                return true;
            },
            error, err))
        return false;
    for (const QString &table : std::as_const(existing)) {
        // One dump per asked-for chain (the kernel filters it), or one for the whole table.
        QStringList dumps = onlyChains;
        if (dumps.isEmpty())
            dumps << QString();
        for (const QString &only : std::as_const(dumps)) {
            // A rule dump for a chain that does not exist is an error (ENOENT); skip it.
            if (!only.isEmpty() &&
                std::none_of(out->chains.begin(), out->chains.end(), [&](const NftChainInfo &c) {
                    return c.table == table && c.name == only;
                }))
                continue;
            const QByteArray t = table.toUtf8();
            const QByteArray chain = only.toUtf8();
            const bool ok = nl.request(
                dumpRequest(NFT_MSG_GETRULE, fam, t.constData(),
                            only.isEmpty() ? nullptr : chain.constData()),
                [&](const nlmsghdr *nlh) {
                    NftRuleInfo info;
                    if (!NftReader::ruleKey(nlh, &info))
                        return false;
                    out->rules.append(std::move(info));
                    return true;
                },
                error, err);
            if (!ok)
                return false;
        }
    }
    out->tables = existing;
    return true;
}

/// Calls f for each attribute in [start, start + len): mnl's iteration macros do not compile
/// as C++ (they assign void pointers).
template <typename F> void forEachAttr(const void *start, size_t len, F f)
{
    const auto *a = static_cast<const nlattr *>(start);
    int remaining = int(len);
    while (mnl_attr_ok(a, remaining)) {
        f(a);
        remaining -= int(MNL_ALIGN(a->nla_len));
        a = static_cast<const nlattr *>(mnl_attr_next(a));
    }
}

template <typename F> void forEachNested(const nlattr *parent, F f)
{
    forEachAttr(mnl_attr_get_payload(parent), mnl_attr_get_payload_len(parent), f);
}

} // namespace

bool NftReader::ruleKey(const nlmsghdr *nlh, NftRuleInfo *out)
{
    const size_t hdr = sizeof(struct nfgenmsg);
    if (nlh->nlmsg_len < NLMSG_HDRLEN + hdr)
        return false;
    out->message = QByteArray(reinterpret_cast<const char *>(nlh), int(nlh->nlmsg_len));
    // A dump names the same table and chain for rule after rule: their texts are made once.
    struct Name
    {
        QByteArray bytes;
        QString text;
    };
    static thread_local Name lastNames[2]; // table, chain
    const auto nameOf = [](Name &last, const char *bytes) {
        if (last.bytes != bytes) {
            last.bytes = bytes;
            last.text = QString::fromUtf8(bytes);
        }
        return last.text;
    };
    QByteArray key;
    key.reserve(int(nlh->nlmsg_len)); // at most the message's own size, in one allocation
    bool ok = true;
    forEachAttr(mnl_nlmsg_get_payload_offset(nlh, hdr),
                nlh->nlmsg_len - MNL_NLMSG_HDRLEN - MNL_ALIGN(hdr), [&](const nlattr *attr) {
                    const quint16 type = mnl_attr_get_type(attr);
                    if (type == NFTA_RULE_TABLE || type == NFTA_RULE_CHAIN) {
                        if (mnl_attr_validate(attr, MNL_TYPE_NUL_STRING) < 0) {
                            ok = false;
                            return;
                        }
                        (type == NFTA_RULE_TABLE ? out->table : out->chain) = nameOf(
                            lastNames[type == NFTA_RULE_TABLE ? 0 : 1], mnl_attr_get_str(attr));
                    } else if (type == NFTA_RULE_HANDLE) {
                        if (mnl_attr_validate(attr, MNL_TYPE_U64) < 0) {
                            ok = false;
                            return;
                        }
                        out->handle = be64toh(mnl_attr_get_u64(attr));
                    } else if (type == NFTA_RULE_USERDATA) {
                        key.append("\0u", 2);
                        key.append(static_cast<const char *>(mnl_attr_get_payload(attr)),
                                   int(mnl_attr_get_payload_len(attr)));
                    } else if (type == NFTA_RULE_EXPRESSIONS) {
                        forEachNested(attr, [&](const nlattr *elem) {
                            const char *name = nullptr;
                            const nlattr *data = nullptr;
                            forEachNested(elem, [&](const nlattr *part) {
                                if (mnl_attr_get_type(part) == NFTA_EXPR_NAME &&
                                    mnl_attr_validate(part, MNL_TYPE_NUL_STRING) == 0)
                                    name = mnl_attr_get_str(part);
                                else if (mnl_attr_get_type(part) == NFTA_EXPR_DATA)
                                    data = part;
                            });
                            if (name && std::strcmp(name, "counter") == 0 && data) {
                                // The counter's values change all the time; they are not the rule.
                                forEachNested(data, [&](const nlattr *c) {
                                    if (mnl_attr_validate(c, MNL_TYPE_U64) < 0)
                                        return;
                                    if (mnl_attr_get_type(c) == NFTA_COUNTER_PACKETS)
                                        out->packets = be64toh(mnl_attr_get_u64(c));
                                    else if (mnl_attr_get_type(c) == NFTA_COUNTER_BYTES)
                                        out->bytes = be64toh(mnl_attr_get_u64(c));
                                });
                                key.append("\0counter", 8);
                                return;
                            }
                            key.append(reinterpret_cast<const char *>(elem), int(elem->nla_len));
                        });
                    }
                });
    if (!ok)
        return false;
    out->key = std::move(key);
    return !out->table.isEmpty() && !out->chain.isEmpty();
}

bool NftReader::read(NftNetlink &netlink, Family family, const QStringList &tables,
                     const QStringList &onlyChains, NftRuleset *out, QString *error)
{
    for (int attempt = 0; attempt < kAttempts; ++attempt) {
        const auto before = netlink.generation(error);
        if (!before)
            return false;
        int err = 0;
        if (!readOnce(netlink, family, tables, onlyChains, out, error, &err)) {
            if (err == EINTR)
                continue; // the dump saw a commit happen: read again
            return false;
        }
        const auto after = netlink.generation(error);
        if (!after)
            return false;
        if (*before == *after) {
            out->generation = *after;
            return true;
        }
    }
    *error = QStringLiteral("the ruleset kept changing while it was read");
    return false;
}

} // namespace Userchain

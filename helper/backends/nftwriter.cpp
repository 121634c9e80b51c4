#include "nftwriter.h"

#include "nftnetlink.h"
#include "nftreader.h"
#include "nfttranslator.h"
#include "ruleparser.h"

// The C library's headers first: the kernel's netfilter headers then skip their own copies.
#include <arpa/inet.h>
#include <netinet/in.h>

#include <libmnl/libmnl.h>
#include <libnftnl/chain.h>
#include <libnftnl/common.h>
#include <libnftnl/rule.h>
#include <libnftnl/table.h>
#include <linux/netfilter.h>
#include <linux/netfilter/nf_tables.h>
#include <linux/netfilter/nfnetlink.h>

#include <memory>
#include <vector>

namespace Userchain {

namespace {

const QString DockerUser = QStringLiteral("DOCKER-USER");
const QString Forward = QStringLiteral("FORWARD");

struct RuleDeleter
{
    void operator()(nftnl_rule *r) const { nftnl_rule_free(r); }
};
using RulePtr = std::unique_ptr<nftnl_rule, RuleDeleter>;

quint16 nfproto(Family family)
{
    return family == Family::IPv4 ? NFPROTO_IPV4 : NFPROTO_IPV6;
}

/// What makes two rules the same for "keep it": the typed text or the raw bytes.
QString identity(const BackendRule &r)
{
    if (r.raw.isEmpty())
        return QStringLiteral("t") + r.rule.toString();
    return QStringLiteral("r") + QString::fromLatin1(r.raw.toHex());
}

class BatchBuilder
{
public:
    BatchBuilder(NftNetlink &nl, NftBatch *out) : m_nl(nl), m_out(out), m_buf(1 << 17) {}

    nlmsghdr *header(quint16 type, quint16 family, quint16 flags)
    {
        const quint32 seq = m_nl.nextSeq();
        return nftnl_nlmsg_build_hdr(m_buf.data(), type, family, flags, seq);
    }
    void append(const nlmsghdr *nlh, const QString &what)
    {
        m_lastOffset = m_out->bytes.size();
        m_out->bytes.append(reinterpret_cast<const char *>(nlh), int(nlh->nlmsg_len));
        m_out->lastSeq = nlh->nlmsg_seq;
        if (!what.isEmpty())
            m_out->what.insert(nlh->nlmsg_seq, what);
    }
    void begin(quint32 generation)
    {
        nlmsghdr *nlh = nftnl_batch_begin(m_buf.data(), m_nl.nextSeq());
        // The kernel refuses the whole batch if the ruleset is no longer at this generation.
        mnl_attr_put_u32(nlh, NFNL_BATCH_GENID, htonl(generation));
        m_out->bytes.append(reinterpret_cast<const char *>(nlh), int(nlh->nlmsg_len));
    }
    void end()
    {
        // Only the last message asks for an acknowledgement: the kernel reports failures of
        // any message anyway, and 10,000 acknowledgements would overflow the socket.
        if (m_lastOffset >= 0) {
            auto *last = reinterpret_cast<nlmsghdr *>(m_out->bytes.data() + m_lastOffset);
            last->nlmsg_flags |= NLM_F_ACK;
        }
        nlmsghdr *nlh = nftnl_batch_end(m_buf.data(), m_nl.nextSeq());
        m_out->bytes.append(reinterpret_cast<const char *>(nlh), int(nlh->nlmsg_len));
    }

private:
    NftNetlink &m_nl;
    NftBatch *m_out;
    std::vector<char> m_buf;
    qsizetype m_lastOffset = -1;
};

} // namespace

NftWriter::NftWriter(NftNetlink &netlink, NftTranslator &translator, const EntryCodec &codec)
    : m_netlink(netlink), m_translator(translator), m_codec(codec)
{}

bool NftWriter::readState(NftDockerUserState *out, QString *error)
{
    NftRuleset set;
    const QString filter = QStringLiteral("filter");
    if (!NftReader::read(m_netlink, m_codec.family(), {filter}, {DockerUser, Forward}, &set, error))
        return false;
    NftDockerUserState st;
    st.generation = set.generation;
    st.tableExists = set.tables.contains(filter);
    for (const NftChainInfo &c : std::as_const(set.chains)) {
        if (c.name == DockerUser)
            st.chainExists = true;
        else if (c.name == Forward && c.base)
            st.forwardExists = true;
    }
    st.chain.table = filter;
    st.chain.name = DockerUser;
    st.chain.policy = QStringLiteral("-");
    for (const NftRuleInfo &r : std::as_const(set.rules)) {
        const BackendRule br = m_translator.toBackendRule(r, m_codec);
        if (r.chain == DockerUser) {
            st.chain.rules.append(br);
            st.handles.append(r.handle);
            st.fingerprint += QByteArray::number(r.handle) + ':' + r.key + '\n';
        } else if (r.chain == Forward && br.raw.isEmpty()) {
            // Any jump or goto to DOCKER-USER counts, as in IptcBackend: a second one next to
            // a conditional jump would send packets through the chain twice.
            if (br.rule.target.name == DockerUser)
                st.forwardJumps = true;
        }
    }
    *out = std::move(st);
    return true;
}

bool NftWriter::build(const NftDockerUserState &st, const QVector<BackendRule> &rules,
                      bool createChain, bool createJump, NftBatch *out, QString *error,
                      Failure *kind)
{
    *kind = Failure::None;
    *out = NftBatch();
    const quint16 family = nfproto(m_codec.family());
    if (!st.chainExists && !createChain) {
        *kind = Failure::ChainMissing;
        *error = QStringLiteral("the chain DOCKER-USER does not exist");
        return false;
    }

    // Which current rules stay: in order, each wanted rule takes the next equal current one.
    const QVector<BackendRule> &current = st.chain.rules;
    QHash<QString, QVector<int>> byIdentity;
    for (int i = current.size() - 1; i >= 0; --i)
        byIdentity[identity(current[i])].append(i); // reversed: takeLast() gives the first
    QVector<int> keptAs(rules.size(), -1);          // wanted index → current index
    QVector<bool> currentKept(current.size(), false);
    // Native rules first: each must be found, in the order they are now. They divide both
    // lists into segments, and other rules are kept only within their own segment, so that no
    // native rule ever has to move.
    QVector<int> nativeLimit(rules.size(), int(current.size())); // current index of next native
    {
        int lastNative = -1;
        int limit = int(current.size());
        for (int j = rules.size() - 1; j >= 0; --j) {
            nativeLimit[j] = limit;
            if (!NftTranslator::isNative(rules[j].raw))
                continue;
            const auto it = byIdentity.constFind(identity(rules[j]));
            const int at = it == byIdentity.constEnd() || it->isEmpty() ? -1 : it->last();
            if (at < 0) {
                *kind = Failure::NativeRule;
                *error = QStringLiteral("rule %1 is a native nftables rule that is no longer in "
                                        "DOCKER-USER")
                             .arg(j + 1);
                return false;
            }
            keptAs[j] = at;
            limit = at;
        }
        for (int j = 0; j < rules.size(); ++j) {
            if (keptAs[j] < 0)
                continue;
            if (keptAs[j] <= lastNative) {
                *kind = Failure::NativeRule;
                *error = QStringLiteral("rule %1 is a native nftables rule (%2); it can only "
                                        "stay where it is, in its order with the others")
                             .arg(j + 1)
                             .arg(rules[j].displaySpec);
                return false;
            }
            lastNative = keptAs[j];
            currentKept[lastNative] = true;
        }
    }
    int last = -1;
    for (int j = 0; j < rules.size(); ++j) {
        if (keptAs[j] >= 0) { // a native rule, placed above
            last = keptAs[j];
            continue;
        }
        auto it = byIdentity.find(identity(rules[j]));
        if (it == byIdentity.end())
            continue;
        QVector<int> &candidates = it.value();
        while (!candidates.isEmpty() && candidates.last() <= last)
            candidates.removeLast();
        if (candidates.isEmpty() || candidates.last() >= nativeLimit[j])
            continue;
        last = candidates.takeLast();
        keptAs[j] = last;
        currentKept[last] = true;
    }

    BatchBuilder b(m_netlink, out);
    b.begin(st.generation);
    char name[] = "filter";
    if (!st.tableExists) {
        std::unique_ptr<nftnl_table, void (*)(nftnl_table *)> t(
            nftnl_table_alloc(), [](nftnl_table *p) { nftnl_table_free(p); });
        nftnl_table_set_str(t.get(), NFTNL_TABLE_NAME, name);
        nlmsghdr *nlh = b.header(NFT_MSG_NEWTABLE, family, NLM_F_CREATE);
        nftnl_table_nlmsg_build_payload(nlh, t.get());
        b.append(nlh, QStringLiteral("the filter table"));
    }
    auto newChain = [&](const QString &chainName, bool base) {
        std::unique_ptr<nftnl_chain, void (*)(nftnl_chain *)> c(
            nftnl_chain_alloc(), [](nftnl_chain *p) { nftnl_chain_free(p); });
        nftnl_chain_set_str(c.get(), NFTNL_CHAIN_TABLE, name);
        nftnl_chain_set_str(c.get(), NFTNL_CHAIN_NAME, chainName.toUtf8().constData());
        if (base) {
            // As iptables-nft creates FORWARD: a filter hook at priority 0, policy ACCEPT.
            nftnl_chain_set_u32(c.get(), NFTNL_CHAIN_HOOKNUM, NF_INET_FORWARD);
            nftnl_chain_set_s32(c.get(), NFTNL_CHAIN_PRIO, 0);
            nftnl_chain_set_str(c.get(), NFTNL_CHAIN_TYPE, "filter");
            nftnl_chain_set_u32(c.get(), NFTNL_CHAIN_POLICY, NF_ACCEPT);
        }
        nlmsghdr *nlh = b.header(NFT_MSG_NEWCHAIN, family, NLM_F_CREATE);
        nftnl_chain_nlmsg_build_payload(nlh, c.get());
        b.append(nlh, QStringLiteral("the chain %1").arg(chainName));
    };
    if (!st.chainExists)
        newChain(DockerUser, false);
    const bool addJump = createJump && !st.forwardJumps;
    if (addJump && !st.forwardExists)
        newChain(Forward, true);

    auto ruleMessage = [&](quint16 type, quint16 flags, const QString &chainName, nftnl_rule *r) {
        nftnl_rule_set_str(r, NFTNL_RULE_TABLE, name);
        nftnl_rule_set_str(r, NFTNL_RULE_CHAIN, chainName.toUtf8().constData());
        nlmsghdr *nlh = b.header(type, family, flags);
        nftnl_rule_nlmsg_build_payload(nlh, r);
        return nlh;
    };

    // Insertions go before the next kept rule (which keeps their order), or at the end.
    int nextKept = -1; // wanted index of the next kept rule at or after j
    QVector<int> nextKeptOf(rules.size(), -1);
    for (int j = rules.size() - 1; j >= 0; --j) {
        if (keptAs[j] >= 0)
            nextKept = j;
        nextKeptOf[j] = nextKept;
    }
    const int keptCount = int(std::count(currentKept.begin(), currentKept.end(), true));
    out->kept = keptCount;
    // The kernel finds a rule by its handle (a delete, or an insert before a kept rule) by
    // walking the chain, so thousands of such steps cost thousands of walks: 10,000 rules
    // replaced one by one took 5.8 s, against 0.3 s for a flush and the new rules. Past
    // RebuildAfter such steps, and only while no native rule is there (those are never
    // re-added), the batch flushes the chain and adds the wanted rules in order: linear, and
    // the kept rules come back with their counters, under new handles.
    constexpr int RebuildAfter = 256;
    int byHandle = int(current.size()) - keptCount;
    for (int j = 0; j < rules.size(); ++j)
        byHandle += keptAs[j] < 0 && nextKeptOf[j] >= 0 ? 1 : 0;
    const bool anyNative = std::any_of(current.begin(), current.end(), [](const BackendRule &r) {
        return NftTranslator::isNative(r.raw);
    });
    const bool rebuild = keptCount > 0 && byHandle > RebuildAfter && !anyNative;
    const QVector<int> keptFrom = keptAs; // where a kept rule's counters are
    if (rebuild) {
        keptAs.fill(-1); // every wanted rule is added again, appended in order
        out->kept = 0;
        nextKeptOf.fill(-1);
    }

    // Deletions first: the insertions below are placed relative to rules that stay. Nothing
    // kept (or a rebuild): one flush of the chain instead of a delete per rule.
    if ((keptCount == 0 || rebuild) && !current.isEmpty()) {
        RulePtr r(nftnl_rule_alloc());
        b.append(ruleMessage(NFT_MSG_DELRULE, 0, DockerUser, r.get()),
                 QStringLiteral("the flush of DOCKER-USER"));
        out->deleted = current.size();
    } else {
        for (int i = 0; i < current.size(); ++i) {
            if (currentKept[i])
                continue;
            RulePtr r(nftnl_rule_alloc());
            nftnl_rule_set_u64(r.get(), NFTNL_RULE_HANDLE, st.handles[i]);
            b.append(ruleMessage(NFT_MSG_DELRULE, 0, DockerUser, r.get()),
                     QStringLiteral("the removal of rule %1 (%2)")
                         .arg(i + 1)
                         .arg(current[i].displaySpec.isEmpty() ? current[i].rule.toString()
                                                               : current[i].displaySpec));
            ++out->deleted;
        }
    }
    // Insertions, in order: before the next kept rule, or appended.
    for (int j = 0; j < rules.size(); ++j) {
        if (keptAs[j] >= 0)
            continue;
        RulePtr r(nftnl_rule_alloc());
        QString why;
        // A kept rule added again by a rebuild takes the kernel's counters along.
        const BackendRule *counted = &rules[j];
        if (rebuild && keptFrom[j] >= 0)
            counted = &current[keptFrom[j]];
        if (!m_translator.toExpressions(rules[j], m_codec, r.get(), &why, counted->packets,
                                        counted->bytes)) {
            *kind = Failure::BadRule;
            *error = QStringLiteral("rule %1: %2").arg(j + 1).arg(why);
            return false;
        }
        quint16 flags = NLM_F_CREATE;
        if (nextKeptOf[j] >= 0)
            nftnl_rule_set_u64(r.get(), NFTNL_RULE_POSITION, st.handles[keptAs[nextKeptOf[j]]]);
        else
            flags |= NLM_F_APPEND;
        b.append(ruleMessage(NFT_MSG_NEWRULE, flags, DockerUser, r.get()),
                 QStringLiteral("rule %1").arg(j + 1));
        ++out->inserted;
    }
    if (addJump) {
        BackendRule jump;
        RuleError e;
        const auto parsed =
            RuleParser::parse(QStringLiteral("-j DOCKER-USER"), m_codec.family(), &e);
        if (!parsed) {
            *kind = Failure::BadRule;
            *error = e.message;
            return false;
        }
        jump.rule = *parsed;
        RulePtr r(nftnl_rule_alloc());
        QString why;
        if (!m_translator.toExpressions(jump, m_codec, r.get(), &why)) {
            *kind = Failure::BadRule;
            *error = why;
            return false;
        }
        // No position and no NLM_F_APPEND: the first rule of FORWARD (`-I FORWARD 1`).
        b.append(ruleMessage(NFT_MSG_NEWRULE, NLM_F_CREATE, Forward, r.get()),
                 QStringLiteral("the jump from FORWARD"));
    }
    b.end();
    return true;
}

} // namespace Userchain

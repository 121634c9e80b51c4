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
/// Added rules at most whose echo is decoded (see build()).
constexpr int kEchoRules = 256;
/// An echoed rule's bytes beyond its expressions: headers, table, chain, handle, counters.
constexpr int kEchoOverhead = 160;
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

/// identity(a) == identity(b), without making the texts: a Rule's fields are canonical text.
bool sameRule(const BackendRule &a, const BackendRule &b)
{
    return a.raw == b.raw && (!a.raw.isEmpty() || a.rule == b.rule);
}

class BatchBuilder
{
public:
    BatchBuilder(NftNetlink &nl, NftBatch *out) : m_nl(nl), m_out(out), m_buf(1 << 17) {}

    nlmsghdr *header(quint16 type, quint16 family, quint16 flags)
    {
        return header(type, family, flags, m_nl.nextSeq());
    }
    nlmsghdr *header(quint16 type, quint16 family, quint16 flags, quint32 seq)
    {
        return nftnl_nlmsg_build_hdr(m_buf.data(), type, family, flags, seq);
    }
    /// Adds a message; its offset in the batch.
    qsizetype append(const nlmsghdr *nlh, const QString &what)
    {
        m_lastOffset = m_out->bytes.size();
        m_out->bytes.append(reinterpret_cast<const char *>(nlh), int(nlh->nlmsg_len));
        m_out->lastSeq = nlh->nlmsg_seq;
        if (!what.isEmpty())
            m_out->what.insert(nlh->nlmsg_seq, what);
        return m_lastOffset;
    }
    /// The message at offset asks the kernel to send it back as committed (NLM_F_ECHO).
    void echo(qsizetype offset)
    {
        reinterpret_cast<nlmsghdr *>(m_out->bytes.data() + offset)->nlmsg_flags |= NLM_F_ECHO;
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
    *out = stateOf(set, nullptr, nullptr, nullptr);
    return true;
}

NftDockerUserState NftWriter::stateOf(const NftRuleset &set, const BackendChain *dockerUser,
                                      const BackendChain *forward, const QVector<bool> *stable)
{
    const QString filter = QStringLiteral("filter");
    NftDockerUserState st;
    st.generation = set.generation;
    st.netns = m_netlink.netnsCookie();
    st.tableExists = set.tables.contains(filter);
    for (const NftChainInfo &c : std::as_const(set.chains)) {
        if (c.table != filter)
            continue;
        if (c.name == DockerUser)
            st.chainExists = true;
        else if (c.name == Forward && c.base)
            st.forwardExists = true;
    }
    st.chain.table = filter;
    st.chain.name = DockerUser;
    st.chain.policy = QStringLiteral("-");
    // Rules the read translated already: its list, shared rather than copied rule by rule.
    if (stable && dockerUser)
        st.chain.rules = dockerUser->rules;
    qsizetype forwardAt = 0;
    for (qsizetype i = 0; i < set.rules.size(); ++i) {
        const NftRuleInfo &r = set.rules[i];
        if (r.table != filter || (r.chain != DockerUser && r.chain != Forward))
            continue;
        bool fromBytes = stable ? stable->value(i, false) : true;
        if (r.chain == DockerUser) {
            if (!stable)
                st.chain.rules.append(m_translator.toBackendRule(r, m_codec, &fromBytes));
            st.cacheable = st.cacheable && fromBytes;
            st.handles.append(r.handle);
            st.keys.append(r.key);
            continue;
        }
        BackendRule translated;
        const BackendRule *br = &translated;
        if (!stable)
            translated = m_translator.toBackendRule(r, m_codec, &fromBytes);
        else if (forward && forwardAt < forward->rules.size())
            br = &forward->rules.at(forwardAt++);
        // Any jump or goto to DOCKER-USER counts, as in IptcBackend: a second one next to
        // a conditional jump would send packets through the chain twice.
        if (br->raw.isEmpty() && br->rule.target.name == DockerUser)
            st.forwardJumps = true;
    }
    // The read's chain and its rules must be the same ones; otherwise nothing is remembered.
    if (st.handles.size() != st.chain.rules.size())
        st.cacheable = false;
    return st;
}

bool NftWriter::build(const NftDockerUserState &st, const QVector<BackendRule> &rules,
                      bool createChain, bool createJump, NftBatch *out, QString *error,
                      Failure *kind, int echoBudget)
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
    // The common beginning and end of both lists stay as they are (an edit of a long chain
    // changes a few rules in the middle); only the rest is matched by identity, which costs
    // a rule's text each.
    const QVector<BackendRule> &current = st.chain.rules;
    const int wantedCount = int(rules.size());
    const int currentCount = int(current.size());
    int head = 0;
    while (head < wantedCount && head < currentCount && sameRule(rules[head], current[head]))
        ++head;
    int tail = 0;
    while (tail < wantedCount - head && tail < currentCount - head &&
           sameRule(rules[wantedCount - 1 - tail], current[currentCount - 1 - tail]))
        ++tail;
    const int wantedEnd = wantedCount - tail;   // the middle: [head, wantedEnd) of rules
    const int currentEnd = currentCount - tail; // and [head, currentEnd) of current
    QVector<int> keptAs(wantedCount, -1);       // wanted index → current index
    QVector<bool> currentKept(currentCount, false);
    for (int j = 0; j < head; ++j) {
        keptAs[j] = j;
        currentKept[j] = true;
    }
    for (int k = 0; k < tail; ++k) {
        keptAs[wantedCount - 1 - k] = currentCount - 1 - k;
        currentKept[currentCount - 1 - k] = true;
    }
    QHash<QString, QVector<int>> byIdentity;
    for (int i = currentEnd - 1; i >= head; --i)
        byIdentity[identity(current[i])].append(i); // reversed: takeLast() gives the first
    // Native rules first: each must be found, in the order they are now. They divide both
    // lists into segments, and other rules are kept only within their own segment, so that no
    // native rule ever has to move.
    QVector<int> nativeLimit(wantedCount, currentEnd); // current index of the next native
    {
        int lastNative = head - 1;
        int limit = currentEnd;
        for (int j = wantedEnd - 1; j >= head; --j) {
            nativeLimit[j] = limit;
            if (!NftTranslator::isNative(rules[j].raw))
                continue;
            const auto it = byIdentity.constFind(identity(rules[j]));
            const int at = it == byIdentity.constEnd() || it->isEmpty() ? -1 : it->last();
            if (at < 0) {
                *kind = Failure::NativeRule;
                *error = QStringLiteral("rule %1: a native nftables rule that is no longer in "
                                        "DOCKER-USER")
                             .arg(j + 1);
                return false;
            }
            keptAs[j] = at;
            limit = at;
        }
        for (int j = head; j < wantedEnd; ++j) {
            if (keptAs[j] < 0)
                continue;
            if (keptAs[j] <= lastNative) {
                *kind = Failure::NativeRule;
                *error = QStringLiteral("rule %1: a native nftables rule (%2) can only stay "
                                        "where it is, in its order with the others")
                             .arg(j + 1)
                             .arg(rules[j].displaySpec);
                return false;
            }
            lastNative = keptAs[j];
            currentKept[lastNative] = true;
        }
    }
    int last = head - 1;
    for (int j = head; j < wantedEnd; ++j) {
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

    auto ruleMessage = [&](quint16 type, quint16 flags, const QString &chainName, nftnl_rule *r,
                           quint32 seq) {
        nftnl_rule_set_str(r, NFTNL_RULE_TABLE, name);
        nftnl_rule_set_str(r, NFTNL_RULE_CHAIN, chainName.toUtf8().constData());
        nlmsghdr *nlh = b.header(type, family, flags, seq);
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

    out->generation = st.generation;
    out->rebuild = rebuild;
    if (rebuild)
        for (int j = 0; j < wantedCount; ++j)
            if (keptFrom[j] >= 0)
                out->rebuiltKept << keptFrom[j];
    out->addsJump = addJump;
    out->keptAs = keptAs;
    // What the kernel would echo (see below), estimated from the messages and the rules' kernel
    // bytes; and the messages that would ask for it.
    qsizetype removalEcho = 0, insertEcho = 0;
    QVector<qsizetype> removalAt, insertAt;
    // Deletions first: the insertions below are placed relative to rules that stay. Nothing
    // kept (or a rebuild): one flush of the chain instead of a delete per rule.
    if ((keptCount == 0 || rebuild) && !current.isEmpty()) {
        RulePtr r(nftnl_rule_alloc());
        removalAt << b.append(
            ruleMessage(NFT_MSG_DELRULE, 0, DockerUser, r.get(), m_netlink.nextSeq()),
            QStringLiteral("the flush of DOCKER-USER"));
        out->deleted = current.size();
        for (int i = 0; i < current.size(); ++i)
            removalEcho += st.keys[i].size() + kEchoOverhead;
    } else {
        for (int i = 0; i < current.size(); ++i) {
            if (currentKept[i])
                continue;
            RulePtr r(nftnl_rule_alloc());
            nftnl_rule_set_u64(r.get(), NFTNL_RULE_HANDLE, st.handles[i]);
            removalAt << b.append(
                ruleMessage(NFT_MSG_DELRULE, 0, DockerUser, r.get(), m_netlink.nextSeq()),
                QStringLiteral("the removal of rule %1 (%2)")
                    .arg(i + 1)
                    .arg(current[i].displaySpec.isEmpty() ? current[i].rule.toString()
                                                          : current[i].displaySpec));
            removalEcho += st.keys[i].size() + kEchoOverhead;
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
        const quint32 seq = m_netlink.nextSeq();
        const qsizetype at = b.append(ruleMessage(NFT_MSG_NEWRULE, flags, DockerUser, r.get(), seq),
                                      QStringLiteral("rule %1").arg(j + 1));
        insertAt << at;
        out->insertOf.insert(seq, j);
        insertEcho += reinterpret_cast<const nlmsghdr *>(out->bytes.constData() + at)->nlmsg_len +
                      kEchoOverhead;
        ++out->inserted;
    }
    // The kernel's echo (NLM_F_ECHO) of the added rules tells the handles it gave them, so that
    // the state after the commit is known without a read (NftBackend); each is decoded once
    // more from its echo, so only for a few. That of the removed rules tells the counters they
    // had until the commit, needed where the state's are not the kernel's of now (a remembered
    // state). The echoes must fit in the socket's buffer, and cost the kernel a message each.
    out->echoRemovals = !st.countersCurrent && out->deleted > 0 && removalEcho <= echoBudget;
    out->echoInserts = out->inserted <= kEchoRules &&
                       (out->echoRemovals ? removalEcho : 0) + insertEcho <= echoBudget;
    if (out->echoRemovals)
        for (const qsizetype at : std::as_const(removalAt))
            b.echo(at);
    if (out->echoInserts)
        for (const qsizetype at : std::as_const(insertAt))
            b.echo(at);
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
        b.append(ruleMessage(NFT_MSG_NEWRULE, NLM_F_CREATE, Forward, r.get(), m_netlink.nextSeq()),
                 QStringLiteral("the jump from FORWARD"));
    }
    b.end();
    return true;
}

bool NftWriter::stateAfter(NftDockerUserState *state, const QVector<BackendRule> &rules,
                           const NftBatch &batch, const QVector<QByteArray> &echoes,
                           NftDockerUserState *after)
{
    const QVector<int> &keptAs = batch.keptAs;
    QVector<NftRuleInfo> added(keptAs.size());
    QVector<bool> echoed(keptAs.size(), false);
    // Handle → index in state, for the removals' echoes: a few are looked for one by one
    // (an edit of a long chain removes one rule or two), more through a table.
    constexpr int FewRemovals = 8;
    QHash<quint64, int> removedAt;
    if (batch.echoRemovals && batch.deleted > FewRemovals)
        for (int i = 0; i < state->handles.size(); ++i)
            removedAt.insert(state->handles[i], i);
    const auto indexOf = [&](quint64 handle) {
        if (batch.deleted > FewRemovals)
            return removedAt.value(handle, -1);
        return int(state->handles.indexOf(handle));
    };
    QVector<bool> removed(state->handles.size(), false);
    for (const QByteArray &message : echoes) {
        const auto *nlh = reinterpret_cast<const nlmsghdr *>(message.constData());
        if (NFNL_SUBSYS_ID(nlh->nlmsg_type) != NFNL_SUBSYS_NFTABLES)
            continue;
        const int type = NFNL_MSG_TYPE(nlh->nlmsg_type);
        if (type != NFT_MSG_NEWRULE && type != NFT_MSG_DELRULE)
            continue;
        NftRuleInfo info;
        if (!NftReader::ruleKey(nlh, &info) || info.table != QLatin1String("filter"))
            return false;
        if (info.chain != DockerUser)
            continue;
        if (type == NFT_MSG_NEWRULE) {
            if (!batch.echoInserts)
                return false;
            const auto it = batch.insertOf.constFind(nlh->nlmsg_seq);
            if (it == batch.insertOf.constEnd() || echoed[*it])
                return false;
            echoed[*it] = true;
            added[*it] = std::move(info);
        } else {
            if (!batch.echoRemovals)
                return false;
            const int at = indexOf(info.handle);
            if (at < 0 || removed[at])
                return false;
            removed[at] = true;
            // Counted until the commit: what a rollback puts back.
            BackendRule &r = state->chain.rules[at];
            r.packets = info.packets;
            r.bytes = info.bytes;
        }
    }
    if (!batch.echoInserts)
        return false;

    NftDockerUserState st;
    st.generation = batch.generation + 1 == 0 ? 1 : batch.generation + 1; // the kernel skips 0
    st.netns = state->netns;
    st.tableExists = true;
    st.chainExists = true;
    st.forwardExists = state->forwardExists || batch.addsJump;
    st.forwardJumps = state->forwardJumps || batch.addsJump;
    st.cacheable = state->cacheable;
    st.countersCurrent = false;
    st.chain.table = state->chain.table;
    st.chain.name = DockerUser;
    st.chain.policy = state->chain.policy;
    st.chain.rules.reserve(keptAs.size());
    st.handles.reserve(keptAs.size());
    st.keys.reserve(keptAs.size());
    for (int j = 0; j < keptAs.size(); ++j) {
        if (keptAs[j] >= 0) {
            const BackendRule &kept = state->chain.rules[keptAs[j]];
            // The caller's copy of a rule that stayed, when it is that very rule and text:
            // the next apply's list, which comes from the same place (the caller's memo of
            // the file), then compares with it in the strings' addresses.
            const BackendRule &wanted = rules[j];
            if (kept.raw.isEmpty() && wanted.raw.isEmpty() &&
                wanted.displaySpec == kept.displaySpec &&
                wanted.unknownExtensions == kept.unknownExtensions && wanted.rule == kept.rule) {
                st.chain.rules.append(wanted);
                st.chain.rules.last().packets = kept.packets;
                st.chain.rules.last().bytes = kept.bytes;
            } else {
                st.chain.rules.append(kept);
            }
            st.handles.append(state->handles[keptAs[j]]);
            st.keys.append(state->keys[keptAs[j]]);
            continue;
        }
        if (!echoed[j])
            return false;
        // What a read would show: the rule decoded from the kernel's own bytes.
        bool stable = true;
        st.chain.rules.append(m_translator.toBackendRule(added[j], m_codec, &stable));
        st.cacheable = st.cacheable && stable;
        st.handles.append(added[j].handle);
        st.keys.append(added[j].key);
    }
    *after = std::move(st);
    return true;
}

bool NftWriter::readCounters(NftDockerUserState *state, const QVector<int> &indices, QString *error)
{
    const quint16 family = nfproto(m_codec.family());
    for (const int i : indices) {
        // One rule by its handle (handles are never reused in a table): the kernel walks the
        // chain to it, which is cheap for a few.
        char buf[MNL_SOCKET_BUFFER_SIZE];
        nlmsghdr *nlh = nftnl_nlmsg_build_hdr(buf, NFT_MSG_GETRULE, family, 0, 0);
        RulePtr r(nftnl_rule_alloc());
        nftnl_rule_set_str(r.get(), NFTNL_RULE_TABLE, "filter");
        nftnl_rule_set_str(r.get(), NFTNL_RULE_CHAIN, "DOCKER-USER");
        nftnl_rule_set_u64(r.get(), NFTNL_RULE_HANDLE, state->handles[i]);
        nftnl_rule_nlmsg_build_payload(nlh, r.get());
        NftRuleInfo info;
        bool found = false;
        if (!m_netlink.request(
                QByteArray(buf, int(nlh->nlmsg_len)),
                [&](const nlmsghdr *answer) {
                    found = NftReader::ruleKey(answer, &info);
                    return found;
                },
                error))
            return false;
        // The same rule, or the state is not what the kernel holds.
        if (!found || info.handle != state->handles[i] || info.key != state->keys[i]) {
            *error = QStringLiteral("rule %1 of DOCKER-USER is not what was read").arg(i + 1);
            return false;
        }
        BackendRule &rule = state->chain.rules[i];
        rule.packets = info.packets;
        rule.bytes = info.bytes;
    }
    return true;
}

} // namespace Userchain

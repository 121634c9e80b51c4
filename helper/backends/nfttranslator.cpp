#include "nfttranslator.h"

#include "anyinterface.h"
#include "extensions.h"
#include "nftrulecheck.h"
#include "nftruledecoder.h"
#include "nftruleencoder.h"

#include <libmnl/libmnl.h>
#include <libnftnl/common.h>
#include <libnftnl/expr.h>
#include <libnftnl/rule.h>
#include <linux/netfilter/nf_tables.h>
#include <linux/netfilter/x_tables.h>
#include <linux/netfilter_ipv4/ip_tables.h>
#include <linux/netfilter_ipv6/ip6_tables.h>

#include <cstring>
#include <memory>

namespace Userchain {

namespace {

// raw of this backend: a tag, then the kind.
const QByteArray kTag = QByteArrayLiteral("nft1");
constexpr char kIptables = 'x';
constexpr char kNative = 'n';

struct RuleDeleter
{
    void operator()(nftnl_rule *r) const { nftnl_rule_free(r); }
};
using RulePtr = std::unique_ptr<nftnl_rule, RuleDeleter>;

/// A rule's expressions (and user data) in libnftnl's own serialization, counters zeroed:
/// comparable between a rule parsed from the kernel and one built here.
QByteArray canonical(nftnl_rule *r)
{
    nftnl_expr_iter *it = nftnl_expr_iter_create(r);
    if (!it)
        return QByteArray();
    for (nftnl_expr *e = nftnl_expr_iter_next(it); e; e = nftnl_expr_iter_next(it)) {
        const char *name = nftnl_expr_get_str(e, NFTNL_EXPR_NAME);
        if (name && std::strcmp(name, "counter") == 0) {
            nftnl_expr_set_u64(e, NFTNL_EXPR_CTR_PACKETS, 0);
            nftnl_expr_set_u64(e, NFTNL_EXPR_CTR_BYTES, 0);
        } else if (name && std::strcmp(name, "bitwise") == 0 &&
                   !nftnl_expr_is_set(e, NFTNL_EXPR_BITWISE_OP)) {
            // The kernel reports the operation of a mask-and-xor, which iptables-nft leaves
            // out when it writes one (the kernel's default).
            nftnl_expr_set_u32(e, NFTNL_EXPR_BITWISE_OP, NFT_BITWISE_BOOL);
        }
    }
    nftnl_expr_iter_destroy(it);
    for (uint16_t attr : {NFTNL_RULE_TABLE, NFTNL_RULE_CHAIN, NFTNL_RULE_HANDLE,
                          NFTNL_RULE_POSITION, NFTNL_RULE_FAMILY, NFTNL_RULE_ID,
                          NFTNL_RULE_POSITION_ID, NFTNL_RULE_COMPAT_PROTO, NFTNL_RULE_COMPAT_FLAGS})
        nftnl_rule_unset(r, attr);
    QByteArray buf(1 << 16, '\0');
    nlmsghdr *nlh = nftnl_nlmsg_build_hdr(buf.data(), NFT_MSG_NEWRULE, 0, 0, 0);
    nftnl_rule_nlmsg_build_payload(nlh, r);
    buf.truncate(int(nlh->nlmsg_len));
    return buf;
}

/// The standard targets of EntryCodec::encode: everything but the extension targets.
bool standardTargetOf(const Rule &rule)
{
    return !Extensions::target(rule.target.name, rule.family);
}

QByteArray iptablesRaw(const QByteArray &entry, bool standardTarget, bool inAny, bool outAny)
{
    QByteArray raw = kTag;
    raw += kIptables;
    raw += char((standardTarget ? 1 : 0) | (inAny ? 2 : 0) | (outAny ? 4 : 0));
    raw += entry;
    return raw;
}

bool isIptablesRaw(const QByteArray &raw)
{
    return raw.size() > kTag.size() + 2 && raw.startsWith(kTag) && raw[kTag.size()] == kIptables;
}

/// `! -i +` / `! -o +`: the entry cannot show them (an empty mask prints nothing), so the
/// text gets them at their place (after -s/-d, before -p) through a placeholder name.
QString decodedText(const EntryCodec &codec, QByteArray entry, const QString &label, bool inAny,
                    bool outAny)
{
    static const char placeholder[] = "UCANYIFACEPH";
    if ((inAny || outAny) && entry.size() >= int(codec.headerSize())) {
        const bool v4 = codec.family() == Family::IPv4;
        // iniface[16], outiface[16], iniface_mask[16], outiface_mask[16] follow the addresses.
        const int ifaceAt = v4 ? 4 * 4 : 4 * 16;
        for (int which = 0; which < 2; ++which) {
            if (!(which == 0 ? inAny : outAny))
                continue;
            char *name = entry.data() + ifaceAt + which * 16;
            char *mask = entry.data() + ifaceAt + 32 + which * 16;
            std::memset(name, 0, 16);
            std::memcpy(name, placeholder, sizeof(placeholder) - 1);
            std::memset(mask, 0xff, sizeof(placeholder));
        }
    }
    QString text = codec.decode(entry.constData(), size_t(entry.size()), label).text;
    text.replace(QLatin1String(placeholder), QStringLiteral("+"));
    return text;
}

} // namespace

NftTranslator::NftTranslator(Family family) : m_family(family) {}

bool NftTranslator::isNative(const QByteArray &raw)
{
    return raw.size() >= kTag.size() + 1 + 8 && raw.startsWith(kTag) && raw[kTag.size()] == kNative;
}

quint64 NftTranslator::nativeHandle(const QByteArray &raw)
{
    if (!isNative(raw))
        return 0;
    quint64 h = 0;
    std::memcpy(&h, raw.constData() + kTag.size() + 1, sizeof(h));
    return h;
}

QByteArray NftTranslator::nativeKey(const QByteArray &raw)
{
    return isNative(raw) ? raw.mid(kTag.size() + 1 + 8) : QByteArray();
}

BackendRule NftTranslator::toBackendRule(const NftRuleInfo &info, const EntryCodec &codec,
                                         bool *stable)
{
    const auto hit = m_cache.constFind(info.key);
    BackendRule br;
    bool cacheable = true; // only what is cacheable is in the cache
    if (hit != m_cache.constEnd()) {
        br = hit.value();
    } else {
        br = decode(info, codec, &cacheable);
        if (cacheable) {
            if (m_cache.size() >= MaxCached)
                m_cache.clear();
            m_cache.insert(info.key, br);
        }
    }
    if (stable)
        *stable = cacheable;
    if (isNative(br.raw))
        std::memcpy(br.raw.data() + kTag.size() + 1, &info.handle, sizeof(info.handle));
    br.packets = info.packets;
    br.bytes = info.bytes;
    return br;
}

BackendRule NftTranslator::decode(const NftRuleInfo &info, const EntryCodec &codec,
                                  bool *cacheable) const
{
    *cacheable = true;
    RulePtr kernel(nftnl_rule_alloc());
    BackendRule br;
    auto native = [&](const QString &why, const QString &text) {
        br = BackendRule();
        br.raw = kTag;
        br.raw += kNative;
        br.raw += QByteArray(8, '\0'); // the handle, filled in per rule
        br.raw += info.key;
        br.displaySpec = QStringLiteral("nft: ") + text;
        br.unknownExtensions = QStringLiteral("nftables (%1)").arg(why);
        return br;
    };
    // libnftnl exits on some malformed attributes: only a checked message reaches it.
    const NftRuleCheck check = NftRuleCheck::check(info.message);
    if (check.result == NftRuleCheck::Malformed)
        return native(check.why, QStringLiteral("<unreadable rule>"));
    if (check.result == NftRuleCheck::Foreign)
        return native(check.why, check.text);
    if (!kernel ||
        nftnl_rule_nlmsg_parse(reinterpret_cast<const nlmsghdr *>(info.message.constData()),
                               kernel.get()) < 0)
        return native(QStringLiteral("unreadable"), QStringLiteral("<unreadable rule>"));
    const NftDecodedRule d = NftRuleDecoder::decode(kernel.get(), m_family);
    if (!d.iptables)
        return native(d.why, NftRuleDecoder::nativeText(kernel.get()));

    // Set matches name a set through the kernel's index: their text can change without the
    // rule changing, so they are decoded every time.
    *cacheable = !d.usesSet;
    const QString text =
        decodedText(codec, d.entry, d.targetLabel, d.inAnyInverted, d.outAnyInverted);
    BackendRule candidate;
    if (!d.inAnyInverted && !d.outAnyInverted)
        candidate = codec.toBackendRule(d.entry.constData(), size_t(d.entry.size()), d.targetLabel);
    if (candidate.raw.isEmpty() && candidate.rule.target.name.isEmpty() &&
        candidate.displaySpec.isEmpty() && (d.inAnyInverted || d.outAnyInverted))
        candidate.unknownExtensions = QStringLiteral("ip");
    if (!candidate.raw.isEmpty() || d.inAnyInverted || d.outAnyInverted) {
        // Kept as the entry: RuleParser cannot represent it exactly.
        const QString names = candidate.unknownExtensions;
        candidate = BackendRule();
        candidate.unknownExtensions = names.isEmpty() ? QStringLiteral("ip") : names;
        candidate.raw =
            iptablesRaw(codec.verbatim(d.entry.constData(), size_t(d.entry.size()), d.targetLabel),
                        !d.xtTarget, d.inAnyInverted, d.outAnyInverted);
    }
    candidate.displaySpec = text;
    // `-i +`: the text leaves it out, as iptables-save does; the typed rule must have it.
    AnyInterface::restore(d.entry.constData(), size_t(d.entry.size()), m_family, &candidate);
    // The round trip: what this rule would be written as must be the kernel's rule. Userdata
    // is never written by this backend: a rule with some is not an iptables-nft 1.8.9 rule.
    const QByteArray kernelForm = canonical(kernel.get());
    auto writesBack = [&](const BackendRule &r, QString *why) {
        RulePtr again(nftnl_rule_alloc());
        if (!again || !toExpressions(r, codec, again.get(), why))
            return false;
        if (canonical(again.get()) == kernelForm)
            return true;
        *why = QStringLiteral("not as iptables-nft writes it");
        return false;
    };
    QString why;
    if (writesBack(candidate, &why))
        return candidate;
    if (candidate.raw.isEmpty()) {
        // Typed, but the kernel holds bytes the typed form would not write (e.g. unused parts
        // of an address union that iptables fills): keep the rule's own entry instead.
        BackendRule verbatim;
        verbatim.displaySpec = text;
        verbatim.raw =
            iptablesRaw(codec.verbatim(d.entry.constData(), size_t(d.entry.size()), d.targetLabel),
                        !d.xtTarget, false, false);
        QStringList names;
        if (const auto e = NftEntry::fromBytes(d.entry, m_family, !d.xtTarget, nullptr))
            for (const NftEntry::Match &m : e->matches)
                names << QString::fromUtf8(m.native ? QByteArray("ports") : m.name);
        names.removeDuplicates();
        verbatim.unknownExtensions =
            names.isEmpty() ? QStringLiteral("ip") : names.join(QLatin1Char(','));
        if (writesBack(verbatim, &why))
            return verbatim;
    }
    return native(why, NftRuleDecoder::nativeText(kernel.get()) + QStringLiteral(" (iptables: ") +
                           text + QLatin1Char(')'));
}

bool NftTranslator::toExpressions(const BackendRule &rule, const EntryCodec &codec, nftnl_rule *r,
                                  QString *error, quint64 packets, quint64 bytes) const
{
    if (isNative(rule.raw)) {
        *error = QStringLiteral("a native nftables rule can only be kept where it is");
        return false;
    }
    QByteArray entry;
    bool standardTarget = true;
    if (!rule.raw.isEmpty()) {
        if (!isIptablesRaw(rule.raw)) {
            *error = QStringLiteral("the rule was not read by the nf_tables backend");
            return false;
        }
        const char flags = rule.raw[kTag.size() + 1];
        standardTarget = flags & 1;
        entry = rule.raw.mid(kTag.size() + 2);
        if (!codec.validate(entry, error))
            return false;
        auto e = NftEntry::fromBytes(entry, m_family, standardTarget, error);
        if (!e)
            return false;
        // `! -i +` lives only in the flags: the entry's empty mask cannot say it.
        if (flags & 2) {
            e->inIface.clear();
            e->inWildcard = true;
            e->inInverted = true;
        }
        if (flags & 4) {
            e->outIface.clear();
            e->outWildcard = true;
            e->outInverted = true;
        }
        return NftRuleEncoder::encode(*e, packets, bytes, r, error);
    }
    if (!codec.encode(rule.rule, &entry, error))
        return false;
    standardTarget = standardTargetOf(rule.rule);
    const auto e = NftEntry::fromBytes(entry, m_family, standardTarget, error);
    if (!e)
        return false;
    return NftRuleEncoder::encode(*e, packets, bytes, r, error);
}

QString NftTranslator::textOf(const BackendRule &rule, const EntryCodec &codec)
{
    if (rule.raw.isEmpty())
        return rule.rule.toString();
    if (!isIptablesRaw(rule.raw))
        return rule.displaySpec;
    const char flags = rule.raw[kTag.size() + 1];
    QByteArray entry = rule.raw.mid(kTag.size() + 2);
    if (!(flags & 1))
        return decodedText(codec, entry, QString(), flags & 2, flags & 4);
    // Stored with the verdict or chain as the target's name; decode wants the kernel's form.
    const QString label = codec.standardTargetName(entry);
    quint16 targetOffset = 0;
    const int at = codec.family() == Family::IPv4 ? int(offsetof(struct ipt_entry, target_offset))
                                                  : int(offsetof(struct ip6t_entry, target_offset));
    if (entry.size() < at + 2)
        return rule.displaySpec;
    std::memcpy(&targetOffset, entry.constData() + at, 2);
    if (int(targetOffset) + 2 + XT_EXTENSION_MAXNAMELEN > entry.size())
        return rule.displaySpec;
    std::memset(entry.data() + targetOffset + 2, 0, XT_EXTENSION_MAXNAMELEN);
    return decodedText(codec, entry, label, flags & 2, flags & 4);
}

} // namespace Userchain

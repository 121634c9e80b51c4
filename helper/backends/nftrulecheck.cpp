#include "nftrulecheck.h"

#include <libmnl/libmnl.h>
#include <linux/netfilter/nf_tables.h>
#include <linux/netfilter/nf_tables_compat.h>
#include <linux/netfilter/nfnetlink.h>

#include <QStringList>
#include <arpa/inet.h>
#include <cstring>
#include <endian.h>

namespace Userchain {

namespace {

/// How one attribute must look (libnftnl's parse callbacks check the same with abi_breakage).
enum class Kind { U16, U32, U64, NulString, Binary, Data };

struct AttrRule
{
    quint16 type;
    Kind kind;
};

struct ExprRules
{
    const char *name;
    std::initializer_list<AttrRule> attrs;
};

// The expression kinds NftRuleDecoder reads, and the attributes libnftnl 1.2.4 parses of them.
const ExprRules kExprs[] = {
    {"counter", {{NFTA_COUNTER_BYTES, Kind::U64}, {NFTA_COUNTER_PACKETS, Kind::U64}}},
    {"meta",
     {{NFTA_META_DREG, Kind::U32}, {NFTA_META_KEY, Kind::U32}, {NFTA_META_SREG, Kind::U32}}},
    {"payload",
     {{NFTA_PAYLOAD_DREG, Kind::U32},
      {NFTA_PAYLOAD_BASE, Kind::U32},
      {NFTA_PAYLOAD_OFFSET, Kind::U32},
      {NFTA_PAYLOAD_LEN, Kind::U32},
      {NFTA_PAYLOAD_SREG, Kind::U32},
      {NFTA_PAYLOAD_CSUM_TYPE, Kind::U32},
      {NFTA_PAYLOAD_CSUM_OFFSET, Kind::U32},
      {NFTA_PAYLOAD_CSUM_FLAGS, Kind::U32}}},
    {"bitwise",
     {{NFTA_BITWISE_SREG, Kind::U32},
      {NFTA_BITWISE_DREG, Kind::U32},
      {NFTA_BITWISE_LEN, Kind::U32},
      {NFTA_BITWISE_MASK, Kind::Data},
      {NFTA_BITWISE_XOR, Kind::Data},
      {NFTA_BITWISE_OP, Kind::U32},
      {NFTA_BITWISE_DATA, Kind::Data}}},
    {"cmp", {{NFTA_CMP_SREG, Kind::U32}, {NFTA_CMP_OP, Kind::U32}, {NFTA_CMP_DATA, Kind::Data}}},
    {"range",
     {{NFTA_RANGE_SREG, Kind::U32},
      {NFTA_RANGE_OP, Kind::U32},
      {NFTA_RANGE_FROM_DATA, Kind::Data},
      {NFTA_RANGE_TO_DATA, Kind::Data}}},
    {"immediate", {{NFTA_IMMEDIATE_DREG, Kind::U32}, {NFTA_IMMEDIATE_DATA, Kind::Data}}},
    {"limit",
     {{NFTA_LIMIT_RATE, Kind::U64},
      {NFTA_LIMIT_UNIT, Kind::U64},
      {NFTA_LIMIT_BURST, Kind::U32},
      {NFTA_LIMIT_TYPE, Kind::U32},
      {NFTA_LIMIT_FLAGS, Kind::U32}}},
    {"log",
     {{NFTA_LOG_GROUP, Kind::U16},
      {NFTA_LOG_PREFIX, Kind::NulString},
      {NFTA_LOG_SNAPLEN, Kind::U32},
      {NFTA_LOG_QTHRESHOLD, Kind::U16},
      {NFTA_LOG_LEVEL, Kind::U32},
      {NFTA_LOG_FLAGS, Kind::U32}}},
    {"match",
     {{NFTA_MATCH_NAME, Kind::NulString},
      {NFTA_MATCH_REV, Kind::U32},
      {NFTA_MATCH_INFO, Kind::Binary}}},
    {"target",
     {{NFTA_TARGET_NAME, Kind::NulString},
      {NFTA_TARGET_REV, Kind::U32},
      {NFTA_TARGET_INFO, Kind::Binary}}},
};

/// libmnl's iteration macros do not compile as C++ (they assign void pointers); this is
/// mnl_attr_for_each_payload. False when f is, and when bytes are left that are no whole
/// attribute: libmnl ends a message at its length rounded up to 4, so libnftnl would read an
/// attribute that reaches up to 3 bytes past the end of the message.
template <typename F> bool eachAttr(const void *start, size_t len, F f)
{
    const auto *a = static_cast<const nlattr *>(start);
    int remaining = int(len);
    while (mnl_attr_ok(a, remaining)) {
        if (!f(a))
            return false;
        remaining -= int(MNL_ALIGN(a->nla_len));
        a = static_cast<const nlattr *>(mnl_attr_next(a));
    }
    return remaining <= 0;
}

template <typename F> bool eachNested(const nlattr *parent, F f)
{
    return eachAttr(mnl_attr_get_payload(parent), mnl_attr_get_payload_len(parent), f);
}

bool valid(const nlattr *a, mnl_attr_data_type type)
{
    return mnl_attr_validate(a, type) == 0;
}

/// NFTA_DATA_VALUE (at most the kernel's NFT_DATA_VALUE_MAXLEN, libnftnl's buffer) or
/// NFTA_DATA_VERDICT (a code, and a chain name that ends in NUL: libnftnl strdup()s it).
bool validData(const nlattr *a)
{
    if (!valid(a, MNL_TYPE_NESTED))
        return false;
    return eachNested(a, [](const nlattr *d) {
        switch (mnl_attr_get_type(d)) {
        case NFTA_DATA_VALUE:
            return mnl_attr_get_payload_len(d) > 0 &&
                   mnl_attr_get_payload_len(d) <= NFT_DATA_VALUE_MAXLEN;
        case NFTA_DATA_VERDICT: {
            // libnftnl 1.2.4 strdup()s the chain of a jump or goto without asking whether
            // there is one: a jump needs its chain here.
            bool jump = false, chain = false;
            const bool ok = valid(d, MNL_TYPE_NESTED) && eachNested(d, [&](const nlattr *v) {
                                switch (mnl_attr_get_type(v)) {
                                case NFTA_VERDICT_CODE:
                                    if (!valid(v, MNL_TYPE_U32))
                                        return false;
                                    jump = int(ntohl(mnl_attr_get_u32(v))) == NFT_JUMP ||
                                           int(ntohl(mnl_attr_get_u32(v))) == NFT_GOTO;
                                    return true;
                                case NFTA_VERDICT_CHAIN_ID:
                                    return valid(v, MNL_TYPE_U32);
                                case NFTA_VERDICT_CHAIN:
                                    chain = true;
                                    return valid(v, MNL_TYPE_NUL_STRING);
                                default:
                                    return false;
                                }
                            });
            return ok && (!jump || chain);
        }
        default:
            return false;
        }
    });
}

bool validAttr(const nlattr *a, Kind kind)
{
    switch (kind) {
    case Kind::U16:
        return valid(a, MNL_TYPE_U16);
    case Kind::U32:
        return valid(a, MNL_TYPE_U32);
    case Kind::U64:
        return valid(a, MNL_TYPE_U64);
    case Kind::NulString:
        return valid(a, MNL_TYPE_NUL_STRING);
    case Kind::Binary:
        return true;
    case Kind::Data:
        return validData(a);
    }
    return false;
}

/// One expression's attributes as text: "[ name 1=0x... 2=... ]", numbers for 32-bit values.
QString foreignText(const QByteArray &name, const nlattr *data)
{
    QString text = QStringLiteral("[ ") + QString::fromUtf8(name);
    if (data)
        eachNested(data, [&](const nlattr *a) {
            const quint16 len = mnl_attr_get_payload_len(a);
            text += QStringLiteral(" %1=").arg(mnl_attr_get_type(a));
            if (len == 4)
                text += QString::number(ntohl(mnl_attr_get_u32(a)));
            else
                text += QStringLiteral("0x") +
                        QString::fromLatin1(
                            QByteArray(static_cast<const char *>(mnl_attr_get_payload(a)), len)
                                .left(32)
                                .toHex());
            return true;
        });
    return text + QStringLiteral(" ]");
}

} // namespace

NftRuleCheck NftRuleCheck::check(const QByteArray &message)
{
    NftRuleCheck out;
    const auto *nlh = reinterpret_cast<const nlmsghdr *>(message.constData());
    const size_t hdr = sizeof(nfgenmsg);
    if (size_t(message.size()) < MNL_NLMSG_HDRLEN + MNL_ALIGN(hdr) ||
        nlh->nlmsg_len != quint32(message.size())) {
        out.why = QStringLiteral("truncated message");
        return out;
    }
    QStringList texts;
    QString foreign;
    auto malformed = [&](const QString &why) {
        out.why = why;
        return false;
    };
    auto expression = [&](const nlattr *elem) {
        if (mnl_attr_get_type(elem) != NFTA_LIST_ELEM || !valid(elem, MNL_TYPE_NESTED))
            return malformed(QStringLiteral("expression list"));
        const nlattr *nameAttr = nullptr, *data = nullptr;
        const bool ok = eachNested(elem, [&](const nlattr *part) {
            if (mnl_attr_get_type(part) == NFTA_EXPR_NAME) {
                if (!valid(part, MNL_TYPE_NUL_STRING))
                    return false;
                nameAttr = part;
            } else if (mnl_attr_get_type(part) == NFTA_EXPR_DATA) {
                if (!valid(part, MNL_TYPE_NESTED))
                    return false;
                data = part;
            }
            return true;
        });
        if (!ok || !nameAttr)
            return malformed(QStringLiteral("expression without a name"));
        const QByteArray name(mnl_attr_get_str(nameAttr));
        const ExprRules *rules = nullptr;
        for (const ExprRules &r : kExprs)
            if (name == r.name)
                rules = &r;
        texts << foreignText(name, data);
        if (!rules) {
            if (foreign.isEmpty())
                foreign = QStringLiteral("expression \"%1\"").arg(QString::fromUtf8(name));
            return true;
        }
        if (!data)
            return true;
        QString bad;
        const bool whole = eachNested(data, [&](const nlattr *a) {
            for (const AttrRule &r : rules->attrs)
                if (r.type == mnl_attr_get_type(a)) {
                    if (!validAttr(a, r.kind))
                        bad = QStringLiteral("%1 attribute %2")
                                  .arg(QString::fromUtf8(name))
                                  .arg(r.type);
                    return bad.isEmpty();
                }
            // An attribute libnftnl does not know of: not the form iptables-nft writes.
            if (foreign.isEmpty())
                foreign = QStringLiteral("%1 attribute %2")
                              .arg(QString::fromUtf8(name))
                              .arg(mnl_attr_get_type(a));
            return true;
        });
        if (!whole && bad.isEmpty())
            bad = QStringLiteral("%1 attributes").arg(QString::fromUtf8(name));
        return bad.isEmpty() || malformed(bad);
    };
    const bool ok = eachAttr(
        mnl_nlmsg_get_payload_offset(nlh, hdr), nlh->nlmsg_len - MNL_NLMSG_HDRLEN - MNL_ALIGN(hdr),
        [&](const nlattr *a) {
            switch (mnl_attr_get_type(a)) {
            case NFTA_RULE_TABLE:
            case NFTA_RULE_CHAIN:
                return valid(a, MNL_TYPE_NUL_STRING) || malformed(QStringLiteral("rule names"));
            case NFTA_RULE_HANDLE:
            case NFTA_RULE_POSITION:
                return valid(a, MNL_TYPE_U64) || malformed(QStringLiteral("rule handle"));
            case NFTA_RULE_ID:
            case NFTA_RULE_POSITION_ID:
            case NFTA_RULE_CHAIN_ID:
                return valid(a, MNL_TYPE_U32) || malformed(QStringLiteral("rule id"));
            case NFTA_RULE_COMPAT:
                return (valid(a, MNL_TYPE_NESTED) &&
                        eachNested(a,
                                   [](const nlattr *c) {
                                       const quint16 t = mnl_attr_get_type(c);
                                       return (t != NFTA_RULE_COMPAT_PROTO &&
                                               t != NFTA_RULE_COMPAT_FLAGS) ||
                                              valid(c, MNL_TYPE_U32);
                                   })) ||
                       malformed(QStringLiteral("rule compat"));
            case NFTA_RULE_EXPRESSIONS:
                return (valid(a, MNL_TYPE_NESTED) || malformed(QStringLiteral("expressions"))) &&
                       eachNested(a, expression);
            default:
                return true;
            }
        });
    if (!ok) {
        if (out.why.isEmpty())
            out.why = QStringLiteral("malformed attribute");
        return out;
    }
    if (!foreign.isEmpty()) {
        out.result = Foreign;
        out.why = foreign;
        out.text = texts.join(QLatin1Char(' '));
        return out;
    }
    out.result = Readable;
    return out;
}

} // namespace Userchain

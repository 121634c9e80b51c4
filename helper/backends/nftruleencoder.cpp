#include "nftruleencoder.h"

// The C library's headers first: the kernel's netfilter headers then skip their own copies.
#include <arpa/inet.h>
#include <netinet/in.h>

#include <libnftnl/expr.h>
#include <libnftnl/rule.h>
#include <linux/netfilter.h>
#include <linux/netfilter/nf_tables.h>
#include <linux/netfilter/x_tables.h>
#include <linux/netfilter/xt_NFLOG.h>
#include <linux/netfilter/xt_limit.h>
#include <linux/netfilter/xt_mark.h>
#include <linux/netfilter/xt_tcpudp.h>

#include <cstring>

namespace Userchain {

namespace {

nftnl_expr *add(nftnl_rule *r, const char *name)
{
    nftnl_expr *e = nftnl_expr_alloc(name);
    if (e)
        nftnl_rule_add_expr(r, e);
    return e;
}

bool meta(nftnl_rule *r, quint32 key)
{
    nftnl_expr *e = add(r, "meta");
    if (!e)
        return false;
    nftnl_expr_set_u32(e, NFTNL_EXPR_META_KEY, key);
    nftnl_expr_set_u32(e, NFTNL_EXPR_META_DREG, NFT_REG_1);
    return true;
}

bool payload(nftnl_rule *r, quint32 base, quint32 offset, quint32 len)
{
    nftnl_expr *e = add(r, "payload");
    if (!e)
        return false;
    nftnl_expr_set_u32(e, NFTNL_EXPR_PAYLOAD_BASE, base);
    nftnl_expr_set_u32(e, NFTNL_EXPR_PAYLOAD_DREG, NFT_REG_1);
    nftnl_expr_set_u32(e, NFTNL_EXPR_PAYLOAD_OFFSET, offset);
    nftnl_expr_set_u32(e, NFTNL_EXPR_PAYLOAD_LEN, len);
    return true;
}

bool bitwise(nftnl_rule *r, const void *mask, quint32 len)
{
    nftnl_expr *e = add(r, "bitwise");
    if (!e)
        return false;
    const QByteArray zero(int(len), '\0');
    nftnl_expr_set_u32(e, NFTNL_EXPR_BITWISE_SREG, NFT_REG_1);
    nftnl_expr_set_u32(e, NFTNL_EXPR_BITWISE_DREG, NFT_REG_1);
    nftnl_expr_set_u32(e, NFTNL_EXPR_BITWISE_LEN, len);
    nftnl_expr_set(e, NFTNL_EXPR_BITWISE_MASK, mask, len);
    nftnl_expr_set(e, NFTNL_EXPR_BITWISE_XOR, zero.constData(), len);
    return true;
}

bool cmp(nftnl_rule *r, quint32 op, const void *data, quint32 len)
{
    nftnl_expr *e = add(r, "cmp");
    if (!e)
        return false;
    nftnl_expr_set_u32(e, NFTNL_EXPR_CMP_SREG, NFT_REG_1);
    nftnl_expr_set_u32(e, NFTNL_EXPR_CMP_OP, op);
    nftnl_expr_set(e, NFTNL_EXPR_CMP_DATA, data, len);
    return true;
}

/// add_iniface / add_outiface
bool iface(nftnl_rule *r, quint32 key, const QByteArray &name, bool wildcard, bool inverted)
{
    if (name.isEmpty() && !wildcard)
        return true;
    if (!meta(r, key))
        return false;
    const quint32 op = inverted ? NFT_CMP_NEQ : NFT_CMP_EQ;
    if (wildcard) {
        if (!name.isEmpty())
            return cmp(r, op, name.constData(), quint32(name.size()));
        // `-i +` compares nothing; `! -i +` compares with a name no interface can have.
        if (inverted)
            return cmp(r, NFT_CMP_EQ, "INVAL/D", 8);
        return true;
    }
    const QByteArray withNul = name + '\0';
    return cmp(r, op, withNul.constData(), quint32(withNul.size()));
}

/// add_addr: only the bytes the mask covers are loaded; bitwise only for a non-prefix mask.
bool address(nftnl_rule *r, quint32 offset, const NftEntry::Address &a)
{
    const auto *m = reinterpret_cast<const unsigned char *>(a.mask.constData());
    const int n = a.mask.size();
    int i = 0;
    bool masked = false;
    for (; i < n; ++i) {
        if (m[i] != 0xff) {
            masked = m[i] != 0;
            break;
        }
    }
    for (int j = i + 1; !masked && j < n; ++j)
        masked = m[j] != 0;
    const quint32 len = masked ? quint32(n) : quint32(i);
    const quint32 op = a.inverted ? NFT_CMP_NEQ : NFT_CMP_EQ;
    if (!payload(r, NFT_PAYLOAD_NETWORK_HEADER, offset, len))
        return false;
    if (masked && !bitwise(r, m, len))
        return false;
    return cmp(r, op, a.addr.constData(), len);
}

bool portCompare(nftnl_rule *r, quint32 offset, const quint16 range[2], bool inverted)
{
    if (!payload(r, NFT_PAYLOAD_TRANSPORT_HEADER, offset, 2))
        return false;
    const quint16 lo = htons(range[0]), hi = htons(range[1]);
    if (range[0] == range[1])
        return cmp(r, inverted ? NFT_CMP_NEQ : NFT_CMP_EQ, &lo, 2);
    if (range[0] == 0)
        return cmp(r, inverted ? NFT_CMP_GT : NFT_CMP_LTE, &hi, 2);
    nftnl_expr *e = add(r, "range");
    if (!e)
        return false;
    nftnl_expr_set_u32(e, NFTNL_EXPR_RANGE_SREG, NFT_REG_1);
    nftnl_expr_set_u32(e, NFTNL_EXPR_RANGE_OP, inverted ? NFT_RANGE_NEQ : NFT_RANGE_EQ);
    nftnl_expr_set(e, NFTNL_EXPR_RANGE_FROM_DATA, &lo, 2);
    nftnl_expr_set(e, NFTNL_EXPR_RANGE_TO_DATA, &hi, 2);
    return true;
}

/// add_nft_tcpudp
bool ports(nftnl_rule *r, const quint16 src[2], bool srcInv, const quint16 dst[2], bool dstInv)
{
    if (src[0] && src[0] == src[1] && dst[0] && dst[0] == dst[1] && srcInv == dstInv) {
        if (!payload(r, NFT_PAYLOAD_TRANSPORT_HEADER, 0, 4))
            return false;
        const quint32 both = htonl(quint32(dst[0]) | (quint32(src[0]) << 16));
        return cmp(r, srcInv ? NFT_CMP_NEQ : NFT_CMP_EQ, &both, 4);
    }
    if ((src[0] || src[1] < 0xffff || srcInv) && !portCompare(r, 0, src, srcInv))
        return false;
    if ((dst[0] || dst[1] < 0xffff || dstInv) && !portCompare(r, 2, dst, dstInv))
        return false;
    return true;
}

bool xtExpr(nftnl_rule *r, bool target, const NftEntry::Match &m)
{
    nftnl_expr *e = add(r, target ? "target" : "match");
    if (!e)
        return false;
    const QByteArray name = m.name;
    nftnl_expr_set_str(e, target ? uint16_t(NFTNL_EXPR_TG_NAME) : uint16_t(NFTNL_EXPR_MT_NAME),
                       name.constData());
    nftnl_expr_set_u32(e, target ? uint16_t(NFTNL_EXPR_TG_REV) : uint16_t(NFTNL_EXPR_MT_REV),
                       m.revision);
    // libnftnl keeps the pointer and frees it with the expression.
    void *info = std::malloc(size_t(qMax<qsizetype>(m.data.size(), 1)));
    if (!info)
        return false;
    std::memcpy(info, m.data.constData(), size_t(m.data.size()));
    nftnl_expr_set(e, target ? uint16_t(NFTNL_EXPR_TG_INFO) : uint16_t(NFTNL_EXPR_MT_INFO), info,
                   quint32(m.data.size()));
    return true;
}

/// add_nft_limit: the largest unit that still gives a whole rate.
bool limit(nftnl_rule *r, const NftEntry::Match &m, QString *error)
{
    struct xt_rateinfo info;
    if (m.data.size() < int(sizeof(info.avg) + sizeof(info.burst))) {
        *error = QStringLiteral("limit match too short");
        return false;
    }
    std::memset(&info, 0, sizeof(info));
    std::memcpy(&info, m.data.constData(), qMin<size_t>(sizeof(info), size_t(m.data.size())));
    if (info.avg == 0) {
        *error = QStringLiteral("limit with a zero average");
        return false;
    }
    static const quint64 mult[] = {quint64(XT_LIMIT_SCALE) * 24 * 60 * 60,
                                   quint64(XT_LIMIT_SCALE) * 60 * 60, quint64(XT_LIMIT_SCALE) * 60,
                                   quint64(XT_LIMIT_SCALE)};
    size_t i = 1;
    for (; i < sizeof(mult) / sizeof(mult[0]); ++i)
        if (info.avg > mult[i] || mult[i] / info.avg < mult[i] % info.avg)
            break;
    nftnl_expr *e = add(r, "limit");
    if (!e)
        return false;
    nftnl_expr_set_u32(e, NFTNL_EXPR_LIMIT_TYPE, NFT_LIMIT_PKTS);
    nftnl_expr_set_u32(e, NFTNL_EXPR_LIMIT_FLAGS, 0);
    nftnl_expr_set_u64(e, NFTNL_EXPR_LIMIT_RATE, mult[i - 1] / info.avg);
    nftnl_expr_set_u64(e, NFTNL_EXPR_LIMIT_UNIT, mult[i - 1] / XT_LIMIT_SCALE);
    nftnl_expr_set_u32(e, NFTNL_EXPR_LIMIT_BURST, info.burst);
    return true;
}

/// add_nft_mark
bool mark(nftnl_rule *r, const NftEntry::Match &m)
{
    struct xt_mark_mtinfo1 info;
    std::memset(&info, 0, sizeof(info));
    std::memcpy(&info, m.data.constData(), qMin<size_t>(sizeof(info), size_t(m.data.size())));
    if (!meta(r, NFT_META_MARK))
        return false;
    if (info.mask != 0xffffffff && !bitwise(r, &info.mask, 4))
        return false;
    return cmp(r, info.invert ? NFT_CMP_NEQ : NFT_CMP_EQ, &info.mark, 4);
}

/// add_log: iptables-nft writes NFLOG as nf_tables' own log expression.
bool nflog(nftnl_rule *r, const NftEntry::Match &t, QString *error)
{
    struct xt_nflog_info info;
    if (t.data.size() != int(XT_ALIGN(sizeof(info)))) {
        *error = QStringLiteral("NFLOG of another size");
        return false;
    }
    std::memcpy(&info, t.data.constData(), sizeof(info));
    if (info.len && !(info.flags & XT_NFLOG_F_COPY_LEN)) {
        // iptables-nft drops it without a word: refuse rather than write less.
        *error = QStringLiteral("\"--nflog-range\" cannot be written to nf_tables (it never "
                                "worked; use \"--nflog-size\")");
        return false;
    }
    if (strnlen(info.prefix, sizeof(info.prefix)) == sizeof(info.prefix)) {
        *error = QStringLiteral("NFLOG prefix without its end");
        return false;
    }
    nftnl_expr *e = add(r, "log");
    if (!e)
        return false;
    if (info.prefix[0] != '\0')
        nftnl_expr_set_str(e, NFTNL_EXPR_LOG_PREFIX, info.prefix);
    nftnl_expr_set_u16(e, NFTNL_EXPR_LOG_GROUP, info.group);
    if (info.flags & XT_NFLOG_F_COPY_LEN)
        nftnl_expr_set_u32(e, NFTNL_EXPR_LOG_SNAPLEN, info.len);
    if (info.threshold)
        nftnl_expr_set_u16(e, NFTNL_EXPR_LOG_QTHRESHOLD, info.threshold);
    return true;
}

bool isZeroPorts(const quint16 src[2], const quint16 dst[2])
{
    return src[0] == 0 && src[1] == 0xffff && dst[0] == 0 && dst[1] == 0xffff;
}

/// add_nft_tcp / add_nft_udp: native unless the match has parts only x_tables can test.
bool tcpUdp(nftnl_rule *r, const NftEntry &entry, const NftEntry::Match &m, bool tcp,
            QString *error)
{
    quint16 src[2], dst[2];
    quint8 inv = 0, flgMask = 0, flgCmp = 0, option = 0;
    if (tcp) {
        struct xt_tcp t;
        if (m.data.size() < int(sizeof(t)))
            return xtExpr(r, false, m);
        std::memcpy(&t, m.data.constData(), sizeof(t));
        std::memcpy(src, t.spts, sizeof(src));
        std::memcpy(dst, t.dpts, sizeof(dst));
        inv = t.invflags;
        flgMask = t.flg_mask;
        flgCmp = t.flg_cmp;
        option = t.option;
        const bool allZero = isZeroPorts(src, dst) && !option && !flgMask && !flgCmp && !inv;
        if ((inv & ~(XT_TCP_INV_SRCPT | XT_TCP_INV_DSTPT | XT_TCP_INV_FLAGS)) || option ||
            allZero || m.revision != 0 || m.data.size() != int(XT_ALIGN(sizeof(t))))
            return xtExpr(r, false, m);
    } else {
        struct xt_udp u;
        if (m.data.size() < int(sizeof(u)))
            return xtExpr(r, false, m);
        std::memcpy(&u, m.data.constData(), sizeof(u));
        std::memcpy(src, u.spts, sizeof(src));
        std::memcpy(dst, u.dpts, sizeof(dst));
        inv = u.invflags;
        const bool allZero = isZeroPorts(src, dst) && !inv;
        if (inv > XT_UDP_INV_MASK || allZero || m.revision != 0 ||
            m.data.size() != int(XT_ALIGN(sizeof(u))))
            return xtExpr(r, false, m);
    }
    if (entry.proto != (tcp ? IPPROTO_TCP : IPPROTO_UDP) || entry.protoInverted) {
        *error = tcp ? QStringLiteral("TCP match requires '-p tcp'")
                     : QStringLiteral("UDP match requires '-p udp'");
        return false;
    }
    if (tcp && flgMask) {
        if (!payload(r, NFT_PAYLOAD_TRANSPORT_HEADER, 13, 1))
            return false;
        if (flgMask != 0xff && !bitwise(r, &flgMask, 1))
            return false;
        if (!cmp(r, (inv & XT_TCP_INV_FLAGS) ? NFT_CMP_NEQ : NFT_CMP_EQ, &flgCmp, 1))
            return false;
    }
    return ports(r, src, inv & XT_TCP_INV_SRCPT, dst, inv & XT_TCP_INV_DSTPT);
}

bool verdict(nftnl_rule *r, const NftEntry &entry, QString *error)
{
    const QString &label = entry.targetLabel;
    if (label.isEmpty())
        return true;
    nftnl_expr *e = add(r, "immediate");
    if (!e)
        return false;
    nftnl_expr_set_u32(e, NFTNL_EXPR_IMM_DREG, NFT_REG_VERDICT);
    if (label == QLatin1String("ACCEPT")) {
        nftnl_expr_set_u32(e, NFTNL_EXPR_IMM_VERDICT, NF_ACCEPT);
    } else if (label == QLatin1String("DROP")) {
        nftnl_expr_set_u32(e, NFTNL_EXPR_IMM_VERDICT, NF_DROP);
    } else if (label == QLatin1String("RETURN")) {
        nftnl_expr_set_u32(e, NFTNL_EXPR_IMM_VERDICT, quint32(NFT_RETURN));
    } else if (label == QLatin1String("QUEUE")) {
        *error = QStringLiteral("-j QUEUE is not written by this backend");
        return false;
    } else {
        nftnl_expr_set_u32(e, NFTNL_EXPR_IMM_VERDICT, quint32(entry.isGoto ? NFT_GOTO : NFT_JUMP));
        nftnl_expr_set_str(e, NFTNL_EXPR_IMM_CHAIN, label.toUtf8().constData());
    }
    return true;
}

} // namespace

bool NftRuleEncoder::encode(const NftEntry &entry, quint64 packets, quint64 bytes, nftnl_rule *r,
                            QString *error)
{
    const bool v4 = entry.family == Family::IPv4;
    QString why;
    auto failed = [&](const QString &fallback) {
        *error = why.isEmpty() ? fallback : why;
        return false;
    };
    if (!iface(r, NFT_META_IIFNAME, entry.inIface, entry.inWildcard, entry.inInverted) ||
        !iface(r, NFT_META_OIFNAME, entry.outIface, entry.outWildcard, entry.outInverted))
        return failed(QStringLiteral("out of memory"));
    if (entry.proto || entry.protoInverted) {
        // add_compat: x_tables matches check the protocol at load time (e.g. multiport needs
        // tcp or udp); the kernel takes it from these attributes, not from the expressions.
        nftnl_rule_set_u32(r, NFTNL_RULE_COMPAT_PROTO, entry.proto);
        nftnl_rule_set_u32(r, NFTNL_RULE_COMPAT_FLAGS,
                           entry.protoInverted ? NFT_RULE_COMPAT_F_INV : 0);
        if (!meta(r, NFT_META_L4PROTO) ||
            !cmp(r, entry.protoInverted ? NFT_CMP_NEQ : NFT_CMP_EQ, &entry.proto, 1))
            return failed(QStringLiteral("out of memory"));
    }
    if (entry.src.set && !address(r, v4 ? 12 : 8, entry.src))
        return failed(QStringLiteral("out of memory"));
    if (entry.dst.set && !address(r, v4 ? 16 : 24, entry.dst))
        return failed(QStringLiteral("out of memory"));
    if (v4 && entry.fragment) {
        const quint8 mask[2] = {0x1f, 0xff};
        const quint8 zero[2] = {0, 0};
        if (!payload(r, NFT_PAYLOAD_NETWORK_HEADER, 6, 2) || !bitwise(r, mask, 2) ||
            !cmp(r, entry.fragmentInverted ? NFT_CMP_EQ : NFT_CMP_NEQ, zero, 2))
            return failed(QStringLiteral("out of memory"));
    }
    for (const NftEntry::Match &m : entry.matches) {
        bool ok = true;
        if (m.native) {
            const bool tcp = entry.proto == IPPROTO_TCP;
            if (m.ports.flagsSet) {
                ok = payload(r, NFT_PAYLOAD_TRANSPORT_HEADER, 13, 1) &&
                     (m.ports.flagMask == 0xff || bitwise(r, &m.ports.flagMask, 1)) &&
                     cmp(r, m.ports.flagsInverted ? NFT_CMP_NEQ : NFT_CMP_EQ, &m.ports.flagCmp, 1);
            }
            ok = ok && (tcp || !m.ports.flagsSet) &&
                 ports(r, m.ports.src, m.ports.srcInverted, m.ports.dst, m.ports.dstInverted);
        } else if (m.name == "tcp" || m.name == "udp") {
            ok = tcpUdp(r, entry, m, m.name == "tcp", &why);
        } else if (m.name == "mark" && m.revision == 1 &&
                   m.data.size() == int(XT_ALIGN(sizeof(struct xt_mark_mtinfo1)))) {
            ok = mark(r, m);
        } else if (m.name == "limit" && m.revision == 0) {
            ok = limit(r, m, &why);
        } else {
            ok = xtExpr(r, false, m);
        }
        if (!ok)
            return failed(
                QStringLiteral("match %1 cannot be written").arg(QString::fromUtf8(m.name)));
    }
    nftnl_expr *c = add(r, "counter");
    if (!c)
        return failed(QStringLiteral("out of memory"));
    nftnl_expr_set_u64(c, NFTNL_EXPR_CTR_PACKETS, packets);
    nftnl_expr_set_u64(c, NFTNL_EXPR_CTR_BYTES, bytes);
    if (entry.hasTarget) {
        if (entry.target.name == "NFLOG" && entry.target.revision == 0) {
            if (!nflog(r, entry.target, &why))
                return failed(QStringLiteral("out of memory"));
        } else if (!xtExpr(r, true, entry.target)) {
            return failed(QStringLiteral("out of memory"));
        }
        return true;
    }
    if (!verdict(r, entry, &why))
        return failed(QStringLiteral("out of memory"));
    return true;
}

} // namespace Userchain

#include "nftruledecoder.h"

#include "nftentry.h"
#include "nftnativeforms.h"

// The C library's headers first: the kernel's netfilter headers then skip their own copies.
#include <arpa/inet.h>
#include <netinet/in.h>

#include <libnftnl/expr.h>
#include <libnftnl/rule.h>
#include <linux/netfilter.h>
#include <linux/netfilter/nf_tables.h>
#include <linux/netfilter/x_tables.h>
#include <linux/netfilter/xt_mark.h>
#include <linux/netfilter/xt_tcpudp.h>
#include <linux/netfilter_ipv4/ip_tables.h>
#include <linux/netfilter_ipv6/ip6_tables.h>

#include <cstring>

namespace Userchain {

namespace {

/// What a loaded register holds, waiting for its cmp.
enum class Load { None, InIface, OutIface, Proto, Network, Transport, Mark };

class Decoder
{
public:
    explicit Decoder(Family family) : m_v4(family == Family::IPv4) {}

    bool expr(nftnl_expr *e);
    bool finish();

    NftDecodedRule out;
    NftEntry entry;

private:
    bool fail(const QString &why)
    {
        if (out.why.isEmpty())
            out.why = why;
        return false;
    }
    bool meta(nftnl_expr *e);
    bool payload(nftnl_expr *e);
    bool bitwise(nftnl_expr *e);
    bool cmp(nftnl_expr *e);
    bool range(nftnl_expr *e);
    bool immediate(nftnl_expr *e);
    bool limit(nftnl_expr *e);
    bool log(nftnl_expr *e);
    bool xt(nftnl_expr *e, bool target);
    bool iface(bool in, const QByteArray &data, bool negated);
    bool address(const QByteArray &data, bool negated);
    bool transport(quint32 op, const QByteArray &from, const QByteArray &to);
    bool ended() const { return m_verdict || m_target; }
    /// Before the next load and at the end: an interface load with no compare is `-i +`
    /// (iptables-nft's form); any other load left open is not an iptables-nft rule.
    bool closeLoad();
    NftEntry::Ports &ports();

    bool m_v4;
    Load m_load = Load::None;
    quint32 m_base = 0, m_offset = 0, m_len = 0;
    QByteArray m_mask; ///< of a bitwise after the payload; empty when none
    bool m_counter = false, m_verdict = false, m_target = false;
    int m_portsMatch = -1; ///< index of the tcp/udp match the native port forms went into
};

QByteArray dataOf(const nftnl_expr *e, uint16_t attr)
{
    uint32_t len = 0;
    const void *p = nftnl_expr_get(e, attr, &len);
    return p ? QByteArray(static_cast<const char *>(p), int(len)) : QByteArray();
}

bool reg1(const nftnl_expr *e, uint16_t attr)
{
    return nftnl_expr_is_set(e, attr) && nftnl_expr_get_u32(e, attr) == NFT_REG_1;
}

bool Decoder::expr(nftnl_expr *e)
{
    const char *name = nftnl_expr_get_str(e, NFTNL_EXPR_NAME);
    const QByteArray n(name ? name : "");
    if ((m_load == Load::InIface || m_load == Load::OutIface) && n != "cmp") {
        // `-i +`: iptables-nft loads the name and compares nothing.
        if (!iface(m_load == Load::InIface, QByteArray(), false))
            return false;
        m_load = Load::None;
    }
    // iptables-nft puts the counter and the verdict (or target) last, in that order.
    if (ended())
        return fail(
            QStringLiteral("an expression after the verdict (%1)").arg(QString::fromUtf8(n)));
    if (n == "counter") {
        if (m_counter || m_load != Load::None)
            return fail(QStringLiteral("a second counter"));
        m_counter = true;
        out.packets = nftnl_expr_get_u64(e, NFTNL_EXPR_CTR_PACKETS);
        out.bytes = nftnl_expr_get_u64(e, NFTNL_EXPR_CTR_BYTES);
        return true;
    }
    if (m_counter && n != "immediate" && n != "target" && n != "log")
        return fail(QStringLiteral("%1 after the counter").arg(QString::fromUtf8(n)));
    if (n == "meta")
        return meta(e);
    if (n == "payload")
        return payload(e);
    if (n == "bitwise")
        return bitwise(e);
    if (n == "cmp")
        return cmp(e);
    if (n == "range")
        return range(e);
    if (n == "immediate")
        return immediate(e);
    if (n == "limit")
        return limit(e);
    if (n == "log")
        return log(e);
    if (n == "match" || n == "target")
        return xt(e, n == "target");
    return fail(QStringLiteral("expression \"%1\"").arg(QString::fromUtf8(n)));
}

bool Decoder::meta(nftnl_expr *e)
{
    if (!closeLoad())
        return false;
    if (nftnl_expr_is_set(e, NFTNL_EXPR_META_SREG) || !reg1(e, NFTNL_EXPR_META_DREG))
        return fail(QStringLiteral("meta with other registers"));
    switch (nftnl_expr_get_u32(e, NFTNL_EXPR_META_KEY)) {
    case NFT_META_IIFNAME:
        m_load = Load::InIface;
        break;
    case NFT_META_OIFNAME:
        m_load = Load::OutIface;
        break;
    case NFT_META_L4PROTO:
        m_load = Load::Proto;
        break;
    case NFT_META_MARK: // -m mark (add_nft_mark)
        m_load = Load::Mark;
        m_len = 4;
        m_mask.clear();
        break;
    default:
        return fail(QStringLiteral("meta key %1").arg(nftnl_expr_get_u32(e, NFTNL_EXPR_META_KEY)));
    }
    return true;
}

bool Decoder::payload(nftnl_expr *e)
{
    if (!closeLoad())
        return false;
    if (nftnl_expr_is_set(e, NFTNL_EXPR_PAYLOAD_SREG) || !reg1(e, NFTNL_EXPR_PAYLOAD_DREG) ||
        (nftnl_expr_is_set(e, NFTNL_EXPR_PAYLOAD_CSUM_TYPE) &&
         nftnl_expr_get_u32(e, NFTNL_EXPR_PAYLOAD_CSUM_TYPE) != 0) ||
        (nftnl_expr_is_set(e, NFTNL_EXPR_PAYLOAD_FLAGS) &&
         nftnl_expr_get_u32(e, NFTNL_EXPR_PAYLOAD_FLAGS) != 0))
        return fail(QStringLiteral("payload write or other registers"));
    m_base = nftnl_expr_get_u32(e, NFTNL_EXPR_PAYLOAD_BASE);
    m_offset = nftnl_expr_get_u32(e, NFTNL_EXPR_PAYLOAD_OFFSET);
    m_len = nftnl_expr_get_u32(e, NFTNL_EXPR_PAYLOAD_LEN);
    m_mask.clear();
    if (m_base == NFT_PAYLOAD_NETWORK_HEADER)
        m_load = Load::Network;
    else if (m_base == NFT_PAYLOAD_TRANSPORT_HEADER)
        m_load = Load::Transport;
    else
        return fail(QStringLiteral("payload base %1").arg(m_base));
    return true;
}

bool Decoder::bitwise(nftnl_expr *e)
{
    if ((m_load != Load::Network && m_load != Load::Transport && m_load != Load::Mark) ||
        !m_mask.isEmpty())
        return fail(QStringLiteral("bitwise without a payload"));
    if (!reg1(e, NFTNL_EXPR_BITWISE_SREG) || !reg1(e, NFTNL_EXPR_BITWISE_DREG) ||
        (nftnl_expr_is_set(e, NFTNL_EXPR_BITWISE_OP) &&
         nftnl_expr_get_u32(e, NFTNL_EXPR_BITWISE_OP) != NFT_BITWISE_BOOL) ||
        nftnl_expr_get_u32(e, NFTNL_EXPR_BITWISE_LEN) != m_len)
        return fail(QStringLiteral("bitwise of another form"));
    const QByteArray mask = dataOf(e, NFTNL_EXPR_BITWISE_MASK);
    const QByteArray xorData = dataOf(e, NFTNL_EXPR_BITWISE_XOR);
    if (mask.size() != int(m_len) || xorData != QByteArray(int(m_len), '\0'))
        return fail(QStringLiteral("bitwise with xor"));
    m_mask = mask;
    return true;
}

bool Decoder::cmp(nftnl_expr *e)
{
    if (!reg1(e, NFTNL_EXPR_CMP_SREG))
        return fail(QStringLiteral("cmp of another register"));
    const quint32 op = nftnl_expr_get_u32(e, NFTNL_EXPR_CMP_OP);
    const QByteArray data = dataOf(e, NFTNL_EXPR_CMP_DATA);
    const Load load = m_load;
    m_load = Load::None;
    const bool eqOrNeq = op == NFT_CMP_EQ || op == NFT_CMP_NEQ;
    switch (load) {
    case Load::InIface:
    case Load::OutIface:
        if (!eqOrNeq)
            return fail(QStringLiteral("interface compared by order"));
        return iface(load == Load::InIface, data, op == NFT_CMP_NEQ);
    case Load::Proto:
        if (!eqOrNeq || data.size() != 1 || entry.proto != 0)
            return fail(QStringLiteral("protocol of another form"));
        entry.proto = quint8(data[0]);
        entry.protoInverted = op == NFT_CMP_NEQ;
        return true;
    case Load::Network:
        if (!eqOrNeq)
            return fail(QStringLiteral("address compared by order"));
        return address(data, op == NFT_CMP_NEQ);
    case Load::Transport:
        return transport(op, data, QByteArray());
    case Load::Mark: {
        if (!eqOrNeq || data.size() != 4)
            return fail(QStringLiteral("mark of another form"));
        // nft_parse_meta_mark: an xt_mark_mtinfo1 match (mark, mask, invert).
        struct xt_mark_mtinfo1 info;
        std::memset(&info, 0, sizeof(info));
        std::memcpy(&info.mark, data.constData(), 4);
        info.mask = 0xffffffff;
        if (!m_mask.isEmpty())
            std::memcpy(&info.mask, m_mask.constData(), 4);
        info.invert = op == NFT_CMP_NEQ;
        NftEntry::Match m;
        m.name = "mark";
        m.revision = 1;
        m.data = QByteArray(reinterpret_cast<const char *>(&info), sizeof(info));
        m.data.append(QByteArray(int(XT_ALIGN(sizeof(info)) - sizeof(info)), '\0'));
        entry.matches.append(m);
        return true;
    }
    case Load::None:
        break;
    }
    return fail(QStringLiteral("cmp without a load"));
}

bool Decoder::range(nftnl_expr *e)
{
    if (m_load != Load::Transport || !m_mask.isEmpty() || !reg1(e, NFTNL_EXPR_RANGE_SREG))
        return fail(QStringLiteral("range of another form"));
    m_load = Load::None;
    const quint32 op = nftnl_expr_get_u32(e, NFTNL_EXPR_RANGE_OP);
    if (op != NFT_RANGE_EQ && op != NFT_RANGE_NEQ)
        return fail(QStringLiteral("range operator"));
    // Encoded as a cmp operator beyond the real ones, so transport() tells them apart.
    return transport(op == NFT_RANGE_EQ ? 0x100 : 0x101, dataOf(e, NFTNL_EXPR_RANGE_FROM_DATA),
                     dataOf(e, NFTNL_EXPR_RANGE_TO_DATA));
}

bool Decoder::iface(bool in, const QByteArray &data, bool negated)
{
    QByteArray &name = in ? entry.inIface : entry.outIface;
    bool &inv = in ? entry.inInverted : entry.outInverted;
    bool &wild = in ? entry.inWildcard : entry.outWildcard;
    if (!name.isEmpty() || wild)
        return fail(QStringLiteral("a second interface"));
    if (data.isEmpty()) { // `-i +`: any interface
        wild = true;
        return true;
    }
    static const QByteArray invalid("INVAL/D\0", 8);
    if (data == invalid && !negated) { // `! -i +`: no interface at all
        (in ? out.inAnyInverted : out.outAnyInverted) = true;
        wild = true;
        inv = true;
        return true;
    }
    if (data.size() > IFNAMSIZ)
        return fail(QStringLiteral("interface name too long"));
    const int nul = data.indexOf('\0');
    if (nul >= 0 && nul != data.size() - 1)
        return fail(QStringLiteral("interface name with NUL"));
    if (nul == data.size() - 1) {
        if (data.size() == 1)
            return fail(QStringLiteral("empty interface name"));
        name = data.left(data.size() - 1);
    } else {
        if (data.size() >= IFNAMSIZ - 1)
            return fail(QStringLiteral("interface prefix too long"));
        name = data;
        wild = true;
    }
    inv = negated;
    return true;
}

bool Decoder::address(const QByteArray &data, bool negated)
{
    const quint32 addrLen = m_v4 ? 4 : 16;
    const quint32 src = m_v4 ? 12 : 8, dst = m_v4 ? 16 : 24;
    if (data.size() != int(m_len))
        return fail(QStringLiteral("compare of another length"));
    if (m_v4 && m_offset == 6 && m_len == 2) {
        // -f: the fragment offset bits; iptables-nft compares them with zero.
        if (m_mask != QByteArray("\x1f\xff", 2) || data != QByteArray(2, '\0') || entry.fragment)
            return fail(QStringLiteral("fragment test of another form"));
        entry.fragment = true;
        entry.fragmentInverted = !negated; // "!= 0" is -f, "== 0" is ! -f
        return true;
    }
    if ((m_offset != src && m_offset != dst) || m_len == 0 || m_len > addrLen)
        return fail(QStringLiteral("network header field at %1").arg(m_offset));
    NftEntry::Address &a = m_offset == src ? entry.src : entry.dst;
    if (a.set)
        return fail(QStringLiteral("a second address"));
    a.set = true;
    a.inverted = negated;
    a.addr = data + QByteArray(int(addrLen - m_len), '\0');
    a.mask = (m_mask.isEmpty() ? QByteArray(int(m_len), '\xff') : m_mask) +
             QByteArray(int(addrLen - m_len), '\0');
    return true;
}

NftEntry::Ports &Decoder::ports()
{
    if (m_portsMatch < 0) {
        m_portsMatch = entry.matches.size();
        NftEntry::Match m;
        m.native = true;
        entry.matches.append(m);
    }
    return entry.matches[m_portsMatch].ports;
}

bool Decoder::transport(quint32 op, const QByteArray &from, const QByteArray &to)
{
    // iptables-nft builds a tcp or udp match from these only under the matching `-p`.
    if (entry.protoInverted || (entry.proto != IPPROTO_TCP && entry.proto != IPPROTO_UDP))
        return fail(QStringLiteral("transport header without -p tcp/udp"));
    auto be16 = [](const QByteArray &d, int at) {
        return quint16((quint8(d[at]) << 8) | quint8(d[at + 1]));
    };
    NftEntry::Ports &p = ports();
    const bool tcp = entry.proto == IPPROTO_TCP;
    if (m_offset == 13 && m_len == 1) {
        if (!tcp || p.flagsSet || from.size() != 1 || (op != NFT_CMP_EQ && op != NFT_CMP_NEQ))
            return fail(QStringLiteral("tcp flags of another form"));
        p.flagsSet = true;
        p.flagMask = m_mask.isEmpty() ? 0xff : quint8(m_mask[0]);
        p.flagCmp = quint8(from[0]);
        p.flagsInverted = op == NFT_CMP_NEQ;
        return true;
    }
    if (!m_mask.isEmpty())
        return fail(QStringLiteral("masked port"));
    if (m_offset == 0 && m_len == 4) {
        if (p.srcSet || p.dstSet || from.size() != 4 || (op != NFT_CMP_EQ && op != NFT_CMP_NEQ))
            return fail(QStringLiteral("ports of another form"));
        p.srcSet = p.dstSet = true;
        p.src[0] = p.src[1] = be16(from, 0);
        p.dst[0] = p.dst[1] = be16(from, 2);
        p.srcInverted = p.dstInverted = op == NFT_CMP_NEQ;
        return true;
    }
    if ((m_offset != 0 && m_offset != 2) || m_len != 2 || from.size() != 2)
        return fail(QStringLiteral("transport header field at %1").arg(m_offset));
    const bool isSrc = m_offset == 0;
    if (isSrc ? p.srcSet : p.dstSet)
        return fail(QStringLiteral("a second port test"));
    quint16 *range = isSrc ? p.src : p.dst;
    bool inverted = false;
    const quint16 v = be16(from, 0);
    switch (op) {
    case NFT_CMP_EQ:
    case NFT_CMP_NEQ:
        range[0] = range[1] = v;
        inverted = op == NFT_CMP_NEQ;
        break;
    // As iptables-nft 1.8.9 reads them: "> v" is the range v+1:65535, "< v" is 0:v-1.
    case NFT_CMP_LTE:
        range[0] = 0;
        range[1] = v;
        break;
    case NFT_CMP_GT:
        if (v == 0xffff)
            return fail(QStringLiteral("empty port range"));
        range[0] = quint16(v + 1);
        range[1] = 0xffff;
        break;
    case NFT_CMP_GTE:
        range[0] = v;
        range[1] = 0xffff;
        break;
    case NFT_CMP_LT:
        if (v == 0)
            return fail(QStringLiteral("empty port range"));
        range[0] = 0;
        range[1] = quint16(v - 1);
        break;
    case 0x100:
    case 0x101:
        if (to.size() != 2)
            return fail(QStringLiteral("range of another length"));
        range[0] = v;
        range[1] = be16(to, 0);
        inverted = op == 0x101;
        break;
    default:
        return fail(QStringLiteral("port operator"));
    }
    (isSrc ? p.srcSet : p.dstSet) = true;
    (isSrc ? p.srcInverted : p.dstInverted) = inverted;
    return true;
}

bool Decoder::immediate(nftnl_expr *e)
{
    if (m_load != Load::None && m_load != Load::InIface && m_load != Load::OutIface)
        return fail(QStringLiteral("a load that is never compared"));
    if (m_load != Load::None) {
        if (!iface(m_load == Load::InIface, QByteArray(), false))
            return false;
        m_load = Load::None;
    }
    if (!nftnl_expr_is_set(e, NFTNL_EXPR_IMM_DREG) ||
        nftnl_expr_get_u32(e, NFTNL_EXPR_IMM_DREG) != NFT_REG_VERDICT ||
        !nftnl_expr_is_set(e, NFTNL_EXPR_IMM_VERDICT))
        return fail(QStringLiteral("immediate data"));
    const int verdict = int(nftnl_expr_get_u32(e, NFTNL_EXPR_IMM_VERDICT));
    switch (verdict) {
    case NF_ACCEPT:
        out.targetLabel = QStringLiteral("ACCEPT");
        break;
    case NF_DROP:
        out.targetLabel = QStringLiteral("DROP");
        break;
    case NFT_RETURN:
        out.targetLabel = QStringLiteral("RETURN");
        break;
    case NFT_JUMP:
    case NFT_GOTO: {
        const char *chain = nftnl_expr_get_str(e, NFTNL_EXPR_IMM_CHAIN);
        if (!chain || !*chain || std::strlen(chain) >= XT_EXTENSION_MAXNAMELEN)
            return fail(QStringLiteral("jump without a chain"));
        out.targetLabel = QString::fromUtf8(chain);
        entry.isGoto = verdict == NFT_GOTO;
        break;
    }
    default:
        return fail(QStringLiteral("verdict %1").arg(verdict));
    }
    m_verdict = true;
    return true;
}

bool Decoder::limit(nftnl_expr *e)
{
    if (m_load != Load::None)
        return fail(QStringLiteral("a load that is never compared"));
    QString why;
    const auto m = NftNativeForms::limitMatch(e, &why);
    if (!m)
        return fail(why);
    entry.matches.append(*m);
    return true;
}

bool Decoder::log(nftnl_expr *e)
{
    if (!closeLoad())
        return false;
    QString why;
    const auto t = NftNativeForms::nflogTarget(e, &why);
    if (!t)
        return fail(why);
    out.xtTarget = true;
    entry.target = *t;
    entry.hasTarget = true;
    m_target = true;
    return true;
}

bool Decoder::xt(nftnl_expr *e, bool target)
{
    if (m_load != Load::None) {
        if (m_load != Load::InIface && m_load != Load::OutIface)
            return fail(QStringLiteral("a load that is never compared"));
        if (!iface(m_load == Load::InIface, QByteArray(), false))
            return false;
        m_load = Load::None;
    }
    const char *name =
        nftnl_expr_get_str(e, target ? uint16_t(NFTNL_EXPR_TG_NAME) : uint16_t(NFTNL_EXPR_MT_NAME));
    if (!name || !*name || std::strlen(name) >= XT_EXTENSION_MAXNAMELEN)
        return fail(QStringLiteral("x_tables extension without a name"));
    NftEntry::Match m;
    m.name = name;
    m.revision = quint8(
        nftnl_expr_get_u32(e, target ? uint16_t(NFTNL_EXPR_TG_REV) : uint16_t(NFTNL_EXPR_MT_REV)));
    m.data = dataOf(e, target ? uint16_t(NFTNL_EXPR_TG_INFO) : uint16_t(NFTNL_EXPR_MT_INFO));
    if (!target && m.name == "set")
        out.usesSet = true;
    if (target) {
        out.xtTarget = true;
        entry.target = m;
        entry.hasTarget = true;
        m_target = true;
    } else {
        entry.matches.append(m);
    }
    return true;
}

bool Decoder::finish()
{
    return closeLoad();
}

bool Decoder::closeLoad()
{
    if (m_load == Load::InIface || m_load == Load::OutIface) {
        // `-i +`: iptables-nft loads the name and compares nothing.
        if (!iface(m_load == Load::InIface, QByteArray(), false))
            return false;
        m_load = Load::None;
    }
    if (m_load != Load::None)
        return fail(QStringLiteral("a load that is never compared"));
    return true;
}

} // namespace

NftDecodedRule NftRuleDecoder::decode(const nftnl_rule *rule, Family family)
{
    Decoder d(family);
    nftnl_expr_iter *it = nftnl_expr_iter_create(rule);
    bool ok = it != nullptr;
    for (nftnl_expr *e = it ? nftnl_expr_iter_next(it) : nullptr; ok && e;
         e = nftnl_expr_iter_next(it))
        ok = d.expr(e);
    if (it)
        nftnl_expr_iter_destroy(it);
    ok = ok && d.finish();
    if (ok && nftnl_rule_is_set(rule, NFTNL_RULE_USERDATA))
        ok = false, d.out.why = QStringLiteral("user data (nft comment)");
    NftDecodedRule out = d.out;
    if (!ok) {
        out.iptables = false;
        if (out.why.isEmpty())
            out.why = QStringLiteral("no expressions");
        return out;
    }
    d.entry.family = family;
    d.entry.targetLabel = out.targetLabel;
    out.entry = d.entry.toBytes();
    if (out.entry.isEmpty()) {
        out.iptables = false;
        out.why = QStringLiteral("too large for an x_tables entry");
        return out;
    }
    out.iptables = true;
    return out;
}

QString NftRuleDecoder::nativeText(const nftnl_rule *rule)
{
    QStringList parts;
    nftnl_expr_iter *it = nftnl_expr_iter_create(rule);
    if (!it)
        return QString();
    char buf[1024];
    for (nftnl_expr *e = nftnl_expr_iter_next(it); e; e = nftnl_expr_iter_next(it)) {
        const char *name = nftnl_expr_get_str(e, NFTNL_EXPR_NAME);
        buf[0] = '\0';
        nftnl_expr_snprintf(buf, sizeof(buf), e, NFTNL_OUTPUT_DEFAULT, 0);
        parts << QStringLiteral("[ %1 %2]")
                     .arg(QString::fromUtf8(name ? name : "?"), QString::fromUtf8(buf));
    }
    nftnl_expr_iter_destroy(it);
    QString text = parts.join(QLatin1Char(' '));
    uint32_t len = 0;
    if (nftnl_rule_is_set(rule, NFTNL_RULE_USERDATA))
        text += QStringLiteral(" [ userdata %1 bytes ]")
                    .arg(nftnl_rule_get_data(rule, NFTNL_RULE_USERDATA, &len) ? len : 0);
    return text;
}

} // namespace Userchain

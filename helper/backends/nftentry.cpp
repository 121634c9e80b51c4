#include "nftentry.h"

// The C library's headers first: the kernel's netfilter headers then skip their own copies.
#include <arpa/inet.h>
#include <netinet/in.h>

#include <linux/netfilter/x_tables.h>
#include <linux/netfilter/xt_tcpudp.h>
#include <linux/netfilter_ipv4/ip_tables.h>
#include <linux/netfilter_ipv6/ip6_tables.h>

#include <cstring>

namespace Userchain {

namespace {

constexpr size_t kExtHeader = sizeof(struct xt_entry_match);
constexpr size_t kNameField = XT_EXTENSION_MAXNAMELEN;
static_assert(sizeof(struct xt_entry_match) == sizeof(struct xt_entry_target), "headers");

QByteArray blob(const QByteArray &name, quint8 revision, const QByteArray &data)
{
    const size_t total = kExtHeader + XT_ALIGN(size_t(data.size()));
    if (total > 0xffff)
        return QByteArray();
    QByteArray b(int(total), '\0');
    const quint16 size16 = quint16(total);
    std::memcpy(b.data(), &size16, sizeof(size16));
    std::memcpy(b.data() + 2, name.constData(),
                size_t(qMin<qsizetype>(name.size(), kNameField - 1)));
    b[int(2 + kNameField)] = char(revision);
    if (!data.isEmpty())
        std::memcpy(b.data() + kExtHeader, data.constData(), size_t(data.size()));
    return b;
}

QByteArray portsData(const NftEntry::Ports &p, bool tcp)
{
    if (tcp) {
        struct xt_tcp t;
        std::memset(&t, 0, sizeof(t));
        std::memcpy(t.spts, p.src, sizeof(t.spts));
        std::memcpy(t.dpts, p.dst, sizeof(t.dpts));
        t.flg_mask = p.flagMask;
        t.flg_cmp = p.flagCmp;
        t.invflags =
            quint8((p.srcInverted ? XT_TCP_INV_SRCPT : 0) | (p.dstInverted ? XT_TCP_INV_DSTPT : 0) |
                   (p.flagsInverted ? XT_TCP_INV_FLAGS : 0));
        return QByteArray(reinterpret_cast<const char *>(&t), sizeof(t));
    }
    struct xt_udp u;
    std::memset(&u, 0, sizeof(u));
    std::memcpy(u.spts, p.src, sizeof(u.spts));
    std::memcpy(u.dpts, p.dst, sizeof(u.dpts));
    u.invflags =
        quint8((p.srcInverted ? XT_UDP_INV_SRCPT : 0) | (p.dstInverted ? XT_UDP_INV_DSTPT : 0));
    return QByteArray(reinterpret_cast<const char *>(&u), sizeof(u));
}

/// The name and mask iptables stores: a wildcard `eth+` keeps the '+' with a mask up to it.
void ifaceFields(const QByteArray &name, bool wildcard, char *outName, unsigned char *outMask)
{
    std::memset(outName, 0, IFNAMSIZ);
    std::memset(outMask, 0, IFNAMSIZ);
    const QByteArray stored = wildcard ? name + '+' : name;
    if (stored.isEmpty() || stored.size() >= IFNAMSIZ)
        return;
    std::memcpy(outName, stored.constData(), size_t(stored.size()));
    std::memset(outMask, 0xff, size_t(wildcard ? name.size() : name.size() + 1));
}

/// Reads back what ifaceFields wrote.
void ifaceOf(const char *name, const unsigned char *mask, QByteArray *out, bool *wildcard)
{
    const size_t len = strnlen(name, IFNAMSIZ);
    QByteArray n(name, int(len));
    *wildcard = n.endsWith('+') && mask[n.size() - 1] == 0;
    if (*wildcard)
        n.chop(1);
    *out = n;
}

} // namespace

QByteArray NftEntry::toBytes() const
{
    const bool v4 = family == Family::IPv4;
    QByteArray body;
    for (const Match &m : matches) {
        const QByteArray b = m.native ? blob(proto == IPPROTO_TCP ? "tcp" : "udp", 0,
                                             portsData(m.ports, proto == IPPROTO_TCP))
                                      : blob(m.name, m.revision, m.data);
        if (b.isEmpty())
            return QByteArray();
        body += b;
    }
    QByteArray target;
    if (hasTarget) {
        target = blob(this->target.name, this->target.revision, this->target.data);
    } else {
        struct xt_standard_target st;
        std::memset(&st, 0, sizeof(st));
        st.target.u.user.target_size = quint16(XT_ALIGN(sizeof(st)));
        // The kernel's form: no name; the verdict or chain is targetLabel (as libiptc reports
        // it), which EntryCodec::decode takes separately.
        target = QByteArray(int(XT_ALIGN(sizeof(st))), '\0');
        std::memcpy(target.data(), &st, sizeof(st));
    }
    if (target.isEmpty())
        return QByteArray();
    const size_t header = v4 ? sizeof(struct ipt_entry) : sizeof(struct ip6t_entry);
    const size_t total = header + size_t(body.size()) + size_t(target.size());
    if (total > 0xffff)
        return QByteArray();
    QByteArray out(int(total), '\0');
    const quint8 inv =
        quint8((inInverted ? IPT_INV_VIA_IN : 0) | (outInverted ? IPT_INV_VIA_OUT : 0) |
               (src.inverted ? IPT_INV_SRCIP : 0) | (dst.inverted ? IPT_INV_DSTIP : 0) |
               (protoInverted ? XT_INV_PROTO : 0));
    if (v4) {
        struct ipt_entry e;
        std::memset(&e, 0, sizeof(e));
        if (src.set) {
            std::memcpy(&e.ip.src, src.addr.constData(), 4);
            std::memcpy(&e.ip.smsk, src.mask.constData(), 4);
        }
        if (dst.set) {
            std::memcpy(&e.ip.dst, dst.addr.constData(), 4);
            std::memcpy(&e.ip.dmsk, dst.mask.constData(), 4);
        }
        ifaceFields(inIface, inWildcard, e.ip.iniface, e.ip.iniface_mask);
        ifaceFields(outIface, outWildcard, e.ip.outiface, e.ip.outiface_mask);
        e.ip.proto = proto;
        e.ip.flags = quint8((fragment ? IPT_F_FRAG : 0) | (isGoto ? IPT_F_GOTO : 0));
        e.ip.invflags = quint8(inv | (fragmentInverted ? IPT_INV_FRAG : 0));
        e.target_offset = quint16(header + size_t(body.size()));
        e.next_offset = quint16(total);
        std::memcpy(out.data(), &e, sizeof(e));
    } else {
        struct ip6t_entry e;
        std::memset(&e, 0, sizeof(e));
        if (src.set) {
            std::memcpy(&e.ipv6.src, src.addr.constData(), 16);
            std::memcpy(&e.ipv6.smsk, src.mask.constData(), 16);
        }
        if (dst.set) {
            std::memcpy(&e.ipv6.dst, dst.addr.constData(), 16);
            std::memcpy(&e.ipv6.dmsk, dst.mask.constData(), 16);
        }
        ifaceFields(inIface, inWildcard, e.ipv6.iniface, e.ipv6.iniface_mask);
        ifaceFields(outIface, outWildcard, e.ipv6.outiface, e.ipv6.outiface_mask);
        e.ipv6.proto = proto;
        // ip6tables sets IP6T_F_PROTO whenever -p is given (EntryCodec does the same).
        e.ipv6.flags =
            quint8((proto || protoInverted ? IP6T_F_PROTO : 0) | (isGoto ? IP6T_F_GOTO : 0));
        e.ipv6.invflags = inv;
        e.target_offset = quint16(header + size_t(body.size()));
        e.next_offset = quint16(total);
        std::memcpy(out.data(), &e, sizeof(e));
    }
    std::memcpy(out.data() + header, body.constData(), size_t(body.size()));
    std::memcpy(out.data() + header + body.size(), target.constData(), size_t(target.size()));
    return out;
}

std::optional<NftEntry> NftEntry::fromBytes(const QByteArray &bytes, Family family,
                                            bool standardTarget, QString *error)
{
    auto bad = [error](const char *why) -> std::optional<NftEntry> {
        if (error)
            *error = QString::fromLatin1(why);
        return std::nullopt;
    };
    const bool v4 = family == Family::IPv4;
    const size_t header = v4 ? sizeof(struct ipt_entry) : sizeof(struct ip6t_entry);
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.constData());
    const size_t size = size_t(bytes.size());
    if (size < header)
        return bad("entry shorter than its header");
    NftEntry n;
    n.family = family;
    quint16 targetOffset = 0, nextOffset = 0;
    quint8 inv = 0;
    if (v4) {
        struct ipt_entry e;
        std::memcpy(&e, p, sizeof(e));
        n.src.addr = QByteArray(reinterpret_cast<const char *>(&e.ip.src), 4);
        n.src.mask = QByteArray(reinterpret_cast<const char *>(&e.ip.smsk), 4);
        n.dst.addr = QByteArray(reinterpret_cast<const char *>(&e.ip.dst), 4);
        n.dst.mask = QByteArray(reinterpret_cast<const char *>(&e.ip.dmsk), 4);
        ifaceOf(e.ip.iniface, e.ip.iniface_mask, &n.inIface, &n.inWildcard);
        ifaceOf(e.ip.outiface, e.ip.outiface_mask, &n.outIface, &n.outWildcard);
        if (e.ip.proto > 0xff)
            return bad("protocol out of range");
        n.proto = quint8(e.ip.proto);
        n.fragment = e.ip.flags & IPT_F_FRAG;
        n.fragmentInverted = e.ip.invflags & IPT_INV_FRAG;
        n.isGoto = e.ip.flags & IPT_F_GOTO;
        inv = e.ip.invflags;
        targetOffset = e.target_offset;
        nextOffset = e.next_offset;
    } else {
        struct ip6t_entry e;
        std::memcpy(&e, p, sizeof(e));
        n.src.addr = QByteArray(reinterpret_cast<const char *>(&e.ipv6.src), 16);
        n.src.mask = QByteArray(reinterpret_cast<const char *>(&e.ipv6.smsk), 16);
        n.dst.addr = QByteArray(reinterpret_cast<const char *>(&e.ipv6.dst), 16);
        n.dst.mask = QByteArray(reinterpret_cast<const char *>(&e.ipv6.dmsk), 16);
        ifaceOf(e.ipv6.iniface, e.ipv6.iniface_mask, &n.inIface, &n.inWildcard);
        ifaceOf(e.ipv6.outiface, e.ipv6.outiface_mask, &n.outIface, &n.outWildcard);
        if (e.ipv6.proto > 0xff)
            return bad("protocol out of range");
        n.proto = quint8(e.ipv6.proto);
        n.isGoto = e.ipv6.flags & IP6T_F_GOTO;
        inv = e.ipv6.invflags;
        targetOffset = e.target_offset;
        nextOffset = e.next_offset;
    }
    n.inInverted = inv & IPT_INV_VIA_IN;
    n.outInverted = inv & IPT_INV_VIA_OUT;
    n.src.inverted = inv & IPT_INV_SRCIP;
    n.dst.inverted = inv & IPT_INV_DSTIP;
    n.protoInverted = inv & XT_INV_PROTO;
    n.src.set = n.src.inverted || n.src.addr.count('\0') != n.src.addr.size() ||
                n.src.mask.count('\0') != n.src.mask.size();
    n.dst.set = n.dst.inverted || n.dst.addr.count('\0') != n.dst.addr.size() ||
                n.dst.mask.count('\0') != n.dst.mask.size();
    if (targetOffset < header || nextOffset > size || targetOffset + kExtHeader > nextOffset)
        return bad("offsets outside the entry");
    size_t off = header;
    auto ext = [&](size_t at, size_t limit, Match *m) {
        quint16 s = 0;
        std::memcpy(&s, p + at, 2);
        if (s < kExtHeader || s > limit - at || s % 8)
            return size_t(0);
        const char *name = reinterpret_cast<const char *>(p + at + 2);
        const size_t len = strnlen(name, kNameField);
        if (len == kNameField)
            return size_t(0);
        m->name = QByteArray(name, int(len));
        m->revision = p[at + 2 + kNameField];
        m->data =
            QByteArray(reinterpret_cast<const char *>(p + at + kExtHeader), int(s - kExtHeader));
        return size_t(s);
    };
    while (off < targetOffset) {
        if (targetOffset - off < kExtHeader)
            return bad("truncated match");
        Match m;
        const size_t s = ext(off, targetOffset, &m);
        if (!s)
            return bad("malformed match");
        n.matches.append(m);
        off += s;
    }
    Match t;
    if (!ext(targetOffset, nextOffset, &t))
        return bad("malformed target");
    if (standardTarget) {
        // EntryCodec's form of a standard target: the verdict or chain by name.
        n.targetLabel = QString::fromUtf8(t.name);
        return n;
    }
    n.hasTarget = true;
    n.target = t;
    return n;
}

} // namespace Userchain

#include "entrylayout.h"

#include "addresses.h"
#include "xt/xtsupport.h"

// The C library's headers first: the kernel's netfilter headers then skip their own copies.
#include <netinet/in.h>

#include <linux/netfilter/x_tables.h>
#include <linux/netfilter_ipv4/ip_tables.h>
#include <linux/netfilter_ipv6/ip6_tables.h>

#include <algorithm>
#include <cstring>

namespace Userchain {
namespace EntryLayout {

static_assert(MatchHeader == sizeof(struct xt_entry_match) &&
                  MatchHeader == sizeof(struct xt_entry_target),
              "match and target headers");
static_assert(NameField == XT_EXTENSION_MAXNAMELEN, "extension name field");
static_assert(StandardTarget == XT_ALIGN(sizeof(struct xt_standard_target)), "standard target");

namespace {

bool isZero(const quint8 *p, size_t n)
{
    for (size_t i = 0; i < n; ++i)
        if (p[i])
            return false;
    return true;
}

/// xtables_parse_interface: the name as given ("br-+" keeps its '+'); the mask covers the name
/// and its terminating zero, or only the part before a trailing '+'.
bool iface(const QString &text, char *name, quint8 *mask, QString *error)
{
    // Most rules have no interface, and the conversion allocates.
    const QByteArray bytes = text.isEmpty() ? QByteArray() : text.toUtf8();
    if (bytes.size() >= IFNAMSIZ || bytes.contains('\0'))
        return Xt::fail(QStringLiteral("interface name \"%1\" is too long").arg(text), error);
    std::memset(name, 0, IFNAMSIZ);
    std::memset(mask, 0, IFNAMSIZ);
    if (bytes.isEmpty())
        return true;
    std::memcpy(name, bytes.constData(), size_t(bytes.size()));
    if (bytes.endsWith('+'))
        std::memset(mask, 0xff, size_t(bytes.size() - 1));
    else
        std::memset(mask, 0xff, size_t(bytes.size() + 1));
    return true;
}

} // namespace

quint8 gotoFlag(Family f)
{
    return f == Family::IPv4 ? IPT_F_GOTO : IP6T_F_GOTO;
}

size_t headerSize(Family f)
{
    return f == Family::IPv4 ? sizeof(struct ipt_entry) : sizeof(struct ip6t_entry);
}

/// Reads the header; the caller has checked size >= headerSize(f).
Header readHeader(const quint8 *p, Family f)
{
    Header h;
    if (f == Family::IPv4) {
        struct ipt_entry e;
        std::memcpy(&e, p, sizeof(e));
        std::memcpy(h.src, &e.ip.src, 4);
        std::memcpy(h.dst, &e.ip.dst, 4);
        std::memcpy(h.smsk, &e.ip.smsk, 4);
        std::memcpy(h.dmsk, &e.ip.dmsk, 4);
        std::memcpy(h.iniface, e.ip.iniface, IFNAMSIZ);
        std::memcpy(h.outiface, e.ip.outiface, IFNAMSIZ);
        std::memcpy(h.inmask, e.ip.iniface_mask, IFNAMSIZ);
        std::memcpy(h.outmask, e.ip.outiface_mask, IFNAMSIZ);
        h.proto = e.ip.proto;
        h.flags = e.ip.flags;
        h.invflags = e.ip.invflags;
        h.nfcache = e.nfcache;
        h.targetOffset = e.target_offset;
        h.nextOffset = e.next_offset;
        h.comefrom = e.comefrom;
        h.packets = e.counters.pcnt;
        h.bytes = e.counters.bcnt;
    } else {
        struct ip6t_entry e;
        std::memcpy(&e, p, sizeof(e));
        std::memcpy(h.src, &e.ipv6.src, 16);
        std::memcpy(h.dst, &e.ipv6.dst, 16);
        std::memcpy(h.smsk, &e.ipv6.smsk, 16);
        std::memcpy(h.dmsk, &e.ipv6.dmsk, 16);
        std::memcpy(h.iniface, e.ipv6.iniface, IFNAMSIZ);
        std::memcpy(h.outiface, e.ipv6.outiface, IFNAMSIZ);
        std::memcpy(h.inmask, e.ipv6.iniface_mask, IFNAMSIZ);
        std::memcpy(h.outmask, e.ipv6.outiface_mask, IFNAMSIZ);
        h.proto = e.ipv6.proto;
        h.tos = e.ipv6.tos;
        h.flags = e.ipv6.flags;
        h.invflags = e.ipv6.invflags;
        h.nfcache = e.nfcache;
        h.targetOffset = e.target_offset;
        h.nextOffset = e.next_offset;
        h.comefrom = e.comefrom;
        h.packets = e.counters.pcnt;
        h.bytes = e.counters.bcnt;
    }
    return h;
}

/// Writes the header's headerSize(f) bytes to out.
void writeHeaderTo(const Header &h, Family f, char *out)
{
    if (f == Family::IPv4) {
        struct ipt_entry e;
        std::memset(&e, 0, sizeof(e));
        std::memcpy(&e.ip.src, h.src, 4);
        std::memcpy(&e.ip.dst, h.dst, 4);
        std::memcpy(&e.ip.smsk, h.smsk, 4);
        std::memcpy(&e.ip.dmsk, h.dmsk, 4);
        std::memcpy(e.ip.iniface, h.iniface, IFNAMSIZ);
        std::memcpy(e.ip.outiface, h.outiface, IFNAMSIZ);
        std::memcpy(e.ip.iniface_mask, h.inmask, IFNAMSIZ);
        std::memcpy(e.ip.outiface_mask, h.outmask, IFNAMSIZ);
        e.ip.proto = h.proto;
        e.ip.flags = h.flags;
        e.ip.invflags = h.invflags;
        e.nfcache = h.nfcache;
        e.target_offset = h.targetOffset;
        e.next_offset = h.nextOffset;
        e.comefrom = h.comefrom;
        e.counters.pcnt = h.packets;
        e.counters.bcnt = h.bytes;
        std::memcpy(out, &e, sizeof(e));
    } else {
        struct ip6t_entry e;
        std::memset(&e, 0, sizeof(e));
        std::memcpy(&e.ipv6.src, h.src, 16);
        std::memcpy(&e.ipv6.dst, h.dst, 16);
        std::memcpy(&e.ipv6.smsk, h.smsk, 16);
        std::memcpy(&e.ipv6.dmsk, h.dmsk, 16);
        std::memcpy(e.ipv6.iniface, h.iniface, IFNAMSIZ);
        std::memcpy(e.ipv6.outiface, h.outiface, IFNAMSIZ);
        std::memcpy(e.ipv6.iniface_mask, h.inmask, IFNAMSIZ);
        std::memcpy(e.ipv6.outiface_mask, h.outmask, IFNAMSIZ);
        e.ipv6.proto = h.proto;
        e.ipv6.tos = h.tos;
        e.ipv6.flags = h.flags;
        e.ipv6.invflags = h.invflags;
        e.nfcache = h.nfcache;
        e.target_offset = h.targetOffset;
        e.next_offset = h.nextOffset;
        e.comefrom = h.comefrom;
        e.counters.pcnt = h.packets;
        e.counters.bcnt = h.bytes;
        std::memcpy(out, &e, sizeof(e));
    }
}

size_t interfaceOffset(Family f)
{
    return f == Family::IPv4 ? offsetof(struct ipt_entry, ip.iniface)
                             : offsetof(struct ip6t_entry, ipv6.iniface);
}

QByteArray writeHeader(const Header &h, Family f)
{
    QByteArray out(int(headerSize(f)), '\0');
    writeHeaderTo(h, f, out.data());
    return out;
}

std::optional<Layout> layoutOf(const quint8 *p, size_t size, Family f, QString *why)
{
    const size_t hs = headerSize(f);
    auto fail = [why](const QString &message) -> std::optional<Layout> {
        if (why)
            *why = message;
        return std::nullopt;
    };
    if (!p || size < hs)
        return fail(QStringLiteral("entry shorter than its header"));
    Layout l;
    l.header = readHeader(p, f);
    const size_t to = l.header.targetOffset;
    const size_t no = l.header.nextOffset;
    if (to < hs || to % 8 || no % 8)
        return fail(QStringLiteral("target offset %1 / next offset %2 misplaced").arg(to).arg(no));
    if (no > size || to + MatchHeader > no)
        return fail(QStringLiteral("next offset %1 outside the entry").arg(no));

    // Reads a name field that must be zero-terminated inside its 29 bytes.
    auto readName = [&](size_t offset, QByteArrayView *name) {
        const char *field = reinterpret_cast<const char *>(p + offset + 2);
        const size_t len = strnlen(field, NameField);
        if (len == NameField)
            return false;
        *name = QByteArrayView(field, qsizetype(len));
        return true;
    };

    size_t off = hs;
    while (off < to) {
        if (to - off < MatchHeader)
            return fail(QStringLiteral("truncated match at %1").arg(off));
        quint16 ms = 0;
        std::memcpy(&ms, p + off, sizeof(ms));
        if (ms < MatchHeader || ms > to - off || ms % 8)
            return fail(QStringLiteral("match size %1 at %2 out of bounds").arg(ms).arg(off));
        Extension m;
        m.offset = off;
        m.size = ms;
        if (!readName(off, &m.name))
            return fail(QStringLiteral("unterminated match name at %1").arg(off));
        m.revision = p[off + 2 + NameField];
        l.matches.append(m);
        off += ms;
    }
    quint16 ts = 0;
    std::memcpy(&ts, p + to, sizeof(ts));
    if (ts < MatchHeader || ts > no - to || ts % 8)
        return fail(QStringLiteral("target size %1 out of bounds").arg(ts));
    l.target.offset = to;
    l.target.size = ts;
    if (!readName(to, &l.target.name))
        return fail(QStringLiteral("unterminated target name"));
    l.target.revision = p[to + 2 + NameField];
    return l;
}

/// Builds an xt_entry_match / xt_entry_target: header, data, zero padding to 8 bytes.
QByteArray extensionBlob(const QByteArray &name, quint8 revision, const QByteArray &data)
{
    const size_t total = MatchHeader + align8(size_t(data.size()));
    QByteArray blob(int(total), '\0');
    const quint16 size16 = quint16(total);
    std::memcpy(blob.data(), &size16, sizeof(size16));
    std::memcpy(blob.data() + 2, name.constData(), std::min(size_t(name.size()), NameField - 1));
    blob[int(2 + NameField)] = char(revision);
    if (!data.isEmpty())
        std::memcpy(blob.data() + MatchHeader, data.constData(), size_t(data.size()));
    return blob;
}

QByteArray extensionData(const quint8 *entry, const Extension &ext)
{
    return QByteArray(reinterpret_cast<const char *>(entry + ext.offset + MatchHeader),
                      int(ext.size - MatchHeader));
}

bool encodeHeader(const Rule &rule, Family f, Header *h, QString *error)
{
    const bool v4 = f == Family::IPv4;
    auto fail = [error](const QString &message) {
        return Xt::fail(message, error);
    };
    if (rule.family != f)
        return fail(QStringLiteral("rule is for the other address family"));
    if (!rule.source.isEmpty() && !Xt::parseNetwork(rule.source, f, h->src, h->smsk, true))
        return fail(QStringLiteral("source \"%1\" cannot be encoded").arg(rule.source));
    if (!rule.destination.isEmpty() &&
        !Xt::parseNetwork(rule.destination, f, h->dst, h->dmsk, true))
        return fail(QStringLiteral("destination \"%1\" cannot be encoded").arg(rule.destination));
    if (!iface(rule.inInterface, h->iniface, h->inmask, error) ||
        !iface(rule.outInterface, h->outiface, h->outmask, error))
        return false;
    // The inversion bits have the same values in both families.
    if (rule.sourceNegated)
        h->invflags |= IPT_INV_SRCIP;
    if (rule.destinationNegated)
        h->invflags |= IPT_INV_DSTIP;
    if (rule.inInterfaceNegated)
        h->invflags |= IPT_INV_VIA_IN;
    if (rule.outInterfaceNegated)
        h->invflags |= IPT_INV_VIA_OUT;
    if (!rule.protocol.isEmpty()) {
        const auto number = Addresses::protocolNumber(rule.protocol);
        if (!number)
            return fail(QStringLiteral("unknown protocol \"%1\"").arg(rule.protocol));
        h->proto = quint16(*number);
        if (!v4)
            h->flags |= IP6T_F_PROTO; // ip6tables-legacy sets it whenever -p is given
    }
    if (rule.protocolNegated)
        h->invflags |= XT_INV_PROTO;
    if (rule.fragment || rule.fragmentNegated) {
        if (!v4)
            return fail(QStringLiteral("\"-f\" exists only for IPv4"));
        if (rule.fragment)
            h->flags |= IPT_F_FRAG;
        if (rule.fragmentNegated)
            h->invflags |= IPT_INV_FRAG;
    }
    if (rule.target.isGoto)
        h->flags |= gotoFlag(f);
    return true;
}

QString headerText(const Header &h, Family f)
{
    const bool v4 = f == Family::IPv4;
    Xt::SaveText t;

    // save_ipv4_addr / save_ipv6_addr
    const struct
    {
        char letter;
        const quint8 *addr, *mask;
        bool inv;
    } addrs[] = {{'s', h.src, h.smsk, bool(h.invflags & IPT_INV_SRCIP)},
                 {'d', h.dst, h.dmsk, bool(h.invflags & IPT_INV_DSTIP)}};
    for (const auto &a : addrs) {
        const int cidr = Xt::maskToCidr(a.mask, f);
        if (v4 ? (isZero(a.mask, 4) && !a.inv && isZero(a.addr, 4)) : (!a.inv && cidr == 0))
            continue;
        const QString mask = cidr < 0 ? Xt::ipToText(a.mask, f) : QString::number(cidr);
        t.option(a.inv, QStringLiteral("-%1 %2/%3")
                            .arg(QLatin1Char(a.letter))
                            .arg(Xt::ipToText(a.addr, f), mask));
    }
    // save_iface: the name up to the end of the mask, '+' when the mask stops inside it.
    const struct
    {
        char letter;
        const char *name;
        const quint8 *mask;
        bool inv;
    } ifaces[] = {{'i', h.iniface, h.inmask, bool(h.invflags & IPT_INV_VIA_IN)},
                  {'o', h.outiface, h.outmask, bool(h.invflags & IPT_INV_VIA_OUT)}};
    for (const auto &ifc : ifaces) {
        if (ifc.mask[0] == 0)
            continue;
        QByteArray name;
        for (int i = 0; i < IFNAMSIZ; ++i) {
            if (ifc.mask[i] != 0) {
                if (ifc.name[i] != '\0')
                    name += ifc.name[i];
            } else {
                if (ifc.name[i - 1] != '\0')
                    name += '+';
                break;
            }
        }
        t.option(
            ifc.inv,
            QStringLiteral("-%1 %2").arg(QLatin1Char(ifc.letter)).arg(QString::fromUtf8(name)));
    }
    if (h.proto > 0)
        t.option(h.invflags & XT_INV_PROTO,
                 QStringLiteral("-p ") + Addresses::protocolName(h.proto));
    if (v4 && (h.flags & IPT_F_FRAG))
        t.option(h.invflags & IPT_INV_FRAG, QStringLiteral("-f"));
    return t.text();
}

} // namespace EntryLayout
} // namespace Userchain

/*
 * Why Userchain encodes kernel rule entries itself instead of using libxtables
 * ============================================================================
 *
 * The helper has to turn a Rule into the bytes the kernel stores (`struct ipt_entry` or
 * `struct ip6t_entry`, then one `xt_entry_match` per match, then one `xt_entry_target`) and
 * back. iptables does this with libxtables and its extension plug-ins (libxt_*.so), which give
 * iptables' exact behaviour for every extension. We decided against using them in the helper:
 *
 *  - libxtables reports every parse or print problem through `xtables_error()`, which calls
 *    `exit()`; a long-lived root D-Bus service would die on one bad rule (or would have to
 *    fork per call). It also keeps process-global state (the loaded extension list, the
 *    `xt_params`/`afinfo` globals set by `xtables_init_all()`, the option merge tables), so
 *    IPv4 and IPv6 cannot be mixed in one process without care, and every call has to reset it.
 *  - The plug-ins are dlopen()ed from the file system at run time: code the helper does not
 *    control runs as root inside it.
 *  - Printing goes to stdout through printf; capturing it means redirecting file descriptors.
 *  - Userchain supports a small, fixed set of matches and targets (see core/extensions.cpp).
 *    For those, the kernel structures are small, documented uapi structs; a codec of our own
 *    is about a thousand lines, can be bounded (every size it writes is computed here, every
 *    size it reads is checked against the buffer first) and fuzzed, and cannot take the
 *    process down.
 *
 * What we give up is iptables' behaviour for extensions we do not know; those rules are never
 * re-encoded but kept as the kernel's bytes (see below), so they still survive an edit.
 *
 * Fidelity is measured, not assumed: the tests (tests/backends/tst_entrycodec.cpp) load rules
 * with iptables-legacy, read the kernel's bytes and require (a) our decoder's text to equal
 * iptables-legacy-save's line and (b) our encoding of the parsed line to equal the bytes
 * iptables-legacy-restore makes of it. At run time the same check guards every rule read from
 * the kernel: a rule is offered as an editable Rule only if encoding its parsed text gives back
 * the kernel's entry (up to bytes the kernel ignores, see normalized()); anything else (unknown
 * extension, option the parser lacks, old revision, a field iptables-save does not show) is
 * kept verbatim and written back unchanged.
 *
 * Revisions written (those iptables 1.8.9 picks on current kernels): tcp 0, udp 0, icmp 0,
 * icmp6 0, multiport 1, iprange 1, conntrack 3 (also for `-m state`, as iptables' alias with
 * XT_CONNTRACK_STATE_ALIAS), addrtype 1, set 4, mac 0, limit 0, comment 0; targets: standard,
 * REJECT 0 (ipt_reject_info / ip6t_reject_info), LOG 0, DNAT 2 (nf_nat_range2), MASQUERADE 0
 * (nf_nat_ipv4_multi_range_compat / nf_nat_range). Decoded for display besides: conntrack 1
 * and 2, state 0, multiport 0, set 1 and 2, DNAT 0 and 1, SNAT 0 and 1.
 */
#include "entrycodec.h"

#include "addresses.h"
#include "extensions.h"
#include "ruleparser.h"

#include <QHash>
#include <QMutex>
#include <QVarLengthArray>
#include <QVector>

#include <arpa/inet.h>
#include <climits>
#include <cstring>
#include <linux/if_ether.h>
#include <linux/netfilter/ipset/ip_set.h>
#include <linux/netfilter/nf_conntrack_common.h>
#include <linux/netfilter/nf_nat.h>
#include <linux/netfilter/x_tables.h>
#include <linux/netfilter/xt_LOG.h>
#include <linux/netfilter/xt_addrtype.h>
#include <linux/netfilter/xt_comment.h>
#include <linux/netfilter/xt_conntrack.h>
#include <linux/netfilter/xt_iprange.h>
#include <linux/netfilter/xt_limit.h>
#include <linux/netfilter/xt_mac.h>
#include <linux/netfilter/xt_multiport.h>
#include <linux/netfilter/xt_set.h>
#include <linux/netfilter/xt_state.h>
#include <linux/netfilter/xt_tcpudp.h>
#include <linux/netfilter_ipv4/ip_tables.h>
#include <linux/netfilter_ipv4/ipt_REJECT.h>
#include <linux/netfilter_ipv6/ip6_tables.h>
#include <linux/netfilter_ipv6/ip6t_REJECT.h>
#include <netinet/in.h>
#include <sys/socket.h>

namespace Userchain {

namespace {

constexpr size_t kMatchHeader = sizeof(struct xt_entry_match);
constexpr size_t kTargetHeader = sizeof(struct xt_entry_target);
constexpr size_t kStandardTargetSize = XT_ALIGN(sizeof(struct xt_standard_target));
constexpr size_t kNameField = XT_EXTENSION_MAXNAMELEN; // 29, including the terminating zero
constexpr int kLogDefaultLevel = 4;                    // LOG_WARNING
constexpr quint32 kLimitDefaultBurst = 5;

constexpr size_t align8(size_t n)
{
    return XT_ALIGN(n);
}

// ---------------------------------------------------------------------------------------
// The family-independent view of an entry header. Both kernel layouts are read into and
// written from this with memcpy, so nothing depends on the alignment of the input bytes.

struct Header
{
    quint8 src[16] = {}, dst[16] = {}, smsk[16] = {}, dmsk[16] = {};
    char iniface[IFNAMSIZ] = {}, outiface[IFNAMSIZ] = {};
    quint8 inmask[IFNAMSIZ] = {}, outmask[IFNAMSIZ] = {};
    quint16 proto = 0;
    quint8 tos = 0;
    quint8 flags = 0;
    quint8 invflags = 0;
    quint32 nfcache = 0;
    quint16 targetOffset = 0;
    quint16 nextOffset = 0;
    quint32 comefrom = 0;
    quint64 packets = 0;
    quint64 bytes = 0;
};

// Flag values that differ between the families.
quint8 gotoFlag(Family f)
{
    return f == Family::IPv4 ? IPT_F_GOTO : IP6T_F_GOTO;
}

size_t headerSizeOf(Family f)
{
    return f == Family::IPv4 ? sizeof(struct ipt_entry) : sizeof(struct ip6t_entry);
}

size_t addrLen(Family f)
{
    return f == Family::IPv4 ? 4 : 16;
}

int addressFamily(Family f)
{
    return f == Family::IPv4 ? AF_INET : AF_INET6;
}

/// Reads the header; the caller has checked size >= headerSizeOf(f).
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

/// Writes the header's headerSizeOf(f) bytes to out.
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

QByteArray writeHeader(const Header &h, Family f)
{
    QByteArray out(int(headerSizeOf(f)), '\0');
    writeHeaderTo(h, f, out.data());
    return out;
}

// ---------------------------------------------------------------------------------------
// Layout: where the matches and the target are, checked against the buffer before any of
// them is read.

struct Extension
{
    size_t offset = 0;   ///< of the xt_entry_match / xt_entry_target header
    size_t size = 0;     ///< match_size / target_size, header included
    QByteArrayView name; ///< into the entry's bytes, which outlive the layout
    quint8 revision = 0;
};

struct Layout
{
    Header header;
    // Entries have a few matches; every read lays out every entry, so no allocation for them.
    QVarLengthArray<Extension, 8> matches;
    Extension target;
};

std::optional<Layout> layoutOf(const quint8 *p, size_t size, Family f, QString *why)
{
    const size_t hs = headerSizeOf(f);
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
    if (no > size || to + kTargetHeader > no)
        return fail(QStringLiteral("next offset %1 outside the entry").arg(no));

    // Reads a name field that must be zero-terminated inside its 29 bytes.
    auto readName = [&](size_t offset, QByteArrayView *name) {
        const char *field = reinterpret_cast<const char *>(p + offset + 2);
        const size_t len = strnlen(field, kNameField);
        if (len == kNameField)
            return false;
        *name = QByteArrayView(field, qsizetype(len));
        return true;
    };

    size_t off = hs;
    while (off < to) {
        if (to - off < kMatchHeader)
            return fail(QStringLiteral("truncated match at %1").arg(off));
        quint16 ms = 0;
        std::memcpy(&ms, p + off, sizeof(ms));
        if (ms < kMatchHeader || ms > to - off || ms % 8)
            return fail(QStringLiteral("match size %1 at %2 out of bounds").arg(ms).arg(off));
        Extension m;
        m.offset = off;
        m.size = ms;
        if (!readName(off, &m.name))
            return fail(QStringLiteral("unterminated match name at %1").arg(off));
        m.revision = p[off + 2 + kNameField];
        l.matches.append(m);
        off += ms;
    }
    quint16 ts = 0;
    std::memcpy(&ts, p + to, sizeof(ts));
    if (ts < kTargetHeader || ts > no - to || ts % 8)
        return fail(QStringLiteral("target size %1 out of bounds").arg(ts));
    l.target.offset = to;
    l.target.size = ts;
    if (!readName(to, &l.target.name))
        return fail(QStringLiteral("unterminated target name"));
    l.target.revision = p[to + 2 + kNameField];
    return l;
}

/// The data part of an extension, copied into T only if its size is exactly XT_ALIGN(sizeof T).
template <typename T> bool dataAs(const quint8 *entry, const Extension &ext, T *out)
{
    const size_t header = kMatchHeader; // equal to kTargetHeader
    static_assert(kMatchHeader == kTargetHeader, "match and target headers differ");
    if (ext.size != header + align8(sizeof(T)))
        return false;
    std::memset(out, 0, sizeof(T));
    std::memcpy(out, entry + ext.offset + header, sizeof(T));
    return true;
}

/// Builds an xt_entry_match / xt_entry_target: header, data, zero padding to 8 bytes.
QByteArray extensionBlob(const char *name, quint8 revision, const void *data, size_t dataSize)
{
    const size_t total = kMatchHeader + align8(dataSize);
    QByteArray blob(int(total), '\0');
    const quint16 size16 = quint16(total);
    std::memcpy(blob.data(), &size16, sizeof(size16));
    std::strncpy(blob.data() + 2, name, kNameField - 1);
    blob[int(2 + kNameField)] = char(revision);
    if (dataSize)
        std::memcpy(blob.data() + kMatchHeader, data, dataSize);
    return blob;
}

// ---------------------------------------------------------------------------------------
// Text helpers shared by decoder and encoder.

// Protocol names come from /etc/protocols, which the C library opens and parses on every
// lookup; Addresses keeps the answers (per thread as well, for encoding in parallel).
QString protocolName(int number)
{
    return Addresses::protocolName(number);
}

std::optional<int> protocolNumber(const QString &name)
{
    return Addresses::protocolNumber(name);
}

QString ipToText(const quint8 *addr, Family f)
{
    char buf[INET6_ADDRSTRLEN] = {};
    if (!inet_ntop(addressFamily(f), addr, buf, sizeof(buf)))
        return QString();
    return QString::fromLatin1(buf);
}

bool textToIp(QStringView text, Family f, quint8 *out)
{
    if (text.isEmpty() || text.size() > INET6_ADDRSTRLEN)
        return false;
    // As toLatin1() would give it, without allocating (every rule has addresses): a character
    // beyond Latin-1 becomes '?', which inet_pton refuses.
    char latin[INET6_ADDRSTRLEN + 1];
    for (qsizetype i = 0; i < text.size(); ++i)
        latin[i] = text[i].unicode() > 0xff ? '?' : char(text[i].unicode());
    latin[text.size()] = '\0';
    quint8 buf[16] = {};
    if (inet_pton(addressFamily(f), latin, buf) != 1)
        return false;
    std::memcpy(out, buf, addrLen(f));
    return true;
}

/// Prefix length of a contiguous mask, or -1.
int maskToCidr(const quint8 *mask, Family f)
{
    const size_t n = addrLen(f);
    int bits = 0;
    size_t i = 0;
    for (; i < n && mask[i] == 0xff; ++i)
        bits += 8;
    if (i < n) {
        quint8 b = mask[i];
        while (b & 0x80) {
            ++bits;
            b = quint8(b << 1);
        }
        if (b)
            return -1;
        for (++i; i < n; ++i)
            if (mask[i])
                return -1;
    }
    return bits;
}

void cidrToMask(int bits, quint8 *mask, size_t n)
{
    std::memset(mask, 0, n);
    for (size_t i = 0; i < n && bits > 0; ++i, bits -= 8)
        mask[i] = bits >= 8 ? 0xff : quint8(0xff << (8 - bits));
}

bool isZero(const quint8 *p, size_t n)
{
    for (size_t i = 0; i < n; ++i)
        if (p[i])
            return false;
    return true;
}

/// xtables_ipmask_to_numeric / xtables_ip6mask_to_numeric: "" for a full mask, else "/N" or
/// "/dotted".
QString maskSuffix(const quint8 *mask, Family f)
{
    const int cidr = maskToCidr(mask, f);
    if (cidr < 0)
        return QLatin1Char('/') + ipToText(mask, f);
    if (cidr == int(addrLen(f)) * 8)
        return QString();
    return QStringLiteral("/%1").arg(cidr);
}

std::optional<quint64> parseNumber(QStringView text, quint64 max)
{
    if (text.isEmpty() || text.size() > 20)
        return std::nullopt;
    for (const QChar c : text)
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return std::nullopt;
    bool ok = false;
    const quint64 v = text.toULongLong(&ok);
    if (!ok || v > max)
        return std::nullopt;
    return v;
}

/// "80", "1000:2000", ":80" (0..80), "1000:" (1000..65535), as iptables reads port ranges.
bool parsePortRange(const QString &text, quint16 *lo, quint16 *hi)
{
    const int colon = text.indexOf(QLatin1Char(':'));
    if (colon < 0) {
        const auto v = parseNumber(text, 65535);
        if (!v)
            return false;
        *lo = *hi = quint16(*v);
        return true;
    }
    const QString a = text.left(colon);
    const QString b = text.mid(colon + 1);
    const auto va = a.isEmpty() ? std::optional<quint64>(0) : parseNumber(a, 65535);
    const auto vb = b.isEmpty() ? std::optional<quint64>(65535) : parseNumber(b, 65535);
    if (!va || !vb || *va > *vb)
        return false;
    *lo = quint16(*va);
    *hi = quint16(*vb);
    return true;
}

// Name tables, indexed by the kernel value.
const char *const kRtnNames[] = {"UNSPEC",   "UNICAST",   "LOCAL",     "BROADCAST",
                                 "ANYCAST",  "MULTICAST", "BLACKHOLE", "UNREACHABLE",
                                 "PROHIBIT", "THROW",     "NAT",       "XRESOLVE"};
const char *const kTcpFlagNames[] = {"FIN", "SYN", "RST", "PSH", "ACK", "URG"};

struct NamedValue
{
    const char *name;
    quint32 value;
};

// libxt_conntrack's print_state order.
const NamedValue kCtStates[] = {{"INVALID", XT_CONNTRACK_STATE_INVALID},
                                {"NEW", XT_CONNTRACK_STATE_BIT(IP_CT_NEW)},
                                {"RELATED", XT_CONNTRACK_STATE_BIT(IP_CT_RELATED)},
                                {"ESTABLISHED", XT_CONNTRACK_STATE_BIT(IP_CT_ESTABLISHED)},
                                {"UNTRACKED", XT_CONNTRACK_STATE_UNTRACKED},
                                {"SNAT", XT_CONNTRACK_STATE_SNAT},
                                {"DNAT", XT_CONNTRACK_STATE_DNAT}};
const NamedValue kCtStatus[] = {{"EXPECTED", IPS_EXPECTED},
                                {"SEEN_REPLY", IPS_SEEN_REPLY},
                                {"ASSURED", IPS_ASSURED},
                                {"CONFIRMED", IPS_CONFIRMED}};

// The reject types, indexed by enum ipt_reject_with / ip6t_reject_with (nullptr: iptables
// cannot write that value).
const char *const kReject4[] = {"icmp-net-unreachable",
                                "icmp-host-unreachable",
                                "icmp-proto-unreachable",
                                "icmp-port-unreachable",
                                nullptr,
                                "icmp-net-prohibited",
                                "icmp-host-prohibited",
                                "tcp-reset",
                                "icmp-admin-prohibited"};
const char *const kReject6[] = {"icmp6-no-route",
                                "icmp6-adm-prohibited",
                                nullptr,
                                "icmp6-addr-unreachable",
                                "icmp6-port-unreachable",
                                nullptr,
                                "tcp-reset",
                                "icmp6-policy-fail",
                                "icmp6-reject-route"};

const NamedValue kLogFlags[] = {{"--log-tcp-sequence", XT_LOG_TCPSEQ},
                                {"--log-tcp-options", XT_LOG_TCPOPT},
                                {"--log-ip-options", XT_LOG_IPOPT},
                                {"--log-uid", XT_LOG_UID},
                                {"--log-macdecode", XT_LOG_MACDECODE}};

/// A comma-separated list of names printed in table order for the bits set.
template <size_t N> QString namesOf(quint32 mask, const NamedValue (&table)[N])
{
    QStringList out;
    for (const NamedValue &nv : table)
        if (mask & nv.value)
            out << QLatin1String(nv.name);
    return out.join(QLatin1Char(','));
}

template <size_t N>
std::optional<quint32> maskOf(const QString &list, const NamedValue (&table)[N], bool allowNone)
{
    quint32 mask = 0;
    for (const QString &item : list.split(QLatin1Char(','))) {
        if (allowNone && item == QLatin1String("NONE"))
            continue;
        bool found = false;
        for (const NamedValue &nv : table) {
            if (item == QLatin1String(nv.name)) {
                mask |= nv.value;
                found = true;
            }
        }
        if (!found)
            return std::nullopt;
    }
    return mask;
}

QString tcpFlagsText(quint8 flags)
{
    QStringList out;
    for (int i = 0; i < 6; ++i)
        if (flags & (1 << i))
            out << QLatin1String(kTcpFlagNames[i]);
    return out.isEmpty() ? QStringLiteral("NONE") : out.join(QLatin1Char(','));
}

std::optional<quint8> tcpFlagsOf(const QString &text)
{
    quint8 flags = 0;
    for (const QString &item : text.split(QLatin1Char(','))) {
        if (item == QLatin1String("ALL")) {
            flags |= 0x3f;
            continue;
        }
        if (item == QLatin1String("NONE"))
            continue;
        int i = 0;
        while (i < 6 && item != QLatin1String(kTcpFlagNames[i]))
            ++i;
        if (i == 6)
            return std::nullopt;
        flags |= quint8(1 << i);
    }
    return flags;
}

/// Options printed by iptables-save, collected with their leading " ".
class SpecText
{
public:
    void add(const QString &piece)
    {
        m_text += QLatin1Char(' ');
        m_text += piece;
    }
    void option(bool negated, const QString &text)
    {
        add(negated ? QLatin1String("! ") + text : text);
    }
    QString text() const { return m_text.mid(1); }

private:
    QString m_text;
};

// ---------------------------------------------------------------------------------------
// Decoding of matches and targets. Each returns false for data it cannot read (size or
// revision unknown, values iptables-save would not print sensibly); the caller then names the
// extension as not understood. Text is appended exactly as iptables-legacy-save prints it.

struct DecodeContext
{
    Family family;
    const IpsetLookup *ipsets;
    const quint8 *entry;
};

bool decodePorts(SpecText &t, const char *option, const quint16 *ports, bool inverted)
{
    if (ports[0] != 0 || ports[1] != 0xffff) {
        const QString v = ports[0] == ports[1]
                              ? QString::number(ports[0])
                              : QStringLiteral("%1:%2").arg(ports[0]).arg(ports[1]);
        t.option(inverted, QLatin1String(option) + QLatin1Char(' ') + v);
    }
    return true;
}

bool decodeTcp(const DecodeContext &c, const Extension &m, SpecText &t)
{
    struct xt_tcp info;
    if (m.revision != 0 || !dataAs(c.entry, m, &info))
        return false;
    if ((info.flg_mask | info.flg_cmp) & ~0x3f)
        return false; // libxt_tcp's print loop would run past its table
    decodePorts(t, "--sport", info.spts, info.invflags & XT_TCP_INV_SRCPT);
    decodePorts(t, "--dport", info.dpts, info.invflags & XT_TCP_INV_DSTPT);
    if (info.option || (info.invflags & XT_TCP_INV_OPTION))
        t.option(info.invflags & XT_TCP_INV_OPTION,
                 QStringLiteral("--tcp-option %1").arg(info.option));
    if (info.flg_mask || (info.invflags & XT_TCP_INV_FLAGS))
        t.option(info.invflags & XT_TCP_INV_FLAGS,
                 QStringLiteral("--tcp-flags %1 %2")
                     .arg(tcpFlagsText(info.flg_mask), tcpFlagsText(info.flg_cmp)));
    return true;
}

bool decodeUdp(const DecodeContext &c, const Extension &m, SpecText &t)
{
    struct xt_udp info;
    if (m.revision != 0 || !dataAs(c.entry, m, &info))
        return false;
    decodePorts(t, "--sport", info.spts, info.invflags & XT_UDP_INV_SRCPT);
    decodePorts(t, "--dport", info.dpts, info.invflags & XT_UDP_INV_DSTPT);
    return true;
}

bool decodeIcmp(const DecodeContext &c, const Extension &m, SpecText &t)
{
    // struct ipt_icmp and struct ip6t_icmp have the same layout.
    struct ipt_icmp info;
    if (m.revision != 0 || !dataAs(c.entry, m, &info))
        return false;
    const bool v4 = c.family == Family::IPv4;
    QString value;
    if (v4 && info.type == 0xff) {
        value = QStringLiteral("any"); // libipt_icmp's special case, whatever the codes
    } else {
        value = QString::number(info.type);
        if (info.code[0] != 0 || info.code[1] != 0xff)
            value += QStringLiteral("/%1").arg(info.code[0]);
    }
    t.option(info.invflags & IPT_ICMP_INV,
             (v4 ? QStringLiteral("--icmp-type ") : QStringLiteral("--icmpv6-type ")) + value);
    return true;
}

bool decodeMultiport(const DecodeContext &c, const Extension &m, SpecText &t)
{
    quint8 flags = 0, count = 0, invert = 0;
    const quint16 *ports = nullptr;
    const quint8 *pflags = nullptr;
    struct xt_multiport v0;
    struct xt_multiport_v1 v1;
    if (m.revision == 1 && dataAs(c.entry, m, &v1)) {
        flags = v1.flags;
        count = v1.count;
        ports = v1.ports;
        pflags = v1.pflags;
        invert = v1.invert;
    } else if (m.revision == 0 && dataAs(c.entry, m, &v0)) {
        flags = v0.flags;
        count = v0.count;
        ports = v0.ports;
    } else {
        return false;
    }
    static const char *const names[] = {"--sports", "--dports", "--ports"};
    if (flags > XT_MULTIPORT_EITHER || count > XT_MULTI_PORTS)
        return false;
    QStringList items;
    for (int i = 0; i < count; ++i) {
        QString item = QString::number(ports[i]);
        if (pflags && pflags[i]) {
            if (i + 1 >= XT_MULTI_PORTS)
                return false;
            item += QStringLiteral(":%1").arg(ports[++i]);
        }
        items << item;
    }
    t.option(invert, QLatin1String(names[flags]) + QLatin1Char(' ') + items.join(QLatin1Char(',')));
    return true;
}

bool decodeIprange(const DecodeContext &c, const Extension &m, SpecText &t)
{
    struct xt_iprange_mtinfo info;
    if (m.revision != 1 || !dataAs(c.entry, m, &info))
        return false;
    const quint8 *a = reinterpret_cast<const quint8 *>(&info.src_min);
    const quint8 *b = reinterpret_cast<const quint8 *>(&info.src_max);
    if (info.flags & IPRANGE_SRC)
        t.option(
            info.flags & IPRANGE_SRC_INV,
            QStringLiteral("--src-range %1-%2").arg(ipToText(a, c.family), ipToText(b, c.family)));
    a = reinterpret_cast<const quint8 *>(&info.dst_min);
    b = reinterpret_cast<const quint8 *>(&info.dst_max);
    if (info.flags & IPRANGE_DST)
        t.option(
            info.flags & IPRANGE_DST_INV,
            QStringLiteral("--dst-range %1-%2").arg(ipToText(a, c.family), ipToText(b, c.family)));
    return true;
}

QString addrTypes(quint16 mask)
{
    QStringList out;
    for (size_t i = 0; i < std::size(kRtnNames); ++i)
        if (mask & (1u << i))
            out << QLatin1String(kRtnNames[i]);
    return out.join(QLatin1Char(','));
}

bool decodeAddrtype(const DecodeContext &c, const Extension &m, SpecText &t)
{
    struct xt_addrtype_info_v1 info;
    if (m.revision != 1 || !dataAs(c.entry, m, &info))
        return false;
    if (info.source)
        t.option(info.flags & XT_ADDRTYPE_INVERT_SOURCE,
                 QStringLiteral("--src-type ") + addrTypes(info.source));
    if (info.dest)
        t.option(info.flags & XT_ADDRTYPE_INVERT_DEST,
                 QStringLiteral("--dst-type ") + addrTypes(info.dest));
    if (info.flags & XT_ADDRTYPE_LIMIT_IFACE_IN)
        t.add(QStringLiteral("--limit-iface-in"));
    if (info.flags & XT_ADDRTYPE_LIMIT_IFACE_OUT)
        t.add(QStringLiteral("--limit-iface-out"));
    return true;
}

bool decodeMac(const DecodeContext &c, const Extension &m, SpecText &t)
{
    struct xt_mac_info info;
    if (m.revision != 0 || !dataAs(c.entry, m, &info))
        return false;
    QStringList bytes;
    for (int i = 0; i < ETH_ALEN; ++i)
        bytes << QStringLiteral("%1").arg(info.srcaddr[i], 2, 16, QLatin1Char('0'));
    t.option(info.invert != 0, QStringLiteral("--mac-source ") + bytes.join(QLatin1Char(':')));
    return true;
}

bool decodeLimit(const DecodeContext &c, const Extension &m, SpecText &t)
{
    struct xt_rateinfo info;
    if (m.revision != 0 || !dataAs(c.entry, m, &info))
        return false;
    t.add(QStringLiteral("--limit ") + limitRateText(info.avg));
    if (info.burst != kLimitDefaultBurst)
        t.add(QStringLiteral("--limit-burst %1").arg(info.burst));
    return true;
}

/// A zero-terminated string field (at most size - 1 bytes used) as UTF-8 text.
QString fieldText(const char *field, size_t size)
{
    return QString::fromUtf8(field, int(strnlen(field, size - 1)));
}

bool decodeComment(const DecodeContext &c, const Extension &m, SpecText &t)
{
    struct xt_comment_info info;
    if (m.revision != 0 || !dataAs(c.entry, m, &info))
        return false;
    t.add(QStringLiteral("--comment ") + saveQuote(fieldText(info.comment, sizeof(info.comment))));
    return true;
}

QString conntrackAddr(const union nf_inet_addr &addr, const union nf_inet_addr &mask, Family f)
{
    return ipToText(reinterpret_cast<const quint8 *>(&addr), f) +
           maskSuffix(reinterpret_cast<const quint8 *>(&mask), f);
}

/// libxt_conntrack's conntrack_dump in save mode, for revisions 1 to 3 (widened to 3).
void conntrackText(const struct xt_conntrack_mtinfo3 &info, Family f, bool v3, SpecText &t)
{
    const quint16 mf = info.match_flags;
    const quint16 inv = info.invert_flags;
    if (mf & XT_CONNTRACK_STATE) {
        QString states = namesOf(info.state_mask, kCtStates);
        t.option(inv & XT_CONNTRACK_STATE,
                 QLatin1String(mf & XT_CONNTRACK_STATE_ALIAS ? "--state" : "--ctstate") +
                     (states.isEmpty() ? QString() : QLatin1Char(' ') + states));
    }
    if (mf & XT_CONNTRACK_PROTO)
        t.option(inv & XT_CONNTRACK_PROTO, QStringLiteral("--ctproto %1").arg(info.l4proto));
    const struct
    {
        quint16 flag;
        const char *name;
        const union nf_inet_addr &addr, &mask;
    } addrs[] = {{XT_CONNTRACK_ORIGSRC, "--ctorigsrc", info.origsrc_addr, info.origsrc_mask},
                 {XT_CONNTRACK_ORIGDST, "--ctorigdst", info.origdst_addr, info.origdst_mask},
                 {XT_CONNTRACK_REPLSRC, "--ctreplsrc", info.replsrc_addr, info.replsrc_mask},
                 {XT_CONNTRACK_REPLDST, "--ctrepldst", info.repldst_addr, info.repldst_mask}};
    for (const auto &a : addrs)
        if (mf & a.flag)
            t.option(inv & a.flag,
                     QLatin1String(a.name) + QLatin1Char(' ') + conntrackAddr(a.addr, a.mask, f));
    const struct
    {
        quint16 flag;
        const char *name;
        quint16 low, high;
    } ports[] = {
        {XT_CONNTRACK_ORIGSRC_PORT, "--ctorigsrcport", info.origsrc_port, info.origsrc_port_high},
        {XT_CONNTRACK_ORIGDST_PORT, "--ctorigdstport", info.origdst_port, info.origdst_port_high},
        {XT_CONNTRACK_REPLSRC_PORT, "--ctreplsrcport", info.replsrc_port, info.replsrc_port_high},
        {XT_CONNTRACK_REPLDST_PORT, "--ctrepldstport", info.repldst_port, info.repldst_port_high}};
    for (const auto &p : ports) {
        if (!(mf & p.flag))
            continue;
        // Revisions 1 and 2 store one port in network order.
        const quint16 low = v3 ? p.low : ntohs(p.low);
        const quint16 high = v3 ? p.high : 0;
        const QString value = (high == 0 || low == high)
                                  ? QString::number(low)
                                  : QStringLiteral("%1:%2").arg(low).arg(high);
        t.option(inv & p.flag, QLatin1String(p.name) + QLatin1Char(' ') + value);
    }
    if (mf & XT_CONNTRACK_STATUS) {
        QString status = namesOf(info.status_mask, kCtStatus);
        if (info.status_mask == 0)
            status = QStringLiteral("NONE");
        t.option(inv & XT_CONNTRACK_STATUS,
                 QStringLiteral("--ctstatus") +
                     (status.isEmpty() ? QString() : QLatin1Char(' ') + status));
    }
    if (mf & XT_CONNTRACK_EXPIRES) {
        const QString value =
            info.expires_min == info.expires_max
                ? QString::number(info.expires_min)
                : QStringLiteral("%1:%2").arg(info.expires_min).arg(info.expires_max);
        t.option(inv & XT_CONNTRACK_EXPIRES, QStringLiteral("--ctexpire ") + value);
    }
    if (mf & XT_CONNTRACK_DIRECTION)
        t.add(inv & XT_CONNTRACK_DIRECTION ? QStringLiteral("--ctdir REPLY")
                                           : QStringLiteral("--ctdir ORIGINAL"));
}

/// Reads conntrack revisions 1-3 widened to revision 3; sets the name iptables prints.
bool readConntrack(const DecodeContext &c, const Extension &m, struct xt_conntrack_mtinfo3 *out)
{
    std::memset(out, 0, sizeof(*out));
    if (m.revision == 3)
        return dataAs(c.entry, m, out);
    if (m.revision == 2) {
        struct xt_conntrack_mtinfo2 v2;
        if (!dataAs(c.entry, m, &v2))
            return false;
        std::memcpy(out, &v2, sizeof(v2)); // rev 3 only appends fields
        return true;
    }
    if (m.revision == 1) {
        struct xt_conntrack_mtinfo1 v1;
        if (!dataAs(c.entry, m, &v1))
            return false;
        std::memcpy(out, &v1, offsetof(struct xt_conntrack_mtinfo1, state_mask));
        out->state_mask = v1.state_mask;
        out->status_mask = v1.status_mask;
        return true;
    }
    return false;
}

bool decodeStateV0(const DecodeContext &c, const Extension &m, SpecText &t)
{
    struct xt_state_info info;
    if (m.revision != 0 || !dataAs(c.entry, m, &info))
        return false;
    t.add(QStringLiteral("--state ") + namesOf(info.statemask, kCtStates));
    return true;
}

bool decodeSet(const DecodeContext &c, const Extension &m, SpecText &t)
{
    struct xt_set_info set;
    struct xt_set_info_match_v4 v4;
    struct xt_set_info_match_v1 v1;
    bool extended = false;
    if (m.revision == 4 && dataAs(c.entry, m, &v4)) {
        set = v4.match_set;
        extended = true;
    } else if ((m.revision == 1 || m.revision == 2) && dataAs(c.entry, m, &v1)) {
        set = v1.match_set;
    } else {
        return false;
    }
    if (!c.ipsets || !c.ipsets->nameOf || set.dim > IPSET_DIM_MAX)
        return false;
    const auto name = c.ipsets->nameOf(set.index);
    if (!name)
        return false;
    QStringList dirs;
    for (int i = 1; i <= set.dim; ++i)
        dirs << QLatin1String(set.flags & (1 << i) ? "src" : "dst");
    // libxt_set prints the name as it is, unquoted.
    QString option = QStringLiteral("--match-set ") + *name;
    if (!dirs.isEmpty())
        option += QLatin1Char(' ') + dirs.join(QLatin1Char(','));
    t.option(set.flags & IPSET_INV_MATCH, option);
    if (!extended)
        return true;
    if (v4.flags & IPSET_FLAG_RETURN_NOMATCH)
        t.add(QStringLiteral("--return-nomatch"));
    if (v4.flags & IPSET_FLAG_SKIP_COUNTER_UPDATE)
        t.add(QStringLiteral("! --update-counters"));
    if (v4.flags & IPSET_FLAG_SKIP_SUBCOUNTER_UPDATE)
        t.add(QStringLiteral("! --update-subcounters"));
    const struct
    {
        const char *name;
        const struct ip_set_counter_match &c;
    } counters[] = {{"packets", v4.packets}, {"bytes", v4.bytes}};
    for (const auto &counter : counters) {
        const QString value = QString::number(counter.c.value);
        switch (counter.c.op) {
        case IPSET_COUNTER_EQ:
            t.add(QStringLiteral("--%1-eq %2").arg(QLatin1String(counter.name), value));
            break;
        case IPSET_COUNTER_NE:
            t.add(QStringLiteral("! --%1-eq %2").arg(QLatin1String(counter.name), value));
            break;
        case IPSET_COUNTER_LT:
            t.add(QStringLiteral("--%1-lt %2").arg(QLatin1String(counter.name), value));
            break;
        case IPSET_COUNTER_GT:
            t.add(QStringLiteral("--%1-gt %2").arg(QLatin1String(counter.name), value));
            break;
        default:
            break;
        }
    }
    return true;
}

bool decodeReject(const DecodeContext &c, const Extension &m, SpecText &t)
{
    // Read as a plain 32-bit number: ipt_reject_info declares it an enum, and a kernel value
    // outside that enum must not be loaded as one.
    static_assert(sizeof(struct ipt_reject_info) == sizeof(quint32) &&
                      sizeof(struct ip6t_reject_info) == sizeof(quint32),
                  "reject info is one 32-bit value");
    quint32 with = 0;
    if (m.revision != 0 || !dataAs(c.entry, m, &with))
        return false;
    const bool v4 = c.family == Family::IPv4;
    const size_t n = v4 ? std::size(kReject4) : std::size(kReject6);
    const char *name = with < n ? (v4 ? kReject4[with] : kReject6[with]) : nullptr;
    if (!name)
        return false;
    t.add(QStringLiteral("--reject-with ") + QLatin1String(name));
    return true;
}

bool decodeLog(const DecodeContext &c, const Extension &m, SpecText &t)
{
    struct xt_log_info info;
    if (m.revision != 0 || !dataAs(c.entry, m, &info))
        return false;
    if (strnlen(info.prefix, sizeof(info.prefix)) == sizeof(info.prefix))
        return false; // unterminated
    const QString prefix = fieldText(info.prefix, sizeof(info.prefix));
    if (!prefix.isEmpty())
        t.add(QStringLiteral("--log-prefix ") + saveQuote(prefix));
    if (info.level != kLogDefaultLevel)
        t.add(QStringLiteral("--log-level %1").arg(info.level));
    for (const NamedValue &nv : kLogFlags)
        if (info.logflags & nv.value)
            t.add(QLatin1String(nv.name));
    return true;
}

/// libxt_NAT's sprint_range + __NAT_print, on a range widened to nf_nat_range2.
void natText(const struct nf_nat_range2 &r, Family f, const char *rangeOption, bool skipColon,
             SpecText &t)
{
    const bool brackets = f == Family::IPv6 && (r.flags & NF_NAT_RANGE_PROTO_SPECIFIED);
    QString range;
    if (r.flags & NF_NAT_RANGE_MAP_IPS) {
        const quint8 *lo = reinterpret_cast<const quint8 *>(&r.min_addr);
        const quint8 *hi = reinterpret_cast<const quint8 *>(&r.max_addr);
        if (brackets)
            range += QLatin1Char('[');
        range += ipToText(lo, f);
        if (std::memcmp(&r.min_addr, &r.max_addr, sizeof(r.min_addr)) != 0)
            range += QLatin1Char('-') + ipToText(hi, f);
        if (brackets)
            range += QLatin1Char(']');
    }
    if (r.flags & NF_NAT_RANGE_PROTO_SPECIFIED) {
        range += QStringLiteral(":%1").arg(ntohs(r.min_proto.tcp.port));
        if (r.max_proto.tcp.port != r.min_proto.tcp.port)
            range += QStringLiteral("-%1").arg(ntohs(r.max_proto.tcp.port));
        if (r.flags & NF_NAT_RANGE_PROTO_OFFSET)
            range += QStringLiteral("/%1").arg(ntohs(r.base_proto.tcp.port));
    }
    if (!range.isEmpty()) {
        if (skipColon && range.startsWith(QLatin1Char(':')))
            range.remove(0, 1);
        t.add(QLatin1String(rangeOption) + QLatin1Char(' ') + range);
    }
    if (r.flags & NF_NAT_RANGE_PROTO_RANDOM)
        t.add(QStringLiteral("--random"));
    if (r.flags & NF_NAT_RANGE_PROTO_RANDOM_FULLY)
        t.add(QStringLiteral("--random-fully"));
    if (r.flags & NF_NAT_RANGE_PERSISTENT)
        t.add(QStringLiteral("--persistent"));
}

/// Reads any of the three NAT layouts into nf_nat_range2 (revision 0: IPv4 compat struct,
/// revision 1: nf_nat_range, revision 2: nf_nat_range2).
bool readNatRange(const DecodeContext &c, const Extension &m, struct nf_nat_range2 *out)
{
    std::memset(out, 0, sizeof(*out));
    if (m.revision == 2)
        return dataAs(c.entry, m, out);
    if (m.revision == 1) {
        struct nf_nat_range r;
        if (!dataAs(c.entry, m, &r))
            return false;
        std::memcpy(out, &r, sizeof(r)); // nf_nat_range2 only appends base_proto
        return true;
    }
    if (m.revision == 0 && c.family == Family::IPv4) {
        struct nf_nat_ipv4_multi_range_compat mr;
        if (!dataAs(c.entry, m, &mr))
            return false;
        out->flags = mr.range[0].flags;
        out->min_addr.ip = mr.range[0].min_ip;
        out->max_addr.ip = mr.range[0].max_ip;
        out->min_proto = mr.range[0].min;
        out->max_proto = mr.range[0].max;
        return true;
    }
    return false;
}

bool decodeNat(const DecodeContext &c, const Extension &m, SpecText &t)
{
    struct nf_nat_range2 r;
    if (m.name == "MASQUERADE") {
        // MASQUERADE has only revision 0, IPv4 compat struct or IPv6 nf_nat_range.
        if (m.revision != 0)
            return false;
        if (c.family == Family::IPv6) {
            struct nf_nat_range r6;
            if (!dataAs(c.entry, m, &r6))
                return false;
            std::memset(&r, 0, sizeof(r));
            std::memcpy(&r, &r6, sizeof(r6));
        } else if (!readNatRange(c, m, &r)) {
            return false;
        }
        natText(r, c.family, "--to-ports", true, t);
        return true;
    }
    if (m.name == "SNAT" && m.revision == 2)
        return false; // iptables 1.8.9 has no SNAT revision 2
    if (!readNatRange(c, m, &r))
        return false;
    natText(r, c.family, m.name == "SNAT" ? "--to-source" : "--to-destination", false, t);
    return true;
}

// ---------------------------------------------------------------------------------------
// Encoding.

struct Blob
{
    const char *name;
    quint8 revision;
    QByteArray data;
};

template <typename T> QByteArray bytesOf(const T &value)
{
    return QByteArray(reinterpret_cast<const char *>(&value), int(sizeof(T)));
}

class Encoder
{
public:
    Encoder(Family family, const IpsetLookup &ipsets, QString *error)
        : m_family(family), m_ipsets(ipsets), m_error(error)
    {}

    bool header(const Rule &rule, Header *h);
    bool match(const RuleMatch &m, QByteArray *blob);
    bool target(const Rule &rule, QByteArray *blob);

private:
    bool fail(const QString &message)
    {
        if (m_error)
            *m_error = message;
        return false;
    }
    bool badOption(const QString &ext, const RuleOption &o)
    {
        return fail(QStringLiteral("option \"%1\" of \"%2\" cannot be encoded").arg(o.name, ext));
    }
    bool badValue(const QString &ext, const RuleOption &o)
    {
        return fail(QStringLiteral("value \"%1\" of \"%2\" (%3) cannot be encoded")
                        .arg(o.args.join(QLatin1Char(' ')), o.name, ext));
    }
    bool network(const QString &text, quint8 *addr, quint8 *mask, bool applyMask);
    bool iface(const QString &text, char *name, quint8 *mask);

    bool tcp(const RuleMatch &m, Blob *b);
    bool udp(const RuleMatch &m, Blob *b);
    bool icmp(const RuleMatch &m, Blob *b);
    bool multiport(const RuleMatch &m, Blob *b);
    bool iprange(const RuleMatch &m, Blob *b);
    bool conntrack(const RuleMatch &m, Blob *b);
    bool state(const RuleMatch &m, Blob *b);
    bool comment(const RuleMatch &m, Blob *b);
    bool mac(const RuleMatch &m, Blob *b);
    bool limit(const RuleMatch &m, Blob *b);
    bool addrtype(const RuleMatch &m, Blob *b);
    bool set(const RuleMatch &m, Blob *b);
    bool reject(const RuleTarget &t, Blob *b);
    bool log(const RuleTarget &t, Blob *b);
    bool nat(const RuleTarget &t, Blob *b);

    Family m_family;
    const IpsetLookup &m_ipsets;
    QString *m_error;
};

/// "addr", "addr/len" or "addr/mask" into the family's address length; the address is masked
/// when applyMask (as iptables does for -s/-d, not for conntrack's addresses). A bare address
/// gets a full mask.
bool Encoder::network(const QString &text, quint8 *addr, quint8 *mask, bool applyMask)
{
    const size_t n = addrLen(m_family);
    const qsizetype slash = text.indexOf(QLatin1Char('/'));
    const QStringView host = slash < 0 ? QStringView(text) : QStringView(text).left(slash);
    if (!textToIp(host, m_family, addr))
        return false;
    if (slash < 0) {
        std::memset(mask, 0xff, n);
    } else {
        const QStringView m = QStringView(text).mid(slash + 1);
        if (const auto bits = parseNumber(m, n * 8)) {
            cidrToMask(int(*bits), mask, n);
        } else if (!textToIp(m, m_family, mask)) {
            return false;
        }
    }
    if (applyMask)
        for (size_t i = 0; i < n; ++i)
            addr[i] &= mask[i];
    return true;
}

/// xtables_parse_interface: the name as given ("br-+" keeps its '+'); the mask covers the name
/// and its terminating zero, or only the part before a trailing '+'.
bool Encoder::iface(const QString &text, char *name, quint8 *mask)
{
    // Most rules have no interface, and the conversion allocates.
    const QByteArray bytes = text.isEmpty() ? QByteArray() : text.toUtf8();
    if (bytes.size() >= IFNAMSIZ || bytes.contains('\0'))
        return fail(QStringLiteral("interface name \"%1\" is too long").arg(text));
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

bool Encoder::header(const Rule &rule, Header *h)
{
    const bool v4 = m_family == Family::IPv4;
    if (rule.family != m_family)
        return fail(QStringLiteral("rule is for the other address family"));
    if (!rule.source.isEmpty() && !network(rule.source, h->src, h->smsk, true))
        return fail(QStringLiteral("source \"%1\" cannot be encoded").arg(rule.source));
    if (!rule.destination.isEmpty() && !network(rule.destination, h->dst, h->dmsk, true))
        return fail(QStringLiteral("destination \"%1\" cannot be encoded").arg(rule.destination));
    if (!iface(rule.inInterface, h->iniface, h->inmask) ||
        !iface(rule.outInterface, h->outiface, h->outmask))
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
        const auto number = protocolNumber(rule.protocol);
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
        h->flags |= gotoFlag(m_family);
    return true;
}

bool Encoder::tcp(const RuleMatch &m, Blob *b)
{
    struct xt_tcp info;
    std::memset(&info, 0, sizeof(info));
    info.spts[1] = info.dpts[1] = 0xffff;
    for (const RuleOption &o : m.options) {
        if (o.name == QLatin1String("--sport") || o.name == QLatin1String("--dport")) {
            const bool src = o.name == QLatin1String("--sport");
            quint16 *ports = src ? info.spts : info.dpts;
            if (o.args.size() != 1 || !parsePortRange(o.args[0], &ports[0], &ports[1]))
                return badValue(m.name, o);
            if (o.negated)
                info.invflags |= src ? XT_TCP_INV_SRCPT : XT_TCP_INV_DSTPT;
        } else if (o.name == QLatin1String("--tcp-option")) {
            const auto v = o.args.size() == 1 ? parseNumber(o.args[0], 255) : std::nullopt;
            if (!v)
                return badValue(m.name, o);
            info.option = quint8(*v);
            if (o.negated)
                info.invflags |= XT_TCP_INV_OPTION;
        } else if (o.name == QLatin1String("--tcp-flags") || o.name == QLatin1String("--syn")) {
            const bool syn = o.name == QLatin1String("--syn");
            const auto mask = syn ? std::optional<quint8>(0x17) : tcpFlagsOf(o.args.value(0));
            const auto cmp = syn ? std::optional<quint8>(0x02) : tcpFlagsOf(o.args.value(1));
            if (!mask || !cmp || (!syn && o.args.size() != 2))
                return badValue(m.name, o);
            info.flg_mask = *mask;
            info.flg_cmp = *cmp;
            if (o.negated)
                info.invflags |= XT_TCP_INV_FLAGS;
        } else {
            return badOption(m.name, o);
        }
    }
    *b = {"tcp", 0, bytesOf(info)};
    return true;
}

bool Encoder::udp(const RuleMatch &m, Blob *b)
{
    struct xt_udp info;
    std::memset(&info, 0, sizeof(info));
    info.spts[1] = info.dpts[1] = 0xffff;
    for (const RuleOption &o : m.options) {
        const bool src = o.name == QLatin1String("--sport");
        if (!src && o.name != QLatin1String("--dport"))
            return badOption(m.name, o);
        quint16 *ports = src ? info.spts : info.dpts;
        if (o.args.size() != 1 || !parsePortRange(o.args[0], &ports[0], &ports[1]))
            return badValue(m.name, o);
        if (o.negated)
            info.invflags |= src ? XT_UDP_INV_SRCPT : XT_UDP_INV_DSTPT;
    }
    *b = {"udp", 0, bytesOf(info)};
    return true;
}

bool Encoder::icmp(const RuleMatch &m, Blob *b)
{
    const bool v4 = m_family == Family::IPv4;
    struct ipt_icmp info; // same layout as ip6t_icmp
    std::memset(&info, 0, sizeof(info));
    info.type = 0xff; // libipt_icmp's default when no type is given: "any"
    info.code[1] = 0xff;
    for (const RuleOption &o : m.options) {
        if (o.name != QLatin1String(v4 ? "--icmp-type" : "--icmpv6-type"))
            return badOption(m.name, o);
        const QString arg = o.args.value(0);
        if (v4 && arg == QLatin1String("any")) {
            info.type = 0xff;
            info.code[0] = 0;
            info.code[1] = 0xff;
        } else {
            const int slash = arg.indexOf(QLatin1Char('/'));
            const auto type = parseNumber(slash < 0 ? arg : arg.left(slash), 255);
            const auto code =
                slash < 0 ? std::optional<quint64>(0) : parseNumber(arg.mid(slash + 1), 255);
            if (!type || !code)
                return badValue(m.name, o);
            info.type = quint8(*type);
            info.code[0] = quint8(*code);
            info.code[1] = slash < 0 ? 0xff : quint8(*code);
        }
        if (o.negated)
            info.invflags |= IPT_ICMP_INV;
    }
    *b = {v4 ? "icmp" : "icmp6", 0, bytesOf(info)};
    return true;
}

bool Encoder::multiport(const RuleMatch &m, Blob *b)
{
    struct xt_multiport_v1 info;
    std::memset(&info, 0, sizeof(info));
    if (m.options.size() != 1)
        return fail(QStringLiteral("\"-m multiport\" needs exactly one port list"));
    const RuleOption &o = m.options.first();
    if (o.name == QLatin1String("--sports"))
        info.flags = XT_MULTIPORT_SOURCE;
    else if (o.name == QLatin1String("--dports"))
        info.flags = XT_MULTIPORT_DESTINATION;
    else if (o.name == QLatin1String("--ports"))
        info.flags = XT_MULTIPORT_EITHER;
    else
        return badOption(m.name, o);
    int i = 0;
    for (const QString &item : o.args.value(0).split(QLatin1Char(','))) {
        const bool range = item.contains(QLatin1Char(':'));
        quint16 lo = 0, hi = 0;
        if (!parsePortRange(item, &lo, &hi) || i + (range ? 2 : 1) > XT_MULTI_PORTS)
            return badValue(m.name, o);
        info.ports[i] = lo;
        if (range) {
            info.pflags[i] = 1;
            info.ports[++i] = hi;
        }
        ++i;
    }
    info.count = quint8(i);
    info.invert = o.negated ? 1 : 0;
    *b = {"multiport", 1, bytesOf(info)};
    return true;
}

bool Encoder::iprange(const RuleMatch &m, Blob *b)
{
    struct xt_iprange_mtinfo info;
    std::memset(&info, 0, sizeof(info));
    for (const RuleOption &o : m.options) {
        const bool src = o.name == QLatin1String("--src-range");
        if (!src && o.name != QLatin1String("--dst-range"))
            return badOption(m.name, o);
        const QString arg = o.args.value(0);
        const int dash = arg.indexOf(QLatin1Char('-'));
        const QString lo = dash < 0 ? arg : arg.left(dash);
        const QString hi = dash < 0 ? arg : arg.mid(dash + 1);
        auto *min = reinterpret_cast<quint8 *>(src ? &info.src_min : &info.dst_min);
        auto *max = reinterpret_cast<quint8 *>(src ? &info.src_max : &info.dst_max);
        if (!textToIp(lo, m_family, min) || !textToIp(hi, m_family, max))
            return badValue(m.name, o);
        info.flags |= src ? IPRANGE_SRC : IPRANGE_DST;
        if (o.negated)
            info.flags |= src ? IPRANGE_SRC_INV : IPRANGE_DST_INV;
    }
    *b = {"iprange", 1, bytesOf(info)};
    return true;
}

bool Encoder::conntrack(const RuleMatch &m, Blob *b)
{
    struct xt_conntrack_mtinfo3 info;
    std::memset(&info, 0, sizeof(info));
    for (const RuleOption &o : m.options) {
        const QString arg = o.args.value(0);
        quint16 flag = 0;
        if (o.name == QLatin1String("--ctstate")) {
            const auto mask = maskOf(arg, kCtStates, false);
            if (!mask)
                return badValue(m.name, o);
            info.state_mask = quint16(*mask);
            flag = XT_CONNTRACK_STATE;
        } else if (o.name == QLatin1String("--ctstatus")) {
            const auto mask = maskOf(arg, kCtStatus, true);
            if (!mask)
                return badValue(m.name, o);
            info.status_mask = quint16(*mask);
            flag = XT_CONNTRACK_STATUS;
        } else if (o.name == QLatin1String("--ctproto")) {
            const auto number = protocolNumber(arg);
            if (!number || *number == 0)
                return badValue(m.name, o);
            info.l4proto = quint16(*number);
            flag = XT_CONNTRACK_PROTO;
        } else if (o.name == QLatin1String("--ctexpire")) {
            const int colon = arg.indexOf(QLatin1Char(':'));
            const auto lo = parseNumber(colon < 0 ? arg : arg.left(colon), UINT32_MAX);
            const auto hi = parseNumber(colon < 0 ? arg : arg.mid(colon + 1), UINT32_MAX);
            if (!lo || !hi || *lo > *hi)
                return badValue(m.name, o);
            info.expires_min = quint32(*lo);
            info.expires_max = quint32(*hi);
            flag = XT_CONNTRACK_EXPIRES;
        } else if (o.name == QLatin1String("--ctdir")) {
            if (o.negated)
                return badValue(m.name, o);
            if (arg == QLatin1String("REPLY"))
                info.invert_flags |= XT_CONNTRACK_DIRECTION;
            else if (arg != QLatin1String("ORIGINAL"))
                return badValue(m.name, o);
            info.match_flags |= XT_CONNTRACK_DIRECTION;
            continue;
        } else {
            struct AddrOption
            {
                const char *name;
                quint16 flag;
                union nf_inet_addr *addr, *mask;
            };
            const AddrOption addrs[] = {
                {"--ctorigsrc", XT_CONNTRACK_ORIGSRC, &info.origsrc_addr, &info.origsrc_mask},
                {"--ctorigdst", XT_CONNTRACK_ORIGDST, &info.origdst_addr, &info.origdst_mask},
                {"--ctreplsrc", XT_CONNTRACK_REPLSRC, &info.replsrc_addr, &info.replsrc_mask},
                {"--ctrepldst", XT_CONNTRACK_REPLDST, &info.repldst_addr, &info.repldst_mask}};
            struct PortOption
            {
                const char *name;
                quint16 flag;
                quint16 *low, *high;
            };
            const PortOption ports[] = {{"--ctorigsrcport", XT_CONNTRACK_ORIGSRC_PORT,
                                         &info.origsrc_port, &info.origsrc_port_high},
                                        {"--ctorigdstport", XT_CONNTRACK_ORIGDST_PORT,
                                         &info.origdst_port, &info.origdst_port_high},
                                        {"--ctreplsrcport", XT_CONNTRACK_REPLSRC_PORT,
                                         &info.replsrc_port, &info.replsrc_port_high},
                                        {"--ctrepldstport", XT_CONNTRACK_REPLDST_PORT,
                                         &info.repldst_port, &info.repldst_port_high}};
            for (const AddrOption &a : addrs) {
                if (o.name != QLatin1String(a.name))
                    continue;
                auto *addr = reinterpret_cast<quint8 *>(a.addr);
                auto *mask = reinterpret_cast<quint8 *>(a.mask);
                // xtables' host parser fills the whole union's mask for a bare address.
                const bool bare = !arg.contains(QLatin1Char('/'));
                if (!network(arg, addr, mask, false))
                    return badValue(m.name, o);
                if (bare)
                    std::memset(mask, 0xff, sizeof(union nf_inet_addr));
                flag = a.flag;
            }
            for (const PortOption &p : ports) {
                if (o.name != QLatin1String(p.name))
                    continue;
                if (!parsePortRange(arg, p.low, p.high))
                    return badValue(m.name, o);
                flag = p.flag;
            }
            if (!flag)
                return badOption(m.name, o);
        }
        info.match_flags |= flag;
        if (o.negated)
            info.invert_flags |= flag;
    }
    *b = {"conntrack", 3, bytesOf(info)};
    return true;
}

bool Encoder::state(const RuleMatch &m, Blob *b)
{
    // iptables 1.8.9 writes -m state as conntrack revision 3 flagged as the state alias.
    struct xt_conntrack_mtinfo3 info;
    std::memset(&info, 0, sizeof(info));
    if (m.options.size() != 1 || m.options.first().name != QLatin1String("--state"))
        return fail(QStringLiteral("\"-m state\" needs exactly \"--state\""));
    const RuleOption &o = m.options.first();
    const auto mask = maskOf(o.args.value(0), kCtStates, false);
    if (!mask || (*mask & (XT_CONNTRACK_STATE_SNAT | XT_CONNTRACK_STATE_DNAT)))
        return badValue(m.name, o);
    info.match_flags = XT_CONNTRACK_STATE | XT_CONNTRACK_STATE_ALIAS;
    info.state_mask = quint16(*mask);
    if (o.negated)
        info.invert_flags |= XT_CONNTRACK_STATE;
    *b = {"conntrack", 3, bytesOf(info)};
    return true;
}

bool Encoder::comment(const RuleMatch &m, Blob *b)
{
    struct xt_comment_info info;
    std::memset(&info, 0, sizeof(info));
    if (m.options.size() != 1 || m.options.first().name != QLatin1String("--comment"))
        return fail(QStringLiteral("\"-m comment\" needs exactly \"--comment\""));
    const QByteArray text = m.options.first().args.value(0).toUtf8();
    if (text.size() >= int(sizeof(info.comment)) || text.contains('\0'))
        return badValue(m.name, m.options.first());
    std::memcpy(info.comment, text.constData(), size_t(text.size()));
    *b = {"comment", 0, bytesOf(info)};
    return true;
}

bool Encoder::mac(const RuleMatch &m, Blob *b)
{
    struct xt_mac_info info;
    std::memset(&info, 0, sizeof(info));
    if (m.options.size() != 1 || m.options.first().name != QLatin1String("--mac-source"))
        return fail(QStringLiteral("\"-m mac\" needs exactly \"--mac-source\""));
    const RuleOption &o = m.options.first();
    const QStringList parts = o.args.value(0).split(QLatin1Char(':'));
    if (parts.size() != ETH_ALEN)
        return badValue(m.name, o);
    for (int i = 0; i < ETH_ALEN; ++i) {
        bool ok = false;
        const uint v = parts[i].toUInt(&ok, 16);
        if (!ok || parts[i].isEmpty() || parts[i].size() > 2 || v > 0xff)
            return badValue(m.name, o);
        info.srcaddr[i] = quint8(v);
    }
    info.invert = o.negated ? 1 : 0;
    *b = {"mac", 0, bytesOf(info)};
    return true;
}

bool Encoder::limit(const RuleMatch &m, Blob *b)
{
    struct xt_rateinfo info;
    std::memset(&info, 0, sizeof(info));  // the kernel-private fields stay zero, as in iptables
    info.avg = XT_LIMIT_SCALE * 3600 / 3; // libxt_limit's default "3/hour"
    info.burst = kLimitDefaultBurst;
    for (const RuleOption &o : m.options) {
        const QString arg = o.args.value(0);
        if (o.name == QLatin1String("--limit")) {
            // The same computation the parser validated the rate with.
            QString error;
            const auto period = limitPeriod(arg, &error);
            if (!period)
                return badValue(m.name, o);
            info.avg = *period;
        } else if (o.name == QLatin1String("--limit-burst")) {
            const auto burst = parseNumber(arg, 10000);
            if (!burst)
                return badValue(m.name, o);
            info.burst = quint32(*burst);
        } else {
            return badOption(m.name, o);
        }
    }
    *b = {"limit", 0, bytesOf(info)};
    return true;
}

bool Encoder::addrtype(const RuleMatch &m, Blob *b)
{
    struct xt_addrtype_info_v1 info;
    std::memset(&info, 0, sizeof(info));
    for (const RuleOption &o : m.options) {
        if (o.name == QLatin1String("--limit-iface-in")) {
            info.flags |= XT_ADDRTYPE_LIMIT_IFACE_IN;
            continue;
        }
        if (o.name == QLatin1String("--limit-iface-out")) {
            info.flags |= XT_ADDRTYPE_LIMIT_IFACE_OUT;
            continue;
        }
        const bool src = o.name == QLatin1String("--src-type");
        if (!src && o.name != QLatin1String("--dst-type"))
            return badOption(m.name, o);
        quint16 mask = 0;
        for (const QString &item : o.args.value(0).split(QLatin1Char(','))) {
            size_t i = 0;
            while (i < std::size(kRtnNames) && item != QLatin1String(kRtnNames[i]))
                ++i;
            if (i == std::size(kRtnNames))
                return badValue(m.name, o);
            mask |= quint16(1u << i);
        }
        (src ? info.source : info.dest) = mask;
        if (o.negated)
            info.flags |= src ? XT_ADDRTYPE_INVERT_SOURCE : XT_ADDRTYPE_INVERT_DEST;
    }
    *b = {"addrtype", 1, bytesOf(info)};
    return true;
}

bool Encoder::set(const RuleMatch &m, Blob *b)
{
    struct xt_set_info_match_v4 info;
    std::memset(&info, 0, sizeof(info));
    bool haveSet = false;
    for (const RuleOption &o : m.options) {
        const QString arg = o.args.value(0);
        if (o.name == QLatin1String("--match-set")) {
            if (o.args.size() != 2 || arg.toUtf8().size() >= IPSET_MAXNAMELEN)
                return badValue(m.name, o);
            if (!m_ipsets.indexOf)
                return fail(QStringLiteral("ipset \"%1\" cannot be looked up").arg(arg));
            QString why;
            const auto index = m_ipsets.indexOf(arg, m_family, &why);
            if (!index)
                return fail(QStringLiteral("ipset \"%1\": %2").arg(arg, why));
            info.match_set.index = *index;
            const QStringList dirs = o.args[1].split(QLatin1Char(','));
            if (dirs.size() > IPSET_DIM_MAX)
                return badValue(m.name, o);
            for (const QString &dir : dirs) {
                ++info.match_set.dim;
                if (dir == QLatin1String("src"))
                    info.match_set.flags |= quint8(1 << info.match_set.dim);
                else if (dir != QLatin1String("dst"))
                    return badValue(m.name, o);
            }
            if (o.negated)
                info.match_set.flags |= IPSET_INV_MATCH;
            haveSet = true;
        } else if (o.name == QLatin1String("--return-nomatch")) {
            if (o.negated)
                return badValue(m.name, o);
            info.flags |= IPSET_FLAG_RETURN_NOMATCH;
        } else if (o.name == QLatin1String("--update-counters")) {
            if (o.negated)
                info.flags |= IPSET_FLAG_SKIP_COUNTER_UPDATE;
        } else if (o.name == QLatin1String("--update-subcounters")) {
            if (o.negated)
                info.flags |= IPSET_FLAG_SKIP_SUBCOUNTER_UPDATE;
        } else {
            const bool packets = o.name.startsWith(QLatin1String("--packets-"));
            if (!packets && !o.name.startsWith(QLatin1String("--bytes-")))
                return badOption(m.name, o);
            struct ip_set_counter_match &counter = packets ? info.packets : info.bytes;
            const QString op = o.name.mid(packets ? 10 : 8);
            const auto value = parseNumber(arg, UINT64_MAX);
            if (!value || counter.op != IPSET_COUNTER_NONE)
                return badValue(m.name, o);
            if (op == QLatin1String("eq"))
                counter.op = o.negated ? IPSET_COUNTER_NE : IPSET_COUNTER_EQ;
            else if (op == QLatin1String("lt") && !o.negated)
                counter.op = IPSET_COUNTER_LT;
            else if (op == QLatin1String("gt") && !o.negated)
                counter.op = IPSET_COUNTER_GT;
            else
                return badOption(m.name, o);
            counter.value = *value;
        }
    }
    if (!haveSet)
        return fail(QStringLiteral("\"-m set\" needs \"--match-set\""));
    *b = {"set", 4, bytesOf(info)};
    return true;
}

bool Encoder::match(const RuleMatch &m, QByteArray *blob)
{
    Blob b{nullptr, 0, {}};
    bool ok = false;
    const QString &n = m.name;
    if (n == QLatin1String("tcp"))
        ok = tcp(m, &b);
    else if (n == QLatin1String("udp"))
        ok = udp(m, &b);
    else if (n == QLatin1String(m_family == Family::IPv4 ? "icmp" : "icmp6"))
        ok = icmp(m, &b);
    else if (n == QLatin1String("multiport"))
        ok = multiport(m, &b);
    else if (n == QLatin1String("iprange"))
        ok = iprange(m, &b);
    else if (n == QLatin1String("conntrack"))
        ok = conntrack(m, &b);
    else if (n == QLatin1String("state"))
        ok = state(m, &b);
    else if (n == QLatin1String("comment"))
        ok = comment(m, &b);
    else if (n == QLatin1String("mac"))
        ok = mac(m, &b);
    else if (n == QLatin1String("limit"))
        ok = limit(m, &b);
    else if (n == QLatin1String("addrtype"))
        ok = addrtype(m, &b);
    else if (n == QLatin1String("set"))
        ok = set(m, &b);
    else
        return fail(QStringLiteral("match \"%1\" cannot be encoded").arg(n));
    if (!ok)
        return false;
    *blob = extensionBlob(b.name, b.revision, b.data.constData(), size_t(b.data.size()));
    return true;
}

bool Encoder::reject(const RuleTarget &t, Blob *b)
{
    const bool v4 = m_family == Family::IPv4;
    // The default reject type when --reject-with is left out.
    quint32 with = v4 ? quint32(IPT_ICMP_PORT_UNREACHABLE) : quint32(IP6T_ICMP6_PORT_UNREACH);
    for (const RuleOption &o : t.options) {
        if (o.name != QLatin1String("--reject-with") || o.negated)
            return badOption(t.name, o);
        const size_t n = v4 ? std::size(kReject4) : std::size(kReject6);
        size_t i = 0;
        for (; i < n; ++i) {
            const char *name = v4 ? kReject4[i] : kReject6[i];
            if (name && o.args.value(0) == QLatin1String(name))
                break;
        }
        if (i == n)
            return badValue(t.name, o);
        with = quint32(i);
    }
    struct ip6t_reject_info info; // same layout as ipt_reject_info
    std::memset(&info, 0, sizeof(info));
    info.with = with;
    *b = {"REJECT", 0, bytesOf(info)};
    return true;
}

bool Encoder::log(const RuleTarget &t, Blob *b)
{
    struct xt_log_info info;
    std::memset(&info, 0, sizeof(info));
    info.level = kLogDefaultLevel;
    for (const RuleOption &o : t.options) {
        if (o.negated)
            return badOption(t.name, o);
        if (o.name == QLatin1String("--log-prefix")) {
            const QByteArray prefix = o.args.value(0).toUtf8();
            // Longer prefixes iptables would silently cut; refuse rather than store less.
            if (prefix.size() >= int(sizeof(info.prefix)) || prefix.contains('\0'))
                return badValue(t.name, o);
            std::memcpy(info.prefix, prefix.constData(), size_t(prefix.size()));
            continue;
        }
        if (o.name == QLatin1String("--log-level")) {
            const auto level = parseNumber(o.args.value(0), 7);
            if (!level)
                return badValue(t.name, o);
            info.level = quint8(*level);
            continue;
        }
        bool found = false;
        for (const NamedValue &nv : kLogFlags) {
            if (o.name == QLatin1String(nv.name)) {
                info.logflags |= quint8(nv.value);
                found = true;
            }
        }
        if (!found)
            return badOption(t.name, o);
    }
    *b = {"LOG", 0, bytesOf(info)};
    return true;
}

/// DNAT (revision 2, nf_nat_range2) and MASQUERADE (revision 0). Userchain never writes them
/// (they belong to the nat table); they are encoded so that Docker's nat rules pass the same
/// read-back check as everything else.
bool Encoder::nat(const RuleTarget &t, Blob *b)
{
    const bool masquerade = t.name == QLatin1String("MASQUERADE");
    struct nf_nat_range2 r;
    std::memset(&r, 0, sizeof(r));
    for (const RuleOption &o : t.options) {
        if (o.negated)
            return badOption(t.name, o);
        if (o.name == QLatin1String("--random")) {
            r.flags |= NF_NAT_RANGE_PROTO_RANDOM;
        } else if (o.name == QLatin1String("--random-fully")) {
            r.flags |= NF_NAT_RANGE_PROTO_RANDOM_FULLY;
        } else if (o.name == QLatin1String("--persistent")) {
            r.flags |= NF_NAT_RANGE_PERSISTENT;
        } else if (o.name == QLatin1String(masquerade ? "--to-ports" : "--to-destination")) {
            QString arg = o.args.value(0);
            QString addrs, ports;
            if (masquerade) {
                ports = arg;
            } else if (arg.startsWith(QLatin1Char('['))) {
                const int close = arg.indexOf(QLatin1Char(']'));
                if (close < 0 || (close + 1 < arg.size() && arg[close + 1] != QLatin1Char(':')))
                    return badValue(t.name, o);
                addrs = arg.mid(1, close - 1);
                ports = arg.mid(close + 2);
                if (close + 1 < arg.size() && ports.isEmpty())
                    return badValue(t.name, o);
            } else if (m_family == Family::IPv4) {
                const int colon = arg.indexOf(QLatin1Char(':'));
                addrs = colon < 0 ? arg : arg.left(colon);
                ports = colon < 0 ? QString() : arg.mid(colon + 1);
                if (colon >= 0 && ports.isEmpty())
                    return badValue(t.name, o);
            } else {
                addrs = arg;
            }
            if (!addrs.isEmpty()) {
                const int dash = addrs.indexOf(QLatin1Char('-'));
                auto *lo = reinterpret_cast<quint8 *>(&r.min_addr);
                auto *hi = reinterpret_cast<quint8 *>(&r.max_addr);
                if (!textToIp(dash < 0 ? addrs : addrs.left(dash), m_family, lo) ||
                    !textToIp(dash < 0 ? addrs : addrs.mid(dash + 1), m_family, hi))
                    return badValue(t.name, o);
                r.flags |= NF_NAT_RANGE_MAP_IPS;
            }
            if (!ports.isEmpty()) {
                const int slash = ports.indexOf(QLatin1Char('/'));
                const QString range = slash < 0 ? ports : ports.left(slash);
                const int dash = range.indexOf(QLatin1Char('-'));
                const auto lo = parseNumber(dash < 0 ? range : range.left(dash), 65535);
                const auto hi = parseNumber(dash < 0 ? range : range.mid(dash + 1), 65535);
                if (!lo || !hi || *lo > *hi || (masquerade && slash >= 0))
                    return badValue(t.name, o);
                r.min_proto.all = htons(quint16(*lo));
                r.max_proto.all = htons(quint16(*hi));
                if (slash >= 0) {
                    const auto base = parseNumber(ports.mid(slash + 1), 65535);
                    if (!base)
                        return badValue(t.name, o);
                    r.base_proto.all = htons(quint16(*base));
                    r.flags |= NF_NAT_RANGE_PROTO_OFFSET;
                }
                r.flags |= NF_NAT_RANGE_PROTO_SPECIFIED;
            }
        } else {
            return badOption(t.name, o);
        }
    }
    if (!masquerade) {
        *b = {"DNAT", 2, bytesOf(r)};
    } else if (m_family == Family::IPv6) {
        struct nf_nat_range r6;
        std::memcpy(&r6, &r, sizeof(r6));
        *b = {"MASQUERADE", 0, bytesOf(r6)};
    } else {
        struct nf_nat_ipv4_multi_range_compat mr;
        std::memset(&mr, 0, sizeof(mr));
        mr.rangesize = 1;
        mr.range[0].flags = r.flags;
        mr.range[0].min = r.min_proto;
        mr.range[0].max = r.max_proto;
        *b = {"MASQUERADE", 0, bytesOf(mr)};
    }
    return true;
}

bool Encoder::target(const Rule &rule, QByteArray *blob)
{
    const RuleTarget &t = rule.target;
    Blob b{nullptr, 0, {}};
    bool ok = true;
    if (t.name == QLatin1String("REJECT")) {
        ok = reject(t, &b);
    } else if (t.name == QLatin1String("LOG")) {
        ok = log(t, &b);
    } else if (t.name == QLatin1String("DNAT") || t.name == QLatin1String("MASQUERADE")) {
        ok = nat(t, &b);
    } else {
        // A verdict, a chain, or nothing: libiptc's standard target, resolved by name.
        if (!t.options.isEmpty())
            return fail(QStringLiteral("target \"%1\" takes no options").arg(t.name));
        const QByteArray name = t.name.toUtf8();
        if (name.size() >= int(kNameField) || name.contains('\0'))
            return fail(QStringLiteral("target name \"%1\" is too long").arg(t.name));
        if (t.isGoto && (name.isEmpty() || Extensions::isVerdict(t.name)))
            return fail(QStringLiteral("\"-g\" needs a user chain"));
        struct xt_standard_target st;
        std::memset(&st, 0, sizeof(st));
        st.target.u.user.target_size = quint16(kStandardTargetSize);
        std::memcpy(st.target.u.user.name, name.constData(), size_t(name.size()));
        *blob = QByteArray(int(kStandardTargetSize), '\0');
        std::memcpy(blob->data(), &st, sizeof(st));
        return true;
    }
    if (!ok)
        return false;
    if (t.isGoto)
        return fail(QStringLiteral("\"-g\" needs a user chain, not \"%1\"").arg(t.name));
    *blob = extensionBlob(b.name, b.revision, b.data.constData(), size_t(b.data.size()));
    return true;
}

} // namespace

// =========================================================================================

EntryCodec::EntryCodec(Family family, IpsetLookup ipsets)
    : m_family(family), m_ipsets(std::move(ipsets))
{}

size_t EntryCodec::headerSize() const
{
    return headerSizeOf(m_family);
}

bool EntryCodec::encode(const Rule &rule, QByteArray *entry, QString *error) const
{
    Encoder enc(m_family, m_ipsets, error);
    Header h;
    if (!enc.header(rule, &h))
        return false;
    QByteArray body;
    for (const RuleMatch &m : rule.matches) {
        QByteArray blob;
        if (!enc.match(m, &blob))
            return false;
        body += blob;
        // Offsets are 16 bits wide; stop long before that.
        if (size_t(body.size()) > 60000) {
            if (error)
                *error = QStringLiteral("rule too large for one kernel entry");
            return false;
        }
    }
    QByteArray target;
    if (!enc.target(rule, &target))
        return false;
    h.targetOffset = quint16(headerSize() + size_t(body.size()));
    h.nextOffset = quint16(h.targetOffset + target.size());
    // One buffer of the final size, the header written straight into it.
    QByteArray out(int(h.nextOffset), Qt::Uninitialized);
    writeHeaderTo(h, m_family, out.data());
    std::memcpy(out.data() + headerSize(), body.constData(), size_t(body.size()));
    std::memcpy(out.data() + h.targetOffset, target.constData(), size_t(target.size()));
    *entry = std::move(out);
    return true;
}

DecodedEntry EntryCodec::decode(const void *data, size_t size, const QString &targetLabel) const
{
    DecodedEntry out;
    const auto *p = static_cast<const quint8 *>(data);
    QString why;
    const auto layout = layoutOf(p, size, m_family, &why);
    if (!layout) {
        out.malformed = true;
        out.text = QStringLiteral("<malformed entry: %1>").arg(why);
        return out;
    }
    const Header &h = layout->header;
    const bool v4 = m_family == Family::IPv4;
    SpecText t;

    // save_ipv4_addr / save_ipv6_addr
    const struct
    {
        char letter;
        const quint8 *addr, *mask;
        bool inv;
    } addrs[] = {{'s', h.src, h.smsk, bool(h.invflags & IPT_INV_SRCIP)},
                 {'d', h.dst, h.dmsk, bool(h.invflags & IPT_INV_DSTIP)}};
    for (const auto &a : addrs) {
        const int cidr = maskToCidr(a.mask, m_family);
        if (v4 ? (isZero(a.mask, 4) && !a.inv && isZero(a.addr, 4)) : (!a.inv && cidr == 0))
            continue;
        const QString mask = cidr < 0 ? ipToText(a.mask, m_family) : QString::number(cidr);
        t.option(a.inv, QStringLiteral("-%1 %2/%3")
                            .arg(QLatin1Char(a.letter))
                            .arg(ipToText(a.addr, m_family), mask));
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
    for (const auto &f : ifaces) {
        if (f.mask[0] == 0)
            continue;
        QByteArray name;
        for (int i = 0; i < IFNAMSIZ; ++i) {
            if (f.mask[i] != 0) {
                if (f.name[i] != '\0')
                    name += f.name[i];
            } else {
                if (f.name[i - 1] != '\0')
                    name += '+';
                break;
            }
        }
        t.option(f.inv,
                 QStringLiteral("-%1 %2").arg(QLatin1Char(f.letter)).arg(QString::fromUtf8(name)));
    }
    if (h.proto > 0)
        t.option(h.invflags & XT_INV_PROTO, QStringLiteral("-p ") + protocolName(h.proto));
    if (v4 && (h.flags & IPT_F_FRAG))
        t.option(h.invflags & IPT_INV_FRAG, QStringLiteral("-f"));

    const DecodeContext ctx{m_family, &m_ipsets, p};
    auto notUnderstood = [&](QByteArrayView name, const char *flag) {
        const QString n = QString::fromUtf8(name);
        t.add(QLatin1String(flag) + QLatin1Char(' ') + n + QStringLiteral(" <not understood>"));
        if (!out.unknownExtensions.contains(n))
            out.unknownExtensions << n;
    };

    for (const Extension &m : layout->matches) {
        SpecText opts;
        bool ok = false;
        QString shownName = QString::fromUtf8(m.name);
        if (m.name == "tcp")
            ok = decodeTcp(ctx, m, opts);
        else if (m.name == "udp")
            ok = decodeUdp(ctx, m, opts);
        else if (m.name == (v4 ? "icmp" : "icmp6"))
            ok = decodeIcmp(ctx, m, opts);
        else if (m.name == "multiport")
            ok = decodeMultiport(ctx, m, opts);
        else if (m.name == "iprange")
            ok = decodeIprange(ctx, m, opts);
        else if (m.name == "addrtype")
            ok = decodeAddrtype(ctx, m, opts);
        else if (m.name == "mac")
            ok = decodeMac(ctx, m, opts);
        else if (m.name == "limit")
            ok = decodeLimit(ctx, m, opts);
        else if (m.name == "comment")
            ok = decodeComment(ctx, m, opts);
        else if (m.name == "set")
            ok = decodeSet(ctx, m, opts);
        else if (m.name == "state")
            ok = decodeStateV0(ctx, m, opts);
        else if (m.name == "conntrack") {
            struct xt_conntrack_mtinfo3 info;
            ok = readConntrack(ctx, m, &info);
            if (ok) {
                if (info.match_flags & XT_CONNTRACK_STATE_ALIAS)
                    shownName = QStringLiteral("state");
                conntrackText(info, m_family, m.revision == 3, opts);
            }
        }
        if (!ok) {
            notUnderstood(m.name, "-m");
            continue;
        }
        const QString o = opts.text();
        t.add(QStringLiteral("-m ") + shownName + (o.isEmpty() ? QString() : QLatin1Char(' ') + o));
    }

    const Extension &tg = layout->target;
    if (tg.name.isEmpty()) {
        if (tg.size != kStandardTargetSize) {
            notUnderstood(QByteArrayLiteral("standard"), "-j");
        } else if (!targetLabel.isEmpty()) {
            t.add(QLatin1String(h.flags & gotoFlag(m_family) ? "-g " : "-j ") + targetLabel);
        }
    } else {
        SpecText opts;
        bool ok = false;
        if (tg.name == "REJECT")
            ok = decodeReject(ctx, tg, opts);
        else if (tg.name == "LOG")
            ok = decodeLog(ctx, tg, opts);
        else if (tg.name == "DNAT" || tg.name == "SNAT" || tg.name == "MASQUERADE")
            ok = decodeNat(ctx, tg, opts);
        if (ok) {
            const QString o = opts.text();
            t.add(QStringLiteral("-j ") + QString::fromUtf8(tg.name) +
                  (o.isEmpty() ? QString() : QLatin1Char(' ') + o));
        } else {
            notUnderstood(tg.name, "-j");
        }
    }
    out.text = t.text();
    return out;
}

namespace {

/**
 * EntryCodec::verbatim() of an entry already laid out; spare bytes are reserved at the end
 * for a caller that appends to the result. Empty if the target label does not fit.
 */
QByteArray verbatimOf(const quint8 *p, const Layout &layout, Family f, const QString &targetLabel,
                      int spare = 0)
{
    const int size = int(layout.header.nextOffset);
    QByteArray out;
    out.reserve(size + spare);
    out.append(reinterpret_cast<const char *>(p), size);
    Header h = layout.header;
    h.comefrom = 0;
    h.packets = 0;
    h.bytes = 0;
    writeHeaderTo(h, f, out.data());
    // The kernel writes a match or target name back only up to its terminating zero; the
    // rest of the 29 bytes is whatever the reader's buffer held before.
    auto clearNameTail = [&out](const Extension &e) {
        const size_t from = e.offset + 2 + size_t(e.name.size());
        const size_t to = e.offset + 2 + kNameField;
        std::memset(out.data() + from, 0, to - from);
    };
    for (const Extension &m : layout.matches)
        clearNameTail(m);
    clearNameTail(layout.target);
    if (layout.target.name.isEmpty() && layout.target.size == kStandardTargetSize) {
        // The kernel's verdict (an offset for jumps) means nothing to libiptc on append; the
        // name does.
        struct xt_standard_target st;
        std::memset(&st, 0, sizeof(st));
        st.target.u.user.target_size = quint16(kStandardTargetSize);
        const QByteArray name = targetLabel.toUtf8();
        if (name.size() >= int(kNameField))
            return QByteArray(); // libiptc could not name that chain either
        std::memcpy(st.target.u.user.name, name.constData(), size_t(name.size()));
        std::memcpy(out.data() + layout.target.offset, &st, sizeof(st));
    }
    return out;
}

} // namespace

QByteArray EntryCodec::verbatim(const void *data, size_t size, const QString &targetLabel) const
{
    const auto *p = static_cast<const quint8 *>(data);
    const auto layout = layoutOf(p, size, m_family, nullptr);
    if (!layout)
        return QByteArray();
    return verbatimOf(p, *layout, m_family, targetLabel);
}

QByteArray EntryCodec::decodeKey(const void *data, size_t size, const QString &targetLabel) const
{
    const auto *p = static_cast<const quint8 *>(data);
    const auto layout = layoutOf(p, size, m_family, nullptr);
    if (!layout)
        return QByteArray();
    for (const Extension &m : layout->matches)
        if (m.name == "set")
            return QByteArray();
    QByteArray key = verbatimOf(p, *layout, m_family, targetLabel, 1);
    if (key.isEmpty())
        return key;
    // verbatimOf() writes the label into a standard target's empty name; the marker keeps
    // such an entry apart from one whose target really carries that name.
    key += layout->target.name.isEmpty() ? 'S' : 'N';
    return key;
}

QByteArray EntryCodec::normalized(const QByteArray &entry) const
{
    const auto *p = reinterpret_cast<const quint8 *>(entry.constData());
    const auto layout = layoutOf(p, size_t(entry.size()), m_family, nullptr);
    if (!layout)
        return entry;
    QByteArray out = entry;
    // Interface name bytes outside the mask: the kernel compares (name ^ dev) & mask.
    const size_t ifaceOffset = m_family == Family::IPv4 ? offsetof(struct ipt_entry, ip.iniface)
                                                        : offsetof(struct ip6t_entry, ipv6.iniface);
    const Header &h = layout->header;
    for (int i = 0; i < IFNAMSIZ; ++i) {
        if (!h.inmask[i])
            out[int(ifaceOffset) + i] = '\0';
        if (!h.outmask[i])
            out[int(ifaceOffset) + IFNAMSIZ + i] = '\0';
    }
    if (m_family != Family::IPv4)
        return out;
    // IPv4 in a union nf_inet_addr uses its first four bytes only.
    auto clearUnions = [&out](const Extension &e, int count) {
        for (int u = 0; u < count; ++u)
            for (size_t i = 4; i < sizeof(union nf_inet_addr); ++i)
                out[int(e.offset + kMatchHeader + size_t(u) * sizeof(union nf_inet_addr) + i)] =
                    '\0';
    };
    for (const Extension &m : layout->matches) {
        if (m.name == "conntrack" && m.revision >= 1 && m.revision <= 3 &&
            m.size >= kMatchHeader + 8 * sizeof(union nf_inet_addr))
            clearUnions(m, 8);
        else if (m.name == "iprange" && m.revision == 1 &&
                 m.size >= kMatchHeader + 4 * sizeof(union nf_inet_addr))
            clearUnions(m, 4);
    }
    return out;
}

bool EntryCodec::validate(const QByteArray &entry, QString *error) const
{
    const auto *p = reinterpret_cast<const quint8 *>(entry.constData());
    const auto layout = layoutOf(p, size_t(entry.size()), m_family, error);
    if (!layout)
        return false;
    if (size_t(layout->header.nextOffset) != size_t(entry.size())) {
        if (error)
            *error = QStringLiteral("entry size %1 differs from its next offset %2")
                         .arg(entry.size())
                         .arg(layout->header.nextOffset);
        return false;
    }
    if (layout->target.offset + layout->target.size != layout->header.nextOffset) {
        if (error)
            *error = QStringLiteral("target does not end the entry");
        return false;
    }
    if (layout->target.name.isEmpty() && layout->target.size == kStandardTargetSize) {
        // A nameless standard target straight from the kernel holds a verdict or a jump
        // offset; libiptc would append it as "no target" and silently drop the jump. Entries
        // from verbatim() carry the name instead and a zero verdict.
        struct xt_standard_target st;
        std::memcpy(&st, p + layout->target.offset, sizeof(st));
        if (st.verdict != 0) {
            if (error)
                *error = QStringLiteral("standard target without a name");
            return false;
        }
    }
    return true;
}

QString EntryCodec::standardTargetName(const QByteArray &entry) const
{
    const auto *p = reinterpret_cast<const quint8 *>(entry.constData());
    const auto layout = layoutOf(p, size_t(entry.size()), m_family, nullptr);
    if (!layout || layout->target.size != kStandardTargetSize)
        return QString();
    struct xt_standard_target st;
    std::memcpy(&st, p + layout->target.offset, sizeof(st));
    const size_t len = strnlen(st.target.u.user.name, kNameField);
    return QString::fromUtf8(st.target.u.user.name, int(len));
}

BackendRule EntryCodec::toBackendRule(const void *data, size_t size,
                                      const QString &targetLabel) const
{
    BackendRule br;
    const auto *p = static_cast<const quint8 *>(data);
    const auto layout = layoutOf(p, size, m_family, nullptr);
    if (layout) {
        br.packets = layout->header.packets;
        br.bytes = layout->header.bytes;
    }
    const DecodedEntry decoded = decode(data, size, targetLabel);
    br.displaySpec = decoded.text;
    if (decoded.malformed) {
        // Nothing in it can be trusted, not even its length: keep what we were given.
        br.raw = QByteArray(reinterpret_cast<const char *>(p), int(size));
        br.unknownExtensions = QStringLiteral("malformed");
        return br;
    }
    const QByteArray kernel = verbatim(data, size, targetLabel);
    if (kernel.isEmpty()) {
        br.raw = QByteArray(reinterpret_cast<const char *>(p), int(size));
        br.unknownExtensions = QStringLiteral("unnamed-target");
        return br;
    }
    if (!decoded.unknownExtensions.isEmpty()) {
        br.raw = kernel;
        br.unknownExtensions = decoded.unknownExtensions.join(QLatin1Char(','));
        return br;
    }
    RuleError perr;
    const auto rule = RuleParser::parse(decoded.text, m_family, &perr);
    if (!rule) {
        br.raw = kernel;
        QStringList names;
        if (perr.unsupported && !perr.token.isEmpty()) {
            names << perr.token;
        } else {
            for (const Extension &m : layout->matches)
                names << QString::fromUtf8(m.name);
            if (!layout->target.name.isEmpty())
                names << QString::fromUtf8(layout->target.name);
        }
        names.removeDuplicates();
        // Refused for something outside any extension (e.g. "! -s 0.0.0.0/0"): name the token.
        if (names.isEmpty())
            names << perr.token;
        br.unknownExtensions = names.join(QLatin1Char(','));
        return br;
    }
    QByteArray again;
    if (!encode(*rule, &again, nullptr) || normalized(again) != normalized(kernel)) {
        // The text does not capture everything the kernel holds (an old revision, a field
        // iptables would not set): name the parts that differ and keep the bytes.
        br.raw = kernel;
        QStringList names;
        again = normalized(again);
        const QByteArray theirs = normalized(kernel);
        const auto mine = layoutOf(reinterpret_cast<const quint8 *>(again.constData()),
                                   size_t(again.size()), m_family, nullptr);
        if (!mine || mine->matches.size() != layout->matches.size()) {
            for (const Extension &m : layout->matches)
                names << QString::fromUtf8(m.name);
        } else {
            // The header's offsets follow from the sizes of the matches; compare the rest.
            Header a = mine->header;
            Header b = readHeader(reinterpret_cast<const quint8 *>(theirs.constData()), m_family);
            a.targetOffset = b.targetOffset = 0;
            a.nextOffset = b.nextOffset = 0;
            if (writeHeader(a, m_family) != writeHeader(b, m_family))
                names << QStringLiteral("ip");
            for (int i = 0; i < layout->matches.size(); ++i) {
                const Extension &k = layout->matches[i];
                const Extension &e = mine->matches[i];
                if (k.size != e.size || std::memcmp(theirs.constData() + k.offset,
                                                    again.constData() + e.offset, k.size) != 0)
                    names << QString::fromUtf8(k.name);
            }
        }
        if (!mine || mine->target.size != layout->target.size ||
            std::memcmp(theirs.constData() + layout->target.offset,
                        again.constData() + mine->target.offset, layout->target.size) != 0)
            names << (layout->target.name.isEmpty() ? QStringLiteral("standard")
                                                    : QString::fromUtf8(layout->target.name));
        names.removeDuplicates();
        br.unknownExtensions = names.join(QLatin1Char(','));
        return br;
    }
    br.rule = *rule;
    return br;
}

} // namespace Userchain

#include "ipaddress.h"

#include <algorithm>
#include <arpa/inet.h>
#include <cstring>

namespace Userchain {

namespace {

int bitsOf(Family family)
{
    return family == Family::IPv4 ? 32 : 128;
}

IpAddress bytesToAddress(const unsigned char *b, Family family)
{
    IpAddress a;
    if (family == Family::IPv4) {
        a.lo = (quint64(b[0]) << 24) | (quint64(b[1]) << 16) | (quint64(b[2]) << 8) | b[3];
        return a;
    }
    for (int i = 0; i < 8; ++i) {
        a.hi = (a.hi << 8) | b[i];
        a.lo = (a.lo << 8) | b[8 + i];
    }
    return a;
}

void toBytes(const IpAddress &a, Family family, unsigned char *b)
{
    if (family == Family::IPv4) {
        for (int i = 0; i < 4; ++i)
            b[i] = static_cast<unsigned char>(a.lo >> (24 - 8 * i));
        return;
    }
    for (int i = 0; i < 8; ++i) {
        b[i] = static_cast<unsigned char>(a.hi >> (56 - 8 * i));
        b[8 + i] = static_cast<unsigned char>(a.lo >> (56 - 8 * i));
    }
}

IpAddress prefixMask(int prefix, Family family)
{
    // The mask as a 128-bit number whose top `prefix` bits of the family's width are set.
    const int width = bitsOf(family);
    IpAddress m;
    for (int i = 0; i < prefix; ++i) {
        const int bit = width - 1 - i; // bit index from the least significant end
        if (bit >= 64)
            m.hi |= quint64(1) << (bit - 64);
        else
            m.lo |= quint64(1) << bit;
    }
    return m;
}

} // namespace

IpAddress IpAddress::fromBytes(const unsigned char *bytes, Family family)
{
    return bytesToAddress(bytes, family);
}

std::optional<IpAddress> IpAddress::parse(const QString &text, Family family)
{
    if (text.isEmpty() || text.size() > 63)
        return std::nullopt;
    QString t = text;
    // iptables' old spelling of "anywhere".
    if (family == Family::IPv4 && t == QLatin1String("0"))
        t = QStringLiteral("0.0.0.0");
    unsigned char b[16] = {};
    const QByteArray latin = t.toLatin1();
    if (inet_pton(family == Family::IPv4 ? AF_INET : AF_INET6, latin.constData(), b) != 1)
        return std::nullopt;
    return bytesToAddress(b, family);
}

IpAddress IpAddress::maxOf(Family family)
{
    return family == Family::IPv4 ? IpAddress{0, 0xffffffffULL} : IpAddress{~0ULL, ~0ULL};
}

QString IpAddress::toString(Family family) const
{
    unsigned char b[16] = {};
    toBytes(*this, family, b);
    char buf[INET6_ADDRSTRLEN] = {};
    inet_ntop(family == Family::IPv4 ? AF_INET : AF_INET6, b, buf, sizeof buf);
    return QString::fromLatin1(buf);
}

IpAddress IpAddress::next() const
{
    IpAddress r = *this;
    if (++r.lo == 0)
        ++r.hi;
    return r;
}

IpAddress IpAddress::previous() const
{
    IpAddress r = *this;
    if (r.lo-- == 0)
        --r.hi;
    return r;
}

std::optional<IpNetwork> IpNetwork::parse(const QString &text, Family family)
{
    const qsizetype slash = text.indexOf(QLatin1Char('/'));
    const auto addr = IpAddress::parse(slash < 0 ? text : text.left(slash), family);
    if (!addr)
        return std::nullopt;
    IpNetwork net;
    if (slash < 0) {
        net.prefix = bitsOf(family);
        net.mask = prefixMask(net.prefix, family);
    } else {
        const QString maskText = text.mid(slash + 1);
        bool ok = false;
        const int prefix = maskText.toInt(&ok);
        if (ok) {
            if (prefix < 0 || prefix > bitsOf(family))
                return std::nullopt;
            net.prefix = prefix;
            net.mask = prefixMask(prefix, family);
        } else {
            const auto mask = IpAddress::parse(maskText, family);
            if (!mask)
                return std::nullopt;
            net.mask = *mask;
            net.prefix = -1;
            for (int p = 0; p <= bitsOf(family); ++p)
                if (prefixMask(p, family) == net.mask)
                    net.prefix = p;
        }
    }
    net.addr = *addr & net.mask;
    return net;
}

std::optional<IpNetwork> IpNetwork::fromPrefix(const IpAddress &addr, int prefix, Family family)
{
    if (prefix < 0 || prefix > bitsOf(family))
        return std::nullopt;
    IpNetwork net;
    net.prefix = prefix;
    net.mask = prefixMask(prefix, family);
    net.addr = addr & net.mask;
    return net;
}

AddressRange IpNetwork::range(Family family) const
{
    return {addr, addr | (~mask & IpAddress::maxOf(family))};
}

std::optional<AddressRange> parseAddressRange(const QString &text, Family family)
{
    const qsizetype dash = text.indexOf(QLatin1Char('-'));
    const auto first = IpAddress::parse(dash < 0 ? text : text.left(dash), family);
    const auto last = IpAddress::parse(dash < 0 ? text : text.mid(dash + 1), family);
    if (!first || !last || *last < *first)
        return std::nullopt;
    return AddressRange{*first, *last};
}

std::optional<PortRange> PortRange::parse(const QString &text)
{
    const qsizetype colon = text.indexOf(QLatin1Char(':'));
    bool ok1 = true, ok2 = true;
    PortRange r;
    if (colon < 0) {
        r.first = r.last = text.toInt(&ok1);
    } else {
        r.first = colon == 0 ? 0 : text.left(colon).toInt(&ok1);
        r.last = colon == text.size() - 1 ? 65535 : text.mid(colon + 1).toInt(&ok2);
    }
    if (!ok1 || !ok2 || r.first < 0 || r.last > 65535 || r.first > r.last)
        return std::nullopt;
    return r;
}

bool interfaceMatches(const QString &pattern, const QString &name)
{
    // The kernel compares the name under a mask: "br-+" is every name that starts with "br-".
    if (pattern.endsWith(QLatin1Char('+')))
        return name.startsWith(QStringView(pattern).chopped(1));
    return name == pattern;
}

} // namespace Userchain

namespace Userchain {

RangeList intersectRanges(const RangeList &a, const RangeList &b)
{
    RangeList out;
    int i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        const IpAddress first = std::max(a[i].first, b[j].first);
        const IpAddress last = std::min(a[i].last, b[j].last);
        if (first <= last)
            out.append({first, last});
        if (a[i].last < b[j].last)
            ++i;
        else
            ++j;
    }
    return out;
}

RangeList complementRanges(const RangeList &a, Family family)
{
    RangeList out;
    IpAddress next{0, 0};
    bool done = false; // the previous range ended at the top of the space
    for (const AddressRange &r : a) {
        if (next < r.first)
            out.append({next, r.first.previous()});
        if (r.last == IpAddress::maxOf(family)) {
            done = true;
            break;
        }
        next = r.last.next();
    }
    if (!done)
        out.append({next, IpAddress::maxOf(family)});
    return out;
}

RangeList wholeSpace(Family family)
{
    return {{IpAddress{0, 0}, IpAddress::maxOf(family)}};
}

} // namespace Userchain

#pragma once

#include "rule.h"

#include <QString>
#include <QVector>
#include <QtGlobal>
#include <optional>

namespace Userchain {

/**
 * An IPv4 or IPv6 address as a 128-bit number (IPv4 in the low 32 bits), so that the evaluator
 * can compare, order and step through addresses of either family with the same code.
 */
struct IpAddress
{
    quint64 hi = 0;
    quint64 lo = 0;

    static std::optional<IpAddress> parse(const QString &text, Family family);
    /// From network byte order: 4 bytes for IPv4, 16 for IPv6.
    static IpAddress fromBytes(const unsigned char *bytes, Family family);
    /// The highest address of the family (255.255.255.255 or ffff:...:ffff).
    static IpAddress maxOf(Family family);
    QString toString(Family family) const;

    IpAddress next() const;     ///< +1 (wraps at 2^128; callers stay below maxOf)
    IpAddress previous() const; ///< -1
    IpAddress operator&(const IpAddress &o) const { return {hi & o.hi, lo & o.lo}; }
    IpAddress operator|(const IpAddress &o) const { return {hi | o.hi, lo | o.lo}; }
    IpAddress operator~() const { return {~hi, ~lo}; }

    bool operator==(const IpAddress &o) const { return hi == o.hi && lo == o.lo; }
    bool operator!=(const IpAddress &o) const { return !(*this == o); }
    bool operator<(const IpAddress &o) const { return hi != o.hi ? hi < o.hi : lo < o.lo; }
    bool operator<=(const IpAddress &o) const { return !(o < *this); }
    bool operator>(const IpAddress &o) const { return o < *this; }
    bool operator>=(const IpAddress &o) const { return !(*this < o); }
};

/// An inclusive range of addresses [first, last].
struct AddressRange
{
    IpAddress first;
    IpAddress last;
    bool contains(const IpAddress &a) const { return first <= a && a <= last; }
};

/**
 * A network as iptables stores it: address and mask, compared as (a & mask) == addr. A
 * contiguous mask also gives a range; a non-contiguous one (a dotted mask with holes) does not.
 */
struct IpNetwork
{
    IpAddress addr;
    IpAddress mask;
    int prefix = 0; ///< -1: the mask is not contiguous

    /// "10.0.0.0/8", "10.1.2.3" (full length), "2001:db8::/32", "10.0.0.0/255.0.255.0".
    static std::optional<IpNetwork> parse(const QString &text, Family family);
    /// addr/prefix with the host bits cleared; nullopt when prefix is out of the family's range.
    static std::optional<IpNetwork> fromPrefix(const IpAddress &addr, int prefix, Family family);
    bool contains(const IpAddress &a) const { return (a & mask) == addr; }
    bool isContiguous() const { return prefix >= 0; }
    /// [addr, addr | ~mask]; only meaningful when contiguous.
    AddressRange range(Family family) const;
};

/// "a-b" as the iprange match prints it.
std::optional<AddressRange> parseAddressRange(const QString &text, Family family);

/// An inclusive range of ports "80" or "1000:2000" (as iptables-save prints them).
struct PortRange
{
    int first = 0;
    int last = 65535;
    static std::optional<PortRange> parse(const QString &text);
    bool contains(int port) const { return first <= port && port <= last; }
};

/// Whether `name` matches an interface pattern of a rule (`eth0`, or `br-+` as a prefix).
bool interfaceMatches(const QString &pattern, const QString &name);

} // namespace Userchain

namespace Userchain {

/// A set of addresses as sorted, disjoint, non-adjacent inclusive ranges.
using RangeList = QVector<AddressRange>;

RangeList intersectRanges(const RangeList &a, const RangeList &b);
RangeList complementRanges(const RangeList &a, Family family);
RangeList wholeSpace(Family family);

} // namespace Userchain

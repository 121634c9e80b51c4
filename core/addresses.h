#pragma once

#include "rule.h"

#include <QString>
#include <optional>

/**
 * Address, network, range and port syntax as iptables accepts it, turned into the text
 * iptables-save prints. Hostnames are refused: a firewall rule must not depend on DNS at the
 * moment it is loaded (iptables would resolve them once and store addresses).
 */
namespace Userchain::Addresses {

/// "192.168.1.1" → "192.168.1.1"; IPv6 compressed as inet_ntop prints it.
std::optional<QString> parseAddress(const QString &text, Family family, QString *error);

/**
 * "10.1.2.3/8" → "10.0.0.0/8" (host bits cleared, as the kernel stores it); a bare address
 * gets the full-length prefix; dotted masks are accepted; a non-contiguous mask stays dotted.
 * allPrefixLength: set to true when the network is the whole space (/0).
 */
std::optional<QString> parseNetwork(const QString &text, Family family, QString *error,
                                    bool *wholeSpace = nullptr);

/// conntrack's style: host bits kept, a full-length prefix printed without suffix.
std::optional<QString> parseNetworkShort(const QString &text, Family family, QString *error);

/// "A-B" (or a single "A", meaning A-A) → "A-B".
std::optional<QString> parseRange(const QString &text, Family family, QString *error);

/// A port number or service name for proto ("tcp"/"udp"/...); returns 0..65535.
std::optional<int> parsePort(const QString &text, const QString &proto, QString *error);

/// "80", "http", "1000:2000", ":80", "80:" → "80", "80", "1000:2000", "0:80", "80:65535".
std::optional<QString> parsePortRange(const QString &text, const QString &proto, QString *error);

/// A protocol name ("tcp", "TCP", "gre", "icmpv6") or number ("6") → 0..255; "all" is 0.
std::optional<int> protocolNumber(const QString &text);

/// The name iptables-save prints for a protocol number (from /etc/protocols), or the number.
QString protocolName(int number);

/// An interface name as iptables accepts it: at most 15 characters, `+` as trailing wildcard.
bool isValidInterface(const QString &name, QString *error);

} // namespace Userchain::Addresses

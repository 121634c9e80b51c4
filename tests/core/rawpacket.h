#pragma once

// Ethernet frames for the kernel-truth test: crafted and sent with AF_PACKET sockets opened
// inside network namespaces the test created, so every packet is exactly the one a case
// describes and no kernel stack answers on its own.

#include "ipaddress.h"

#include <QByteArray>
#include <QString>
#include <array>

namespace Wire {

using Mac = std::array<unsigned char, 6>;

/// One IPv4/IPv6 packet with a TCP, UDP or ICMP(v6) header.
struct Packet
{
    Userchain::Family family = Userchain::Family::IPv4;
    Userchain::IpAddress src;
    Userchain::IpAddress dst;
    int protocol = 6; ///< 6, 17, 1 or 58
    int sport = 0;    ///< for ICMP: the echo identifier
    int dport = 0;
    int tcpFlags = 0x02;
    quint32 seq = 0;
    quint32 ack = 0;
    int icmpType = 8;
};

QByteArray frame(const Packet &p, const Mac &srcMac, const Mac &dstMac);
/// Parses an Ethernet frame; false when it is not an IP packet of a kind frame() makes.
bool parse(const QByteArray &frame, Packet *out);

/**
 * An AF_PACKET socket bound to interface `ifname` inside the named network namespace
 * (/run/netns/NAME); the calling thread returns to its own namespace. -1 on failure.
 */
int openInNamespace(const QString &ns, const QString &ifname, QString *error);
bool send(int fd, const QByteArray &frame);
/// Every frame that arrives on any of fds (not the ones sent) until none came for quietMs.
QList<QByteArray> drain(const QList<int> &fds, int quietMs);

} // namespace Wire

#include "rawpacket.h"

#include <QList>
#include <QVector>
#include <arpa/inet.h>
#include <fcntl.h>
#include <linux/if_packet.h>
#include <net/ethernet.h>
#include <net/if.h>
#include <poll.h>
#include <sched.h>
#include <sys/socket.h>
#include <unistd.h>

namespace Wire {

using Userchain::Family;
using Userchain::IpAddress;

namespace {

void put16(QByteArray &b, int at, int v)
{
    b[at] = char((v >> 8) & 0xff);
    b[at + 1] = char(v & 0xff);
}

void put32(QByteArray &b, int at, quint32 v)
{
    put16(b, at, int(v >> 16));
    put16(b, at + 2, int(v & 0xffff));
}

int get16(const QByteArray &b, int at)
{
    return (uchar(b[at]) << 8) | uchar(b[at + 1]);
}

QByteArray addressBytes(const IpAddress &a, Family family)
{
    QByteArray out;
    if (family == Family::IPv4) {
        for (int i = 3; i >= 0; --i)
            out.append(char((a.lo >> (8 * i)) & 0xff));
        return out;
    }
    for (int i = 7; i >= 0; --i)
        out.append(char((a.hi >> (8 * i)) & 0xff));
    for (int i = 7; i >= 0; --i)
        out.append(char((a.lo >> (8 * i)) & 0xff));
    return out;
}

IpAddress addressFrom(const QByteArray &b, int at, Family family)
{
    IpAddress a;
    if (family == Family::IPv4) {
        for (int i = 0; i < 4; ++i)
            a.lo = (a.lo << 8) | uchar(b[at + i]);
        return a;
    }
    for (int i = 0; i < 8; ++i)
        a.hi = (a.hi << 8) | uchar(b[at + i]);
    for (int i = 0; i < 8; ++i)
        a.lo = (a.lo << 8) | uchar(b[at + 8 + i]);
    return a;
}

quint32 sum(const QByteArray &b, quint32 acc = 0)
{
    for (int i = 0; i + 1 < b.size(); i += 2)
        acc += quint32(get16(b, i));
    if (b.size() % 2)
        acc += quint32(uchar(b[b.size() - 1])) << 8;
    return acc;
}

int fold(quint32 acc)
{
    while (acc >> 16)
        acc = (acc & 0xffff) + (acc >> 16);
    return int(~acc & 0xffff);
}

} // namespace

QByteArray frame(const Packet &p, const Mac &srcMac, const Mac &dstMac)
{
    QByteArray l4;
    if (p.protocol == 6) {
        l4 = QByteArray(20, 0);
        put16(l4, 0, p.sport);
        put16(l4, 2, p.dport);
        put32(l4, 4, p.seq);
        put32(l4, 8, p.ack);
        l4[12] = char(5 << 4);
        l4[13] = char(p.tcpFlags);
        put16(l4, 14, 65535);
    } else if (p.protocol == 17) {
        l4 = QByteArray(8, 0);
        put16(l4, 0, p.sport);
        put16(l4, 2, p.dport);
        put16(l4, 4, 8);
    } else {
        l4 = QByteArray(8, 0);
        l4[0] = char(p.icmpType);
        put16(l4, 4, p.sport); // echo identifier
        put16(l4, 6, 1);
    }
    const QByteArray src = addressBytes(p.src, p.family), dst = addressBytes(p.dst, p.family);
    // The pseudo-header checksum (TCP, UDP, ICMPv6); ICMPv4 sums only its own bytes.
    QByteArray pseudo = src + dst;
    if (p.family == Family::IPv4) {
        pseudo.append(char(0)).append(char(p.protocol)).append(QByteArray(2, 0));
        put16(pseudo, 10, int(l4.size()));
    } else {
        pseudo.append(QByteArray(4, 0)).append(QByteArray(3, 0)).append(char(p.protocol));
        put32(pseudo, 32, quint32(l4.size()));
    }
    const int checksumAt = p.protocol == 6 ? 16 : p.protocol == 17 ? 6 : 2;
    const int c = fold(p.protocol == 1 ? sum(l4) : sum(l4, sum(pseudo)));
    put16(l4, checksumAt, p.protocol == 17 && c == 0 ? 0xffff : c);

    QByteArray ip;
    if (p.family == Family::IPv4) {
        ip = QByteArray(20, 0);
        ip[0] = char(0x45);
        put16(ip, 2, int(20 + l4.size()));
        ip[8] = char(64);
        ip[9] = char(p.protocol);
        ip.replace(12, 4, src);
        ip.replace(16, 4, dst);
        put16(ip, 10, fold(sum(ip)));
    } else {
        ip = QByteArray(40, 0);
        ip[0] = char(0x60);
        put16(ip, 4, int(l4.size()));
        ip[6] = char(p.protocol);
        ip[7] = char(64);
        ip.replace(8, 16, src);
        ip.replace(24, 16, dst);
    }
    QByteArray eth(14, 0);
    for (int i = 0; i < 6; ++i) {
        eth[i] = char(dstMac[size_t(i)]);
        eth[6 + i] = char(srcMac[size_t(i)]);
    }
    put16(eth, 12, p.family == Family::IPv4 ? ETHERTYPE_IP : ETHERTYPE_IPV6);
    return eth + ip + l4;
}

bool parse(const QByteArray &f, Packet *out)
{
    if (f.size() < 14)
        return false;
    const int type = get16(f, 12);
    int l4 = 0;
    if (type == ETHERTYPE_IP && f.size() >= 34) {
        out->family = Family::IPv4;
        out->protocol = uchar(f[23]);
        out->src = addressFrom(f, 26, Family::IPv4);
        out->dst = addressFrom(f, 30, Family::IPv4);
        l4 = 14 + (uchar(f[14]) & 0xf) * 4;
    } else if (type == ETHERTYPE_IPV6 && f.size() >= 54) {
        out->family = Family::IPv6;
        out->protocol = uchar(f[20]);
        out->src = addressFrom(f, 22, Family::IPv6);
        out->dst = addressFrom(f, 38, Family::IPv6);
        l4 = 54;
    } else {
        return false;
    }
    if (f.size() < l4 + 8)
        return false;
    if (out->protocol == 6 || out->protocol == 17) {
        out->sport = get16(f, l4);
        out->dport = get16(f, l4 + 2);
        out->tcpFlags = out->protocol == 6 && f.size() >= l4 + 14 ? uchar(f[l4 + 13]) : 0;
    } else if (out->protocol == 1 || out->protocol == 58) {
        out->icmpType = uchar(f[l4]);
        out->sport = get16(f, l4 + 4);
        out->dport = 0;
    } else {
        return false;
    }
    return true;
}

int openInNamespace(const QString &ns, const QString &ifname, QString *error)
{
    const int self = open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC);
    const int target = open(qPrintable(QStringLiteral("/run/netns/") + ns), O_RDONLY | O_CLOEXEC);
    int fd = -1;
    if (self < 0 || target < 0 || setns(target, CLONE_NEWNET) != 0) {
        *error = QStringLiteral("cannot enter namespace %1").arg(ns);
    } else {
        fd = socket(AF_PACKET, SOCK_RAW | SOCK_CLOEXEC | SOCK_NONBLOCK, htons(ETH_P_ALL));
        sockaddr_ll addr{};
        addr.sll_family = AF_PACKET;
        addr.sll_protocol = htons(ETH_P_ALL);
        addr.sll_ifindex = int(if_nametoindex(qPrintable(ifname)));
        if (fd < 0 || addr.sll_ifindex == 0 ||
            bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0) {
            *error = QStringLiteral("cannot open a packet socket on %1 in %2").arg(ifname, ns);
            if (fd >= 0)
                close(fd);
            fd = -1;
        }
        if (setns(self, CLONE_NEWNET) != 0)
            qFatal("cannot return to the test's own network namespace");
    }
    if (self >= 0)
        close(self);
    if (target >= 0)
        close(target);
    return fd;
}

bool send(int fd, const QByteArray &f)
{
    return ::send(fd, f.constData(), size_t(f.size()), 0) == f.size();
}

QList<QByteArray> drain(const QList<int> &fds, int quietMs)
{
    QList<QByteArray> out;
    QVector<pollfd> polls;
    for (int fd : fds)
        polls.append({fd, POLLIN, 0});
    // Waits on the sockets themselves: returns once the kernel has been quiet for quietMs.
    while (poll(polls.data(), nfds_t(polls.size()), quietMs) > 0) {
        for (const pollfd &p : std::as_const(polls)) {
            for (;;) {
                char buf[2048];
                sockaddr_ll from{};
                socklen_t len = sizeof from;
                const ssize_t n =
                    recvfrom(p.fd, buf, sizeof buf, 0, reinterpret_cast<sockaddr *>(&from), &len);
                if (n < 0)
                    break;
                if (from.sll_pkttype != PACKET_OUTGOING)
                    out.append(QByteArray(buf, int(n)));
            }
        }
    }
    return out;
}

} // namespace Wire

#include "kernelipsets.h"

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <linux/netfilter.h>
#include <linux/netfilter/ipset/ip_set.h>
#include <sys/socket.h>
#include <unistd.h>

namespace Userchain {

KernelIpsets::KernelIpsets() = default;

KernelIpsets::~KernelIpsets()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

bool KernelIpsets::open(QString *error)
{
    if (!m_tried) {
        m_tried = true;
        m_fd = ::socket(AF_INET, SOCK_RAW | SOCK_CLOEXEC, IPPROTO_RAW);
        if (m_fd < 0) {
            m_openError = QStringLiteral("cannot open a socket to ipset: %1")
                              .arg(QString::fromLocal8Bit(std::strerror(errno)));
        } else {
            struct ip_set_req_version req;
            std::memset(&req, 0, sizeof(req));
            req.op = IP_SET_OP_VERSION;
            socklen_t size = sizeof(req);
            if (::getsockopt(m_fd, SOL_IP, SO_IP_SET, &req, &size) != 0) {
                m_openError = QStringLiteral("the kernel has no ipset support loaded");
                ::close(m_fd);
                m_fd = -1;
            } else {
                m_version = req.version;
            }
        }
    }
    if (m_fd < 0 && error)
        *error = m_openError;
    return m_fd >= 0;
}

std::optional<quint16> KernelIpsets::indexOf(const QString &name, Family family, QString *error)
{
    const QByteArray bytes = name.toUtf8();
    if (bytes.isEmpty() || bytes.size() >= IPSET_MAXNAMELEN || bytes.contains('\0')) {
        if (error)
            *error = QStringLiteral("not a valid set name");
        return std::nullopt;
    }
    if (!open(error))
        return std::nullopt;
    struct ip_set_req_get_set_family req;
    std::memset(&req, 0, sizeof(req));
    req.op = IP_SET_OP_GET_FNAME;
    req.version = m_version;
    std::memcpy(req.set.name, bytes.constData(), size_t(bytes.size()));
    socklen_t size = sizeof(req);
    if (::getsockopt(m_fd, SOL_IP, SO_IP_SET, &req, &size) != 0 || size != sizeof(req)) {
        if (error)
            *error = QStringLiteral("lookup failed: %1")
                         .arg(QString::fromLocal8Bit(std::strerror(errno)));
        return std::nullopt;
    }
    if (req.set.index == IPSET_INVALID_ID) {
        if (error)
            *error = QStringLiteral("no such set");
        return std::nullopt;
    }
    // As libxt_set: a set of the other family cannot be matched.
    const unsigned wanted = family == Family::IPv4 ? NFPROTO_IPV4 : NFPROTO_IPV6;
    if (req.family != wanted && req.family != NFPROTO_UNSPEC) {
        if (error)
            *error = QStringLiteral("the set is for the other address family");
        return std::nullopt;
    }
    m_names.insert(req.set.index, name);
    return req.set.index;
}

std::optional<QString> KernelIpsets::nameOf(quint16 index)
{
    const auto cached = m_names.constFind(index);
    if (cached != m_names.constEnd())
        return *cached;
    if (!open(nullptr))
        return std::nullopt;
    struct ip_set_req_get_set req;
    std::memset(&req, 0, sizeof(req));
    req.op = IP_SET_OP_GET_BYINDEX;
    req.version = m_version;
    req.set.index = index;
    socklen_t size = sizeof(req);
    if (::getsockopt(m_fd, SOL_IP, SO_IP_SET, &req, &size) != 0 || size != sizeof(req))
        return std::nullopt;
    const size_t len = strnlen(req.set.name, IPSET_MAXNAMELEN);
    if (len == 0 || len == IPSET_MAXNAMELEN)
        return std::nullopt;
    const QString name = QString::fromUtf8(req.set.name, int(len));
    m_names.insert(index, name);
    return name;
}

IpsetLookup KernelIpsets::lookup()
{
    IpsetLookup l;
    l.indexOf = [this](const QString &name, Family family, QString *error) {
        return indexOf(name, family, error);
    };
    l.nameOf = [this](quint16 index) {
        return nameOf(index);
    };
    return l;
}

} // namespace Userchain

#include "kernelrevisions.h"

#include <QHash>
#include <QMutex>

// The C library's headers first: the kernel's netfilter headers then skip their own copies.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <vector>

#include <libmnl/libmnl.h>
#include <linux/netfilter/nf_tables_compat.h>
#include <linux/netfilter/nfnetlink.h>
#include <linux/netfilter/x_tables.h>
#include <linux/netfilter_ipv4/ip_tables.h>
#include <linux/netfilter_ipv6/ip6_tables.h>

namespace Userchain {

namespace {

/// A descriptor closed when it goes out of scope.
struct Fd
{
    int fd;
    ~Fd()
    {
        if (fd >= 0)
            ::close(fd);
    }
};

} // namespace

std::optional<bool> KernelRevisions::askLegacy(Family family, const QByteArray &name, bool target,
                                               int revision)
{
    // compatible_revision() in libxtables: the request fails with ENOENT or EPROTONOSUPPORT
    // when the kernel lacks the extension or that revision.
    const bool v4 = family == Family::IPv4;
    const Fd s{::socket(v4 ? AF_INET : AF_INET6, SOCK_RAW | SOCK_CLOEXEC, IPPROTO_RAW)};
    if (s.fd < 0)
        return std::nullopt;
    struct xt_get_revision rev;
    std::memset(&rev, 0, sizeof(rev));
    std::memcpy(rev.name, name.constData(),
                std::min<size_t>(size_t(name.size()), sizeof(rev.name) - 1));
    rev.revision = quint8(revision);
    socklen_t size = sizeof(rev);
    const int option = v4 ? (target ? IPT_SO_GET_REVISION_TARGET : IPT_SO_GET_REVISION_MATCH)
                          : (target ? IP6T_SO_GET_REVISION_TARGET : IP6T_SO_GET_REVISION_MATCH);
    if (::getsockopt(s.fd, v4 ? IPPROTO_IP : IPPROTO_IPV6, option, &rev, &size) >= 0)
        return true;
    if (errno == ENOENT || errno == EPROTONOSUPPORT)
        return false;
    return std::nullopt; // ENOPROTOOPT (no ip_tables), EPERM, ...
}

std::optional<bool> KernelRevisions::askNft(Family family, const QByteArray &name, bool target,
                                            int revision)
{
    // nft_compatible_revision() in iptables-nft.
    mnl_socket *nl = mnl_socket_open(NETLINK_NETFILTER);
    if (!nl)
        return std::nullopt;
    std::optional<bool> answer;
    if (mnl_socket_bind(nl, 0, MNL_SOCKET_AUTOPID) >= 0) {
        char buf[MNL_SOCKET_BUFFER_SIZE];
        nlmsghdr *nlh = mnl_nlmsg_put_header(buf);
        nlh->nlmsg_type = (NFNL_SUBSYS_NFT_COMPAT << 8) | NFNL_MSG_COMPAT_GET;
        nlh->nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK;
        const quint32 seq = quint32(std::time(nullptr));
        nlh->nlmsg_seq = seq;
        auto *nfg = static_cast<nfgenmsg *>(mnl_nlmsg_put_extra_header(nlh, sizeof(nfgenmsg)));
        nfg->nfgen_family = family == Family::IPv4 ? AF_INET : AF_INET6;
        nfg->version = NFNETLINK_V0;
        nfg->res_id = 0;
        mnl_attr_put_strz(nlh, NFTA_COMPAT_NAME, name.constData());
        mnl_attr_put_u32(nlh, NFTA_COMPAT_REV, htonl(quint32(revision)));
        mnl_attr_put_u32(nlh, NFTA_COMPAT_TYPE, htonl(target ? 1 : 0));
        const quint32 portid = mnl_socket_get_portid(nl);
        if (mnl_socket_sendto(nl, nlh, nlh->nlmsg_len) >= 0) {
            const ssize_t n = mnl_socket_recvfrom(nl, buf, sizeof(buf));
            if (n > 0) {
                if (mnl_cb_run(buf, size_t(n), seq, portid, nullptr, nullptr) >= 0)
                    answer = true;
                else if (errno == ENOENT || errno == EPROTONOSUPPORT || errno == EINVAL)
                    answer = false;
            }
        }
    }
    mnl_socket_close(nl);
    return answer;
}

std::optional<bool> KernelRevisions::has(Via via, Family family, const QByteArray &name,
                                         bool target, int revision)
{
    // Each thread first looks among the answers it has seen: every rule of an apply asks for
    // each of its extensions, and a key, a lock and a hash per question were a tenth of
    // encoding 10,000 rules. A rule set uses a handful of extensions.
    struct Seen
    {
        Via via;
        Family family;
        bool target;
        int revision;
        QByteArray name;
        bool answer;
    };
    static thread_local std::vector<Seen> seen;
    for (const Seen &s : seen)
        if (s.revision == revision && s.target == target && s.via == via && s.family == family &&
            s.name == name)
            return s.answer;
    const std::optional<bool> answer = hasLocked(via, family, name, target, revision);
    if (answer) {
        if (seen.size() >= 64) // bounded: names come from rules
            seen.clear();
        seen.push_back({via, family, target, revision, name, *answer});
    }
    return answer;
}

std::optional<bool> KernelRevisions::hasLocked(Via via, Family family, const QByteArray &name,
                                               bool target, int revision)
{
    static QMutex mutex;
    static QHash<QByteArray, std::optional<bool>> known;
    const QByteArray key = QByteArray::number(int(via)) + QByteArray::number(int(family)) +
                           (target ? 'T' : 'M') + QByteArray::number(revision) + ':' + name;
    {
        const QMutexLocker lock(&mutex);
        const auto it = known.constFind(key);
        if (it != known.constEnd())
            return *it;
    }
    const std::optional<bool> answer = via == Via::Legacy
                                           ? askLegacy(family, name, target, revision)
                                           : askNft(family, name, target, revision);
    // Only definite answers are kept: a failed question may succeed later (privileges).
    if (answer) {
        const QMutexLocker lock(&mutex);
        known.insert(key, answer);
    }
    return answer;
}

RevisionLookup KernelRevisions::lookup(Via via, Family family)
{
    return [via, family](const QByteArray &name, bool target, int revision) {
        return has(via, family, name, target, revision);
    };
}

} // namespace Userchain

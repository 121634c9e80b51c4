#include "nftnetlink.h"

#include <libmnl/libmnl.h>
#include <libnftnl/common.h>
#include <libnftnl/gen.h>
#include <linux/netfilter/nf_tables.h>
#include <linux/netfilter/nfnetlink.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <vector>

namespace Userchain {

namespace {

// Dumps of long chains come in many messages; a larger buffer means fewer system calls.
constexpr size_t kReceiveBuffer = 256 * 1024;

QString errnoText(int e)
{
    return QString::fromLocal8Bit(std::strerror(e));
}

struct RunContext
{
    const NftNetlink::MessageHandler *handler;
    bool stopped = false;
};

int dataCallback(const nlmsghdr *nlh, void *data)
{
    auto *ctx = static_cast<RunContext *>(data);
    if (!(*ctx->handler)(nlh)) {
        ctx->stopped = true;
        return MNL_CB_ERROR;
    }
    return MNL_CB_OK;
}

} // namespace

NftNetlink::NftNetlink()
{
    // Sequence numbers only need to differ from recent requests on this socket.
    m_seq = quint32(std::time(nullptr));
}

NftNetlink::~NftNetlink()
{
    if (m_nl)
        mnl_socket_close(m_nl);
}

bool NftNetlink::open(QString *error)
{
    // A socket talks to the network namespace it was opened in. The caller may have moved to
    // another one since (tests do; a helper started in a sandbox namespace does not): reopen.
    struct stat ns;
    const bool haveNs = ::stat("/proc/thread-self/ns/net", &ns) == 0;
    if (m_nl && haveNs && ns.st_ino != m_netns) {
        mnl_socket_close(m_nl);
        m_nl = nullptr;
        m_cookie = 0;
    }
    if (m_nl)
        return true;
    m_netns = haveNs ? ns.st_ino : 0;
    m_nl = mnl_socket_open(NETLINK_NETFILTER);
    if (!m_nl) {
        *error = QStringLiteral("cannot open a netfilter netlink socket: %1").arg(errnoText(errno));
        return false;
    }
    if (mnl_socket_bind(m_nl, 0, MNL_SOCKET_AUTOPID) < 0) {
        *error = QStringLiteral("cannot bind the netlink socket: %1").arg(errnoText(errno));
        mnl_socket_close(m_nl);
        m_nl = nullptr;
        return false;
    }
    m_portid = mnl_socket_get_portid(m_nl);
    quint64 cookie = 0;
    socklen_t cookieSize = sizeof(cookie);
    m_cookie = getsockopt(mnl_socket_get_fd(m_nl), SOL_SOCKET, SO_NETNS_COOKIE, &cookie,
                          &cookieSize) == 0 &&
                       cookieSize == sizeof(cookie)
                   ? cookie
                   : 0;
    // A dump of a long chain arrives faster than it is read, and a batch's echoes (see
    // NftWriter::build) all arrive before its acknowledgement: a large receive buffer (a limit,
    // not an allocation) avoids ENOBUFS. Best effort: the default works too, with fewer echoes.
    int size = 16 << 20;
    if (setsockopt(mnl_socket_get_fd(m_nl), SOL_SOCKET, SO_RCVBUFFORCE, &size, sizeof(size)) < 0)
        setsockopt(mnl_socket_get_fd(m_nl), SOL_SOCKET, SO_RCVBUF, &size, sizeof(size));
    return true;
}

bool NftNetlink::request(QByteArray message, const MessageHandler &onMessage, QString *error,
                         int *errnoOut)
{
    if (errnoOut)
        *errnoOut = 0;
    if (!open(error))
        return false;
    auto *nlh = reinterpret_cast<nlmsghdr *>(message.data());
    const quint32 seq = ++m_seq;
    nlh->nlmsg_seq = seq;
    // A single answer is followed by nothing that ends it, unless an acknowledgement is asked
    // for; a dump ends with NLMSG_DONE.
    if (!(nlh->nlmsg_flags & NLM_F_DUMP))
        nlh->nlmsg_flags |= NLM_F_ACK;
    if (mnl_socket_sendto(m_nl, message.constData(), size_t(message.size())) < 0) {
        if (errnoOut)
            *errnoOut = errno;
        *error = QStringLiteral("netlink send failed: %1").arg(errnoText(errno));
        return false;
    }
    std::vector<char> buf(kReceiveBuffer);
    RunContext ctx{&onMessage};
    for (;;) {
        const ssize_t n = mnl_socket_recvfrom(m_nl, buf.data(), buf.size());
        if (n < 0) {
            if (errnoOut)
                *errnoOut = errno;
            *error = QStringLiteral("netlink receive failed: %1").arg(errnoText(errno));
            return false;
        }
        const int ret = mnl_cb_run(buf.data(), size_t(n), seq, m_portid, dataCallback, &ctx);
        if (ret == MNL_CB_STOP)
            return true;
        if (ret < 0) {
            const int e = errno;
            if (errnoOut)
                *errnoOut = ctx.stopped ? 0 : e;
            if (ctx.stopped)
                *error = QStringLiteral("an answer of the kernel could not be read");
            else
                *error = QStringLiteral("the kernel refused the request: %1").arg(errnoText(e));
            // The rest of an interrupted or failed dump may still be queued: a fresh socket
            // for the next request is simpler and safer than draining this one.
            mnl_socket_close(m_nl);
            m_nl = nullptr;
            m_cookie = 0;
            return false;
        }
    }
}

int NftNetlink::receiveBuffer() const
{
    int size = 0;
    socklen_t len = sizeof(size);
    if (!m_nl || getsockopt(mnl_socket_get_fd(m_nl), SOL_SOCKET, SO_RCVBUF, &size, &len) < 0)
        return 0;
    return size;
}

std::optional<quint32> NftNetlink::generation(QString *error)
{
    char buf[MNL_SOCKET_BUFFER_SIZE];
    nlmsghdr *nlh = nftnl_nlmsg_build_hdr(buf, NFT_MSG_GETGEN, AF_UNSPEC, 0, 0);
    std::optional<quint32> id;
    const bool ok = request(
        QByteArray(buf, int(nlh->nlmsg_len)),
        [&id](const nlmsghdr *answer) {
            nftnl_gen *gen = nftnl_gen_alloc();
            if (!gen)
                return false;
            if (nftnl_gen_nlmsg_parse(answer, gen) == 0)
                id = nftnl_gen_get_u32(gen, NFTNL_GEN_ID);
            nftnl_gen_free(gen);
            return id.has_value();
        },
        error);
    if (!ok)
        return std::nullopt;
    if (!id)
        *error = QStringLiteral("the kernel sent no generation id");
    return id;
}

bool NftNetlink::sendBatch(const QByteArray &batch, quint32 lastSeq, QString *error, int *errnoOut,
                           quint32 *failedSeq, const MessageHandler &onEcho)
{
    *errnoOut = 0;
    *failedSeq = 0;
    if (!open(error))
        return false;
    // One sendmsg carries the whole batch: the send buffer must hold it (root may force it).
    int size = batch.size() + 65536;
    setsockopt(mnl_socket_get_fd(m_nl), SOL_SOCKET, SO_SNDBUFFORCE, &size, sizeof(size));
    if (mnl_socket_sendto(m_nl, batch.constData(), size_t(batch.size())) < 0) {
        *errnoOut = errno;
        *error = QStringLiteral("netlink send failed: %1").arg(errnoText(errno));
        return false;
    }
    // Read until the acknowledgement of the last message, remembering the first error. On an
    // error the kernel aborts the whole batch but still answers the messages that follow the
    // failed one. Echoes of a committed batch come before the acknowledgement.
    std::vector<char> buf(kReceiveBuffer);
    bool overrun = false;
    for (;;) {
        // Echoes that overran the receive buffer were dropped, and the acknowledgement may
        // have been too: wait for it a bounded time only. (Callers ask for no more echo than
        // the buffer holds; this is the guard.)
        pollfd pfd{mnl_socket_get_fd(m_nl), POLLIN, 0};
        if (overrun && poll(&pfd, 1, 1000) <= 0) {
            *errnoOut = ENOBUFS;
            *error = QStringLiteral("the kernel's answer to the transaction was lost (receive "
                                    "buffer full)");
            return false;
        }
        const ssize_t n = mnl_socket_recvfrom(m_nl, buf.data(), buf.size());
        if (n < 0 && errno == ENOBUFS) {
            overrun = true;
            continue;
        }
        if (n < 0) {
            *errnoOut = errno;
            *error = QStringLiteral("netlink receive failed: %1").arg(errnoText(errno));
            return false;
        }
        int len = int(n);
        for (auto *h = reinterpret_cast<const nlmsghdr *>(buf.data()); mnl_nlmsg_ok(h, len);
             h = mnl_nlmsg_next(h, &len)) {
            if (h->nlmsg_type != NLMSG_ERROR) {
                if (onEcho && h->nlmsg_type != NLMSG_NOOP && h->nlmsg_type != NLMSG_DONE)
                    onEcho(h);
                continue;
            }
            const auto *err = static_cast<const nlmsgerr *>(mnl_nlmsg_get_payload(h));
            if (err->error != 0 && *errnoOut == 0) {
                *errnoOut = -err->error;
                *failedSeq = h->nlmsg_seq;
            }
            if (h->nlmsg_seq == lastSeq) {
                if (*errnoOut == 0 && overrun) {
                    // Committed, but some echoes are missing: the caller must not trust them.
                    *errnoOut = ENOBUFS;
                    *error = QStringLiteral("some of the kernel's echoes were lost");
                    return true;
                }
                if (*errnoOut == 0)
                    return true;
                *error = QStringLiteral("the kernel refused the transaction: %1")
                             .arg(errnoText(*errnoOut));
                return false;
            }
        }
        // When the batch fails early, the kernel may not acknowledge the remaining messages;
        // stop as soon as nothing else is waiting.
        if (*errnoOut != 0) {
            pollfd pfd{mnl_socket_get_fd(m_nl), POLLIN, 0};
            if (poll(&pfd, 1, 100) <= 0) {
                *error = QStringLiteral("the kernel refused the transaction: %1")
                             .arg(errnoText(*errnoOut));
                return false;
            }
        }
    }
}

} // namespace Userchain

#pragma once

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <functional>
#include <optional>

struct mnl_socket;
struct nlmsghdr;

namespace Userchain {

/**
 * One netlink socket to nf_tables (NETLINK_NETFILTER), through libmnl: requests and dumps
 * answered message by message, and transaction batches. It knows nothing about rules; the
 * reader and writer build and parse the messages with libnftnl.
 *
 * Why netlink and not iptables-nft-save/-restore: the tools read and write in separate
 * processes, so a read and the following write are two views of the ruleset; and the save
 * tool prints some native expressions lossily. Here a read carries the ruleset's generation
 * id and a write can be made conditional on it (NFNL_BATCH_GENID).
 *
 * Calls are synchronous (the kernel answers at once; a dump of 10,000 rules takes tens of
 * milliseconds). Not thread-safe: one instance per thread.
 */
class NftNetlink final
{
public:
    NftNetlink();
    ~NftNetlink();
    NftNetlink(const NftNetlink &) = delete;
    NftNetlink &operator=(const NftNetlink &) = delete;

    /// Opens the socket; false with error set when the kernel has no nf_tables netlink.
    bool open(QString *error);

    /// The ruleset's generation id (NFT_MSG_GETGEN); it changes with every committed batch.
    std::optional<quint32> generation(QString *error);

    /// Called for each answer of a request; false stops with an error.
    using MessageHandler = std::function<bool(const nlmsghdr *)>;

    /**
     * Sends one request built by nftnl_nlmsg_build_hdr (its sequence number is replaced) and
     * hands every answer to onMessage until the kernel is done. errnoOut: the kernel's error
     * (EINTR when a dump was interrupted by a concurrent change: the caller reads again).
     */
    bool request(QByteArray message, const MessageHandler &onMessage, QString *error,
                 int *errnoOut = nullptr);

    /**
     * Sends a complete batch (NFNL_MSG_BATCH_BEGIN ... END; the last message asks for an
     * acknowledgement) and waits for its answer. The kernel applies all of it or nothing.
     * errnoOut: the first error; ERESTART means the generation id in the batch was stale.
     * failedSeq: the sequence number of the message that failed (0 when none).
     * onEcho: called for every other message that arrives meanwhile: the kernel's echo of
     * messages sent with NLM_F_ECHO (the rule as committed, with its handle), which comes
     * before the acknowledgement. True with errnoOut ENOBUFS: committed, but echoes were lost
     * (the receive buffer overran). False with ENOBUFS: the acknowledgement was lost too, and
     * whether the batch was committed is not known.
     */
    bool sendBatch(const QByteArray &batch, quint32 lastSeq, QString *error, int *errnoOut,
                   quint32 *failedSeq, const MessageHandler &onEcho = {});

    /**
     * The network namespace the socket talks to, as the kernel's cookie for it
     * (SO_NETNS_COOKIE: unique for the system's uptime, never reused, unlike the namespace's
     * inode number); 0 when the socket is not open or the kernel has no cookie. Generation ids
     * are per namespace, so anything remembered along with one must be remembered with this.
     */
    quint64 netnsCookie() const { return m_cookie; }

    /// The socket's receive buffer in bytes (what echoed messages must fit in); 0 when closed.
    int receiveBuffer() const;

    /// A fresh sequence number for the next message of a batch.
    quint32 nextSeq() { return ++m_seq; }

private:
    mnl_socket *m_nl = nullptr;
    quint32 m_portid = 0;
    quint32 m_seq = 0;
    quint64 m_netns = 0;  ///< inode of the network namespace the socket was opened in
    quint64 m_cookie = 0; ///< see netnsCookie()
};

} // namespace Userchain

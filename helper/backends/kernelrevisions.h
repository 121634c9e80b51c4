#pragma once

#include "entrycodec.h"
#include "rule.h"

#include <QByteArray>
#include <optional>

namespace Userchain {

/**
 * Which revisions of a match or target the kernel has, asked the way iptables asks before it
 * writes a rule, so that each extension is written in the revision iptables would pick on
 * this kernel: iptables-legacy asks ip_tables (getsockopt IPT_SO_GET_REVISION_MATCH/TARGET on
 * a raw socket), iptables-nft asks nf_tables' compat layer (NFNL_MSG_COMPAT_GET). Either may
 * load the extension's module, as iptables does. Answers are kept for the life of the process
 * (modules are not unloaded under a running firewall); thread-safe.
 */
class KernelRevisions final
{
public:
    enum class Via { Legacy, Nft };

    /// Whether the kernel has this revision; nullopt when it cannot be asked (no privilege,
    /// no ip_tables or nf_tables in the kernel).
    static std::optional<bool> has(Via via, Family family, const QByteArray &name, bool target,
                                   int revision);

    /// The lookup EntryCodec takes, asking through via for family.
    static RevisionLookup lookup(Via via, Family family);

private:
    /// has() without the thread's own answers: the process's, shared and locked.
    static std::optional<bool> hasLocked(Via via, Family family, const QByteArray &name,
                                         bool target, int revision);
    static std::optional<bool> askLegacy(Family family, const QByteArray &name, bool target,
                                         int revision);
    static std::optional<bool> askNft(Family family, const QByteArray &name, bool target,
                                      int revision);
};

} // namespace Userchain

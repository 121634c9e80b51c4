#pragma once

#include "backend.h"
#include "entrycodec.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QVector>

namespace Userchain {

class NftNetlink;
class NftTranslator;

/// DOCKER-USER (and FORWARD's jump to it) as the kernel had it at one generation.
struct NftDockerUserState
{
    quint32 generation = 0;
    bool tableExists = false;
    bool chainExists = false;
    bool forwardExists = false;
    bool forwardJumps = false; ///< FORWARD has a rule jumping or going to DOCKER-USER
    BackendChain chain;        ///< DOCKER-USER's rules (empty when missing)
    QVector<quint64> handles;  ///< the kernel handle of each rule of chain
    QByteArray fingerprint;    ///< the rules' kernel bytes and handles: equal = unchanged
};

/// One batch ready to send, and what each of its messages does (for error messages).
struct NftBatch
{
    QByteArray bytes;
    quint32 lastSeq = 0;
    QHash<quint32, QString> what; ///< sequence number → "rule 3", "the jump in FORWARD", ...
    int deleted = 0, inserted = 0, kept = 0;
};

/**
 * Writes DOCKER-USER incrementally in one nf_tables transaction. From the state a read saw and
 * the wanted rules it keeps every rule that stays (same rule, same order: untouched, so its
 * handle and counters stay), deletes the others by handle, and inserts the new ones at their
 * places (before the next kept rule, or at the end). Native rules can only be kept. The batch
 * carries the read's generation id (NFNL_BATCH_GENID): if anything committed in between, the
 * kernel refuses all of it (ERESTART) and nothing changes.
 */
class NftWriter final
{
public:
    enum class Failure { None, BadRule, NativeRule, ChainMissing };

    NftWriter(NftNetlink &netlink, NftTranslator &translator, const EntryCodec &codec);

    /// Reads the state a write starts from (DOCKER-USER's and FORWARD's rules, one generation).
    bool readState(NftDockerUserState *out, QString *error);

    /// The batch that turns state into rules; nothing is sent. Fails with kind set for rules
    /// that cannot be written or kept.
    bool build(const NftDockerUserState &state, const QVector<BackendRule> &rules, bool createChain,
               bool createJump, NftBatch *out, QString *error, Failure *kind);

private:
    NftNetlink &m_netlink;
    NftTranslator &m_translator;
    const EntryCodec &m_codec;
};

} // namespace Userchain

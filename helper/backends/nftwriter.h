#pragma once

#include "backend.h"
#include "entrycodec.h"
#include "nftreader.h"

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
    quint64 netns = 0; ///< NftNetlink::netnsCookie() of the read: generations are per namespace
    bool tableExists = false;
    bool chainExists = false;
    bool forwardExists = false;
    bool forwardJumps = false; ///< FORWARD has a rule jumping or going to DOCKER-USER
    BackendChain chain;        ///< DOCKER-USER's rules (empty when missing)
    QVector<quint64> handles;  ///< the kernel handle of each rule of chain
    QVector<QByteArray> keys;  ///< each rule's NftRuleInfo::key (its kernel bytes)
    /// Every rule's text follows from its kernel bytes alone (no `-m set`, whose text names a
    /// set through the kernel's index): the state may be remembered by its generation.
    bool cacheable = true;
    /// The counters were read with the rules. False for a remembered state: they are those of
    /// the last read or write, and a plan that re-adds kept rules must read them first.
    bool countersCurrent = true;

    /// The same rules under the same handles, the same chain and jump: nothing to tell apart.
    bool sameAs(const NftDockerUserState &o) const
    {
        return chainExists == o.chainExists && forwardJumps == o.forwardJumps &&
               handles == o.handles && keys == o.keys;
    }
};

/// One batch ready to send, and what each of its messages does (for error messages).
struct NftBatch
{
    QByteArray bytes;
    quint32 lastSeq = 0;
    quint32 generation = 0;       ///< the generation the batch is conditional on
    QHash<quint32, QString> what; ///< sequence number → "rule 3", "the jump in FORWARD", ...
    int deleted = 0, inserted = 0, kept = 0;
    bool rebuild = false;     ///< the chain is flushed and every wanted rule added again
    QVector<int> rebuiltKept; ///< a rebuild: the current rules it adds again (with counters)
    bool addsJump = false;
    /// The plan: for each wanted rule, the index of the current rule it keeps, or -1.
    QVector<int> keptAs;
    /// NLM_F_ECHO was asked for the removals (the kernel's echoes then tell the counters the
    /// removed rules had) and for the added rules (their handles); see NftWriter::build.
    bool echoRemovals = false, echoInserts = false;
    QHash<quint32, int> insertOf; ///< sequence number of an added rule → wanted index
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

    /**
     * The state of DOCKER-USER and FORWARD in a ruleset read with them. When the caller has
     * translated the rules already: dockerUser and forward are those chains as it made them
     * (nullptr: missing; DOCKER-USER's list is shared, not copied), stable for each of
     * set.rules whether it is stable (NftTranslator::toBackendRule). stable nullptr: the
     * rules are translated here.
     */
    NftDockerUserState stateOf(const NftRuleset &set, const BackendChain *dockerUser,
                               const BackendChain *forward, const QVector<bool> *stable);

    /**
     * The batch that turns state into rules; nothing is sent. Fails with kind set for rules
     * that cannot be written or kept. echoBudget: bytes of echoes the socket can take; when
     * the added rules and removals fit, they ask for NLM_F_ECHO (NftBatch::echo).
     */
    bool build(const NftDockerUserState &state, const QVector<BackendRule> &rules, bool createChain,
               bool createJump, NftBatch *out, QString *error, Failure *kind, int echoBudget = 0);

    /// The kernel's counters of now for the rules of state at indices (one request each).
    bool readCounters(NftDockerUserState *state, const QVector<int> &indices, QString *error);

    /**
     * DOCKER-USER after batch was committed on state, from the kernel's echoes (the messages
     * that came back with the batch; NEWRULE ones found by sequence number, DELRULE ones by
     * handle): added rules decoded from what the kernel holds, kept ones as they were (as
     * rules has them, the list written, where that is the same rule and text), at the
     * batch's generation + 1. The removed rules of state get the counters they had when they
     * were removed (with echoRemovals). False when an echo is missing, was not asked for or
     * does not say what was asked for: the caller must read again.
     */
    bool stateAfter(NftDockerUserState *state, const QVector<BackendRule> &rules,
                    const NftBatch &batch, const QVector<QByteArray> &echoes,
                    NftDockerUserState *after);

private:
    NftNetlink &m_netlink;
    NftTranslator &m_translator;
    const EntryCodec &m_codec;
};

} // namespace Userchain

#pragma once

#include "backend.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QVector>

namespace Userchain {

/**
 * Decoded rules by EntryCodec::decodeKey, per family. Every GetSnapshot and every Apply reads
 * DOCKER-USER (the Apply twice when a client reads first), and its rules rarely change between
 * two reads, while decoding checks each entry by parsing its text and encoding it again, which
 * costs several microseconds a rule. Entries whose decoding depends on more than their bytes
 * have no key and are decoded every time.
 *
 * Two generations bound the memory: a hit in the older one moves the rule to the recent one,
 * and when the recent one is full the older one is dropped. What the last read used stays;
 * at most 2 × Generation rules per family are kept. Counters are not kept: they are
 * taken from each read.
 */
struct DecodeCache
{
    /// Decoded entries kept per family and generation.
    static constexpr int Generation = 110000;

    QHash<QByteArray, BackendRule> recent[2]; // by family: 0 IPv4, 1 IPv6
    QHash<QByteArray, BackendRule> older[2];

    /**
     * Each chain's last decoded rules with the entries they came from. Why, on top of the
     * rules above: a chain read again unchanged (the Apply after a GetSnapshot, the next
     * snapshot) is then one comparison instead of a lookup and a copy per rule.
     * Only chains whose every rule has a decode key are kept (see decodeKey()), so a hit
     * never reuses a decoding that depended on more than the bytes.
     */
    struct Chain
    {
        QByteArray signature;       ///< the rules' decode keys, each after its length
        QVector<BackendRule> rules; ///< counters zeroed
    };
    QHash<QString, Chain> chains[2]; // by "table/chain"

    /**
     * The other way round: the entries of the rules last written (kept when the write's
     * session ends, after the apply is answered), by their text, with the rule each encodes. An
     * apply that writes most of them again (an edit of a long chain, a file applied again) copies
     * their bytes instead of encoding every rule. A hit must be the very rule (compared, not only
     * its text), and rules whose entry depends on more than the rule
     * (-m set: an ipset's index) are never kept; otherwise encoding depends only on the rule
     * and the kernel's revisions, which are asked once per process.
     */
    struct Encoded
    {
        Rule rule;
        QByteArray entry; ///< counters zero
    };
    QHash<QString, Encoded> written[2]; // by family

    static int slot(Family family) { return family == Family::IPv4 ? 0 : 1; }

    bool find(Family family, const QByteArray &key, BackendRule *out);
    void insert(Family family, const QByteArray &key, const BackendRule &rule);

    /**
     * Appends to out an entry as the chain memo compares it: its bytes without what a read of
     * the same rule may give differently (counters, comefrom, the bytes after a match's or
     * target's name, which the kernel leaves as the reader's buffer held them, and a jump's
     * verdict, an offset that moves with other chains) followed by its target's name. Two
     * equal fingerprints are two reads of the same rule, so they decode the same: this keeps
     * less back than EntryCodec::decodeKey and costs a copy instead of a parse. False for an
     * entry whose sizes do not add up (then there is no memo for its chain).
     */
    static bool appendFingerprint(QByteArray &out, const void *data, Family family,
                                  const char *target);
};

} // namespace Userchain

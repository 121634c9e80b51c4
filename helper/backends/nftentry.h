#pragma once

#include "rule.h"

#include <QByteArray>
#include <QString>
#include <QVector>

#include <optional>

namespace Userchain {

/**
 * The iptables view of one nf_tables rule, between the kernel's expressions and EntryCodec's
 * x_tables entry (`ipt_entry`/`ip6t_entry` + matches + target): what iptables-nft calls an
 * iptables_command_state. NftRuleDecoder fills it from expressions, NftRuleEncoder turns it
 * into expressions; toBytes()/fromBytes() convert to and from the entry EntryCodec decodes and
 * encodes, so that the text of a rule and its typed form come from the one legacy codec.
 */
struct NftEntry
{
    struct Address
    {
        bool set = false;
        bool inverted = false;
        QByteArray addr; ///< 4 or 16 bytes, already masked
        QByteArray mask; ///< same length
    };
    /// tcp/udp ports and tcp flags that iptables-nft writes as native payload expressions.
    struct Ports
    {
        bool srcSet = false, dstSet = false, flagsSet = false;
        quint16 src[2] = {0, 0xffff};
        quint16 dst[2] = {0, 0xffff};
        bool srcInverted = false, dstInverted = false, flagsInverted = false;
        quint8 flagMask = 0, flagCmp = 0;
    };
    struct Match
    {
        QByteArray name; ///< x_tables extension name; empty for native ports
        quint8 revision = 0;
        QByteArray data;     ///< the extension's info, as the kernel dumps it (8-byte aligned)
        bool native = false; ///< ports: becomes a tcp/udp match named after the protocol
        Ports ports;
    };

    Family family = Family::IPv4;
    Address src, dst;
    QByteArray inIface, outIface; ///< without the trailing '+' of a wildcard
    bool inWildcard = false, outWildcard = false;
    bool inInverted = false, outInverted = false;
    quint8 proto = 0;
    bool protoInverted = false;
    bool fragment = false, fragmentInverted = false; ///< IPv4 only
    QVector<Match> matches;
    bool hasTarget = false; ///< an x_tables target (name, revision, data in target)
    Match target;
    QString targetLabel; ///< verdict or chain of a standard target; empty for none
    bool isGoto = false;

    /// The entry as EntryCodec::decode reads it (a standard target without its name, which is
    /// targetLabel); empty if it would not fit (offsets are 16 bits).
    QByteArray toBytes() const;
    /**
     * An entry (EntryCodec::encode or verbatim form) read back; nullopt if malformed.
     * standardTarget: the target is a standard one named after its verdict or chain (the
     * bytes alone cannot tell, e.g. REJECT's info has the size of a standard verdict).
     */
    static std::optional<NftEntry> fromBytes(const QByteArray &bytes, Family family,
                                             bool standardTarget, QString *error);
};

} // namespace Userchain

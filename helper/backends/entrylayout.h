#pragma once

#include "rule.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QVarLengthArray>

#include <net/if.h>
#include <optional>

namespace Userchain {

/**
 * The layout of a kernel rule entry, `struct ipt_entry` / `struct ip6t_entry` followed by
 * `xt_entry_match`es and one `xt_entry_target`: the family-independent view of the header,
 * where the matches and the target are (checked against the buffer before any of them is
 * read), and the header's own fields as rule text. What the matches and targets hold is read
 * and written by their extension's codec (core/xt/).
 */
namespace EntryLayout {

constexpr size_t MatchHeader = 32;    ///< sizeof(struct xt_entry_match) == xt_entry_target
constexpr size_t NameField = 29;      ///< XT_EXTENSION_MAXNAMELEN, with the terminating zero
constexpr size_t StandardTarget = 40; ///< XT_ALIGN(sizeof(struct xt_standard_target))

constexpr size_t align8(size_t n)
{
    return (n + 7) & ~size_t(7);
}

/// The header of either family, read and written with memcpy, so that nothing depends on the
/// alignment of the bytes.
struct Header
{
    quint8 src[16] = {}, dst[16] = {}, smsk[16] = {}, dmsk[16] = {};
    char iniface[IFNAMSIZ] = {}, outiface[IFNAMSIZ] = {};
    quint8 inmask[IFNAMSIZ] = {}, outmask[IFNAMSIZ] = {};
    quint16 proto = 0;
    quint8 tos = 0;
    quint8 flags = 0;
    quint8 invflags = 0;
    quint32 nfcache = 0;
    quint16 targetOffset = 0;
    quint16 nextOffset = 0;
    quint32 comefrom = 0;
    quint64 packets = 0;
    quint64 bytes = 0;
};

/// One match or the target, inside an entry's bytes.
struct Extension
{
    size_t offset = 0;   ///< of the xt_entry_match / xt_entry_target header
    size_t size = 0;     ///< match_size / target_size, header included
    QByteArrayView name; ///< into the entry's bytes, which outlive the layout
    quint8 revision = 0;
};

struct Layout
{
    Header header;
    // Entries have a few matches; every read lays out every entry, so no allocation for them.
    QVarLengthArray<Extension, 8> matches;
    Extension target;
};

size_t headerSize(Family f);
/// Where the in interface's name starts in the header (the out interface's follows it).
size_t interfaceOffset(Family f);
/// The flag of a goto in the header (IPT_F_GOTO / IP6T_F_GOTO).
quint8 gotoFlag(Family f);
/// Reads the header; the caller has checked size >= headerSize(f).
Header readHeader(const quint8 *p, Family f);
/// Writes the header's headerSize(f) bytes to out.
void writeHeaderTo(const Header &h, Family f, char *out);
QByteArray writeHeader(const Header &h, Family f);
/// Lays an entry out; nullopt (why set) if a size or offset points outside it.
std::optional<Layout> layoutOf(const quint8 *p, size_t size, Family f, QString *why);
/// Builds an xt_entry_match / xt_entry_target: header, data, zero padding to 8 bytes.
QByteArray extensionBlob(const QByteArray &name, quint8 revision, const QByteArray &data);
/// The data of an extension in an entry (after its header).
QByteArray extensionData(const quint8 *entry, const Extension &ext);

/// The rule's -s -d -i -o -p -f and goto flag as a header; false with error set.
bool encodeHeader(const Rule &rule, Family f, Header *h, QString *error);
/// The header's -s -d -i -o -p -f as iptables-save prints them (save_ipv4_addr and friends).
QString headerText(const Header &h, Family f);

} // namespace EntryLayout

} // namespace Userchain

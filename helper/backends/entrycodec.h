#pragma once

#include "backend.h"
#include "extensions.h"
#include "rule.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <functional>
#include <optional>

namespace Userchain {

/// Whether the kernel has a revision of a match (target false) or target; nullopt: unknown.
using RevisionLookup =
    std::function<std::optional<bool>(const QByteArray &name, bool target, int revision)>;

/// What the decoder made of one kernel entry.
struct DecodedEntry
{
    /// The rule-spec exactly as iptables-legacy-save prints it after `-A CHAIN`; for entries
    /// with unknown parts a best-effort text naming them (`-m time <not understood>`).
    QString text;
    QStringList unknownExtensions; ///< extensions the codec does not know (or could not read)
    bool malformed = false;        ///< sizes or offsets inconsistent: nothing was trusted
};

/**
 * Translates between Rule values and the kernel's rule entries (`struct ipt_entry` /
 * `struct ip6t_entry` followed by `xt_entry_match`es and one `xt_entry_target`), in the layout
 * and with the revisions iptables 1.8.9 uses, each extension through its codec in
 * Extensions::all(). It holds no state besides the family, the ipset lookup and the kernel's
 * revisions, calls no libiptc and no libxtables.
 *
 * Encoded entries carry standard verdicts and jumps the way libiptc expects them on input: an
 * `xt_standard_target` whose name is "ACCEPT", "DROP", "RETURN" or the chain name, verdict 0
 * (libiptc resolves it at commit). Decoding needs the same name back, as libiptc's
 * `iptc_get_target()` reports it (`targetLabel`), because the kernel stores jumps as offsets.
 */
class EntryCodec final
{
public:
    /// revisions: what the kernel has, so that each extension is written in the revision
    /// iptables would pick; empty: the revisions iptables 1.8.9 picks on a current kernel.
    explicit EntryCodec(Family family, IpsetLookup ipsets = {}, RevisionLookup revisions = {});

    Family family() const { return m_family; }

    /// Rule → entry bytes. Fails (error set) for anything the kernel entry cannot express.
    bool encode(const Rule &rule, QByteArray *entry, QString *error) const;

    /// Entry bytes → iptables-save text. Never reads outside [data, data + size).
    DecodedEntry decode(const void *data, size_t size, const QString &targetLabel) const;

    /**
     * Entry bytes → BackendRule: the text is parsed with RuleParser, and the parsed rule is
     * encoded again; only if that gives back the very same bytes is the rule kept as a Rule.
     * Otherwise (unknown extension, an option the parser lacks, a revision or a field value
     * iptables would not write) the entry is kept verbatim in `raw`, so that writing it back
     * cannot change what it does. Counters are taken from the entry.
     */
    BackendRule toBackendRule(const void *data, size_t size, const QString &targetLabel) const;

    /**
     * The entry as libiptc's append expects it to come back byte-for-byte: counters and the
     * kernel's `comefrom` bookkeeping zeroed, a standard target carrying `targetLabel` as its
     * name with verdict 0. Empty if the entry is malformed.
     */
    QByteArray verbatim(const void *data, size_t size, const QString &targetLabel) const;

    /**
     * What decoding an entry depends on, as bytes: its verbatim() form, in which counters,
     * `comefrom` and the kernel's jump offsets are left out and the target label written in.
     * Entries with equal keys give equal toBackendRule() results apart from the counters, so
     * the key can index a cache of decoded rules (IptcBackend keeps one). Empty for entries
     * whose decoding depends on more than their bytes (`-m set` stores the kernel's index of
     * a set, and sets can be renamed or swapped) and for entries verbatim() cannot express.
     */
    QByteArray decodeKey(const void *data, size_t size, const QString &targetLabel) const;

    /**
     * The entry with every byte the kernel ignores set to zero: interface name bytes outside
     * the interface mask, and for IPv4 the unused twelve bytes of conntrack's and iprange's
     * address unions. Two entries with equal normalized bytes match the same packets.
     */
    QByteArray normalized(const QByteArray &entry) const;

    /**
     * Checks bytes that are to be appended verbatim: a complete, well-formed entry of this
     * family whose every size and offset stays inside it. libiptc trusts those fields.
     */
    bool validate(const QByteArray &entry, QString *error) const;

    /// The target name a verbatim (or encoded) entry jumps to through a standard target:
    /// "ACCEPT", a chain name, "" for none or for an extension target.
    QString standardTargetName(const QByteArray &entry) const;

    /// Bytes of the fixed entry header for this family (sizeof ipt_entry / ip6t_entry).
    size_t headerSize() const;

private:
    KernelContext context() const;
    bool encodeTarget(const Rule &rule, QByteArray *blob, QString *error) const;
    bool haveRevision(const KernelExtension &ext, bool target, QString *error) const;

    Family m_family;
    IpsetLookup m_ipsets;
    RevisionLookup m_revisions;
};

} // namespace Userchain

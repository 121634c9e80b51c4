/*
 * Why Userchain encodes kernel rule entries itself instead of using libxtables
 * ============================================================================
 *
 * The helper has to turn a Rule into the bytes the kernel stores (`struct ipt_entry` or
 * `struct ip6t_entry`, then one `xt_entry_match` per match, then one `xt_entry_target`) and
 * back. iptables does this with libxtables and its extension plug-ins (libxt_*.so), which give
 * iptables' exact behaviour for every extension. We decided against using them in the helper:
 *
 *  - libxtables reports every parse or print problem through `xtables_error()`, which calls
 *    `exit()`; a long-lived root D-Bus service would die on one bad rule (or would have to
 *    fork per call). It also keeps process-global state (the loaded extension list, the
 *    `xt_params`/`afinfo` globals set by `xtables_init_all()`, the option merge tables), so
 *    IPv4 and IPv6 cannot be mixed in one process without care, and every call has to reset it.
 *  - The plug-ins are dlopen()ed from the file system at run time: code the helper does not
 *    control runs as root inside it.
 *  - Printing goes to stdout through printf; capturing it means redirecting file descriptors.
 *  - Userchain supports a fixed set of matches and targets (see core/xt/).
 *    For those, the kernel structures are small, documented uapi structs; a codec of our own
 *    is about a thousand lines, can be bounded (every size it writes is computed here, every
 *    size it reads is checked against the buffer first) and fuzzed, and cannot take the
 *    process down.
 *
 * What we give up is iptables' behaviour for extensions we do not know; those rules are never
 * re-encoded but kept as the kernel's bytes (see below), so they still survive an edit.
 *
 * Fidelity is measured, not assumed: the tests (tests/backends/tst_entrycodec.cpp) load rules
 * with iptables-legacy, read the kernel's bytes and require (a) our decoder's text to equal
 * iptables-legacy-save's line and (b) our encoding of the parsed line to equal the bytes
 * iptables-legacy-restore makes of it. At run time the same check guards every rule read from
 * the kernel: a rule is offered as an editable Rule only if encoding its parsed text gives back
 * the kernel's entry (up to bytes the kernel ignores, see normalized()); anything else (unknown
 * extension, option the parser lacks, old revision, a field iptables-save does not show) is
 * kept verbatim and written back unchanged.
 *
 * The code is split by responsibility: the entry's layout and header (entrylayout.h), each
 * extension's codec beside its options in core/xt/ (the table is Extensions::all()), and this
 * class, which puts them together and decides what a kernel entry may become.
 */
#include "entrycodec.h"

#include "entrylayout.h"
#include "extensions.h"
#include "ruleparser.h"
#include "xt/xtsupport.h"

// The C library's headers first: the kernel's netfilter headers then skip their own copies.
#include <netinet/in.h>

#include <linux/netfilter/x_tables.h>

#include <cstring>

namespace Userchain {

using EntryLayout::Extension;
using EntryLayout::Header;
using EntryLayout::Layout;

EntryCodec::EntryCodec(Family family, IpsetLookup ipsets, RevisionLookup revisions)
    : m_family(family), m_ipsets(std::move(ipsets)), m_revisions(std::move(revisions))
{}

KernelContext EntryCodec::context() const
{
    KernelContext ctx;
    ctx.family = m_family;
    ctx.ipsets = &m_ipsets;
    ctx.hasRevision = m_revisions;
    return ctx;
}

size_t EntryCodec::headerSize() const
{
    return EntryLayout::headerSize(m_family);
}

bool EntryCodec::encode(const Rule &rule, QByteArray *entry, QString *error) const
{
    Header h;
    if (!EntryLayout::encodeHeader(rule, m_family, &h, error))
        return false;
    const KernelContext ctx = context();
    QByteArray body;
    for (const RuleMatch &m : rule.matches) {
        const ExtensionSpec *spec = Extensions::match(m.name, m_family);
        KernelExtension ext;
        if (!spec || !spec->encode)
            return Xt::fail(QStringLiteral("match \"%1\" cannot be encoded").arg(m.name), error);
        if (!spec->encode(m.options, ctx, &ext, error) || !haveRevision(ext, false, error))
            return false;
        body += EntryLayout::extensionBlob(ext.name, ext.revision, ext.data);
        // Offsets are 16 bits wide; stop long before that.
        if (size_t(body.size()) > 60000)
            return Xt::fail(QStringLiteral("rule too large for one kernel entry"), error);
    }
    QByteArray target;
    if (!encodeTarget(rule, &target, error))
        return false;
    h.targetOffset = quint16(headerSize() + size_t(body.size()));
    h.nextOffset = quint16(h.targetOffset + target.size());
    // One buffer of the final size, the header written straight into it.
    QByteArray out(int(h.nextOffset), Qt::Uninitialized);
    EntryLayout::writeHeaderTo(h, m_family, out.data());
    std::memcpy(out.data() + headerSize(), body.constData(), size_t(body.size()));
    std::memcpy(out.data() + h.targetOffset, target.constData(), size_t(target.size()));
    *entry = std::move(out);
    return true;
}

bool EntryCodec::haveRevision(const KernelExtension &ext, bool target, QString *error) const
{
    // Every extension is written in a revision the kernel has: codecs that know older
    // layouts pick among them (KernelContext::pickRevision), the others are refused here
    // rather than by the kernel at commit.
    if (m_revisions && m_revisions(ext.name, target, ext.revision) == false)
        return Xt::fail(QStringLiteral("the kernel has no revision %1 of %2 \"%3\"")
                            .arg(ext.revision)
                            .arg(target ? QStringLiteral("target") : QStringLiteral("match"),
                                 QString::fromLatin1(ext.name)),
                        error);
    return true;
}

bool EntryCodec::encodeTarget(const Rule &rule, QByteArray *blob, QString *error) const
{
    const RuleTarget &t = rule.target;
    const ExtensionSpec *spec = Extensions::target(t.name, m_family);
    if (!spec) {
        // A verdict, a chain, or nothing: libiptc's standard target, resolved by name.
        if (!t.options.isEmpty())
            return Xt::fail(QStringLiteral("target \"%1\" takes no options").arg(t.name), error);
        const QByteArray name = t.name.toUtf8();
        if (name.size() >= int(EntryLayout::NameField) || name.contains('\0'))
            return Xt::fail(QStringLiteral("target name \"%1\" is too long").arg(t.name), error);
        if (t.isGoto && (name.isEmpty() || Extensions::isVerdict(t.name)))
            return Xt::fail(QStringLiteral("\"-g\" needs a user chain"), error);
        struct xt_standard_target st;
        std::memset(&st, 0, sizeof(st));
        st.target.u.user.target_size = quint16(EntryLayout::StandardTarget);
        std::memcpy(st.target.u.user.name, name.constData(), size_t(name.size()));
        *blob = QByteArray(int(EntryLayout::StandardTarget), '\0');
        std::memcpy(blob->data(), &st, sizeof(st));
        return true;
    }
    KernelExtension ext;
    if (!spec->encode)
        return Xt::fail(QStringLiteral("target \"%1\" cannot be encoded").arg(t.name), error);
    if (!spec->encode(t.options, context(), &ext, error) || !haveRevision(ext, true, error))
        return false;
    if (t.isGoto)
        return Xt::fail(QStringLiteral("\"-g\" needs a user chain, not \"%1\"").arg(t.name), error);
    *blob = EntryLayout::extensionBlob(ext.name, ext.revision, ext.data);
    return true;
}

DecodedEntry EntryCodec::decode(const void *data, size_t size, const QString &targetLabel) const
{
    DecodedEntry out;
    const auto *p = static_cast<const quint8 *>(data);
    QString why;
    const auto layout = EntryLayout::layoutOf(p, size, m_family, &why);
    if (!layout) {
        out.malformed = true;
        out.text = QStringLiteral("<malformed entry: %1>").arg(why);
        return out;
    }
    const Header &h = layout->header;
    Xt::SaveText t;
    t.add(EntryLayout::headerText(h, m_family));

    const KernelContext ctx = context();
    auto notUnderstood = [&](QByteArrayView name, const char *flag) {
        const QString n = QString::fromUtf8(name);
        t.add(QLatin1String(flag) + QLatin1Char(' ') + n + QStringLiteral(" <not understood>"));
        if (!out.unknownExtensions.contains(n))
            out.unknownExtensions << n;
    };
    // The extension's codec reads it; false when there is none or it cannot read this.
    auto shown = [&](const Extension &e, bool target, const char *flag) {
        const ExtensionSpec *spec = Extensions::byKernelName(e.name, target, m_family);
        KernelExtension ext{e.name.toByteArray(), e.revision, EntryLayout::extensionData(p, e)};
        ShownExtension s;
        s.name = spec ? spec->name : QString();
        if (!spec || !spec->decode(ext, ctx, &s))
            return false;
        t.add(QLatin1String(flag) + QLatin1Char(' ') + s.name +
              (s.options.isEmpty() ? QString() : QLatin1Char(' ') + s.options));
        return true;
    };
    for (const Extension &m : layout->matches)
        if (!shown(m, false, "-m"))
            notUnderstood(m.name, "-m");

    const Extension &tg = layout->target;
    if (tg.name.isEmpty()) {
        if (tg.size != EntryLayout::StandardTarget) {
            notUnderstood(QByteArrayLiteral("standard"), "-j");
        } else if (!targetLabel.isEmpty()) {
            t.add(QLatin1String(h.flags & EntryLayout::gotoFlag(m_family) ? "-g " : "-j ") +
                  targetLabel);
        }
    } else if (!shown(tg, true, "-j")) {
        notUnderstood(tg.name, "-j");
    }
    out.text = t.text();
    return out;
}

namespace {

/**
 * EntryCodec::verbatim() of an entry already laid out; spare bytes are reserved at the end
 * for a caller that appends to the result. Empty if the target label does not fit.
 */
QByteArray verbatimOf(const quint8 *p, const Layout &layout, Family f, const QString &targetLabel,
                      int spare = 0)
{
    const int size = int(layout.header.nextOffset);
    QByteArray out;
    out.reserve(size + spare);
    out.append(reinterpret_cast<const char *>(p), size);
    Header h = layout.header;
    h.comefrom = 0;
    h.packets = 0;
    h.bytes = 0;
    EntryLayout::writeHeaderTo(h, f, out.data());
    // The kernel writes a match or target name back only up to its terminating zero; the
    // rest of the 29 bytes is whatever the reader's buffer held before.
    auto clearNameTail = [&out](const Extension &e) {
        const size_t from = e.offset + 2 + size_t(e.name.size());
        const size_t to = e.offset + 2 + EntryLayout::NameField;
        std::memset(out.data() + from, 0, to - from);
    };
    for (const Extension &m : layout.matches)
        clearNameTail(m);
    clearNameTail(layout.target);
    if (layout.target.name.isEmpty() && layout.target.size == EntryLayout::StandardTarget) {
        // The kernel's verdict (an offset for jumps) means nothing to libiptc on append; the
        // name does.
        struct xt_standard_target st;
        std::memset(&st, 0, sizeof(st));
        st.target.u.user.target_size = quint16(EntryLayout::StandardTarget);
        const QByteArray name = targetLabel.toUtf8();
        if (name.size() >= int(EntryLayout::NameField))
            return QByteArray(); // libiptc could not name that chain either
        std::memcpy(st.target.u.user.name, name.constData(), size_t(name.size()));
        std::memcpy(out.data() + layout.target.offset, &st, sizeof(st));
    }
    return out;
}

} // namespace

QByteArray EntryCodec::verbatim(const void *data, size_t size, const QString &targetLabel) const
{
    const auto *p = static_cast<const quint8 *>(data);
    const auto layout = EntryLayout::layoutOf(p, size, m_family, nullptr);
    if (!layout)
        return QByteArray();
    return verbatimOf(p, *layout, m_family, targetLabel);
}

QByteArray EntryCodec::decodeKey(const void *data, size_t size, const QString &targetLabel) const
{
    const auto *p = static_cast<const quint8 *>(data);
    const auto layout = EntryLayout::layoutOf(p, size, m_family, nullptr);
    if (!layout)
        return QByteArray();
    for (const Extension &m : layout->matches) {
        const ExtensionSpec *spec = Extensions::byKernelName(m.name, false, m_family);
        if (spec && spec->decodesKernelState)
            return QByteArray();
    }
    QByteArray key = verbatimOf(p, *layout, m_family, targetLabel, 1);
    if (key.isEmpty())
        return key;
    // verbatimOf() writes the label into a standard target's empty name; the marker keeps
    // such an entry apart from one whose target really carries that name.
    key += layout->target.name.isEmpty() ? 'S' : 'N';
    return key;
}

QByteArray EntryCodec::normalized(const QByteArray &entry) const
{
    const auto *p = reinterpret_cast<const quint8 *>(entry.constData());
    const auto layout = EntryLayout::layoutOf(p, size_t(entry.size()), m_family, nullptr);
    if (!layout)
        return entry;
    QByteArray out = entry;
    // Interface name bytes outside the mask: the kernel compares (name ^ dev) & mask.
    const size_t ifaceOffset = EntryLayout::interfaceOffset(m_family);
    const Header &h = layout->header;
    for (int i = 0; i < IFNAMSIZ; ++i) {
        if (!h.inmask[i])
            out[int(ifaceOffset) + i] = '\0';
        if (!h.outmask[i])
            out[int(ifaceOffset) + IFNAMSIZ + i] = '\0';
    }
    // What each extension's codec says the kernel ignores.
    for (const Extension &m : layout->matches) {
        const ExtensionSpec *spec = Extensions::byKernelName(m.name, false, m_family);
        if (!spec || !spec->normalize)
            continue;
        const KernelExtension ext{m.name.toByteArray(), m.revision,
                                  EntryLayout::extensionData(p, m)};
        QByteArray data = ext.data;
        spec->normalize(ext, m_family, &data);
        std::memcpy(out.data() + m.offset + EntryLayout::MatchHeader, data.constData(),
                    size_t(data.size()));
    }
    return out;
}

bool EntryCodec::validate(const QByteArray &entry, QString *error) const
{
    const auto *p = reinterpret_cast<const quint8 *>(entry.constData());
    const auto layout = EntryLayout::layoutOf(p, size_t(entry.size()), m_family, error);
    if (!layout)
        return false;
    if (size_t(layout->header.nextOffset) != size_t(entry.size())) {
        if (error)
            *error = QStringLiteral("entry size %1 differs from its next offset %2")
                         .arg(entry.size())
                         .arg(layout->header.nextOffset);
        return false;
    }
    if (layout->target.offset + layout->target.size != layout->header.nextOffset) {
        if (error)
            *error = QStringLiteral("target does not end the entry");
        return false;
    }
    if (layout->target.name.isEmpty() && layout->target.size == EntryLayout::StandardTarget) {
        // A nameless standard target straight from the kernel holds a verdict or a jump
        // offset; libiptc would append it as "no target" and silently drop the jump. Entries
        // from verbatim() carry the name instead and a zero verdict.
        struct xt_standard_target st;
        std::memcpy(&st, p + layout->target.offset, sizeof(st));
        if (st.verdict != 0) {
            if (error)
                *error = QStringLiteral("standard target without a name");
            return false;
        }
    }
    return true;
}

QString EntryCodec::standardTargetName(const QByteArray &entry) const
{
    const auto *p = reinterpret_cast<const quint8 *>(entry.constData());
    const auto layout = EntryLayout::layoutOf(p, size_t(entry.size()), m_family, nullptr);
    if (!layout || layout->target.size != EntryLayout::StandardTarget)
        return QString();
    struct xt_standard_target st;
    std::memcpy(&st, p + layout->target.offset, sizeof(st));
    const size_t len = strnlen(st.target.u.user.name, EntryLayout::NameField);
    return QString::fromUtf8(st.target.u.user.name, int(len));
}

BackendRule EntryCodec::toBackendRule(const void *data, size_t size,
                                      const QString &targetLabel) const
{
    BackendRule br;
    const auto *p = static_cast<const quint8 *>(data);
    const auto layout = EntryLayout::layoutOf(p, size, m_family, nullptr);
    if (layout) {
        br.packets = layout->header.packets;
        br.bytes = layout->header.bytes;
    }
    const DecodedEntry decoded = decode(data, size, targetLabel);
    br.displaySpec = decoded.text;
    if (decoded.malformed) {
        // Nothing in it can be trusted, not even its length: keep what we were given.
        br.raw = QByteArray(reinterpret_cast<const char *>(p), int(size));
        br.unknownExtensions = QStringLiteral("malformed");
        return br;
    }
    const QByteArray kernel = verbatim(data, size, targetLabel);
    if (kernel.isEmpty()) {
        br.raw = QByteArray(reinterpret_cast<const char *>(p), int(size));
        br.unknownExtensions = QStringLiteral("unnamed-target");
        return br;
    }
    if (!decoded.unknownExtensions.isEmpty()) {
        br.raw = kernel;
        br.unknownExtensions = decoded.unknownExtensions.join(QLatin1Char(','));
        return br;
    }
    RuleError perr;
    const auto rule = RuleParser::parse(decoded.text, m_family, &perr);
    if (!rule) {
        br.raw = kernel;
        QStringList names;
        if (perr.unsupported && !perr.token.isEmpty()) {
            names << perr.token;
        } else {
            for (const Extension &m : layout->matches)
                names << QString::fromUtf8(m.name);
            if (!layout->target.name.isEmpty())
                names << QString::fromUtf8(layout->target.name);
        }
        names.removeDuplicates();
        // Refused for something outside any extension (e.g. "! -s 0.0.0.0/0"): name the token.
        if (names.isEmpty())
            names << perr.token;
        br.unknownExtensions = names.join(QLatin1Char(','));
        return br;
    }
    QByteArray again;
    if (!encode(*rule, &again, nullptr) || normalized(again) != normalized(kernel)) {
        // The text does not capture everything the kernel holds (an old revision, a field
        // iptables would not set): name the parts that differ and keep the bytes.
        br.raw = kernel;
        QStringList names;
        again = normalized(again);
        const QByteArray theirs = normalized(kernel);
        const auto mine = EntryLayout::layoutOf(reinterpret_cast<const quint8 *>(again.constData()),
                                                size_t(again.size()), m_family, nullptr);
        if (!mine || mine->matches.size() != layout->matches.size()) {
            for (const Extension &m : layout->matches)
                names << QString::fromUtf8(m.name);
        } else {
            // The header's offsets follow from the sizes of the matches; compare the rest.
            Header a = mine->header;
            Header b = EntryLayout::readHeader(reinterpret_cast<const quint8 *>(theirs.constData()),
                                               m_family);
            a.targetOffset = b.targetOffset = 0;
            a.nextOffset = b.nextOffset = 0;
            if (EntryLayout::writeHeader(a, m_family) != EntryLayout::writeHeader(b, m_family))
                names << QStringLiteral("ip");
            for (int i = 0; i < layout->matches.size(); ++i) {
                const Extension &k = layout->matches[i];
                const Extension &e = mine->matches[i];
                if (k.size != e.size || std::memcmp(theirs.constData() + k.offset,
                                                    again.constData() + e.offset, k.size) != 0)
                    names << QString::fromUtf8(k.name);
            }
        }
        if (!mine || mine->target.size != layout->target.size ||
            std::memcmp(theirs.constData() + layout->target.offset,
                        again.constData() + mine->target.offset, layout->target.size) != 0)
            names << (layout->target.name.isEmpty() ? QStringLiteral("standard")
                                                    : QString::fromUtf8(layout->target.name));
        names.removeDuplicates();
        br.unknownExtensions = names.join(QLatin1Char(','));
        return br;
    }
    br.rule = *rule;
    return br;
}

} // namespace Userchain

#pragma once

#include "rule.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringList>
#include <QVector>
#include <functional>
#include <optional>

namespace Userchain {

/// What an option parser may look at besides its own arguments.
struct ParseContext
{
    Family family = Family::IPv4;
    QString protocol; ///< canonical protocol of the rule so far ("" = all)
    bool protocolNegated = false;
    /// The rule's matches, finished; set for a target's finish step only (TCPMSS needs a SYN
    /// match).
    const QVector<RuleMatch> *matches = nullptr;
};

/// How iptables-save prints an option's argument.
enum class Quoting : quint8 {
    None,   ///< as it is
    Save,   ///< xtables_save_string: bare when plain, else in quotes (comments, log prefixes)
    Always, ///< always in quotes, with " and \ escaped (the string match's patterns)
};

/**
 * One option of an extension. `canonicalize` turns the user's arguments into the option as
 * iptables-save prints it (which may rename it: `--syn` becomes `--tcp-flags`).
 */
struct OptionSpec
{
    QString name; ///< the canonical long name, e.g. "--dport"
    QStringList aliases;
    int argCount = 1;
    bool negatable = true;
    std::function<bool(const QStringList &args, const ParseContext &ctx, RuleOption *out,
                       QString *error)>
        canonicalize;
    /// Free text, printed in quotes as iptables-save prints it.
    Quoting quoting = Quoting::None;
};

/**
 * How the kernel codecs reach ipset: the kernel's set match stores a set index, rules name the
 * set. Both functions may be empty (then every set lookup fails and `-m set` rules stay
 * verbatim).
 */
struct IpsetLookup
{
    /// Set name → kernel index for a family; nullopt with error set if there is no such set.
    std::function<std::optional<quint16>(const QString &name, Family family, QString *error)>
        indexOf;
    /// Kernel index → set name; nullopt if the index names no set.
    std::function<std::optional<QString>(quint16 index)> nameOf;
};

/// What the kernel codec of an extension may look at besides the option values.
struct KernelContext
{
    Family family = Family::IPv4;
    const IpsetLookup *ipsets = nullptr;
    /**
     * Whether the kernel has a revision of a match (target false) or target, as iptables asks
     * before it writes; nullopt when that cannot be asked. Empty: nothing is asked (the codec
     * writes the revision iptables 1.8.9 picks on a current kernel).
     */
    std::function<std::optional<bool>(const QByteArray &name, bool target, int revision)>
        hasRevision;

    /// The first of the revisions a codec can write (from highest to lowest) the kernel has,
    /// as iptables picks; the highest when the kernel cannot be asked; -1 when it has none.
    int pickRevision(const QByteArray &name, bool target,
                     std::initializer_list<int> writable) const;
};

/// An `xt_entry_match` / `xt_entry_target` without its header: name, revision and data.
struct KernelExtension
{
    QByteArray name;
    quint8 revision = 0;
    QByteArray data; ///< the extension's info struct, padded to 8 bytes as the kernel keeps it
};

/// What a kernel codec reads from a KernelExtension: iptables-save's text for it.
struct ShownExtension
{
    QString name;    ///< after `-m` / `-j` (conntrack with the state alias shows as "state")
    QString options; ///< the options, as iptables-save prints them ("" for none)
};

/**
 * A match or target the library understands, all of it side by side: its options in the order
 * iptables-save prints them; `finish`, which checks the whole (required options, protocol) and
 * adds defaults that iptables-save prints even when the user left them out; and its kernel
 * codec, which writes the options as the bytes iptables 1.8.9 gives the kernel and reads such
 * bytes back as iptables-save's text.
 */
struct ExtensionSpec
{
    QString name;
    bool isTarget = false;
    bool ipv4 = true;
    bool ipv6 = true;
    /// False for extensions only read from the kernel for display (SNAT): the parser refuses
    /// them as unsupported, so rules holding them stay verbatim.
    bool parseable = true;
    QVector<OptionSpec> options;
    std::function<bool(QVector<RuleOption> &options, const ParseContext &ctx, QString *error)>
        finish;

    /// The names the kernel stores this extension under (its own name when empty).
    QVector<QByteArray> kernelNames;
    /// Canonical options → kernel extension; false with error set for what it cannot write.
    std::function<bool(const QVector<RuleOption> &options, const KernelContext &ctx,
                       KernelExtension *out, QString *error)>
        encode;
    /// Kernel extension → iptables-save's text; false for a revision, size or value it does
    /// not read exactly as iptables-save would print it.
    std::function<bool(const KernelExtension &in, const KernelContext &ctx, ShownExtension *out)>
        decode;
    /// Clears the bytes of data the kernel ignores (may be empty: every byte counts).
    std::function<void(const KernelExtension &in, Family family, QByteArray *data)> normalize;
    /// Decoding depends on more than the bytes (a set index names whatever set has it now).
    bool decodesKernelState = false;
    /// A target after which the packet goes on to the next rule (LOG, MARK, ...): it decides
    /// nothing about the packet's fate.
    bool continues = false;

    const OptionSpec *findOption(const QString &nameOrAlias) const;
    int orderOf(const QString &canonicalName) const;
    bool hasKernelName(QByteArrayView kernelName) const;
};

/// The registry of supported matches and targets (built once, immutable).
class Extensions final
{
public:
    static const ExtensionSpec *match(const QString &name, Family family);
    static const ExtensionSpec *target(const QString &name, Family family);
    static const QVector<ExtensionSpec> &all();
    /// The extension whose kernel codec reads kernelName, or nullptr.
    static const ExtensionSpec *byKernelName(QByteArrayView kernelName, bool target, Family family);
    /// How iptables-save quotes an option's argument.
    static Quoting quotingOf(const QString &optionName);
    /// Names iptables knows but this library does not (their rules are kept verbatim).
    static bool isKnownUnsupportedMatch(const QString &name);
    static bool isKnownUnsupportedTarget(const QString &name);
    /// The built-in verdicts: ACCEPT, DROP, RETURN.
    static bool isVerdict(const QString &name);
};

/**
 * The kernel's period for a `--limit` rate in 1/10000 s units, as libxt_limit's parse_rate
 * computes it ("N[/second|minute|hour|day]", any prefix of the unit); nullopt with error set.
 */
std::optional<quint32> limitPeriod(const QString &rate, QString *error);

/// libxt_limit's text for a kernel period in 1/10000 s units, e.g. 200000 → "3/min".
QString limitRateText(quint32 period);

/// Quote a string exactly as iptables-save does (xtables_save_string).
QString saveQuote(const QString &value);

/// Quote a string as libxt_string's print_string does: always, with " and \ escaped.
QString stringQuote(const QString &value);

} // namespace Userchain

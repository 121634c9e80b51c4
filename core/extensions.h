#pragma once

#include "rule.h"

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
};

/**
 * A match or target the library understands. Options are listed in the order iptables-save
 * prints them; `finish` checks the whole (required options, protocol) and adds defaults that
 * iptables-save prints even when the user left them out.
 */
struct ExtensionSpec
{
    QString name;
    bool isTarget = false;
    bool ipv4 = true;
    bool ipv6 = true;
    QVector<OptionSpec> options;
    std::function<bool(QVector<RuleOption> &options, const ParseContext &ctx, QString *error)>
        finish;

    const OptionSpec *findOption(const QString &nameOrAlias) const;
    int orderOf(const QString &canonicalName) const;
};

/// The registry of supported matches and targets (built once, immutable).
class Extensions final
{
public:
    static const ExtensionSpec *match(const QString &name, Family family);
    static const ExtensionSpec *target(const QString &name, Family family);
    static const QVector<ExtensionSpec> &all();
    /// Options whose argument is free text, printed with iptables' save quoting.
    static bool isStringOption(const QString &optionName);
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

} // namespace Userchain

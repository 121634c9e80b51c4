#pragma once

#include <QHash>
#include <QString>
#include <QStringList>
#include <QVector>

namespace Userchain {

enum class Family { IPv4 = 4, IPv6 = 6 };

/**
 * One option of a match or a target, already in the canonical form iptables-save prints:
 * `--dport 80` is {"--dport", false, {"80"}}, `! --ctstate NEW` is {"--ctstate", true, {"NEW"}},
 * `--tcp-flags FIN,SYN,RST,ACK SYN` has two arguments. Arguments are stored unquoted; the writer
 * quotes those the extension declares as strings (comments, log prefixes).
 */
struct RuleOption
{
    QString name;
    bool negated = false;
    QStringList args;

    bool operator==(const RuleOption &o) const
    {
        return name == o.name && negated == o.negated && args == o.args;
    }
    bool operator!=(const RuleOption &o) const { return !(*this == o); }
};

} // namespace Userchain
// Made of Qt's implicitly shared containers and plain values: a list of them grows or
// shifts by moving bytes rather than copying each element (reference counts and all).
Q_DECLARE_TYPEINFO(Userchain::RuleOption, Q_RELOCATABLE_TYPE);
namespace Userchain {

/// A `-m NAME` match with its options in iptables-save order.
struct RuleMatch
{
    QString name;
    QVector<RuleOption> options;

    const RuleOption *option(const QString &optionName) const;
    bool operator==(const RuleMatch &o) const { return name == o.name && options == o.options; }
    bool operator!=(const RuleMatch &o) const { return !(*this == o); }
};

} // namespace Userchain
Q_DECLARE_TYPEINFO(Userchain::RuleMatch, Q_RELOCATABLE_TYPE);
namespace Userchain {

/// `-j NAME` (or `-g NAME`) with target options in iptables-save order. Empty name: no target.
struct RuleTarget
{
    QString name;
    bool isGoto = false;
    QVector<RuleOption> options;

    const RuleOption *option(const QString &optionName) const;
    bool operator==(const RuleTarget &o) const
    {
        return name == o.name && isGoto == o.isGoto && options == o.options;
    }
    bool operator!=(const RuleTarget &o) const { return !(*this == o); }
};

} // namespace Userchain
Q_DECLARE_TYPEINFO(Userchain::RuleTarget, Q_RELOCATABLE_TYPE);
namespace Userchain {

/**
 * A firewall rule as a typed value. Every field holds canonical text, so two rules that
 * iptables would store identically compare equal, and toString() is exactly the part of an
 * iptables-save line after `-A CHAIN`.
 *
 * Built by RuleParser (which validates) or by the helper's decoder from kernel structures.
 */
struct Rule
{
    Family family = Family::IPv4;

    QString source; ///< "192.168.1.0/24", "10.0.0.1/32", "2001:db8::/64"; empty: any
    bool sourceNegated = false;
    QString destination;
    bool destinationNegated = false;
    QString inInterface; ///< "eth0", "br-+"; empty: any
    bool inInterfaceNegated = false;
    QString outInterface;
    bool outInterfaceNegated = false;
    QString protocol; ///< "tcp", "udp", "icmp", "gre", or a number; empty: all
    bool protocolNegated = false;
    bool fragment = false; ///< `-f` (IPv4 only)
    bool fragmentNegated = false;

    QVector<RuleMatch> matches;
    RuleTarget target;

    /// The rule-spec in iptables-save's canonical form, e.g. `-s 10.0.0.1/32 -j DROP`.
    QString toString() const;
    /// The text of `-m comment --comment`, or an empty string.
    QString comment() const;
    const RuleMatch *match(const QString &name) const;
    /// A stable identity derived from the canonical text (equal rules share it).
    QString id() const;

    bool operator==(const Rule &o) const;
    bool operator!=(const Rule &o) const { return !(*this == o); }
};

size_t qHash(const Rule &rule, size_t seed = 0);

} // namespace Userchain

// As Rule's parts: moved as bytes when a list grows.
Q_DECLARE_TYPEINFO(Userchain::Rule, Q_RELOCATABLE_TYPE);

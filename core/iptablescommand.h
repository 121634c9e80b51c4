#pragma once

#include "rule.h"

#include <QString>
#include <QStringList>
#include <optional>

namespace Userchain {

/**
 * The commands of iptables and iptables-restore (`-A`, `--append`, ...) and the tools a pasted
 * command line may start with, kept once for restore files, the rule parser (which refuses a
 * command inside a rule) and the evaluator's reading of iptables-save output.
 */
class IptablesCommand final
{
public:
    enum Kind : quint8 {
        Unknown,
        Append,
        Insert,
        Flush,
        NewChain,
        DeleteChain,
        Policy,
        Zero,
        Delete,
        Replace
    };

    /**
     * The command arg names, by either spelling. spelling, when given, gets the same text as a
     * literal, which holds no allocation: a scanned line then does not keep its token alive.
     */
    static Kind of(const QString &arg, QString *spelling = nullptr);

    /// The tools a plain command line may start with, as Docker's page and shells write them
    /// (`iptables`, `ip6tables-nft`, ...).
    static const QStringList &tools();
    /// The family of a tool's rules (ip6tables*: IPv6); nullopt for a name not in tools().
    static std::optional<Family> toolFamily(const QString &tool);
};

} // namespace Userchain

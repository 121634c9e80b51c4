#pragma once

#include "rule.h"

#include <QString>
#include <QStringList>

namespace Userchain {

/**
 * What RuleParser says about a token it cannot place: whether it is one of iptables' own
 * options, the nearest option name ("did you mean"), and the extensions that define it
 * ("needs -m X").
 */
class RuleParserHints final
{
public:
    /// The options of iptables itself (-s, --source, -m, -j, ...).
    static const QStringList &mainOptions();
    /// mainOptions().contains(arg), asked for every token.
    static bool isMainOption(const QString &arg);
    /// The closest known option name, for "did you mean"; empty when none is near.
    static QString suggestion(const QString &token, Family family);
    /// The extensions that define an option: for "needs -m X".
    static QStringList ownersOf(const QString &option, Family family);
};

} // namespace Userchain

#pragma once

#include "rule.h"

#include <QCoreApplication>
#include <QString>

/**
 * Words for the columns of a rule: what the table shows. Negations are spelled out
 * ("not 192.168.1.1") because a lone "!" is easy to miss in a list of addresses.
 */
class RuleFormatter final
{
    Q_DECLARE_TR_FUNCTIONS(RuleFormatter)
public:
    static QString address(const QString &address, bool negated);
    static QString interfaceName(const QString &name, bool negated);
    static QString source(const Userchain::Rule &rule);
    static QString destination(const Userchain::Rule &rule);
    static QString protocolAndPorts(const Userchain::Rule &rule);
    static QString state(const Userchain::Rule &rule);
    static QString target(const Userchain::Rule &rule);
    /// True if the column's text contains a negation.
    static bool sourceNegated(const Userchain::Rule &rule);
    static bool destinationNegated(const Userchain::Rule &rule);
    static bool protocolNegated(const Userchain::Rule &rule);
    /// The target or chain a rule-spec text jumps or goes to (`-j`/`-g`), or "".
    static QString jumpTarget(const QString &spec);

private:
    static QString optionText(const Userchain::RuleOption &option, const QString &label);
    static QString negate(const QString &text, bool negated);
};

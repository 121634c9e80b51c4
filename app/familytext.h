#pragma once

#include "rule.h"

#include <QCoreApplication>
#include <QString>

/**
 * How the GUI names an address family and what it offers as examples: "IPv4 (iptables)",
 * `ip6tables`, "e.g. 2001:db8::1". One place, so every label, placeholder and message of a
 * family page says the same thing.
 */
class FamilyText final
{
    Q_DECLARE_TR_FUNCTIONS(FamilyText)
public:
    static Userchain::Family fromInt(int family);
    static Userchain::Family other(Userchain::Family family);
    /// "IPv4" / "IPv6"
    static QString name(Userchain::Family family);
    /// "iptables" / "ip6tables": the command that shows this family's tables.
    static QString tool(Userchain::Family family);
    /// "IPv4 (iptables)"
    static QString label(Userchain::Family family);
    static QString exampleAddress(Userchain::Family family);
    static QString exampleSubnet(Userchain::Family family);
    static QString exampleRange(Userchain::Family family);
    /// "e.g. 192.168.1.1" for placeholders.
    static QString example(const QString &value);

    /**
     * If `text` (an address, a network or a FIRST-LAST range) is written for the other
     * family, a message that says so in words the user can act on; else empty. The parser
     * would only say that the text is not an address.
     */
    static QString wrongFamilyProblem(const QString &text, Userchain::Family family);
};

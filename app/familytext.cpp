#include "familytext.h"

#include "addresses.h"

using Userchain::Family;

Family FamilyText::fromInt(int family)
{
    return family == 6 ? Family::IPv6 : Family::IPv4;
}

Family FamilyText::other(Family family)
{
    return family == Family::IPv6 ? Family::IPv4 : Family::IPv6;
}

QString FamilyText::name(Family family)
{
    return family == Family::IPv6 ? tr("IPv6") : tr("IPv4");
}

QString FamilyText::tool(Family family)
{
    return family == Family::IPv6 ? QStringLiteral("ip6tables") : QStringLiteral("iptables");
}

QString FamilyText::label(Family family)
{
    return tr("%1 (%2)").arg(name(family), tool(family));
}

QString FamilyText::exampleAddress(Family family)
{
    return family == Family::IPv6 ? QStringLiteral("2001:db8::1") : QStringLiteral("192.168.1.1");
}

QString FamilyText::exampleSubnet(Family family)
{
    return family == Family::IPv6 ? QStringLiteral("2001:db8:1::/64")
                                  : QStringLiteral("192.168.1.0/24");
}

QString FamilyText::exampleRange(Family family)
{
    return family == Family::IPv6 ? QStringLiteral("2001:db8::1-2001:db8::3")
                                  : QStringLiteral("192.168.1.1-192.168.1.3");
}

QString FamilyText::example(const QString &value)
{
    return tr("e.g. %1").arg(value);
}

QString FamilyText::wrongFamilyProblem(const QString &text, Family family)
{
    const QString t = text.trimmed();
    if (t.isEmpty()) {
        return QString();
    }
    // The first address of a network or a range decides; the rest is the parser's business.
    const QString first = t.section(QLatin1Char('/'), 0, 0).section(QLatin1Char('-'), 0, 0);
    QString ignored;
    if (Userchain::Addresses::parseAddress(first, family, &ignored) ||
        !Userchain::Addresses::parseAddress(first, other(family), &ignored)) {
        return QString();
    }
    const QString kind = t.contains(QLatin1Char('/'))   ? tr("%1 network").arg(name(other(family)))
                         : t.contains(QLatin1Char('-')) ? tr("%1 range").arg(name(other(family)))
                                                        : tr("%1 address").arg(name(other(family)));
    return tr("%1 is an %2, but these rules are for %3 (%4). Enter an %3 address, or add the "
              "rule on the %5 tab.")
        .arg(t, kind, name(family), tool(family), name(other(family)));
}

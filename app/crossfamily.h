#pragma once

#include "rule.h"

#include <QStringList>
#include <optional>

/**
 * Whether a rule means the same in both families, so that one click can add it to the IPv4
 * and the IPv6 DOCKER-USER: it must have no address (source, destination, ranges, conntrack
 * addresses), no ICMP of one family and no ipset (sets have a family), and parse to the same
 * canonical text in the other family.
 */
class CrossFamily final
{
public:
    /// The canonical rule for the other family, or nullopt if `spec` is family-specific.
    static std::optional<QString> translate(const QString &spec, Userchain::Family from);
    /// All of `specs` translated, or nullopt if any of them is family-specific (or none given).
    static std::optional<QStringList> translate(const QStringList &specs, Userchain::Family from);
};

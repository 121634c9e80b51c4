#pragma once

#include "rulelints.h"

#include <QString>
#include <QStringList>
#include <optional>

namespace Userchain {

/// What the lints of DOCKER-USER (RuleLints, ContainerAddressLint) share.
namespace LintSupport {

/// The rule as the parser writes it, or an empty string when it does not parse.
QString canonical(const Rule &rule);

/// Offers specs as the lint's fix, unless one of them is empty (did not parse: no fix).
void setFix(RuleLint *lint, const QStringList &specs, const QString &summary);

/// A published port Docker DNATs on one host port to one container port.
bool isSinglePort(const PublishedPort &p);

/// The one `--dport N` or `--sport N` (a single port, not negated) of a tcp or udp rule.
struct PortTest
{
    int protocol = 6;
    bool destination = true;
    int port = 0;
    int matchIndex = -1;
};

std::optional<PortTest> portTestOf(const Rule &rule);

} // namespace LintSupport

} // namespace Userchain

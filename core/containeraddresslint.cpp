#include "containeraddresslint.h"

#include "lintsupport.h"

#include <QCoreApplication>
#include <algorithm>

namespace Userchain {

using namespace LintSupport;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Userchain::RuleLints", text);
}

RuleLint make(int index, const QString &spec)
{
    RuleLint lint;
    lint.kind = RuleLint::Kind::UnknownContainer;
    lint.rule = index;
    lint.spec = spec;
    return lint;
}

QString addressText(const IpAddress &address, Family family)
{
    const QString text = address.toString(family);
    return family == Family::IPv6 ? QStringLiteral("[%1]").arg(text) : text;
}

} // namespace

ContainerAddressLint::ContainerAddressLint(const Ruleset &ruleset,
                                           const QVector<PublishedPort> &published)
    : m_ruleset(ruleset), m_family(ruleset.family), m_published(published)
{}

std::optional<RuleLint> ContainerAddressLint::check(const Rule &rule, int index,
                                                    const QString &spec) const
{
    if (const QVector<RunningContainer> *running = m_ruleset.runningContainers())
        return unusedAddress(rule, index, spec, *running);
    return unpublishedAddress(rule, index, spec);
}

/// A single address (or /32, /128), not negated, as a rule's `-d` or `--ctorigdst` gives it.
std::optional<IpAddress> ContainerAddressLint::singleAddress(const QString &text) const
{
    const auto net = IpNetwork::parse(text, m_family);
    if (!net || !net->isContiguous() || net->range(m_family).first != net->range(m_family).last)
        return std::nullopt;
    return net->addr;
}

/// The rule with `from` replaced by `to` wherever it is the rule's `-d` or `--ctorigdst`.
QString ContainerAddressLint::withDestination(const Rule &rule, const IpAddress &from,
                                              const IpAddress &to) const
{
    Rule fixed = rule;
    const QString text =
        to.toString(m_family) +
        (m_family == Family::IPv4 ? QStringLiteral("/32") : QStringLiteral("/128"));
    if (!rule.destinationNegated && singleAddress(rule.destination) == from)
        fixed.destination = text;
    for (RuleMatch &m : fixed.matches) {
        if (m.name != QLatin1String("conntrack"))
            continue;
        for (RuleOption &o : m.options)
            if (o.name == QLatin1String("--ctorigdst") && !o.negated &&
                singleAddress(o.args.value(0)) == from)
                o.args = {text};
    }
    return canonical(fixed);
}

/**
 * With the running containers read from Docker: a `-d` or `--ctorigdst` that is one address
 * on a Docker bridge (as Docker's rules route it) that no running container has, that is not
 * a gateway (the host's own address there) and that Docker's rules do not name either.
 */
std::optional<RuleLint>
ContainerAddressLint::unusedAddress(const Rule &rule, int index, const QString &spec,
                                    const QVector<RunningContainer> &running) const
{
    QVector<IpAddress> named;
    if (!rule.destinationNegated)
        if (const auto a = singleAddress(rule.destination))
            named.append(*a);
    for (const RuleMatch &m : rule.matches) {
        if (m.name != QLatin1String("conntrack"))
            continue;
        for (const RuleOption &o : m.options)
            if (o.name == QLatin1String("--ctorigdst") && !o.negated)
                if (const auto a = singleAddress(o.args.value(0)); a && !named.contains(*a))
                    named.append(*a);
    }
    for (const IpAddress &address : named) {
        const QString bridge = m_ruleset.bridgeFor(address);
        if (bridge.isEmpty() || m_ruleset.isContainerAddress(address))
            continue;
        const auto used =
            std::find_if(running.begin(), running.end(), [&](const RunningContainer &c) {
                return c.address == address || c.gateway == address;
            });
        if (used != running.end())
            continue;
        return unusedAddressLint(rule, index, spec, address, bridge, running);
    }
    return std::nullopt;
}

RuleLint ContainerAddressLint::unusedAddressLint(const Rule &rule, int index, const QString &spec,
                                                 const IpAddress &address, const QString &bridge,
                                                 const QVector<RunningContainer> &running) const
{
    // The containers on that bridge, for the reason, and those the rule's comment names,
    // for the fix: the container the rule was written for, at its address today.
    QStringList there;
    QVector<IpAddress> commented;
    QString commentedName;
    const RuleMatch *comment = rule.match(QStringLiteral("comment"));
    const RuleOption *commentOption =
        comment ? comment->option(QStringLiteral("--comment")) : nullptr;
    const QString commentText = commentOption ? commentOption->args.value(0) : QString();
    for (const RunningContainer &c : running) {
        if (m_ruleset.bridgeFor(c.address) != bridge)
            continue;
        const QString addressText = c.address.toString(m_family);
        there << (c.name.isEmpty() ? addressText : tr("%1 (%2)").arg(c.name, addressText));
        if (!c.name.isEmpty() && namesWord(commentText, c.name) && !commented.contains(c.address)) {
            commented.append(c.address);
            commentedName = c.name;
        }
    }
    const QString namedText = address.toString(m_family);
    RuleLint lint = make(index, spec);
    lint.summary = tr("no running container has %1").arg(namedText);
    constexpr int MaxListed = 5;
    const QString listed = there.isEmpty() ? tr("none is running there")
                           : there.size() <= MaxListed
                               ? tr("running there: %1").arg(there.join(QStringLiteral(", ")))
                               : tr("running there: %1 and %2 more")
                                     .arg(there.mid(0, MaxListed).join(QStringLiteral(", ")))
                                     .arg(there.size() - MaxListed);
    lint.reason = tr("Names %1, an address on Docker's bridge %2, but no running container "
                     "has it (%3). A container that was stopped or created again may have "
                     "another address now, and the rule then does nothing for it.")
                      .arg(namedText, bridge, listed);
    if (commented.size() == 1) {
        const QString to = commented.first().toString(m_family);
        setFix(&lint, {withDestination(rule, address, commented.first())},
               tr("use %1 (%2's address now) instead of %3").arg(to, commentedName, namedText));
    } else if (const auto other = publishedElsewhere(rule, address, bridge)) {
        setFix(&lint, {withDestination(rule, address, *other)},
               tr("use %1 instead of %2").arg(other->toString(m_family), namedText));
    }
    return lint;
}

/// Whether `word` occurs in `text` on its own (not as part of a longer container name).
bool ContainerAddressLint::namesWord(const QString &text, const QString &word)
{
    const auto nameChar = [](QChar c) {
        return c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('.') ||
               c == QLatin1Char('-');
    };
    for (qsizetype at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
        const qsizetype end = at + word.size();
        if ((at == 0 || !nameChar(text.at(at - 1))) &&
            (end == text.size() || !nameChar(text.at(end))))
            return true;
    }
    return false;
}

/// The one other container that Docker publishes the rule's `--dport` for on that bridge.
std::optional<IpAddress> ContainerAddressLint::publishedElsewhere(const Rule &rule,
                                                                  const IpAddress &named,
                                                                  const QString &bridge) const
{
    const auto test = portTestOf(rule);
    if (!test || !test->destination)
        return std::nullopt;
    std::optional<IpAddress> other;
    for (const PublishedPort &p : m_published) {
        if (p.protocol != test->protocol || !isSinglePort(p) || p.containerPort != test->port ||
            p.bridge != bridge || p.containerAddress == named)
            continue;
        if (other && *other != p.containerAddress)
            return std::nullopt;
        other = p.containerAddress;
    }
    return other;
}

/**
 * Without the running containers: `-d ADDR --dport N` where Docker publishes N for another
 * container on that bridge and its rules name no container at ADDR. Docker's rules name
 * only containers that publish ports, so an address alone proves nothing.
 */
std::optional<RuleLint> ContainerAddressLint::unpublishedAddress(const Rule &rule, int index,
                                                                 const QString &spec) const
{
    const auto test = portTestOf(rule);
    if (!test || !test->destination || rule.destination.isEmpty() || rule.destinationNegated)
        return std::nullopt;
    const auto single = singleAddress(rule.destination);
    if (!single)
        return std::nullopt;
    const IpAddress named = *single;
    const QString bridge = m_ruleset.bridgeFor(named);
    if (bridge.isEmpty() || m_ruleset.isContainerAddress(named))
        return std::nullopt;
    QVector<IpAddress> others;
    QStringList published;
    for (const PublishedPort &p : m_published) {
        if (p.containerAddress == named)
            return std::nullopt;
        if (p.protocol != test->protocol || !isSinglePort(p) || p.containerPort != test->port ||
            p.bridge != bridge)
            continue;
        if (!others.contains(p.containerAddress))
            others.append(p.containerAddress);
        published << tr("%1 (host port %2)")
                         .arg(addressText(p.containerAddress, m_family))
                         .arg(p.hostPorts.first);
    }
    if (others.isEmpty())
        return std::nullopt;
    const QString namedText = named.toString(m_family);
    RuleLint lint = make(index, spec);
    lint.summary = tr("no container with published ports has %1").arg(namedText);
    lint.reason = tr("Names %1 port %2, but Docker's rules name no container at %1: on %3, "
                     "port %2 is published for %4. Docker names only containers that publish "
                     "ports; a container that was created again may have a new address.")
                      .arg(namedText)
                      .arg(test->port)
                      .arg(bridge, published.join(QStringLiteral(", ")));
    if (others.size() == 1)
        setFix(&lint, {withDestination(rule, named, others.first())},
               tr("use %1 instead of %2").arg(others.first().toString(m_family), namedText));
    return lint;
}

} // namespace Userchain

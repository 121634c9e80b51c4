#include "rulelints.h"

#include "containeraddresslint.h"
#include "lintsupport.h"
#include "reachability.h"
#include "replywitness.h"
#include "ruleparser.h"
#include "shadowindex.h"

#include <QCoreApplication>
#include <algorithm>

namespace Userchain {

using namespace LintSupport;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Userchain::RuleLints", text);
}

bool isLoopback(const std::optional<IpAddress> &address, Family family)
{
    if (!address)
        return false;
    if (family == Family::IPv4)
        return (address->lo >> 24) == 127;
    return address->hi == 0 && address->lo == 1;
}

/// `rule` with its port test replaced by conntrack's original destination port `hostPort`.
QString withOrigPort(const Rule &rule, const PortTest &test, int hostPort)
{
    Rule r = rule;
    const RuleOption orig{QStringLiteral("--ctorigdstport"), false, {QString::number(hostPort)}};
    const RuleOption dir{QStringLiteral("--ctdir"),
                         false,
                         {test.destination ? QStringLiteral("ORIGINAL") : QStringLiteral("REPLY")}};
    auto existing = std::find_if(r.matches.begin(), r.matches.end(), [](const RuleMatch &m) {
        return m.name == QLatin1String("conntrack");
    });
    if (existing != r.matches.end()) {
        existing->options << orig << dir; // the parser puts them in iptables-save's order
        r.matches.removeAt(test.matchIndex);
    } else {
        r.matches[test.matchIndex] = RuleMatch{QStringLiteral("conntrack"), {orig, dir}};
    }
    return canonical(r);
}

/// The ports Docker publishes, but for those on loopback only (no client reaches them).
QVector<PublishedPort> reachablePorts(const Ruleset &ruleset)
{
    QVector<PublishedPort> out;
    for (const PublishedPort &p : ruleset.publishedPorts())
        if (!isLoopback(p.hostAddress, ruleset.family))
            out.append(p);
    return out;
}

class Linter
{
public:
    explicit Linter(const Ruleset &ruleset)
        : m_ruleset(ruleset), m_family(ruleset.family), m_witness(ruleset),
          m_chain(ruleset.chain(QStringLiteral("filter"), QStringLiteral("DOCKER-USER"))),
          m_published(reachablePorts(ruleset)), m_addresses(ruleset, m_published)
    {}

    QVector<RuleLint> run()
    {
        QVector<RuleLint> out;
        if (!m_chain)
            return out;
        ShadowIndex finals(m_family);
        for (int i = 0; i < m_chain->rules.size(); ++i) {
            const RulesetRule &r = m_chain->rules.at(i);
            if (!r.rule)
                continue;
            if (const auto lint = shadowed(finals, i))
                out.append(*lint);
            else
                lintRule(i, &out);
            if (Reachability::isFinal(*r.rule))
                finals.add(*r.rule, i);
        }
        return out;
    }

private:
    RuleLint make(RuleLint::Kind kind, int index) const
    {
        RuleLint lint;
        lint.kind = kind;
        lint.rule = index;
        lint.spec = m_chain->rules.at(index).text;
        return lint;
    }

    std::optional<RuleLint> shadowed(const ShadowIndex &finals, int index) const
    {
        const Rule &later = *m_chain->rules.at(index).rule;
        const int e = finals.firstCovering(later);
        if (e >= 0) {
            const bool same = m_chain->rules.at(e).rule->target == later.target;
            RuleLint lint =
                make(same ? RuleLint::Kind::Redundant : RuleLint::Kind::NeverMatches, index);
            lint.involved = {e};
            const QString other = m_chain->rules.at(e).text;
            if (same) {
                lint.summary = tr("redundant: rule %1 (%2) already takes all its packets with "
                                  "the same verdict")
                                   .arg(e + 1)
                                   .arg(other);
                lint.reason = tr("Redundant: rule %1 (%2) comes first and matches every packet "
                                 "this rule matches, with the same verdict. Removing this rule "
                                 "changes nothing.")
                                  .arg(e + 1)
                                  .arg(other);
                setFix(&lint, {}, tr("delete rule %1").arg(index + 1));
            } else {
                lint.summary =
                    tr("never matches: rule %1 (%2) takes all its packets").arg(e + 1).arg(other);
                lint.reason = tr("Never matches: rule %1 (%2) comes first and takes every packet "
                                 "this rule would match, so this rule never decides anything. "
                                 "Move it above rule %1 if it should, or delete it.")
                                  .arg(e + 1)
                                  .arg(other);
            }
            return lint;
        }
        return std::nullopt;
    }

    void lintRule(int index, QVector<RuleLint> *out)
    {
        const Rule &rule = *m_chain->rules.at(index).rule;
        if (const auto lint = dnatPort(rule, index))
            out->append(*lint);
        if (!rule.target.isGoto && rule.target.name == QLatin1String("ACCEPT")) {
            RuleLint lint = make(RuleLint::Kind::AcceptSkipsDocker, index);
            lint.summary = tr("ACCEPT skips Docker's checks");
            lint.reason = tr("ACCEPT is final in DOCKER-USER: the packets this rule matches skip "
                             "Docker's own rules (its published ports, the isolation between "
                             "Docker networks). RETURN hands them on to Docker's rules instead.");
            Rule fixed = rule;
            fixed.target.name = QStringLiteral("RETURN");
            setFix(&lint, {canonical(fixed)}, tr("use RETURN instead of ACCEPT"));
            out->append(lint);
        }
        if (const auto example = m_witness.dropsReplies(index))
            out->append(dropsReplies(rule, index, *example));
        if (const auto lint = m_addresses.check(rule, index, m_chain->rules.at(index).text))
            out->append(*lint);
    }

    /// True if the rule's interfaces let it match traffic between the outside and a bridge:
    /// `outside` is the side packets come from (`-i` for --dport, `-o` for --sport).
    bool interfacesFit(const QString &outside, bool outsideNeg, const QString &inside,
                       bool insideNeg, const QString &bridge) const
    {
        const bool outsideOk = outside.isEmpty() || outsideNeg == m_witness.namesBridge(outside);
        const bool insideOk = inside.isEmpty() || (!insideNeg && interfaceMatches(inside, bridge));
        return outsideOk && insideOk;
    }

    std::optional<RuleLint> dnatPort(const Rule &rule, int index) const
    {
        const auto test = portTestOf(rule);
        if (!test || !rule.destination.isEmpty())
            return std::nullopt;
        for (const RuleMatch &m : rule.matches) {
            if (m.name == QLatin1String("iprange") && m.option(QStringLiteral("--dst-range")))
                return std::nullopt;
            // Conntrack's port or direction tests mean the rule knows about DNAT already.
            if (m.name == QLatin1String("conntrack"))
                for (const RuleOption &o : m.options)
                    if (o.name != QLatin1String("--ctstate"))
                        return std::nullopt;
        }
        QVector<PublishedPort> asHost;
        QVector<PublishedPort> asContainer;
        for (const PublishedPort &p : m_published) {
            if (p.protocol != test->protocol)
                continue;
            if (!isSinglePort(p)) {
                const int span = p.hostPorts.last - p.hostPorts.first;
                if (p.hostPorts.contains(test->port) ||
                    (test->port >= p.containerPort && test->port <= p.containerPort + span))
                    return std::nullopt; // ranges: which port maps where is not worth guessing
                continue;
            }
            const bool fits =
                test->destination
                    ? interfacesFit(rule.inInterface, rule.inInterfaceNegated, rule.outInterface,
                                    rule.outInterfaceNegated, p.bridge)
                    : interfacesFit(rule.outInterface, rule.outInterfaceNegated, rule.inInterface,
                                    rule.inInterfaceNegated, p.bridge);
            if (p.hostPorts.first == test->port && fits)
                asHost.append(p);
            if (p.containerPort == test->port && fits)
                asContainer.append(p);
        }
        const QString option =
            test->destination ? QStringLiteral("--dport") : QStringLiteral("--sport");
        const QString dir =
            test->destination ? QStringLiteral("ORIGINAL") : QStringLiteral("REPLY");
        if (!asHost.isEmpty() && asContainer.isEmpty()) {
            // A container that Docker reaches without DNAT on this port would give the test a
            // meaning of its own (routed networks accept container ports in filter DOCKER).
            if (acceptsContainerPort(test->protocol, test->port))
                return std::nullopt;
            const PublishedPort &p = asHost.first();
            const QString target =
                QStringLiteral("%1:%2").arg(addressText(p.containerAddress)).arg(p.containerPort);
            RuleLint lint = make(RuleLint::Kind::DnatPort, index);
            lint.summary = tr("%1 %2 never sees published port %2 (Docker's DNAT made it %3)")
                               .arg(option)
                               .arg(test->port)
                               .arg(target);
            lint.reason =
                (test->destination
                     ? tr("--dport %1 never matches connections to the published port %1: when "
                          "they reach DOCKER-USER, Docker's DNAT has already changed their "
                          "destination to %2. Conntrack's --ctorigdstport %1 --ctdir ORIGINAL "
                          "matches the port clients connect to.")
                     : tr("--sport %1 never matches the container's replies for the published "
                          "port %1: they come from %2, the address and port Docker's DNAT "
                          "chose. Conntrack's --ctorigdstport %1 --ctdir REPLY matches them."))
                    .arg(test->port)
                    .arg(target);
            setFix(&lint, {withOrigPort(rule, *test, test->port)},
                   tr("use --ctorigdstport %1 --ctdir %2").arg(test->port).arg(dir));
            return lint;
        }
        if (asHost.isEmpty() && !asContainer.isEmpty()) {
            QVector<int> hostPorts;
            QStringList published;
            for (const PublishedPort &p : asContainer) {
                if (p.hostPorts.first == test->port)
                    return std::nullopt;
                if (!hostPorts.contains(p.hostPorts.first))
                    hostPorts.append(p.hostPorts.first);
                published << QStringLiteral("%1 → %2:%3")
                                 .arg(p.hostPorts.first)
                                 .arg(addressText(p.containerAddress))
                                 .arg(p.containerPort);
            }
            std::sort(hostPorts.begin(), hostPorts.end());
            QStringList fix;
            QStringList ports;
            for (int h : hostPorts) {
                fix << withOrigPort(rule, *test, h);
                ports << QString::number(h);
            }
            RuleLint lint = make(RuleLint::Kind::DnatPort, index);
            lint.summary = tr("%1 %2 is the container's port after Docker's DNAT (published as %3)")
                               .arg(option)
                               .arg(test->port)
                               .arg(ports.join(QStringLiteral(", ")));
            lint.reason =
                (test->destination
                     ? tr("--dport %1 tests the container's port, after Docker's DNAT (%2): it "
                          "follows the container, not the port clients connect to. Conntrack's "
                          "--ctorigdstport with --ctdir ORIGINAL matches the published port.")
                     : tr("--sport %1 tests the container's port, after Docker's DNAT (%2): it "
                          "follows the container, not the published port. Conntrack's "
                          "--ctorigdstport with --ctdir REPLY matches replies for the published "
                          "port."))
                    .arg(test->port)
                    .arg(published.join(QStringLiteral(", ")));
            setFix(
                &lint, fix,
                tr("use --ctorigdstport %1 --ctdir %2").arg(ports.join(QStringLiteral(", ")), dir));
            return lint;
        }
        return std::nullopt;
    }

    bool acceptsContainerPort(int protocol, int port) const
    {
        const RulesetChain *docker =
            m_ruleset.chain(QStringLiteral("filter"), QStringLiteral("DOCKER"));
        if (!docker)
            return false;
        for (const RulesetRule &r : docker->rules) {
            if (!r.rule)
                continue;
            const auto test = portTestOf(*r.rule);
            if (test && test->destination && test->protocol == protocol && test->port == port)
                return true;
        }
        return false;
    }

    QString addressText(const IpAddress &address) const
    {
        const QString text = address.toString(m_family);
        return m_family == Family::IPv6 ? QStringLiteral("[%1]").arg(text) : text;
    }

    RuleLint dropsReplies(const Rule &rule, int index, const ReplyExample &example) const
    {
        RuleLint lint = make(RuleLint::Kind::DropsReplies, index);
        const QString from =
            example.remotePort > 0
                ? QStringLiteral("%1 port %2").arg(example.remote).arg(example.remotePort)
                : example.remote;
        const QString where = example.inInterface.isEmpty() ? tr("from outside")
                                                            : tr("on %1").arg(example.inInterface);
        lint.summary = tr("also drops replies to the containers' own outgoing connections");
        const QString who =
            example.published
                ? example.container
                : tr("a container on %1 (say %2)").arg(example.bridge, example.container);
        lint.reason = tr("Also drops replies to the containers' own outgoing connections: when "
                         "%1 connects to %2, the answer arriving %3 is dropped here. No rule "
                         "above lets RELATED,ESTABLISHED traffic through, and the rule has no "
                         "--ctdir ORIGINAL, which would limit it to traffic that starts outside.")
                          .arg(who, from, where);
        Rule fixed = rule;
        const RuleOption dir{QStringLiteral("--ctdir"), false, {QStringLiteral("ORIGINAL")}};
        auto existing =
            std::find_if(fixed.matches.begin(), fixed.matches.end(),
                         [](const RuleMatch &m) { return m.name == QLatin1String("conntrack"); });
        if (existing != fixed.matches.end())
            existing->options.append(dir);
        else
            fixed.matches.append(RuleMatch{QStringLiteral("conntrack"), {dir}});
        setFix(&lint, {canonical(fixed)}, tr("add -m conntrack --ctdir ORIGINAL"));
        return lint;
    }

    const Ruleset &m_ruleset;
    Family m_family;
    ReplyWitness m_witness;
    const RulesetChain *m_chain;
    QVector<PublishedPort> m_published;
    ContainerAddressLint m_addresses;
};

} // namespace

QVector<RuleLint> RuleLints::compute(const Ruleset &ruleset)
{
    return Linter(ruleset).run();
}

QString RuleLints::kindName(RuleLint::Kind kind)
{
    switch (kind) {
    case RuleLint::Kind::NeverMatches:
        return tr("never matches");
    case RuleLint::Kind::Redundant:
        return tr("redundant");
    case RuleLint::Kind::DnatPort:
        return tr("port after Docker's DNAT");
    case RuleLint::Kind::AcceptSkipsDocker:
        return tr("ACCEPT skips Docker's checks");
    case RuleLint::Kind::DropsReplies:
        return tr("drops replies");
    case RuleLint::Kind::UnknownContainer:
        return tr("unknown container address");
    }
    return QString();
}

QString RuleLints::line(const RuleLint &lint)
{
    const QString head = tr("rule %1: %2").arg(lint.rule + 1).arg(lint.summary);
    return lint.hasFix ? tr("%1 — %2").arg(head, lint.fixSummary) : head;
}

} // namespace Userchain

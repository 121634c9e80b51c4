#include "exposure.h"

#include "chainwalker.h"
#include "packettracer.h"
#include "rulematcher.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>
#include <algorithm>
#include <memory>
#include <set>

namespace Userchain {

namespace {

const QString Raw = QStringLiteral("raw");
const QString Nat = QStringLiteral("nat");
const QString Filter = QStringLiteral("filter");

/// One class of incoming interfaces and the name that stands for all of it.
struct IfaceClass
{
    QString label;  ///< "eth0", "eth+", "any"
    QString prefix; ///< wildcards and the root: the prefix they cover
    bool isName = false;
    QString representative;
    int parent = -1; ///< the nearest class that contains this one (-1: the root itself)
};

bool startsWithAny(const QString &name, const QSet<QString> &prefixes, const QString &except)
{
    for (const QString &p : prefixes)
        if (p != except && p.size() > except.size() && name.startsWith(p))
            return true;
    return false;
}

QVector<IfaceClass> interfaceClasses(const Ruleset &rs)
{
    QSet<QString> names, prefixes;
    for (const QString &table : {Raw, Nat, Filter})
        for (const QString &c : rs.chainNames(table))
            for (const RulesetRule &r : rs.chain(table, c)->rules) {
                if (!r.rule || r.rule->inInterface.isEmpty())
                    continue;
                if (r.rule->inInterface.endsWith(QLatin1Char('+')))
                    prefixes.insert(r.rule->inInterface.chopped(1));
                else
                    names.insert(r.rule->inInterface);
            }
    prefixes.remove(QString()); // "+" is every interface: the root class
    // A name no rule names, under `prefix` and under no longer wildcard: it stands for the class.
    auto representative = [&](const QString &prefix) {
        QString candidate = prefix + QLatin1Char('~');
        while ((names.contains(candidate) || startsWithAny(candidate, prefixes, prefix)) &&
               candidate.size() < 15)
            candidate += QLatin1Char('~');
        return candidate;
    };
    QVector<IfaceClass> classes;
    classes.append({QStringLiteral("any"), QString(), false, representative(QString()), -1});
    QStringList sortedPrefixes(prefixes.begin(), prefixes.end());
    std::sort(sortedPrefixes.begin(), sortedPrefixes.end());
    for (const QString &p : std::as_const(sortedPrefixes))
        classes.append({p + QLatin1Char('+'), p, false, representative(p), 0});
    QStringList sortedNames(names.begin(), names.end());
    std::sort(sortedNames.begin(), sortedNames.end());
    for (const QString &n : std::as_const(sortedNames))
        classes.append({n, n, true, n, 0});
    // The parent: the longest wildcard whose prefix this class's names all start with.
    for (int i = 1; i < classes.size(); ++i) {
        int best = 0;
        for (int j = 1; j < classes.size(); ++j) {
            if (i == j || classes[j].isName)
                continue;
            const bool under = classes[i].isName
                                   ? classes[i].prefix.startsWith(classes[j].prefix)
                                   : classes[i].prefix.size() > classes[j].prefix.size() &&
                                         classes[i].prefix.startsWith(classes[j].prefix);
            if (under && (best == 0 || classes[j].prefix.size() > classes[best].prefix.size()))
                best = j;
        }
        classes[i].parent = best;
    }
    return classes;
}

/// A rule that may match some sources of a class: how, and for which sources.
struct Slot
{
    Tri value = Tri::No;
    QString uses;
};

struct ChainState
{
    QVector<Slot> rules;
    std::set<int> active;
};

struct Event
{
    IpAddress at;
    ChainState *chain;
    int index;
    bool add;
};

/// ChainWalker's oracle for one cell of the sweep: the rules active at the cell's addresses.
class SweepOracle final : public RuleOracle
{
public:
    QHash<const RulesetChain *, ChainState *> chains;
    int next(const RulesetChain &chain, int from, MatchResult *result) override
    {
        ChainState *s = chains.value(&chain);
        if (!s)
            return -1;
        const auto it = s->active.lower_bound(from);
        if (it == s->active.end())
            return -1;
        const Slot &slot = s->rules[*it];
        *result = {slot.value, slot.uses};
        return *it;
    }
};

/// How a cell fares: a walk outcome, or "DNATed elsewhere / not DNATed" (NotHere).
struct Decision
{
    int kind = 0; ///< WalkOutcome::Kind, or NotHere
    const RulesetChain *chain = nullptr;
    int index = -1;
    QString uses;
    bool operator==(const Decision &o) const
    {
        return kind == o.kind && chain == o.chain && index == o.index && uses == o.uses;
    }
};
constexpr int NotHere = 100;

/// Everything one class of interfaces needs for the sweep.
struct ClassSweep
{
    std::vector<std::unique_ptr<ChainState>> states;
    SweepOracle oracle;
    std::vector<Event> events;
};

/// A rule's result for a port, with -i left out: the same for every interface class.
struct Prepared
{
    const RulesetChain *chain;
    int index;
    MatchResult result;
    RangeList allowed;
};

void prepareTable(const Ruleset &rs, const QString &table, MatchContext ctx, QVector<Prepared> *out)
{
    ctx.ignoreIn = true;
    for (const QString &name : rs.chainNames(table)) {
        const RulesetChain *chain = rs.chain(table, name);
        for (int i = 0; i < chain->rules.size(); ++i) {
            const RulesetRule &r = chain->rules[i];
            SourceConstraint sc{wholeSpace(rs.family)};
            MatchResult m{Tri::Unknown, r.opaque};
            if (r.rule)
                m = RuleMatcher::match(*r.rule, ctx, rs, &sc);
            if (m.value != Tri::No && !sc.allowed.isEmpty())
                out->append({chain, i, m, sc.allowed});
        }
    }
}

/// The sweep of one interface class: the prepared rules whose -i takes its representative.
void prepareClass(const Ruleset &rs, const QVector<Prepared> &prepared, const QString &iface,
                  ClassSweep *sweep)
{
    for (const Prepared &p : prepared) {
        const RulesetRule &r = p.chain->rules[p.index];
        if (r.rule && !r.rule->inInterface.isEmpty() &&
            interfaceMatches(r.rule->inInterface, iface) == r.rule->inInterfaceNegated)
            continue;
        ChainState *state = sweep->oracle.chains.value(p.chain);
        if (!state) {
            sweep->states.push_back(std::make_unique<ChainState>());
            state = sweep->states.back().get();
            state->rules.resize(p.chain->rules.size());
            sweep->oracle.chains.insert(p.chain, state);
        }
        state->rules[p.index] = {p.result.value, p.result.uses};
        for (const AddressRange &range : p.allowed) {
            sweep->events.push_back({range.first, state, p.index, true});
            if (range.last != IpAddress::maxOf(rs.family))
                sweep->events.push_back({range.last.next(), state, p.index, false});
        }
    }
}

Decision decide(const Ruleset &rs, SweepOracle &oracle, const PublishedPort &port)
{
    auto of = [](const WalkOutcome &o) {
        return Decision{int(o.kind), o.chain, o.index, o.uses};
    };
    const WalkOutcome raw = ChainWalker::walk(rs, Raw, QStringLiteral("PREROUTING"), oracle, false);
    if (raw.kind != WalkOutcome::Accept)
        return of(raw);
    const WalkOutcome nat = ChainWalker::walk(rs, Nat, QStringLiteral("PREROUTING"), oracle, false);
    if (nat.kind == WalkOutcome::Unknown)
        return of(nat);
    if (nat.kind != WalkOutcome::Dnat || nat.chain->table != Nat ||
        nat.chain->name != QLatin1String("DOCKER") || nat.index != port.ruleNumber - 1) {
        Decision d = of(nat);
        d.kind = NotHere;
        return d;
    }
    return of(ChainWalker::walk(rs, Filter, QStringLiteral("FORWARD"), oracle, false));
}

Verdict verdictOf(const Decision &d)
{
    Verdict v;
    v.kind = d.kind == WalkOutcome::Unknown  ? VerdictKind::Unknown
             : d.kind == WalkOutcome::Drop   ? VerdictKind::Drop
             : d.kind == WalkOutcome::Reject ? VerdictKind::Reject
                                             : VerdictKind::Accept;
    if (d.chain) {
        v.table = d.chain->table;
        v.chain = d.chain->name;
        v.rule = d.index + 1;
        v.ruleText = d.index >= 0 ? d.chain->rules[d.index].text
                                  : QStringLiteral("-P %1 %2").arg(d.chain->name, d.chain->policy);
        if (d.kind == WalkOutcome::Unknown)
            v.dependsOn = QCoreApplication::translate("Userchain::ChainWalker",
                                                      "depends on rule %1 of %2 (uses %3)")
                              .arg(d.index + 1)
                              .arg(d.chain->name, d.uses);
    }
    return v;
}

} // namespace

QString Exposure::rangeText(const AddressRange &range, Family family)
{
    if (range.first == range.last)
        return range.first.toString(family);
    const int bits = family == Family::IPv4 ? 32 : 128;
    for (int prefix = 0; prefix < bits; ++prefix) {
        const auto net = IpNetwork::parse(
            range.first.toString(family) + QLatin1Char('/') + QString::number(prefix), family);
        if (net && net->addr == range.first && net->range(family).last == range.last)
            return range.first.toString(family) + QLatin1Char('/') + QString::number(prefix);
    }
    return range.first.toString(family) + QLatin1Char('-') + range.last.toString(family);
}

PortExposure Exposure::computePort(const Ruleset &rs, const PublishedPort &port)
{
    PortExposure result;
    result.port = port;
    const QVector<IfaceClass> classes = interfaceClasses(rs);

    Packet packet;
    packet.family = rs.family;
    packet.dst = port.hostAddress;
    packet.protocol = port.protocol;
    packet.dport = port.hostPorts.first;
    packet.state = CtState::New;
    const int containerPort = port.containerPort ? port.containerPort : port.hostPorts.first;

    // Packets for 127.0.0.0/8 from another interface are martians unless route_localnet is 1
    // there, which the rules do not tell (Docker sets it in some setups).
    if (rs.family == Family::IPv4 && port.hostAddress && (port.hostAddress->lo >> 24) == 127) {
        ExposureEntry e{
            wholeSpace(rs.family).first(), QStringLiteral("any"), {QStringLiteral("lo")}, {}};
        e.decision.kind = VerdictKind::Unknown;
        e.decision.dependsOn =
            QCoreApplication::translate(
                "Userchain::Exposure",
                "depends on net.ipv4.conf.*.route_localnet: packets to %1 that "
                "arrive on other interfaces are dropped as martians unless it is 1")
                .arg(port.hostAddress->toString(rs.family));
        result.undecided.append(e);
        return result;
    }

    std::vector<ClassSweep> sweeps(size_t(classes.size()));
    std::vector<IpAddress> bounds{IpAddress{0, 0}};
    QVector<Prepared> prepared;
    {
        const MatchContext raw = PacketTracer::preroutingContext(packet, true);
        const MatchContext nat = PacketTracer::preroutingContext(packet, false);
        MatchContext fwd = PacketTracer::forwardContext(packet, port.containerAddress,
                                                        containerPort, true, port.bridge, false);
        if (!port.hostAddress)
            fwd.origDst.reset();
        prepareTable(rs, Raw, raw, &prepared);
        prepareTable(rs, Nat, nat, &prepared);
        prepareTable(rs, Filter, fwd, &prepared);
    }
    for (int c = 0; c < classes.size(); ++c) {
        ClassSweep &s = sweeps[size_t(c)];
        prepareClass(rs, prepared, classes[c].representative, &s);
        std::sort(s.events.begin(), s.events.end(), [](const Event &a, const Event &b) {
            return a.at != b.at ? a.at < b.at : !a.add && b.add; // removals first
        });
        for (const Event &e : s.events)
            bounds.push_back(e.at);
    }
    std::sort(bounds.begin(), bounds.end());
    bounds.erase(std::unique(bounds.begin(), bounds.end()), bounds.end());

    // decisions[c][cell]
    QVector<Decision> table;
    std::vector<std::vector<int>> decisions(size_t(classes.size()),
                                            std::vector<int>(bounds.size()));
    auto intern = [&table](const Decision &d) {
        for (int i = 0; i < table.size(); ++i)
            if (table[i] == d)
                return i;
        table.append(d);
        return int(table.size() - 1);
    };
    for (size_t c = 0; c < sweeps.size(); ++c) {
        ClassSweep &s = sweeps[c];
        size_t e = 0;
        for (size_t cell = 0; cell < bounds.size(); ++cell) {
            for (; e < s.events.size() && s.events[e].at <= bounds[cell]; ++e) {
                if (s.events[e].add)
                    s.events[e].chain->active.insert(s.events[e].index);
                else
                    s.events[e].chain->active.erase(s.events[e].index);
            }
            decisions[c][cell] = intern(decide(rs, s.oracle, port));
        }
    }

    auto reachable = [&](size_t c, size_t cell) {
        return table[decisions[c][cell]].kind == WalkOutcome::Accept;
    };
    auto cellEnd = [&](size_t cell) {
        return cell + 1 < bounds.size() ? bounds[cell + 1].previous() : IpAddress::maxOf(rs.family);
    };
    for (size_t c = 0; c < size_t(classes.size()); ++c) {
        const IfaceClass &cls = classes[int(c)];
        ExposureEntry open;
        bool isOpen = false;
        int openKey = -1;
        auto close = [&]() {
            if (!isOpen)
                return;
            if (open.decision.kind == VerdictKind::Unknown)
                result.undecided.append(open);
            else
                result.reachable.append(open);
            isOpen = false;
        };
        for (size_t cell = 0; cell < bounds.size(); ++cell) {
            const Decision &d = table[decisions[c][cell]];
            const bool parentReaches = cls.parent >= 0 && reachable(size_t(cls.parent), cell);
            // Reachable cells are written once, under the widest class that reaches them;
            // undecided ones under their own class.
            const bool show =
                (d.kind == WalkOutcome::Accept && !parentReaches) || d.kind == WalkOutcome::Unknown;
            // Left out: the nearest unreachable classes below this one (those below them that
            // are reachable again get entries of their own, their parent not reaching).
            QStringList except;
            if (show && d.kind == WalkOutcome::Accept)
                for (int k = 0; k < classes.size(); ++k) {
                    if (reachable(size_t(k), cell))
                        continue;
                    int up = classes[k].parent;
                    while (up >= 0 && up != int(c) && reachable(size_t(up), cell))
                        up = classes[up].parent;
                    if (up == int(c))
                        except << classes[k].label;
                }
            const int key = show ? decisions[c][cell] : -1;
            if (isOpen && key == openKey && except == open.except) {
                open.sources.last = cellEnd(cell);
                continue;
            }
            close();
            if (!show)
                continue;
            open = ExposureEntry{{bounds[cell], cellEnd(cell)}, cls.label, except, verdictOf(d)};
            openKey = key;
            isOpen = true;
        }
        close();
    }
    auto order = [](const ExposureEntry &a, const ExposureEntry &b) {
        return a.sources.first != b.sources.first ? a.sources.first < b.sources.first
                                                  : a.inInterface < b.inInterface;
    };
    std::sort(result.reachable.begin(), result.reachable.end(), order);
    std::sort(result.undecided.begin(), result.undecided.end(), order);
    // `table` holds the decisions some cell took: those that refuse are the blockers.
    for (const Decision &d : std::as_const(table))
        if (d.kind == WalkOutcome::Drop || d.kind == WalkOutcome::Reject)
            result.blockers.append(verdictOf(d));
    std::sort(result.blockers.begin(), result.blockers.end(),
              [](const Verdict &a, const Verdict &b) {
                  // The user's rules first: they are the ones to read or change.
                  const bool au = a.chain == QLatin1String("DOCKER-USER");
                  const bool bu = b.chain == QLatin1String("DOCKER-USER");
                  if (au != bu)
                      return au;
                  return a.table != b.table   ? a.table < b.table
                         : a.chain != b.chain ? a.chain < b.chain
                                              : a.rule < b.rule;
              });
    return result;
}

QVector<PortExposure> Exposure::compute(const Ruleset &ruleset)
{
    QVector<PortExposure> out;
    for (const PublishedPort &p : ruleset.publishedPorts())
        out.append(computePort(ruleset, p));
    return out;
}

} // namespace Userchain

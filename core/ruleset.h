#pragma once

#include "dbustypes.h"
#include "ipaddress.h"
#include "restorefile.h"
#include "rule.h"

#include <QHash>
#include <QString>
#include <QVector>
#include <optional>

namespace Userchain {

/// One rule of a chain: parsed, or kept as text with the reason the evaluator cannot read it.
struct RulesetRule
{
    std::optional<Rule> rule;
    QString text;   ///< the rule-spec as iptables-save prints it
    QString opaque; ///< non-empty when !rule: what makes it unreadable, e.g. "statistic"
};

struct RulesetChain
{
    QString table;
    QString name;
    QString policy; ///< "ACCEPT"/"DROP" for built-in chains, "-" for user chains
    QVector<RulesetRule> rules;
};

/// A port Docker publishes: nat DOCKER's `-j DNAT` rule, read back into its parts.
struct PublishedPort
{
    std::optional<IpAddress> hostAddress; ///< `-d` of the DNAT rule; unset: every host address
    int protocol = 6;
    PortRange hostPorts;
    IpAddress containerAddress;
    int containerPort = 0; ///< first port of --to-destination; 0 when it names none
    QString containerName; ///< empty: not known (from the running containers, when read)
    QString bridge;        ///< the bridge the container lives on (see Ruleset::bridgeFor)
    int ruleNumber = 0;    ///< of nat DOCKER, 1-based
    QString ruleText;
};

/// One entry of a hash:ip or hash:net set the helper (or an `ipset save` file) has read.
using IpSetContents = QVector<IpNetwork>;

/// A running container's address of the ruleset's family, as the helper read it from Docker.
struct RunningContainer
{
    QString name;    ///< empty when Docker gave none that can be shown
    QString network; ///< the Docker network's name
    IpAddress address;
    int prefixLength = 0;             ///< of the network's subnet
    std::optional<IpAddress> gateway; ///< the host's own address on that network
};

/**
 * The tables of one family as the evaluator needs them: raw, nat and filter chains with their
 * rules in order, the ipsets that were read, and what Docker's rules imply about where
 * container addresses live. Built from an iptables-save file or from the helper's Snapshot.
 *
 * Where a container lives (the out interface after DNAT) is derived from Docker's own rules,
 * longest prefix first: filter DOCKER's `-d ADDR ... -o BRIDGE`, raw PREROUTING's
 * `-d ADDR ! -i BRIDGE -j DROP`, and nat POSTROUTING's `-s SUBNET ! -o BRIDGE -j MASQUERADE`
 * (the subnet Docker masquerades is the one routed to that bridge). This assumes the host's
 * routes follow Docker's networks, which holds unless someone routes a container subnet
 * elsewhere by hand.
 */
class Ruleset final
{
public:
    Family family = Family::IPv4;

    /// Reads an iptables-save output (one family); errors carry line numbers.
    static std::optional<Ruleset> fromSave(const QByteArray &data, Family family,
                                           QVector<FileError> *errors);
    /// The helper's snapshot; rules it keeps verbatim are opaque. With the sets the helper
    /// read and, when it read them, the running containers.
    static Ruleset fromSnapshot(const Snapshot &snapshot);
    /**
     * Adds the sets of an `ipset save` output (hash:ip and hash:net of this family). A set
     * with `nomatch` entries, or a hash:ip set with a netmask that is not a prefix, is left
     * out: the evaluator then says it depends on the set rather than guess.
     */
    bool addIpsets(const QByteArray &ipsetSave, QString *error);

    const RulesetChain *chain(const QString &table, const QString &name) const;
    QStringList chainNames(const QString &table) const;
    void addChain(const RulesetChain &chain);
    /// Appends a rule given as rule-spec text; returns false with error when it does not parse.
    bool appendRule(const QString &table, const QString &chain, const QString &spec,
                    QString *error);

    const IpSetContents *set(const QString &name) const;
    void setSet(const QString &name, const IpSetContents &contents)
    {
        m_sets.insert(name, contents);
    }

    /**
     * The running containers' addresses when the helper read them from Docker; nullptr when
     * not known (a saved file, or Docker did not answer): then an address Docker's rules do
     * not name may still be a container's.
     */
    const QVector<RunningContainer> *runningContainers() const
    {
        return m_containers ? &*m_containers : nullptr;
    }
    void setRunningContainers(const QVector<RunningContainer> &containers);
    /// The name of the running container with this address, or empty when not known.
    QString runningContainerName(const IpAddress &address) const;

    /// The bridge a (container) address is routed to, or empty when the rules do not say.
    QString bridgeFor(const IpAddress &address) const;
    /// Docker's bridges as its rules name them (docker0, br-…), each once.
    QStringList bridges() const;
    /// Whether Docker's rules name this very address as a container's (never the host's).
    bool isContainerAddress(const IpAddress &address) const;
    QVector<PublishedPort> publishedPorts() const;

    /**
     * The packet mark every packet the evaluator follows has when it reaches the tables read,
     * and its connection's mark: 0 when the mangle table was read and no rule of the tables
     * read can set one (MARK, CONNMARK, or a rule the evaluator cannot read); nullopt, not
     * known, otherwise. The assumption: packets from outside carry no mark, and only
     * iptables' tables give them one (not tc, not other nftables tables).
     */
    std::optional<quint32> initialMark() const;
    std::optional<quint32> initialCtMark() const;

private:
    void derive();
    void deriveRoutes();
    void deriveMarks();

    struct Route
    {
        IpNetwork net;
        QString bridge;
    };
    QHash<QString, QHash<QString, RulesetChain>> m_chains; ///< table → chain name → chain
    QHash<QString, QStringList> m_order;                   ///< table → chain names in file order
    QHash<QString, IpSetContents> m_sets;
    std::optional<QVector<RunningContainer>> m_containers;
    QVector<Route> m_routes;
    bool m_markSet = false;   ///< a rule of the tables read may set a packet's mark
    bool m_ctMarkSet = false; ///< ... or a connection's mark
};

/// "192.0.2.2:80", "[fd00::1]:80", "172.17.0.2:8000-8010", "172.17.0.2" → address and port.
bool parseNatDestination(const QString &text, Family family, IpAddress *address, int *port);

} // namespace Userchain

#include "extensions.h"

#include "xt/xtspecs.h"

#include <QHash>

namespace Userchain {

namespace {

QVector<ExtensionSpec> buildAll()
{
    using namespace Xt;
    QVector<ExtensionSpec> specs = {tcpSpec(),
                                    udpSpec(),
                                    icmpSpec(),
                                    icmp6Spec(),
                                    multiportSpec(),
                                    iprangeSpec(),
                                    conntrackSpec(),
                                    stateSpec(),
                                    commentSpec(),
                                    macSpec(),
                                    limitSpec(),
                                    addrtypeSpec(),
                                    setSpec(),
                                    rejectSpec(Family::IPv4),
                                    rejectSpec(Family::IPv6),
                                    logSpec(),
                                    markSpec(),
                                    connmarkSpec(),
                                    connlimitSpec(),
                                    hashlimitSpec(),
                                    physdevSpec(),
                                    timeSpec(),
                                    stringSpec(),
                                    markTargetSpec(),
                                    connmarkTargetSpec(),
                                    nflogSpec(),
                                    tcpmssSpec(),
                                    dnatSpec(),
                                    masqueradeSpec(),
                                    snatSpec()};
    return specs;
}

} // namespace

const OptionSpec *ExtensionSpec::findOption(const QString &nameOrAlias) const
{
    // Asked for every option of every rule; most options have no alias.
    for (const OptionSpec &o : options)
        if (o.name == nameOrAlias || (!o.aliases.isEmpty() && o.aliases.contains(nameOrAlias)))
            return &o;
    return nullptr;
}

int ExtensionSpec::orderOf(const QString &canonicalName) const
{
    for (int i = 0; i < options.size(); ++i)
        if (options[i].name == canonicalName)
            return i;
    return options.size();
}

bool ExtensionSpec::hasKernelName(QByteArrayView kernelName) const
{
    if (kernelNames.isEmpty())
        return kernelName == QByteArrayView(name.toLatin1());
    for (const QByteArray &n : kernelNames)
        if (n == kernelName)
            return true;
    return false;
}

int KernelContext::pickRevision(const QByteArray &name, bool target,
                                std::initializer_list<int> writable) const
{
    for (const int revision : writable) {
        const std::optional<bool> has =
            hasRevision ? hasRevision(name, target, revision) : std::nullopt;
        if (!has)
            return *writable.begin();
        if (*has)
            return revision;
    }
    return -1;
}

const QVector<ExtensionSpec> &Extensions::all()
{
    static const QVector<ExtensionSpec> specs = buildAll();
    return specs;
}

const ExtensionSpec *Extensions::match(const QString &name, Family family)
{
    for (const ExtensionSpec &s : all())
        if (!s.isTarget && s.parseable && s.name == name &&
            (family == Family::IPv4 ? s.ipv4 : s.ipv6))
            return &s;
    return nullptr;
}

const ExtensionSpec *Extensions::target(const QString &name, Family family)
{
    for (const ExtensionSpec &s : all())
        if (s.isTarget && s.parseable && s.name == name &&
            (family == Family::IPv4 ? s.ipv4 : s.ipv6))
            return &s;
    return nullptr;
}

const ExtensionSpec *Extensions::byKernelName(QByteArrayView kernelName, bool target, Family family)
{
    for (const ExtensionSpec &s : all())
        if (s.isTarget == target && s.decode && (family == Family::IPv4 ? s.ipv4 : s.ipv6) &&
            s.hasKernelName(kernelName))
            return &s;
    return nullptr;
}

Quoting Extensions::quotingOf(const QString &optionName)
{
    // Asked for every option of every rule written: the answer is looked up once per name.
    static const QHash<QString, Quoting> quoted = [] {
        QHash<QString, Quoting> names;
        for (const ExtensionSpec &s : all())
            for (const OptionSpec &o : s.options)
                if (o.quoting != Quoting::None)
                    names.insert(o.name, o.quoting);
        return names;
    }();
    return quoted.value(optionName, Quoting::None);
}

bool Extensions::isKnownUnsupportedMatch(const QString &name)
{
    static const QStringList known = {QStringLiteral("owner"),
                                      QStringLiteral("recent"),
                                      QStringLiteral("length"),
                                      QStringLiteral("ttl"),
                                      QStringLiteral("hl"),
                                      QStringLiteral("pkttype"),
                                      QStringLiteral("policy"),
                                      QStringLiteral("u32"),
                                      QStringLiteral("bpf"),
                                      QStringLiteral("cgroup"),
                                      QStringLiteral("socket"),
                                      QStringLiteral("statistic"),
                                      QStringLiteral("quota"),
                                      QStringLiteral("dscp"),
                                      QStringLiteral("tos"),
                                      QStringLiteral("ecn"),
                                      QStringLiteral("esp"),
                                      QStringLiteral("ah"),
                                      QStringLiteral("sctp"),
                                      QStringLiteral("dccp"),
                                      QStringLiteral("helper"),
                                      QStringLiteral("realm"),
                                      QStringLiteral("rpfilter"),
                                      QStringLiteral("devgroup"),
                                      QStringLiteral("cpu"),
                                      QStringLiteral("cluster"),
                                      QStringLiteral("ipvs"),
                                      QStringLiteral("osf"),
                                      QStringLiteral("nfacct"),
                                      QStringLiteral("rateest"),
                                      QStringLiteral("tcpmss"),
                                      QStringLiteral("connbytes"),
                                      QStringLiteral("connlabel"),
                                      QStringLiteral("ipcomp"),
                                      QStringLiteral("l2tp"),
                                      QStringLiteral("frag"),
                                      QStringLiteral("hbh"),
                                      QStringLiteral("rt"),
                                      QStringLiteral("dst"),
                                      QStringLiteral("ipv6header"),
                                      QStringLiteral("mh"),
                                      QStringLiteral("eui64"),
                                      QStringLiteral("srh"),
                                      QStringLiteral("udplite"),
                                      QStringLiteral("condition"),
                                      QStringLiteral("geoip"),
                                      QStringLiteral("conntrack-helper")};
    return known.contains(name);
}

bool Extensions::isKnownUnsupportedTarget(const QString &name)
{
    static const QStringList known = {
        QStringLiteral("SNAT"),        QStringLiteral("NFQUEUE"),    QStringLiteral("QUEUE"),
        QStringLiteral("CT"),          QStringLiteral("NOTRACK"),    QStringLiteral("TEE"),
        QStringLiteral("CLASSIFY"),    QStringLiteral("DSCP"),       QStringLiteral("TOS"),
        QStringLiteral("AUDIT"),       QStringLiteral("CHECKSUM"),   QStringLiteral("SECMARK"),
        QStringLiteral("CONNSECMARK"), QStringLiteral("TRACE"),      QStringLiteral("REDIRECT"),
        QStringLiteral("NETMAP"),      QStringLiteral("TPROXY"),     QStringLiteral("SET"),
        QStringLiteral("HMARK"),       QStringLiteral("IDLETIMER"),  QStringLiteral("LED"),
        QStringLiteral("RATEEST"),     QStringLiteral("SYNPROXY"),   QStringLiteral("TTL"),
        QStringLiteral("HL"),          QStringLiteral("ECN"),        QStringLiteral("CLUSTERIP"),
        QStringLiteral("ULOG"),        QStringLiteral("TCPOPTSTRIP")};
    return known.contains(name);
}

bool Extensions::isVerdict(const QString &name)
{
    return name == QLatin1String("ACCEPT") || name == QLatin1String("DROP") ||
           name == QLatin1String("RETURN");
}

QString saveQuote(const QString &value)
{
    // xtables_save_string: bare when made only of [A-Za-z0-9_-], otherwise in double quotes
    // with ", \ and ' escaped by a backslash.
    bool plain = !value.isEmpty();
    for (const QChar c : value) {
        const char16_t u = c.unicode();
        if (!((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') ||
              u == '_' || u == '-')) {
            plain = false;
            break;
        }
    }
    if (plain)
        return value;
    QString out = QStringLiteral("\"");
    for (const QChar c : value) {
        if (c == QLatin1Char('"') || c == QLatin1Char('\\') || c == QLatin1Char('\''))
            out += QLatin1Char('\\');
        out += c;
    }
    out += QLatin1Char('"');
    return out;
}

QString stringQuote(const QString &value)
{
    QString out = QStringLiteral("\"");
    for (const QChar c : value) {
        if (c == QLatin1Char('"') || c == QLatin1Char('\\'))
            out += QLatin1Char('\\');
        out += c;
    }
    out += QLatin1Char('"');
    return out;
}

} // namespace Userchain

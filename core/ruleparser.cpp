#include "ruleparser.h"

#include "addresses.h"
#include "extensions.h"
#include "iptablescommand.h"
#include "restoretokenizer.h"
#include "ruleparserhints.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QVarLengthArray>
#include <algorithm>

namespace Userchain {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Userchain::RuleParser", text);
}

bool isChainName(const QString &name)
{
    // iptables: at most 28 characters, not starting with '-' or '!', no whitespace.
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9_.][A-Za-z0-9_.+:-]{0,27}$"));
    return re.match(name).hasMatch();
}

struct OpenExtension
{
    const ExtensionSpec *spec = nullptr;
    QVector<RuleOption> options;
    bool implicit = false; ///< loaded by iptables itself for -p tcp/udp/icmp options
    int index = -1;        ///< the token that loaded it, for error messages
};

class Parser
{
public:
    /// expand: a comma list of addresses is taken (see rules()) instead of refused.
    Parser(const QStringList &args, Family family, bool expand = false)
        : m_args(args), m_family(family), m_expand(expand)
    {
        m_context.family = family;
    }

    std::optional<Rule> run(RuleError *error);
    /// The rules a run's rule stands for: one per source, for each one per destination, in
    /// the order iptables appends them (append_entry's loops).
    QVector<Rule> rules(Rule rule) const;

private:
    bool fail(int index, const QString &message, bool unsupported = false);
    bool parseMainOption(const QString &opt, bool negated);
    bool parseExtensionOption(const QString &opt, bool negated);
    bool takeArgs(int count, QStringList *out);
    bool finishExtension(OpenExtension &ext, int index);
    /// What option parsers see of the rule so far; kept up to date by -p rather than built
    /// (and its protocol copied) for every option.
    const ParseContext &context() const { return m_context; }

    const QStringList &m_args;
    Family m_family;
    bool m_expand = false;
    QStringList m_sources;      ///< the -s list (one entry without a comma list)
    QStringList m_destinations; ///< the -d list
    int m_pos = 0;
    int m_optionIndex = 0;
    Rule m_rule;
    /// Inline for the few matches a rule has: one allocation less per rule parsed.
    QVarLengthArray<OpenExtension, 4> m_matches;
    std::optional<OpenExtension> m_target;
    quint32 m_seenMain = 0; ///< main options given so far, one bit per letter (see parseMainOption)
    QStringList m_values;   ///< the values of the option being parsed (takeArgs)
    RuleError m_error;
    ParseContext m_context;
};

bool Parser::fail(int index, const QString &message, bool unsupported)
{
    m_error.tokenIndex = index;
    m_error.token = index >= 0 && index < m_args.size() ? m_args[index] : QString();
    m_error.message = message;
    m_error.unsupported = unsupported;
    return false;
}

bool Parser::takeArgs(int count, QStringList *out)
{
    for (int i = 0; i < count; ++i) {
        if (m_pos >= m_args.size())
            return fail(m_optionIndex,
                        count == 1
                            ? tr("\"%1\" needs a value").arg(m_args[m_optionIndex])
                            : tr("\"%1\" needs %2 values").arg(m_args[m_optionIndex]).arg(count));
        const QString &value = m_args[m_pos];
        // "-s -j DROP": the value is missing, not "-j".
        if ((value.startsWith(QLatin1String("--")) && value.size() > 2) ||
            RuleParserHints::isMainOption(value))
            return fail(m_optionIndex,
                        count == 1
                            ? tr("\"%1\" needs a value").arg(m_args[m_optionIndex])
                            : tr("\"%1\" needs %2 values").arg(m_args[m_optionIndex]).arg(count));
        if (value == QLatin1String("!"))
            return fail(
                m_pos,
                tr("\"!\" goes before the option: write \"! %1 ...\"").arg(m_args[m_optionIndex]));
        out->append(value);
        ++m_pos;
    }
    return true;
}

std::optional<Rule> Parser::run(RuleError *error)
{
    m_rule.family = m_family;
    bool ok = true;
    while (ok && m_pos < m_args.size()) {
        bool negated = false;
        if (m_args[m_pos] == QLatin1String("!")) {
            negated = true;
            ++m_pos;
            if (m_pos >= m_args.size() || !m_args[m_pos].startsWith(QLatin1Char('-'))) {
                ok = fail(m_pos - 1, tr("\"!\" must be followed by an option"));
                break;
            }
        }
        m_optionIndex = m_pos;
        const QString &opt = m_args[m_pos++];
        if (!opt.startsWith(QLatin1Char('-')) || opt == QLatin1String("-") ||
            opt == QLatin1String("--")) {
            ok = fail(m_optionIndex, tr("unexpected \"%1\": expected an option").arg(opt));
            break;
        }
        if (RuleParserHints::isMainOption(opt))
            ok = parseMainOption(opt, negated);
        else
            ok = parseExtensionOption(opt, negated);
    }
    if (ok) {
        for (OpenExtension &m : m_matches) {
            if (!finishExtension(m, m.index)) {
                ok = false;
                break;
            }
        }
    }
    QVector<RuleMatch> finished; // what a target's checks may look at (TCPMSS: a SYN match)
    if (ok && m_target) {
        for (const OpenExtension &m : m_matches)
            finished.append({m.spec->name, m.options});
        m_context.matches = &finished;
        ok = finishExtension(*m_target, m_target->index);
        m_context.matches = nullptr;
    }
    if (!ok) {
        if (error)
            *error = m_error;
        return std::nullopt;
    }
    m_rule.matches.reserve(m_matches.size());
    for (OpenExtension &m : m_matches)
        m_rule.matches.append({m.spec->name, std::move(m.options)});
    if (m_target)
        m_rule.target.options = std::move(m_target->options);
    // Moved, not copied: the parser is used once.
    return std::move(m_rule);
}

QVector<Rule> Parser::rules(Rule rule) const
{
    if (m_sources.size() <= 1 && m_destinations.size() <= 1)
        return {std::move(rule)};
    const QStringList sources = m_sources.isEmpty() ? QStringList{rule.source} : m_sources;
    const QStringList destinations =
        m_destinations.isEmpty() ? QStringList{rule.destination} : m_destinations;
    QVector<Rule> out;
    out.reserve(sources.size() * destinations.size());
    for (const QString &source : sources) {
        for (const QString &destination : destinations) {
            Rule r = rule;
            r.source = source;
            r.destination = destination;
            out.append(std::move(r));
        }
    }
    return out;
}

bool Parser::finishExtension(OpenExtension &ext, int index)
{
    const ParseContext &ctx = context();
    QString message;
    const auto inOrder = [&](const RuleOption &a, const RuleOption &b) {
        return ext.spec->orderOf(a.name) < ext.spec->orderOf(b.name);
    };
    // Options usually come in order already (always in canonical text); stable_sort would
    // allocate a buffer for nothing.
    if (!std::is_sorted(ext.options.begin(), ext.options.end(), inOrder))
        std::stable_sort(ext.options.begin(), ext.options.end(), inOrder);
    if (ext.spec->finish && !ext.spec->finish(ext.options, ctx, &message))
        return fail(index, message);
    return true;
}

bool Parser::parseMainOption(const QString &opt, bool negated)
{
    // Long and short spellings are the same option for the "given twice" check.
    static const QHash<QString, QString> canonical = {
        {QStringLiteral("--source"), QStringLiteral("-s")},
        {QStringLiteral("--src"), QStringLiteral("-s")},
        {QStringLiteral("--destination"), QStringLiteral("-d")},
        {QStringLiteral("--dst"), QStringLiteral("-d")},
        {QStringLiteral("--in-interface"), QStringLiteral("-i")},
        {QStringLiteral("--out-interface"), QStringLiteral("-o")},
        {QStringLiteral("--protocol"), QStringLiteral("-p")},
        {QStringLiteral("--fragment"), QStringLiteral("-f")},
        {QStringLiteral("--match"), QStringLiteral("-m")},
        {QStringLiteral("--jump"), QStringLiteral("-j")},
        {QStringLiteral("--goto"), QStringLiteral("-g")}};
    // Short spellings are their own canonical form; only long ones need the table. Every
    // canonical form is "-" and a letter, so the option is told by the letter alone (a
    // character rather than a string comparison for each test below, for every option of
    // every rule).
    const char16_t o =
        opt.size() == 2 ? opt.at(1).unicode() : canonical.value(opt, opt).at(1).unicode();
    if (o != u'm') {
        // One bit per option letter; -g counts as -j.
        const char16_t letter = o == u'g' ? u'j' : o;
        const quint32 bit = 1u << (letter - u'a');
        if (m_seenMain & bit)
            return fail(m_optionIndex, tr("\"%1\" given twice").arg(opt));
        m_seenMain |= bit;
    }
    if (negated && (o == u'm' || o == u'j' || o == u'g'))
        return fail(m_optionIndex - 1, tr("\"%1\" cannot be negated").arg(opt));

    if (o == u'f') {
        if (m_family == Family::IPv6)
            return fail(m_optionIndex, tr("\"-f\" exists only for IPv4"));
        m_rule.fragment = true;
        m_rule.fragmentNegated = negated;
        return true;
    }
    m_values.clear(); // keeps its capacity: one list for every option of the rule
    if (!takeArgs(1, &m_values))
        return false;
    const QString &v = m_values.first();
    const int valueIndex = m_pos - 1;
    QString message;

    if (o == u's' || o == u'd') {
        const bool list = v.contains(QLatin1Char(','));
        if (list && !m_expand)
            return fail(valueIndex,
                        tr("\"%1\" lists several addresses; iptables would make one rule "
                           "for each: write one rule per address")
                            .arg(v));
        // xtables_ipparse_multiple, and do_command4's check that a list is not negated.
        if (list && negated)
            return fail(m_optionIndex - 1,
                        tr("\"!\" cannot go with several addresses (\"%1\")").arg(v));
        QStringList texts;
        for (const QString &item : list ? v.split(QLatin1Char(',')) : QStringList{v}) {
            bool whole = false;
            auto net = Addresses::parseNetwork(item, m_family, &message, &whole);
            if (!net)
                return fail(valueIndex, message);
            // "! -s 0.0.0.0/0" matches no packet (and nf_tables refuses it): surely a mistake.
            if (whole && negated)
                return fail(valueIndex, tr("\"! %1 %2\" would match no packet").arg(opt, v));
            // iptables-save leaves out a match on the whole address space.
            texts << (whole ? QString() : std::move(*net));
        }
        if (o == u's') {
            m_rule.source = texts.first();
            m_rule.sourceNegated = negated;
            m_sources = texts;
        } else {
            m_rule.destination = texts.first();
            m_rule.destinationNegated = negated;
            m_destinations = texts;
        }
        return true;
    }
    if (o == u'i' || o == u'o') {
        if (!Addresses::isValidInterface(v, &message))
            return fail(valueIndex, message);
        // "+" alone matches every interface. It is kept: the kernel holds it (iptables-legacy
        // a "+" with an empty mask, iptables-nft an interface load compared with nothing),
        // although iptables-save prints nothing for it. "! -i +" would match no packet.
        if (v == QLatin1String("+") && negated)
            return fail(valueIndex, tr("\"! %1 +\" would match no packet").arg(opt));
        const QString &name = v;
        if (o == u'i') {
            m_rule.inInterface = name;
            m_rule.inInterfaceNegated = negated;
        } else {
            m_rule.outInterface = name;
            m_rule.outInterfaceNegated = negated;
        }
        return true;
    }
    if (o == u'p') {
        const auto number = Addresses::protocolNumber(v);
        if (!number)
            return fail(valueIndex, tr("unknown protocol \"%1\"").arg(v));
        if (*number == 0 && negated)
            return fail(valueIndex, tr("\"! -p all\" would match nothing"));
        m_rule.protocol = *number == 0 ? QString() : Addresses::protocolName(*number);
        m_rule.protocolNegated = negated;
        m_context.protocol = m_rule.protocol;
        m_context.protocolNegated = negated;
        return true;
    }
    if (o == u'm') {
        const ExtensionSpec *spec = Extensions::match(v, m_family);
        if (!spec) {
            if (Extensions::isKnownUnsupportedMatch(v) ||
                Extensions::match(v, m_family == Family::IPv4 ? Family::IPv6 : Family::IPv4))
                return fail(valueIndex, tr("match \"%1\" is not supported by Userchain").arg(v),
                            true);
            if (Extensions::match(v.toLower(), m_family))
                return fail(valueIndex,
                            tr("unknown match \"%1\" (did you mean %2?)").arg(v, v.toLower()));
            return fail(valueIndex, tr("unknown match \"%1\"").arg(v));
        }
        m_matches.append({spec, {}, false, valueIndex});
        return true;
    }
    // -j / -g
    if (const ExtensionSpec *spec = Extensions::target(v, m_family)) {
        if (o == u'g')
            return fail(valueIndex, tr("\"-g\" needs a user chain, not \"%1\"").arg(v));
        m_target = OpenExtension{spec, {}, false, valueIndex};
        m_rule.target.name = v;
        return true;
    }
    if (Extensions::isVerdict(v)) {
        if (o == u'g')
            return fail(valueIndex, tr("\"-g\" needs a user chain, not \"%1\"").arg(v));
        m_rule.target.name = v;
        return true;
    }
    if (Extensions::isKnownUnsupportedTarget(v) ||
        Extensions::target(v, m_family == Family::IPv4 ? Family::IPv6 : Family::IPv4))
        return fail(valueIndex, tr("target \"%1\" is not supported by Userchain").arg(v), true);
    if (!isChainName(v))
        return fail(valueIndex, tr("\"%1\" is not a valid chain or target name").arg(v));
    m_rule.target.name = v;
    m_rule.target.isGoto = o == u'g';
    return true;
}

bool Parser::parseExtensionOption(const QString &opt, bool negated)
{
    // An option belongs to the most recent loaded extension that defines it and does not
    // have it yet; iptables merges the options of every loaded match the same way.
    OpenExtension *owner = nullptr;
    const OptionSpec *spec = nullptr;
    if (m_target) {
        if ((spec = m_target->spec->findOption(opt)))
            owner = &*m_target;
    }
    OpenExtension *fallback = nullptr;
    const OptionSpec *fallbackSpec = nullptr;
    for (int i = m_matches.size() - 1; !owner && i >= 0; --i) {
        const OptionSpec *s = m_matches[i].spec->findOption(opt);
        if (!s)
            continue;
        const bool has = std::any_of(m_matches[i].options.begin(), m_matches[i].options.end(),
                                     [&](const RuleOption &o) { return o.name == s->name; });
        if (!has) {
            owner = &m_matches[i];
            spec = s;
        } else if (!fallback) {
            fallback = &m_matches[i];
            fallbackSpec = s;
        }
    }
    if (!owner && fallback) {
        owner = fallback;
        spec = fallbackSpec;
    }
    if (!owner) {
        // -p tcp/udp/icmp load their match implicitly on first use of one of its options.
        static const QHash<QString, QString> implicitMatch = {
            {QStringLiteral("tcp"), QStringLiteral("tcp")},
            {QStringLiteral("udp"), QStringLiteral("udp")},
            {QStringLiteral("icmp"), QStringLiteral("icmp")},
            {QStringLiteral("ipv6-icmp"), QStringLiteral("icmp6")}};
        const QString implicit =
            m_rule.protocolNegated ? QString() : implicitMatch.value(m_rule.protocol);
        const ExtensionSpec *ext =
            implicit.isEmpty() ? nullptr : Extensions::match(implicit, m_family);
        const bool alreadyLoaded =
            std::any_of(m_matches.begin(), m_matches.end(),
                        [&](const OpenExtension &m) { return m.spec == ext; });
        if (ext && !alreadyLoaded && ext->findOption(opt)) {
            m_matches.append({ext, {}, true, m_optionIndex});
            owner = &m_matches.last();
            spec = ext->findOption(opt);
        }
    }
    if (!owner) {
        if (IptablesCommand::of(opt) != IptablesCommand::Unknown)
            return fail(m_optionIndex, tr("\"%1\" is a command: give only the rule that follows "
                                          "\"-A DOCKER-USER\"")
                                           .arg(opt));
        const QStringList owners = RuleParserHints::ownersOf(opt, m_family);
        const Family other = m_family == Family::IPv4 ? Family::IPv6 : Family::IPv4;
        if (owners.isEmpty() && !RuleParserHints::ownersOf(opt, other).isEmpty())
            return fail(m_optionIndex, other == Family::IPv6
                                           ? tr("\"%1\" exists only for IPv6").arg(opt)
                                           : tr("\"%1\" exists only for IPv4").arg(opt));
        if (owners.contains(QLatin1String("tcp")) || owners.contains(QLatin1String("udp"))) {
            if (owners.contains(QLatin1String("tcp")) && owners.contains(QLatin1String("udp")))
                return fail(m_optionIndex, tr("\"%1\" needs \"-p tcp\" or \"-p udp\"").arg(opt));
            return fail(m_optionIndex, tr("\"%1\" needs \"-p %2\"").arg(opt, owners.first()));
        }
        if (owners.contains(QLatin1String("icmp")))
            return fail(m_optionIndex, tr("\"%1\" needs \"-p icmp\"").arg(opt));
        if (owners.contains(QLatin1String("icmp6")))
            return fail(m_optionIndex, tr("\"%1\" needs \"-p ipv6-icmp\"").arg(opt));
        if (!owners.isEmpty()) {
            const ExtensionSpec *first = nullptr;
            for (const ExtensionSpec &s : Extensions::all())
                if (s.name == owners.first())
                    first = &s;
            if (first && first->isTarget)
                return fail(m_optionIndex, tr("\"%1\" needs \"-j %2\"").arg(opt, owners.first()));
            return fail(m_optionIndex, tr("\"%1\" needs \"-m %2\"").arg(opt, owners.first()));
        }
        const QString near = RuleParserHints::suggestion(opt, m_family);
        if (!near.isEmpty())
            return fail(m_optionIndex,
                        tr("unknown option \"%1\" (did you mean %2?)").arg(opt, near));
        return fail(m_optionIndex, tr("unknown option \"%1\"").arg(opt));
    }
    if (negated && !spec->negatable)
        return fail(m_optionIndex - 1, tr("\"%1\" cannot be negated").arg(opt));
    m_values.clear();
    if (!takeArgs(spec->argCount, &m_values))
        return false;
    RuleOption out;
    out.name = spec->name;
    out.negated = negated;
    QString message;
    if (!spec->canonicalize(m_values, context(), &out, &message))
        return fail(spec->argCount > 0 ? m_pos - spec->argCount : m_optionIndex, message);
    for (const RuleOption &existing : owner->options)
        if (existing.name == out.name)
            return fail(m_optionIndex, tr("\"%1\" given twice").arg(opt));
    owner->options.append(std::move(out));
    return true;
}

} // namespace

bool RuleParser::checkJumpTarget(const Rule &rule, const QStringList &userChains, RuleError *error)
{
    const QString &t = rule.target.name;
    if (t.isEmpty() || Extensions::isVerdict(t) || Extensions::target(t, rule.family))
        return true;
    auto refuse = [&](const QString &message) {
        if (error) {
            error->tokenIndex = -1;
            error->token = t;
            error->message = message;
        }
        return false;
    };
    static const QStringList builtins = {QStringLiteral("INPUT"), QStringLiteral("FORWARD"),
                                         QStringLiteral("OUTPUT"), QStringLiteral("PREROUTING"),
                                         QStringLiteral("POSTROUTING")};
    if (builtins.contains(t))
        return refuse(tr("cannot jump to the built-in chain \"%1\"").arg(t));
    if (t == QLatin1String("DOCKER-USER"))
        return refuse(tr("DOCKER-USER cannot jump to itself"));
    if (userChains.contains(t))
        return true;
    if (Extensions::isVerdict(t.toUpper()) || Extensions::target(t.toUpper(), rule.family))
        return refuse(tr("chain \"%1\" does not exist (did you mean %2?)").arg(t, t.toUpper()));
    return refuse(tr("chain \"%1\" does not exist").arg(t));
}

std::optional<Rule> RuleParser::parseArgs(const QStringList &args, Family family, RuleError *error)
{
    Parser parser(args, family);
    return parser.run(error);
}

std::optional<QVector<Rule>> RuleParser::parseAllArgs(const QStringList &args, Family family,
                                                      RuleError *error)
{
    Parser parser(args, family, true);
    std::optional<Rule> rule = parser.run(error);
    if (!rule)
        return std::nullopt;
    return parser.rules(std::move(*rule));
}

std::optional<QVector<Rule>> RuleParser::parseAll(const QString &spec, Family family,
                                                  RuleError *error)
{
    QString message;
    const auto args = RestoreTokenizer::split(spec, &message);
    if (!args) {
        if (error) {
            error->tokenIndex = -1;
            error->message = message;
        }
        return std::nullopt;
    }
    return parseAllArgs(*args, family, error);
}

std::optional<Rule> RuleParser::parse(const QString &spec, Family family, RuleError *error)
{
    QString message;
    const auto args = RestoreTokenizer::split(spec, &message);
    if (!args) {
        if (error) {
            error->tokenIndex = -1;
            error->message = message;
        }
        return std::nullopt;
    }
    return parseArgs(*args, family, error);
}

} // namespace Userchain

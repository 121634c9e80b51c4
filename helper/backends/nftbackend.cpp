#include "nftbackend.h"

#include "kernelipsets.h"
#include "nftnetlink.h"
#include "nftreader.h"
#include "nftsession.h"
#include "nfttranslator.h"
#include "nftwriter.h"
#include "readreplacesession.h"

#include <cerrno>

#include "restorefile.h"
#include "restoretokenizer.h"
#include "ruleparser.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace Userchain {

namespace {

const QString DockerUser = QStringLiteral("DOCKER-USER");
const QString Filter = QStringLiteral("filter");

QString tool(Family family, const char *v4, const char *v6)
{
    return QLatin1String(family == Family::IPv4 ? v4 : v6);
}

/// The tables a snapshot shows, in the order IptcBackend reads them.
const QStringList &shownTables()
{
    static const QStringList tables = {QStringLiteral("filter"), QStringLiteral("nat"),
                                       QStringLiteral("raw")};
    return tables;
}

/// What `iptables-nft-save -t TABLE` prints for a table nf_tables does not have.
QVector<BackendChain> emptyTable(const QString &table)
{
    QStringList names;
    if (table == QLatin1String("filter"))
        names = {QStringLiteral("INPUT"), QStringLiteral("FORWARD"), QStringLiteral("OUTPUT")};
    else if (table == QLatin1String("nat"))
        names = {QStringLiteral("PREROUTING"), QStringLiteral("INPUT"), QStringLiteral("OUTPUT"),
                 QStringLiteral("POSTROUTING")};
    QVector<BackendChain> chains;
    for (const QString &name : names) {
        BackendChain chain;
        chain.table = table;
        chain.name = name;
        chain.policy = QStringLiteral("ACCEPT");
        chain.builtin = true;
        chains.append(chain);
    }
    return chains;
}

bool isVerdict(const QString &target)
{
    return target == QLatin1String("ACCEPT") || target == QLatin1String("DROP") ||
           target == QLatin1String("RETURN") || target == QLatin1String("QUEUE");
}

bool isJumpOption(const QString &arg)
{
    return arg == QLatin1String("-j") || arg == QLatin1String("--jump") ||
           arg == QLatin1String("-g") || arg == QLatin1String("--goto");
}

/// Names shown for a rule kept verbatim: what the parser could not take, else its extensions.
QString verbatimReason(const QStringList &args, const RuleError &parseError,
                       const QStringList &userChains)
{
    QStringList names;
    if (parseError.unsupported && !parseError.token.isEmpty()) {
        names << parseError.token;
    } else {
        for (int i = 0; i + 1 < args.size(); ++i) {
            if (args[i] == QLatin1String("-m") || args[i] == QLatin1String("--match"))
                names << args[i + 1];
            else if (isJumpOption(args[i]) && !isVerdict(args[i + 1]) &&
                     !userChains.contains(args[i + 1]))
                names << args[i + 1];
        }
    }
    // Nothing but the basic options: the difference is in the ip part of the rule.
    if (names.isEmpty())
        names << QStringLiteral("ip");
    names.removeDuplicates();
    return names.join(QLatin1Char(','));
}

/// `[packets:bytes] -A CHAIN spec` → counters and spec, exactly as printed.
bool splitSaveLine(const QString &line, const QString &chain, QString *spec, quint64 *packets,
                   quint64 *bytes)
{
    QString text = line;
    if (text.startsWith(QLatin1Char('['))) {
        const int close = text.indexOf(QLatin1String("] "));
        if (close < 0)
            return false;
        const QString counters = text.mid(1, close - 1);
        const int colon = counters.indexOf(QLatin1Char(':'));
        bool okPackets = false, okBytes = false;
        *packets = counters.left(colon).toULongLong(&okPackets);
        *bytes = counters.mid(colon + 1).toULongLong(&okBytes);
        if (colon < 0 || !okPackets || !okBytes)
            return false;
        text = text.mid(close + 2);
    }
    const QString prefix = QStringLiteral("-A ") + chain;
    if (!text.startsWith(prefix))
        return false;
    text = text.mid(prefix.size());
    if (!text.isEmpty() && !text.startsWith(QLatin1Char(' ')))
        return false;
    *spec = text.mid(1);
    return true;
}

/**
 * The `-A DOCKER-USER` lines for rules. Each line is checked to be exactly one command for
 * DOCKER-USER: the restore input is a line-based language, so a line break in a rule would
 * let it add commands of its own.
 */
bool ruleLines(Family family, const QVector<BackendRule> &rules, QByteArray *body, QString *error)
{
    const EntryCodec codec(family);
    static const QSet<QString> commands = {QStringLiteral("-A"), QStringLiteral("--append"),
                                           QStringLiteral("-I"), QStringLiteral("--insert"),
                                           QStringLiteral("-D"), QStringLiteral("--delete"),
                                           QStringLiteral("-R"), QStringLiteral("--replace"),
                                           QStringLiteral("-N"), QStringLiteral("--new-chain"),
                                           QStringLiteral("-X"), QStringLiteral("--delete-chain"),
                                           QStringLiteral("-F"), QStringLiteral("--flush"),
                                           QStringLiteral("-P"), QStringLiteral("--policy"),
                                           QStringLiteral("-E"), QStringLiteral("--rename-chain"),
                                           QStringLiteral("-Z"), QStringLiteral("--zero"),
                                           QStringLiteral("-t"), QStringLiteral("--table")};
    body->reserve(rules.size() * 96);
    for (int i = 0; i < rules.size(); ++i) {
        const BackendRule &r = rules[i];
        if (NftTranslator::isNative(r.raw)) {
            *error = QStringLiteral("rule %1 is a native nftables rule, which "
                                    "iptables-nft-restore cannot write")
                         .arg(i + 1);
            return false;
        }
        const QByteArray spec = !r.raw.isEmpty() ? NftTranslator::textOf(r, codec).toUtf8()
                                                 : r.rule.toString().toUtf8();
        if (spec.contains("<not understood>")) {
            *error = QStringLiteral("rule %1 uses an extension whose text is not known, so "
                                    "iptables-nft-restore cannot write it")
                         .arg(i + 1);
            return false;
        }
        if (spec.contains('\n') || spec.contains('\r') || spec.contains('\0')) {
            *error = QStringLiteral("rule %1 contains a line break or NUL").arg(i + 1);
            return false;
        }
        if (!r.raw.isEmpty()) {
            // Verbatim text did not go through RuleParser (that is why it is verbatim); make
            // sure it is still nothing but options of one rule.
            QString why;
            const auto args = RestoreTokenizer::split(QString::fromUtf8(spec), &why);
            if (!args) {
                *error = QStringLiteral("rule %1 (kept verbatim): %2").arg(i + 1).arg(why);
                return false;
            }
            for (const QString &a : *args) {
                if (commands.contains(a)) {
                    *error =
                        QStringLiteral("rule %1 (kept verbatim) contains \"%2\"").arg(i + 1).arg(a);
                    return false;
                }
            }
        }
        // With the restore's --counters, a rule that stays keeps its counters.
        body->append('[' + QByteArray::number(r.packets) + ':' + QByteArray::number(r.bytes) +
                     "] -A DOCKER-USER");
        if (!spec.isEmpty()) {
            body->append(' ');
            body->append(spec);
        }
        body->append('\n');
    }
    return true;
}

} // namespace

NftBackend::NftBackend() : m_netlink(std::make_unique<NftNetlink>())
{
    m_translators[0] = std::make_unique<NftTranslator>(Family::IPv4);
    m_translators[1] = std::make_unique<NftTranslator>(Family::IPv6);
}

NftBackend::NftBackend(const ToolRunner &runner) : NftBackend()
{
    m_runner = runner;
}

NftBackend::~NftBackend() = default;

namespace {

/// The built-in chains of a table, in the order iptables-nft-save prints them.
QStringList builtinChains(const QString &table)
{
    if (table == QLatin1String("filter"))
        return {QStringLiteral("INPUT"), QStringLiteral("FORWARD"), QStringLiteral("OUTPUT")};
    if (table == QLatin1String("nat"))
        return {QStringLiteral("PREROUTING"), QStringLiteral("INPUT"), QStringLiteral("OUTPUT"),
                QStringLiteral("POSTROUTING")};
    if (table == QLatin1String("raw"))
        return {QStringLiteral("PREROUTING"), QStringLiteral("OUTPUT")};
    return {};
}

} // namespace

bool NftBackend::readKernel(Family family, const QStringList &tables, const QString &onlyChain,
                            BackendTables *out, QString *error)
{
    m_lastError = ErrorKind::None;
    m_lastToolError = ToolRunner::ErrorKind::None;
    NftRuleset set;
    QString why;
    if (!NftReader::read(*m_netlink, family, tables,
                         onlyChain.isEmpty() ? QStringList() : QStringList{onlyChain}, &set, &why))
        return fail(error, ErrorKind::Kernel, QStringLiteral("nf_tables: %1").arg(why));

    BackendTables result;
    QHash<QString, int> index; // "table\nchain" -> position in result.chains
    for (const QString &table : tables) {
        if (!set.tables.contains(table)) {
            // `-t filter` / `-t nat` show the built-in chains of a table nf_tables does not
            // have yet; raw is shown only when it exists, like IptcBackend does.
            if (table != QLatin1String("raw"))
                for (const BackendChain &c : emptyTable(table)) {
                    index.insert(table + QLatin1Char('\n') + c.name, result.chains.size());
                    result.chains.append(c);
                }
            continue;
        }
        // Built-in chains first, in the table's order (missing ones as iptables-nft shows
        // them: empty, policy ACCEPT), then the others sorted by name, as iptables-nft-save.
        const QStringList builtins = builtinChains(table);
        QVector<BackendChain> users;
        QVector<BackendChain> bases(builtins.size());
        for (int i = 0; i < builtins.size(); ++i) {
            bases[i].table = table;
            bases[i].name = builtins[i];
            bases[i].policy = QStringLiteral("ACCEPT");
            bases[i].builtin = true;
        }
        for (const NftChainInfo &c : std::as_const(set.chains)) {
            if (c.table != table)
                continue;
            const int b = c.base ? int(builtins.indexOf(c.name)) : -1;
            if (b >= 0) {
                bases[b].policy = c.policy;
                continue;
            }
            BackendChain chain;
            chain.table = table;
            chain.name = c.name;
            chain.policy = QStringLiteral("-");
            users.append(chain);
        }
        std::sort(users.begin(), users.end(), [](const BackendChain &a, const BackendChain &b) {
            return a.name.toUtf8() < b.name.toUtf8();
        });
        for (const BackendChain &c : std::as_const(bases) + users) {
            index.insert(table + QLatin1Char('\n') + c.name, result.chains.size());
            result.chains.append(c);
        }
    }
    NftTranslator &translator = *m_translators[family == Family::IPv4 ? 0 : 1];
    KernelIpsets ipsets;
    const EntryCodec codec(family, ipsets.lookup());
    QString lastTable, lastChain;
    int chainIndex = -1;
    for (const NftRuleInfo &r : std::as_const(set.rules)) {
        if (chainIndex < 0 || r.table != lastTable || r.chain != lastChain) {
            chainIndex = index.value(r.table + QLatin1Char('\n') + r.chain, -1);
            lastTable = r.table;
            lastChain = r.chain;
        }
        if (chainIndex < 0)
            return fail(error, ErrorKind::Kernel,
                        QStringLiteral("nf_tables: a rule of the unknown chain %1 %2")
                            .arg(r.table, r.chain));
        result.chains[chainIndex].rules.append(translator.toBackendRule(r, codec));
    }
    *out = std::move(result);
    return true;
}

bool NftBackend::fail(QString *error, ErrorKind kind, const QString &message)
{
    m_lastError = kind;
    if (error)
        *error = message;
    return false;
}

bool NftBackend::runTool(const QString &name, const QStringList &args, const QByteArray &input,
                         QByteArray *out, QString *error)
{
    const ToolRunner::Result r = m_runner.run(name, args, input);
    m_lastToolError = r.error;
    if (!r.ok())
        return fail(error, ErrorKind::Tool, r.message);
    *out = r.out;
    return true;
}

bool NftBackend::parseSave(const QByteArray &save, Family family, BackendTables *out,
                           QString *error, ErrorKind *kind, KnownSpecs *known)
{
    if (known && known->size() > MaxKnownSpecs)
        known->clear();
    const QString familyKey = family == Family::IPv4 ? QStringLiteral("4 ") : QStringLiteral("6 ");
    auto bad = [&](ErrorKind k, const QString &message) {
        if (kind)
            *kind = k;
        *error = message;
        return false;
    };
    const QStringList lines = QString::fromUtf8(save).split(QLatin1Char('\n'));

    // iptables-nft-save skips a table it cannot express in iptables terms (rules added with
    // nft itself) and says so in a comment; such a filter table must not be edited through it.
    static const QRegularExpression incompatible(
        QStringLiteral("^# Table `([^']*)' is incompatible"));
    QSet<QString> skipped;
    for (const QString &line : lines) {
        if (!line.startsWith(QLatin1String("# Table")))
            continue;
        const auto m = incompatible.match(line);
        if (m.hasMatch())
            skipped << m.captured(1);
    }
    if (skipped.contains(Filter))
        return bad(ErrorKind::Incompatible,
                   QStringLiteral("the nf_tables filter table holds rules that iptables-nft cannot "
                                  "show (added with nft directly); it is not edited through "
                                  "iptables-nft"));

    // A save file that stops early is still well-formed if it stops between tables; the
    // "# Completed" line the tool prints after every COMMIT tells a finished table from that.
    const bool hasHeaders = std::any_of(lines.begin(), lines.end(), [](const QString &l) {
        return l.startsWith(QLatin1String("# Generated by"));
    });
    if (hasHeaders) {
        for (int i = 0; i < lines.size(); ++i) {
            if (QStringView(lines[i]).trimmed() != QLatin1String("COMMIT"))
                continue;
            if (i + 1 >= lines.size() || !lines[i + 1].startsWith(QLatin1String("# Completed")))
                return bad(ErrorKind::BadOutput,
                           QStringLiteral("the save output ends early (no \"# Completed\" after "
                                          "the COMMIT on line %1)")
                               .arg(i + 1));
        }
    }

    RestoreFile file;
    QVector<FileError> errors;
    if (!RestoreFile::read(save, &file, &errors)) {
        const FileError first = errors.value(0);
        return bad(ErrorKind::BadOutput,
                   QStringLiteral("the save output cannot be read: line %1: %2")
                       .arg(first.line)
                       .arg(first.message));
    }

    BackendTables tables;
    QHash<QString, int> index; // "table\nchain" -> position in tables.chains
    for (const QString &table : shownTables()) {
        bool present = false;
        for (const RestoreChain &c : file.chains) {
            if (c.table != table)
                continue;
            present = true;
            BackendChain chain;
            chain.table = table;
            chain.name = c.name;
            chain.policy = c.policy;
            chain.builtin = c.policy != QLatin1String("-");
            index.insert(table + QLatin1Char('\n') + c.name, tables.chains.size());
            tables.chains.append(chain);
        }
        // `-t filter` / `-t nat` would show the built-in chains of a table nf_tables does not
        // have yet; raw is shown only when it exists, like IptcBackend does.
        if (!present && !skipped.contains(table))
            tables.chains += emptyTable(table);
    }

    QHash<QString, QStringList> userChains;
    for (const QString &table : shownTables())
        userChains.insert(table, file.userChains(table));

    // A chain's rules come one after the other: its position is looked up when the chain
    // changes, not for every rule.
    QString lastTable, lastChain;
    int chainIndex = -1;
    for (const RestoreCommand &cmd : file.commands) {
        if (!shownTables().contains(cmd.table))
            continue;
        const QString chainName = cmd.args.value(1);
        if (cmd.args.value(0) != QLatin1String("-A"))
            return bad(ErrorKind::BadOutput,
                       QStringLiteral("the save output has an unexpected command on line %1")
                           .arg(cmd.line));
        if (chainIndex < 0 || cmd.table != lastTable || chainName != lastChain) {
            chainIndex = index.value(cmd.table + QLatin1Char('\n') + chainName, -1);
            lastTable = cmd.table;
            lastChain = chainName;
        }
        if (chainIndex < 0)
            return bad(ErrorKind::BadOutput,
                       QStringLiteral("the save output has a rule for the undeclared chain "
                                      "\"%1\" on line %2")
                           .arg(chainName)
                           .arg(cmd.line));
        BackendRule rule;
        QString spec;
        if (!splitSaveLine(lines.value(cmd.line - 1), chainName, &spec, &rule.packets, &rule.bytes))
            return bad(
                ErrorKind::BadOutput,
                QStringLiteral("the save output has a malformed rule on line %1").arg(cmd.line));
        rule.displaySpec = spec;
        const QString key = known ? familyKey + spec : QString();
        if (known) {
            const auto hit = known->constFind(key);
            if (hit != known->constEnd()) {
                rule.rule = hit.value();
                tables.chains[chainIndex].rules.append(rule);
                continue;
            }
        }
        const QStringList args = cmd.args.mid(2);
        RuleError parseError;
        const auto parsed = RuleParser::parseArgs(args, family, &parseError);
        if (parsed && parsed->toString() == spec) {
            rule.rule = *parsed;
            if (known)
                known->insert(key, rule.rule);
        } else {
            // Unknown to RuleParser, or known but printed differently by nf_tables: either
            // way writing the parsed form could change the rule, so it is kept as printed.
            rule.raw = spec.toUtf8();
            if (parsed)
                parseError = RuleError();
            rule.unknownExtensions = verbatimReason(args, parseError, userChains[cmd.table]);
        }
        tables.chains[chainIndex].rules.append(rule);
    }
    *out = std::move(tables);
    return true;
}

bool NftBackend::read(Family family, BackendTables *out, QString *error)
{
    // Straight from the kernel, in one generation: iptables-nft-save prints some native
    // expressions as if they were not there, which would make a rule look wider than it is.
    return readKernel(family,
                      {QStringLiteral("filter"), QStringLiteral("nat"), QStringLiteral("raw")},
                      QString(), out, error);
}

bool NftBackend::restoreInput(Family family, const QVector<BackendRule> &rules, bool declareChain,
                              bool insertJump, QByteArray *out, QString *error)
{
    QByteArray body;
    if (!ruleLines(family, rules, &body, error))
        return false;
    QByteArray input = QByteArrayLiteral("*filter\n");
    if (declareChain)
        input += ":DOCKER-USER - [0:0]\n";
    input += "-F DOCKER-USER\n";
    input += body;
    if (insertJump)
        input += "-I FORWARD 1 -j DOCKER-USER\n";
    input += "COMMIT\n";
    *out = input;
    return true;
}

std::optional<bool> NftBackend::dockerUserExists(Family family, QString *error)
{
    QByteArray save;
    if (!runTool(tool(family, "iptables-nft-save", "ip6tables-nft-save"),
                 {QStringLiteral("-t"), Filter}, {}, &save, error))
        return std::nullopt;
    // An incompatible table hides its chains: that is "unknown", not "missing".
    if (save.contains("' is incompatible"))
        return std::nullopt;
    for (const QByteArray &line : save.split('\n'))
        if (line.startsWith(":DOCKER-USER "))
            return true;
    return false;
}

std::optional<bool> NftBackend::forwardJumpExists(Family family, QString *error)
{
    // `-S FORWARD` lists one chain only, which stays fast however long DOCKER-USER is; a full
    // save would cost as much as the restore itself for a big chain.
    QByteArray listing;
    if (!runTool(tool(family, "iptables-nft", "ip6tables-nft"),
                 {QStringLiteral("-t"), Filter, QStringLiteral("-S"), QStringLiteral("FORWARD")},
                 {}, &listing, error))
        return std::nullopt;
    for (const QByteArray &raw : listing.split('\n')) {
        if (!raw.startsWith("-A FORWARD"))
            continue;
        QString why;
        const auto args = RestoreTokenizer::split(QString::fromUtf8(raw), &why);
        if (!args)
            continue;
        // Any jump to DOCKER-USER counts, as in IptcBackend: re-inserting one next to a
        // conditional jump would send packets through the chain twice.
        for (int i = 0; i + 1 < args->size(); ++i)
            if (isJumpOption(args->at(i)) && args->at(i + 1) == DockerUser)
                return true;
    }
    return false;
}

std::unique_ptr<BackendSession> NftBackend::beginSession(Family family, QString *error)
{
    // An apply needs DOCKER-USER (and FORWARD, for the jump) only, at one generation: the
    // commit is made conditional on it.
    m_lastError = ErrorKind::None;
    KernelIpsets ipsets;
    const EntryCodec codec(family, ipsets.lookup());
    NftWriter writer(*m_netlink, *m_translators[family == Family::IPv4 ? 0 : 1], codec);
    NftDockerUserState state;
    QString why;
    if (!writer.readState(&state, &why)) {
        fail(error, ErrorKind::Kernel, QStringLiteral("nf_tables: %1").arg(why));
        return nullptr;
    }
    return std::make_unique<NftSession>(this, family, std::move(state));
}

bool NftBackend::buildBatch(Family family, const NftDockerUserState &state,
                            const QVector<BackendRule> &rules, bool createChain, bool createJump,
                            NftBatch *out, QString *error)
{
    m_lastError = ErrorKind::None;
    KernelIpsets ipsets;
    const EntryCodec codec(family, ipsets.lookup());
    NftWriter writer(*m_netlink, *m_translators[family == Family::IPv4 ? 0 : 1], codec);
    NftWriter::Failure kind = NftWriter::Failure::None;
    QString why;
    if (writer.build(state, rules, createChain, createJump, out, &why, &kind))
        return true;
    const ErrorKind k = kind == NftWriter::Failure::ChainMissing ? ErrorKind::ChainMissing
                        : kind == NftWriter::Failure::NativeRule ? ErrorKind::NativeRule
                                                                 : ErrorKind::BadRule;
    return fail(error, k, why);
}

bool NftBackend::commitBatch(Family family, const NftDockerUserState &state,
                             const QVector<BackendRule> &rules, bool createChain, bool createJump,
                             const NftBatch &prepared, QString *error)
{
    m_lastError = ErrorKind::None;
    NftDockerUserState current = state;
    NftBatch batch = prepared;
    // Once more at most: a commit by someone else to another chain (Docker adding a
    // container) refuses the batch without DOCKER-USER having changed.
    for (int attempt = 0; attempt < 2; ++attempt) {
        if (batch.what.isEmpty())
            return true; // nothing to change
        int err = 0;
        quint32 failedSeq = 0;
        QString why;
        if (m_netlink->sendBatch(batch.bytes, batch.lastSeq, &why, &err, &failedSeq))
            return true;
        if (err != ERESTART) {
            const QString what = batch.what.value(failedSeq);
            return fail(error, ErrorKind::Kernel,
                        QStringLiteral("the new DOCKER-USER was not applied%1: %2")
                            .arg(what.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(what))
                            .arg(why));
        }
        // The generation moved on: see whether DOCKER-USER is still what was read.
        KernelIpsets ipsets;
        const EntryCodec codec(family, ipsets.lookup());
        NftWriter writer(*m_netlink, *m_translators[family == Family::IPv4 ? 0 : 1], codec);
        NftDockerUserState now;
        if (!writer.readState(&now, &why))
            return fail(error, ErrorKind::Kernel, QStringLiteral("nf_tables: %1").arg(why));
        if (now.fingerprint != current.fingerprint || now.chainExists != current.chainExists ||
            now.forwardJumps != current.forwardJumps)
            return fail(error, ErrorKind::Stale,
                        QStringLiteral("DOCKER-USER was changed by another program since it was "
                                       "read; nothing was changed"));
        current = std::move(now);
        if (!buildBatch(family, current, rules, createChain, createJump, &batch, error))
            return false;
    }
    return fail(error, ErrorKind::Stale,
                QStringLiteral("the ruleset kept changing during the write; nothing was changed"));
}

bool NftBackend::replaceDockerUser(Family family, const QVector<BackendRule> &rules,
                                   bool createChain, bool createJump, QString *error)
{
    auto session = beginSession(family, error);
    if (!session)
        return false;
    return session->prepare(rules, createChain, createJump, error) && session->commit(error);
}

std::optional<bool> NftBackend::dockerNftablesExists(Family family, QString *error)
{
    m_lastError = ErrorKind::None;
    m_lastToolError = ToolRunner::ErrorKind::None;
    QByteArray tables;
    if (!runTool(QStringLiteral("nft"), {QStringLiteral("list"), QStringLiteral("tables")}, {},
                 &tables, error))
        return std::nullopt;
    const QByteArray wanted = family == Family::IPv4
                                  ? QByteArrayLiteral("table ip docker-bridges")
                                  : QByteArrayLiteral("table ip6 docker-bridges");
    for (const QByteArray &line : tables.split('\n'))
        if (line.trimmed() == wanted)
            return true;
    return false;
}

} // namespace Userchain

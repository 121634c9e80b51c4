#include "restorefile.h"

#include "restorescan.h"
#include "restoretokenizer.h"
#include "ruleparser.h"

#include <QCoreApplication>

#include <algorithm>
#include <functional>
#include <vector>

namespace Userchain {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Userchain::RestoreFile", text);
}

using namespace RestoreScan;

const QString &kDockerUser = RestoreScan::DockerUser;

// As many commands as a DOCKER-USER chain may have rules (the helper's bound for Apply), and
// more errors than anyone reads: an import stops there rather than working through 32 MiB.
constexpr int MaxImportCommands = 100000;
constexpr int MaxImportErrors = 100;

/// A rule -A or -I put into DOCKER-USER: its line, its 0-based position among the rules there
/// when it was added (so -A has position == the count so far) and its ImportStep. A rule the
/// chain held before the import (rulesBefore) has no rule and no step: it only takes a place.
struct Inserted
{
    Rule *rule;
    int line;
    int position;
    int step;
};

/**
 * The chain the insertions build, in O(n log n). Backwards, each rule takes the
 * (position+1)-th slot still free: the rules added after it have taken theirs, and it stands
 * at its position among the ones added before it, which fill the free slots in their order.
 * A Fenwick tree counts the free slots.
 */
std::vector<Inserted> placeInOrder(const std::vector<Inserted> &applied)
{
    const int n = int(applied.size());
    bool appendsOnly = true;
    for (int i = 0; i < n && appendsOnly; ++i)
        appendsOnly = applied[size_t(i)].position == i;
    if (appendsOnly)
        return applied;
    std::vector<int> tree(size_t(n) + 1, 0);
    for (int i = 1; i <= n; ++i) { // every slot free: build in O(n)
        tree[size_t(i)] += 1;
        const int parent = i + (i & -i);
        if (parent <= n)
            tree[size_t(parent)] += tree[size_t(i)];
    }
    int top = 1;
    while (top * 2 <= n)
        top *= 2;
    std::vector<Inserted> chain(size_t(n), Inserted{nullptr, 0, 0, -1});
    for (int i = n - 1; i >= 0; --i) {
        int wanted = applied[size_t(i)].position + 1;
        int slot = 0; // the last 1-based slot with fewer than `wanted` free up to it
        for (int step = top; step > 0; step /= 2) {
            if (slot + step <= n && tree[size_t(slot + step)] < wanted) {
                slot += step;
                wanted -= tree[size_t(slot)];
            }
        }
        chain[size_t(slot)] = applied[size_t(i)]; // 0-based: slot + 1 is the free one
        for (int j = slot + 1; j <= n; j += j & -j)
            tree[size_t(j)] -= 1;
    }
    return chain;
}

/**
 * Why a scanned plain line cannot add a rule of `family`, whatever chain it names: a command
 * other than -A and -I, or the other family's tool ("ip6tables" in an IPv4 import, whose
 * rule would otherwise quietly land in the wrong table). Empty: none.
 */
QString plainLineProblem(const ScannedLine &s, Family family)
{
    if (s.command != IptablesCommand::Append && s.command != IptablesCommand::Insert) {
        if (s.commandName.isEmpty()) // "sudo iptables" alone, or half typed
            return tr("a command such as \"-A DOCKER-USER\" is missing");
        return s.commandName.startsWith(QLatin1Char('-'))
                   ? tr("command \"%1\" is not supported here; use -A or -I").arg(s.commandName)
                   : tr("expected a command such as \"-A DOCKER-USER\", found \"%1\"")
                         .arg(s.commandName);
    }
    if (s.tool > 0) {
        const QString &tool = IptablesCommand::tools().at(s.tool - 1);
        const bool ip6 = tool.startsWith(QLatin1String("ip6"));
        if (ip6 && family == Family::IPv4)
            return tr("\"%1\" is the command for IPv6 rules; these rules are read as IPv4")
                .arg(tool);
        if (!ip6 && family == Family::IPv6)
            return tr("\"%1\" is the command for IPv4 rules; these rules are read as IPv6")
                .arg(tool);
    }
    return QString();
}

} // namespace

QString FileError::toString(const QString &fileName) const
{
    return QStringLiteral("%1:%2: %3").arg(fileName).arg(line).arg(message);
}

bool RestoreFile::read(const QByteArray &data, RestoreFile *out, QVector<FileError> *errors)
{
    const int before = errors->size();
    if (!checkEncoding(data, errors))
        return false;
    Scan scanned = scan(data, lineStarts(data), {Form::Restore, false, Family::IPv4});
    const auto onCommand = [out](int index, const QString &table, ScannedLine &line) {
        out->commands.append({index + 1, table, std::move(line.args)});
    };
    checkStructure(scanned, &out->chains, onCommand, errors);
    return errors->size() == before;
}

QStringList RestoreFile::userChains(const QString &table) const
{
    QStringList names;
    for (const RestoreChain &c : chains)
        if (c.table == table && c.policy == QLatin1String("-"))
            names << c.name;
    for (const RestoreCommand &c : commands)
        if (c.table == table && IptablesCommand::of(c.args.value(0)) == IptablesCommand::NewChain)
            names << c.args.value(1);
    return names;
}

namespace {

DockerUserImport import(const QByteArray &data, Family family, const QStringList *existingChains,
                        int rulesBefore, const ScanMemo *memo = nullptr,
                        ScanMemoUpdate *update = nullptr)
{
    DockerUserImport result;
    std::optional<QStringList> knownChains;
    if (existingChains)
        knownChains = *existingChains;

    // Two forms: an iptables-restore file, or plain "-A DOCKER-USER ..." lines (optionally
    // starting with "iptables"/"sudo iptables", as on Docker's page).
    const QVector<qsizetype> starts = lineStarts(data);
    const bool restoreForm = isRestoreForm(data, starts);

    // Every line is tokenized and every DOCKER-USER rule parsed first (in parallel for a long
    // file); then, in file order, the structure is checked, and -F, -A and -I are applied, so
    // that rules, errors and notes come out exactly as from one pass over the file.
    if (restoreForm && !checkEncoding(data, &result.errors))
        return result;
    // A restore file already refused needs no rules parsed: its structure errors are all
    // that is reported.
    ScanOptions options{restoreForm ? Form::Restore : Form::Plain, result.errors.isEmpty(), family};
    options.texts = update != nullptr;
    options.memo = memo;
    options.collect = update && restoreForm && options.parseRules;
    Scan scanned = scan(data, starts, options);
    if (options.collect)
        *update = updateOf(scanned, family);

    // Bounded: no more commands than a chain may have rules, no more errors than anyone reads.
    const auto stop = [&](int lineNo) {
        if (result.errors.size() >= MaxImportErrors) {
            result.errors.append(
                {lineNo, tr("more than %1 errors; the rest of the file was not read")
                             .arg(MaxImportErrors)});
            return true;
        }
        return false;
    };
    QVector<int> commands; // indices of the lines whose commands are applied, in order
    if (restoreForm) {
        QVector<RestoreChain> chains;
        QVector<FileError> tableNotes; // reported only if the file is read
        const auto onCommand = [&](int index, const QString &table, const ScannedLine &) {
            if (table == QLatin1String("filter"))
                commands.append(index);
            else
                tableNotes.append({index + 1, tr("rule of table \"%1\" not imported").arg(table)});
        };
        checkStructure(scanned, &chains, onCommand, &result.errors);
        if (!result.errors.isEmpty())
            return result;
        result.notes = std::move(tableNotes);
        // The filter table's user chains, as RestoreFile::userChains gives them.
        if (knownChains) {
            for (const RestoreChain &c : std::as_const(chains))
                if (c.table == QLatin1String("filter") && c.policy == QLatin1String("-"))
                    knownChains->append(c.name);
            for (int index : std::as_const(commands))
                if (scanned.line(index).command == IptablesCommand::NewChain)
                    knownChains->append(scanned.line(index).name);
        }
    } else {
        for (int i = 0; i < scanned.lineCount; ++i) {
            const ScannedLine &s = scanned.line(i);
            if (s.kind != LineKind::Command)
                continue;
            if (stop(i + 1))
                return result;
            if (!s.tokenized) {
                result.errors.append({i + 1, s.message});
                continue;
            }
            if (const QString problem = plainLineProblem(s, family); !problem.isEmpty()) {
                result.errors.append({i + 1, problem});
                continue;
            }
            commands.append(i);
        }
    }

    // The rules applied since the last -F, each with the position it was inserted at (0-based,
    // among the rules before it). Only the count decides whether a position is valid, so the
    // final order is worked out once at the end (placeInOrder), in O(n log n): inserting into
    // a sequence as the file goes would be quadratic for a file of -I DOCKER-USER N lines.
    // The rules the chain held before (rulesBefore) stand first, without a rule, so that -I's
    // positions count them, until a flush removes them.
    std::vector<Inserted> applied;
    for (int k = 0; k < rulesBefore; ++k)
        applied.push_back({nullptr, 0, k, -1});
    int before = std::max(0, rulesBefore); // entries of applied without a rule
    QVector<ImportStep> steps;             // rule: filled in once the order is known
    steps.reserve(commands.size());
    int rulesSeen = 0;
    for (int index : std::as_const(commands)) {
        const ScannedLine &s = scanned.line(index);
        const int lineNo = index + 1;
        if (s.command == IptablesCommand::Flush) {
            if (s.name == kDockerUser || s.name.isEmpty()) {
                applied.clear();
                steps.clear();
                before = 0;
            }
            continue;
        }
        const bool append = s.command == IptablesCommand::Append;
        const bool insert = s.command == IptablesCommand::Insert;
        if (!append && !insert)
            continue; // -N, -X, -P, -Z: nothing to import
        if (s.name != kDockerUser) {
            result.notes.append(
                {lineNo,
                 tr("rule of chain \"%1\" not imported (only DOCKER-USER is)").arg(s.name)});
            continue;
        }
        Q_ASSERT(s.parsed);
        if (stop(lineNo))
            break;
        rulesSeen += std::max(1, s.ruleCount); // a comma list of addresses makes several
        if (rulesSeen > MaxImportCommands) {
            result.tooManyRules = true;
            result.errors.append({lineNo, tr("more than %1 DOCKER-USER rules; the rest of the "
                                             "file was not read")
                                              .arg(MaxImportCommands)});
            break;
        }
        const int size = int(applied.size());
        int position = append ? size : 0;
        if (s.hasPosition) {
            bool ok = false;
            const int n = s.position.toInt(&ok);
            if (!ok || n < 1 || n > size + 1) {
                result.errors.append(
                    {lineNo, tr("cannot insert at position \"%1\": the highest position here is %2")
                                 .arg(s.position)
                                 .arg(size + 1)});
                continue;
            }
            position = n - 1;
        }
        if (s.rule < 0) {
            result.errors.append({lineNo, s.message});
            continue;
        }
        RuleError error;
        if (knownChains &&
            !RuleParser::checkJumpTarget(scanned.rule(index), *knownChains, &error)) {
            result.errors.append({lineNo, error.message});
            continue;
        }
        // The rules of a comma list of addresses go in as iptables adds them, one after the
        // other: appended in order, or each inserted at the same position (insert_entry).
        for (int k = 0; k < s.ruleCount; ++k) {
            applied.push_back({&scanned.rule(index, k), lineNo, append ? position + k : position,
                               int(steps.size())});
            steps.append({-1, insert, insert ? position + 1 : 0});
        }
    }
    std::vector<Inserted> chain = placeInOrder(applied);
    if (before > 0) // the rules that were there already are not the file's
        chain.erase(std::remove_if(chain.begin(), chain.end(),
                                   [](const Inserted &p) { return p.rule == nullptr; }),
                    chain.end());
    result.lines.reserve(qsizetype(chain.size()));
    for (size_t k = 0; k < chain.size(); ++k) {
        result.lines.append(chain[k].line);
        steps[chain[k].step].rule = int(k);
    }
    result.steps = std::move(steps);
    // Usually the chain is every rule parsed, in file order (no -I, no -F after rules, none
    // refused): then the first part's list, which has room for them all, becomes the result
    // as it is, and only the other parts' rules are moved.
    const auto everyRuleInOrder = [&] {
        size_t k = 0;
        for (const ScanPart &part : scanned.parts)
            for (const Rule &rule : part.rules)
                if (k >= chain.size() || chain[k++].rule != &rule)
                    return false;
        return k == chain.size();
    };
    if (!chain.empty() && everyRuleInOrder()) {
        result.rules = std::move(scanned.parts.front().rules);
        for (size_t t = 1; t < scanned.parts.size(); ++t)
            for (Rule &rule : scanned.parts[t].rules)
                result.rules.append(std::move(rule));
        if (options.texts) {
            result.texts = std::move(scanned.parts.front().texts);
            for (size_t t = 1; t < scanned.parts.size(); ++t)
                result.texts += scanned.parts[t].texts;
        }
    } else {
        result.rules.reserve(qsizetype(chain.size()));
        if (options.texts)
            result.texts.reserve(qsizetype(chain.size()));
        for (const Inserted &p : chain) {
            if (options.texts) {
                // The part that parsed the rule has its text at the same index.
                const std::less<const Rule *> before;
                for (const ScanPart &part : scanned.parts) {
                    const Rule *first = part.rules.constData();
                    if (!before(p.rule, first) && before(p.rule, first + part.rules.size())) {
                        result.texts.append(part.texts.at(p.rule - first));
                        break;
                    }
                }
            }
            result.rules.append(std::move(*p.rule));
        }
    }
    return result;
}

} // namespace

DockerUserImport importDockerUser(const QByteArray &data, Family family,
                                  const QStringList *existingChains, int rulesBefore)
{
    return import(data, family, existingChains, rulesBefore);
}

DockerUserImport importDockerUserWithMemo(const QByteArray &data, Family family,
                                          const ScanMemo *memo, ScanMemoUpdate *update)
{
    return import(data, family, nullptr, 0, memo, update);
}

namespace {

/// A line that makes several rules (a comma list of addresses) is no single rule.
RuleLine oneRule(RuleLine &line)
{
    if (line.rules.size() == 1)
        line.rule = line.rules.first();
    else if (line.rules.size() > 1)
        line.error = RuleError{
            -1, QString(),
            tr("this line makes %1 rules, one for each address of its list").arg(line.rules.size()),
            false};
    return line;
}

} // namespace

RuleLine readRuleLine(const QString &line, Family family)
{
    RuleLine result;
    ScannedLine s;
    QVector<Rule> rules;
    scanLine(line, {Form::Plain, true, family}, &s, &rules, &result.error);
    if (s.tool > 0)
        result.toolFamily = IptablesCommand::toolFamily(IptablesCommand::tools().at(s.tool - 1));
    result.command = s.tool > 0 || s.command != IptablesCommand::Unknown;
    if (!result.command) {
        // A bare rule-spec; tokenized again, as the scan keeps no tokens of a line it need not
        // parse.
        if (auto rules = RuleParser::parseAll(line, family, &result.error))
            result.rules = std::move(*rules);
        return oneRule(result);
    }
    const auto refuse = [&result](const QString &message) {
        result.error = RuleError{-1, QString(), message, false};
        return result;
    };
    if (!s.tokenized)
        return refuse(s.message);
    if (const QString problem = plainLineProblem(s, family); !problem.isEmpty())
        return refuse(problem);
    if (s.name.isEmpty())
        return refuse(tr("\"%1\" needs a chain name").arg(s.commandName));
    if (s.name != kDockerUser)
        return refuse(
            tr("this is a rule of chain \"%1\"; only DOCKER-USER rules are read here").arg(s.name));
    const bool insert = s.command == IptablesCommand::Insert;
    result.step = {0, insert, insert ? 1 : 0};
    if (s.hasPosition) {
        bool ok = false;
        result.step.position = s.position.toInt(&ok);
        if (!ok || result.step.position < 1)
            return refuse(
                tr("\"%1\" is not a position in the chain (1 is the top)").arg(s.position));
    }
    if (s.rule >= 0)
        result.rules = rules.mid(s.rule, s.ruleCount);
    return oneRule(result);
}

bool restoreLineFits(const QString &canonicalSpec, QString *why)
{
    // Measured without making the line: this runs for every rule of every apply.
    static const QString prefix = QStringLiteral("-A DOCKER-USER ");
    const qsizetype size = prefix.size() + canonicalSpec.size();
    // A UTF-16 length over the limit is over it in UTF-8 too; a UTF-16 unit is at most three
    // bytes of UTF-8, so below a third of it nothing needs counting.
    if (size > MaxRestoreLineBytes ||
        (size * 3 > MaxRestoreLineBytes &&
         prefix.size() + canonicalSpec.toUtf8().size() > MaxRestoreLineBytes)) {
        *why = tr("the rule is too long to be written as one iptables-restore line (at most "
                  "%1 bytes)")
                   .arg(MaxRestoreLineBytes);
        return false;
    }
    // Quotes only ever join words into one token, so a line of few words has few tokens; the
    // tokenizer is needed (and its cost paid) only past that.
    // Tokens are separated by white space, so a line of n characters has at most (n + 1) / 2.
    if ((size + 1) / 2 <= MaxRestoreLineTokens)
        return true;
    if (canonicalSpec.count(QLatin1Char(' ')) + 3 <= MaxRestoreLineTokens &&
        !canonicalSpec.contains(QLatin1Char('\t')))
        return true;
    QString ignored;
    const std::optional<QStringList> tokens =
        RestoreTokenizer::split(prefix + canonicalSpec, &ignored);
    if (!tokens || tokens->size() > MaxRestoreLineTokens) {
        *why = tr("the rule has too many words to be written as one iptables-restore line "
                  "(at most %1)")
                   .arg(MaxRestoreLineTokens);
        return false;
    }
    return true;
}

QByteArray exportDockerUser(const QStringList &canonicalSpecs, Family family)
{
    QByteArray out;
    out +=
        family == Family::IPv4
            ? "# DOCKER-USER rules exported by Userchain; load with: iptables-restore -n FILE\n"
            : "# DOCKER-USER rules exported by Userchain; load with: ip6tables-restore -n FILE\n";
    out += "*filter\n:DOCKER-USER - [0:0]\n-F DOCKER-USER\n";
    for (const QString &spec : canonicalSpecs)
        out += "-A DOCKER-USER " + spec.toUtf8() + '\n';
    out += "COMMIT\n";
    return out;
}

QStringList dockerUserLineArgs(const QByteArray &line)
{
    QString ignored;
    QStringList tokens = RestoreTokenizer::split(QString::fromUtf8(line).trimmed(), &ignored)
                             .value_or(QStringList());
    if (!tokens.isEmpty() && tokens.first().startsWith(QLatin1Char('[')))
        tokens.removeFirst(); // "[packets:bytes]" prefix of iptables-save -c
    if (tokens.size() > 2 && tokens.at(0) == QLatin1String("-A") &&
        tokens.at(1) == QLatin1String("DOCKER-USER"))
        return tokens.mid(2);
    return {};
}

} // namespace Userchain

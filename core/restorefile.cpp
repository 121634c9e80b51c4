#include "restorefile.h"

#include "parallelparts.h"
#include "restoretokenizer.h"
#include "ruleparser.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cstring>
#include <thread>
#include <vector>

namespace Userchain {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Userchain::RestoreFile", text);
}

const QStringList kTables = {QStringLiteral("filter"), QStringLiteral("nat"),
                             QStringLiteral("mangle"), QStringLiteral("raw"),
                             QStringLiteral("security")};

const QString kDockerUser = QStringLiteral("DOCKER-USER");

/// The commands a plain line may start with, as Docker's page and shells write them.
const QStringList kTools = {QStringLiteral("iptables"),         QStringLiteral("ip6tables"),
                            QStringLiteral("iptables-legacy"),  QStringLiteral("iptables-nft"),
                            QStringLiteral("ip6tables-legacy"), QStringLiteral("ip6tables-nft")};

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
 * Files with at least this many lines are scanned (tokenized and, for an import, their rules
 * parsed) on several threads; for shorter ones starting threads would cost about what it
 * saves. The helper imports files of tens of thousands of rules, where this is most of the
 * time.
 */
constexpr int ParallelFrom = 2048;

/**
 * Where each line of data starts (lines split at '\n' only, so a CR stays in its line), and
 * one entry more: where the line after the last would start. So line i is
 * [starts[i], starts[i + 1] - 1), followed by its '\n' or the end of data.
 */
QVector<qsizetype> lineStarts(const QByteArray &data)
{
    QVector<qsizetype> starts;
    // Nothing but a byte order mark decodes to no text, and so to no line.
    if (data == "\xEF\xBB\xBF")
        return {0};
    const char *const begin = data.constData();
    const char *const end = begin + data.size();
    const char *p = begin;
    while (p < end) {
        starts.append(p - begin);
        const void *newline = std::memchr(p, '\n', size_t(end - p));
        p = newline ? static_cast<const char *>(newline) + 1 : end + 1;
    }
    starts.append(p - begin);
    return starts;
}

/**
 * Line [start, end) of data (end: its '\n' or the end of data), decoded exactly as
 * QString::fromUtf8(data).split('\n') gives it, without decoding the rest of the file: each
 * thread decodes only its own lines, and no copy of the whole file is made. Why it is the
 * same: after a '\n' the decoder starts afresh (a '\n' never belongs to a multi-byte sequence,
 * valid or not), except that at the start of its input it drops a byte order mark, which in
 * the middle of a file is a character. So the '\n's on either side are decoded along and
 * left out of the view. buffer holds the text the view points into.
 */
QStringView decodeLine(const QByteArray &data, qsizetype start, qsizetype end, QString *buffer)
{
    const qsizetype from = start == 0 ? 0 : start - 1;
    const qsizetype to = end < data.size() ? end + 1 : end;
    *buffer = QString::fromUtf8(QByteArrayView(data.constData() + from, to - from));
    const qsizetype skip = from < start ? 1 : 0;
    const qsizetype trailing = to > end ? 1 : 0;
    return QStringView(*buffer).mid(skip, buffer->size() - skip - trailing);
}

/**
 * Whether some decoded line starts with "*", ":" or a byte order mark and "*", or is "COMMIT"
 * between white space: the iptables-restore form rather than a plain list of rules. Looked for
 * in the bytes, since those characters come from those bytes alone; only a line holding
 * "COMMIT" is decoded.
 */
bool isRestoreForm(const QByteArray &data, const QVector<qsizetype> &starts)
{
    QString buffer;
    for (int i = 0; i + 1 < starts.size(); ++i) {
        const qsizetype start = starts[i];
        const qsizetype end = starts[i + 1] - 1;
        QByteArrayView line(data.constData() + start, end - start);
        if (start == 0 && line.startsWith("\xEF\xBB\xBF"))
            line = line.sliced(3); // decoding drops it at the start of the file
        if (line.startsWith('*') || line.startsWith(':') || line.startsWith("\xEF\xBB\xBF*"))
            return true;
        if (line.contains("COMMIT") &&
            decodeLine(data, start, end, &buffer).trimmed() == QLatin1String("COMMIT"))
            return true;
    }
    return false;
}

QStringList builtinChains(const QString &table)
{
    if (table == QLatin1String("filter") || table == QLatin1String("security"))
        return {QStringLiteral("INPUT"), QStringLiteral("FORWARD"), QStringLiteral("OUTPUT")};
    if (table == QLatin1String("nat"))
        return {QStringLiteral("PREROUTING"), QStringLiteral("INPUT"), QStringLiteral("OUTPUT"),
                QStringLiteral("POSTROUTING")};
    if (table == QLatin1String("raw"))
        return {QStringLiteral("PREROUTING"), QStringLiteral("OUTPUT")};
    return {QStringLiteral("PREROUTING"), QStringLiteral("INPUT"), QStringLiteral("FORWARD"),
            QStringLiteral("OUTPUT"), QStringLiteral("POSTROUTING")};
}

/// The commands of a restore file, whichever spelling the line uses.
enum class Command : quint8 {
    Unknown,
    Append,
    Insert,
    Flush,
    NewChain,
    DeleteChain,
    Policy,
    Zero,
    Delete,
    Replace
};

/**
 * The command arg names, by either spelling. spelling, when given, gets the same text as a
 * literal, which holds no allocation: a scanned line then does not keep its token alive.
 */
Command commandOf(const QString &arg, QString *spelling)
{
    static const struct
    {
        QString shortName;
        QString longName;
        Command command;
    } names[] = {{QStringLiteral("-A"), QStringLiteral("--append"), Command::Append},
                 {QStringLiteral("-I"), QStringLiteral("--insert"), Command::Insert},
                 {QStringLiteral("-F"), QStringLiteral("--flush"), Command::Flush},
                 {QStringLiteral("-N"), QStringLiteral("--new-chain"), Command::NewChain},
                 {QStringLiteral("-X"), QStringLiteral("--delete-chain"), Command::DeleteChain},
                 {QStringLiteral("-P"), QStringLiteral("--policy"), Command::Policy},
                 {QStringLiteral("-Z"), QStringLiteral("--zero"), Command::Zero},
                 {QStringLiteral("-D"), QStringLiteral("--delete"), Command::Delete},
                 {QStringLiteral("-R"), QStringLiteral("--replace"), Command::Replace}};
    for (const auto &name : names) {
        for (const QString *n : {&name.shortName, &name.longName}) {
            if (arg == *n) {
                if (spelling)
                    *spelling = *n;
                return name.command;
            }
        }
    }
    return Command::Unknown;
}

/// The two forms importDockerUser reads; RestoreFile::read reads the first.
enum class Form { Restore, Plain };

/// What a line is, by its text alone (in the restore form; a plain list has Blank and Command).
enum class LineKind : quint8 {
    Blank,   ///< empty or white space, or a "#" comment
    Commit,  ///< "COMMIT"
    Table,   ///< "*table"
    Chain,   ///< ":CHAIN POLICY [packets:bytes]"
    Command, ///< anything else, tokenized: "-A CHAIN ..."
};

/**
 * One line as the sequential checks need it, worked out beforehand by scan() (on several
 * threads for a long file, since decoding, tokenizing and parsing each line is most of the
 * work and needs nothing from the lines before it). For an import a command line also holds
 * its DOCKER-USER rule, parsed ahead: whether it is used is decided in file order later.
 */
struct ScannedLine
{
    /// Table: the name after "*". Chain: the chain declared (for a malformed line, the name
    /// its rules know it by). Command: the chain it names, args.value(1).
    QString name;
    QString policy; ///< Chain: the policy, when wellFormed

    // Command lines:
    /// Restore form: without a "[packets:bytes]" prefix; plain form: without "sudo iptables".
    /// An import drops them once the facts below are taken.
    QStringList args;
    QString commandName; ///< args.value(0)
    QString message;     ///< why tokenizing failed, or why the rule parsed ahead was refused
    QString position;    ///< -I's position token, when hasPosition
    int rule = -1;       ///< the rule parsed ahead: index into its part's rules; -1: none

    LineKind kind = LineKind::Blank;
    Command command = Command::Unknown;
    quint8 tool = 0; ///< plain form: 1 + index in kTools of the tool the line starts with; 0: none
    bool crlf = false;       ///< restore form: the line ends in CR
    bool wellFormed = false; ///< Chain: ":NAME POLICY", optionally "[p:b]"
    bool tokenized = false;
    bool empty = false; ///< nothing but a counter prefix
    bool tooLong = false;
    bool tableOption = false;
    bool hasPosition = false;
    bool parsed = false; ///< a DOCKER-USER -A/-I spec was parsed: rule, or message
};

/// The lines one thread scanned, and the rules it parsed (in line order).
struct ScanPart
{
    int begin = 0; ///< the file's line index of lines[0]
    QVector<ScannedLine> lines;
    QVector<Rule> rules;
};

/**
 * A file's scanned lines, in parts, each filled by one thread: its lines and rules are
 * allocated (and the memory first touched) there, not before on the calling thread.
 */
class Scan
{
public:
    std::vector<ScanPart> parts;
    int lineCount = 0;

    /// Line i of the file (0 <= i < lineCount).
    ScannedLine &line(int i)
    {
        ScanPart &part = partOf(i);
        return part.lines[i - part.begin];
    }
    /// The rule parsed ahead for line i (line(i).rule >= 0).
    Rule &rule(int i)
    {
        ScanPart &part = partOf(i);
        return part.rules[part.lines.at(i - part.begin).rule];
    }

private:
    /// Cheapest when asked in file order, as the checks do.
    ScanPart &partOf(int i)
    {
        const auto holds = [i](const ScanPart &part) {
            return i >= part.begin && i < part.begin + part.lines.size();
        };
        if (!m_hint || !holds(*m_hint))
            m_hint = &*std::find_if(parts.begin(), parts.end(), holds);
        return *m_hint;
    }

    ScanPart *m_hint = nullptr;
};

struct ScanOptions
{
    Form form = Form::Restore;
    bool parseRules = false; ///< an import's: parse DOCKER-USER rules, keep no args
    Family family = Family::IPv4;
};

/// a.contains("-t") || a.contains("--table"), without a call per argument and name.
bool hasTableOption(const QStringList &a)
{
    return std::any_of(a.cbegin(), a.cend(), [](const QString &t) {
        return (t.size() == 2 && t == QLatin1String("-t")) ||
               (t.size() == 7 && t == QLatin1String("--table"));
    });
}

/// Fills out for one line; touches nothing shared, so lines can be scanned on any thread.
/// ruleError, when given, gets the whole refusal of the rule parsed ahead (with its token).
void scanLine(QStringView line, const ScanOptions &options, ScannedLine *out, QVector<Rule> *rules,
              RuleError *ruleError = nullptr)
{
    if (options.form == Form::Restore) {
        out->crlf = line.endsWith(QLatin1Char('\r'));
        const QStringView trimmed = line.trimmed();
        if (trimmed.isEmpty() || line.startsWith(QLatin1Char('#')))
            return;
        if (trimmed == QLatin1String("COMMIT")) {
            out->kind = LineKind::Commit;
            return;
        }
        if (line.startsWith(QLatin1Char('*'))) {
            out->kind = LineKind::Table;
            out->name = trimmed.mid(1).toString();
            return;
        }
        if (line.startsWith(QLatin1Char(':'))) {
            out->kind = LineKind::Chain;
            static const QRegularExpression chainLine(
                QStringLiteral("^:(\\S+)\\s+(\\S+)(?:\\s+\\[(\\d+):(\\d+)\\])?\\s*$"));
            const auto m = chainLine.match(line);
            out->wellFormed = m.hasMatch();
            if (out->wellFormed) {
                out->name = m.captured(1);
                out->policy = m.captured(2);
            } else {
                out->name = trimmed.mid(1).toString().section(QLatin1Char(' '), 0, 0);
            }
            return;
        }
    } else {
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1); // plain rule lists are often pasted from elsewhere
        const QStringView trimmed = line.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith(QLatin1Char('#')))
            return;
    }
    out->kind = LineKind::Command;
    auto tokens = RestoreTokenizer::split(line, &out->message);
    if (!tokens)
        return;
    out->tokenized = true;
    QStringList &a = out->args;
    a = std::move(*tokens);
    if (options.form == Form::Restore) {
        // iptables-restore accepts a "[packets:bytes]" counter prefix on rule lines.
        static const QRegularExpression counters(QStringLiteral("^\\[\\d+:\\d+\\]$"));
        if (!a.isEmpty() && a.first().startsWith(QLatin1Char('[')) &&
            counters.match(a.first()).hasMatch())
            a.removeFirst();
        out->empty = a.isEmpty();
        // A UTF-16 unit takes at most three bytes of UTF-8, so only long arguments need
        // converting to be measured.
        out->tooLong = std::any_of(a.cbegin(), a.cend(), [](const QString &t) {
            return t.size() * 3 > 1023 && t.toUtf8().size() > 1023;
        });
        out->tableOption = hasTableOption(a);
    } else {
        if (!a.isEmpty() && a.first() == QLatin1String("sudo"))
            a.removeFirst();
        if (const qsizetype tool = a.isEmpty() ? -1 : kTools.indexOf(a.first()); tool >= 0) {
            out->tool = quint8(tool + 1);
            a.removeFirst();
        }
    }
    out->commandName = a.value(0);
    out->command = commandOf(out->commandName, &out->commandName);
    out->name = a.value(1);
    if (out->name == kDockerUser)
        out->name = kDockerUser; // the same text, without holding on to the token
    if (!options.parseRules)
        return;
    const bool rule = (out->command == Command::Append || out->command == Command::Insert) &&
                      out->name == kDockerUser && !out->tooLong && !out->tableOption;
    if (rule) {
        // The spec is what follows "-A DOCKER-USER" (and -I's position). Removing from the
        // front of an unshared list moves no elements, unlike args.mid(2).
        a.remove(0, 2);
        if (out->command == Command::Insert && !a.isEmpty() &&
            !a.first().startsWith(QLatin1Char('-')) && a.first() != QLatin1String("!")) {
            out->position = a.takeFirst();
            out->hasPosition = true;
        }
        RuleError error;
        std::optional<Rule> parsed = RuleParser::parseArgs(a, options.family, &error);
        out->parsed = true;
        if (parsed) {
            out->rule = int(rules->size());
            rules->append(std::move(*parsed));
        } else {
            out->message = error.message;
            if (ruleError)
                *ruleError = std::move(error);
        }
    }
    // The checks need only the facts above; the tokens are freed here, on this thread.
    a = QStringList();
}

/// Every line of data (starts: lineStarts(data)) scanned, in parts on several threads.
Scan scan(const QByteArray &data, const QVector<qsizetype> &starts, const ScanOptions &options)
{
    Scan out;
    const int count = int(starts.size()) - 1;
    const int parts =
        count < ParallelFrom ? 1 : qBound(1, int(std::thread::hardware_concurrency()), 4);
    out.parts.resize(size_t(parts));
    out.lineCount = count;
    const auto part = [&](int t) {
        ScanPart &p = out.parts[size_t(t)]; // this thread's alone
        p.begin = int(qint64(count) * t / parts);
        const int end = int(qint64(count) * (t + 1) / parts);
        p.lines.resize(end - p.begin);
        // Room in the first part for every rule, so that when the chain is the rules in file
        // order (the usual case) the other parts' rules join it without a reallocation.
        if (options.parseRules)
            p.rules.reserve(t == 0 ? count : end - p.begin);
        ScannedLine *scanned = p.lines.data();
        QString buffer;
        for (int i = p.begin; i < end; ++i) {
            const QStringView line = decodeLine(data, starts[i], starts[i + 1] - 1, &buffer);
            scanLine(line, options, &scanned[i - p.begin], &p.rules);
        }
    };
    runInParts(parts, part);
    return out;
}

/// What RestoreFile::read checks of the bytes themselves; false: the lines cannot be read.
bool checkEncoding(const QByteArray &data, QVector<FileError> *errors)
{
    if (data.startsWith("\xEF\xBB\xBF")) {
        errors->append({1, tr("the file starts with a byte order mark (BOM); iptables-restore "
                              "cannot read it: save it as plain UTF-8")});
        return false;
    }
    if (!data.isEmpty() && !data.endsWith('\n'))
        errors->append({int(data.count('\n')) + 1,
                        tr("the last line has no line break; iptables-restore would not read it")});
    return true;
}

/**
 * RestoreFile::read's checks, in file order, over scanned lines. Each accepted command goes
 * to onCommand(line index, table, scanned line).
 */
template <typename OnCommand>
void checkStructure(Scan &scanned, QVector<RestoreChain> *chains, const OnCommand &onCommand,
                    QVector<FileError> *errors)
{
    QString table;
    int tableLine = 0;
    bool skipTable = false; // after a bad "*table" line, quietly skip to its COMMIT
    QSet<QString> declared; // chains of the open table: built-in and declared
    QStringList builtins;   // built-in chains of the open table
    for (int i = 0; i < scanned.lineCount; ++i) {
        const int lineNo = i + 1;
        ScannedLine &s = scanned.line(i);
        if (s.crlf) {
            errors->append({lineNo, tr("the file has Windows line ends (CR LF); iptables-restore "
                                       "cannot read it: convert it, e.g. with dos2unix")});
            return;
        }
        if (s.kind == LineKind::Blank)
            continue;
        if (s.kind == LineKind::Commit) {
            if (table.isEmpty() && !skipTable)
                errors->append({lineNo, tr("\"COMMIT\" without a table (\"*filter\")")});
            table.clear();
            skipTable = false;
            continue;
        }
        if (skipTable && s.kind != LineKind::Table)
            continue;
        if (s.kind == LineKind::Table) {
            if (!table.isEmpty()) {
                errors->append({lineNo, tr("table \"%1\" started on line %2 is not committed")
                                            .arg(table)
                                            .arg(tableLine)});
            }
            const QString &name = s.name;
            if (!kTables.contains(name)) {
                errors->append({lineNo, name.isEmpty() ? tr("a table name is missing after \"*\"")
                                                       : tr("unknown table \"%1\"").arg(name)});
                table.clear();
                skipTable = true;
                continue;
            }
            table = name;
            tableLine = lineNo;
            skipTable = false;
            builtins = builtinChains(table);
            declared = QSet<QString>(builtins.cbegin(), builtins.cend());
            continue;
        }
        if (table.isEmpty()) {
            errors->append({lineNo, tr("rule outside a table: start one with \"*filter\"")});
            continue;
        }
        if (s.kind == LineKind::Chain) {
            if (!s.wellFormed) {
                // Still know the chain, so its rules do not cause a second error.
                if (!s.name.isEmpty())
                    declared.insert(s.name);
                errors->append({lineNo, tr("chain line needs a name and a policy, e.g. "
                                           "\":DOCKER-USER - [0:0]\"")});
                continue;
            }
            const QString &name = s.name;
            const QString &policy = s.policy;
            const bool builtin = builtins.contains(name);
            if (name.size() > 28) {
                errors->append(
                    {lineNo, tr("chain name \"%1\" is longer than 28 characters").arg(name)});
                continue;
            }
            if (builtin && policy != QLatin1String("ACCEPT") && policy != QLatin1String("DROP")) {
                errors->append({lineNo, tr("invalid policy \"%1\" for built-in chain \"%2\" "
                                           "(ACCEPT or DROP)")
                                            .arg(policy, name)});
                continue;
            }
            if (!builtin && policy != QLatin1String("-")) {
                errors->append(
                    {lineNo, tr("user chain \"%1\" cannot have a policy; write \"-\"").arg(name)});
                continue;
            }
            if (!builtin && declared.contains(name)) {
                errors->append({lineNo, tr("chain \"%1\" is declared twice").arg(name)});
                continue;
            }
            if (!builtin)
                declared.insert(name);
            chains->append({lineNo, table, name, policy});
            continue;
        }
        if (!s.tokenized) {
            errors->append({lineNo, s.message});
            continue;
        }
        if (s.empty)
            continue;
        if (s.tooLong) {
            errors->append(
                {lineNo, tr("an argument is longer than 1023 bytes, iptables-restore's limit")});
            continue;
        }
        if (s.tableOption) {
            errors->append({lineNo, tr("\"-t\" is not allowed inside a restore file")});
            continue;
        }
        const QString &cmd = s.commandName;
        const QString &chain = s.name;
        if (s.command == Command::Unknown) {
            errors->append(
                {lineNo,
                 cmd.startsWith(QLatin1Char('-'))
                     ? tr("unknown command \"%1\"").arg(cmd)
                     : tr("expected a command such as \"-A DOCKER-USER\", found \"%1\"").arg(cmd)});
            continue;
        }
        if (chain.isEmpty() && s.command != Command::Flush && s.command != Command::Zero &&
            s.command != Command::DeleteChain) {
            errors->append({lineNo, tr("\"%1\" needs a chain name").arg(cmd)});
            continue;
        }
        const bool builtin = builtins.contains(chain);
        if (s.command == Command::NewChain) {
            if (declared.contains(chain)) {
                errors->append({lineNo, tr("chain \"%1\" already exists").arg(chain)});
                continue;
            }
            declared.insert(chain);
        } else if (s.command == Command::DeleteChain && builtin) {
            errors->append({lineNo, tr("the built-in chain \"%1\" cannot be deleted").arg(chain)});
            continue;
        } else if (s.command == Command::Policy && !builtin) {
            errors->append(
                {lineNo, tr("only built-in chains have a policy, not \"%1\"").arg(chain)});
            continue;
        } else if (s.command == Command::Delete || s.command == Command::Replace) {
            // Deleting or replacing depends on what the kernel holds; an import must say
            // the whole chain instead.
            errors->append({lineNo, tr("\"%1\" depends on rules already loaded; write the chain "
                                       "in full with -F and -A instead")
                                        .arg(cmd)});
            continue;
        } else if (!chain.isEmpty() && !declared.contains(chain)) {
            errors->append({lineNo, tr("chain \"%1\" is not declared; add \":%1 - [0:0]\" after "
                                       "\"*%2\"")
                                        .arg(chain, table)});
            continue;
        }
        onCommand(i, table, s);
    }
    if (!table.isEmpty())
        errors->append(
            {scanned.lineCount,
             tr("table \"%1\" started on line %2 has no \"COMMIT\"").arg(table).arg(tableLine)});
}

/**
 * Why a scanned plain line cannot add a rule of `family`, whatever chain it names: a command
 * other than -A and -I, or the other family's tool ("ip6tables" in an IPv4 import, whose
 * rule would otherwise quietly land in the wrong table). Empty: none.
 */
QString plainLineProblem(const ScannedLine &s, Family family)
{
    if (s.command != Command::Append && s.command != Command::Insert) {
        if (s.commandName.isEmpty()) // "sudo iptables" alone, or half typed
            return tr("a command such as \"-A DOCKER-USER\" is missing");
        return s.commandName.startsWith(QLatin1Char('-'))
                   ? tr("command \"%1\" is not supported here; use -A or -I").arg(s.commandName)
                   : tr("expected a command such as \"-A DOCKER-USER\", found \"%1\"")
                         .arg(s.commandName);
    }
    if (s.tool > 0) {
        const QString &tool = kTools.at(s.tool - 1);
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
        if (c.table == table && commandOf(c.args.value(0), nullptr) == Command::NewChain)
            names << c.args.value(1);
    return names;
}

DockerUserImport importDockerUser(const QByteArray &data, Family family,
                                  const QStringList *existingChains, int rulesBefore)
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
    Scan scanned = scan(
        data, starts, {restoreForm ? Form::Restore : Form::Plain, result.errors.isEmpty(), family});

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
                if (scanned.line(index).command == Command::NewChain)
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
        if (s.command == Command::Flush) {
            if (s.name == kDockerUser || s.name.isEmpty()) {
                applied.clear();
                steps.clear();
                before = 0;
            }
            continue;
        }
        const bool append = s.command == Command::Append;
        const bool insert = s.command == Command::Insert;
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
        if (++rulesSeen > MaxImportCommands) {
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
        Rule *rule = &scanned.rule(index);
        RuleError error;
        if (knownChains && !RuleParser::checkJumpTarget(*rule, *knownChains, &error)) {
            result.errors.append({lineNo, error.message});
            continue;
        }
        applied.push_back({rule, lineNo, position, int(steps.size())});
        steps.append({-1, insert, insert ? position + 1 : 0});
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
    } else {
        result.rules.reserve(qsizetype(chain.size()));
        for (const Inserted &p : chain)
            result.rules.append(std::move(*p.rule));
    }
    return result;
}

RuleLine readRuleLine(const QString &line, Family family)
{
    RuleLine result;
    ScannedLine s;
    QVector<Rule> rules;
    scanLine(line, {Form::Plain, true, family}, &s, &rules, &result.error);
    if (s.tool > 0)
        result.toolFamily =
            kTools.at(s.tool - 1).startsWith(QLatin1String("ip6")) ? Family::IPv6 : Family::IPv4;
    result.command = s.tool > 0 || s.command != Command::Unknown;
    if (!result.command) {
        // A bare rule-spec; tokenized again, as the scan keeps no tokens of a line it need not
        // parse.
        result.rule = RuleParser::parse(line, family, &result.error);
        return result;
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
    const bool insert = s.command == Command::Insert;
    result.step = {0, insert, insert ? 1 : 0};
    if (s.hasPosition) {
        bool ok = false;
        result.step.position = s.position.toInt(&ok);
        if (!ok || result.step.position < 1)
            return refuse(
                tr("\"%1\" is not a position in the chain (1 is the top)").arg(s.position));
    }
    if (s.rule >= 0)
        result.rule = std::move(rules[s.rule]);
    return result;
}

bool restoreLineFits(const QString &canonicalSpec, QString *why)
{
    const QString line = QStringLiteral("-A DOCKER-USER ") + canonicalSpec;
    // A UTF-16 length over the limit is over it in UTF-8 too; below, count the bytes.
    if (line.size() > MaxRestoreLineBytes || line.toUtf8().size() > MaxRestoreLineBytes) {
        *why = tr("the rule is too long to be written as one iptables-restore line (at most "
                  "%1 bytes)")
                   .arg(MaxRestoreLineBytes);
        return false;
    }
    // Quotes only ever join words into one token, so a line of few words has few tokens; the
    // tokenizer is needed (and its cost paid) only past that.
    if (line.count(QLatin1Char(' ')) + 1 <= MaxRestoreLineTokens &&
        !line.contains(QLatin1Char('\t')))
        return true;
    QString ignored;
    const std::optional<QStringList> tokens = RestoreTokenizer::split(line, &ignored);
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

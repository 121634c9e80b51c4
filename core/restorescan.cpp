#include "restorescan.h"

#include "parallelparts.h"
#include "restoretokenizer.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cstring>
#include <thread>

namespace Userchain {
namespace RestoreScan {

const QString DockerUser = QStringLiteral("DOCKER-USER");

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Userchain::RestoreFile", text);
}

const QStringList kTables = {QStringLiteral("filter"), QStringLiteral("nat"),
                             QStringLiteral("mangle"), QStringLiteral("raw"),
                             QStringLiteral("security")};

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
} // namespace

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

namespace {

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

} // namespace

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

namespace {

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

/// a.contains("-t") || a.contains("--table"), without a call per argument and name.
bool hasTableOption(const QStringList &a)
{
    return std::any_of(a.cbegin(), a.cend(), [](const QString &t) {
        return (t.size() == 2 && t == QLatin1String("-t")) ||
               (t.size() == 7 && t == QLatin1String("--table"));
    });
}

} // namespace

/// Fills out for one line; touches nothing shared, so lines can be scanned on any thread.
/// ruleError, when given, gets the whole refusal of the rule parsed ahead (with its token).
void scanLine(QStringView line, const ScanOptions &options, ScannedLine *out, QVector<Rule> *rules,
              RuleError *ruleError)
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
        if (const qsizetype tool = a.isEmpty() ? -1 : IptablesCommand::tools().indexOf(a.first());
            tool >= 0) {
            out->tool = quint8(tool + 1);
            a.removeFirst();
        }
    }
    out->commandName = a.value(0);
    out->command = IptablesCommand::of(out->commandName, &out->commandName);
    out->name = a.value(1);
    if (out->name == DockerUser)
        out->name = DockerUser; // the same text, without holding on to the token
    if (!options.parseRules)
        return;
    const bool rule =
        (out->command == IptablesCommand::Append || out->command == IptablesCommand::Insert) &&
        out->name == DockerUser && !out->tooLong && !out->tableOption;
    if (rule) {
        // The spec is what follows "-A DOCKER-USER" (and -I's position). Removing from the
        // front of an unshared list moves no elements, unlike args.mid(2).
        a.remove(0, 2);
        if (out->command == IptablesCommand::Insert && !a.isEmpty() &&
            !a.first().startsWith(QLatin1Char('-')) && a.first() != QLatin1String("!")) {
            out->position = a.takeFirst();
            out->hasPosition = true;
        }
        RuleError error;
        // As iptables does, a comma list of addresses makes one rule per address.
        std::optional<QVector<Rule>> parsed = RuleParser::parseAllArgs(a, options.family, &error);
        out->parsed = true;
        if (parsed) {
            out->rule = int(rules->size());
            out->ruleCount = int(parsed->size());
            for (Rule &r : *parsed)
                rules->append(std::move(r));
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
    const ScanMemo *memo = options.memo && options.form == Form::Restore && options.parseRules &&
                                   options.family == options.memo->family &&
                                   !options.memo->lines.isEmpty()
                               ? options.memo
                               : nullptr;
    // The first line is never recalled: there a byte order mark is dropped when decoding.
    const auto recalled = [&](int i) -> const MemoLine * {
        if (!memo || i == 0)
            return nullptr;
        const auto it = memo->lines.constFind(
            QByteArray::fromRawData(data.constData() + starts[i], starts[i + 1] - 1 - starts[i]));
        return it == memo->lines.constEnd() ? nullptr : &it.value();
    };
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
        if (options.texts)
            p.texts.reserve(p.rules.capacity());
        if (memo || options.collect)
            p.recalled.fill(nullptr, end - p.begin);
        ScannedLine *scanned = p.lines.data();
        QString buffer;
        for (int i = p.begin; i < end; ++i) {
            if (const MemoLine *known = recalled(i)) {
                p.recalled[i - p.begin] = known;
                ScannedLine &s = scanned[i - p.begin];
                s = known->line;
                s.rule = int(p.rules.size());
                p.rules.append(known->rule);
                if (options.texts)
                    p.texts.append(known->text);
                continue;
            }
            const QStringView line = decodeLine(data, starts[i], starts[i + 1] - 1, &buffer);
            const qsizetype before = p.rules.size();
            ScannedLine &s = scanned[i - p.begin];
            scanLine(line, options, &s, &p.rules);
            if (options.texts)
                for (qsizetype k = before; k < p.rules.size(); ++k)
                    p.texts.append(p.rules.at(k).toString());
            // A line of one rule (none from the first line: see recalled()) for the memo.
            if (options.collect && options.texts && i > 0 && s.kind == LineKind::Command &&
                s.rule >= 0 && s.ruleCount == 1) {
                MemoLine kept{s, p.rules.at(s.rule), p.texts.at(s.rule)};
                kept.line.rule = -1;
                p.fresh.append(
                    {QByteArray(data.constData() + starts[i], starts[i + 1] - 1 - starts[i]),
                     std::move(kept)});
            }
        }
    };
    runInParts(parts, part);
    return out;
}

ScanMemoUpdate updateOf(Scan &scanned, Family family)
{
    ScanMemoUpdate update;
    update.family = family;
    update.any = true;
    for (ScanPart &part : scanned.parts) {
        for (const MemoLine *known : std::as_const(part.recalled))
            if (known)
                update.recalled.append(known);
        part.recalled.clear();
        update.fresh += std::move(part.fresh);
    }
    return update;
}

void apply(ScanMemoUpdate update, ScanMemo *memo)
{
    if (!update.any)
        return;
    if (memo->family != update.family) {
        memo->lines.clear();
        memo->family = update.family;
    }
    const quint32 now = ++memo->scans;
    // Lines recalled are marked first: their entries may move once new ones are added.
    qsizetype marked = 0;
    for (const MemoLine *known : std::as_const(update.recalled)) {
        auto *line = const_cast<MemoLine *>(known); // the memo is ours to change here
        marked += line->scan != now ? 1 : 0;
        line->scan = now;
    }
    // The same file again: every line recalled, none new, nothing else to drop.
    if (update.fresh.isEmpty() && marked == memo->lines.size())
        return;
    for (auto &[key, line] : update.fresh) {
        const auto it = memo->lines.find(key);
        if (it == memo->lines.end() && memo->lines.size() >= ScanMemo::Capacity)
            continue;
        line.scan = now;
        if (it != memo->lines.end())
            *it = std::move(line);
        else
            memo->lines.insert(key, std::move(line));
    }
    // Lines of older files go: the memo is this file's.
    memo->lines.removeIf([now](const auto &it) { return it.value().scan != now; });
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
        if (s.command == IptablesCommand::Unknown) {
            errors->append(
                {lineNo,
                 cmd.startsWith(QLatin1Char('-'))
                     ? tr("unknown command \"%1\"").arg(cmd)
                     : tr("expected a command such as \"-A DOCKER-USER\", found \"%1\"").arg(cmd)});
            continue;
        }
        if (chain.isEmpty() && s.command != IptablesCommand::Flush &&
            s.command != IptablesCommand::Zero && s.command != IptablesCommand::DeleteChain) {
            errors->append({lineNo, tr("\"%1\" needs a chain name").arg(cmd)});
            continue;
        }
        const bool builtin = builtins.contains(chain);
        if (s.command == IptablesCommand::NewChain) {
            if (declared.contains(chain)) {
                errors->append({lineNo, tr("chain \"%1\" already exists").arg(chain)});
                continue;
            }
            declared.insert(chain);
        } else if (s.command == IptablesCommand::DeleteChain && builtin) {
            errors->append({lineNo, tr("the built-in chain \"%1\" cannot be deleted").arg(chain)});
            continue;
        } else if (s.command == IptablesCommand::Policy && !builtin) {
            errors->append(
                {lineNo, tr("only built-in chains have a policy, not \"%1\"").arg(chain)});
            continue;
        } else if (s.command == IptablesCommand::Delete || s.command == IptablesCommand::Replace) {
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

} // namespace RestoreScan
} // namespace Userchain

#include "restorefile.h"

#include "restoretokenizer.h"
#include "ruleparser.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace Userchain {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Userchain::RestoreFile", text);
}

const QStringList kTables = {QStringLiteral("filter"), QStringLiteral("nat"),
                             QStringLiteral("mangle"), QStringLiteral("raw"),
                             QStringLiteral("security")};

/// Lines as iptables-restore sees them: split at '\n' only, so a CR stays in the line.
QStringList splitLines(const QByteArray &data)
{
    QStringList lines = QString::fromUtf8(data).split(QLatin1Char('\n'));
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines;
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

/// The chain a command names, for the commands that take one.
bool isCommand(const QString &arg, const char *shortName, const char *longName)
{
    return arg == QLatin1String(shortName) || arg == QLatin1String(longName);
}

} // namespace

QString FileError::toString(const QString &fileName) const
{
    return QStringLiteral("%1:%2: %3").arg(fileName).arg(line).arg(message);
}

bool RestoreFile::read(const QByteArray &data, RestoreFile *out, QVector<FileError> *errors)
{
    const int before = errors->size();
    if (data.startsWith("\xEF\xBB\xBF")) {
        errors->append({1, tr("the file starts with a byte order mark (BOM); iptables-restore "
                              "cannot read it: save it as plain UTF-8")});
        return false;
    }
    if (!data.isEmpty() && !data.endsWith('\n'))
        errors->append({int(data.count('\n')) + 1,
                        tr("the last line has no line break; iptables-restore would not read it")});
    const QStringList lines = splitLines(data);
    QString table;
    int tableLine = 0;
    bool skipTable = false; // after a bad "*table" line, quietly skip to its COMMIT
    QStringList declared;   // chains of the open table: built-in and declared
    QStringList builtins;   // built-in chains of the open table
    for (int i = 0; i < lines.size(); ++i) {
        const int lineNo = i + 1;
        const QString &line = lines[i];
        if (line.endsWith(QLatin1Char('\r'))) {
            errors->append({lineNo, tr("the file has Windows line ends (CR LF); iptables-restore "
                                       "cannot read it: convert it, e.g. with dos2unix")});
            return false;
        }
        const QString trimmed = line.trimmed();
        if (trimmed.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        if (trimmed == QLatin1String("COMMIT")) {
            if (table.isEmpty() && !skipTable)
                errors->append({lineNo, tr("\"COMMIT\" without a table (\"*filter\")")});
            table.clear();
            skipTable = false;
            continue;
        }
        if (skipTable && !line.startsWith(QLatin1Char('*')))
            continue;
        if (line.startsWith(QLatin1Char('*'))) {
            if (!table.isEmpty()) {
                errors->append({lineNo, tr("table \"%1\" started on line %2 is not committed")
                                            .arg(table)
                                            .arg(tableLine)});
            }
            const QString name = trimmed.mid(1);
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
            declared = builtins;
            continue;
        }
        if (table.isEmpty()) {
            errors->append({lineNo, tr("rule outside a table: start one with \"*filter\"")});
            continue;
        }
        if (line.startsWith(QLatin1Char(':'))) {
            static const QRegularExpression chainLine(
                QStringLiteral("^:(\\S+)\\s+(\\S+)(?:\\s+\\[(\\d+):(\\d+)\\])?\\s*$"));
            const auto m = chainLine.match(line);
            if (!m.hasMatch()) {
                // Still know the chain, so its rules do not cause a second error.
                const QString name = trimmed.mid(1).section(QLatin1Char(' '), 0, 0);
                if (!name.isEmpty() && !declared.contains(name))
                    declared << name;
                errors->append({lineNo, tr("chain line needs a name and a policy, e.g. "
                                           "\":DOCKER-USER - [0:0]\"")});
                continue;
            }
            const QString name = m.captured(1);
            const QString policy = m.captured(2);
            const bool builtin = builtinChains(table).contains(name);
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
                declared << name;
            out->chains.append({lineNo, table, name, policy});
            continue;
        }
        QString message;
        const auto args = RestoreTokenizer::split(line, &message);
        if (!args) {
            errors->append({lineNo, message});
            continue;
        }
        QStringList a = *args;
        // iptables-restore accepts a "[packets:bytes]" counter prefix on rule lines.
        static const QRegularExpression counters(QStringLiteral("^\\[\\d+:\\d+\\]$"));
        if (!a.isEmpty() && a.first().startsWith(QLatin1Char('[')) &&
            counters.match(a.first()).hasMatch())
            a.removeFirst();
        if (a.isEmpty())
            continue;
        // A UTF-16 unit takes at most three bytes of UTF-8, so only long arguments need
        // converting to be measured.
        const auto tooLong = std::find_if(a.cbegin(), a.cend(), [](const QString &t) {
            return t.size() * 3 > 1023 && t.toUtf8().size() > 1023;
        });
        if (tooLong != a.cend()) {
            errors->append(
                {lineNo, tr("an argument is longer than 1023 bytes, iptables-restore's limit")});
            continue;
        }
        if (a.contains(QLatin1String("-t")) || a.contains(QLatin1String("--table"))) {
            errors->append({lineNo, tr("\"-t\" is not allowed inside a restore file")});
            continue;
        }
        const QString cmd = a.first();
        const QString chain = a.value(1);
        const bool chainCommand =
            isCommand(cmd, "-A", "--append") || isCommand(cmd, "-I", "--insert") ||
            isCommand(cmd, "-F", "--flush") || isCommand(cmd, "-N", "--new-chain") ||
            isCommand(cmd, "-X", "--delete-chain") || isCommand(cmd, "-P", "--policy") ||
            isCommand(cmd, "-Z", "--zero") || isCommand(cmd, "-D", "--delete") ||
            isCommand(cmd, "-R", "--replace");
        if (!chainCommand) {
            errors->append(
                {lineNo,
                 cmd.startsWith(QLatin1Char('-'))
                     ? tr("unknown command \"%1\"").arg(cmd)
                     : tr("expected a command such as \"-A DOCKER-USER\", found \"%1\"").arg(cmd)});
            continue;
        }
        if (chain.isEmpty() && !isCommand(cmd, "-F", "--flush") &&
            !isCommand(cmd, "-Z", "--zero") && !isCommand(cmd, "-X", "--delete-chain")) {
            errors->append({lineNo, tr("\"%1\" needs a chain name").arg(cmd)});
            continue;
        }
        const bool builtin = builtins.contains(chain);
        if (isCommand(cmd, "-N", "--new-chain")) {
            if (declared.contains(chain)) {
                errors->append({lineNo, tr("chain \"%1\" already exists").arg(chain)});
                continue;
            }
            declared << chain;
        } else if (isCommand(cmd, "-X", "--delete-chain") && builtin) {
            errors->append({lineNo, tr("the built-in chain \"%1\" cannot be deleted").arg(chain)});
            continue;
        } else if (isCommand(cmd, "-P", "--policy") && !builtin) {
            errors->append(
                {lineNo, tr("only built-in chains have a policy, not \"%1\"").arg(chain)});
            continue;
        } else if ((isCommand(cmd, "-D", "--delete") || isCommand(cmd, "-R", "--replace"))) {
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
        out->commands.append({lineNo, table, a});
    }
    if (!table.isEmpty())
        errors->append(
            {int(lines.size()),
             tr("table \"%1\" started on line %2 has no \"COMMIT\"").arg(table).arg(tableLine)});
    return errors->size() == before;
}

QStringList RestoreFile::userChains(const QString &table) const
{
    QStringList names;
    for (const RestoreChain &c : chains)
        if (c.table == table && c.policy == QLatin1String("-"))
            names << c.name;
    for (const RestoreCommand &c : commands)
        if (c.table == table && isCommand(c.args.value(0), "-N", "--new-chain"))
            names << c.args.value(1);
    return names;
}

DockerUserImport importDockerUser(const QByteArray &data, Family family,
                                  const QStringList *existingChains)
{
    DockerUserImport result;
    static const QString chain = QStringLiteral("DOCKER-USER");
    QVector<RestoreCommand> commands;
    std::optional<QStringList> knownChains;
    if (existingChains)
        knownChains = *existingChains;

    // Two forms: an iptables-restore file, or plain "-A DOCKER-USER ..." lines (optionally
    // starting with "iptables"/"sudo iptables", as on Docker's page).
    const QStringList lines = splitLines(data);
    const bool restoreForm = std::any_of(lines.begin(), lines.end(), [](const QString &l) {
        return l.startsWith(QLatin1Char('*')) || l.startsWith(QLatin1Char(':')) ||
               l.startsWith(QStringLiteral("\xFEFF*")) || l.trimmed() == QLatin1String("COMMIT");
    });

    if (restoreForm) {
        RestoreFile file;
        if (!RestoreFile::read(data, &file, &result.errors))
            return result;
        for (const RestoreCommand &c : file.commands) {
            if (c.table == QLatin1String("filter"))
                commands.append(c);
            else
                result.notes.append({c.line, tr("rule of table \"%1\" not imported").arg(c.table)});
        }
        if (knownChains)
            *knownChains += file.userChains(QStringLiteral("filter"));
    } else {
        for (int i = 0; i < lines.size(); ++i) {
            QString line = lines[i];
            if (line.endsWith(QLatin1Char('\r')))
                line.chop(1); // plain rule lists are often pasted from elsewhere
            const QString trimmed = line.trimmed();
            if (trimmed.isEmpty() || trimmed.startsWith(QLatin1Char('#')))
                continue;
            QString message;
            auto args = RestoreTokenizer::split(line, &message);
            if (!args) {
                result.errors.append({i + 1, message});
                continue;
            }
            static const QStringList tools = {
                QStringLiteral("iptables"),         QStringLiteral("ip6tables"),
                QStringLiteral("iptables-legacy"),  QStringLiteral("iptables-nft"),
                QStringLiteral("ip6tables-legacy"), QStringLiteral("ip6tables-nft")};
            if (!args->isEmpty() && args->first() == QLatin1String("sudo"))
                args->removeFirst();
            if (!args->isEmpty() && tools.contains(args->first()))
                args->removeFirst();
            const QString cmd = args->value(0);
            if (!isCommand(cmd, "-A", "--append") && !isCommand(cmd, "-I", "--insert")) {
                result.errors.append(
                    {i + 1, cmd.startsWith(QLatin1Char('-'))
                                ? tr("command \"%1\" is not supported here; use -A or -I").arg(cmd)
                                : tr("expected a command such as \"-A DOCKER-USER\", found \"%1\"")
                                      .arg(cmd)});
                continue;
            }
            commands.append({i + 1, QStringLiteral("filter"), *args});
        }
    }

    for (const RestoreCommand &c : commands) {
        const QString cmd = c.args.value(0);
        const QString target = c.args.value(1);
        if (isCommand(cmd, "-F", "--flush")) {
            if (target == chain || target.isEmpty()) {
                result.rules.clear();
                result.lines.clear();
            }
            continue;
        }
        const bool append = isCommand(cmd, "-A", "--append");
        const bool insert = isCommand(cmd, "-I", "--insert");
        if (!append && !insert)
            continue; // -N, -X, -P, -Z: nothing to import
        if (target != chain) {
            result.notes.append(
                {c.line,
                 tr("rule of chain \"%1\" not imported (only DOCKER-USER is)").arg(target)});
            continue;
        }
        QStringList spec = c.args.mid(2);
        int position = append ? result.rules.size() : 0;
        if (insert && !spec.isEmpty() && !spec.first().startsWith(QLatin1Char('-')) &&
            spec.first() != QLatin1String("!")) {
            bool ok = false;
            const int n = spec.first().toInt(&ok);
            if (!ok || n < 1 || n > result.rules.size() + 1) {
                result.errors.append(
                    {c.line, tr("cannot insert at position \"%1\": the chain has %2 rules here")
                                 .arg(spec.first())
                                 .arg(result.rules.size())});
                continue;
            }
            position = n - 1;
            spec.removeFirst();
        }
        RuleError error;
        auto rule = RuleParser::parseArgs(spec, family, &error);
        if (rule && knownChains && !RuleParser::checkJumpTarget(*rule, *knownChains, &error))
            rule.reset();
        if (!rule) {
            result.errors.append({c.line, error.message});
            continue;
        }
        result.rules.insert(position, *rule);
        result.lines.insert(position, c.line);
    }
    return result;
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

} // namespace Userchain

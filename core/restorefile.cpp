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

/// Lines as iptables-restore sees them (it reads with fgets; a CR would end up in a token).
QStringList splitLines(const QByteArray &data)
{
    QStringList lines = QString::fromUtf8(data).split(QLatin1Char('\n'));
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    for (QString &l : lines)
        if (l.endsWith(QLatin1Char('\r')))
            l.chop(1);
    return lines;
}

} // namespace

QString FileError::toString(const QString &fileName) const
{
    return QStringLiteral("%1:%2: %3").arg(fileName).arg(line).arg(message);
}

bool RestoreFile::read(const QByteArray &data, RestoreFile *out, QVector<FileError> *errors)
{
    const QStringList lines = splitLines(data);
    QString table;
    int tableLine = 0;
    const int before = errors->size();
    for (int i = 0; i < lines.size(); ++i) {
        const int lineNo = i + 1;
        const QString &line = lines[i];
        const QString trimmed = line.trimmed();
        if (trimmed.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        if (trimmed == QLatin1String("COMMIT")) {
            if (table.isEmpty())
                errors->append({lineNo, tr("\"COMMIT\" without a table (\"*filter\")")});
            table.clear();
            continue;
        }
        if (line.startsWith(QLatin1Char('*'))) {
            if (!table.isEmpty()) {
                errors->append({lineNo, tr("table \"%1\" started on line %2 is not committed")
                                            .arg(table)
                                            .arg(tableLine)});
            }
            const QString name = trimmed.mid(1);
            if (!kTables.contains(name)) {
                errors->append({lineNo, tr("unknown table \"%1\"").arg(name)});
                table.clear();
                continue;
            }
            table = name;
            tableLine = lineNo;
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
                errors->append({lineNo, tr("chain line needs a name and a policy, e.g. "
                                           "\":DOCKER-USER - [0:0]\"")});
                continue;
            }
            const QString name = m.captured(1);
            const QString policy = m.captured(2);
            if (name.size() > 28) {
                errors->append(
                    {lineNo, tr("chain name \"%1\" is longer than 28 characters").arg(name)});
                continue;
            }
            if (policy != QLatin1String("-") && policy != QLatin1String("ACCEPT") &&
                policy != QLatin1String("DROP")) {
                errors->append(
                    {lineNo, tr("invalid policy \"%1\" for chain \"%2\"").arg(policy, name)});
                continue;
            }
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
        if (!a.isEmpty() && counters.match(a.first()).hasMatch())
            a.removeFirst();
        if (a.isEmpty())
            continue;
        if (a.contains(QLatin1String("-t")) || a.contains(QLatin1String("--table"))) {
            errors->append({lineNo, tr("\"-t\" is not allowed inside a restore file")});
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

DockerUserImport importDockerUser(const QByteArray &data, Family family)
{
    DockerUserImport result;
    static const QString chain = QStringLiteral("DOCKER-USER");
    QVector<RestoreCommand> commands;

    // Two forms: an iptables-restore file, or plain "-A DOCKER-USER ..." lines (optionally
    // starting with "iptables"/"ip6tables", as on Docker's page).
    const QStringList lines = splitLines(data);
    bool restoreForm = false;
    for (const QString &l : lines)
        if (l.startsWith(QLatin1Char('*')))
            restoreForm = true;

    if (restoreForm) {
        RestoreFile file;
        if (!RestoreFile::read(data, &file, &result.errors))
            return result;
        for (const RestoreCommand &c : file.commands)
            if (c.table == QLatin1String("filter"))
                commands.append(c);
    } else {
        for (int i = 0; i < lines.size(); ++i) {
            const QString trimmed = lines[i].trimmed();
            if (trimmed.isEmpty() || trimmed.startsWith(QLatin1Char('#')))
                continue;
            QString message;
            auto args = RestoreTokenizer::split(lines[i], &message);
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
            commands.append({i + 1, QStringLiteral("filter"), *args});
        }
    }

    for (const RestoreCommand &c : commands) {
        const QString cmd = c.args.value(0);
        const QString target = c.args.value(1);
        auto isChainCommand = [&](const char *s, const char *l) {
            return cmd == QLatin1String(s) || cmd == QLatin1String(l);
        };
        if (isChainCommand("-N", "--new-chain") || isChainCommand("-X", "--delete-chain") ||
            isChainCommand("-P", "--policy") || isChainCommand("-Z", "--zero"))
            continue;
        if (isChainCommand("-F", "--flush")) {
            if (target == chain || target.isEmpty()) {
                result.rules.clear();
                result.lines.clear();
            }
            continue;
        }
        const bool append = isChainCommand("-A", "--append");
        const bool insert = isChainCommand("-I", "--insert");
        if (!append && !insert) {
            result.errors.append(
                {c.line,
                 cmd.startsWith(QLatin1Char('-'))
                     ? tr("command \"%1\" is not supported here; use -A or -I").arg(cmd)
                     : tr("expected a command such as \"-A DOCKER-USER\", found \"%1\"").arg(cmd)});
            continue;
        }
        if (target.isEmpty()) {
            result.errors.append({c.line, tr("\"%1\" needs a chain name").arg(cmd)});
            continue;
        }
        if (target != chain)
            continue; // other chains are Docker's business, not ours
        QStringList spec = c.args.mid(2);
        int position = append ? result.rules.size() : 0;
        if (insert && !spec.isEmpty() && !spec.first().startsWith(QLatin1Char('-')) &&
            spec.first() != QLatin1String("!")) {
            bool ok = false;
            const int n = spec.first().toInt(&ok);
            if (!ok || n < 1 || n > result.rules.size() + 1) {
                result.errors.append(
                    {c.line, tr("invalid rule position \"%1\"").arg(spec.first())});
                continue;
            }
            position = n - 1;
            spec.removeFirst();
        }
        RuleError error;
        const auto rule = RuleParser::parseArgs(spec, family, &error);
        if (!rule) {
            result.errors.append({c.line, error.message});
            continue;
        }
        result.rules.insert(position, *rule);
        result.lines.insert(position, c.line);
    }
    return result;
}

QByteArray exportDockerUser(const QStringList &canonicalSpecs)
{
    QByteArray out;
    out += "# DOCKER-USER rules exported by Userchain; load with: iptables-restore -n FILE\n";
    out += "*filter\n:DOCKER-USER - [0:0]\n-F DOCKER-USER\n";
    for (const QString &spec : canonicalSpecs)
        out += "-A DOCKER-USER " + spec.toUtf8() + '\n';
    out += "COMMIT\n";
    return out;
}

} // namespace Userchain

#include "rulefile.h"

#include "restorefile.h"
#include "restoretokenizer.h"

#include <QFile>
#include <QHash>

#include <algorithm>
#include <cstdio>

namespace Userchain {

bool RuleFile::read(const QString &fileName, QByteArray *data, QString *error)
{
    QFile file;
    const bool isStdin = fileName == QLatin1String("-");
    if (isStdin) {
        if (!file.open(stdin, QIODevice::ReadOnly)) {
            *error = QStringLiteral("-: cannot read standard input");
            return false;
        }
    } else {
        file.setFileName(fileName);
        if (!file.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("%1: %2").arg(fileName, file.errorString());
            return false;
        }
    }
    *data = file.read(MaxFileSize + 1);
    if (data->size() > MaxFileSize) {
        *error = QStringLiteral("%1: larger than %2 MiB").arg(fileName).arg(MaxFileSize >> 20);
        return false;
    }
    return true;
}

bool RuleFile::import(const QString &fileName, const QByteArray &data, Family family,
                      const QList<RuleEntry> &kernelRules, QVector<Entry> *entries,
                      QStringList *errors)
{
    const DockerUserImport imported = importDockerUser(data, family);
    entries->clear();
    for (int i = 0; i < imported.rules.size(); ++i)
        entries->append({imported.rules.at(i).toString(), QString(), imported.lines.at(i)});
    if (imported.ok())
        return true;

    // Kernel rules kept verbatim, by their tokens; each can stand for one line only.
    QHash<QString, QStringList> verbatimByTokens; // tokens joined by NUL -> ids
    for (const RuleEntry &rule : kernelRules) {
        if (rule.verbatimId.isEmpty())
            continue;
        QString ignored;
        const auto tokens = RestoreTokenizer::split(rule.spec, &ignored);
        if (tokens)
            verbatimByTokens[tokens->join(QChar(0))].append(rule.verbatimId);
    }

    const QList<QByteArray> lines = data.split('\n');
    bool substituted = false;
    for (const FileError &error : imported.errors) {
        QStringList tokens;
        if (error.line >= 1 && error.line <= lines.size()) {
            QString ignored;
            tokens = RestoreTokenizer::split(QString::fromUtf8(lines.at(error.line - 1)).trimmed(),
                                             &ignored)
                         .value_or(QStringList());
        }
        if (!tokens.isEmpty() && tokens.first().startsWith(QLatin1Char('[')))
            tokens.removeFirst(); // "[packets:bytes]" prefix of iptables-save -c
        const bool isRule = tokens.size() > 2 && tokens.at(0) == QLatin1String("-A") &&
                            tokens.at(1) == QLatin1String("DOCKER-USER");
        const auto match =
            isRule ? verbatimByTokens.find(tokens.mid(2).join(QChar(0))) : verbatimByTokens.end();
        if (match != verbatimByTokens.end() && !match->isEmpty()) {
            entries->append({QString(), match->takeFirst(), error.line});
            substituted = true;
            continue;
        }
        errors->append(error.toString(fileName));
    }
    if (substituted) {
        // Rules and substituted lines interleave by line (files of appends; -I with a
        // position and a kept rule in one file is not supported for verbatim rules).
        std::stable_sort(entries->begin(), entries->end(),
                         [](const Entry &a, const Entry &b) { return a.line < b.line; });
    }
    return errors->isEmpty();
}

} // namespace Userchain

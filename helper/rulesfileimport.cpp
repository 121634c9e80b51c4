#include "rulesfileimport.h"

#include "parallelparts.h"
#include "restoretokenizer.h"
#include "rulerefusal.h"
#include "snapshotbuilder.h"

#include <QHash>

#include <algorithm>
#include <thread>

namespace Userchain {

namespace {

ApplyError invalidRule(const QString &message)
{
    return {QLatin1String(DBusError::InvalidRule), message};
}

/// Line lineNo of the file refused for reason (RefusalReason), text the fallback words.
RuleRefusal lineRefusal(int lineNo, const char *reason, const QString &text,
                        const QStringList &args = {})
{
    RuleRefusal r;
    r.where = RuleRefusal::Where::Line;
    r.number = lineNo;
    r.reason = QLatin1String(reason);
    r.args = args;
    r.text = text;
    return r;
}

} // namespace

bool RulesFileImport::read(Family family, const QByteArray &data, ApplyError *error)
{
    // Why sizes first: the parse allocates in proportion to the input, which comes from an
    // unprivileged caller.
    if (data.size() > MaxFileBytes) {
        *error = {QLatin1String(DBusError::InvalidArgument),
                  QStringLiteral("the file is larger than %1 MiB").arg(MaxFileBytes >> 20)};
        return false;
    }
    int lineNo = 1;
    for (qsizetype start = 0; start < data.size(); ++lineNo) {
        qsizetype end = data.indexOf('\n', start);
        if (end < 0)
            end = data.size();
        if (end - start > MaxLineBytes) {
            *error =
                invalidRule(lineRefusal(lineNo, RefusalReason::TooLong,
                                        QStringLiteral("longer than %1 bytes").arg(MaxLineBytes),
                                        {QString::number(MaxLineBytes)})
                                .toLine());
            return false;
        }
        start = end + 1;
    }
    m_family = family;
    m_data = data;
    // The canonical texts, which resolve() pairs old and new rules by and the reply shows,
    // are made right after the parse, on up to four threads: per rule, so split like it.
    const auto parse = [family, data]() {
        Parsed parsed;
        parsed.imported = importDockerUser(data, family);
        const int count = int(parsed.imported.rules.size());
        if (count > ApplyValidator::MaxRules)
            return parsed;
        parsed.texts.resize(count);
        const int threads = count < ApplyValidator::ParallelFrom
                                ? 1
                                : qBound(1, int(std::thread::hardware_concurrency()), 4);
        const Rule *rules = parsed.imported.rules.constData();
        QString *texts = parsed.texts.data();
        runInParts(threads, [&](int t) {
            const int end = int(qint64(count) * (t + 1) / threads);
            for (int i = int(qint64(count) * t / threads); i < end; ++i)
                texts[i] = rules[i].toString();
        });
        return parsed;
    };
    m_parsed = parse();
    if (m_parsed->imported.tooManyRules ||
        m_parsed->imported.rules.size() > ApplyValidator::MaxRules) {
        *error = {QLatin1String(DBusError::InvalidArgument),
                  QStringLiteral("too many rules: more than %1").arg(ApplyValidator::MaxRules)};
        m_parsed.reset();
        return false;
    }
    // Only the texts of rules that parsed: refused lines are reported by items(), which may
    // find them to be verbatim kernel rules.
    for (int i = 0; i < m_parsed->texts.size(); ++i) {
        QString why;
        if (!restoreLineFits(m_parsed->texts.at(i), &why)) {
            *error = invalidRule(
                lineRefusal(m_parsed->imported.lines.at(i), RefusalReason::RestoreLine, why)
                    .toLine());
            m_parsed.reset();
            return false;
        }
    }
    return true;
}

bool RulesFileImport::items(const BackendChain *current, QVector<ApplyValidator::Item> *items,
                            ApplyError *error)
{
    if (!m_parsed) {
        *error = {QLatin1String(DBusError::Failed), QStringLiteral("the file was not read")};
        return false;
    }
    Parsed parsed = std::move(*m_parsed);
    m_parsed.reset();
    DockerUserImport &imported = parsed.imported;
    if (imported.tooManyRules) {
        *error = {QLatin1String(DBusError::InvalidArgument),
                  QStringLiteral("too many rules: more than %1").arg(ApplyValidator::MaxRules)};
        return false;
    }
    if (imported.rules.size() > ApplyValidator::MaxRules) {
        *error = {QLatin1String(DBusError::InvalidArgument),
                  QStringLiteral("too many rules: %1 (at most %2)")
                      .arg(imported.rules.size())
                      .arg(ApplyValidator::MaxRules)};
        return false;
    }
    const int count = int(imported.rules.size());
    items->resize(count);
    ApplyValidator::Item *out = items->data();
    for (int i = 0; i < count; ++i) {
        out[i].rule = std::move(imported.rules[i]);
        out[i].text = std::move(parsed.texts[i]);
    }
    if (imported.ok())
        return true;

    QVector<std::pair<int, ApplyValidator::Item>> substituted; // line, item
    if (!resolveRefused(imported.errors, current, &substituted, error)) {
        items->clear();
        return false;
    }
    // Rules and substituted lines interleave by line (files of appends; a kept rule together
    // with -I at a position in one file is not supported).
    QVector<std::pair<int, ApplyValidator::Item>> ordered;
    ordered.reserve(count + substituted.size());
    for (int i = 0; i < count; ++i)
        ordered.append({imported.lines.at(i), std::move(out[i])});
    ordered += substituted;
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const auto &a, const auto &b) { return a.first < b.first; });
    items->clear();
    items->reserve(ordered.size());
    for (auto &entry : ordered)
        items->append(std::move(entry.second));
    return true;
}

bool RulesFileImport::resolveRefused(const QVector<FileError> &errors, const BackendChain *current,
                                     QVector<std::pair<int, ApplyValidator::Item>> *substituted,
                                     ApplyError *error) const
{
    // Verbatim kernel rules by their tokens; each stands for one line at most.
    QHash<QString, QStringList> verbatimByTokens; // tokens joined by NUL -> ids, in order
    if (current) {
        for (int i = 0; i < current->rules.size(); ++i) {
            const BackendRule &rule = current->rules.at(i);
            if (rule.raw.isEmpty())
                continue;
            QString ignored;
            const auto tokens = RestoreTokenizer::split(SnapshotBuilder::specText(rule), &ignored);
            if (tokens)
                verbatimByTokens[tokens->join(QChar(0))].append(
                    SnapshotBuilder::verbatimId(m_family, rule, i));
        }
    }
    const QList<QByteArray> lines = m_data.split('\n');
    QList<RuleRefusal> remaining;
    int unreported = 0;
    for (const FileError &e : errors) {
        const QStringList args = e.line >= 1 && e.line <= lines.size()
                                     ? dockerUserLineArgs(lines.at(e.line - 1))
                                     : QStringList();
        const auto match =
            args.isEmpty() ? verbatimByTokens.end() : verbatimByTokens.find(args.join(QChar(0)));
        if (match != verbatimByTokens.end() && !match->isEmpty()) {
            ApplyValidator::Item item;
            item.verbatimId = match->takeFirst();
            substituted->append({e.line, item});
            continue;
        }
        if (remaining.size() < MaxReportedErrors)
            remaining << lineRefusal(e.line, RefusalReason::File, e.message);
        else
            ++unreported;
    }
    if (remaining.isEmpty())
        return true;
    if (unreported > 0)
        remaining << RuleRefusal{RuleRefusal::Where::More,
                                 unreported,
                                 -1,
                                 {},
                                 {},
                                 {},
                                 QStringLiteral("(%1 more errors)").arg(unreported)};
    *error = invalidRule(RuleRefusal::toMessage(remaining));
    return false;
}

bool RulesFileImport::checkRefused(Backend *backend, ApplyError *error) const
{
    if (!m_parsed || m_parsed->imported.errors.isEmpty())
        return true;
    // Read without the lock: only to tell a caller at once about lines that are no kernel
    // rule's text. Under the lock, items() decides again on the chain as it is then.
    BackendTables tables;
    QString readError;
    if (!backend->read(m_family, &tables, &readError))
        return true;
    QVector<std::pair<int, ApplyValidator::Item>> substituted;
    return resolveRefused(m_parsed->imported.errors, SnapshotBuilder::dockerUser(tables),
                          &substituted, error);
}

QByteArray RulesFileImport::specLines(const QVector<BackendRule> &rules)
{
    QString text;
    for (const BackendRule &rule : rules) {
        text += SnapshotBuilder::specText(rule);
        text += QLatin1Char('\n');
    }
    return text.toUtf8();
}

} // namespace Userchain

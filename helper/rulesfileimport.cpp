#include "rulesfileimport.h"

#include "parallelparts.h"
#include "restorescan.h"
#include "restoretokenizer.h"
#include "rulerefusal.h"
#include "snapshotbuilder.h"

#include <QHash>
#include <QStringEncoder>
#include <QTimer>

#include <algorithm>
#include <thread>

namespace Userchain {

namespace {

ApplyError invalidRule(const QString &message)
{
    return {QLatin1String(DBusError::InvalidRule), message};
}

/**
 * The rule lines of the family's last file: the next file, usually the same chain with a few
 * rules changed, is parsed only where it differs. Per thread, as each family's reads run on
 * its own worker. The last file's lines go in once the apply that read it is answered
 * (pending, applied from the worker's event loop, or by the next read at the latest).
 */
struct LastFile
{
    RestoreScan::ScanMemo memo;
    std::optional<RestoreScan::ScanMemoUpdate> pending;
};

LastFile &lastFile(Family family)
{
    static thread_local LastFile files[2];
    return files[family == Family::IPv4 ? 0 : 1];
}

void settle(Family family)
{
    LastFile &last = lastFile(family);
    if (last.pending) {
        RestoreScan::apply(std::move(*last.pending), &last.memo);
        last.pending.reset();
    }
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
    // are made while parsing (each on the thread that parsed its rule), or with the rules
    // recalled from the last file.
    settle(family); // the memo as the last file leaves it
    RestoreScan::ScanMemoUpdate update;
    const auto parse = [family, data, &update]() {
        Parsed parsed;
        parsed.imported = importDockerUserWithMemo(data, family, &lastFile(family).memo, &update);
        const int count = int(parsed.imported.rules.size());
        if (count > ApplyValidator::MaxRules)
            return parsed;
        if (parsed.imported.texts.size() == count) {
            parsed.texts = std::move(parsed.imported.texts);
            return parsed;
        }
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
    lastFile(family).pending = std::move(update);
    // After this call's answer, on this thread (its event loop runs once the job is done).
    QTimer::singleShot(0, [family]() { settle(family); });
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
    // Each text encoded straight into one array (room for the worst case reserved; only what
    // is written is touched), with no copy of any rule's text.
    QString scratch;
    qsizetype units = 0;
    for (const BackendRule &rule : rules)
        units += SnapshotBuilder::specView(rule, &scratch).size() + 1;
    QByteArray text;
    text.reserve(3 * units);
    QStringEncoder encoder(QStringEncoder::Utf8, QStringEncoder::Flag::Stateless);
    for (const BackendRule &rule : rules) {
        const QStringView spec = SnapshotBuilder::specView(rule, &scratch);
        const qsizetype at = text.size();
        text.resize(at + encoder.requiredSpace(spec.size()) + 1);
        char *end = encoder.appendToBuffer(text.data() + at, spec);
        *end = '\n';
        text.truncate(end + 1 - text.constData());
    }
    return text;
}

} // namespace Userchain

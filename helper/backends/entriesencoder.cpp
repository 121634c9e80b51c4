#include "entriesencoder.h"

#include "parallelparts.h"

#include <thread>
#include <vector>

namespace Userchain {

bool EntriesEncoder::needsIpsets(const BackendRule &rule)
{
    for (const RuleMatch &m : rule.rule.matches)
        if (m.name == QLatin1String("set"))
            return true;
    return false;
}

namespace {

void setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
}

/// encode() without remembering; recalled: which entries were taken from written.
bool encodeAll(const EntryCodec &codec, const QVector<BackendRule> &rules,
               QVector<QByteArray> *entries, QString *error,
               const QHash<QString, DecodeCache::Encoded> *written, QVector<bool> *recalled)
{
    const int count = int(rules.size());
    entries->resize(count);
    QByteArray *out = entries->data();
    if (written)
        recalled->fill(false, count);
    bool *taken = written ? recalled->data() : nullptr;
    struct Failure
    {
        int index = -1;
        QString message;
    };
    // Parsed rules without -m set, [begin, end): these only read the codec.
    const auto encodePlain = [&](int begin, int end) {
        Failure failure;
        for (int i = begin; i < end; ++i) {
            const BackendRule &r = rules[i];
            if (!r.raw.isEmpty() || EntriesEncoder::needsIpsets(r))
                continue;
            if (written && !r.displaySpec.isEmpty()) {
                const auto known = written->constFind(r.displaySpec);
                if (known != written->constEnd() && known->rule == r.rule) {
                    out[i] = known->entry;
                    taken[i] = true;
                    continue;
                }
            }
            QString why;
            if (!codec.encode(r.rule, &out[i], &why))
                return Failure{i, QStringLiteral("rule %1: %2").arg(i + 1).arg(why)};
        }
        return failure;
    };
    constexpr int ParallelFrom = 2048;
    const int threads =
        count < ParallelFrom ? 1 : qBound(1, int(std::thread::hardware_concurrency()), 4);
    std::vector<Failure> failures(static_cast<size_t>(threads) + 1);
    const auto part = [&](int t) {
        failures[size_t(t)] =
            encodePlain(int(qint64(count) * t / threads), int(qint64(count) * (t + 1) / threads));
    };
    runInParts(threads, part);
    // The rest, in order, here.
    Failure &rest = failures.back();
    for (int i = 0; i < count && rest.index < 0; ++i) {
        const BackendRule &r = rules[i];
        QString why;
        if (!r.raw.isEmpty()) {
            // Kept verbatim from a read; still never handed to libiptc unchecked.
            if (!codec.validate(r.raw, &why))
                rest = {
                    i,
                    QStringLiteral("rule %1 (kept verbatim) is malformed: %2").arg(i + 1).arg(why)};
            else
                out[i] = r.raw;
        } else if (EntriesEncoder::needsIpsets(r) && !codec.encode(r.rule, &out[i], &why)) {
            rest = {i, QStringLiteral("rule %1: %2").arg(i + 1).arg(why)};
        }
    }
    const Failure *first = nullptr;
    for (const Failure &failure : failures)
        if (failure.index >= 0 && (!first || failure.index < first->index))
            first = &failure;
    if (first) {
        setError(error, first->message);
        return false;
    }
    return true;
}

} // namespace

bool EntriesEncoder::encode(const EntryCodec &codec, const QVector<BackendRule> &rules,
                            QVector<QByteArray> *entries, QString *error,
                            const QHash<QString, DecodeCache::Encoded> *written, bool *anyNew)
{
    QVector<bool> recalled;
    if (!encodeAll(codec, rules, entries, error, written, &recalled))
        return false;
    if (anyNew) {
        *anyNew = false;
        for (int i = 0; i < rules.size() && !*anyNew; ++i) {
            const BackendRule &r = rules[i];
            *anyNew = (!written || !recalled[i]) && r.raw.isEmpty() && !r.displaySpec.isEmpty() &&
                      !needsIpsets(r);
        }
    }
    return true;
}

void EntriesEncoder::remember(const QVector<BackendRule> &rules, const QVector<QByteArray> &entries,
                              QHash<QString, DecodeCache::Encoded> *written)
{
    QHash<QString, DecodeCache::Encoded> now;
    now.reserve(rules.size());
    for (int i = 0; i < rules.size() && i < entries.size(); ++i) {
        const BackendRule &r = rules[i];
        if (r.raw.isEmpty() && !r.displaySpec.isEmpty() && !needsIpsets(r))
            now.insert(r.displaySpec, {r.rule, entries[i]});
    }
    *written = std::move(now);
}

} // namespace Userchain

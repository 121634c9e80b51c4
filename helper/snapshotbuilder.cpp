#include "snapshotbuilder.h"

#include <QCryptographicHash>
#include <QList>
#include <QStringEncoder>
#include <QStringList>

#include <cstring>
#include <optional>

namespace Userchain {

namespace {
const QString DockerUserName = QStringLiteral("DOCKER-USER");
const QString FilterTable = QStringLiteral("filter");

void addField(QCryptographicHash &hash, const QByteArray &bytes)
{
    // Length-prefixed, so that no two different lists hash the same input.
    const quint64 size = quint64(bytes.size());
    hash.addData(QByteArrayView(reinterpret_cast<const char *>(&size), sizeof size));
    hash.addData(bytes);
}
} // namespace

const BackendChain *SnapshotBuilder::findChain(const BackendTables &tables, const QString &table,
                                               const QString &name)
{
    for (const BackendChain &chain : tables.chains) {
        if (chain.table == table && chain.name == name)
            return &chain;
    }
    return nullptr;
}

const BackendChain *SnapshotBuilder::dockerUser(const BackendTables &tables)
{
    return findChain(tables, FilterTable, DockerUserName);
}

namespace {

/**
 * The last few chains a revision was computed for, with the result. One Apply needs the
 * revision of DOCKER-USER up to three times (the client's snapshot, the check under the lock,
 * the new revision) and the next snapshot needs the revision of what was written, while the
 * chain rarely changes in between; hashing 10,000 rules costs several milliseconds, comparing
 * them with the remembered ones (mostly the very same shared strings) a fraction of that.
 * The revision is a function of exactly what is compared, so a hit gives the same answer.
 */
class RevisionMemo
{
public:
    std::optional<QString> find(Family family, const BackendChain *chain)
    {
        for (int i = 0; i < m_entries.size(); ++i) {
            if (!matches(m_entries.at(i), family, chain))
                continue;
            // Most recently used first.
            if (i > 0)
                m_entries.move(i, 0);
            return m_entries.first().revision;
        }
        return std::nullopt;
    }

    /// share: keep the chain's list itself rather than its texts, for a list nobody changes
    /// afterwards (a copy shares it, and a change to a shared list copies the whole of it).
    void insert(Family family, const BackendChain *chain, const QString &revision,
                bool share = false)
    {
        Entry entry;
        entry.family = family;
        entry.present = chain != nullptr;
        if (chain && share) {
            entry.rules = chain->rules;
        } else if (chain) {
            entry.specs.reserve(chain->rules.size());
            entry.raws.reserve(chain->rules.size());
            for (const BackendRule &rule : chain->rules) {
                entry.specs.append(SnapshotBuilder::specText(rule));
                entry.raws.append(rule.raw);
            }
        }
        entry.revision = revision;
        m_entries.prepend(std::move(entry));
        if (m_entries.size() > Capacity)
            m_entries.removeLast();
    }

private:
    // The chain read before an apply and the chain written by it; a third for good measure.
    static constexpr int Capacity = 3;

    struct Entry
    {
        Family family = Family::IPv4;
        bool present = false;
        QStringList specs;
        QList<QByteArray> raws;
        QVector<BackendRule> rules; ///< instead of specs and raws (share)
        QString revision;
    };

    static bool matches(const Entry &entry, Family family, const BackendChain *chain)
    {
        if (entry.family != family || entry.present != (chain != nullptr))
            return false;
        if (!chain)
            return true;
        QString scratch, mine;
        if (!entry.rules.isEmpty()) {
            // The very list (unchanged while shared), or one equal in what the hash covers.
            if (entry.rules.size() != chain->rules.size())
                return false;
            if (entry.rules.constData() == chain->rules.constData())
                return true;
            for (int i = 0; i < chain->rules.size(); ++i) {
                const BackendRule &rule = chain->rules.at(i);
                const BackendRule &kept = entry.rules.at(i);
                if (kept.raw != rule.raw || SnapshotBuilder::specView(kept, &mine) !=
                                                SnapshotBuilder::specView(rule, &scratch))
                    return false;
            }
            return true;
        }
        if (entry.specs.size() != chain->rules.size())
            return false;
        for (int i = 0; i < chain->rules.size(); ++i) {
            const BackendRule &rule = chain->rules.at(i);
            if (entry.raws.at(i) != rule.raw ||
                entry.specs.at(i) != SnapshotBuilder::specView(rule, &scratch))
                return false;
        }
        return true;
    }

    QList<Entry> m_entries;
};

QString revisionOf(Family family, const BackendChain *chain)
{
    // BLAKE2b rather than SHA-256: as strong for telling contents apart, and Qt's
    // implementation hashes a 10,000-rule chain in 2 ms instead of 5, on every read and apply.
    QCryptographicHash hash(QCryptographicHash::Blake2b_256);
    addField(hash, QByteArray::number(int(family)));
    if (!chain) {
        addField(hash, QByteArrayLiteral("absent"));
    } else {
        addField(hash, QByteArrayLiteral("present"));
        // The same fields, written into one buffer that is hashed every 64 KiB: a text
        // encoded and a call into the hash per field cost more than the hashing itself.
        QStringEncoder encoder(QStringEncoder::Utf8, QStringEncoder::Flag::Stateless);
        QByteArray buffer;
        constexpr qsizetype Flush = 64 * 1024;
        buffer.reserve(Flush + 4 * 1024);
        QString scratch;
        const auto appendSize = [&buffer](quint64 size) {
            buffer.append(reinterpret_cast<const char *>(&size), sizeof size);
        };
        for (const BackendRule &rule : chain->rules) {
            const QStringView spec = SnapshotBuilder::specView(rule, &scratch);
            // The size goes first: written as a placeholder, filled in once known.
            const qsizetype at = buffer.size();
            appendSize(0);
            buffer.resize(at + qsizetype(sizeof(quint64)) + encoder.requiredSpace(spec.size()));
            char *begin = buffer.data() + at + sizeof(quint64);
            const quint64 size = quint64(encoder.appendToBuffer(begin, spec) - begin);
            std::memcpy(buffer.data() + at, &size, sizeof size);
            buffer.truncate(at + qsizetype(sizeof size + size));
            appendSize(quint64(rule.raw.size()));
            buffer.append(rule.raw);
            if (buffer.size() >= Flush) {
                hash.addData(buffer);
                buffer.truncate(0); // keeps its capacity
            }
        }
        hash.addData(buffer);
    }
    return QString::fromLatin1(hash.result().toHex());
}

/// Each family's BackendWorker does its reading and writing; the memo belongs to each thread.
RevisionMemo &revisionMemo()
{
    static thread_local RevisionMemo memo;
    return memo;
}

} // namespace

QString SnapshotBuilder::revision(Family family, const BackendChain *chain)
{
    if (const auto known = revisionMemo().find(family, chain))
        return *known;
    const QString result = revisionOf(family, chain);
    revisionMemo().insert(family, chain, result);
    return result;
}

QString SnapshotBuilder::computeRevision(Family family, const BackendChain *chain)
{
    return revisionOf(family, chain);
}

void SnapshotBuilder::rememberRevision(Family family, const BackendChain *chain,
                                       const QString &revision)
{
    revisionMemo().insert(family, chain, revision, true);
}

QString SnapshotBuilder::verbatimId(Family family, const BackendRule &rule, int position)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    addField(hash, QByteArray::number(int(family)));
    addField(hash, QByteArray::number(position));
    addField(hash, rule.raw);
    // 128 bits are plenty to tell the rules of one chain apart.
    return QStringLiteral("v") + QString::fromLatin1(hash.result().left(16).toHex());
}

QString SnapshotBuilder::specText(const BackendRule &rule)
{
    return rule.displaySpec.isEmpty() && rule.raw.isEmpty() ? rule.rule.toString()
                                                            : rule.displaySpec;
}

QStringView SnapshotBuilder::specView(const BackendRule &rule, QString *scratch)
{
    if (rule.displaySpec.isEmpty() && rule.raw.isEmpty()) {
        *scratch = rule.rule.toString();
        return *scratch;
    }
    return rule.displaySpec;
}

int SnapshotBuilder::forwardJumpPosition(const BackendTables &tables)
{
    const BackendChain *forward = findChain(tables, FilterTable, QStringLiteral("FORWARD"));
    if (!forward)
        return 0;
    // Only Docker's unconditional jump counts: a conditional one does not send every
    // forwarded packet through DOCKER-USER, which is what the status is about.
    for (int i = 0; i < forward->rules.size(); ++i) {
        const BackendRule &rule = forward->rules.at(i);
        if (rule.raw.isEmpty() && specText(rule) == QLatin1String("-j DOCKER-USER"))
            return i + 1;
    }
    return 0;
}

QStringList SnapshotBuilder::setNames(const BackendTables &tables)
{
    QStringList names;
    for (const BackendChain &chain : tables.chains)
        for (const BackendRule &rule : chain.rules) {
            if (!rule.raw.isEmpty())
                continue;
            for (const RuleMatch &m : rule.rule.matches) {
                if (m.name != QLatin1String("set"))
                    continue;
                for (const RuleOption &o : m.options)
                    if (o.name == QLatin1String("--match-set") && !names.contains(o.args.value(0)))
                        names << o.args.value(0);
            }
        }
    return names;
}

Snapshot SnapshotBuilder::build(const QString &backendName, Family family,
                                const BackendTables &tables)
{
    Snapshot snapshot;
    snapshot.backend = backendName;
    snapshot.family = int(family);
    snapshot.chains.reserve(tables.chains.size());
    for (const BackendChain &chain : tables.chains) {
        ChainInfo info;
        info.table = chain.table;
        info.name = chain.name;
        info.policy = chain.policy;
        info.builtin = chain.builtin;
        // Only DOCKER-USER in filter is ever written; Docker owns every other chain.
        info.editable = chain.table == FilterTable && chain.name == DockerUserName;
        info.rules.reserve(chain.rules.size());
        for (int i = 0; i < chain.rules.size(); ++i) {
            const BackendRule &rule = chain.rules.at(i);
            RuleEntry entry;
            entry.spec = specText(rule);
            entry.packets = rule.packets;
            entry.bytes = rule.bytes;
            entry.unknownExtensions = rule.unknownExtensions;
            if (!rule.raw.isEmpty())
                entry.verbatimId = verbatimId(family, rule, i);
            info.rules.append(std::move(entry));
        }
        snapshot.chains.append(std::move(info));
    }
    const BackendChain *chain = dockerUser(tables);
    snapshot.dockerUserExists = chain != nullptr;
    snapshot.revision = revision(family, chain);
    snapshot.forwardJumpPosition = forwardJumpPosition(tables);
    return snapshot;
}

} // namespace Userchain

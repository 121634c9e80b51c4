#include "snapshotbuilder.h"

#include <QCryptographicHash>

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

QString SnapshotBuilder::revision(Family family, const BackendChain *chain)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    addField(hash, QByteArray::number(int(family)));
    if (!chain) {
        addField(hash, QByteArrayLiteral("absent"));
    } else {
        addField(hash, QByteArrayLiteral("present"));
        for (const BackendRule &rule : chain->rules) {
            addField(hash, specText(rule).toUtf8());
            addField(hash, rule.raw);
        }
    }
    return QString::fromLatin1(hash.result().toHex());
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
            info.rules.append(entry);
        }
        snapshot.chains.append(info);
    }
    const BackendChain *chain = dockerUser(tables);
    snapshot.dockerUserExists = chain != nullptr;
    snapshot.revision = revision(family, chain);
    snapshot.forwardJumpPosition = forwardJumpPosition(tables);
    return snapshot;
}

} // namespace Userchain

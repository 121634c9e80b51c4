#include "nftbackend.h"

#include "kernelipsets.h"
#include "kernelrevisions.h"
#include "nftnetlink.h"
#include "nftreader.h"
#include "nftsession.h"
#include "nfttranslator.h"
#include "nftwriter.h"

#include <cerrno>
#include <linux/netlink.h>

#include <QHash>

#include <algorithm>

namespace Userchain {

namespace {

/// What `iptables-nft-save -t TABLE` prints for a table nf_tables does not have.
QVector<BackendChain> emptyTable(const QString &table)
{
    QStringList names;
    if (table == QLatin1String("filter"))
        names = {QStringLiteral("INPUT"), QStringLiteral("FORWARD"), QStringLiteral("OUTPUT")};
    else if (table == QLatin1String("nat"))
        names = {QStringLiteral("PREROUTING"), QStringLiteral("INPUT"), QStringLiteral("OUTPUT"),
                 QStringLiteral("POSTROUTING")};
    QVector<BackendChain> chains;
    for (const QString &name : names) {
        BackendChain chain;
        chain.table = table;
        chain.name = name;
        chain.policy = QStringLiteral("ACCEPT");
        chain.builtin = true;
        chains.append(chain);
    }
    return chains;
}

} // namespace

NftBackend::NftBackend() : m_netlink(std::make_unique<NftNetlink>())
{
    m_translators[0] = std::make_unique<NftTranslator>(Family::IPv4);
    m_translators[1] = std::make_unique<NftTranslator>(Family::IPv6);
}

NftBackend::NftBackend(const ToolRunner &runner) : NftBackend()
{
    m_runner = runner;
}

NftBackend::~NftBackend() = default;

namespace {

QString staleMessage()
{
    return QStringLiteral("DOCKER-USER was changed by another program since it was read; nothing "
                          "was changed");
}

/// The built-in chains of a table, in the order iptables-nft-save prints them.
QStringList builtinChains(const QString &table)
{
    if (table == QLatin1String("filter"))
        return {QStringLiteral("INPUT"), QStringLiteral("FORWARD"), QStringLiteral("OUTPUT")};
    if (table == QLatin1String("nat"))
        return {QStringLiteral("PREROUTING"), QStringLiteral("INPUT"), QStringLiteral("OUTPUT"),
                QStringLiteral("POSTROUTING")};
    if (table == QLatin1String("raw"))
        return {QStringLiteral("PREROUTING"), QStringLiteral("OUTPUT")};
    return {};
}

} // namespace

bool NftBackend::readKernel(Family family, const QStringList &tables, const QString &onlyChain,
                            BackendTables *out, QString *error)
{
    m_lastError = ErrorKind::None;
    m_lastToolError = ToolRunner::ErrorKind::None;
    NftRuleset set;
    QString why;
    if (!NftReader::read(*m_netlink, family, tables,
                         onlyChain.isEmpty() ? QStringList() : QStringList{onlyChain}, &set, &why))
        return fail(error, ErrorKind::Kernel, QStringLiteral("nf_tables: %1").arg(why));

    BackendTables result;
    QHash<QString, int> index; // "table\nchain" -> position in result.chains
    for (const QString &table : tables) {
        if (!set.tables.contains(table)) {
            // `-t filter` / `-t nat` show the built-in chains of a table nf_tables does not
            // have yet; raw is shown only when it exists, like IptcBackend does.
            if (table != QLatin1String("raw"))
                for (const BackendChain &c : emptyTable(table)) {
                    index.insert(table + QLatin1Char('\n') + c.name, result.chains.size());
                    result.chains.append(c);
                }
            continue;
        }
        // Built-in chains first, in the table's order (missing ones as iptables-nft shows
        // them: empty, policy ACCEPT), then the others sorted by name, as iptables-nft-save.
        const QStringList builtins = builtinChains(table);
        QVector<BackendChain> users;
        QVector<BackendChain> bases(builtins.size());
        for (int i = 0; i < builtins.size(); ++i) {
            bases[i].table = table;
            bases[i].name = builtins[i];
            bases[i].policy = QStringLiteral("ACCEPT");
            bases[i].builtin = true;
        }
        for (const NftChainInfo &c : std::as_const(set.chains)) {
            if (c.table != table)
                continue;
            const int b = c.base ? int(builtins.indexOf(c.name)) : -1;
            if (b >= 0) {
                bases[b].policy = c.policy;
                continue;
            }
            BackendChain chain;
            chain.table = table;
            chain.name = c.name;
            chain.policy = QStringLiteral("-");
            users.append(chain);
        }
        std::sort(users.begin(), users.end(), [](const BackendChain &a, const BackendChain &b) {
            return a.name.toUtf8() < b.name.toUtf8();
        });
        for (const BackendChain &c : std::as_const(bases) + users) {
            index.insert(table + QLatin1Char('\n') + c.name, result.chains.size());
            result.chains.append(c);
        }
    }
    NftTranslator &translator = *m_translators[family == Family::IPv4 ? 0 : 1];
    KernelIpsets ipsets;
    const EntryCodec codec(family, ipsets.lookup(),
                           KernelRevisions::lookup(KernelRevisions::Via::Nft, family));
    // A whole filter table includes DOCKER-USER and FORWARD: remembered for the next apply.
    const bool whole = onlyChain.isEmpty() && tables.contains(QStringLiteral("filter"));
    QVector<bool> stable(whole ? set.rules.size() : 0, true);
    QString lastTable, lastChain;
    int chainIndex = -1;
    for (qsizetype i = 0; i < set.rules.size(); ++i) {
        const NftRuleInfo &r = set.rules[i];
        if (chainIndex < 0 || r.table != lastTable || r.chain != lastChain) {
            chainIndex = index.value(r.table + QLatin1Char('\n') + r.chain, -1);
            lastTable = r.table;
            lastChain = r.chain;
        }
        if (chainIndex < 0)
            return fail(error, ErrorKind::Kernel,
                        QStringLiteral("nf_tables: a rule of the unknown chain %1 %2")
                            .arg(r.table, r.chain));
        bool fromBytes = true;
        result.chains[chainIndex].rules.append(translator.toBackendRule(r, codec, &fromBytes));
        if (whole)
            stable[i] = fromBytes;
    }
    if (whole) {
        const auto chain = [&](const char *name) -> const BackendChain * {
            const int at = index.value(QStringLiteral("filter\n") + QLatin1String(name), -1);
            return at < 0 ? nullptr : &result.chains[at];
        };
        remember(family, NftWriter(*m_netlink, translator, codec)
                             .stateOf(set, chain("DOCKER-USER"), chain("FORWARD"), &stable));
    }
    *out = std::move(result);
    return true;
}

BackendFailure NftBackend::lastFailure() const
{
    switch (m_lastError) {
    case ErrorKind::Stale:
        return BackendFailure::Stale;
    case ErrorKind::ChainMissing:
        return BackendFailure::ChainMissing;
    case ErrorKind::BadRule:
    case ErrorKind::NativeRule:
        return BackendFailure::BadRule;
    case ErrorKind::None:
    case ErrorKind::Tool:
    case ErrorKind::Kernel:
        break;
    }
    return BackendFailure::Other;
}

bool NftBackend::fail(QString *error, ErrorKind kind, const QString &message)
{
    m_lastError = kind;
    if (error)
        *error = message;
    return false;
}

bool NftBackend::runTool(const QString &name, const QStringList &args, const QByteArray &input,
                         QByteArray *out, QString *error)
{
    const ToolRunner::Result r = m_runner.run(name, args, input);
    m_lastToolError = r.error;
    if (!r.ok())
        return fail(error, ErrorKind::Tool, r.message);
    *out = r.out;
    return true;
}

bool NftBackend::read(Family family, BackendTables *out, QString *error)
{
    // Straight from the kernel, in one generation: iptables-nft-save prints some native
    // expressions as if they were not there, which would make a rule look wider than it is.
    return readKernel(family,
                      {QStringLiteral("filter"), QStringLiteral("nat"), QStringLiteral("raw")},
                      QString(), out, error);
}

std::unique_ptr<BackendSession> NftBackend::beginSession(Family family, QString *error)
{
    // An apply needs DOCKER-USER (and FORWARD, for the jump) only, at one generation: the
    // commit is made conditional on it.
    m_lastError = ErrorKind::None;
    NftDockerUserState state;
    if (remembered(family, &state))
        return std::make_unique<NftSession>(this, family, std::move(state));
    KernelIpsets ipsets;
    const EntryCodec codec(family, ipsets.lookup(),
                           KernelRevisions::lookup(KernelRevisions::Via::Nft, family));
    NftWriter writer(*m_netlink, *m_translators[family == Family::IPv4 ? 0 : 1], codec);
    QString why;
    if (!writer.readState(&state, &why)) {
        fail(error, ErrorKind::Kernel, QStringLiteral("nf_tables: %1").arg(why));
        return nullptr;
    }
    remember(family, state);
    return std::make_unique<NftSession>(this, family, std::move(state));
}

bool NftBackend::remembered(Family family, NftDockerUserState *out)
{
    std::unique_ptr<NftDockerUserState> &known = m_known[family == Family::IPv4 ? 0 : 1];
    if (!known)
        return false;
    // Every commit moves the generation on: at the same one, in the same namespace, nothing
    // has changed since. (A failed GETGEN: the read that follows reports the error.)
    QString why;
    const std::optional<quint32> generation = m_netlink->generation(&why);
    if (!generation || *generation != known->generation || m_netlink->netnsCookie() == 0 ||
        m_netlink->netnsCookie() != known->netns) {
        known.reset();
        return false;
    }
    *out = *known;
    out->countersCurrent = false;
    return true;
}

void NftBackend::remember(Family family, const NftDockerUserState &state)
{
    std::unique_ptr<NftDockerUserState> &known = m_known[family == Family::IPv4 ? 0 : 1];
    if (state.cacheable && state.netns != 0)
        known = std::make_unique<NftDockerUserState>(state);
    else
        known.reset();
}

bool NftBackend::remembers(Family family) const
{
    return m_known[family == Family::IPv4 ? 0 : 1] != nullptr;
}

bool NftBackend::buildBatch(Family family, NftDockerUserState *state,
                            const QVector<BackendRule> &rules, bool createChain, bool createJump,
                            NftBatch *out, QString *error)
{
    m_lastError = ErrorKind::None;
    KernelIpsets ipsets;
    const EntryCodec codec(family, ipsets.lookup(),
                           KernelRevisions::lookup(KernelRevisions::Via::Nft, family));
    NftWriter writer(*m_netlink, *m_translators[family == Family::IPv4 ? 0 : 1], codec);
    for (int attempt = 0;; ++attempt) {
        NftWriter::Failure kind = NftWriter::Failure::None;
        QString why;
        // The echoes must fit in the socket's buffer beside the acknowledgements; the kernel
        // counts its buffers' overhead too (at most about half again).
        if (!writer.build(*state, rules, createChain, createJump, out, &why, &kind,
                          m_netlink->receiveBuffer() / 2)) {
            const ErrorKind k = kind == NftWriter::Failure::ChainMissing ? ErrorKind::ChainMissing
                                : kind == NftWriter::Failure::NativeRule ? ErrorKind::NativeRule
                                                                         : ErrorKind::BadRule;
            return fail(error, k, why);
        }
        // A remembered state has the counters of its read or write. A rebuild adds kept rules
        // again with their counters, and removed rules keep theirs for a rollback (from the
        // echo when there is one): those need the kernel's counters of now. A few kept rules
        // are asked for one by one; otherwise the chain is read.
        const bool removalsUncounted = out->deleted > 0 && !out->echoRemovals;
        if (state->countersCurrent || attempt > 0 || !(out->rebuild || removalsUncounted))
            return true;
        constexpr int CountersOneByOne = 64;
        if (!removalsUncounted && out->rebuiltKept.size() <= CountersOneByOne &&
            writer.readCounters(state, out->rebuiltKept, &why))
            continue;
        NftDockerUserState now;
        if (!writer.readState(&now, &why))
            return fail(error, ErrorKind::Kernel, QStringLiteral("nf_tables: %1").arg(why));
        if (!now.sameAs(*state))
            return fail(error, ErrorKind::Stale, staleMessage());
        remember(family, now);
        *state = std::move(now);
    }
}

bool NftBackend::commitBatch(Family family, NftDockerUserState *state,
                             const QVector<BackendRule> &rules, bool createChain, bool createJump,
                             const NftBatch &prepared, QString *error)
{
    m_lastError = ErrorKind::None;
    NftBatch batch = prepared;
    KernelIpsets ipsets;
    const EntryCodec codec(family, ipsets.lookup(),
                           KernelRevisions::lookup(KernelRevisions::Via::Nft, family));
    NftWriter writer(*m_netlink, *m_translators[family == Family::IPv4 ? 0 : 1], codec);
    // Once more at most: a commit by someone else to another chain (Docker adding a
    // container) refuses the batch without DOCKER-USER having changed.
    for (int attempt = 0; attempt < 2; ++attempt) {
        if (batch.what.isEmpty())
            return true; // nothing to change
        int err = 0;
        quint32 failedSeq = 0;
        QString why;
        QVector<QByteArray> echoes;
        NftNetlink::MessageHandler onEcho;
        if (batch.echoRemovals || batch.echoInserts)
            onEcho = [&echoes](const nlmsghdr *h) {
                echoes.append(QByteArray(reinterpret_cast<const char *>(h), int(h->nlmsg_len)));
                return true;
            };
        // What is remembered is about to be out of date, whatever the outcome.
        m_known[family == Family::IPv4 ? 0 : 1].reset();
        if (m_netlink->sendBatch(batch.bytes, batch.lastSeq, &why, &err, &failedSeq, onEcho)) {
            // The state after the commit, as the kernel echoed it; kept only if the ruleset
            // is at the very next generation (nobody committed after this batch).
            NftDockerUserState after;
            if (err == 0 && writer.stateAfter(state, rules, batch, echoes, &after)) {
                const std::optional<quint32> now = m_netlink->generation(&why);
                if (now && *now == after.generation && after.netns == m_netlink->netnsCookie())
                    remember(family, after);
            }
            return true;
        }
        if (err == ENOBUFS)
            return fail(error, ErrorKind::Kernel,
                        QStringLiteral("%1; DOCKER-USER may or may not have been changed: read "
                                       "it again")
                            .arg(why));
        if (err != ERESTART) {
            const QString what = batch.what.value(failedSeq);
            return fail(error, ErrorKind::Kernel,
                        QStringLiteral("the new DOCKER-USER was not applied%1: %2")
                            .arg(what.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(what))
                            .arg(why));
        }
        // The generation moved on: see whether DOCKER-USER is still what was read.
        NftDockerUserState now;
        if (!writer.readState(&now, &why))
            return fail(error, ErrorKind::Kernel, QStringLiteral("nf_tables: %1").arg(why));
        if (!now.sameAs(*state))
            return fail(error, ErrorKind::Stale, staleMessage());
        *state = std::move(now);
        if (!buildBatch(family, state, rules, createChain, createJump, &batch, error))
            return false;
    }
    return fail(error, ErrorKind::Stale,
                QStringLiteral("the ruleset kept changing during the write; nothing was changed"));
}

std::optional<bool> NftBackend::dockerNftablesExists(Family family, QString *error)
{
    m_lastError = ErrorKind::None;
    m_lastToolError = ToolRunner::ErrorKind::None;
    QByteArray tables;
    if (!runTool(QStringLiteral("nft"), {QStringLiteral("list"), QStringLiteral("tables")}, {},
                 &tables, error))
        return std::nullopt;
    const QByteArray wanted = family == Family::IPv4
                                  ? QByteArrayLiteral("table ip docker-bridges")
                                  : QByteArrayLiteral("table ip6 docker-bridges");
    for (const QByteArray &line : tables.split('\n'))
        if (line.trimmed() == wanted)
            return true;
    return false;
}

} // namespace Userchain

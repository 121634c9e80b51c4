#include "iptcbackend.h"

#include "parallelparts.h"

#include "anyinterface.h"
#include "decodecache.h"
#include "entriesencoder.h"
#include "entrycodec.h"
#include "extensions.h"
#include "kernelipsets.h"
#include "kernelrevisions.h"

#include <QFile>
#include <QHash>

#include <cerrno>
#include <climits>
#include <cstddef>
#include <cstring>
#include <memory>
#include <system_error>
#include <thread>
#include <vector>

#include <libiptc/libiptc.h>
// libip6tc.h, unlike libiptc.h, has no C++ guard of its own.
extern "C" {
#include <libiptc/libip6tc.h>
}

namespace Userchain {

namespace {

const char kDockerUser[] = "DOCKER-USER";
const char kForward[] = "FORWARD";
const char kFilter[] = "filter";

/**
 * libiptc's IPv4 and IPv6 functions behind one name each, so that the backend is written once.
 * The entry types differ; everything else is the same library compiled twice.
 */
template <Family F> struct Iptc;

template <> struct Iptc<Family::IPv4>
{
    using Entry = struct ipt_entry;
    static const char *procNames() { return "/proc/net/ip_tables_names"; }
    static xtc_handle *init(const char *t) { return iptc_init(t); }
    static void free(xtc_handle *h) { iptc_free(h); }
    static const char *firstChain(xtc_handle *h) { return iptc_first_chain(h); }
    static const char *nextChain(xtc_handle *h) { return iptc_next_chain(h); }
    static const Entry *firstRule(const char *c, xtc_handle *h) { return iptc_first_rule(c, h); }
    static const Entry *nextRule(const Entry *e, xtc_handle *h) { return iptc_next_rule(e, h); }
    static const char *target(const Entry *e, xtc_handle *h) { return iptc_get_target(e, h); }
    static bool builtin(const char *c, xtc_handle *h) { return iptc_builtin(c, h); }
    static const char *policy(const char *c, xt_counters *n, xtc_handle *h)
    {
        return iptc_get_policy(c, n, h);
    }
    static bool isChain(const char *c, xtc_handle *h) { return iptc_is_chain(c, h); }
    static bool createChain(const char *c, xtc_handle *h) { return iptc_create_chain(c, h); }
    static bool flush(const char *c, xtc_handle *h) { return iptc_flush_entries(c, h); }
    static bool append(const char *c, const void *e, xtc_handle *h)
    {
        return iptc_append_entry(c, static_cast<const Entry *>(e), h);
    }
    static bool insert(const char *c, const void *e, unsigned n, xtc_handle *h)
    {
        return iptc_insert_entry(c, static_cast<const Entry *>(e), n, h);
    }
    static bool commit(xtc_handle *h) { return iptc_commit(h); }
    static const char *strerror(int err) { return iptc_strerror(err); }
};

template <> struct Iptc<Family::IPv6>
{
    using Entry = struct ip6t_entry;
    static const char *procNames() { return "/proc/net/ip6_tables_names"; }
    static xtc_handle *init(const char *t) { return ip6tc_init(t); }
    static void free(xtc_handle *h) { ip6tc_free(h); }
    static const char *firstChain(xtc_handle *h) { return ip6tc_first_chain(h); }
    static const char *nextChain(xtc_handle *h) { return ip6tc_next_chain(h); }
    static const Entry *firstRule(const char *c, xtc_handle *h) { return ip6tc_first_rule(c, h); }
    static const Entry *nextRule(const Entry *e, xtc_handle *h) { return ip6tc_next_rule(e, h); }
    static const char *target(const Entry *e, xtc_handle *h) { return ip6tc_get_target(e, h); }
    static bool builtin(const char *c, xtc_handle *h) { return ip6tc_builtin(c, h); }
    static const char *policy(const char *c, xt_counters *n, xtc_handle *h)
    {
        return ip6tc_get_policy(c, n, h);
    }
    static bool isChain(const char *c, xtc_handle *h) { return ip6tc_is_chain(c, h); }
    static bool createChain(const char *c, xtc_handle *h) { return ip6tc_create_chain(c, h); }
    static bool flush(const char *c, xtc_handle *h) { return ip6tc_flush_entries(c, h); }
    static bool append(const char *c, const void *e, xtc_handle *h)
    {
        return ip6tc_append_entry(c, static_cast<const Entry *>(e), h);
    }
    static bool insert(const char *c, const void *e, unsigned n, xtc_handle *h)
    {
        return ip6tc_insert_entry(c, static_cast<const Entry *>(e), n, h);
    }
    static bool commit(xtc_handle *h) { return ip6tc_commit(h); }
    static const char *strerror(int err) { return ip6tc_strerror(err); }
};

template <Family F> struct HandleDeleter
{
    void operator()(xtc_handle *h) const { Iptc<F>::free(h); }
};

template <Family F> using Handle = std::unique_ptr<xtc_handle, HandleDeleter<F>>;

template <Family F> QString lastError()
{
    return QString::fromLocal8Bit(Iptc<F>::strerror(errno));
}

void setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
}

QStringList tablesListed(Family family)
{
    QFile file(QString::fromLatin1(family == Family::IPv4 ? Iptc<Family::IPv4>::procNames()
                                                          : Iptc<Family::IPv6>::procNames()));
    QStringList tables;
    if (!file.open(QIODevice::ReadOnly))
        return tables;
    // A handful of short lines; the bound only guards against a surprise.
    const QByteArray data = file.read(64 * 1024);
    for (const QByteArray &line : data.split('\n'))
        if (!line.trimmed().isEmpty())
            tables << QString::fromLatin1(line.trimmed());
    return tables;
}

/// Opens a table only if the kernel already has it (opening creates it otherwise).
template <Family F> Handle<F> openExisting(const QString &table, QString *error)
{
    if (!tablesListed(F).contains(table)) {
        setError(error, QStringLiteral("the iptables-legacy table \"%1\" does not exist; it is "
                                       "not created")
                            .arg(table));
        return nullptr;
    }
    Handle<F> h(Iptc<F>::init(table.toLatin1().constData()));
    if (!h)
        setError(error, QStringLiteral("cannot read the iptables-legacy table \"%1\": %2")
                            .arg(table, lastError<F>()));
    return h;
}

template <Family F> QStringList chainsOf(xtc_handle *h)
{
    QStringList chains;
    for (const char *c = Iptc<F>::firstChain(h); c; c = Iptc<F>::nextChain(h))
        chains << QString::fromLatin1(c);
    return chains;
}

template <Family F> QVector<IptcBackend::KernelEntry> entriesOf(const char *chain, xtc_handle *h)
{
    QVector<IptcBackend::KernelEntry> entries;
    for (auto *e = Iptc<F>::firstRule(chain, h); e; e = Iptc<F>::nextRule(e, h)) {
        const char *target = Iptc<F>::target(e, h);
        entries.append({QByteArray(reinterpret_cast<const char *>(e), e->next_offset),
                        QString::fromLatin1(target ? target : "")});
    }
    return entries;
}

} // namespace

IptcBackend::IptcBackend() : m_cache(std::make_unique<DecodeCache>()) {}

IptcBackend::~IptcBackend() = default;

namespace {

/// The rules of one chain of the table h holds, decoded (see DecodeCache::Chain).
template <Family F>
QVector<BackendRule> decodeChain(const EntryCodec &codec, DecodeCache &cache, xtc_handle *h,
                                 const char *table, const char *chain)
{
    using Entry = typename Iptc<F>::Entry;
    const int slot = DecodeCache::slot(F);
    const QString name = QLatin1String(table) + QLatin1Char('/') + QLatin1String(chain);
    const auto known = cache.chains[slot].constFind(name);
    // Each entry's fingerprint is compared with the memo's as it is made; the chain's whole
    // fingerprint (megabytes for 50,000 rules) is only written out once they differ.
    const QByteArray *memo = known != cache.chains[slot].constEnd() ? &known->signature : nullptr;
    qsizetype matched = 0; // bytes of *memo equal so far
    bool matching = memo != nullptr;
    QByteArray piece;
    QVector<const Entry *> entries;
    QVector<const char *> targets;
    QByteArray fingerprint;
    bool comparable = true;
    bool counted = false; // any counter not zero
    for (auto *e = Iptc<F>::firstRule(chain, h); e; e = Iptc<F>::nextRule(e, h)) {
        entries.append(e);
        targets.append(Iptc<F>::target(e, h));
        counted = counted || e->counters.pcnt || e->counters.bcnt;
        if (!comparable)
            continue;
        piece.truncate(0);
        comparable = DecodeCache::appendFingerprint(piece, e, F, targets.last());
        if (matching && matched + piece.size() <= memo->size() &&
            std::memcmp(memo->constData() + matched, piece.constData(), size_t(piece.size())) ==
                0) {
            matched += piece.size();
            continue;
        }
        if (matching) {
            matching = false;
            fingerprint = memo->left(matched);
        }
        fingerprint += piece;
    }

    if (comparable && matching && matched == memo->size()) {
        // Shared with the memo, unless there are counters to fill in.
        QVector<BackendRule> rules = known->rules;
        if (counted) {
            for (int i = 0; i < rules.size(); ++i) {
                rules[i].packets = entries[i]->counters.pcnt;
                rules[i].bytes = entries[i]->counters.bcnt;
            }
        }
        return rules;
    }
    if (matching) // the chain is shorter than the memo's
        fingerprint = memo->left(matched);
    QVector<BackendRule> rules;
    rules.reserve(entries.size());
    bool allKeyed = true;
    for (int i = 0; i < entries.size(); ++i) {
        const Entry *e = entries[i];
        const QString label = QString::fromLatin1(targets[i] ? targets[i] : "");
        const QByteArray key = codec.decodeKey(e, e->next_offset, label);
        allKeyed = allKeyed && !key.isEmpty();
        BackendRule rule;
        if (key.isEmpty() || !cache.find(F, key, &rule)) {
            rule = codec.toBackendRule(e, e->next_offset, label);
            // `-i +`, which the decoded text leaves out as iptables-save does.
            AnyInterface::restore(e, e->next_offset, F, &rule);
            if (!key.isEmpty())
                cache.insert(F, key, rule);
        }
        rule.packets = e->counters.pcnt;
        rule.bytes = e->counters.bcnt;
        rules.append(std::move(rule));
    }
    // Only chains whose every rule has a decode key: a rule whose decoding depends on more
    // than its bytes (-m set) must be decoded on every read.
    if (!comparable || !allKeyed) {
        cache.chains[slot].remove(name);
        return rules;
    }
    DecodeCache::Chain remembered{fingerprint, rules};
    if (counted) {
        for (BackendRule &rule : remembered.rules) {
            rule.packets = 0;
            rule.bytes = 0;
        }
    }
    cache.chains[slot].insert(name, std::move(remembered));
    return rules;
}

template <Family F> bool readFamily(DecodeCache &cache, BackendTables *out, QString *error)
{
    const QStringList existing = tablesListed(F);
    if (!existing.contains(QLatin1String(kFilter))) {
        setError(error, QStringLiteral("there is no iptables-legacy filter table"));
        return false;
    }
    KernelIpsets ipsets;
    const EntryCodec codec(F, ipsets.lookup(),
                           KernelRevisions::lookup(KernelRevisions::Via::Legacy, F));
    BackendTables tables;
    for (const char *table : {"filter", "nat", "raw"}) {
        if (!existing.contains(QLatin1String(table)))
            continue;
        Handle<F> h = openExisting<F>(QLatin1String(table), error);
        if (!h)
            return false;
        for (const QString &name : chainsOf<F>(h.get())) {
            const QByteArray chain = name.toLatin1();
            BackendChain bc;
            bc.table = QLatin1String(table);
            bc.name = name;
            bc.builtin = Iptc<F>::builtin(chain.constData(), h.get());
            struct xt_counters counters = {};
            const char *policy = Iptc<F>::policy(chain.constData(), &counters, h.get());
            bc.policy = policy ? QString::fromLatin1(policy) : QStringLiteral("-");
            bc.rules = decodeChain<F>(codec, cache, h.get(), table, chain.constData());
            tables.chains.append(std::move(bc));
        }
    }
    *out = std::move(tables);
    return true;
}

/// `-j NAME` of an entry about to be written, when NAME must be an existing user chain.
QString jumpTarget(const BackendRule &rule, const QByteArray &entry, const EntryCodec &codec)
{
    const QString name =
        rule.raw.isEmpty() ? rule.rule.target.name : codec.standardTargetName(entry);
    if (name.isEmpty() || Extensions::isVerdict(name) || name == QLatin1String("QUEUE"))
        return QString();
    if (rule.raw.isEmpty() && Extensions::target(name, rule.rule.family))
        return QString(); // an extension target, not a chain
    return name;
}

/// Replaces DOCKER-USER in the table state h holds, for commitOn(); nothing reaches the kernel.
/// cache: where the entries of the rules written last are kept (nullptr: none); *encoded: the
/// entries, when some were made now (for the session to keep them there when it ends).
template <Family F>
bool prepareOn(xtc_handle *handle, const QVector<BackendRule> &rules, bool createChain,
               bool createJump, QString *error, DecodeCache *cache = nullptr,
               QVector<QByteArray> *encoded = nullptr)
{
    // Every rule is encoded and checked before the handle is changed.
    KernelIpsets ipsets;
    const EntryCodec codec(F, ipsets.lookup(),
                           KernelRevisions::lookup(KernelRevisions::Via::Legacy, F));
    QVector<QByteArray> entries;
    bool anyNew = false;
    if (!EntriesEncoder::encode(codec, rules, &entries, error,
                                cache ? &cache->written[DecodeCache::slot(F)] : nullptr, &anyNew))
        return false;
    // Only a list with entries made now is worth keeping instead of the one kept (which then
    // holds every rule of this one).
    if (encoded && anyNew)
        *encoded = entries;
    QStringList jumps;
    for (int i = 0; i < rules.size(); ++i) {
        const QString jump = jumpTarget(rules[i], entries[i], codec);
        if (!jump.isEmpty())
            jumps << jump;
    }
    jumps.removeDuplicates();
    xtc_handle *h = handle;
    if (Iptc<F>::isChain(kDockerUser, h)) {
        if (!Iptc<F>::flush(kDockerUser, h)) {
            setError(error, QStringLiteral("cannot flush DOCKER-USER: %1").arg(lastError<F>()));
            return false;
        }
    } else if (createChain) {
        if (!Iptc<F>::createChain(kDockerUser, h)) {
            setError(error, QStringLiteral("cannot create DOCKER-USER: %1").arg(lastError<F>()));
            return false;
        }
    } else {
        setError(error, QStringLiteral("the chain DOCKER-USER does not exist"));
        return false;
    }
    // libiptc would take an unknown jump target for an extension name and the kernel would
    // then fail the whole commit with a vaguer message.
    for (const QString &jump : jumps) {
        const QByteArray name = jump.toLatin1();
        if (!Iptc<F>::isChain(name.constData(), h) || Iptc<F>::builtin(name.constData(), h)) {
            setError(error, QStringLiteral("a rule jumps to \"%1\", which is not a user chain of "
                                           "the filter table")
                                .arg(jump));
            return false;
        }
    }
    // libiptc copies each entry it is given: one buffer serves them all (an entry taken from
    // the written rules is shared with them and would otherwise be copied to change it).
    QByteArray scratch;
    for (int i = 0; i < entries.size(); ++i) {
        // The counters go in the entry: libiptc commits an appended entry's counters as they
        // are (what iptables-restore --counters relies on), so a rule that stays keeps its own.
        scratch.resize(entries[i].size());
        std::memcpy(scratch.data(), entries[i].constData(), size_t(entries[i].size()));
        auto *entry = reinterpret_cast<typename Iptc<F>::Entry *>(scratch.data());
        entry->counters.pcnt = rules[i].packets;
        entry->counters.bcnt = rules[i].bytes;
        if (!Iptc<F>::append(kDockerUser, scratch.constData(), h)) {
            setError(error, QStringLiteral("rule %1: %2").arg(i + 1).arg(lastError<F>()));
            return false;
        }
    }
    if (createJump) {
        bool present = false;
        for (auto *e = Iptc<F>::firstRule(kForward, h); e && !present;
             e = Iptc<F>::nextRule(e, h)) {
            const char *target = Iptc<F>::target(e, h);
            present = target && qstrcmp(target, kDockerUser) == 0;
        }
        if (!present) {
            Rule jump;
            jump.family = F;
            jump.target.name = QLatin1String(kDockerUser);
            QByteArray entry;
            QString why;
            if (!codec.encode(jump, &entry, &why)) {
                setError(error, why);
                return false;
            }
            if (!Iptc<F>::insert(kForward, entry.constData(), 0, h)) {
                setError(error,
                         QStringLiteral("cannot insert the FORWARD jump: %1").arg(lastError<F>()));
                return false;
            }
        }
    }
    return true;
}

/// The one atomic commit of what prepareOn() changed.
template <Family F> bool commitOn(xtc_handle *h, QString *error)
{
    if (!Iptc<F>::commit(h)) {
        setError(error,
                 QStringLiteral("the kernel refused the new DOCKER-USER: %1").arg(lastError<F>()));
        return false;
    }
    return true;
}

/// DOCKER-USER read from one filter table handle, which the replace then commits.
template <Family F> class IptcSession final : public BackendSession
{
public:
    IptcSession(Handle<F> handle, std::optional<BackendChain> dockerUser, DecodeCache &cache)
        : m_handle(std::move(handle)), m_dockerUser(std::move(dockerUser)), m_cache(cache)
    {}
    ~IptcSession() override
    {
        // The entries just written are what the next write may reuse. Kept here, when the
        // session goes (after the apply is answered), rather than while the caller waits.
        if (!m_entries.isEmpty())
            EntriesEncoder::remember(m_rules, m_entries, &m_cache.written[DecodeCache::slot(F)]);
    }
    Q_DISABLE_COPY_MOVE(IptcSession)

    const BackendChain *dockerUser() const override
    {
        return m_dockerUser ? &*m_dockerUser : nullptr;
    }

    bool prepare(const QVector<BackendRule> &rules, bool createChain, bool createJump,
                 QString *error) override
    {
        // One session, one replace: the handle holds what the first one changed.
        if (m_step != Step::Read) {
            setError(error, QStringLiteral("this session has already been used"));
            return false;
        }
        m_step = Step::Done;
        if (!prepareOn<F>(m_handle.get(), rules, createChain, createJump, error, &m_cache,
                          &m_entries))
            return false;
        m_rules = rules;
        m_step = Step::Prepared;
        return true;
    }

    bool commit(QString *error) override
    {
        if (m_step != Step::Prepared) {
            setError(error, QStringLiteral("nothing prepared to commit"));
            return false;
        }
        m_step = Step::Done;
        return commitOn<F>(m_handle.get(), error);
    }

private:
    enum class Step { Read, Prepared, Done };
    Handle<F> m_handle;
    std::optional<BackendChain> m_dockerUser;
    DecodeCache &m_cache;
    QVector<BackendRule> m_rules;  ///< prepared
    QVector<QByteArray> m_entries; ///< their entries
    Step m_step = Step::Read;
};

template <Family F> std::unique_ptr<BackendSession> beginFamily(DecodeCache &cache, QString *error)
{
    Handle<F> h = openExisting<F>(QLatin1String(kFilter), error);
    if (!h)
        return nullptr;
    std::optional<BackendChain> dockerUser;
    if (Iptc<F>::isChain(kDockerUser, h.get())) {
        KernelIpsets ipsets;
        const EntryCodec codec(F, ipsets.lookup(),
                               KernelRevisions::lookup(KernelRevisions::Via::Legacy, F));
        BackendChain chain;
        chain.table = QLatin1String(kFilter);
        chain.name = QLatin1String(kDockerUser);
        chain.policy = QStringLiteral("-");
        chain.rules = decodeChain<F>(codec, cache, h.get(), kFilter, kDockerUser);
        dockerUser = std::move(chain);
    }
    return std::make_unique<IptcSession<F>>(std::move(h), std::move(dockerUser), cache);
}

template <Family F> bool createTableOf(const QString &table, QString *error)
{
    Handle<F> h(Iptc<F>::init(table.toLatin1().constData()));
    if (!h)
        setError(error, QStringLiteral("cannot create the iptables-legacy table \"%1\": %2")
                            .arg(table, lastError<F>()));
    return bool(h);
}

template <Family F> std::optional<QStringList> chainNamesOf(const QString &table, QString *error)
{
    Handle<F> h = openExisting<F>(table, error);
    if (!h)
        return std::nullopt;
    return chainsOf<F>(h.get());
}

template <Family F>
std::optional<QVector<IptcBackend::KernelEntry>>
chainEntriesOf(const QString &table, const QString &chain, QString *error)
{
    Handle<F> h = openExisting<F>(table, error);
    if (!h)
        return std::nullopt;
    const QByteArray name = chain.toLatin1();
    if (!Iptc<F>::isChain(name.constData(), h.get())) {
        setError(error, QStringLiteral("no chain \"%1\" in table \"%2\"").arg(chain, table));
        return std::nullopt;
    }
    return entriesOf<F>(name.constData(), h.get());
}

} // namespace

bool IptcBackend::read(Family family, BackendTables *out, QString *error)
{
    return family == Family::IPv4 ? readFamily<Family::IPv4>(*m_cache, out, error)
                                  : readFamily<Family::IPv6>(*m_cache, out, error);
}

std::unique_ptr<BackendSession> IptcBackend::beginSession(Family family, QString *error)
{
    return family == Family::IPv4 ? beginFamily<Family::IPv4>(*m_cache, error)
                                  : beginFamily<Family::IPv6>(*m_cache, error);
}

bool IptcBackend::createTable(Family family, const QString &table, QString *error)
{
    return family == Family::IPv4 ? createTableOf<Family::IPv4>(table, error)
                                  : createTableOf<Family::IPv6>(table, error);
}

QStringList IptcBackend::existingTables(Family family)
{
    return tablesListed(family);
}

std::optional<QStringList> IptcBackend::chainNames(Family family, const QString &table,
                                                   QString *error)
{
    return family == Family::IPv4 ? chainNamesOf<Family::IPv4>(table, error)
                                  : chainNamesOf<Family::IPv6>(table, error);
}

std::optional<QVector<IptcBackend::KernelEntry>>
IptcBackend::chainEntries(Family family, const QString &table, const QString &chain, QString *error)
{
    return family == Family::IPv4 ? chainEntriesOf<Family::IPv4>(table, chain, error)
                                  : chainEntriesOf<Family::IPv6>(table, chain, error);
}

} // namespace Userchain

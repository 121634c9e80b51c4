#pragma once

#include "rule.h"

#include <QByteArray>
#include <QString>
#include <QVector>

#include <memory>

namespace Userchain {

/// One rule as a backend read it (or is to write it).
struct BackendRule
{
    Rule rule;           ///< valid when raw is empty
    QByteArray raw;      ///< non-empty: the kernel entry kept byte-for-byte (unknown extension)
    QString displaySpec; ///< canonical text; for raw rules the best-effort text shown read-only
    QString unknownExtensions; ///< comma-separated names of extensions the library does not know
    quint64 packets = 0;
    quint64 bytes = 0;
};

} // namespace Userchain

// As Rule (core/rule.h): moved as bytes when a list grows.
Q_DECLARE_TYPEINFO(Userchain::BackendRule, Q_RELOCATABLE_TYPE);

namespace Userchain {

struct BackendChain
{
    QString table; ///< "filter", "nat", "raw"
    QString name;
    QString policy; ///< "ACCEPT"/"DROP" for built-in chains, "-" for user chains
    bool builtin = false;
    QVector<BackendRule> rules;
};

struct BackendTables
{
    QVector<BackendChain> chains;
};

/// Why a backend's last call (or its session's prepare() or commit()) failed, as far as the
/// helper answers differently: each has its own D-Bus error name (ChainWriter::errorName).
enum class BackendFailure {
    Other,        ///< reading or writing the kernel failed; the message says how
    Stale,        ///< DOCKER-USER changed since it was read; nothing was changed
    ChainMissing, ///< DOCKER-USER does not exist and was not to be created
    BadRule,      ///< a rule cannot be written (or kept) where it is: "rule N: ..." (1-based)
};

/**
 * DOCKER-USER read once and replaced at most once, with the xtables lock held throughout by the
 * caller (the helper's ChainWriter): the backends' one way to write. Why a session rather than
 * a read and then a write: every write checks what it read (a revision, the chain's presence,
 * the counters to carry over) and must commit onto that very state; libiptc commits the table
 * state it read and nf_tables makes the batch conditional on the generation read, so one
 * kernel read serves both, and only DOCKER-USER needs decoding.
 */
class BackendSession
{
public:
    virtual ~BackendSession() = default;
    /// DOCKER-USER of the filter table as read when the session began; nullptr when missing.
    /// After commit(), rules it removed may carry the counters they had until the commit
    /// (NftSession), which is what a rollback should put back.
    virtual const BackendChain *dockerUser() const = 0;
    /**
     * Replaces DOCKER-USER with rules in two steps, on the state this session read: prepare()
     * checks and encodes every rule and stages the new chain without touching the kernel;
     * commit() is the one atomic write. Apart so that the caller can use the time the kernel
     * takes for other work. Once per session. createChain/createJump re-create DOCKER-USER
     * and `FORWARD -j DOCKER-USER` (at position 1) when they are missing; otherwise a missing
     * chain is an error and nothing changes.
     */
    virtual bool prepare(const QVector<BackendRule> &rules, bool createChain, bool createJump,
                         QString *error) = 0;
    virtual bool commit(QString *error) = 0;
};

/**
 * The seam between the helper's D-Bus service and one way of reaching the kernel's tables
 * (libiptc for iptables-legacy; iptables-nft-save/-restore for nf_tables). Implementations
 * never write any chain other than DOCKER-USER, except the FORWARD jump when asked. Reads
 * take no lock; a session (the only way to write) is begun with the xtables lock held.
 */
class Backend
{
public:
    virtual ~Backend() = default;
    virtual QString name() const = 0; ///< "legacy" or "nft"

    /// Read the filter and nat tables (and raw, when present) of one family.
    virtual bool read(Family family, BackendTables *out, QString *error) = 0;

    /// Read DOCKER-USER for a replace that follows (see BackendSession); nullptr and error set
    /// when the table cannot be read.
    virtual std::unique_ptr<BackendSession> beginSession(Family family, QString *error) = 0;

    /// What kind of failure the last failed call (or session step) was.
    virtual BackendFailure lastFailure() const { return BackendFailure::Other; }
};

} // namespace Userchain

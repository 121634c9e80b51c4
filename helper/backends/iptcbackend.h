#pragma once

#include "backend.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QVector>
#include <memory>
#include <optional>

namespace Userchain {

/**
 * The iptables-legacy backend: the kernel's x_tables through libiptc (libip4tc / libip6tc).
 * This is the only translation unit that calls libiptc.
 *
 * It never opens a table that the kernel does not list in /proc/net/ip_tables_names (or
 * ip6_tables_names): `iptc_init` on a missing table creates it, which on an nf_tables host
 * leaves an empty legacy table behind and makes iptables-nft warn.
 *
 * libiptc keeps per-call global state (its error context); use one instance from one thread.
 */
struct DecodeCache;

class IptcBackend final : public Backend
{
public:
    IptcBackend();
    ~IptcBackend() override;
    Q_DISABLE_COPY_MOVE(IptcBackend)

    QString name() const override { return QStringLiteral("legacy"); }
    bool read(Family family, BackendTables *out, QString *error) override;
    std::unique_ptr<BackendSession> beginSession(Family family, QString *error) override;

    /// One rule exactly as the kernel holds it.
    struct KernelEntry
    {
        QByteArray entry; ///< ipt_entry/ip6t_entry with matches and target, as libiptc has it
        QString target;   ///< what iptc_get_target() names: verdict, chain, extension or ""
    };

    /// The tables the kernel lists for a family; only these may be opened.
    static QStringList existingTables(Family family);

    /**
     * Opens table, which makes the kernel create it if it does not exist yet (loading its
     * module): what iptables-legacy does on first use. Only for the restore before Docker
     * starts, on a host whose `iptables` is the legacy variant (RestoreCommand).
     */
    static bool createTable(Family family, const QString &table, QString *error);

    /// The chains of an existing table in iptables-save order; nullopt (error set) if the table
    /// does not exist (it is not created) or cannot be read.
    static std::optional<QStringList> chainNames(Family family, const QString &table,
                                                 QString *error);

    /// The entries of one chain of an existing table, for tests and diagnostics.
    static std::optional<QVector<KernelEntry>> chainEntries(Family family, const QString &table,
                                                            const QString &chain, QString *error);

private:
    std::unique_ptr<DecodeCache> m_cache;
};

} // namespace Userchain

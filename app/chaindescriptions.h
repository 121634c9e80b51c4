#pragma once

#include "dbustypes.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

/// What each of Docker's chains does, and why it must not be edited: one line each.
class ChainDescriptions final
{
    Q_DECLARE_TR_FUNCTIONS(ChainDescriptions)
public:
    /// Docker's filter chains in the order Docker's own docs list them (28.x chains included).
    static QStringList dockerFilterChains();
    /// True for a filter chain Docker creates (known by name or by the DOCKER prefix).
    static bool isDockerChain(const QString &name);
    /**
     * What `chain` of `table` does on the host `host` shows: where Docker's layout differs
     * between releases (FORWARD, raw PREROUTING), the words follow the chains and rules in
     * `host` instead of listing every release. Without a snapshot, what holds for all.
     */
    static QString describe(const QString &table, const QString &chain,
                            const Userchain::Snapshot &host = {});
    /// Chains of the nat and raw tables the side list shows (Docker's, and raw PREROUTING).
    static QStringList dockerNatChains();
    /**
     * A note on something in `spec` a reader may not know, e.g. Docker 28.0's ipset
     * `docker-ext-bridges-v4`; empty if there is nothing to say.
     */
    static QString describeRule(const QString &table, const QString &chain, const QString &spec);
};

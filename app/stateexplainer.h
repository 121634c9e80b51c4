#pragma once

#include "dbustypes.h"
#include "notice.h"

#include <QCoreApplication>
#include <QVector>

class HelperError;

/**
 * Turns what the helper reported into explanations, so the window never shows a blank table
 * without saying why: no helper, refused authorization, nf_tables, no DOCKER-USER, a missing
 * FORWARD jump, `"iptables": false`, Docker not running.
 */
class StateExplainer final
{
    Q_DECLARE_TR_FUNCTIONS(StateExplainer)
public:
    /**
     * `otherFamily`: the other family's snapshot, if there is one. What it shows changes the
     * words for this one: no IPv6 chains while IPv4 shows Docker's is a matter of Docker's
     * IPv6 settings, not of a stopped Docker.
     */
    static QVector<Notice> explain(const Userchain::Snapshot &snapshot,
                                   const Userchain::Snapshot &otherFamily = {});
    static Notice explain(const HelperError &error);
    /// True if nothing in `snapshot` keeps the DOCKER-USER table from being shown and edited.
    static bool isEditable(const Userchain::Snapshot &snapshot);
    /// Words for the status bar: "iptables-legacy", "iptables-nft (nf_tables)", ...
    static QString backendName(const QString &backend);
    /// Docker's filter chains are in `snapshot` (Docker runs in iptables mode).
    static bool hasDockerChains(const Userchain::Snapshot &snapshot);
};

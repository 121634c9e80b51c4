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
    static QVector<Notice> explain(const Userchain::Snapshot &snapshot);
    static Notice explain(const HelperError &error);
    /// True if nothing in `snapshot` keeps the DOCKER-USER table from being shown and edited.
    static bool isEditable(const Userchain::Snapshot &snapshot);
    /// Words for the status bar: "iptables-legacy", "iptables-nft (nf_tables)", ...
    static QString backendName(const QString &backend);
};

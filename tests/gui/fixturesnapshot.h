#pragma once

#include "dbustypes.h"

#include <QString>

/**
 * Test hook, not product behaviour: builds the Snapshot the helper would send for an
 * iptables-save capture, so the window can be driven without a helper. Rules the parser
 * cannot read become verbatim entries, as the helper reports them.
 */
class FixtureSnapshot final
{
public:
    /// The family follows the file name (`.v6.` is IPv6) unless given.
    static Userchain::Snapshot fromFile(const QString &path,
                                        const QString &backend = QStringLiteral("legacy"),
                                        int family = 0);
    static Userchain::Snapshot fromData(const QByteArray &data,
                                        const QString &backend = QStringLiteral("legacy"),
                                        int family = 4);
    /// A file of tests/data/fixtures/docker-moby/.
    static QString mobyCapture(const QString &name);
    /// The Docker 20.10 capture with two containers (the sandbox's default).
    static QString dockerCapture();
    /// Same capture with user rules in DOCKER-USER, one of them after the RETURN.
    static QString userRulesCapture();
    /// Replaces DOCKER-USER's rules (and the revision) in `snapshot`.
    static void setDockerUser(Userchain::Snapshot *snapshot, const QStringList &specs);
    static QString revisionOf(const QStringList &specs, int family = 4);
};

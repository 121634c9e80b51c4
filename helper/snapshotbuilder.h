#pragma once

#include "backend.h"
#include "dbustypes.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace Userchain {

/**
 * Turns what a backend read into the typed Snapshot clients see, and computes the two
 * identities the helper later checks an Apply against: the revision of DOCKER-USER and the
 * verbatimId of each rule the library cannot represent.
 *
 * Both depend only on content (canonical spec text and the raw bytes the backend keeps for
 * verbatim rules), never on counters, so traffic does not make a client's view stale. Backends
 * hand raw rules over without counters (IptcBackend: the kernel entry with counters and
 * `comefrom` zeroed; NftBackend: the rule text without its counter prefix).
 */
class SnapshotBuilder final
{
public:
    static const BackendChain *findChain(const BackendTables &tables, const QString &table,
                                         const QString &name);
    /// The filter table's DOCKER-USER, or nullptr when it does not exist.
    static const BackendChain *dockerUser(const BackendTables &tables);

    /// Hash of DOCKER-USER's content (a missing chain has a revision of its own).
    static QString revision(Family family, const BackendChain *dockerUser);
    /// revision() without the calling thread's memo, for another thread (see rememberRevision()).
    static QString computeRevision(Family family, const BackendChain *dockerUser);
    /// Lets the calling thread's memo know a revision computed elsewhere. The memo keeps the
    /// chain's list itself (shared, not copied): for a list that is not changed afterwards.
    static void rememberRevision(Family family, const BackendChain *dockerUser,
                                 const QString &revision);
    /// The identity of a verbatim rule: its bytes and its position in the chain.
    static QString verbatimId(Family family, const BackendRule &rule, int position);
    /// The spec text shown for a rule: the backend's display text, else the canonical text.
    static QString specText(const BackendRule &rule);
    /**
     * specText() as a view, without a copy where the rule has its text (nearly always; else
     * the text is made into *scratch): in loops over a chain's rules the copies' reference
     * counts, each on a string of its own elsewhere in memory, cost more than the loops' work.
     */
    static QStringView specView(const BackendRule &rule, QString *scratch);

    /// 1-based position of Docker's `-A FORWARD -j DOCKER-USER` in filter FORWARD, 0: none.
    static int forwardJumpPosition(const BackendTables &tables);

    /// The ipsets the rules name (`-m set --match-set NAME`), in order, each once; rules kept
    /// verbatim are not read by the evaluator, so their sets are left out.
    static QStringList setNames(const BackendTables &tables);

    /// Everything the tables say; backend detail and daemon.json facts are added by the caller.
    static Snapshot build(const QString &backendName, Family family, const BackendTables &tables);
};

} // namespace Userchain

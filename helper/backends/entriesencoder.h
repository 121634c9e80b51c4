#pragma once

#include "backend.h"
#include "decodecache.h"
#include "entrycodec.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QVector>

namespace Userchain {

/// The kernel entries IptcBackend hands libiptc for a new DOCKER-USER.
class EntriesEncoder final
{
public:
    /**
     * The kernel entry of every rule, as one pass in order would give them: verbatim rules
     * checked, parsed rules encoded, the first failure by position reported. Long lists are
     * encoded by several threads (encoding is most of the work before the commit and each rule is
     * encoded on its own); rules with `-m set` and verbatim rules are done by this thread.
     * written (may be nullptr): the entries of rules written before, by their text
     * (DecodeCache::written), taken instead of encoding the same rule again. *anyNew (if
     * given): whether some entry was made now that remember() would keep.
     */
    static bool encode(const EntryCodec &codec, const QVector<BackendRule> &rules,
                       QVector<QByteArray> *entries, QString *error,
                       const QHash<QString, DecodeCache::Encoded> *written, bool *anyNew = nullptr);
    /// *written becomes the entries of rules (as encode() made them), and only those.
    static void remember(const QVector<BackendRule> &rules, const QVector<QByteArray> &entries,
                         QHash<QString, DecodeCache::Encoded> *written);

    /// Whether encoding the rule asks the kernel for an ipset's index (KernelIpsets is one
    /// socket and cache, for one thread): such entries depend on more than the rule.
    static bool needsIpsets(const BackendRule &rule);
};

} // namespace Userchain

#pragma once

#include "applyvalidator.h"
#include "backend.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QVector>

namespace Userchain {

class SavedFileCache;

/// The saved DOCKER-USER of one family, as read back from its file.
struct SavedRules
{
    bool exists = false;                 ///< false: nothing saved (no file)
    QStringList specs;                   ///< canonical rule specs, in order
    QVector<ApplyValidator::Item> items; ///< the same rules, checked exactly as Apply checks them
    qint64 savedAtMs = 0;                ///< the file's modification time, ms since the epoch
};

/**
 * The root-owned files behind "Save permanently": `/etc/userchain/docker-user.v4.rules` and
 * `docker-user.v6.rules`, in the export form (`exportDockerUser`) that `iptables-restore -n`
 * loads too.
 *
 * The paths are fixed: no caller ever names a file. Writing is atomic (a temporary file in
 * the same directory, created O_EXCL with mode 0644, written, fsync'ed, renamed over the old
 * file, then the directory fsync'ed), so a crash leaves the old file or the new one, never a
 * mix. Reading is bounded (MaxFileBytes) and goes through the same checks as Apply:
 * `importDockerUser` (line-numbered errors; the strict parser), then Apply's bounds (counts,
 * sizes) on the rules it parsed. A file is only trusted if no one but the helper's own user (root)
 * can have written it.
 */
class PersistentStore final
{
public:
    /// Larger than any DOCKER-USER the helper writes (100,000 rules of at most 4 KiB would not
    /// fit, but real ones are far below), small enough to read and parse at boot.
    static constexpr qint64 MaxFileBytes = 16 * 1024 * 1024;

    /// The file whose presence in the directory asks for fail-closed restores (RestoreCommand).
    static constexpr const char *FailClosedFile = "fail-closed";

    /// `/etc/userchain`.
    static QString defaultDirectory();
    /// `docker-user.v4.rules` / `docker-user.v6.rules`.
    static QString fileName(Family family);

    /// directory: the fixed default in the helper; tests pass a directory of their own.
    explicit PersistentStore(const QString &directory = defaultDirectory());

    QString directory() const { return m_directory; }
    QString path(Family family) const;

    /**
     * The specs Save writes for chain (DOCKER-USER as just read under the lock). Refused
     * (InvalidRule, a RuleRefusal "rule N kept-verbatim ...") when a rule is kept verbatim: its
     * text is the kernel's best effort, which the parser cannot load again, so a saved copy would
     * not restore it.
     */
    static bool specsToSave(const BackendChain &chain, QStringList *specs, ApplyError *error);

    /**
     * The checks every read goes through, on data in memory: a `*filter` table declaring
     * DOCKER-USER, nothing but DOCKER-USER's rules, every rule through the parser and
     * ApplyValidator. Errors (InvalidRule) are RuleRefusal lines ("line N file ..."), their
     * words "FILE:LINE: message" with fileName.
     */
    static bool parse(Family family, const QByteArray &data, const QString &fileName,
                      SavedRules *out, ApplyError *error);

    /**
     * Write specs for family atomically. The content is checked with parse() first, so what
     * is written can always be restored. Creates the directory (0755) if missing.
     */
    bool save(Family family, const QStringList &specs, ApplyError *error) const;

    /**
     * Read and check the file of family; a missing file is not an error (exists = false).
     * With a cache, the checks on the content are skipped while the file is the one whose
     * outcome the cache keeps (ownership, mode and size are checked every time).
     */
    bool load(Family family, SavedRules *out, ApplyError *error,
              SavedFileCache *cache = nullptr) const;

    /**
     * Whether FailClosedFile exists in the directory as a regular file of root's that nobody
     * else may write (the same trust as the saved files; anything else is ignored).
     */
    bool failClosed() const;

private:
    int openDirectory(bool create, bool *missing, ApplyError *error) const;

    QString m_directory;
};

} // namespace Userchain

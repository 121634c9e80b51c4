#pragma once

#include "persistentstore.h"

#include <QMutex>
#include <optional>
#include <sys/stat.h>

namespace Userchain {

/**
 * The last parse of each family's saved file, kept while the file is the same one: same
 * device and inode, size, modification and change time. GetSaved is a read any active user
 * may make as often as they like, and a saved file may hold 16 MiB of rules, a second or more
 * of parsing; the file changes only when an administrator saves.
 *
 * Why these keys are enough: Save writes a new file and renames it over the old one (a new
 * inode), and any other write changes the change time, which no one can set back (utimensat
 * sets the modification time, and that changes the change time again). What remains is a
 * second in-place write of the same size by root within one tick of the file system's clock;
 * the cache then serves the first content until the next change.
 *
 * Outcomes of the checks on the content (parse errors) are kept too, so a broken file is not
 * parsed again on every call; failures to open or read are not.
 */
class SavedFileCache final
{
public:
    SavedFileCache() = default;
    Q_DISABLE_COPY_MOVE(SavedFileCache)

    struct Outcome
    {
        bool ok = false;
        SavedRules rules;
        ApplyError error;
    };

    /// The outcome kept for the file with status st, if it is the same file.
    std::optional<Outcome> find(Family family, const struct stat &st);
    void store(Family family, const struct stat &st, const Outcome &outcome);

    /// How many outcomes were stored (parses done), for tests.
    int stores() const;

private:
    struct Key
    {
        dev_t dev = 0;
        ino_t ino = 0;
        off_t size = 0;
        timespec mtime{};
        timespec ctime{};
        bool operator==(const Key &other) const;
    };
    struct Entry
    {
        Key key;
        Outcome outcome;
    };
    static Key keyOf(const struct stat &st);

    mutable QMutex m_mutex; ///< GetSaved of both families run on two worker threads
    std::optional<Entry> m_entries[2];
    int m_stores = 0;
};

} // namespace Userchain

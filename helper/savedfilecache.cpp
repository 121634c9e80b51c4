#include "savedfilecache.h"

namespace Userchain {

namespace {
int slot(Family family)
{
    return family == Family::IPv4 ? 0 : 1;
}

bool sameTime(const timespec &a, const timespec &b)
{
    return a.tv_sec == b.tv_sec && a.tv_nsec == b.tv_nsec;
}
} // namespace

bool SavedFileCache::Key::operator==(const Key &other) const
{
    return dev == other.dev && ino == other.ino && size == other.size &&
           sameTime(mtime, other.mtime) && sameTime(ctime, other.ctime);
}

SavedFileCache::Key SavedFileCache::keyOf(const struct stat &st)
{
    return {st.st_dev, st.st_ino, st.st_size, st.st_mtim, st.st_ctim};
}

std::optional<SavedFileCache::Outcome> SavedFileCache::find(Family family, const struct stat &st)
{
    const QMutexLocker locker(&m_mutex);
    const std::optional<Entry> &entry = m_entries[slot(family)];
    if (!entry || !(entry->key == keyOf(st)))
        return std::nullopt;
    return entry->outcome;
}

void SavedFileCache::store(Family family, const struct stat &st, const Outcome &outcome)
{
    const QMutexLocker locker(&m_mutex);
    m_entries[slot(family)] = Entry{keyOf(st), outcome};
    ++m_stores;
}

int SavedFileCache::stores() const
{
    const QMutexLocker locker(&m_mutex);
    return m_stores;
}

} // namespace Userchain

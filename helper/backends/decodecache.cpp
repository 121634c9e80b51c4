#include "decodecache.h"

// The C library's headers first: the kernel's netfilter headers then skip their own copies.
#include <netinet/in.h>

#include <linux/netfilter/x_tables.h>
#include <linux/netfilter_ipv4/ip_tables.h>
#include <linux/netfilter_ipv6/ip6_tables.h>

#include <cstddef>
#include <cstring>

namespace Userchain {

bool DecodeCache::find(Family family, const QByteArray &key, BackendRule *out)
{
    const int f = slot(family);
    const auto it = recent[f].constFind(key);
    if (it != recent[f].constEnd()) {
        *out = it.value();
        return true;
    }
    const auto old = older[f].find(key);
    if (old == older[f].end())
        return false;
    *out = old.value();
    older[f].erase(old);
    insert(family, key, *out);
    return true;
}

void DecodeCache::insert(Family family, const QByteArray &key, const BackendRule &rule)
{
    const int f = slot(family);
    if (recent[f].size() >= Generation) {
        older[f] = std::move(recent[f]);
        recent[f] = {};
    }
    BackendRule kept = rule;
    kept.packets = 0;
    kept.bytes = 0;
    recent[f].insert(key, kept);
}

namespace {

template <typename Entry>
bool appendEntryFingerprint(QByteArray &out, const void *data, const char *target)
{
    Entry e;
    std::memcpy(&e, data, sizeof(e));
    const size_t size = e.next_offset;
    const size_t targetOffset = e.target_offset;
    if (targetOffset < sizeof(Entry) || targetOffset + sizeof(xt_entry_target) > size)
        return false;
    const qsizetype at = out.size();
    out.append(static_cast<const char *>(data), qsizetype(size));
    char *copy = out.data() + at;
    std::memset(copy + offsetof(Entry, counters), 0, sizeof(e.counters));
    std::memset(copy + offsetof(Entry, comefrom), 0, sizeof(e.comefrom));
    // Match and target headers alike: u16 size, then the name field.
    const auto clearNameTail = [copy](size_t offset) {
        char *name = copy + offset + offsetof(xt_entry_match, u.user.name);
        const size_t length = strnlen(name, XT_EXTENSION_MAXNAMELEN);
        std::memset(name + length, 0, XT_EXTENSION_MAXNAMELEN - length);
    };
    for (size_t offset = sizeof(Entry); offset < targetOffset;) {
        xt_entry_match match;
        std::memcpy(&match, copy + offset, sizeof(match));
        if (match.u.match_size < sizeof(xt_entry_match) ||
            offset + match.u.match_size > targetOffset)
            return false;
        clearNameTail(offset);
        offset += match.u.match_size;
    }
    clearNameTail(targetOffset);
    xt_entry_target header;
    std::memcpy(&header, copy + targetOffset, sizeof(header));
    if (header.u.user.name[0] == '\0' && header.u.target_size >= sizeof(xt_standard_target))
        std::memset(copy + targetOffset + offsetof(xt_standard_target, verdict), 0, sizeof(int));
    out.append(target ? target : "");
    out.append('\0');
    return true;
}

} // namespace

bool DecodeCache::appendFingerprint(QByteArray &out, const void *data, Family family,
                                    const char *target)
{
    return family == Family::IPv4 ? appendEntryFingerprint<struct ipt_entry>(out, data, target)
                                  : appendEntryFingerprint<struct ip6t_entry>(out, data, target);
}

} // namespace Userchain

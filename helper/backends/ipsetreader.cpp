#include "ipsetreader.h"

#include "nftnetlink.h"

// The C library's network headers before the kernel's, which then leave out what they define.
#include <algorithm>
#include <arpa/inet.h>
#include <sys/socket.h>

#include <libmnl/libmnl.h>
#include <linux/netfilter.h>
#include <linux/netfilter/ipset/ip_set.h>
#include <linux/netfilter/nfnetlink.h>

namespace Userchain {

namespace {

/// One set as its dump arrives: header facts, then entries, packed as IpsetInfo says.
struct SetDump
{
    Family family = Family::IPv4;
    int budget = 0; ///< entries this set may still hold
    bool header = false;
    bool hashIp = false;
    int netmask = -1; ///< hash:ip's netmask; -1: none (full length)
    QByteArray entries;
};

int bitsOf(Family family)
{
    return family == Family::IPv4 ? 32 : 128;
}

/// Collects a nest's attributes by type; false when one is out of range or repeated.
struct Attributes
{
    static constexpr int Max = 32;
    const nlattr *at[Max + 1] = {};
    bool ok = true;
};

int collect(const nlattr *attr, void *data)
{
    auto *attrs = static_cast<Attributes *>(data);
    const int type = mnl_attr_get_type(attr);
    if (type > Attributes::Max || attrs->at[type]) {
        attrs->ok = false;
        return MNL_CB_ERROR;
    }
    attrs->at[type] = attr;
    return MNL_CB_OK;
}

bool nested(const nlattr *attr, Attributes *out)
{
    return attr && mnl_attr_validate(attr, MNL_TYPE_NESTED) >= 0 &&
           mnl_attr_parse_nested(attr, collect, out) >= 0 && out->ok;
}

bool u8(const nlattr *attr, int *value)
{
    if (!attr || mnl_attr_validate(attr, MNL_TYPE_U8) < 0)
        return false;
    *value = mnl_attr_get_u8(attr);
    return true;
}

/// The set header (IPSET_ATTR_DATA of the first message): only attributes that do not change
/// what matches (sizes, counts, defaults, extensions' flags), and hash:ip's netmask.
bool readHeader(const nlattr *data, SetDump *dump)
{
    Attributes a;
    if (!nested(data, &a))
        return false;
    for (int type = 0; type <= Attributes::Max; ++type) {
        if (!a.at[type])
            continue;
        switch (type) {
        case IPSET_ATTR_NETMASK:
            if (!dump->hashIp || !u8(a.at[type], &dump->netmask) || dump->netmask < 1 ||
                dump->netmask > bitsOf(dump->family))
                return false;
            break;
        case IPSET_ATTR_TIMEOUT:
        case IPSET_ATTR_CADT_FLAGS:
        case IPSET_ATTR_INITVAL:
        case IPSET_ATTR_HASHSIZE:
        case IPSET_ATTR_MAXELEM:
        case IPSET_ATTR_BUCKETSIZE:
        case IPSET_ATTR_RESIZE:
        case IPSET_ATTR_SIZE:
        case IPSET_ATTR_ELEMENTS:
        case IPSET_ATTR_REFERENCES:
        case IPSET_ATTR_MEMSIZE:
            break;
        default:
            return false; // e.g. a bitmask (kernel 6.3), which need not be a prefix
        }
    }
    return true;
}

/// One entry (IPSET_ATTR_DATA inside IPSET_ATTR_ADT): its address and prefix, appended.
bool readEntry(const nlattr *data, SetDump *dump)
{
    Attributes a;
    if (!nested(data, &a))
        return false;
    int prefix = dump->hashIp && dump->netmask > 0 ? dump->netmask : bitsOf(dump->family);
    const nlattr *ip = nullptr;
    for (int type = 0; type <= Attributes::Max; ++type) {
        if (!a.at[type])
            continue;
        switch (type) {
        case IPSET_ATTR_IP:
            ip = a.at[type];
            break;
        case IPSET_ATTR_CIDR:
            if (dump->hashIp || !u8(a.at[type], &prefix) || prefix > bitsOf(dump->family))
                return false;
            break;
        case IPSET_ATTR_CADT_FLAGS:
            if (mnl_attr_validate(a.at[type], MNL_TYPE_U32) < 0 ||
                (ntohl(mnl_attr_get_u32(a.at[type])) & IPSET_FLAG_NOMATCH))
                return false;
            break;
        case IPSET_ATTR_TIMEOUT:
        case IPSET_ATTR_BYTES:
        case IPSET_ATTR_PACKETS:
        case IPSET_ATTR_COMMENT:
        case IPSET_ATTR_SKBMARK:
        case IPSET_ATTR_SKBPRIO:
        case IPSET_ATTR_SKBQUEUE:
        case IPSET_ATTR_PAD:
            break;
        default:
            return false;
        }
    }
    Attributes addr;
    if (!nested(ip, &addr))
        return false;
    const bool v4 = dump->family == Family::IPv4;
    const nlattr *bytes = addr.at[v4 ? IPSET_ATTR_IPADDR_IPV4 : IPSET_ATTR_IPADDR_IPV6];
    const size_t size = v4 ? 4 : 16;
    if (!bytes || mnl_attr_validate2(bytes, MNL_TYPE_BINARY, size) < 0)
        return false;
    if (--dump->budget < 0)
        return false;
    dump->entries.append(static_cast<const char *>(mnl_attr_get_payload(bytes)), qsizetype(size));
    dump->entries.append(char(prefix));
    return true;
}

/// One message of the dump: the set's name, type and family, header, entries.
bool readMessage(const nlmsghdr *nlh, const QByteArray &name, SetDump *dump)
{
    if (nlh->nlmsg_type != ((NFNL_SUBSYS_IPSET << 8) | IPSET_CMD_LIST))
        return false;
    Attributes a;
    if (mnl_attr_parse(nlh, sizeof(nfgenmsg), collect, &a) < 0 || !a.ok)
        return false;
    const nlattr *setName = a.at[IPSET_ATTR_SETNAME];
    if (!setName || mnl_attr_validate(setName, MNL_TYPE_NUL_STRING) < 0 ||
        name != mnl_attr_get_str(setName))
        return false;
    if (const nlattr *type = a.at[IPSET_ATTR_TYPENAME]) {
        if (mnl_attr_validate(type, MNL_TYPE_NUL_STRING) < 0)
            return false;
        const QByteArray typeName = mnl_attr_get_str(type);
        int family = 0;
        const int wanted = dump->family == Family::IPv4 ? NFPROTO_IPV4 : NFPROTO_IPV6;
        if ((typeName != "hash:ip" && typeName != "hash:net") ||
            !u8(a.at[IPSET_ATTR_FAMILY], &family) || family != wanted)
            return false;
        dump->hashIp = typeName == "hash:ip";
        if (!readHeader(a.at[IPSET_ATTR_DATA], dump))
            return false;
        dump->header = true;
    }
    // Entries come after the header, in as many messages as they take.
    if (const nlattr *adt = a.at[IPSET_ATTR_ADT]) {
        if (!dump->header || mnl_attr_validate(adt, MNL_TYPE_NESTED) < 0)
            return false;
        // mnl_attr_for_each_nested, without its C-only cast.
        const char *const end =
            static_cast<const char *>(mnl_attr_get_payload(adt)) + mnl_attr_get_payload_len(adt);
        for (auto *entry = static_cast<const nlattr *>(mnl_attr_get_payload(adt));
             mnl_attr_ok(entry, int(end - reinterpret_cast<const char *>(entry)));
             entry = mnl_attr_next(entry)) {
            if (mnl_attr_get_type(entry) != IPSET_ATTR_DATA || !readEntry(entry, dump))
                return false;
        }
    }
    return true;
}

} // namespace

QList<IpsetInfo> IpsetReader::read(const QStringList &names, Family family)
{
    QList<IpsetInfo> out;
    QStringList seen;
    int left = MaxEntries;
    NftNetlink netlink;
    for (const QString &name : names) {
        const QByteArray bytes = name.toUtf8();
        if (seen.contains(name) || seen.size() >= MaxSets || bytes.isEmpty() ||
            bytes.size() >= IPSET_MAXNAMELEN || bytes.contains('\0'))
            continue;
        seen << name;
        QByteArray message(MNL_SOCKET_BUFFER_SIZE, '\0');
        nlmsghdr *nlh = mnl_nlmsg_put_header(message.data());
        nlh->nlmsg_type = (NFNL_SUBSYS_IPSET << 8) | IPSET_CMD_LIST;
        nlh->nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
        auto *nfg = static_cast<nfgenmsg *>(mnl_nlmsg_put_extra_header(nlh, sizeof(nfgenmsg)));
        nfg->nfgen_family = AF_INET; // as libipset: the set's own family is in its header
        nfg->version = NFNETLINK_V0;
        nfg->res_id = 0;
        mnl_attr_put_u8(nlh, IPSET_ATTR_PROTOCOL, IPSET_PROTOCOL);
        mnl_attr_put_strz(nlh, IPSET_ATTR_SETNAME, bytes.constData());
        message.resize(qsizetype(nlh->nlmsg_len));

        SetDump dump;
        dump.family = family;
        dump.budget = std::min(MaxEntriesPerSet, left);
        QString error;
        // A message that does not fit stops the dump (the socket is then opened afresh).
        const bool ok = netlink.request(
            message, [&](const nlmsghdr *m) { return readMessage(m, bytes, &dump); }, &error);
        if (!ok || !dump.header)
            continue;
        left -= int(dump.entries.size() / ipsetEntrySize(int(family)));
        out.append({name, dump.entries});
    }
    return out;
}

} // namespace Userchain

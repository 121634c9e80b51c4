#include "nftnativeforms.h"

// The C library's headers first: the kernel's netfilter headers then skip their own copies.
#include <netinet/in.h>

#include <libnftnl/expr.h>
#include <linux/netfilter/nf_tables.h>
#include <linux/netfilter/x_tables.h>
#include <linux/netfilter/xt_NFLOG.h>
#include <linux/netfilter/xt_limit.h>

#include <cstring>

namespace Userchain {
namespace NftNativeForms {

namespace {

template <typename T> QByteArray padded(const T &info)
{
    QByteArray data(reinterpret_cast<const char *>(&info), int(sizeof(info)));
    data.append(QByteArray(int(XT_ALIGN(sizeof(info)) - sizeof(info)), '\0'));
    return data;
}

} // namespace

std::optional<NftEntry::Match> limitMatch(const nftnl_expr *e, QString *why)
{
    if (nftnl_expr_get_u32(e, NFTNL_EXPR_LIMIT_TYPE) != NFT_LIMIT_PKTS ||
        nftnl_expr_get_u32(e, NFTNL_EXPR_LIMIT_FLAGS) != 0) {
        *why = QStringLiteral("limit of another form");
        return std::nullopt;
    }
    const quint64 rate = nftnl_expr_get_u64(e, NFTNL_EXPR_LIMIT_RATE);
    const quint64 unit = nftnl_expr_get_u64(e, NFTNL_EXPR_LIMIT_UNIT);
    if (rate == 0 || unit == 0 || quint64(XT_LIMIT_SCALE) * unit / rate > 0xffffffffULL) {
        *why = QStringLiteral("limit rate");
        return std::nullopt;
    }
    // nft_parse_limit: avg in 1/XT_LIMIT_SCALE seconds per packet.
    struct xt_rateinfo info;
    std::memset(&info, 0, sizeof(info));
    info.avg = quint32(quint64(XT_LIMIT_SCALE) * unit / rate);
    info.burst = nftnl_expr_get_u32(e, NFTNL_EXPR_LIMIT_BURST);
    NftEntry::Match m;
    m.name = "limit";
    m.revision = 0;
    m.data = QByteArray(reinterpret_cast<const char *>(&info), sizeof(info));
    return m;
}

std::optional<NftEntry::Match> nflogTarget(const nftnl_expr *e, QString *why)
{
    if (!nftnl_expr_is_set(e, NFTNL_EXPR_LOG_GROUP) || nftnl_expr_is_set(e, NFTNL_EXPR_LOG_LEVEL) ||
        nftnl_expr_is_set(e, NFTNL_EXPR_LOG_FLAGS)) {
        *why = QStringLiteral("log of another form");
        return std::nullopt;
    }
    struct xt_nflog_info info;
    std::memset(&info, 0, sizeof(info));
    info.group = nftnl_expr_get_u16(e, NFTNL_EXPR_LOG_GROUP);
    if (nftnl_expr_is_set(e, NFTNL_EXPR_LOG_QTHRESHOLD))
        info.threshold = nftnl_expr_get_u16(e, NFTNL_EXPR_LOG_QTHRESHOLD);
    if (nftnl_expr_is_set(e, NFTNL_EXPR_LOG_SNAPLEN)) {
        info.len = nftnl_expr_get_u32(e, NFTNL_EXPR_LOG_SNAPLEN);
        info.flags = XT_NFLOG_F_COPY_LEN;
    }
    if (nftnl_expr_is_set(e, NFTNL_EXPR_LOG_PREFIX)) {
        const char *prefix = nftnl_expr_get_str(e, NFTNL_EXPR_LOG_PREFIX);
        if (!prefix || std::strlen(prefix) >= sizeof(info.prefix)) {
            *why = QStringLiteral("log prefix longer than NFLOG's");
            return std::nullopt;
        }
        std::memcpy(info.prefix, prefix, std::strlen(prefix));
    }
    NftEntry::Match t;
    t.name = "NFLOG";
    t.revision = 0;
    t.data = padded(info);
    return t;
}

} // namespace NftNativeForms
} // namespace Userchain

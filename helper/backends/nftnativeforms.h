#pragma once

#include "nftentry.h"

#include <QString>
#include <optional>

struct nftnl_expr;

namespace Userchain {

/**
 * The native nf_tables expressions iptables-nft 1.8.9 writes for some x_tables extensions,
 * read back as the extension's x_tables info (nft_parse_limit, nft_parse_log): NftRuleDecoder
 * then treats them like any match or target. The other direction is NftRuleEncoder's.
 */
namespace NftNativeForms {

/// A `limit` expression (packets, no flags) as `-m limit` revision 0; nullopt with why set.
std::optional<NftEntry::Match> limitMatch(const nftnl_expr *e, QString *why);

/// A `log` expression with a group (prefix, snap length and queue threshold when set) as
/// `-j NFLOG` revision 0. Prefixes longer than NFLOG's 63 bytes come only from other tools.
std::optional<NftEntry::Match> nflogTarget(const nftnl_expr *e, QString *why);

} // namespace NftNativeForms

} // namespace Userchain

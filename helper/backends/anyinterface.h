#pragma once

#include "backend.h"

#include <cstddef>

namespace Userchain {

/**
 * `-i +` / `-o +`, "any interface": iptables stores it as the name "+" with an empty mask
 * (iptables-nft as an interface load that is compared with nothing), and iptables-save prints
 * nothing for it, so a rule decoded the way iptables-save prints it encodes to other bytes.
 * Userchain's rule text keeps it (RuleParser), and this puts it back into a rule decoded from
 * such an entry, so that the typed rule writes exactly what the kernel holds.
 */
namespace AnyInterface {

/**
 * For a typed rule (raw empty) decoded from the x_tables entry at data: sets the in and out
 * interface to "+" where the entry has that wildcard (not inverted) and the rule has none, and
 * then the displaySpec to the rule's text. True when it changed the rule.
 */
bool restore(const void *data, size_t size, Family family, BackendRule *rule);

} // namespace AnyInterface

} // namespace Userchain

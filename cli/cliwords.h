#pragma once

#include "rule.h"
#include "rulerefusal.h"
#include "snapshotnote.h"

#include <QString>

namespace Userchain {

/**
 * userchainctl's words for the helper's codes, all in one place: the backend detail and the
 * warnings of a Snapshot (SnapshotNote) and the refusals of an InvalidRule error (RuleRefusal).
 * The helper sends codes with arguments, never sentences; the GUI words the same codes through
 * tr() (HelperCodeText). A code this client does not know (a newer helper) is shown as it came.
 */
class CliWords final
{
public:
    /// Why this backend (Snapshot::backendDetail), e.g. "Docker's IPv4 chains are in iptables-nft
    /// (nf_tables)."
    static QString detail(const SnapshotNote &note, Family family);
    static QString warning(const SnapshotNote &note, Family family);
    /// The words of one refusal, without where it is ("unknown option ...").
    static QString reason(const RuleRefusal &refusal);
    /// "rule N: words", "line N: words", or the words of a "more" line.
    static QString refusal(const RuleRefusal &refusal);
    /// Every refusal of an InvalidRule message, one refusal() a line.
    static QString refusals(const QString &message);
};

} // namespace Userchain

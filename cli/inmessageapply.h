#pragma once

#include "blockinghelperclient.h"

namespace Userchain {

/**
 * ApplyFile's work done on the client's side, for connections that cannot carry its sealed
 * memfds (ssh forwards bytes, not descriptors): the file is parsed here with the same
 * importDockerUser the helper uses, a line that repeats the text of a rule the helper keeps
 * verbatim stands for that rule (as the helper does), and the rules travel in the message of
 * Apply, where the helper bounds and parses every one again (the same limits and checks).
 *
 * The diff is made against the snapshot whose revision the Apply quotes, so it is exactly what
 * the helper replaces; without an expected revision (ApplyAnyRevision) a chain that changes in
 * between is read again, a few times, rather than overwritten unseen.
 */
class InMessageApply final
{
public:
    /// Same contract as BlockingHelperClient::applyFile (InvalidRule: RuleRefusal lines by line
    /// of the file, "line N ...").
    static bool run(BlockingHelperClient &client, Family family, const QByteArray &data,
                    const QString &expectedRevision, uint confirmSeconds, uint flags,
                    BlockingHelperClient::FileApplied *out, BlockingHelperClient::Failure *failure);
};

} // namespace Userchain

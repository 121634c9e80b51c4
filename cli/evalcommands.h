#pragma once

#include "exitcode.h"
#include "rule.h"

#include <QString>

namespace Userchain {

/**
 * `trace` and `exposure`: what the rules do to a packet, and which new connections reach each
 * published port. They read the live tables through the helper (polkit: io.github.userchain.read)
 * or a saved iptables-save output (`--file`, no root needed; `--ipsets`: an `ipset save` output
 * for the sets its rules name, which the helper otherwise reads from the kernel).
 */
class EvalCommands final
{
public:
    struct TraceOptions
    {
        Family family = Family::IPv4;
        QString file;   ///< empty: the live host through the helper
        QString ipsets; ///< with file: an `ipset save` output
        bool json = false;
        QString in, src, dst, proto, dport, state;
    };
    static ExitCode trace(const TraceOptions &options);
    static ExitCode exposure(Family family, const QString &file, const QString &ipsets, bool json);
};

} // namespace Userchain

#pragma once

#include <QString>

/// One thing the window must tell the user about the system's state.
struct Notice
{
    enum class Severity { Info, Warning, Error };
    enum class Action {
        None,
        Retry,       ///< ask the helper again
        CreateChain, ///< apply with ApplyCreateChain | ApplyCreateJump
        FixJump,     ///< apply with ApplyCreateJump
        Reload,      ///< drop edits and show the system's rules
        Rebase,      ///< keep the edits on top of the system's rules (EditSession::rebase)
        Review,      ///< review and apply this family
    };

    QString id; ///< stable key, e.g. "nft-backend"; tests and the bar use it
    Severity severity = Severity::Info;
    QString title;
    QString text;
    /// Something to copy, shown in a fixed font (e.g. an nftables table to start from).
    QString code;
    Action action = Action::None;
    QString actionText;
    /// A second choice, its button after the first (e.g. the reload that discards edits).
    Action secondAction = Action::None;
    QString secondActionText;
    /// True: nothing useful can be shown; the window shows the notice instead of the table.
    bool blocking = false;
};

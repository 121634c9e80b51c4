#pragma once

#include "editsession.h"
#include "notice.h"

#include <QCoreApplication>

/**
 * The banner's words when DOCKER-USER changed outside Userchain under the user's edits: first
 * the choice (keep the edits on top of the new rules, or reload and discard them), then, after
 * a rebase, what it kept, what stayed removed and what the user must check.
 */
class RebaseNotice final
{
    Q_DECLARE_TR_FUNCTIONS(RebaseNotice)
public:
    /// DOCKER-USER changed under pending edits: "Keep my edits (rebase)" or "Reload".
    static Notice changedOutside(Userchain::Family family);
    /// What EditSession::rebase() did, in plain words, with the way to the review.
    static Notice rebased(Userchain::Family family, const EditSession::RebaseSummary &summary);

private:
    Q_DISABLE_COPY_MOVE(RebaseNotice)
    RebaseNotice() = default;
};

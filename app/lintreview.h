#pragma once

#include <QCoreApplication>
#include <QStringList>

class EditSession;

/**
 * The lints the apply review lists: those of the rules the user's change adds or edits (the
 * diff's added lines), each as one line ("rule 3: ACCEPT skips Docker's checks — use RETURN
 * instead of ACCEPT"). Rules the change leaves alone are the table's business, not the review's.
 * Computed at review time on the edited snapshot, so it never lags behind the table.
 */
class LintReview final
{
    Q_DECLARE_TR_FUNCTIONS(LintReview)
public:
    static QStringList lines(const EditSession &session);
    /// lines() as a paragraph for the review, or an empty string when there are none.
    static QString html(const EditSession &session);
};

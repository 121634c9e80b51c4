#include "rebasenotice.h"

#include "familytext.h"

namespace {
QString title(Userchain::Family family)
{
    return RebaseNotice::tr("DOCKER-USER (%1) changed outside Userchain")
        .arg(FamilyText::name(family));
}

QString rule(const QString &spec)
{
    return QStringLiteral("-A DOCKER-USER ") + spec;
}
} // namespace

Notice RebaseNotice::changedOutside(Userchain::Family family)
{
    Notice n;
    n.id = QStringLiteral("changed-outside");
    n.severity = Notice::Severity::Warning;
    n.title = title(family);
    n.text = tr("The system's rules are no longer the ones your edits started from, so Apply "
                "would be refused.\n"
                "Keep my edits: your edits go on top of the current rules. Rules added outside "
                "stay in their place (marked), rules removed outside stay removed, and you "
                "review the result before anything is applied.\n"
                "Reload: shows the current rules and discards your edits.");
    n.action = Notice::Action::Rebase;
    n.actionText = tr("Keep my edits (rebase)");
    n.secondAction = Notice::Action::Reload;
    n.secondActionText = tr("Reload (discard my edits)");
    return n;
}

Notice RebaseNotice::rebased(Userchain::Family family, const EditSession::RebaseSummary &summary)
{
    Notice n;
    n.id = QStringLiteral("rebased");
    n.severity = summary.conflicts.isEmpty() ? Notice::Severity::Info : Notice::Severity::Warning;
    n.title = title(family);
    // Separate singular sentences: the English text must read right without a translation.
    QStringList parts;
    if (const int kept = summary.keptOutside; kept == 1) {
        parts << tr("%n rule added outside Userchain was kept and is marked (bold) in the table.",
                    nullptr, kept);
    } else if (kept > 1) {
        parts << tr(
            "%n rules added outside Userchain were kept and are marked (bold) in the table.",
            nullptr, kept);
    }
    if (const int removed = summary.removedOutside; removed == 1) {
        parts << tr("%n rule removed outside Userchain stays removed.", nullptr, removed);
    } else if (removed > 1) {
        parts << tr("%n rules removed outside Userchain stay removed.", nullptr, removed);
    }
    if (summary.edits == 0) {
        parts << tr("Your table now holds the current rules: there is nothing to apply.");
    } else {
        parts << (summary.edits == 1 ? tr("Your edit is kept on top of the current rules.")
                                     : tr("Your %n edits are kept on top of the current rules.",
                                          nullptr, summary.edits))
              << tr("Review and apply.");
        n.action = Notice::Action::Review;
        n.actionText = tr("Review and apply…");
    }
    n.text = parts.join(QLatin1Char(' '));
    if (summary.conflicts.isEmpty()) {
        return n;
    }
    const int count = int(summary.conflicts.size());
    n.text += QLatin1Char('\n') +
              (count == 1 ? tr("One rule was changed both here and outside Userchain; check it "
                               "before you apply:")
                          : tr("%n rules were changed both here and outside Userchain; check "
                               "them before you apply:",
                               nullptr, count));
    QStringList code;
    for (const EditSession::RebaseConflict &c : summary.conflicts) {
        using Kind = EditSession::RebaseConflict::Kind;
        switch (c.kind) {
        case Kind::EditedRemovedOutside:
            code << QStringLiteral("# ") +
                        tr("You edited %1, which was removed outside Userchain. Your version is "
                           "kept as a new rule:")
                            .arg(rule(c.baseSpec))
                 << rule(c.mineSpec);
            break;
        case Kind::EditedChangedOutside:
            code << QStringLiteral("# ") +
                        tr("You edited %1, which was changed outside Userchain too. Both "
                           "versions are kept, yours and the one from outside (marked):")
                            .arg(rule(c.baseSpec))
                 << rule(c.mineSpec) << rule(c.theirsSpec);
            break;
        case Kind::DeletedChangedOutside:
            code << QStringLiteral("# ") +
                        tr("You deleted %1, which was changed outside Userchain. The changed "
                           "rule is kept (marked); delete it again if you do not want it:")
                            .arg(rule(c.baseSpec))
                 << rule(c.theirsSpec);
            break;
        }
    }
    n.code = code.join(QLatin1Char('\n'));
    return n;
}

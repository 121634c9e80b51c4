#include "lintreview.h"

#include "editsession.h"
#include "rulediff.h"
#include "rulelints.h"
#include "ruleset.h"
#include "ruletablemodel.h"

#include <QSet>

using Userchain::RuleDiff;

QStringList LintReview::lines(const EditSession &session)
{
    QSet<int> changed;
    for (const RuleDiff::Change &c :
         RuleDiff::compute(session.baselineSpecs(), session.model()->specs())) {
        if (c.kind == RuleDiff::Kind::Added) {
            changed.insert(c.newIndex);
        }
    }
    if (changed.isEmpty()) {
        return {};
    }
    QStringList out;
    const auto ruleset = Userchain::Ruleset::fromSnapshot(session.editedSnapshot());
    for (const Userchain::RuleLint &lint : Userchain::RuleLints::compute(ruleset)) {
        if (changed.contains(lint.rule)) {
            out << Userchain::RuleLints::line(lint);
        }
    }
    return out;
}

QString LintReview::html(const EditSession &session)
{
    const QStringList found = lines(session);
    if (found.isEmpty()) {
        return QString();
    }
    QStringList escaped;
    for (const QString &line : found) {
        escaped << QStringLiteral("• ") + line.toHtmlEscaped();
    }
    return tr("Worth a check in the rules you add or change:") + QStringLiteral("<br>") +
           escaped.join(QStringLiteral("<br>"));
}

#pragma once

#include "rule.h"
#include "rulerefusal.h"
#include "snapshotnote.h"

#include <QCoreApplication>
#include <QString>

/**
 * The GUI's words for the helper's codes: a Snapshot's backend detail and warnings
 * (Userchain::SnapshotNote) and the refusals of an InvalidRule error (Userchain::RuleRefusal),
 * all through tr(). The helper sends codes with arguments, never sentences; userchainctl words
 * the same codes in its own place (CliWords). A code this window does not know (a newer helper)
 * is shown as it came. Names of commands and files are between backticks, as NoticeText
 * renders them.
 */
class HelperCodeText final
{
    Q_DECLARE_TR_FUNCTIONS(HelperCodeText)
public:
    /// Why this backend, or why none (Snapshot::backendDetail).
    static QString detail(const Userchain::SnapshotNote &note, Userchain::Family family);
    static QString warning(const Userchain::SnapshotNote &note, Userchain::Family family);

    /**
     * Why the helper refused a rule. For the parser's reasons (parse, unsupported) with the
     * rule's text at hand, `spec`, the rule is parsed again here, with the same parser, for its
     * words in the user's language and the token at fault (*token, if given); without it, or if
     * it parses here (a helper of another version), the helper's words.
     */
    static QString reason(const Userchain::RuleRefusal &refusal, const QString &spec,
                          Userchain::Family family, QString *token = nullptr);
    /// "Rule 3: ..." / "Line 12: ..." without the rule's text (reason() with no spec).
    static QString refusal(const Userchain::RuleRefusal &refusal);
    /// refusal() of each refusal of an InvalidRule message, one a line.
    static QString refusals(const QString &message);
};

#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace Userchain {

/**
 * Why the helper refused a rule, as data: the rule's position in an Apply list (or the line of a
 * file), the token at fault, a reason code with arguments, and the helper's own words as a
 * fallback. An InvalidRule error's message is one refusal per line in the form of toLine():
 *
 *     rule 3 token 4 "--dprot" parse: unknown option "--dprot" (did you mean --dport?)
 *     line 12 too-long "4352": longer than 4352 bytes
 *     more 17: (17 more errors)
 *
 * The GUI selects the rule and words the reason through tr() (HelperCodeText), the CLI in its
 * own words (CliWords); neither reads the text after the colon except to show it when it does
 * not know the reason. Why in the message and not in an argument of the error: QtDBus hands a
 * client only the error's name and message (QDBusError), the same through every proxy and
 * every QDBusPendingReply, and D-Bus introspection cannot describe an error's arguments.
 */
struct RuleRefusal
{
    enum class Where {
        Rule, ///< number: 1-based position in Apply's list (or in DOCKER-USER, for Save)
        Line, ///< number: 1-based line of a rules file (ApplyFile, the saved file)
        More, ///< number: how many further refusals were left out
    };

    Where where = Where::Rule;
    int number = 0;
    int tokenIndex = -1; ///< index into the rule's tokens (RuleError::tokenIndex); -1: none
    QString token;
    QString reason; ///< a RefusalReason code
    QStringList args;
    QString text; ///< the helper's words (English), for reasons a client does not know

    /// The line of the error message (without '\n').
    QString toLine() const;
    /// Refusals from an InvalidRule message, one per line that has the form; lines that do
    /// not (an older helper's "rule N: ...") become a refusal with an empty reason, their
    /// number taken from a "rule N: " or "line N: " prefix when there is one.
    static QList<RuleRefusal> fromMessage(const QString &message);
    /// toLine() of each, joined by '\n'.
    static QString toMessage(const QList<RuleRefusal> &refusals);
};

/// The reasons of RuleRefusal, with their arguments.
namespace RefusalReason {
/// The strict parser refused the rule (RuleParser); token: the one it names. Clients that have
/// the rule parse it again for the words, in their language.
inline constexpr const char *Parse = "parse";
/// As Parse, but the rule is valid iptables whose extension Userchain does not model.
inline constexpr const char *Unsupported = "unsupported";
/// Longer than the helper takes; args: the limit in bytes.
inline constexpr const char *TooLong = "too-long";
/// Its canonical text would not load as one iptables-restore line (restoreLineFits()).
inline constexpr const char *RestoreLine = "restore-line";
/// A verbatim id longer than any the helper makes; args: the limit.
inline constexpr const char *VerbatimIdTooLong = "verbatim-id-too-long";
/// No rule of DOCKER-USER has this verbatim id (the chain changed); args: the id.
inline constexpr const char *UnknownVerbatim = "unknown-verbatim";
/// The same verbatim rule twice in one list; args: the id.
inline constexpr const char *VerbatimTwice = "verbatim-twice";
/// Save: the live rule is kept verbatim, so its text cannot be loaded again; args: its
/// unknown extensions.
inline constexpr const char *KeptVerbatim = "kept-verbatim";
/// The firewall backend cannot write (or keep) the rule where it is: a native nftables rule
/// moved, an encoding the kernel refused.
inline constexpr const char *Backend = "backend";
/// An error of the file as an iptables-restore file (RestoreFile, importDockerUser); the text
/// is core's message.
inline constexpr const char *File = "file";
} // namespace RefusalReason

} // namespace Userchain

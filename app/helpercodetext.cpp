#include "helpercodetext.h"

#include "familytext.h"
#include "ruleparser.h"

using Userchain::Family;
using Userchain::RuleRefusal;
using Userchain::SnapshotNote;
namespace NoteCode = Userchain::NoteCode;
namespace RefusalReason = Userchain::RefusalReason;

namespace {

QString arg(const SnapshotNote &note, int i)
{
    return note.args.value(i);
}

/// "legacy" -> `iptables-legacy`, "nft" -> `iptables-nft`, for the family's tool.
QString variant(const QString &backend, Family family)
{
    return QStringLiteral("`%1-%2`").arg(FamilyText::tool(family), backend);
}

QString asItCame(const SnapshotNote &note)
{
    return note.args.isEmpty()
               ? note.code
               : QStringLiteral("%1 (%2)").arg(note.code, note.args.join(QLatin1String(", ")));
}

} // namespace

QString HelperCodeText::detail(const SnapshotNote &note, Family family)
{
    const QString name = FamilyText::name(family);
    const QString &c = note.code;
    if (c == QLatin1String(NoteCode::Legacy)) {
        return tr("Docker's %1 chains are in iptables-legacy.").arg(name);
    }
    if (c == QLatin1String(NoteCode::Nft)) {
        return tr("Docker's %1 chains are in iptables-nft (nf_tables).").arg(name);
    }
    if (c == QLatin1String(NoteCode::Both)) {
        return arg(note, 1) == QLatin1String("iptables-v")
                   ? tr("Docker's %1 chains exist in both iptables-legacy and iptables-nft; "
                        "Userchain uses %2, the variant `%3 -V` reports.")
                         .arg(name, variant(arg(note, 0), family), FamilyText::tool(family))
                   : tr("Docker's %1 chains exist in both iptables-legacy and iptables-nft; "
                        "Userchain uses %2, the one holding DOCKER-USER.")
                         .arg(name, variant(arg(note, 0), family));
    }
    if (c == QLatin1String(NoteCode::IptablesDisabled)) {
        return tr("/etc/docker/daemon.json sets \"%1\": false, so Docker creates no %2 chains.")
            .arg(FamilyText::tool(family), name);
    }
    if (c == QLatin1String(NoteCode::DockerNftables)) {
        return tr("Docker uses its nftables firewall backend (Docker 29 and later, "
                  "\"firewall-backend\": \"nftables\"): it creates no DOCKER-USER chain.");
    }
    if (c == QLatin1String(NoteCode::NoDockerChains)) {
        return tr("No Docker %1 chains were found in iptables-legacy or iptables-nft. Is Docker "
                  "running?")
            .arg(name);
    }
    return asItCame(note);
}

QString HelperCodeText::warning(const SnapshotNote &note, Family family)
{
    const QString &c = note.code;
    const QString tool = FamilyText::tool(family);
    if (c == QLatin1String(NoteCode::LegacyUnreadable)) {
        return tr("The %1-legacy filter table cannot be read: %2").arg(tool, arg(note, 0));
    }
    if (c == QLatin1String(NoteCode::NftUninspectable)) {
        return tr("`%1-nft-save` could not be run, so Userchain cannot tell whether Docker's "
                  "chains are in nf_tables: %2")
            .arg(tool, arg(note, 0));
    }
    if (c == QLatin1String(NoteCode::OtherCopyIgnored)) {
        return tr("The %1 copy of Docker's chains is ignored; it is probably left over from an "
                  "earlier Docker or iptables setup.")
            .arg(variant(arg(note, 0), family));
    }
    if (c == QLatin1String(NoteCode::VariantMismatch)) {
        return tr("`%1` is the nf_tables variant, but Docker's chains are in the legacy tables: "
                  "Docker was started with `%1-legacy`.")
            .arg(tool);
    }
    if (c == QLatin1String(NoteCode::LegacyTablesUnused)) {
        return tr("%1-legacy tables exist too, but hold none of Docker's chains.").arg(tool);
    }
    if (c == QLatin1String(NoteCode::IptablesDisabledLeftOver)) {
        return tr("/etc/docker/daemon.json disables Docker's %1 rules: the chains shown are left "
                  "over, and Docker will not maintain them.")
            .arg(tool);
    }
    if (c == QLatin1String(NoteCode::DockerNftables)) {
        return tr("Docker uses its nftables backend (table docker-bridges): a DOCKER-USER chain "
                  "here is left over from iptables mode and Docker no longer maintains it.");
    }
    if (c == QLatin1String(NoteCode::DaemonJsonInvalid)) {
        return tr("/etc/docker/daemon.json is not valid JSON, so Userchain cannot tell how "
                  "Docker is configured (and Docker will not start with it).");
    }
    if (c == QLatin1String(NoteCode::DaemonJsonUnreadable)) {
        return tr("/etc/docker/daemon.json cannot be read, so Userchain cannot tell whether "
                  "Docker manages the firewall.");
    }
    if (c == QLatin1String(NoteCode::DaemonJsonTooLarge)) {
        return tr("/etc/docker/daemon.json is too large to be read (over %1 bytes).")
            .arg(arg(note, 0));
    }
    if (c == QLatin1String(NoteCode::ForwardJumpMissing)) {
        return tr("FORWARD does not jump to DOCKER-USER, so its rules have no effect.");
    }
    if (c == QLatin1String(NoteCode::ForwardJumpNotFirst)) {
        return tr("FORWARD jumps to DOCKER-USER at position %1; the rules before it see packets "
                  "first.")
            .arg(arg(note, 0));
    }
    return asItCame(note);
}

QString HelperCodeText::reason(const RuleRefusal &refusal, const QString &spec, Family family,
                               QString *token)
{
    const QString &r = refusal.reason;
    const QString first = refusal.args.value(0);
    if (token) {
        *token = refusal.token;
    }
    if (r == QLatin1String(RefusalReason::Parse) ||
        r == QLatin1String(RefusalReason::Unsupported)) {
        // The same parser as the helper's, so the same refusal, in the user's language.
        Userchain::RuleError error;
        if (!spec.isEmpty() && !Userchain::RuleParser::parse(spec, family, &error)) {
            if (token && error.tokenIndex >= 0) {
                *token = error.token;
            }
            return error.message;
        }
        return refusal.text;
    }
    if (r == QLatin1String(RefusalReason::TooLong)) {
        return tr("The rule is longer than the %1 bytes the helper takes.").arg(first);
    }
    if (r == QLatin1String(RefusalReason::RestoreLine)) {
        return tr("The rule is too long to be written as one line of an iptables-restore "
                  "file, as the saved rules and exports are.");
    }
    if (r == QLatin1String(RefusalReason::VerbatimIdTooLong)) {
        return tr("The reference to a rule kept as it is (%1 characters at most) is damaged.")
            .arg(first);
    }
    if (r == QLatin1String(RefusalReason::UnknownVerbatim)) {
        return tr("This rule, which Userchain keeps as it is, is no longer in DOCKER-USER: the "
                  "chain changed. Reload and apply again.");
    }
    if (r == QLatin1String(RefusalReason::VerbatimTwice)) {
        return tr("A rule Userchain keeps as it is appears twice; it can only be moved, not "
                  "copied.");
    }
    if (r == QLatin1String(RefusalReason::KeptVerbatim)) {
        return tr("This rule uses extensions Userchain does not know (%1), so its text cannot be "
                  "loaded again. Replace or delete it first.")
            .arg(first);
    }
    if (r == QLatin1String(RefusalReason::Backend)) {
        return tr("The firewall backend cannot write this rule where it is. %1").arg(refusal.text);
    }
    // file, and reasons of a newer helper: its own words.
    return refusal.text;
}

QString HelperCodeText::refusal(const RuleRefusal &refusal)
{
    const QString words = reason(refusal, QString(), Family::IPv4);
    switch (refusal.where) {
    case RuleRefusal::Where::More:
        return tr("(%n more errors)", nullptr, refusal.number);
    case RuleRefusal::Where::Line:
        return refusal.number > 0 ? tr("Line %1: %2").arg(refusal.number).arg(words) : words;
    case RuleRefusal::Where::Rule:
        break;
    }
    return refusal.number > 0 ? tr("Rule %1: %2").arg(refusal.number).arg(words) : words;
}

QString HelperCodeText::refusals(const QString &message)
{
    QStringList lines;
    for (const RuleRefusal &r : RuleRefusal::fromMessage(message)) {
        lines << refusal(r);
    }
    return lines.join(QLatin1Char('\n'));
}

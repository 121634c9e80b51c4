#include "cliwords.h"

namespace Userchain {

namespace {

QString familyName(Family family)
{
    return family == Family::IPv6 ? QStringLiteral("IPv6") : QStringLiteral("IPv4");
}

QString tool(Family family)
{
    return family == Family::IPv6 ? QStringLiteral("ip6tables") : QStringLiteral("iptables");
}

/// "legacy" -> "iptables-legacy", "nft" -> "iptables-nft".
QString variant(const QString &backend)
{
    return QStringLiteral("iptables-") + backend;
}

QString arg(const SnapshotNote &note, int i)
{
    return i < note.args.size() ? note.args.at(i) : QString();
}

/// An unknown code as it came: "code (arg, arg)".
QString asItCame(const SnapshotNote &note)
{
    return note.args.isEmpty()
               ? note.code
               : QStringLiteral("%1 (%2)").arg(note.code, note.args.join(QLatin1String(", ")));
}

} // namespace

QString CliWords::detail(const SnapshotNote &note, Family family)
{
    const QString v = familyName(family);
    if (note.code == QLatin1String(NoteCode::Legacy))
        return QStringLiteral("Docker's %1 chains are in iptables-legacy.").arg(v);
    if (note.code == QLatin1String(NoteCode::Nft))
        return QStringLiteral("Docker's %1 chains are in iptables-nft (nf_tables).").arg(v);
    if (note.code == QLatin1String(NoteCode::Both))
        return QStringLiteral("Docker's %1 chains exist in both iptables-legacy and iptables-nft; "
                              "using %2 (%3).")
            .arg(v, variant(arg(note, 0)),
                 arg(note, 1) == QLatin1String("iptables-v")
                     ? QStringLiteral("what `%1 -V` reports").arg(tool(family))
                     : QStringLiteral("the one holding DOCKER-USER"));
    if (note.code == QLatin1String(NoteCode::IptablesDisabled))
        return QStringLiteral(
                   "/etc/docker/daemon.json sets \"%1\": false, so Docker creates no %2 chains.")
            .arg(tool(family), v);
    if (note.code == QLatin1String(NoteCode::DockerNftables))
        return QStringLiteral(
            "Docker uses its nftables firewall backend (Docker 29 and later, \"firewall-backend\": "
            "\"nftables\"): it creates no DOCKER-USER chain. Docker recommends putting your own "
            "rules in a separate nftables table, in base chains on the forward hook whose "
            "priority runs before Docker's; Userchain does not edit nftables tables.");
    if (note.code == QLatin1String(NoteCode::NoDockerChains))
        return QStringLiteral("No Docker %1 chains found in iptables-legacy or iptables-nft; is "
                              "Docker running?")
            .arg(v);
    return asItCame(note);
}

QString CliWords::warning(const SnapshotNote &note, Family family)
{
    const QString &c = note.code;
    if (c == QLatin1String(NoteCode::LegacyUnreadable))
        return QStringLiteral("cannot read the iptables-legacy filter table: %1").arg(arg(note, 0));
    if (c == QLatin1String(NoteCode::NftUninspectable))
        return QStringLiteral("cannot inspect iptables-nft: %1").arg(arg(note, 0));
    if (c == QLatin1String(NoteCode::OtherCopyIgnored))
        return QStringLiteral("the %1 copy of Docker's chains is ignored; it is probably left over "
                              "from an earlier Docker or iptables setup.")
            .arg(variant(arg(note, 0)));
    if (c == QLatin1String(NoteCode::VariantMismatch))
        return QStringLiteral("`%1` is the nf_tables variant, but Docker's chains are in the "
                              "legacy tables: Docker was started with %1-legacy.")
            .arg(tool(family));
    if (c == QLatin1String(NoteCode::LegacyTablesUnused))
        return QStringLiteral("iptables-legacy tables exist too but hold none of Docker's chains.");
    if (c == QLatin1String(NoteCode::IptablesDisabledLeftOver))
        return QStringLiteral("daemon.json disables Docker's iptables rules; the chains present "
                              "are left over and Docker will not maintain them.");
    if (c == QLatin1String(NoteCode::DockerNftables))
        return QStringLiteral("Docker uses its nftables backend (table docker-bridges): a "
                              "DOCKER-USER chain here is left over from iptables mode and Docker "
                              "no longer maintains it; it still filters forwarded traffic for as "
                              "long as FORWARD jumps to it.");
    if (c == QLatin1String(NoteCode::DaemonJsonInvalid))
        return QStringLiteral("/etc/docker/daemon.json is not valid JSON, so how Docker is "
                              "configured is unknown (and Docker will not start with it).");
    if (c == QLatin1String(NoteCode::DaemonJsonUnreadable))
        return QStringLiteral("/etc/docker/daemon.json cannot be read, so whether Docker manages "
                              "the firewall is unknown.");
    if (c == QLatin1String(NoteCode::DaemonJsonTooLarge))
        return QStringLiteral("/etc/docker/daemon.json is too large to be read (over %1 bytes).")
            .arg(arg(note, 0));
    if (c == QLatin1String(NoteCode::ForwardJumpMissing))
        return QStringLiteral("FORWARD does not jump to DOCKER-USER, so its rules have no effect "
                              "(apply with --create-jump to restore the jump).");
    if (c == QLatin1String(NoteCode::ForwardJumpNotFirst))
        return QStringLiteral("FORWARD jumps to DOCKER-USER at position %1, not first: the rules "
                              "before it decide first.")
            .arg(arg(note, 0));
    return asItCame(note);
}

QString CliWords::reason(const RuleRefusal &refusal)
{
    const QString &r = refusal.reason;
    const QString first = refusal.args.value(0);
    if (r == QLatin1String(RefusalReason::TooLong))
        return QStringLiteral("longer than %1 bytes").arg(first);
    if (r == QLatin1String(RefusalReason::VerbatimIdTooLong))
        return QStringLiteral("a verbatim id longer than %1 characters").arg(first);
    if (r == QLatin1String(RefusalReason::UnknownVerbatim))
        return QStringLiteral("no rule of DOCKER-USER is kept verbatim as %1 (the chain changed; "
                              "read it again)")
            .arg(first);
    if (r == QLatin1String(RefusalReason::VerbatimTwice))
        return QStringLiteral("the rule kept verbatim as %1 is given twice").arg(first);
    // parse, unsupported, restore-line, kept-verbatim, file, backend: the helper's words are
    // the parser's and the file reader's, the very ones this client's own reading would print.
    return refusal.text;
}

QString CliWords::refusal(const RuleRefusal &refusal)
{
    switch (refusal.where) {
    case RuleRefusal::Where::More:
        return QStringLiteral("(%1 more errors)").arg(refusal.number);
    case RuleRefusal::Where::Line:
        return refusal.number > 0
                   ? QStringLiteral("line %1: %2").arg(refusal.number).arg(reason(refusal))
                   : reason(refusal);
    case RuleRefusal::Where::Rule:
        break;
    }
    return refusal.number > 0
               ? QStringLiteral("rule %1: %2").arg(refusal.number).arg(reason(refusal))
               : reason(refusal);
}

QString CliWords::refusals(const QString &message)
{
    QStringList lines;
    for (const RuleRefusal &r : RuleRefusal::fromMessage(message))
        lines << refusal(r);
    return lines.join(QLatin1Char('\n'));
}

} // namespace Userchain

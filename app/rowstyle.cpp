#include "rowstyle.h"

#include "rowlints.h"
#include "themecolors.h"

QList<RowStyle::Kind> RowStyle::kinds()
{
    return {Kind::NeverHit,   Kind::Unreachable,  Kind::Verbatim, Kind::Negation,
            Kind::NotApplied, Kind::AddedOutside, Kind::Lint};
}

bool RowStyle::hasFont(Kind kind)
{
    return kind == Kind::Unreachable || kind == Kind::Verbatim || kind == Kind::AddedOutside;
}

QFont RowStyle::font(Kind kind, QFont base)
{
    // Dead rules look like verbatim ones, present but not part of the live policy; the
    // strike-out tells them apart.
    if (kind == Kind::AddedOutside) {
        base.setBold(true); // someone else's rule among the user's: it must catch the eye
    } else if (hasFont(kind)) {
        base.setItalic(true);
        base.setStrikeOut(kind == Kind::Unreachable);
    }
    return base;
}

QColor RowStyle::foreground(Kind kind, const QPalette &palette)
{
    switch (kind) {
    case Kind::Unreachable:
    case Kind::Verbatim:
        return ThemeColors::dimText(palette);
    case Kind::Negation:
        return ThemeColors::negationText(palette);
    case Kind::NeverHit:
    case Kind::NotApplied:
    case Kind::AddedOutside:
    case Kind::Lint:
    case Kind::Traced:
        break;
    }
    return QColor();
}

QColor RowStyle::background(Kind kind, const QPalette &palette)
{
    switch (kind) {
    case Kind::NeverHit:
        return ThemeColors::highlightBackground(palette);
    case Kind::AddedOutside:
        // Tinted like the banner that tells of it, and unlike the never-hit highlight.
        return ThemeColors::toneBackground(ThemeColors::Tone::Info, palette);
    case Kind::Traced:
        return ThemeColors::traceBackground(palette);
    default:
        return QColor();
    }
}

QString RowStyle::sampleText(Kind kind)
{
    switch (kind) {
    case Kind::NeverHit:
        return tr("Never hit");
    case Kind::Unreachable:
        return tr("Never reached");
    case Kind::Verbatim:
        return tr("Kept as it is");
    case Kind::Negation:
        return tr("Not (negated)");
    case Kind::NotApplied:
        return tr("Not applied yet");
    case Kind::AddedOutside:
        return tr("Added outside");
    case Kind::Lint:
        return tr("Check this rule");
    case Kind::Traced:
        return tr("Matched by the tested packet");
    }
    return QString();
}

QString RowStyle::explanation(Kind kind)
{
    switch (kind) {
    case Kind::NeverHit:
        return tr("Packets pass through DOCKER-USER, but none has matched this rule since its "
                  "counters were last reset.");
    case Kind::Unreachable:
        return tr("An earlier rule ends the chain for every packet, so no packet gets here.");
    case Kind::Verbatim:
        return tr("Uses extensions Userchain does not know: kept exactly as it is; you can move "
                  "or delete it, not edit it.");
    case Kind::Negation:
        return tr("The cell matches everything except what it names, e.g. every source but "
                  "192.168.1.1.");
    case Kind::NotApplied:
        return tr("New or changed since the last Apply: the kernel counts packets only for "
                  "rules it holds.");
    case Kind::AddedOutside:
        return tr("Added outside Userchain while you were editing, and kept in its place. "
                  "Delete it if you do not want it.");
    case Kind::Lint:
        return tr("Worth a check, and proven from the rules: this rule never matches, repeats a "
                  "rule above, tests a port Docker has already rewritten, skips Docker's checks "
                  "with ACCEPT, drops replies to the containers' own connections, or names an "
                  "address no published container has. Userchain never guesses: what it cannot "
                  "prove gets no mark. Point at the rule for the reason; its context menu and "
                  "the Edit menu offer the fix where there is one.");
    case Kind::Traced:
        return tr("The packet of Firewall → Test a packet matches this rule on its way; the "
                  "mark goes when that window closes.");
    }
    return QString();
}

QIcon RowStyle::icon(Kind kind)
{
    return kind == Kind::Lint ? RowLints::icon() : QIcon();
}

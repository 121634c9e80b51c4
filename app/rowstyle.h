#pragma once

#include <QColor>
#include <QCoreApplication>
#include <QFont>
#include <QIcon>
#include <QList>
#include <QPalette>

/**
 * How a row of the DOCKER-USER table looks for what it is: never hit, never reached, kept
 * verbatim, a negated match, not applied yet, added outside Userchain, or worth a check (a lint,
 * marked by an icon). RuleTableModel styles its
 * cells and RowLegend draws its samples from here, so the legend always shows the table's own
 * colours and fonts.
 */
class RowStyle final
{
    Q_DECLARE_TR_FUNCTIONS(RowStyle)
public:
    enum class Kind {
        NeverHit,     ///< counters say no packet matched since they were reset
        Unreachable,  ///< after a rule that ends the chain for every packet
        Verbatim,     ///< uses extensions Userchain does not know: kept as it is, read-only
        Negation,     ///< the cell negates ("not 192.168.1.1"), coloured on its own
        NotApplied,   ///< new or changed: no counters until it is applied
        AddedOutside, ///< added outside Userchain under the user's edits, kept by a rebase
        Lint,         ///< a lint (RuleLints): marked by an icon by the rule's number
        Traced,       ///< matched by the packet of Test a packet, while its dialog is open
    };

    /// The kinds the legend shows: all but Traced, which the Test a packet dialog explains.
    static QList<Kind> kinds();
    /// `base` with the kind's italic, strike-out or bold; `base` itself if the kind has none.
    static QFont font(Kind kind, QFont base = QFont());
    /// True if the kind changes the font (the model then sets Qt::FontRole).
    static bool hasFont(Kind kind);
    /// The text colour, or an invalid colour for the palette's own.
    static QColor foreground(Kind kind, const QPalette &palette);
    /// The row's background, or an invalid colour for the palette's own.
    static QColor background(Kind kind, const QPalette &palette);
    /// A few words shown in the legend's sample ("never hit").
    static QString sampleText(Kind kind);
    /// One sentence on what the style means (the sample's tooltip).
    static QString explanation(Kind kind);
    /// The marker the row shows by its number, or a null icon for kinds without one.
    static QIcon icon(Kind kind);

private:
    RowStyle() = delete;
};

#pragma once

#include <QColor>
#include <QPalette>

/**
 * The GUI's few colours of its own (errors, additions, negations, rules never hit, notices),
 * each chosen for the palette in use: a dark red on a light window is unreadable on a dark one.
 * Everything else comes from the palette itself. Widgets that paint with these colours
 * recompute them on QEvent::ApplicationPaletteChange, so a switch of colour scheme (View menu,
 * or the desktop's own) reaches them.
 */
class ThemeColors final
{
public:
    enum class Tone { Info, Warning, Error };

    /// The window background is dark (lightness below the middle).
    static bool isDark(const QPalette &palette);
    static bool isDark();

    /// Text of an error or a removed line.
    static QColor errorText(const QPalette &palette);
    /// Text of a valid rule or an added line.
    static QColor successText(const QPalette &palette);
    /// A moved line of the review.
    static QColor movedText(const QPalette &palette);
    /// A negated match ("not 192.168.1.1").
    static QColor negationText(const QPalette &palette);
    /// Rules that do not take part (verbatim, unreachable) and unchanged context lines.
    static QColor dimText(const QPalette &palette);
    /// Rows never hit by a packet, and rules the host's state gives a special meaning.
    static QColor highlightBackground(const QPalette &palette);
    /// Rules a tested packet matched (Test a packet), in the tables and in the path's boxes.
    static QColor traceBackground(const QPalette &palette);
    static QColor toneBackground(Tone tone, const QPalette &palette);
    static QColor toneBorder(Tone tone, const QPalette &palette);
    /// `QFrame#name { background: ...; border: ... }` for a framed notice of `tone`.
    static QString frameStyleSheet(const QString &objectName, Tone tone, const QPalette &palette,
                                   int radius = 4);
    /// `color: #rrggbb;` for a label's style sheet.
    static QString textStyleSheet(const QColor &color);

private:
    Q_DISABLE_COPY_MOVE(ThemeColors)
    ThemeColors() = default;
};

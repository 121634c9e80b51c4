#include "themecolors.h"

#include <QGuiApplication>

namespace {
QColor pick(const QPalette &palette, QRgb light, QRgb dark)
{
    return QColor::fromRgb(ThemeColors::isDark(palette) ? dark : light);
}
} // namespace

bool ThemeColors::isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

bool ThemeColors::isDark()
{
    return isDark(QGuiApplication::palette());
}

QColor ThemeColors::errorText(const QPalette &palette)
{
    return pick(palette, 0xb00020, 0xff8a80);
}

QColor ThemeColors::successText(const QPalette &palette)
{
    return pick(palette, 0x0a7a2f, 0x7fd88f);
}

QColor ThemeColors::movedText(const QPalette &palette)
{
    return pick(palette, 0x8a5a00, 0xf0c060);
}

QColor ThemeColors::negationText(const QPalette &palette)
{
    return pick(palette, 0xb03000, 0xffab70);
}

QColor ThemeColors::dimText(const QPalette &palette)
{
    // Between text and background reads as "present, but not in play" in light and dark
    // alike, and keeps a contrast of about 5:1 against the background in both.
    const QColor text = palette.color(QPalette::Text);
    const QColor base = palette.color(QPalette::Base);
    auto mix = [](int t, int b) {
        return (t * 3 + b * 2) / 5;
    };
    return QColor(mix(text.red(), base.red()), mix(text.green(), base.green()),
                  mix(text.blue(), base.blue()));
}

QColor ThemeColors::highlightBackground(const QPalette &palette)
{
    // A soft amber on light tables, a deep one under light text on dark tables.
    return pick(palette, 0xfff3cd, 0x4d3b12);
}

QColor ThemeColors::traceBackground(const QPalette &palette)
{
    // Green, unlike the amber of rules never hit: a tested packet's rules may be never hit too.
    return pick(palette, 0xd3f0dc, 0x1e4a2e);
}

QColor ThemeColors::toneBackground(Tone tone, const QPalette &palette)
{
    switch (tone) {
    case Tone::Info:
        return pick(palette, 0xe8f0fe, 0x1d2d44);
    case Tone::Warning:
        return pick(palette, 0xfff4e0, 0x3f3116);
    case Tone::Error:
        return pick(palette, 0xfde7e9, 0x46202a);
    }
    return QColor();
}

QColor ThemeColors::toneBorder(Tone tone, const QPalette &palette)
{
    switch (tone) {
    case Tone::Info:
        return pick(palette, 0x8ab4f8, 0x4f79b8);
    case Tone::Warning:
        return pick(palette, 0xf0b050, 0xa87a28);
    case Tone::Error:
        return pick(palette, 0xe07070, 0xb85a66);
    }
    return QColor();
}

QString ThemeColors::frameStyleSheet(const QString &objectName, Tone tone, const QPalette &palette,
                                     int radius)
{
    return QStringLiteral(
               "QFrame#%1 { background: %2; border: 1px solid %3; border-radius: %4px; }")
        .arg(objectName, toneBackground(tone, palette).name(), toneBorder(tone, palette).name())
        .arg(radius);
}

QString ThemeColors::textStyleSheet(const QColor &color)
{
    return QStringLiteral("color: %1;").arg(color.name());
}

#pragma once

#include <QPalette>
#include <QString>

class QAction;

/**
 * The window's colours: the desktop's own (the default), or Qt's Fusion style with a light or
 * a dark palette. Qt 6.4 cannot ask the desktop which it prefers, so a user whose desktop theme
 * does not reach Qt picks light or dark in the View menu; the choice is kept in QSettings
 * (`appearance/colorScheme`: `system`, `light`, `dark`) and applied by main() before the window
 * is built.
 */
class ColorScheme final
{
public:
    enum class Scheme { System, Light, Dark };

    /// The scheme QSettings remembers; System when none or an unknown one is stored.
    static Scheme saved();
    static void save(Scheme scheme);
    /// Sets the application's style and palette; System gives back the ones Qt started with.
    static void apply(Scheme scheme);
    static Scheme current();
    /// Fusion's light and dark palettes (the dark one is Userchain's).
    static QPalette lightPalette();
    static QPalette darkPalette();
    static QString key(Scheme scheme);
    static Scheme fromKey(const QString &key);
    /**
     * Makes the three checkable actions a choice: the current scheme checked, a click applies
     * and remembers its scheme.
     */
    static void bindActions(QAction *system, QAction *light, QAction *dark);

private:
    Q_DISABLE_COPY_MOVE(ColorScheme)
    ColorScheme() = default;
};

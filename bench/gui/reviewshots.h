#pragma once

#include <QDir>
#include <functional>

class MainWindow;
class QWidget;

/// In screenshots.cpp: saves the X server's picture of `window`'s frame.
bool shoot(const QWidget *window, const QString &path);
/// In screenshots.cpp: processes events until `condition` holds (30 s at most).
bool waitFor(const std::function<bool()> &condition);

/**
 * The views a newcomer meets, for review before a change lands: the table with its explanation
 * and legend, a long message, a refused cell edit, the published-port wizard restricting a port
 * (and warning about a rule that would catch it first), the raw editor with a command from
 * Docker's page, the chain changed outside and rebased, the quit question, the IPv6 tab, a
 * tested packet (dropped, and let through) and the guide; each in the light and the dark
 * scheme, named SCHEME-VIEW.png.
 */
class ReviewShots final
{
public:
    static bool run(MainWindow *window, const QDir &out);
};

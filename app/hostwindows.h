#pragma once

#include "bustarget.h"

#include <functional>

class HelperClient;
class MainWindow;
class QWidget;

/**
 * Opens the GUI's windows, one per host: this computer's at start (or `--host`'s), and another
 * for each host of File → Connect to Host…. Each window has its own HelperClient and
 * ConnectionController, shows itself at once and connects without blocking, and is deleted
 * when it closes.
 */
class HostWindows final
{
public:
    /// Makes the HelperClient of a new window (tests: a fake); default a real, unconnected one.
    using HelperFactory = std::function<HelperClient *()>;

    /// The window of `target`, shown and raised: the open one, else a new one that connects.
    static MainWindow *open(const Userchain::BusTarget &target);
    /// Asks for a host (ConnectDialog), remembers it among the recent hosts and opens its
    /// window; nullptr if cancelled.
    static MainWindow *openWithDialog(QWidget *parent);
    /// The open window of `target`, or nullptr.
    static MainWindow *find(const Userchain::BusTarget &target);
    static void setHelperFactory(HelperFactory factory);

private:
    Q_DISABLE_COPY_MOVE(HostWindows)
    HostWindows() = default;
};

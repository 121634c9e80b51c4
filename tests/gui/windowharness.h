#pragma once

#include "dbustypes.h"

#include <memory>

class FakeHelperClient;
class MainWindow;

/**
 * The main window against a FakeHelperClient that answers with the given snapshots, shown
 * and loaded: what every window test starts from.
 */
class WindowHarness final
{
public:
    WindowHarness();
    ~WindowHarness();

    /// Opens a new window; `v6` without a backend means "no IPv6 chains".
    bool open(const Userchain::Snapshot &v4, const Userchain::Snapshot &v6 = {});
    /// Drops the edits of both families (so closing asks nothing) and closes the window.
    void close();

    FakeHelperClient *helper() const { return m_helper.get(); }
    MainWindow *window() const { return m_window.get(); }

private:
    std::unique_ptr<FakeHelperClient> m_helper;
    std::unique_ptr<MainWindow> m_window;
};

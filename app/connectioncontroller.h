#pragma once

#include "hostconnection.h"

#include <QObject>

class ConnectionBar;
class HelperClient;
class MainWindow;

/**
 * A window's link to its host: opens the HostConnection, hands each new connection to the
 * window's HelperClient and reads the rules, and tells the window how the connection stands
 * (the ConnectionBar above the tabs, the host in the status bar, Apply held while offline).
 * After a lost connection, Reconnect opens a new one and reads the rules again: the edit
 * sessions keep their tables, and a DOCKER-USER changed meanwhile goes through the usual
 * "changed outside" banner.
 */
class ConnectionController final : public QObject
{
    Q_OBJECT
public:
    /// `window` becomes the parent.
    ConnectionController(const Userchain::BusTarget &target, HelperClient *helper,
                         MainWindow *window);

    HostConnection *connection() const { return m_connection; }
    ConnectionBar *bar() const { return m_bar; }
    /// Connects for the first time.
    void start();

private:
    void onStateChanged(HostConnection::State state);
    void onConnected(const QDBusConnection &bus);

    HostConnection *m_connection;
    HelperClient *m_helper;
    MainWindow *m_window;
    ConnectionBar *m_bar;
    bool m_everConnected = false;
};

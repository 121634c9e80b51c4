#include "connectioncontroller.h"

#include "applycontroller.h"
#include "connectionbar.h"
#include "helperclient.h"
#include "mainwindow.h"
#include "persistencecontroller.h"

ConnectionController::ConnectionController(const Userchain::BusTarget &target, HelperClient *helper,
                                           MainWindow *window)
    : QObject(window), m_connection(new HostConnection(target, this)), m_helper(helper),
      m_window(window), m_bar(new ConnectionBar(window))
{
    window->addTopBar(m_bar);
    if (target.isRemote()) {
        window->setHost(target.displayName(), false);
    }
    connect(m_connection, &HostConnection::stateChanged, this,
            &ConnectionController::onStateChanged);
    connect(m_connection, &HostConnection::connected, this, &ConnectionController::onConnected);
    connect(m_bar, &ConnectionBar::reconnectRequested, m_connection, &HostConnection::open);
    connect(m_bar, &ConnectionBar::cancelRequested, m_connection, &HostConnection::cancel);
}

void ConnectionController::start()
{
    m_connection->open();
}

void ConnectionController::onStateChanged(HostConnection::State state)
{
    const bool connected = state == HostConnection::State::Connected;
    m_bar->showState(state, m_connection->hostName(), m_connection->message());
    if (m_connection->target().isRemote()) {
        m_window->setHost(m_connection->hostName(), connected);
    }
    m_window->applyController()->setOnline(connected);
}

void ConnectionController::onConnected(const QDBusConnection &bus)
{
    m_helper->setConnection(bus, m_connection->hostName());
    // The edit sessions keep their tables: the new snapshots rebase them as any refresh does.
    m_window->refresh();
    if (m_everConnected) {
        m_window->persistence()->refreshSaved();
    }
    m_everConnected = true;
}

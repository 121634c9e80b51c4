#include "connectioncontroller.h"

#include "applycontroller.h"
#include "connectionbar.h"
#include "familypage.h"
#include "helperclient.h"
#include "helpererror.h"
#include "mainwindow.h"
#include "persistencecontroller.h"
#include "workspace.h"

#include <QDBusError>

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
    // "Try again" on a family's page after a failed first login: the rules cannot come without
    // a connection, so make one (the window asks for the rules once connected).
    for (const Userchain::Family family : Workspace::families()) {
        connect(window->page(family), &FamilyPage::noticeAction, this, [this](Notice::Action a) {
            if (a == Notice::Action::Retry &&
                m_connection->state() == HostConnection::State::Failed) {
                m_connection->open();
            }
        });
    }
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
    if (state == HostConnection::State::Failed && !m_everConnected) {
        // Nothing was read: the pages say so too, instead of "Reading the firewall…".
        const HelperError error =
            m_connection->target().isRemote()
                ? HelperError::sshFailed(m_connection->hostName(), m_connection->message())
                : HelperError::fromDBus(QDBusError(QDBusError::NoServer, m_connection->message()));
        for (const Userchain::Family family : Workspace::families()) {
            m_window->receiveSnapshotError(int(family), error);
        }
    }
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

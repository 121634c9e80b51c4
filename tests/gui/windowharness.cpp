#include "windowharness.h"

#include "editsession.h"
#include "fakehelperclient.h"
#include "mainwindow.h"
#include "ruleactions.h"
#include "statepage.h"
#include "workspace.h"

#include <QTest>

WindowHarness::WindowHarness() = default;

WindowHarness::~WindowHarness()
{
    close();
}

bool WindowHarness::open(const Userchain::Snapshot &v4, const Userchain::Snapshot &v6)
{
    close();
    m_helper = std::make_unique<FakeHelperClient>();
    m_helper->system = v4;
    m_helper->system6 = v6;
    m_window = std::make_unique<MainWindow>(m_helper.get());
    m_window->ruleActions()->setInterfacesOverride({QStringLiteral("eth0")});
    m_window->show();
    if (!QTest::qWaitForWindowExposed(m_window.get())) {
        return false;
    }
    m_window->refresh();
    Workspace *workspace = m_window->workspace();
    return QTest::qWaitFor([workspace] {
        return workspace->session(Userchain::Family::IPv4)->hasSnapshot() &&
               workspace->session(Userchain::Family::IPv6)->hasSnapshot();
    });
}

void WindowHarness::close()
{
    if (m_window) {
        for (Userchain::Family family : Workspace::families()) {
            EditSession *session = m_window->workspace()->session(family);
            if (session->hasSnapshot()) {
                session->load(session->snapshot());
            }
        }
        m_window->close();
    }
    m_window.reset();
    m_helper.reset();
}

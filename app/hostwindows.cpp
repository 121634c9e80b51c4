#include "hostwindows.h"

#include "connectdialog.h"
#include "connectioncontroller.h"
#include "helperclient.h"
#include "mainwindow.h"
#include "modalrunner.h"
#include "recenthosts.h"

#include <QApplication>

namespace {
HostWindows::HelperFactory &helperFactory()
{
    static HostWindows::HelperFactory factory;
    return factory;
}
} // namespace

void HostWindows::setHelperFactory(HelperFactory factory)
{
    helperFactory() = std::move(factory);
}

MainWindow *HostWindows::find(const Userchain::BusTarget &target)
{
    const QWidgetList windows = QApplication::topLevelWidgets();
    for (QWidget *widget : windows) {
        auto *window = qobject_cast<MainWindow *>(widget);
        const auto *link = window ? window->findChild<ConnectionController *>() : nullptr;
        if (link && link->connection()->target() == target) {
            return window;
        }
    }
    return nullptr;
}

MainWindow *HostWindows::open(const Userchain::BusTarget &target)
{
    if (MainWindow *window = find(target)) {
        window->show();
        window->raise();
        window->activateWindow();
        return window;
    }
    HelperClient *helper =
        helperFactory() ? helperFactory()() : new HelperClient(QDBusConnection(QString()));
    auto *window = new MainWindow(helper);
    window->setAttribute(Qt::WA_DeleteOnClose);
    helper->setParent(window); // deleted after the window's controllers, which use it
    auto *link = new ConnectionController(target, helper, window);
    window->show();
    // After show(): the window paints at once, and the rules fill it in when they arrive.
    link->start();
    return window;
}

MainWindow *HostWindows::openWithDialog(QWidget *parent)
{
    ConnectDialog dialog(parent);
    if (ModalRunner::exec(&dialog) != QDialog::Accepted) {
        return nullptr;
    }
    const auto target = dialog.target();
    if (!target) {
        return nullptr; // Connect is off until the text is a host
    }
    RecentHosts::add(target->displayName());
    return open(*target);
}

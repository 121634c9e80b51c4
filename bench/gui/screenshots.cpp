// Takes the documentation's screenshots of the real window against the real helper: run it in
// scripts/sandbox under xvfb-run (bench/gui/screenshots.sh does both). The X server's own
// picture of the screen is saved, dialogs included, as a user would see it.
//   gui_screenshots OUTDIR   writes OUTDIR/main-window.png, main-window-light.png,
//                            main-window-dark.png, wizard.png, traced-packet.png, ipv6.png,
//                            exposure.png, guide.png
//   gui_screenshots --review OUTDIR
//                            the views a change touched, for a person to look at before it
//                            lands: the window sized to the screen, in the light and the dark
//                            scheme (review.cpp; bench/gui/screenshots.sh --review)
#include "reviewshots.h"

#include "colorscheme.h"
#include "editsession.h"
#include "exposureview.h"
#include "guidedialog.h"
#include "helperclient.h"
#include "mainwindow.h"
#include "modalrunner.h"
#include "packettestdialog.h"
#include "ruleactions.h"
#include "ruletableview.h"
#include "rulewizard.h"
#include "translations.h"
#include "workspace.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDBusConnection>
#include <QDir>
#include <QLineEdit>
#include <QScreen>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <cstdio>

/// Lets the X server catch up, then saves what it shows where the window is.
bool shoot(const QWidget *window, const QString &path)
{
    QTest::qWait(600);
    const QRect r = window->frameGeometry();
    const QPixmap pixmap =
        QGuiApplication::primaryScreen()->grabWindow(0, r.x(), r.y(), r.width(), r.height());
    const bool ok = pixmap.save(path, "PNG");
    std::printf("%s %s (%dx%d)\n", ok ? "wrote" : "could not write", qPrintable(path),
                pixmap.width(), pixmap.height());
    return ok;
}

bool waitFor(const std::function<bool()> &condition)
{
    return QTest::qWaitFor(condition, 30000);
}

int main(int argc, char **argv)
{
    // A new user's settings each time: no saved geometry or columns from an earlier run.
    const QTemporaryDir config;
    qputenv("XDG_CONFIG_HOME", config.path().toLocal8Bit());
    QApplication app(argc, argv);
    QApplication::setApplicationDisplayName(QStringLiteral("Userchain"));
    // As main() does: LANG=de_DE.UTF-8 gives the German window.
    Translations translations;
    translations.load(QLocale::system());
    const bool review = argc > 1 && qstrcmp(argv[1], "--review") == 0;
    const int outArg = review ? 2 : 1;
    const QDir out(argc > outArg ? QString::fromLocal8Bit(argv[outArg]) : QStringLiteral("."));
    HelperClient helper(QDBusConnection::systemBus());
    MainWindow window(&helper);
    window.ruleActions()->setInterfacesOverride({QStringLiteral("eth0")});
    window.move(0, 0);
    window.resize(review ? QGuiApplication::primaryScreen()->availableSize() : QSize(1260, 760));
    window.show();
    window.refresh();
    Workspace *workspace = window.workspace();
    if (!waitFor([workspace] {
            return workspace->session(Userchain::Family::IPv4)->hasSnapshot() &&
                   workspace->session(Userchain::Family::IPv6)->hasSnapshot();
        })) {
        std::printf("no snapshot from the helper\n");
        return 1;
    }
    if (review) {
        return ReviewShots::run(&window, out) ? 0 : 1;
    }
    bool ok = true;

    // The IPv4 table with a rule selected.
    window.ruleTableView()->selectRows(1, 1);
    ok &= shoot(&window, out.filePath(QStringLiteral("main-window.png")));

    // The same in the View menu's light and dark colour schemes (for the README).
    ColorScheme::apply(ColorScheme::Scheme::Light);
    ok &= shoot(&window, out.filePath(QStringLiteral("main-window-light.png")));
    ColorScheme::apply(ColorScheme::Scheme::Dark);
    ok &= shoot(&window, out.filePath(QStringLiteral("main-window-dark.png")));
    ColorScheme::apply(ColorScheme::Scheme::System);

    // A wizard over the window, filled in: a published port for anyone, in both families.
    ModalRunner::pushHook([&](QDialog *dialog) {
        auto *wizard = qobject_cast<RuleWizard *>(dialog);
        wizard->show();
        auto *port = wizard->currentPage()->findChild<QComboBox *>(QStringLiteral("port"));
        port->setCurrentIndex(0);
        wizard->currentPage()
            ->findChild<QCheckBox *>(QStringLiteral("alsoOtherFamily"))
            ->setChecked(true);
        ok &= shoot(&window, out.filePath(QStringLiteral("wizard.png")));
        return int(QDialog::Rejected);
    });
    window.ruleTableView()->tableView()->clearSelection();
    window.ruleActions()->runWizard(RuleWizard::PublishedPort);

    // Firewall → Test a packet: a client of the office subnet reaches the published port; its
    // way in boxes, and its rules marked in the table behind.
    PacketTestDialog *test = PacketTestDialog::showFor(&window);
    test->findChild<QLineEdit *>(QStringLiteral("source"))->setText(QStringLiteral("198.51.100.7"));
    test->retrace();
    test->move(window.geometry().right() - test->frameGeometry().width() - 8, 30);
    ok &= shoot(&window, out.filePath(QStringLiteral("traced-packet.png")));
    test->close();

    // IPv6 beside it, with an edit not applied yet (the tab says so).
    window.showFamily(Userchain::Family::IPv6);
    window.ruleActions()->insertRules(
        {QStringLiteral("-p tcp -m conntrack --ctorigdstport 443 --ctdir ORIGINAL -j RETURN")},
        QStringLiteral("Add rule"));
    ok &= shoot(&window, out.filePath(QStringLiteral("ipv6.png")));

    // Who can reach the published ports, with the IPv6 edit above included.
    window.showExposure();
    ok &= waitFor([&window] { return !window.exposureView()->isUpdating(); });
    window.exposureView()->tableView()->selectRow(0);
    ok &= shoot(&window, out.filePath(QStringLiteral("exposure.png")));

    // Help → Guide beside the window.
    GuideDialog *guide = GuideDialog::showFor(&window);
    guide->move(240, 40);
    ok &= shoot(guide, out.filePath(QStringLiteral("guide.png")));
    guide->close();

    for (Userchain::Family family : Workspace::families()) {
        workspace->session(family)->load(workspace->session(family)->snapshot());
    }
    return ok ? 0 : 1;
}

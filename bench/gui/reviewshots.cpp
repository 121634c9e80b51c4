#include "reviewshots.h"

#include "colorscheme.h"
#include "editsession.h"
#include "exposureview.h"
#include "guidedialog.h"
#include "mainwindow.h"
#include "modalrunner.h"
#include "packettestdialog.h"
#include "rawruledialog.h"
#include "ruleactions.h"
#include "ruletablemodel.h"
#include "ruletableview.h"
#include "rulewizard.h"
#include "tracepathview.h"
#include "workspace.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QLineEdit>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QTableView>
#include <QTest>

namespace {
using Userchain::Family;

/// Inside scripts/sandbox only: the namespace's own tables, never the host's. The machine's
/// iptables variant is the one screenshots.sh loaded the tables with.
void iptables(const QStringList &args)
{
    QProcess::execute(QStringLiteral("iptables"), args);
}

void discardEdits(MainWindow *window)
{
    for (Family family : Workspace::families()) {
        EditSession *session = window->workspace()->session(family);
        session->load(session->snapshot());
    }
}

bool shots(MainWindow *window, const QDir &out, const QString &scheme)
{
    const auto path = [&](const char *view) {
        return out.filePath(scheme + QLatin1Char('-') + QLatin1String(view) +
                            QStringLiteral(".png"));
    };
    bool ok = true;
    window->showFamily(Family::IPv4);
    window->ruleTableView()->selectRows(1, 1);
    ok &= shoot(window, path("main"));

    window->showStatusMessage(QStringLiteral(
        "Exported /home/dev/server/iptables.conf and /home/dev/server/ip6tables.conf (load with: "
        "iptables-restore -n iptables.conf; ip6tables-restore -n ip6tables.conf)."));
    ok &= shoot(window, path("long-message"));

    QTableView *view = window->ruleTableView()->tableView();
    const QModelIndex cell = view->model()->index(1, RuleTableModel::SourceColumn);
    view->setFocus();
    view->setCurrentIndex(cell);
    view->edit(cell);
    if (auto *editor = qobject_cast<QLineEdit *>(view->indexWidget(cell))) {
        editor->selectAll();
        QTest::keyClicks(editor, QStringLiteral("198.51.100.300"));
        QTest::keyClick(editor, Qt::Key_Return);
        ok &= shoot(window, path("cell-refused"));
        QTest::keyClick(editor, Qt::Key_Escape);
    }

    // "Only from" for a published port on eth0, and then where an earlier rule catches it.
    ModalRunner::pushHook([&](QDialog *dialog) {
        auto *wizard = qobject_cast<RuleWizard *>(dialog);
        wizard->show();
        QWidget *page = wizard->currentPage();
        page->findChild<QComboBox *>(QStringLiteral("port"))->setCurrentIndex(0);
        if (auto *in = page->findChild<QComboBox *>(QStringLiteral("interface"))) {
            in->setCurrentText(QStringLiteral("eth0"));
        }
        QTest::keyClicks(page->findChild<QLineEdit *>(QStringLiteral("source")),
                         QStringLiteral("10.11.11.0/24"));
        ok &= shoot(window, path("wizard-only-from"));
        return int(QDialog::Rejected);
    });
    view->clearSelection();
    window->ruleActions()->runWizard(RuleWizard::PublishedPort);
    window->ruleActions()->insertRules(Family::IPv4, {QStringLiteral("-i eth0 -j DROP")},
                                       QStringLiteral("Add rule"), 0);
    ModalRunner::pushHook([&](QDialog *dialog) {
        auto *wizard = qobject_cast<RuleWizard *>(dialog);
        wizard->show();
        QTest::keyClicks(wizard->currentPage()->findChild<QLineEdit *>(QStringLiteral("address")),
                         QStringLiteral("192.168.1.7"));
        ok &= shoot(window, path("wizard-shadowed"));
        return int(QDialog::Rejected);
    });
    view->clearSelection();
    window->ruleActions()->runWizard(RuleWizard::OnlyIp);
    discardEdits(window);

    ModalRunner::pushHook([&](QDialog *dialog) {
        auto *raw = qobject_cast<RawRuleDialog *>(dialog);
        raw->show();
        QTest::keyClicks(raw->findChild<QLineEdit *>(QStringLiteral("specEdit")),
                         QStringLiteral("sudo iptables -I DOCKER-USER -i ext_if ! -s 192.168.1.1 "
                                        "-j DROP"));
        ok &= shoot(window, path("raw-editor"));
        return int(QDialog::Rejected);
    });
    window->ruleActions()->addRule();

    // Someone inserts a rule while the user edits: the banner, then the rebased table.
    window->ruleActions()->insertRules(Family::IPv4, {QStringLiteral("-s 203.0.113.9/32 -j DROP")},
                                       QStringLiteral("Add rule"), 1);
    iptables({QStringLiteral("-I"), QStringLiteral("DOCKER-USER"), QStringLiteral("-s"),
              QStringLiteral("192.0.2.1"), QStringLiteral("-j"), QStringLiteral("DROP")});
    EditSession *v4 = window->workspace()->session(Family::IPv4);
    window->refresh();
    ok &= waitFor([v4] { return v4->isChangedOutside(); });
    ok &= shoot(window, path("changed-outside"));
    v4->rebase(v4->pendingSnapshot());
    ok &= shoot(window, path("rebased"));

    ModalRunner::pushHook([&](QDialog *dialog) {
        dialog->show();
        ok &= shoot(window, path("quit-question"));
        return int(QMessageBox::Cancel);
    });
    window->close();
    window->show();
    discardEdits(window);
    iptables({QStringLiteral("-D"), QStringLiteral("DOCKER-USER"), QStringLiteral("-s"),
              QStringLiteral("192.0.2.1"), QStringLiteral("-j"), QStringLiteral("DROP")});
    window->refresh();
    waitFor([v4] { return !v4->isChangedOutside(); });

    window->showFamily(Family::IPv6);
    ok &= shoot(window, path("ipv6"));

    window->showExposure();
    ok &= waitFor([window] { return !window->exposureView()->isUpdating(); });
    ok &= shoot(window, path("exposure"));
    window->showFamily(Family::IPv4);

    // Test a packet: the default packet, dropped by DOCKER-USER; then one from the office.
    PacketTestDialog *test = PacketTestDialog::showFor(window);
    test->move(window->geometry().right() - test->frameGeometry().width(), 0);
    test->retrace();
    ok &= shoot(window, path("packet-drop"));
    QLineEdit *source = test->findChild<QLineEdit *>(QStringLiteral("source"));
    const QString defaultSource = source->text();
    source->setText(QStringLiteral("198.51.100.7"));
    test->retrace();
    ok &= shoot(window, path("packet-accept"));
    // The end of its way, by keyboard: the last rule and the verdict.
    test->pathView()->setFocus();
    QTest::keyClick(test->pathView(), Qt::Key_End);
    ok &= shoot(window, path("packet-accept-end"));
    source->setText(defaultSource);
    test->close();

    GuideDialog *guide = GuideDialog::showFor(window);
    guide->move(120, 40);
    ok &= shoot(guide, path("guide"));
    guide->close();
    return ok;
}
} // namespace

bool ReviewShots::run(MainWindow *window, const QDir &out)
{
    bool ok = true;
    for (const auto &[scheme, name] : {std::pair{ColorScheme::Scheme::Light, "light"},
                                       std::pair{ColorScheme::Scheme::Dark, "dark"}}) {
        ColorScheme::apply(scheme);
        ok &= shots(window, out, QString::fromLatin1(name));
    }
    ColorScheme::apply(ColorScheme::Scheme::System);
    discardEdits(window);
    return ok;
}

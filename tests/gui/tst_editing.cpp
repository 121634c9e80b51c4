// Editing the DOCKER-USER table in the window: an import placed where its commands say, the raw
// editor reading commands as Docker's page writes them, and an in-place edit that is refused
// without losing what was typed. A fake helper; dialogs driven through ModalRunner hooks.
#include "chainlayout.h"
#include "editsession.h"
#include "familytext.h"
#include "fixturesnapshot.h"
#include "importexport.h"
#include "layouthint.h"
#include "mainwindow.h"
#include "modalrunner.h"
#include "rawruledialog.h"
#include "ruletablemodel.h"
#include "ruletableview.h"
#include "windowharness.h"

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace Userchain;

class TestEditing : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_config;
    WindowHarness m_harness;
    MainWindow *window() const { return m_harness.window(); }
    RuleTableModel *model() const { return window()->session()->model(); }
    QTableView *table() const { return window()->ruleTableView()->tableView(); }
    QString undoText() const { return window()->action(QStringLiteral("actionUndo"))->text(); }

private slots:
    void initTestCase()
    {
        qputenv("XDG_CONFIG_HOME", m_config.path().toLocal8Bit());
        QCoreApplication::setOrganizationName(QStringLiteral("UserchainTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_gui_editing"));
    }

    void cleanup()
    {
        QCOMPARE(ModalRunner::pendingHooks(), 0);
        ModalRunner::clearHooks();
        m_harness.close();
    }

    void importAddsWhereCommandsSay()
    {
        // Docker up to 28.2.1: DOCKER-USER holds its final -j RETURN.
        QVERIFY(m_harness.open(FixtureSnapshot::fromFile(FixtureSnapshot::dockerCapture())));
        const QString ret = QStringLiteral("-j RETURN");
        QCOMPARE(model()->specs(), QStringList{ret});
        const QString x = QStringLiteral("! -s 192.168.1.1/32 -i eth0 -j DROP");
        const QString y = QStringLiteral("-p tcp -m tcp --dport 22 -j DROP");
        const QString z = QStringLiteral("-s 10.0.0.9/32 -j DROP");
        // -I at the top, -A before the RETURN (after it, it would never run), -I 2 at 2.
        QVERIFY(window()->importExport()->importData(
            "iptables -I DOCKER-USER -i eth0 ! -s 192.168.1.1 -j DROP\n"
            "sudo iptables -A DOCKER-USER -p tcp --dport 22 -j DROP\n"
            "iptables -I DOCKER-USER 2 -s 10.0.0.9 -j DROP\n",
            QStringLiteral("pasted"), ImportExport::Mode::Append));
        QCOMPARE(model()->specs(), (QStringList{x, z, y, ret}));
        QCOMPARE(undoText(), QStringLiteral("&Undo Import 3 rules from pasted"));
        LayoutHint *hint = window()->ruleTableView()->layoutHint();
        QCOMPARE(hint->result().kind, ChainLayout::Kind::EndsWithReturn);
        window()->session()->undoStack()->undo();
        QCOMPARE(model()->specs(), QStringList{ret});
        window()->session()->undoStack()->redo();

        // Asked, Enter adds: Replace, which removes rules, is not the default.
        QString defaultButton;
        QMessageBox::ButtonRole replaceRole = QMessageBox::InvalidRole;
        ModalRunner::pushHook([&](QDialog *d) {
            auto *box = qobject_cast<QMessageBox *>(d);
            defaultButton = box->defaultButton()->objectName();
            replaceRole =
                box->buttonRole(box->findChild<QPushButton *>(QStringLiteral("importReplace")));
            box->show();
            QTest::keyClick(box, Qt::Key_Return);
            return box->result();
        });
        // Docker's example ends with its own -j RETURN: the table's is not doubled.
        QVERIFY(window()->importExport()->importData(
            ImportExport::dockerExample(QStringLiteral("eth0")), QStringLiteral("example")));
        QCOMPARE(defaultButton, QStringLiteral("importAdd"));
        QCOMPARE(replaceRole, QMessageBox::DestructiveRole);
        QCOMPARE(model()->rowCount(), 10);
        QCOMPARE(model()->specs().mid(0, 3), (QStringList{x, z, y}));
        QCOMPARE(model()->ruleAt(3).spec,
                 QStringLiteral("-i eth0 -m conntrack --ctstate RELATED,ESTABLISHED -j RETURN"));
        QCOMPARE(model()->ruleAt(8).spec, QStringLiteral("-i eth0 -j DROP"));
        QCOMPARE(model()->ruleAt(9).spec, ret);
        QVERIFY(!ChainLayout::isWarning(hint->result()));
        QCOMPARE(model()->firstEndingRow(), 9);
    }

    void rawEditorTakesDockerPageCommands()
    {
        QVERIFY(m_harness.open(FixtureSnapshot::fromFile(FixtureSnapshot::dockerCapture())));
        const auto typeAndAccept = [](const QString &text) {
            ModalRunner::pushHook([text](QDialog *d) {
                auto *raw = qobject_cast<RawRuleDialog *>(d);
                QTest::keyClicks(raw->findChild<QLineEdit *>(QStringLiteral("specEdit")), text);
                return raw->isValid() ? int(QDialog::Accepted) : int(QDialog::Rejected);
            });
        };
        // As Docker's page writes them; each goes where its command says.
        typeAndAccept(QStringLiteral("iptables -I DOCKER-USER -i ext_if ! -s 192.168.1.1 -j DROP"));
        window()->action(QStringLiteral("actionAddRule"))->trigger();
        typeAndAccept(QStringLiteral("sudo iptables -A DOCKER-USER -p tcp --dport 22 -j DROP"));
        window()->action(QStringLiteral("actionAddRule"))->trigger();
        QCOMPARE(model()->specs(), (QStringList{"! -s 192.168.1.1/32 -i ext_if -j DROP",
                                                "-p tcp -m tcp --dport 22 -j DROP", "-j RETURN"}));
        QCOMPARE(undoText(), QStringLiteral("&Undo Add rule"));

        // An address list makes one row per address, where iptables puts them: -I inserts one
        // after the other at the same place, so they stand reversed (issue 13). One undo step.
        typeAndAccept(QStringLiteral("sudo iptables -I DOCKER-USER -s 10.0.0.1,10.0.0.2 -j DROP"));
        window()->action(QStringLiteral("actionAddRule"))->trigger();
        QCOMPARE(model()->specs().mid(0, 3),
                 (QStringList{"-s 10.0.0.2/32 -j DROP", "-s 10.0.0.1/32 -j DROP",
                              "! -s 192.168.1.1/32 -i ext_if -j DROP"}));
        QCOMPARE(undoText(), QStringLiteral("&Undo Add 2 rules"));
        window()->session()->undoStack()->undo();
        QCOMPARE(model()->specs(), (QStringList{"! -s 192.168.1.1/32 -i ext_if -j DROP",
                                                "-p tcp -m tcp --dport 22 -j DROP", "-j RETURN"}));

        // What it refuses, it says why, in a sentence.
        RawRuleDialog dialog(Family::IPv4, window());
        const auto check = [&dialog](const QString &text) {
            dialog.setSpecText(text);
            return dialog.isValid() ? QString() : dialog.message();
        };
        QCOMPARE(check(QStringLiteral("ip6tables -A DOCKER-USER -i eth0 -j DROP")),
                 QStringLiteral("This is an ip6tables command: its rule belongs in the IPv6 "
                                "table. Add it there, or start the line with iptables."));
        QCOMPARE(check(QStringLiteral("iptables -A FORWARD -j DROP")),
                 QStringLiteral("This is a rule of chain \"FORWARD\"; only DOCKER-USER rules "
                                "are read here"));
        QCOMPARE(check(QStringLiteral("-p tcp --dprot 80 -j DROP")),
                 QStringLiteral("Unknown option \"--dprot\" (did you mean --dport?)"));
        QCOMPARE(check(QStringLiteral("-s 2001:db8::1 -j DROP")),
                 FamilyText::wrongFamilyProblem(QStringLiteral("2001:db8::1"), Family::IPv4));
        QVERIFY(check(QStringLiteral("ip6tables -A DOCKER-USER -s 2001:db8::1 -j DROP"))
                    .startsWith(QStringLiteral("This is an ip6tables command")));
        QCOMPARE(check(QStringLiteral("-i eth0 -j DROP")), QString());
        QCOMPARE(dialog.command(), std::nullopt);
        // Editing one row, a list cannot become several rules: it says so.
        QVERIFY(check(QStringLiteral("-s 10.0.0.1,10.0.0.2 -j DROP"))
                    .contains(QLatin1String("2 rules")));
    }

    void rejectedCellEditKeepsText()
    {
        QVERIFY(m_harness.open(FixtureSnapshot::fromFile(FixtureSnapshot::userRulesCapture())));
        const QString before = model()->ruleAt(0).spec;
        const int commands = window()->session()->undoStack()->count();
        QTableView *view = table();
        const QModelIndex cell = view->model()->index(0, RuleTableModel::SourceColumn);
        view->setFocus();
        view->setCurrentIndex(cell);
        view->edit(cell);
        QPointer<QLineEdit> editor = qobject_cast<QLineEdit *>(view->indexWidget(cell));
        QVERIFY(editor);
        editor->selectAll();
        QTest::keyClicks(editor, QStringLiteral("10.1.0.300"));
        QTest::keyClick(editor, Qt::Key_Return);
        // The editor stays, with what was typed and the reason below the cell.
        QLabel *reason = nullptr;
        QTRY_VERIFY(
            (reason = view->viewport()->findChild<QLabel *>(QStringLiteral("cellProblem"))) &&
            reason->isVisible());
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        QVERIFY(editor);
        QVERIFY(editor->isVisible());
        QCOMPARE(editor->text(), QStringLiteral("10.1.0.300"));
        QVERIFY2(reason->text().contains(QStringLiteral("10.1.0.300")), qPrintable(reason->text()));
        QVERIFY(reason->geometry().top() >= editor->geometry().bottom());
        QCOMPARE(model()->ruleAt(0).spec, before);
        QCOMPARE(window()->session()->undoStack()->count(), commands);

        // Neither Tab nor a click on another rule throws the text away.
        QTest::keyClick(editor, Qt::Key_Tab);
        const QModelIndex other = view->model()->index(2, RuleTableModel::TargetColumn);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(other).center());
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        QVERIFY(editor);
        QCOMPARE(editor->text(), QStringLiteral("10.1.0.300"));
        QCOMPARE(model()->ruleAt(0).spec, before);

        // Fixed, it is committed as one command.
        editor->setFocus();
        editor->selectAll();
        QTest::keyClicks(editor, QStringLiteral("10.1.0.0/16"));
        QVERIFY(!reason->isVisible());
        QTest::keyClick(editor, Qt::Key_Return);
        QTRY_VERIFY(!editor);
        QVERIFY(model()->ruleAt(0).spec.startsWith(QStringLiteral("-s 10.1.0.0/16 ")));
        QCOMPARE(window()->session()->undoStack()->count(), commands + 1);

        // Escape gives the edit up.
        view->setFocus();
        view->edit(cell);
        editor = qobject_cast<QLineEdit *>(view->indexWidget(cell));
        QVERIFY(editor);
        editor->selectAll();
        QTest::keyClicks(editor, QStringLiteral("nonsense/99"));
        QTest::keyClick(editor, Qt::Key_Escape);
        QTRY_VERIFY(!editor);
        QVERIFY(model()->ruleAt(0).spec.startsWith(QStringLiteral("-s 10.1.0.0/16 ")));
    }
};

QTEST_MAIN(TestEditing)
#include "tst_editing.moc"

// "Save permanently", the unsaved-changes indicator and "Restore saved rules" against the fake
// helper: what is explained before saving, when the indicator says what, the errors worded from
// the D-Bus error names, and the restore with its diff.
#include "applycontroller.h"
#include "applydialog.h"
#include "editsession.h"
#include "fakehelperclient.h"
#include "fixturesnapshot.h"
#include "mainwindow.h"
#include "modalrunner.h"
#include "persistencecontroller.h"
#include "ruleactions.h"
#include "ruletablemodel.h"
#include "ruletableview.h"
#include "windowharness.h"
#include "workspace.h"

#include <QAction>
#include <QCheckBox>
#include <QDBusError>
#include <QDBusMessage>
#include <QLabel>
#include <QMessageBox>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Userchain;

namespace {
struct Answer
{
    QString title;
    QString text;
    QString detailed;
    QMessageBox::Icon icon = QMessageBox::NoIcon;
};

/// Answers the next message box with `result` and remembers what it said.
void answerNext(Answer *answer, int result, bool dontAskAgain = false)
{
    ModalRunner::pushHook([answer, result, dontAskAgain](QDialog *d) {
        auto *box = qobject_cast<QMessageBox *>(d);
        if (!box) {
            return int(QDialog::Rejected);
        }
        answer->title = box->windowTitle();
        answer->text = box->text();
        answer->detailed = box->detailedText();
        answer->icon = box->icon();
        if (box->checkBox()) {
            box->checkBox()->setChecked(dontAskAgain);
        }
        return result;
    });
}

HelperError dbusError(const QString &name, const QString &message = QString())
{
    return HelperError::fromDBus(QDBusError(QDBusMessage::createError(name, message)));
}
} // namespace

class TestPersistence : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_config;
    WindowHarness m_harness;
    MainWindow *window() const { return m_harness.window(); }
    FakeHelperClient *helper() const { return m_harness.helper(); }
    PersistenceController *persistence() const { return window()->persistence(); }
    QString savedField() const { return window()->statusFields().at(3); }

    void openUserRules()
    {
        QVERIFY(m_harness.open(FixtureSnapshot::fromFile(FixtureSnapshot::userRulesCapture())));
        QTRY_VERIFY(persistence()->state(Family::IPv4) != PersistenceController::State::Unknown);
    }

private slots:
    void initTestCase()
    {
        qputenv("XDG_CONFIG_HOME", m_config.path().toLocal8Bit());
        QCoreApplication::setOrganizationName(QStringLiteral("UserchainTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_gui_persistence"));
    }

    void init() { QSettings().remove(QStringLiteral("persistence")); }

    void cleanup()
    {
        QCOMPARE(ModalRunner::pendingHooks(), 0);
        ModalRunner::clearHooks();
        m_harness.close();
    }

    void indicatorStates()
    {
        // Docker's own RETURN only, nothing saved: nothing to lose.
        QVERIFY(m_harness.open(FixtureSnapshot::fromFile(FixtureSnapshot::dockerCapture())));
        QTRY_COMPARE(savedField(), QStringLiteral("Nothing to save"));
        QCOMPARE(helper()->savedRequests, QVector<int>{4}); // IPv6 has no chains here
        m_harness.close();

        openUserRules();
        QCOMPARE(persistence()->state(Family::IPv4), PersistenceController::State::NeverSaved);
        QCOMPARE(savedField(), QStringLiteral("Not saved: lost at reboot"));
        QVERIFY(persistence()->isWarning(Family::IPv4));
        QVERIFY(persistence()->stateToolTip(Family::IPv4).contains(QStringLiteral("reboot")));
        QVERIFY(window()->action(QStringLiteral("actionSavePermanently"))->isEnabled());
        QVERIFY(!window()->action(QStringLiteral("actionRestoreSaved"))->isEnabled());
    }

    void saveExplainsThenSaves()
    {
        openUserRules();
        Answer answer;
        answerNext(&answer, QMessageBox::AcceptRole);
        window()->action(QStringLiteral("actionSavePermanently"))->trigger();
        QCOMPARE(answer.title, QStringLiteral("Save permanently"));
        QVERIFY2(answer.text.contains(QStringLiteral("vanish at the next reboot")),
                 qPrintable(answer.text));
        QVERIFY(answer.text.contains(QStringLiteral("IPv4 (4 rules)")));
        QTRY_COMPARE(savedField(), QStringLiteral("Saved for reboot"));
        QCOMPARE(helper()->saves, QVector<int>{4});
        QCOMPARE(helper()->savedRules[0], window()->session()->liveSpecs());
        QVERIFY(!window()->action(QStringLiteral("actionRestoreSaved"))->isEnabled() ||
                persistence()->canRestore(Family::IPv4));

        // Change and apply: the saved rules are no longer the active ones.
        window()->ruleTableView()->selectRows(0, 1);
        window()->action(QStringLiteral("actionDelete"))->trigger();
        ModalRunner::pushHook([](QDialog *d) {
            auto *apply = qobject_cast<ApplyDialog *>(d);
            apply->setConfirmEnabled(false);
            return int(QDialog::Accepted);
        });
        const int requests = helper()->savedRequests.size();
        window()->action(QStringLiteral("actionApply"))->trigger();
        QTRY_VERIFY(!window()->applyController()->isBusy());
        QTRY_VERIFY(helper()->savedRequests.size() > requests); // refreshed after the apply
        QTRY_COMPARE(savedField(), QStringLiteral("Unsaved changes since the last save"));
        QVERIFY(persistence()->isWarning(Family::IPv4));
        QVERIFY(window()->action(QStringLiteral("actionRestoreSaved"))->isEnabled());
    }

    void dontExplainAgain()
    {
        openUserRules();
        Answer answer;
        answerNext(&answer, QMessageBox::AcceptRole, true);
        window()->action(QStringLiteral("actionSavePermanently"))->trigger();
        QTRY_COMPARE(helper()->saves.size(), 1);
        QTRY_VERIFY(!persistence()->isBusy());
        window()->action(QStringLiteral("actionSavePermanently"))->trigger(); // no question
        QTRY_COMPARE(helper()->saves.size(), 2);
    }

    void saveWithUnappliedEdits()
    {
        openUserRules();
        window()->ruleTableView()->selectRows(0, 1);
        window()->action(QStringLiteral("actionDelete"))->trigger();
        Answer answer;
        answerNext(&answer, QMessageBox::Cancel);
        window()->action(QStringLiteral("actionSavePermanently"))->trigger();
        QVERIFY2(answer.text.contains(QStringLiteral("not applied yet")), qPrintable(answer.text));
        QVERIFY(helper()->saves.isEmpty());
    }

    void saveErrors_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("words");
        QTest::addColumn<bool>("critical");
        QTest::newRow("not authorized")
            << DBusError::NotAuthorized << "io.github.userchain.persist: denied"
            << "io.github.userchain.persist" << true;
        QTest::newRow("cancelled") << DBusError::Cancelled << "dismissed by the user"
                                   << "nothing was saved" << false;
        QTest::newRow("verbatim rule") << DBusError::InvalidRule << "rule 2: uses ttl"
                                       << "verbatim" << true;
        QTest::newRow("pending apply") << DBusError::Busy << ""
                                       << "waiting to be kept" << true;
        QTest::newRow("older helper") << "org.freedesktop.DBus.Error.UnknownMethod"
                                      << "No such method 'Save'"
                                      << "does not offer this function" << true;
    }

    void saveErrors()
    {
        QFETCH(QString, name);
        QFETCH(QString, message);
        QFETCH(QString, words);
        QFETCH(bool, critical);
        openUserRules();
        QSettings().setValue(QStringLiteral("persistence/skipExplanation"), true);
        helper()->nextSaveError = dbusError(name, message);
        Answer answer;
        answerNext(&answer, QMessageBox::Ok);
        window()->action(QStringLiteral("actionSavePermanently"))->trigger();
        QTRY_COMPARE(ModalRunner::pendingHooks(), 0);
        QCOMPARE(answer.title, QStringLiteral("The IPv4 rules were not saved"));
        QVERIFY2(answer.text.contains(words), qPrintable(answer.text));
        QCOMPARE(answer.icon, critical ? QMessageBox::Critical : QMessageBox::Warning);
        QCOMPARE(persistence()->state(Family::IPv4), PersistenceController::State::NeverSaved);
        QVERIFY(!persistence()->isBusy());
    }

    void verbatimRuleBlocksSave()
    {
        Snapshot s = FixtureSnapshot::fromFile(FixtureSnapshot::userRulesCapture());
        for (ChainInfo &c : s.chains) {
            if (c.name == QLatin1String("DOCKER-USER")) {
                c.rules[0].verbatimId = QStringLiteral("v1");
                c.rules[0].unknownExtensions = QStringLiteral("ttl");
            }
        }
        QVERIFY(m_harness.open(s));
        QSettings().setValue(QStringLiteral("persistence/skipExplanation"), true);
        Answer answer;
        answerNext(&answer, QMessageBox::Ok);
        window()->action(QStringLiteral("actionSavePermanently"))->trigger();
        QTRY_COMPARE(ModalRunner::pendingHooks(), 0);
        QVERIFY2(answer.text.contains(QStringLiteral("verbatim")), qPrintable(answer.text));
    }

    void restoreSaved()
    {
        openUserRules();
        helper()->hasSaved[0] = true;
        helper()->savedRules[0] = {QStringLiteral("-i eth0 -j DROP"), QStringLiteral("-j RETURN")};
        persistence()->refreshSaved();
        QTRY_COMPARE(savedField(), QStringLiteral("Unsaved changes since the last save"));
        // Unapplied edits are discarded only after saying so.
        window()->ruleTableView()->selectRows(0, 1);
        window()->action(QStringLiteral("actionDelete"))->trigger();
        Answer answer;
        answerNext(&answer, QMessageBox::AcceptRole);
        QVERIFY(window()->action(QStringLiteral("actionRestoreSaved"))->isEnabled());
        window()->action(QStringLiteral("actionRestoreSaved"))->trigger();
        QCOMPARE(answer.title, QStringLiteral("Restore saved IPv4 rules"));
        QVERIFY(answer.text.contains(QStringLiteral("2 rules")));
        QVERIFY(answer.text.contains(QStringLiteral("discarded")));
        QVERIFY2(answer.detailed.contains(QStringLiteral("+ -A DOCKER-USER -i eth0 -j DROP")),
                 qPrintable(answer.detailed));
        QTRY_COMPARE(window()->session()->baselineSpecs(), helper()->savedRules[0]);
        QCOMPARE(helper()->restores, (QVector<QPair<int, uint>>{{4, 0u}}));
        QCOMPARE(window()->session()->model()->specs(), helper()->savedRules[0]);
        QVERIFY(!window()->session()->isModified());
        QTRY_COMPARE(savedField(), QStringLiteral("Saved for reboot"));
    }

    void restoreRefused()
    {
        openUserRules();
        helper()->hasSaved[0] = true;
        helper()->savedRules[0] = {QStringLiteral("-j RETURN")};
        persistence()->refreshSaved();
        QTRY_VERIFY(persistence()->canRestore(Family::IPv4));
        helper()->nextRestoreError =
            dbusError(QString::fromLatin1(DBusError::NotAuthorized), QStringLiteral("denied"));
        Answer question;
        Answer refusal;
        answerNext(&question, QMessageBox::AcceptRole);
        answerNext(&refusal, QMessageBox::Ok);
        window()->action(QStringLiteral("actionRestoreSaved"))->trigger();
        QTRY_COMPARE(ModalRunner::pendingHooks(), 0);
        QVERIFY2(refusal.text.contains(QStringLiteral("administrator")), qPrintable(refusal.text));
        QCOMPARE(window()->session()->baselineSpecs().size(), 4); // nothing changed
    }

    void savedStateUnknown()
    {
        openUserRules(); // the first GetSaved is answered; the next one fails
        helper()->nextSavedError = dbusError(QString::fromLatin1(DBusError::Failed),
                                             QStringLiteral("docker-user.v4.rules: not root's"));
        persistence()->refreshSaved(Family::IPv4);
        QTRY_COMPARE(savedField(), QStringLiteral("Saved: unknown"));
        QVERIFY2(
            persistence()->stateToolTip(Family::IPv4).contains(QStringLiteral("Could not ask")),
            qPrintable(persistence()->stateToolTip(Family::IPv4)));
    }
};

QTEST_MAIN(TestPersistence)
#include "tst_persistence.moc"

// What a new user meets first (issue 10): quitting with edits, the window's title and its
// quit question, long messages, the table's columns and search, the window at 1024 px, and
// the rows after an apply. The window runs against a fake HelperClient; the quit test runs it
// in a child process, as a crash there would end the test binary itself.
#include "editsession.h"
#include "fakehelperclient.h"
#include "fixturesnapshot.h"
#include "mainwindow.h"
#include "messagebanner.h"
#include "modalrunner.h"
#include "ruleactions.h"
#include "rulefilterproxy.h"
#include "ruletablemodel.h"
#include "ruletableview.h"
#include "rulewizard.h"

#include <QAction>
#include <QComboBox>
#include <QHeaderView>
#include <QLayout>
#include <QLineEdit>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QScreen>
#include <QScrollBar>
#include <QSettings>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QToolButton>
#include <QWizardPage>

using namespace Userchain;

namespace {
const char ChildVariable[] = "USERCHAIN_TEST_QUIT_CHILD";
} // namespace

class TestNewcomer : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_config;
    std::unique_ptr<FakeHelperClient> m_helper;
    std::unique_ptr<MainWindow> m_window;

    void open(const QStringList &dockerUser = {}, int width = 1260)
    {
        m_window.reset();
        QSettings().clear(); // a new user: no geometry or columns from an earlier test
        m_helper = std::make_unique<FakeHelperClient>();
        m_helper->system = FixtureSnapshot::fromFile(FixtureSnapshot::userRulesCapture());
        if (!dockerUser.isEmpty()) {
            FixtureSnapshot::setDockerUser(&m_helper->system, dockerUser);
        }
        m_window = std::make_unique<MainWindow>(m_helper.get());
        m_window->resize(width, 700);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_window->refresh();
        QTRY_VERIFY(m_window->session()->hasSnapshot());
    }
    QTableView *table() const { return m_window->ruleTableView()->tableView(); }

private slots:
    void initTestCase()
    {
        qputenv("XDG_CONFIG_HOME", m_config.path().toLocal8Bit());
        QCoreApplication::setOrganizationName(QStringLiteral("UserchainTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_gui_newcomer"));
        QGuiApplication::setApplicationDisplayName(QStringLiteral("Userchain"));
    }

    void cleanup()
    {
        if (m_window) {
            m_window->session()->load(m_window->session()->snapshot()); // no discard question
            m_window->close();
        }
        m_window.reset();
        m_helper.reset();
    }

    /// The platform appends " — Userchain" to the title: the title must not say it again.
    void titleNamesTheProductOnce()
    {
        open();
        QVERIFY(m_window->windowTitle().startsWith(QLatin1String("DOCKER-USER (IPv4)")));
        QVERIFY(!m_window->windowTitle().contains(QGuiApplication::applicationDisplayName()));
    }

    /// A wizard shows all it says (explanation, rules, what they do, where they go) without
    /// squeezing, and its title names the product no more than the main window's does.
    void wizardShowsItsWholeText()
    {
        open({QStringLiteral("-i eth0 -j DROP"), QStringLiteral("-j RETURN")}, 1024);
        bool fits = false;
        QString title;
        ModalRunner::pushHook([&](QDialog *dialog) {
            auto *wizard = qobject_cast<RuleWizard *>(dialog);
            wizard->show();
            title = wizard->windowTitle();
            QWizardPage *page = wizard->currentPage();
            page->findChild<QComboBox *>(QStringLiteral("port"))->setCurrentIndex(0);
            QTest::keyClicks(page->findChild<QLineEdit *>(QStringLiteral("source")),
                             QStringLiteral("10.11.11.0/24 192.0.2.0/24"));
            fits = QTest::qWaitFor([page] {
                return page->layout()->totalHeightForWidth(page->width()) <= page->height();
            });
            return int(QDialog::Rejected);
        });
        m_window->ruleActions()->runWizard(RuleWizard::PublishedPort);
        QVERIFY(fits);
        QVERIFY(!title.isEmpty());
        QVERIFY2(!title.contains(QGuiApplication::applicationDisplayName()), qPrintable(title));
    }

    /// A message longer than the status bar's room is shown whole above the tabs.
    void longMessagesAreNotCutOff()
    {
        open({}, 1024);
        m_window->showStatusMessage(QStringLiteral("Exported."));
        QCOMPARE(m_window->statusBar()->currentMessage(), QStringLiteral("Exported."));
        QVERIFY(m_window->messageBanner()->isHidden());

        const QString longText = QStringLiteral(
            "Exported /home/someone/projects/server/iptables.conf and "
            "/home/someone/projects/server/ip6tables.conf (load with: iptables-restore -n "
            "iptables.conf; ip6tables-restore -n ip6tables.conf). Your edits are still here.");
        m_window->showStatusMessage(longText);
        QVERIFY(m_window->statusBar()->currentMessage().isEmpty());
        QVERIFY(m_window->messageBanner()->isVisible());
        QCOMPARE(m_window->messageBanner()->text(), longText);
        QTest::keyClick(m_window->messageBanner(), Qt::Key_Escape);
        QVERIFY(m_window->messageBanner()->isHidden());
    }

    /// The search box finds what the table shows, not only the rule's iptables text.
    void searchMatchesWhatTheTableShows()
    {
        open({QStringLiteral("-p tcp -m conntrack --ctorigdstport 8080 --ctdir ORIGINAL -j RETURN"),
              QStringLiteral("-i eth0 -j DROP"), QStringLiteral("-j RETURN")});
        RuleFilterProxy *proxy = m_window->ruleTableView()->proxy();
        const QString shown = m_window->session()
                                  ->model()
                                  ->index(0, RuleTableModel::ProtocolColumn)
                                  .data()
                                  .toString();
        QVERIFY2(shown.contains(QLatin1String("published")), qPrintable(shown));
        proxy->setSearchText(QStringLiteral("published"));
        QCOMPARE(proxy->rowCount(), 1);
        proxy->setSearchText(QStringLiteral("ctorigdstport")); // the rule text still counts
        QCOMPARE(proxy->rowCount(), 1);
        proxy->setSearchText(QStringLiteral("eth0 DROP"));
        QCOMPARE(proxy->rowCount(), 1);
        proxy->setSearchText(QString());
        QCOMPARE(proxy->rowCount(), 3);
    }

    /// Counters all zero (a host without forwarded traffic, or every counter reset by an apply):
    /// no row is marked "never hit", and the tooltip says why the counters are zero. Once a rule
    /// counts packets, the rules that count none are marked.
    void zeroCountersAfterApplyAreNotAlarming()
    {
        open({QStringLiteral("-s 10.0.0.0/8 -j RETURN"), QStringLiteral("-i eth0 -j DROP"),
              QStringLiteral("-j RETURN")});
        Snapshot zero = m_window->session()->snapshot();
        for (ChainInfo &chain : zero.chains) {
            for (RuleEntry &rule : chain.rules) {
                rule.packets = rule.bytes = 0;
            }
        }
        m_window->session()->load(zero);
        RuleTableModel *model = m_window->session()->model();
        QCOMPARE(model->rowCount(), 3);
        for (int row = 0; row < model->rowCount(); ++row) {
            QVERIFY(!model->index(row, 0).data(RuleTableModel::NeverHitRole).toBool());
            QVERIFY(!model->index(row, 0).data(Qt::BackgroundRole).isValid());
            QVERIFY(model->index(row, 0)
                        .data(Qt::ToolTipRole)
                        .toString()
                        .contains(QLatin1String("No packet yet")));
        }
        Snapshot counted = m_window->session()->snapshot();
        for (ChainInfo &chain : counted.chains) {
            if (chain.name == QLatin1String("DOCKER-USER")) {
                chain.rules[2].packets = 40;
            }
        }
        m_window->session()->receiveSnapshot(counted);
        QVERIFY(model->index(0, 0).data(RuleTableModel::NeverHitRole).toBool());
        QVERIFY(model->index(0, 0).data(Qt::BackgroundRole).isValid());
        QVERIFY(!model->index(2, 0).data(RuleTableModel::NeverHitRole).toBool());
    }

    /// The first window (no saved geometry) fits the screen, and can be made 1024 px wide.
    void firstWindowFitsTheScreen()
    {
        QSettings().remove(QStringLiteral("window/geometry")); // as on a first start
        FakeHelperClient helper;
        MainWindow window(&helper);
        const QRect screen = QGuiApplication::primaryScreen()->availableGeometry();
        QVERIFY2(window.width() <= screen.width() && window.height() <= screen.height(),
                 qPrintable(QStringLiteral("%1x%2 on %3x%4")
                                .arg(window.width())
                                .arg(window.height())
                                .arg(screen.width())
                                .arg(screen.height())));
        QVERIFY(window.minimumSizeHint().width() <= 1024);
    }

    /// At 1024 px the tool bar shows every button and the table every column, none cut off.
    void fitsAt1024_data()
    {
        QTest::addColumn<int>("width");
        QTest::newRow("1024 px") << 1024;
        QTest::newRow("wide") << 1600;
    }
    void fitsAt1024()
    {
        QFETCH(int, width);
        open({}, width);
        QCOMPARE(m_window->width(), width);
        auto *bar = m_window->findChild<QToolBar *>(QStringLiteral("mainToolBar"));
        QVERIFY(bar);
        auto *more = bar->findChild<QToolButton *>(QStringLiteral("qt_toolbar_ext_button"));
        QVERIFY(!more || !more->isVisible());
        QHeaderView *header = table()->horizontalHeader();
        // Nothing is cut off while the comment has room to give (issue: "Protocol / ports" and
        // "State" were cut off while "Comment" was empty); wide, nothing at all.
        const QAbstractItemView *view = table(); // sizeHintForColumn() is public there
        const auto whole = [&](int column) {
            return header->sectionSize(column) >= view->sizeHintForColumn(column);
        };
        const auto fitted = [&] {
            const bool commentGaveAll = header->sectionSize(RuleTableModel::CommentColumn) <=
                                        header->sectionSizeHint(RuleTableModel::CommentColumn);
            for (int column = 0; column < RuleTableModel::ColumnCount; ++column) {
                const bool mayGive =
                    width < 1500 && (commentGaveAll || column == RuleTableModel::CommentColumn);
                if (!mayGive && !whole(column)) {
                    return false;
                }
            }
            return table()->horizontalScrollBar()->maximum() == 0;
        };
        QVERIFY(QTest::qWaitFor(fitted));
        // A column the user sized stays as sized.
        header->resizeSection(RuleTableModel::CommentColumn, 77);
        m_window->resize(width + 100, 700);
        QTRY_COMPARE(m_window->width(), width + 100);
        QCoreApplication::processEvents();
        QCOMPARE(header->sectionSize(RuleTableModel::CommentColumn), 77);
    }

    /// Ctrl+Q or closing the window with edits, then Discard: the process exits with 0. The
    /// parent runs each row in a child process; the child quits as main() does (the window
    /// destroyed after it closed) and would die of SIGSEGV if a child object reached the
    /// window's slots after its UI was gone.
    void quitWithEditsExitsCleanly_data()
    {
        QTest::addColumn<bool>("byShortcut");
        QTest::newRow("ctrl+q") << true;
        QTest::newRow("close window") << false;
    }
    void quitWithEditsExitsCleanly()
    {
        QFETCH(bool, byShortcut);
        if (!qEnvironmentVariableIsSet(ChildVariable)) {
            QProcess child;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QLatin1String(ChildVariable), QStringLiteral("1"));
            child.setProcessEnvironment(env);
            child.setProcessChannelMode(QProcess::ForwardedChannels);
            child.start(QCoreApplication::applicationFilePath(),
                        {QStringLiteral("quitWithEditsExitsCleanly:") +
                         QString::fromLatin1(QTest::currentDataTag())});
            QVERIFY(child.waitForFinished(60000));
            QCOMPARE(child.exitStatus(), QProcess::NormalExit);
            QCOMPARE(child.exitCode(), 0);
            return;
        }
        FakeHelperClient helper;
        helper.system = FixtureSnapshot::fromFile(FixtureSnapshot::userRulesCapture());
        auto window = std::make_unique<MainWindow>(&helper);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        window->refresh();
        QTRY_VERIFY(window->session()->hasSnapshot());
        window->ruleTableView()->selectRows(0, 1);
        window->action(QStringLiteral("actionDelete"))->trigger();
        QVERIFY(window->isWindowModified());

        QString question;
        QMessageBox::StandardButton defaultButton = QMessageBox::NoButton;
        ModalRunner::pushHook([&question, &defaultButton](QDialog *d) {
            auto *box = qobject_cast<QMessageBox *>(d);
            if (!box) {
                return int(QMessageBox::Cancel);
            }
            question = box->text();
            defaultButton = box->standardButton(box->defaultButton());
            return int(QMessageBox::Discard);
        });
        if (byShortcut) {
            QTest::keyClick(window.get(), Qt::Key_Q, Qt::ControlModifier);
        } else {
            window->close();
        }
        QCOMPARE(ModalRunner::pendingHooks(), 0);
        QVERIFY(question.contains(QLatin1String("IPv4")));
        // A destructive answer is never the one Enter gives.
        QCOMPARE(defaultButton, QMessageBox::Cancel);
        QVERIFY(!window->isVisible());
        window.reset(); // as at the end of main()
    }
};

QTEST_MAIN(TestNewcomer)
#include "tst_newcomer.moc"

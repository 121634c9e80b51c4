// What the window says about itself: the Help guide, the explanation of DOCKER-USER and the
// legend of the row styles, chain descriptions for the host shown, the words of the notices
// (IPv6 next to a running IPv4 Docker, the helper's notes without markdown), and the sandbox's
// own captures looking like the healthy host they are.
#include "chainview.h"
#include "colorscheme.h"
#include "dockeruserintro.h"
#include "editsession.h"
#include "familypage.h"
#include "fixturesnapshot.h"
#include "guidedialog.h"
#include "mainwindow.h"
#include "modalrunner.h"
#include "noticebar.h"
#include "noticetext.h"
#include "rowlegend.h"
#include "rowstyle.h"
#include "ruletablemodel.h"
#include "ruletableview.h"
#include "rulewizard.h"
#include "statepage.h"
#include "windowharness.h"
#include "workspace.h"

#include <QAbstractButton>
#include <QAction>
#include <QFile>
#include <QGuiApplication>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QToolButton>

using namespace Userchain;

namespace {
QString sandboxCapture(const QString &name)
{
    return QStringLiteral(USERCHAIN_SOURCE_DIR "/resources/sandbox/") + name;
}

/// The notices of `page` that would alarm: warnings and errors.
QStringList alarms(const FamilyPage *page)
{
    QStringList out;
    for (const Notice &n : page->noticeBar()->notices()) {
        if (n.severity != Notice::Severity::Info) {
            out << n.id + QStringLiteral(": ") + n.title;
        }
    }
    if (page->statePage()->isVisibleTo(page) &&
        page->statePage()->notice().severity != Notice::Severity::Info) {
        out << page->statePage()->notice().id;
    }
    return out;
}
} // namespace

class TestHelp : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_config;
    WindowHarness m_harness;
    MainWindow *window() const { return m_harness.window(); }

private slots:
    void initTestCase()
    {
        qputenv("XDG_CONFIG_HOME", m_config.path().toLocal8Bit());
        QCoreApplication::setOrganizationName(QStringLiteral("UserchainTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_gui_help"));
    }

    void cleanup()
    {
        QCOMPARE(ModalRunner::pendingHooks(), 0);
        ModalRunner::clearHooks();
        m_harness.close();
        ColorScheme::apply(ColorScheme::Scheme::Light);
    }

    void codeSpansRenderAsCode()
    {
        QCOMPARE(NoticeText::toHtml(QStringLiteral("`iptables` is <nft>\nnext `a` and `b")),
                 QStringLiteral("<code>iptables</code> is &lt;nft&gt;<br>next <code>a</code> and "
                                "`b"));
        // The helper's code as the window words it: no literal backtick.
        Snapshot s = FixtureSnapshot::fromFile(FixtureSnapshot::dockerCapture());
        s.warnings << SnapshotNote{QLatin1String(NoteCode::VariantMismatch), {}};
        QVERIFY(m_harness.open(s));
        NoticeBar *bar = window()->noticeBar();
        QVERIFY(bar->hasNotice(QStringLiteral("helper-warning")));
        const QList<QLabel *> labels = bar->findChildren<QLabel *>();
        QVERIFY(!labels.isEmpty());
        for (const QLabel *label : labels) {
            QVERIFY2(!label->text().contains(QLatin1Char('`')), qPrintable(label->text()));
        }
        QVERIFY(std::any_of(labels.cbegin(), labels.cend(), [](const QLabel *l) {
            return l->text().contains(QLatin1String("<code>iptables</code> is the nf_tables"));
        }));
    }

    void guideOpensFromHelpMenu()
    {
        QVERIFY(m_harness.open(FixtureSnapshot::fromFile(FixtureSnapshot::dockerCapture())));
        QAction *guide = window()->action(QStringLiteral("actionGuide"));
        QVERIFY(guide);
        QCOMPARE(guide->shortcut(), QKeySequence(Qt::Key_F1));
        auto *help = window()->findChild<QMenu *>(QStringLiteral("menuHelp"));
        QVERIFY(help->actions().contains(guide));
        QVERIFY(help->actions().contains(window()->action(QStringLiteral("actionAbout"))));

        guide->trigger();
        auto *dialog = window()->findChild<GuideDialog *>();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        const QString text = dialog->browser()->toPlainText();
        for (const char *needle :
             {"-i ext_if ! -s 192.168.1.1 -j DROP", "! -s 192.168.1.0/24",
              "-m iprange -i ext_if ! --src-range 192.168.1.1-192.168.1.3",
              "--ctstate RELATED,ESTABLISHED -j RETURN", "--ctorigdstport 80 ",
              "--ctorigdstport 443 ",
              "-s 198.51.100.0/24 -i ext_if -p tcp -m conntrack "
              "--ctorigdstport 8080",
              "-A DOCKER-USER -i ext_if -j DROP", "Why --ctorigdstport, not --dport",
              "RETURN:", "DROP:", "ACCEPT:"}) {
            QVERIFY2(text.contains(QLatin1String(needle)), needle);
        }
        // Each example names the menu item that builds it, as the menu spells it.
        for (const char *name :
             {"actionWizardOnlyIp", "actionWizardOnlySubnet", "actionWizardOnlyRange",
              "actionWizardSourceDest", "actionWizardPublishedPort", "actionWizardPolicy"}) {
            const QString item =
                window()->action(QLatin1String(name))->text().remove(QLatin1Char('&'));
            QVERIFY2(text.contains(item), qPrintable(item));
        }
        // Docker's "only" examples as the wizards write them by default, and the option that
        // gives Docker's exact rule, named as the wizard spells it.
        QVERIFY(text.contains(
            QLatin1String("-i ext_if ! -s 192.168.1.1 -m conntrack --ctdir ORIGINAL -j DROP")));
        {
            std::unique_ptr<RuleWizard> wizard(
                RuleWizard::create(RuleWizard::OnlyIp, WizardContext(), 0));
            auto *keep = wizard->findChild<QAbstractButton *>(QStringLiteral("keepReplies"));
            QVERIFY(keep);
            const QString option =
                keep->text().remove(QLatin1Char('&')).section(QStringLiteral(" ("), 0, 0);
            QVERIFY2(text.contains(QStringLiteral("Untick ") + option), qPrintable(option));
        }
        // A link to a menu item runs it.
        bool wizardOpened = false;
        ModalRunner::pushHook([&wizardOpened](QDialog *d) {
            wizardOpened = qobject_cast<RuleWizard *>(d) != nullptr;
            return int(QDialog::Rejected);
        });
        emit dialog->browser()->anchorClicked(QUrl(QStringLiteral("action:actionWizardOnlyIp")));
        QVERIFY(wizardOpened);
        // A second F1 shows the same guide.
        guide->trigger();
        QCOMPARE(window()->findChildren<GuideDialog *>().size(), 1);
        dialog->close();
    }

    void explainsDockerUser_data()
    {
        QTest::addColumn<QString>("capture");
        QTest::addColumn<QString>("docker");
        QTest::newRow("20.10") << FixtureSnapshot::dockerCapture() << "before Docker's own rules";
        QTest::newRow("28.1.1") << FixtureSnapshot::mobyCapture(
                                       QStringLiteral("docker28.1.1-usernet-portmap.v4.rules"))
                                << "before DOCKER-FORWARD";
    }

    void explainsDockerUser()
    {
        QFETCH(QString, capture);
        QFETCH(QString, docker);
        QVERIFY(m_harness.open(FixtureSnapshot::fromFile(capture)));
        DockerUserIntro *intro = window()->ruleTableView()->intro();
        QVERIFY(intro->isVisible());
        QVERIFY(intro->isExplanationShown());
        const QString text = intro->text();
        for (const QString &needle :
             {QStringLiteral("first rule of FORWARD"), docker, QStringLiteral("<b>RETURN</b>"),
              QStringLiteral("<b>DROP</b>"), QStringLiteral("<b>ACCEPT</b>"),
              QStringLiteral("published ports")}) {
            QVERIFY2(text.contains(needle), qPrintable(needle));
        }
        // Hidden on request, and remembered; the legend stays.
        QTest::mouseClick(intro->toggleButton(), Qt::LeftButton);
        QVERIFY(!intro->isExplanationShown());
        QVERIFY(intro->legend()->isVisible());
        DockerUserIntro again;
        QVERIFY(!again.isExplanationShown());
        QTest::mouseClick(intro->toggleButton(), Qt::LeftButton);
        QVERIFY(intro->isExplanationShown());
    }

    void legendShowsTheTablesStyles_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << false;
        QTest::newRow("dark") << true;
    }

    void legendShowsTheTablesStyles()
    {
        QFETCH(bool, dark);
        Snapshot s = FixtureSnapshot::fromFile(FixtureSnapshot::dockerCapture());
        // Never hit (counters 0), negated, ends the chain, never reached.
        FixtureSnapshot::setDockerUser(&s, {QStringLiteral("! -s 192.168.1.1 -i eth0 -j DROP"),
                                            QStringLiteral("-j RETURN"),
                                            QStringLiteral("-i eth1 -j DROP")});
        for (ChainInfo &chain : s.chains) {
            if (chain.name == QLatin1String("DOCKER-USER")) {
                chain.rules[0].packets = chain.rules[0].bytes = 0;
            }
        }
        QVERIFY(m_harness.open(s));
        ColorScheme::apply(dark ? ColorScheme::Scheme::Dark : ColorScheme::Scheme::Light);
        RuleTableModel *model = window()->session()->model();
        RowLegend *legend = window()->ruleTableView()->intro()->legend();
        QVERIFY(legend->isVisible());
        auto sample = [legend](RowStyle::Kind kind) {
            return legend->sample(kind);
        };
        const QModelIndex neverHit = model->index(0, RuleTableModel::TargetColumn);
        QVERIFY(neverHit.data(RuleTableModel::NeverHitRole).toBool());
        QTRY_COMPARE(sample(RowStyle::Kind::NeverHit)->palette().color(QPalette::Window),
                     neverHit.data(Qt::BackgroundRole).value<QColor>());
        const QModelIndex negated = model->index(0, RuleTableModel::SourceColumn);
        QCOMPARE(sample(RowStyle::Kind::Negation)->palette().color(QPalette::WindowText),
                 negated.data(Qt::ForegroundRole).value<QColor>());
        const QModelIndex unreachable = model->index(2, RuleTableModel::TargetColumn);
        QVERIFY(unreachable.data(RuleTableModel::UnreachableRole).toBool());
        QCOMPARE(sample(RowStyle::Kind::Unreachable)->palette().color(QPalette::WindowText),
                 unreachable.data(Qt::ForegroundRole).value<QColor>());
        const QFont dead = unreachable.data(Qt::FontRole).value<QFont>();
        QCOMPARE(sample(RowStyle::Kind::Unreachable)->font().strikeOut(), dead.strikeOut());
        QCOMPARE(sample(RowStyle::Kind::Unreachable)->font().italic(), dead.italic());
        QVERIFY(sample(RowStyle::Kind::Verbatim)->font().italic());
        QVERIFY(!sample(RowStyle::Kind::Verbatim)->font().strikeOut());
        QVERIFY(!sample(RowStyle::Kind::NotApplied)->toolTip().isEmpty());
    }

    void forwardDescriptionFollowsHost_data()
    {
        QTest::addColumn<QString>("capture");
        QTest::addColumn<QStringList>("says");
        QTest::addColumn<QStringList>("never");
        QTest::newRow("20.10") << FixtureSnapshot::dockerCapture()
                               << QStringList{"DOCKER-USER first", "DOCKER-ISOLATION-STAGE-1"}
                               << QStringList{"28", "DOCKER-FORWARD", "ipset"};
        QTest::newRow("28.0.0") << FixtureSnapshot::mobyCapture(
                                       QStringLiteral("docker28.0.0-usernet-portmap.v4.rules"))
                                << QStringList{"DOCKER-USER first", "docker-ext-bridges-v4"}
                                << QStringList{"28.0.1", "DOCKER-FORWARD"};
        QTest::newRow("28.1.1") << FixtureSnapshot::mobyCapture(
                                       QStringLiteral("docker28.1.1-usernet-portmap.v4.rules"))
                                << QStringList{"DOCKER-USER first", "DOCKER-FORWARD"}
                                << QStringList{"28", "ipset"};
    }

    void forwardDescriptionFollowsHost()
    {
        QFETCH(QString, capture);
        QFETCH(QStringList, says);
        QFETCH(QStringList, never);
        QVERIFY(m_harness.open(FixtureSnapshot::fromFile(capture)));
        QVERIFY(window()->showChain(QStringLiteral("filter"), QStringLiteral("FORWARD")));
        const QString text =
            window()->chainView()->findChild<QLabel *>(QStringLiteral("chainDescription"))->text();
        for (const QString &s : says) {
            QVERIFY2(text.contains(s), qPrintable(s + QStringLiteral(" | ") + text));
        }
        for (const QString &s : never) {
            QVERIFY2(!text.contains(s), qPrintable(s + QStringLiteral(" | ") + text));
        }
    }

    void ipv6WithoutChainsNextToRunningIpv4()
    {
        // Docker 20.10 without "ip6tables": the IPv6 tab must not ask whether Docker runs.
        QVERIFY(m_harness.open(FixtureSnapshot::fromFile(FixtureSnapshot::dockerCapture())));
        window()->showFamily(Family::IPv6);
        const Notice notice = window()->statePage()->notice();
        QCOMPARE(notice.id, QStringLiteral("no-backend"));
        QVERIFY2(!notice.text.contains(QLatin1String("running?")), qPrintable(notice.text));
        QVERIFY(notice.text.contains(QLatin1String("\"ip6tables\": true")));
        QCOMPARE(notice.severity, Notice::Severity::Info);
    }

    void sandboxCapturesLookHealthy_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::newRow("nft") << "nft";
        QTest::newRow("legacy") << "legacy";
    }

    void sandboxCapturesLookHealthy()
    {
        // scripts/run's captures (scripts/lib/demo-captures.sh): no alarm on either tab; IPv6
        // says why it has no DOCKER-USER and offers to create it.
        QFETCH(QString, backend);
        const QString base =
            QStringLiteral("docker20.10-%1-ip6tables-with-containers.%1.").arg(backend);
        QVERIFY(QFile::exists(sandboxCapture(base + QStringLiteral("v4.rules"))));
        QVERIFY(m_harness.open(
            FixtureSnapshot::fromFile(sandboxCapture(base + QStringLiteral("v4.rules")), backend),
            FixtureSnapshot::fromFile(sandboxCapture(base + QStringLiteral("v6.rules")), backend)));
        FamilyPage *v4 = window()->page(Family::IPv4);
        FamilyPage *v6 = window()->page(Family::IPv6);
        QCOMPARE(alarms(v4), QStringList());
        QVERIFY(v4->isShowingRules());
        window()->showFamily(Family::IPv6);
        QCOMPARE(alarms(v6), QStringList());
        QVERIFY(v6->noticeBar()->hasNotice(QStringLiteral("no-docker-user")));
        Notice missing;
        for (const Notice &n : v6->noticeBar()->notices()) {
            if (n.id == QLatin1String("no-docker-user")) {
                missing = n;
            }
        }
        QVERIFY2(missing.text.contains(QLatin1String("Docker 20.10")), qPrintable(missing.text));
        QCOMPARE(missing.action, Notice::Action::CreateChain);
        QVERIFY(v6->noticeBar()->findChild<QPushButton *>(
            QStringLiteral("noticeAction-no-docker-user")));
    }
};

QTEST_MAIN(TestHelp)
#include "tst_help.moc"

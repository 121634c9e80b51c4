// Firewall → Test a packet, in the window with the real dockerd captures: the path as boxes with
// the verdict, the answer following the user's edits (undo stack) without reopening, the rules
// on the path marked in DOCKER-USER and in Docker's chains and nowhere else, clicking a rule of
// the picture to see it in the window, and specific errors (no trace) for bad input.
#include "chainlistmodel.h"
#include "chainrulesmodel.h"
#include "chainview.h"
#include "colorscheme.h"
#include "editsession.h"
#include "familypage.h"
#include "fixturesnapshot.h"
#include "mainwindow.h"
#include "packettestdialog.h"
#include "ruletablemodel.h"
#include "ruletableview.h"
#include "themecolors.h"
#include "tracepathview.h"
#include "wcagcontrast.h"
#include "windowharness.h"
#include "workspace.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QUndoStack>
#include <cmath>

using namespace Userchain;

namespace {
const QString DockerUserDrop = QStringLiteral("! -s 192.168.1.1/32 -i eth0 -j DROP");

/// "table chain: rules" for every box, as the picture shows them.
QStringList boxes(const TracePath &path)
{
    QStringList out;
    for (const TracePath::Box &box : path.boxes()) {
        QStringList rules;
        for (const TracePath::Line &line : box.lines) {
            rules << QString::number(line.rule);
        }
        out << QStringLiteral("%1 %2: %3").arg(box.table, box.chain, rules.join(QLatin1Char(',')));
    }
    return out;
}

} // namespace

class TestPacketTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_config;
    WindowHarness m_harness;
    MainWindow *window() const { return m_harness.window(); }
    EditSession *session(Family f) const { return window()->workspace()->session(f); }

    static Snapshot userRules()
    {
        return FixtureSnapshot::fromFile(FixtureSnapshot::userRulesCapture());
    }
    static Snapshot v6()
    {
        return FixtureSnapshot::fromFile(
            FixtureSnapshot::mobyCapture(QStringLiteral("docker29.7.2-composed-portmap.v6.rules")));
    }

    /// Opens the dialog the way a user does: Ctrl+T in the window.
    PacketTestDialog *openDialog()
    {
        window()->activateWindow();
        QTest::keyClick(window(), Qt::Key_T, Qt::ControlModifier);
        auto *dialog = window()->findChild<PacketTestDialog *>();
        if (dialog) {
            [[maybe_unused]] const bool exposed = QTest::qWaitForWindowExposed(dialog);
        }
        return dialog;
    }

    static void type(PacketTestDialog *dialog, const QString &field, const QString &text)
    {
        QLineEdit *edit = dialog->findChild<QLineEdit *>(field);
        if (!edit) {
            edit = dialog->findChild<QComboBox *>(field)->lineEdit();
        }
        edit->setFocus();
        edit->selectAll();
        QTest::keyClick(edit, Qt::Key_Delete);
        QTest::keyClicks(edit, text);
    }

    /// Every rule marked in the family's tables: DOCKER-USER's rows and those of each chain the
    /// window lists (shown one after the other, as a user would).
    TracedRules marked(Family family) const
    {
        TracedRules out;
        FamilyPage *page = window()->page(family);
        const RuleTableModel *model = session(family)->model();
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->index(row, 0).data(RuleTableModel::TracedRole).toBool()) {
                out[{QStringLiteral("filter"), QStringLiteral("DOCKER-USER")}].insert(row + 1);
            }
        }
        for (const ChainInfo &chain : session(family)->snapshot().chains) {
            if (chain.name == QLatin1String("DOCKER-USER") ||
                !page->chainModel()->chainIndex(chain.table, chain.name).isValid()) {
                continue;
            }
            ChainView *view = page->chainView();
            view->showChain(chain, {});
            const QAbstractItemModel *rules = view->tableView()->model();
            for (int row = 0; row < rules->rowCount(); ++row) {
                if (rules->index(row, 0).data(ChainRulesModel::TracedRole).toBool()) {
                    out[{chain.table, chain.name}].insert(row + 1);
                }
            }
        }
        return out;
    }

    /// The path's rules in the chains the window lists: what the tables can mark.
    TracedRules listed(const TracePath &path, Family family) const
    {
        TracedRules out;
        const TracedRules all = path.tracedRules();
        for (auto it = all.cbegin(); it != all.cend(); ++it) {
            if (window()
                    ->page(family)
                    ->chainModel()
                    ->chainIndex(it.key().first, it.key().second)
                    .isValid()) {
                out.insert(it.key(), it.value());
            }
        }
        return out;
    }

private slots:
    void initTestCase()
    {
        qputenv("XDG_CONFIG_HOME", m_config.path().toLocal8Bit());
        QCoreApplication::setOrganizationName(QStringLiteral("UserchainTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_gui_packettest"));
    }

    void cleanup()
    {
        ColorScheme::apply(ColorScheme::Scheme::System);
        m_harness.close();
    }

    void dropByDockerUserThenAcceptAfterAnEdit()
    {
        QVERIFY(m_harness.open(userRules()));
        PacketTestDialog *dialog = openDialog();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        QCOMPARE(dialog->family(), Family::IPv4);
        // The defaults: a public-looking source on the host's interface, the first published port.
        const PacketInput in = dialog->input();
        QCOMPARE(in.source, QStringLiteral("203.0.113.7"));
        QCOMPARE(in.inInterface, QStringLiteral("eth0"));
        QCOMPARE(in.port, QStringLiteral("8080"));
        QCOMPARE(in.protocol, QStringLiteral("tcp"));
        QTRY_COMPARE(dialog->path().verdict(), VerdictKind::Drop);
        QCOMPARE(dialog->problem(), QString());
        QCOMPARE(boxes(dialog->path()),
                 QStringList({QStringLiteral("nat PREROUTING: 1"), QStringLiteral("nat DOCKER: 3"),
                              QStringLiteral("filter FORWARD: 1"),
                              QStringLiteral("filter DOCKER-USER: 2")}));
        const TracePath::Box &last = dialog->path().boxes().constLast();
        QCOMPARE(last.lines.constFirst().text, DockerUserDrop);
        QCOMPARE(last.lines.constFirst().action, QStringLiteral("DROP"));
        QVERIFY2(dialog->path().verdictText().contains(QLatin1String("rule 2 of DOCKER-USER")),
                 qPrintable(dialog->path().verdictText()));
        auto *summary = dialog->findChild<QLabel *>(QStringLiteral("verdictSummary"));
        QVERIFY(summary->isVisible());
        QCOMPARE(summary->text(), dialog->path().verdictText());
        // The picture reads out as text: every box and the verdict.
        const QString described = dialog->pathView()->accessibleDescription();
        QVERIFY2(described.contains(QLatin1String("DOCKER-USER")) &&
                     described.contains(DockerUserDrop) &&
                     described.contains(QLatin1String("DROP")),
                 qPrintable(described));

        // Exactly the path's rules are marked, with the tooltip that says why.
        const TracedRules expected = listed(dialog->path(), Family::IPv4);
        QCOMPARE(expected.value({QStringLiteral("filter"), QStringLiteral("DOCKER-USER")}),
                 QSet<int>{2});
        QCOMPARE(marked(Family::IPv4), expected);
        const QModelIndex dropRow = session(Family::IPv4)->model()->index(1, 0);
        QVERIFY(dropRow.data(Qt::ToolTipRole)
                    .toString()
                    .contains(QLatin1String("Matched by the tested packet")));
        QVERIFY(dropRow.data(Qt::BackgroundRole).value<QColor>() ==
                ThemeColors::traceBackground(QGuiApplication::palette()));

        // The user deletes that rule in the window: the answer follows without reopening.
        window()->showChain(QStringLiteral("filter"), QStringLiteral("DOCKER-USER"));
        window()->ruleTableView()->selectRows(1, 1);
        window()->action(QStringLiteral("actionDelete"))->trigger();
        QCOMPARE(session(Family::IPv4)->model()->rowCount(), 3);
        QTRY_COMPARE(dialog->path().verdict(), VerdictKind::Accept);
        QVERIFY(dialog->isVisible());
        QVERIFY2(
            dialog->path().verdictText().contains(QLatin1String("decided by rule 1 of DOCKER.")),
            qPrintable(dialog->path().verdictText()));
        QCOMPARE(dialog->path().boxes().at(3).chain, QStringLiteral("DOCKER-USER"));
        QCOMPARE(dialog->path().boxes().at(3).lines.constFirst().text, QStringLiteral("-j RETURN"));
        QCOMPARE(marked(Family::IPv4), listed(dialog->path(), Family::IPv4));
        // DOCKER-USER's final RETURN (now row 2) hands the packet on.
        QCOMPARE(
            marked(Family::IPv4).value({QStringLiteral("filter"), QStringLiteral("DOCKER-USER")}),
            QSet<int>{2});

        // Undo brings the rule and the DROP back.
        session(Family::IPv4)->undoStack()->undo();
        QTRY_COMPARE(dialog->path().verdict(), VerdictKind::Drop);
        QCOMPARE(marked(Family::IPv4), listed(dialog->path(), Family::IPv4));

        // Closing the dialog takes every mark away.
        dialog->close();
        QCOMPARE(marked(Family::IPv4), TracedRules());
    }

    // The fields change far more often than the rules: typing tests again on the rules as
    // parsed, an edit parses them again (and the answer follows it, see above).
    void typingDoesNotParseTheRulesAgain()
    {
        QVERIFY(m_harness.open(userRules()));
        PacketTestDialog *dialog = openDialog();
        QTRY_COMPARE(dialog->path().verdict(), VerdictKind::Drop);
        const int builds = dialog->rulesetBuilds();
        QVERIFY(builds >= 1);
        type(dialog, QStringLiteral("source"), QStringLiteral("198.51.100.23"));
        QTRY_COMPARE(dialog->input().source, QStringLiteral("198.51.100.23"));
        dialog->retrace();
        QCOMPARE(dialog->path().verdict(), VerdictKind::Drop);
        QCOMPARE(dialog->rulesetBuilds(), builds);
        window()->showChain(QStringLiteral("filter"), QStringLiteral("DOCKER-USER"));
        window()->ruleTableView()->selectRows(1, 1);
        window()->action(QStringLiteral("actionDelete"))->trigger();
        QTRY_COMPARE(dialog->path().verdict(), VerdictKind::Accept);
        QCOMPARE(dialog->rulesetBuilds(), builds + 1);
    }

    void clickingARuleShowsItInTheWindow()
    {
        QVERIFY(m_harness.open(userRules()));
        PacketTestDialog *dialog = openDialog();
        QTRY_COMPARE(dialog->path().verdict(), VerdictKind::Drop);
        TracePathView *view = dialog->pathView();
        const QVector<TracePath::Box> &path = dialog->path().boxes();
        const int natBox = 1;
        QCOMPARE(path.at(natBox).chain, QStringLiteral("DOCKER"));
        const int natItem = view->itemOf(natBox, 0);
        QTest::mouseClick(view, Qt::LeftButton, {}, view->itemRect(natItem).center());
        QCOMPARE(window()->chainView()->table(), QStringLiteral("nat"));
        QCOMPARE(window()->chainView()->chainName(), QStringLiteral("DOCKER"));
        QTableView *rows = window()->chainView()->tableView();
        QCOMPARE(rows->selectionModel()->selectedRows().size(), 1);
        QCOMPARE(rows->selectionModel()->selectedRows().constFirst().row(), 2);

        // By keyboard: End goes to the last rule (DOCKER-USER's DROP), Enter shows it.
        view->setFocus();
        QTest::keyClick(view, Qt::Key_End);
        QCOMPARE(view->currentItem(), view->itemCount() - 1);
        QVERIFY(view->accessibleName().contains(DockerUserDrop));
        QTest::keyClick(view, Qt::Key_Return);
        QVERIFY(window()->currentPage()->isShowingRules());
        QCOMPARE(window()->ruleTableView()->selectedRows(), QVector<int>{1});
    }

    void badInputGivesASpecificErrorAndNoTrace_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("error");
        QTest::newRow("source not an address")
            << "source"
            << "203.0.113.300"
            << "Source: \"203.0.113.300\" is not an IPv4 address";
        QTest::newRow("source of the other family")
            << "source"
            << "2001:db8::7"
            << "2001:db8::7 is an IPv6 address, but the packet is IPv4";
        QTest::newRow("source a network") << "source"
                                          << "10.0.0.0/8"
                                          << "Source: a packet has one address";
        QTest::newRow("source empty") << "source"
                                      << ""
                                      << "Type the packet's source address";
        QTest::newRow("interface wildcard") << "interface"
                                            << "eth+"
                                            << "\"eth+\" is a wildcard";
        QTest::newRow("interface empty") << "interface"
                                         << ""
                                         << "Type the interface";
        QTest::newRow("interface too long") << "interface"
                                            << "averyveryverylongname"
                                            << "Interface: ";
        QTest::newRow("port zero") << "port"
                                   << "0"
                                   << "Port: \"0\" is not a port number";
        QTest::newRow("port too high") << "port"
                                       << "70000"
                                       << "Port: \"70000\" is not a port";
        QTest::newRow("port octal") << "port"
                                    << "080"
                                    << "Port: \"080\" is not a port";
        QTest::newRow("port empty") << "port"
                                    << ""
                                    << "type the destination port";
        QTest::newRow("destination") << "destination"
                                     << "host.example"
                                     << "Destination: \"host.example\" is not an IPv4";
    }

    void badInputGivesASpecificErrorAndNoTrace()
    {
        QFETCH(QString, field);
        QFETCH(QString, text);
        QFETCH(QString, error);
        QVERIFY(m_harness.open(userRules()));
        PacketTestDialog *dialog = openDialog();
        QTRY_COMPARE(dialog->path().verdict(), VerdictKind::Drop);
        QVERIFY(!marked(Family::IPv4).isEmpty());
        type(dialog, field, text);
        QTRY_VERIFY2(dialog->problem().contains(error), qPrintable(dialog->problem()));
        QVERIFY(dialog->path().isEmpty());
        QCOMPARE(dialog->pathView()->itemCount(), 0);
        QVERIFY(!dialog->findChild<QLabel *>(QStringLiteral("verdictSummary"))->isVisible());
        QCOMPARE(marked(Family::IPv4), TracedRules());
        // Typed by the user: an error, in the error colour.
        auto *problem = dialog->findChild<QLabel *>(QStringLiteral("problem"));
        QVERIFY(problem->isVisible());
        QVERIFY2(problem->styleSheet().contains(ThemeColors::errorText(dialog->palette()).name()),
                 qPrintable(problem->styleSheet()));
        // Fixed, the answer is back.
        type(dialog, field,
             field == QLatin1String("source")      ? QStringLiteral("203.0.113.7")
             : field == QLatin1String("interface") ? QStringLiteral("eth0")
             : field == QLatin1String("port")      ? QStringLiteral("8080")
                                                   : QString());
        QTRY_COMPARE(dialog->path().verdict(), VerdictKind::Drop);
        QCOMPARE(dialog->problem(), QString());
    }

    void noRedErrorBeforeTheUserTyped()
    {
        // Docker 20.10 freshly started publishes no port: there is no port to offer.
        const Snapshot fresh = FixtureSnapshot::fromFile(QStringLiteral(
            USERCHAIN_FIXTURES_DIR "/docker-20.10/docker20.10-legacy-fresh.legacy.v4.rules"));
        QVERIFY(m_harness.open(fresh));
        PacketTestDialog *dialog = openDialog();
        QTRY_VERIFY(!dialog->problem().isEmpty());
        QVERIFY2(dialog->problem().contains(QLatin1String("Choose a published port or type")),
                 qPrintable(dialog->problem()));
        auto *problem = dialog->findChild<QLabel *>(QStringLiteral("problem"));
        QVERIFY(!problem->styleSheet().contains(ThemeColors::errorText(dialog->palette()).name()));
        type(dialog, QStringLiteral("port"), QStringLiteral("99999"));
        QTRY_VERIFY(dialog->problem().contains(QLatin1String("\"99999\"")));
        QVERIFY(problem->styleSheet().contains(ThemeColors::errorText(dialog->palette()).name()));
        type(dialog, QStringLiteral("port"), QStringLiteral("22"));
        QTRY_VERIFY(!dialog->path().isEmpty());
        // No DNAT: the host itself, through INPUT, which DOCKER-USER never sees.
        QCOMPARE(dialog->path().boxes().constLast().chain, QStringLiteral("INPUT"));
        QVERIFY(dialog->path()
                    .notes()
                    .join(QLatin1Char(' '))
                    .contains(QLatin1String("DOCKER-USER does not see it")));
    }

    void ipv6AndEveryChainThePacketPassed()
    {
        QVERIFY(m_harness.open(userRules(), v6()));
        window()->showFamily(Family::IPv6);
        PacketTestDialog *dialog = openDialog();
        QCOMPARE(dialog->family(), Family::IPv6); // the tab on screen
        QCOMPARE(dialog->input().source, QStringLiteral("2001:db8::7"));
        QTRY_COMPARE(dialog->path().verdict(), VerdictKind::Accept);
        // raw PREROUTING, Docker 29's empty DOCKER-USER and DOCKER-CT are passed too: boxes
        // with no rule.
        const QStringList expected = {QStringLiteral("raw PREROUTING: "),
                                      QStringLiteral("nat PREROUTING: 1"),
                                      QStringLiteral("nat DOCKER: 1"),
                                      QStringLiteral("filter FORWARD: 1"),
                                      QStringLiteral("filter DOCKER-USER: "),
                                      QStringLiteral("filter FORWARD: 2"),
                                      QStringLiteral("filter DOCKER-FORWARD: 1"),
                                      QStringLiteral("filter DOCKER-CT: "),
                                      QStringLiteral("filter DOCKER-FORWARD: 2"),
                                      QStringLiteral("filter DOCKER-INTERNAL: "),
                                      QStringLiteral("filter DOCKER-FORWARD: 3"),
                                      QStringLiteral("filter DOCKER-BRIDGE: 1"),
                                      QStringLiteral("filter DOCKER: 1")};
        QCOMPARE(boxes(dialog->path()), expected);
        QCOMPARE(dialog->path().boxes().constFirst().note,
                 QStringLiteral("No rule matched: on to the next table."));
        const TracePath::Box &dockerUser = dialog->path().boxes().at(4);
        QCOMPARE(dockerUser.depth, 1);
        QCOMPARE(dockerUser.note, QStringLiteral("No rule matched: back to FORWARD."));
        QCOMPARE(marked(Family::IPv6), listed(dialog->path(), Family::IPv6));
        QCOMPARE(marked(Family::IPv4), TracedRules());

        // Switched to IPv4 in the dialog: IPv6's marks go, IPv4's come.
        auto *family = dialog->findChild<QComboBox *>(QStringLiteral("family"));
        family->setCurrentIndex(family->findData(4));
        QCOMPARE(dialog->input().source, QStringLiteral("203.0.113.7"));
        QTRY_COMPARE(dialog->path().verdict(), VerdictKind::Drop);
        QCOMPARE(marked(Family::IPv6), TracedRules());
        QCOMPARE(marked(Family::IPv4), listed(dialog->path(), Family::IPv4));
    }

    void establishedAndIcmp()
    {
        QVERIFY(m_harness.open(userRules()));
        PacketTestDialog *dialog = openDialog();
        QTRY_COMPARE(dialog->path().verdict(), VerdictKind::Drop);
        type(dialog, QStringLiteral("source"), QStringLiteral("192.168.1.1"));
        auto *state = dialog->findChild<QComboBox *>(QStringLiteral("state"));
        state->setCurrentIndex(1);
        // A later packet does not pass nat; conntrack's rule in FORWARD lets it through.
        QTRY_COMPARE(dialog->path().verdict(), VerdictKind::Accept);
        QVERIFY(!boxes(dialog->path()).join(QLatin1Char(' ')).contains(QLatin1String("nat")));
        QVERIFY(boxes(dialog->path()).contains(QStringLiteral("filter FORWARD: 7")));
        QVERIFY(dialog->path()
                    .notes()
                    .join(QLatin1Char(' '))
                    .contains(QLatin1String("Conntrack applies the connection's DNAT")));

        auto *protocol = dialog->findChild<QComboBox *>(QStringLiteral("protocol"));
        protocol->setCurrentIndex(protocol->findData(QStringLiteral("icmp")));
        state->setCurrentIndex(0);
        QVERIFY(!dialog->findChild<QComboBox *>(QStringLiteral("port"))->isEnabled());
        QTRY_COMPARE(dialog->path().boxes().constLast().chain, QStringLiteral("INPUT"));
        // nat DOCKER publishes nothing for ping: its box says no rule matched, back to PREROUTING.
        QCOMPARE(boxes(dialog->path()),
                 QStringList({QStringLiteral("nat PREROUTING: 1"), QStringLiteral("nat DOCKER: "),
                              QStringLiteral("filter INPUT: 0")}));
        QCOMPARE(dialog->path().boxes().at(1).note,
                 QStringLiteral("No rule matched: back to PREROUTING."));
    }

    void pictureInLightAndDark_data()
    {
        QTest::addColumn<int>("scheme");
        QTest::newRow("light") << int(ColorScheme::Scheme::Light);
        QTest::newRow("dark") << int(ColorScheme::Scheme::Dark);
    }

    void pictureInLightAndDark()
    {
        QFETCH(int, scheme);
        QVERIFY(m_harness.open(userRules()));
        ColorScheme::apply(ColorScheme::Scheme(scheme));
        PacketTestDialog *dialog = openDialog();
        QTRY_COMPARE(dialog->path().verdict(), VerdictKind::Drop);
        TracePathView *view = dialog->pathView();
        const QPalette palette = view->palette();
        QVERIFY(wcagContrast(palette.color(QPalette::Text),
                             ThemeColors::traceBackground(palette)) >= 4.5);
        QVERIFY(wcagContrast(palette.color(QPalette::Link),
                             ThemeColors::traceBackground(palette)) >= 3.0);
        // The matched rule's line is drawn on the trace colour, the page on the palette's base.
        const QImage image = view->grab().toImage();
        const QRect line = view->itemRect(view->itemCount() - 1);
        QCOMPARE(image.pixelColor(line.right() - 4, line.center().y()),
                 ThemeColors::traceBackground(palette));
        QCOMPARE(image.pixelColor(1, 1), palette.color(QPalette::Base));
        // It grows with the path and scrolls rather than squeezing the boxes.
        QVERIFY(view->height() >= view->heightForWidth(view->width()));
    }
};

QTEST_MAIN(TestPacketTest)
#include "tst_packettest.moc"

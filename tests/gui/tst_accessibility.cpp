// Accessibility, driven offscreen: Tab reaches every enabled control on screen (the window with
// each family, every wizard page, the raw editor, the review and the countdown) and never gets
// stuck; every control and view has a name for assistive technology (its own or its buddy
// label's); Alt+letter reaches every labelled wizard field; mnemonics are unique per dialog and
// per menu, in English and in German. The table's own colours keep their contrast with light
// and dark palettes.
#include "applydialog.h"
#include "colorscheme.h"
#include "confirmdialog.h"
#include "editsession.h"
#include "familytext.h"
#include "fixturesnapshot.h"
#include "layouthint.h"
#include "mainwindow.h"
#include "rawruledialog.h"
#include "ruletablemodel.h"
#include "ruletableview.h"
#include "rulewizard.h"
#include "themecolors.h"
#include "translations.h"
#include "wcagcontrast.h"
#include "windowharness.h"
#include "wizarddriver.h"
#include "workspace.h"

#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QApplication>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QRadioButton>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextEdit>
#include <QToolBar>
#include <QTreeView>
#include <QWizard>
#include <memory>

using Userchain::Family;

namespace {
/// A control a user operates, as opposed to a label or a container.
bool isControl(const QWidget *w)
{
    return qobject_cast<const QAbstractButton *>(w) || qobject_cast<const QLineEdit *>(w) ||
           qobject_cast<const QComboBox *>(w) || qobject_cast<const QAbstractSpinBox *>(w) ||
           qobject_cast<const QAbstractItemView *>(w) || qobject_cast<const QTabBar *>(w) ||
           qobject_cast<const QPlainTextEdit *>(w) || qobject_cast<const QTextEdit *>(w);
}

/// A combo's line edit, a view's header, a line edit's clear button and a tab bar's scroll
/// arrows are parts of another control, not controls of their own.
bool isPartOfAnother(const QWidget *w, const QWidget *window)
{
    for (const QWidget *p = w->parentWidget(); p && p != window; p = p->parentWidget()) {
        if (isControl(p)) {
            return true;
        }
    }
    return false;
}

/// Tool bar buttons take no focus by design; their actions are in the menus (checked apart).
bool isToolBarButton(const QWidget *w)
{
    return qobject_cast<const QToolBar *>(w->parentWidget()) != nullptr;
}

QString describe(const QWidget *w)
{
    QString text;
    if (const auto *button = qobject_cast<const QAbstractButton *>(w)) {
        text = button->text();
    }
    return QStringLiteral("%1 \"%2\" (%3)")
        .arg(QString::fromLatin1(w->metaObject()->className()), w->objectName(), text);
}

/// The enabled controls a user sees in `window`.
QList<QWidget *> visibleControls(QWidget *window)
{
    QList<QWidget *> controls;
    const QList<QWidget *> all = window->findChildren<QWidget *>();
    for (QWidget *w : all) {
        if (isControl(w) && w->window() == window && w->isVisible() && w->isEnabled() &&
            !isPartOfAnother(w, window) && !isToolBarButton(w)) {
            controls << w;
        }
    }
    return controls;
}

/// Radio buttons of one exclusive group are one stop for Tab; arrow keys choose among them.
bool sameRadioGroup(const QWidget *a, const QWidget *b)
{
    const auto *ra = qobject_cast<const QRadioButton *>(a);
    const auto *rb = qobject_cast<const QRadioButton *>(b);
    return ra && rb && ra->autoExclusive() && rb->autoExclusive() &&
           ra->parentWidget() == rb->parentWidget();
}

/// The control that owns the focus widget (a combo for its line edit).
QWidget *controlOf(QWidget *focus, const QList<QWidget *> &controls)
{
    for (QWidget *w = focus; w; w = w->parentWidget()) {
        if (controls.contains(w)) {
            return w;
        }
    }
    return focus;
}

QString mnemonicOf(const QString &text)
{
    for (int i = text.indexOf(QLatin1Char('&')); i >= 0 && i + 1 < text.size();
         i = text.indexOf(QLatin1Char('&'), i + 2)) {
        if (text.at(i + 1) != QLatin1Char('&')) {
            return text.at(i + 1).toLower();
        }
    }
    return QString();
}

QLabel *buddyLabelOf(QWidget *control, QWidget *window)
{
    const QList<QLabel *> labels = window->findChildren<QLabel *>();
    for (QLabel *label : labels) {
        QWidget *buddy = label->buddy();
        if (buddy &&
            (buddy == control || buddy->isAncestorOf(control) || buddy->focusProxy() == control)) {
            return label;
        }
    }
    return nullptr;
}

} // namespace

class TestAccessibility : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_config;
    std::unique_ptr<Translations> m_translations;

    /// Shows `window`, makes it active and puts the focus on its first control.
    bool activate(QWidget *window)
    {
        window->show();
        window->activateWindow();
        QApplication::setActiveWindow(window);
        if (!QTest::qWaitForWindowActive(window)) {
            return false;
        }
        const QList<QWidget *> controls = visibleControls(window);
        if (!controls.isEmpty() && !QApplication::focusWidget()) {
            controls.first()->setFocus(Qt::TabFocusReason);
        }
        return QApplication::focusWidget() != nullptr;
    }

    /// Tab from the focus around `window`: every visible enabled control gets the focus, and
    /// each Tab moves it on.
    void checkTabReachesAll(QWidget *window, const QString &where)
    {
        QVERIFY2(activate(window), qPrintable(where + QStringLiteral(": no focus")));
        const QList<QWidget *> controls = visibleControls(window);
        QVERIFY2(!controls.isEmpty(), qPrintable(where));
        QSet<QWidget *> reached;
        for (int step = 0; step < 2 * controls.size() + 4; ++step) {
            QWidget *focus = QApplication::focusWidget();
            QVERIFY2(focus, qPrintable(where + QStringLiteral(": focus lost")));
            reached.insert(controlOf(focus, controls));
            QTest::keyClick(focus, Qt::Key_Tab);
            QVERIFY2(controls.size() == 1 || QApplication::focusWidget() != focus,
                     qPrintable(where + QStringLiteral(": Tab is stuck in ") + describe(focus)));
        }
        QStringList missed;
        for (QWidget *w : controls) {
            const bool viaGroup = std::any_of(reached.cbegin(), reached.cend(),
                                              [w](QWidget *r) { return sameRadioGroup(w, r); });
            if (!reached.contains(w) && !viaGroup) {
                missed << describe(w);
            }
        }
        QVERIFY2(missed.isEmpty(), qPrintable(where + QStringLiteral(": Tab never reaches ") +
                                              missed.join(QStringLiteral(", "))));
    }

    /// In a dialog, Tab goes the way one reads: from the top-left control, each next one is
    /// below the last or, in the same row, to its right, around to the buttons at the bottom.
    void checkTabOrderFollowsLayout(QWidget *window, const QString &where)
    {
        QVERIFY2(activate(window), qPrintable(where + QStringLiteral(": no focus")));
        const QList<QWidget *> controls = visibleControls(window);
        auto position = [window](const QWidget *w) {
            return w->mapTo(window, QPoint(0, 0));
        };
        QWidget *first = *std::min_element(
            controls.cbegin(), controls.cend(), [&position](QWidget *a, QWidget *b) {
                const QPoint pa = position(a);
                const QPoint pb = position(b);
                return pa.y() != pb.y() ? pa.y() < pb.y() : pa.x() < pb.x();
            });
        first->setFocus(Qt::TabFocusReason);
        QWidget *previous = nullptr;
        QSet<QWidget *> seen;
        for (int step = 0; step < controls.size(); ++step) {
            QWidget *current = controlOf(QApplication::focusWidget(), controls);
            if (seen.contains(current)) {
                break; // round: every control of the cycle was seen
            }
            seen.insert(current);
            if (previous) {
                const QPoint a = position(previous);
                const QPoint b = position(current);
                const bool sameRow = std::abs(a.y() - b.y()) <= 4;
                QVERIFY2(sameRow ? b.x() > a.x() : b.y() > a.y(),
                         qPrintable(QStringLiteral("%1: Tab goes from %2 back up to %3")
                                        .arg(where, describe(previous), describe(current))));
            }
            previous = current;
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        }
    }

    /// Every control has a name a screen reader says; fields (not buttons, which say their
    /// text) have one of their own or a buddy label.
    void checkNames(QWidget *window, const QString &where)
    {
        QStringList unnamed;
        for (QWidget *w : visibleControls(window)) {
            QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(w);
            const QString spoken = iface ? iface->text(QAccessible::Name) : QString();
            const bool isButton = qobject_cast<QAbstractButton *>(w) != nullptr;
            const bool named = !w->accessibleName().isEmpty() || buddyLabelOf(w, window);
            if (spoken.trimmed().isEmpty() || (!isButton && !named)) {
                unnamed << describe(w);
            }
        }
        QVERIFY2(unnamed.isEmpty(), qPrintable(where + QStringLiteral(": no accessible name: ") +
                                               unnamed.join(QStringLiteral(", "))));
    }

    /// No two visible buttons or buddy labels of `window` share an Alt+letter.
    void checkMnemonicsUnique(QWidget *window, const QString &where)
    {
        QHash<QString, QString> seen;
        QStringList clashes;
        auto note = [&](const QString &text) {
            const QString key = mnemonicOf(text);
            if (key.isEmpty()) {
                return;
            }
            if (seen.contains(key)) {
                clashes << QStringLiteral("\"%1\" and \"%2\"").arg(seen.value(key), text);
            }
            seen.insert(key, text);
        };
        const QList<QWidget *> all = window->findChildren<QWidget *>();
        for (QWidget *w : all) {
            if (!w->isVisible() || w->window() != window || isToolBarButton(w)) {
                continue;
            }
            if (auto *label = qobject_cast<QLabel *>(w); label && label->buddy()) {
                note(label->text());
            } else if (auto *button = qobject_cast<QAbstractButton *>(w)) {
                note(button->text());
            }
        }
        QVERIFY2(clashes.isEmpty(), qPrintable(where + QStringLiteral(": same mnemonic for ") +
                                               clashes.join(QStringLiteral(", "))));
    }

    /// Alt+letter of each buddy label puts the focus into its field.
    void checkMnemonicsReachFields(QWidget *window, const QString &where)
    {
        const QList<QLabel *> labels = window->findChildren<QLabel *>();
        for (QLabel *label : labels) {
            QWidget *buddy = label->buddy();
            const QString key = mnemonicOf(label->text());
            if (!buddy || !label->isVisible() || key.isEmpty() || !buddy->isEnabled()) {
                continue;
            }
            window->setFocus();
            QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget() : window,
                            key.at(0).toLatin1(), Qt::AltModifier);
            QWidget *focus = QApplication::focusWidget();
            QVERIFY2(focus && (focus == buddy || buddy->isAncestorOf(focus) ||
                               focus == buddy->focusProxy()),
                     qPrintable(QStringLiteral("%1: Alt+%2 (\"%3\") leaves the focus on %4")
                                    .arg(where, key, label->text(),
                                         focus ? describe(focus) : QStringLiteral("nothing"))));
        }
    }

    void checkDialog(QWidget *window, const QString &where)
    {
        checkTabReachesAll(window, where);
        checkTabOrderFollowsLayout(window, where);
        checkNames(window, where);
        checkMnemonicsUnique(window, where);
        checkMnemonicsReachFields(window, where);
    }

    WizardContext context(Family family = Family::IPv4) const
    {
        WizardContext c;
        c.family = family;
        c.interfaces = {QStringLiteral("eth0"), QStringLiteral("wlan0")};
        c.publishedPorts = {{QStringLiteral("tcp"), QStringLiteral("8080"), QString(),
                             QStringLiteral("172.17.0.2:80")}};
        c.otherFamilyAvailable = true;
        return c;
    }

    void setLanguage()
    {
        QFETCH_GLOBAL(QString, locale);
        m_translations->unload();
        if (locale != QLatin1String("en")) {
            QVERIFY(m_translations->load(QLocale(locale)));
        }
    }

private slots:
    void initTestCase()
    {
        qputenv("XDG_CONFIG_HOME", m_config.path().toLocal8Bit());
        QCoreApplication::setOrganizationName(QStringLiteral("UserchainTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_gui_accessibility"));
        m_translations = std::make_unique<Translations>();
    }

    void initTestCase_data()
    {
        QTest::addColumn<QString>("locale");
        QTest::newRow("en") << QStringLiteral("en");
        QTest::newRow("de") << QStringLiteral("de_DE");
    }

    void init() { setLanguage(); }

    void cleanup()
    {
        m_translations->unload();
        ColorScheme::apply(ColorScheme::Scheme::System);
    }

    void mainWindowByKeyboard()
    {
        WindowHarness harness;
        QVERIFY(harness.open(FixtureSnapshot::fromFile(FixtureSnapshot::userRulesCapture()),
                             FixtureSnapshot::fromFile(FixtureSnapshot::mobyCapture(
                                 QStringLiteral("docker29.7.2-composed-portmap.v6.rules")))));
        MainWindow *window = harness.window();
        // The views have names of their own, the family in them.
        for (Family family : Workspace::families()) {
            QVERIFY(!window->page(family)->chainTree()->accessibleName().isEmpty());
            QVERIFY(!window->page(family)->ruleView()->tableView()->accessibleName().isEmpty());
            QVERIFY(!window->page(family)->ruleView()->searchBox()->accessibleName().isEmpty());
        }
        QVERIFY(!window->familyTabs()->tabBar()->accessibleName().isEmpty());
        QVERIFY(window->ruleTableView()->tableView()->accessibleName().contains(
            QStringLiteral("IPv4")));

        checkTabReachesAll(window, QStringLiteral("IPv4 page"));
        checkNames(window, QStringLiteral("IPv4 page"));
        // The family tabs take the focus; Ctrl+2 shows IPv6 from anywhere.
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_2, Qt::ControlModifier);
        QCOMPARE(window->workspace()->currentFamily(), Family::IPv6);
        checkTabReachesAll(window, QStringLiteral("IPv6 page"));
        checkNames(window, QStringLiteral("IPv6 page"));

        // One of Docker's chains, read-only: its view is reached and named too.
        QVERIFY(window->showChain(QStringLiteral("filter"), QStringLiteral("FORWARD")));
        checkTabReachesAll(window, QStringLiteral("FORWARD"));
        checkNames(window, QStringLiteral("FORWARD"));
    }

    void menusByKeyboard()
    {
        WindowHarness harness;
        QVERIFY(harness.open(FixtureSnapshot::fromFile(FixtureSnapshot::dockerCapture())));
        MainWindow *window = harness.window();
        QStringList clashes;
        QList<QAction *> inMenus;
        std::function<void(const QList<QAction *> &, const QString &)> walk =
            [&](const QList<QAction *> &actions, const QString &where) {
                QHash<QString, QString> seen;
                for (QAction *action : actions) {
                    if (action->isSeparator() || !action->isVisible()) {
                        continue;
                    }
                    inMenus << action;
                    const QString key = mnemonicOf(action->text());
                    QVERIFY2(!key.isEmpty(), qPrintable(where + QStringLiteral(": no mnemonic: ") +
                                                        action->text()));
                    if (seen.contains(key)) {
                        clashes << QStringLiteral("%1: \"%2\" and \"%3\"")
                                       .arg(where, seen.value(key), action->text());
                    }
                    seen.insert(key, action->text());
                    if (action->menu()) {
                        walk(action->menu()->actions(), action->text());
                    }
                }
            };
        walk(window->menuBar()->actions(), QStringLiteral("menu bar"));
        QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(QStringLiteral("; "))));
        // What the tool bar offers, the menus offer too (tool buttons take no focus).
        const QList<QToolBar *> toolBars = window->findChildren<QToolBar *>();
        for (QToolBar *bar : toolBars) {
            const QList<QAction *> actions = bar->actions();
            for (QAction *action : actions) {
                QVERIFY2(action->isSeparator() || inMenus.contains(action),
                         qPrintable(action->text()));
            }
        }
    }

    void wizardsByKeyboard_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("family");
        for (int family : {4, 6}) {
            const QString suffix = family == 6 ? QStringLiteral(" (IPv6)") : QString();
            QTest::newRow(qPrintable(QStringLiteral("only IP") + suffix))
                << int(RuleWizard::OnlyIp) << family;
            QTest::newRow(qPrintable(QStringLiteral("only subnet") + suffix))
                << int(RuleWizard::OnlySubnet) << family;
            QTest::newRow(qPrintable(QStringLiteral("only range") + suffix))
                << int(RuleWizard::OnlyRange) << family;
            QTest::newRow(qPrintable(QStringLiteral("published port") + suffix))
                << int(RuleWizard::PublishedPort) << family;
            QTest::newRow(qPrintable(QStringLiteral("source and destination") + suffix))
                << int(RuleWizard::SourceDestination) << family;
            QTest::newRow(qPrintable(QStringLiteral("recommended policy") + suffix))
                << int(RuleWizard::RecommendedPolicy) << family;
        }
    }

    void wizardsByKeyboard()
    {
        QFETCH(int, kind);
        QFETCH(int, family);
        std::unique_ptr<RuleWizard> wizard(
            RuleWizard::create(RuleWizard::Kind(kind), context(FamilyText::fromInt(family)), 3));
        const QString title = wizard->windowTitle();
        checkDialog(wizard.get(), title);
        // Fields named by their labels, without the mnemonic's "&" or the colon.
        const QList<QLabel *> labels = wizard->currentPage()->findChildren<QLabel *>();
        for (QLabel *label : labels) {
            if (QWidget *buddy = label->buddy()) {
                QVERIFY2(!buddy->accessibleName().isEmpty(), qPrintable(label->text()));
                QVERIFY(!buddy->accessibleName().contains(QLatin1Char('&')));
                QVERIFY(!buddy->accessibleName().endsWith(QLatin1Char(':')));
            }
        }
        // The range's destination is enabled by its check box, then reached by Tab as well.
        if (auto *toggle = wizard->findChild<QAbstractButton *>(QStringLiteral("useDestination"))) {
            toggle->setChecked(true);
            checkTabReachesAll(wizard.get(), title + QStringLiteral(", destination"));
        }
        // The policy's review page: the rules and the two choices.
        if (kind == RuleWizard::RecommendedPolicy) {
            wizard->findChild<QLineEdit *>(QStringLiteral("subnets"))
                ->setText(family == 6 ? QStringLiteral("2001:db8:1::/48")
                                      : QStringLiteral("192.0.2.0/24"));
            QVERIFY(wizard->button(QWizard::NextButton)->isEnabled());
            wizard->next();
            checkDialog(wizard.get(), title + QStringLiteral(", review"));
            // Tab stops at the chosen one of the two choices; an arrow key picks the other.
            auto *replace = wizard->findChild<QRadioButton *>(QStringLiteral("replaceTable"));
            auto *add = wizard->findChild<QRadioButton *>(QStringLiteral("addToTable"));
            replace->setFocus(Qt::TabFocusReason);
            QTest::keyClick(replace, Qt::Key_Down);
            QVERIFY(add->hasFocus());
            QVERIFY(add->isChecked());
        }
    }

    void wizardPlacementByKeyboard_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QStringList>("steps");
        QTest::newRow("only IP") << int(RuleWizard::OnlyIp)
                                 << QStringList{"interface=eth0", "address=192.0.2.7"};
        QTest::newRow("only subnet")
            << int(RuleWizard::OnlySubnet) << QStringList{"interface=eth0", "subnet=192.0.2.0/24"};
        QTest::newRow("only range")
            << int(RuleWizard::OnlyRange)
            << QStringList{"interface=eth0", "sourceRange=192.0.2.1-192.0.2.9"};
        QTest::newRow("published port")
            << int(RuleWizard::PublishedPort)
            << QStringList{"port=8080", "interface=eth0", "source=192.0.2.0/24"};
    }

    // The placement choice appears only when an earlier rule would catch the new ones; its
    // Alt+letters must not clash with the page's fields then either.
    void wizardPlacementByKeyboard()
    {
        QFETCH(int, kind);
        QFETCH(QStringList, steps);
        WizardContext c = context();
        c.currentRules = {QStringLiteral("-j DROP")};
        std::unique_ptr<RuleWizard> wizard(RuleWizard::create(RuleWizard::Kind(kind), c, 1));
        wizard->show();
        for (const QString &step : steps) {
            WizardDriver::drive(wizard->currentPage(), step);
        }
        auto *above =
            wizard->currentPage()->findChild<QRadioButton *>(QStringLiteral("insertAbove"));
        QVERIFY(above);
        QTRY_VERIFY(above->isVisible());
        checkMnemonicsUnique(wizard.get(), wizard->windowTitle() + QStringLiteral(", placement"));
    }

    void rawEditorByKeyboard()
    {
        RawRuleDialog dialog(Family::IPv4);
        dialog.setOtherFamilyAvailable(true);
        QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("specEdit")),
                         QStringLiteral("-i eth1 -j DROP"));
        checkDialog(&dialog, QStringLiteral("raw editor"));
        QCOMPARE(dialog.findChild<QLineEdit *>(QStringLiteral("specEdit"))->accessibleName(),
                 dialog.findChild<QLabel *>(QStringLiteral("ruleLabel"))
                     ->text()
                     .remove(QLatin1Char('&'))
                     .remove(QLatin1Char(':')));
    }

    void applyDialogsByKeyboard()
    {
        ApplyDialog review;
        Userchain::RuleDiff::Change added;
        added.kind = Userchain::RuleDiff::Kind::Added;
        added.spec = QStringLiteral("-i eth0 -j DROP");
        Userchain::RuleDiff::Change kept;
        kept.kind = Userchain::RuleDiff::Kind::Kept;
        kept.spec = QStringLiteral("-j RETURN");
        review.setReviews({{Family::IPv4, {added, kept}, QString(), {}}}, QString());
        checkDialog(&review, QStringLiteral("review"));
        // The seconds follow the check box: off, they are out of the way.
        review.setConfirmEnabled(false);
        checkTabReachesAll(&review, QStringLiteral("review, unconfirmed"));

        ConfirmDialog countdown;
        countdown.setFamily(QStringLiteral("IPv4 (iptables)"), QString());
        checkDialog(&countdown, QStringLiteral("countdown"));
        countdown.dismiss();
    }

    void coloursFollowThePalette_data()
    {
        QTest::addColumn<int>("scheme");
        QTest::newRow("light") << int(ColorScheme::Scheme::Light);
        QTest::newRow("dark") << int(ColorScheme::Scheme::Dark);
    }

    void coloursFollowThePalette()
    {
        QFETCH_GLOBAL(QString, locale);
        if (locale != QLatin1String("en")) {
            QSKIP("colours do not depend on the language");
        }
        QFETCH(int, scheme);
        ColorScheme::apply(ColorScheme::Scheme(scheme));
        const QPalette palette = QApplication::palette();
        QCOMPARE(ThemeColors::isDark(palette), scheme == int(ColorScheme::Scheme::Dark));
        WindowHarness harness;
        QVERIFY(harness.open(FixtureSnapshot::fromFile(FixtureSnapshot::userRulesCapture())));
        RuleTableModel *model = harness.window()->session()->model();
        const QColor base = palette.color(QPalette::Base);
        const QColor text = palette.color(QPalette::Text);
        // "! -s 192.168.1.1/32": the negated source in its colour, readable on the table.
        const QColor negated =
            model->index(1, RuleTableModel::SourceColumn).data(Qt::ForegroundRole).value<QColor>();
        QVERIFY(negated.isValid());
        QVERIFY2(wcagContrast(negated, base) >= 4.5, qPrintable(negated.name()));
        // The rule after the RETURN is dimmed, yet readable.
        const QColor dimmed =
            model->index(3, RuleTableModel::TargetColumn).data(Qt::ForegroundRole).value<QColor>();
        QVERIFY(dimmed.isValid());
        QVERIFY2(wcagContrast(dimmed, base) >= 3.0, qPrintable(dimmed.name()));
        QVERIFY(wcagContrast(dimmed, base) < wcagContrast(text, base));
        // Never hit: the row's background under the palette's text.
        const QColor neverHit = ThemeColors::highlightBackground(palette);
        QVERIFY2(wcagContrast(text, neverHit) >= 4.5, qPrintable(neverHit.name()));
        for (ThemeColors::Tone tone :
             {ThemeColors::Tone::Info, ThemeColors::Tone::Warning, ThemeColors::Tone::Error}) {
            QVERIFY(wcagContrast(palette.color(QPalette::WindowText),
                                 ThemeColors::toneBackground(tone, palette)) >= 4.5);
        }
        for (const QColor &c : {ThemeColors::errorText(palette), ThemeColors::successText(palette),
                                ThemeColors::movedText(palette)}) {
            QVERIFY2(wcagContrast(c, base) >= 4.5, qPrintable(c.name()));
        }
    }

    void colourSchemeIsRemembered()
    {
        QFETCH_GLOBAL(QString, locale);
        if (locale != QLatin1String("en")) {
            QSKIP("the scheme does not depend on the language");
        }
        WindowHarness harness;
        QVERIFY(harness.open(FixtureSnapshot::fromFile(FixtureSnapshot::userRulesCapture())));
        MainWindow *window = harness.window();
        QVERIFY(window->action(QStringLiteral("actionSchemeSystem"))->isChecked());
        // The warning above the table (a rule after the RETURN) is restyled with the palette.
        const auto warningIn = [window](const QPalette &palette) {
            return window->ruleTableView()->layoutHint()->styleSheet().contains(
                ThemeColors::toneBackground(ThemeColors::Tone::Warning, palette).name());
        };
        window->action(QStringLiteral("actionSchemeDark"))->trigger();
        QCOMPARE(ColorScheme::current(), ColorScheme::Scheme::Dark);
        QCOMPARE(ColorScheme::saved(), ColorScheme::Scheme::Dark);
        QTRY_VERIFY(ThemeColors::isDark(window->palette()));
        QTRY_VERIFY(warningIn(ColorScheme::darkPalette()));
        QVERIFY(ThemeColors::isDark(window->ruleTableView()->tableView()->palette()));
        window->action(QStringLiteral("actionSchemeLight"))->trigger();
        QCOMPARE(ColorScheme::saved(), ColorScheme::Scheme::Light);
        QTRY_VERIFY(!ThemeColors::isDark(window->palette()));
        QTRY_VERIFY(warningIn(ColorScheme::lightPalette()));
        window->action(QStringLiteral("actionSchemeSystem"))->trigger();
        QCOMPARE(ColorScheme::saved(), ColorScheme::Scheme::System);
    }
};

QTEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"

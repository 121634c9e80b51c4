#include "mainwindow.h"

#include "applycontroller.h"
#include "chainlistmodel.h"
#include "colorscheme.h"
#include "copytohost.h"
#include "editsession.h"
#include "exposureview.h"
#include "familypage.h"
#include "familytext.h"
#include "guidedialog.h"
#include "helperclient.h"
#include "helpererror.h"
#include "hostwindows.h"
#include "importexport.h"
#include "messagebanner.h"
#include "modalrunner.h"
#include "packettestdialog.h"
#include "persistencecontroller.h"
#include "rowlints.h"
#include "ruleactions.h"
#include "ruletablemodel.h"
#include "ruletableview.h"
#include "statusfields.h"
#include "themediconengine.h"
#include "ui_mainwindow.h"
#include "workspace.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QGuiApplication>
#include <QMenu>
#include <QMessageBox>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStyle>
#include <QTabBar>
#include <QUndoGroup>
#include <QUndoStack>

using Userchain::Family;
using Userchain::Snapshot;

namespace {
int slot(Family family)
{
    return family == Family::IPv6 ? 1 : 0;
}
} // namespace

MainWindow::MainWindow(HelperClient *helper, QWidget *parent)
    : QMainWindow(parent), m_ui(new Ui::MainWindow), m_helper(helper),
      m_workspace(new Workspace(this))
{
    // The icons live in the static library; its resources must be registered by hand.
    Q_INIT_RESOURCE(userchain);
    m_ui->setupUi(this);
    m_ui->familyTabs->tabBar()->setAccessibleName(m_ui->familyTabs->accessibleName());
    ThemedIconEngine::themeActions(this); // the tool bar's icons stay visible when dark
    setWindowIcon(QIcon::fromTheme(QStringLiteral("io.github.userchain.Userchain"),
                                   QIcon(QStringLiteral(":/icons/userchain.svg"))));
    m_actions = new RuleActions(m_workspace, this, this);
    for (Family family : Workspace::families()) {
        auto *page = new FamilyPage(m_workspace->session(family), m_ui->familyTabs);
        m_pages[slot(family)] = page;
        m_ui->familyTabs->addTab(page, page->tabText());
        m_actions->setView(family, page->ruleView());
        connect(page, &FamilyPage::noticeAction, this,
                [this, family](Notice::Action action) { onNoticeAction(family, action); });
        connect(page, &FamilyPage::stateChanged, this, &MainWindow::updateActions);
        connect(page, &FamilyPage::editRequested, m_actions, &RuleActions::editRule);
        EditSession *session = m_workspace->session(family);
        connect(session, &EditSession::snapshotChanged, this,
                [this, family] { onSessionChanged(family); });
        connect(session, &EditSession::countersChanged, this,
                [this, family] { onSessionChanged(family); });
        connect(session->undoStack(), &QUndoStack::indexChanged, this, [this] {
            updateTitle();
            updateActions();
        });
        connect(session->model(), &RuleTableModel::editRejected, this,
                [this](const QString &message) { statusBar()->showMessage(message, 8000); });
        connect(session->model(), &RuleTableModel::lintsChanged, this, &MainWindow::updateActions);
        connect(page->ruleView(), &RuleTableView::contextMenuRequested, this,
                [this](int row, const QPoint &pos) {
                    std::unique_ptr<QMenu> menu(ruleContextMenu(row));
                    menu->exec(pos);
                });
    }
    // Not a family: the tab shows both, side by side (currentChanged keeps the family).
    m_exposure = new ExposureView(m_workspace, m_ui->familyTabs);
    m_ui->familyTabs->addTab(m_exposure, tr("Exposure"));
    m_ui->familyTabs->setTabToolTip(m_ui->familyTabs->indexOf(m_exposure),
                                    m_ui->actionShowExposure->toolTip());
    connect(m_exposure, &ExposureView::ruleActivated, this, &MainWindow::showRule);
    for (Family family : Workspace::families()) {
        page(family)->setSibling(m_workspace->session(FamilyText::other(family)));
    }
    m_importExport = new ImportExport(m_workspace, this, this);
    m_apply = new ApplyController(m_workspace, helper, this, this);
    m_persistence = new PersistenceController(m_workspace, helper, this, this);

    setupActions();
    m_statusFields = new StatusFields(this);
    statusBar()->addPermanentWidget(m_statusFields);
    m_messageBanner = new MessageBanner(this);
    m_ui->centralLayout->insertWidget(0, m_messageBanner);

    connect(helper, &HelperClient::snapshotReady, this, &MainWindow::receiveSnapshot);
    connect(helper, &HelperClient::snapshotFailed, this, &MainWindow::receiveSnapshotError);
    connect(m_apply, &ApplyController::snapshotNeeded, this, &MainWindow::requestSnapshot);
    connect(m_apply, &ApplyController::ruleRefused, this, [this](int family, int rule) {
        showRule(FamilyText::fromInt(family), QStringLiteral("filter"),
                 QStringLiteral("DOCKER-USER"), rule);
    });
    connect(m_apply, &ApplyController::familyApplied, m_persistence,
            [this](int family) { m_persistence->refreshSaved(FamilyText::fromInt(family)); });
    connect(m_persistence, &PersistenceController::snapshotNeeded, this,
            &MainWindow::requestSnapshot);
    connect(m_persistence, &PersistenceController::stateChanged, this, [this] {
        updateStatusBar();
        updateActions();
    });
    connect(m_ui->familyTabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (auto *p = qobject_cast<FamilyPage *>(m_ui->familyTabs->widget(index))) {
            m_workspace->setCurrentFamily(p->family());
        }
        m_ui->actionShowExposure->setChecked(m_ui->familyTabs->currentWidget() == m_exposure);
        updateTitle();
        updateActions();
    });
    connect(m_workspace, &Workspace::currentFamilyChanged, this,
            &MainWindow::onCurrentFamilyChanged);
    connect(m_actions, &RuleActions::statusMessage, this, &MainWindow::showStatusMessage);
    connect(m_importExport, &ImportExport::statusMessage, this, &MainWindow::showStatusMessage);
    connect(m_apply, &ApplyController::statusMessage, this, &MainWindow::showStatusMessage);
    connect(m_persistence, &PersistenceController::statusMessage, this,
            &MainWindow::showStatusMessage);
    m_autoRefresh.setInterval(5000);
    connect(&m_autoRefresh, &QTimer::timeout, this, &MainWindow::refresh);

    restoreSettings();
    updateTitle();
    updateActions();
    updateStatusBar();
}

MainWindow::~MainWindow()
{
    // QWidget deletes the children after this body, when m_ui is already gone, and some of
    // them still talk while they die: an undo stack clears itself and says its index changed.
    // Nothing a child says from now on may reach this window's slots.
    const QList<QObject *> children = findChildren<QObject *>();
    for (QObject *child : children) {
        child->disconnect(this);
    }
}

QTabWidget *MainWindow::familyTabs() const
{
    return m_ui->familyTabs;
}

QAction *MainWindow::action(const QString &objectName) const
{
    return findChild<QAction *>(objectName);
}

void MainWindow::setupActions()
{
    // Undo and Redo follow the family on screen: each family has its own stack.
    QUndoGroup *undo = m_workspace->undoGroup();
    QAction *undoAction = undo->createUndoAction(this, tr("&Undo"));
    undoAction->setObjectName(QStringLiteral("actionUndo"));
    undoAction->setShortcut(QKeySequence::Undo);
    QAction *redoAction = undo->createRedoAction(this, tr("&Redo"));
    redoAction->setObjectName(QStringLiteral("actionRedo"));
    redoAction->setShortcut(QKeySequence::Redo);
    QAction *first = m_ui->menuEdit->actions().value(0);
    m_ui->menuEdit->insertActions(first, {undoAction, redoAction});
    m_ui->menuEdit->insertSeparator(first);

    const Ui::MainWindow &ui = *m_ui;
    auto *families = new QActionGroup(this);
    families->addAction(ui.actionShowIPv4);
    families->addAction(ui.actionShowIPv6);
    families->addAction(ui.actionShowExposure);
    ui.actionShowIPv4->setChecked(true);
    connect(ui.actionShowIPv4, &QAction::triggered, this, [this] { showFamily(Family::IPv4); });
    connect(ui.actionShowIPv6, &QAction::triggered, this, [this] { showFamily(Family::IPv6); });
    connect(ui.actionShowExposure, &QAction::triggered, this, &MainWindow::showExposure);
    // The tool bar fits at 1024 px: the less used buttons show their icon alone (the tooltip
    // and the menu still name them).
    for (QAction *a : {ui.actionRefresh, ui.actionDuplicate, ui.actionDelete, ui.actionMoveUp,
                       ui.actionMoveDown}) {
        a->setPriority(QAction::LowPriority);
    }
    ColorScheme::bindActions(ui.actionSchemeSystem, ui.actionSchemeLight, ui.actionSchemeDark);
    connect(ui.actionConnectHost, &QAction::triggered, this,
            [this] { HostWindows::openWithDialog(this); });
    connect(ui.actionCloseWindow, &QAction::triggered, this, &QWidget::close);
    connect(ui.actionApplyToHost, &QAction::triggered, this, [this] { CopyToHost::start(this); });
    // Every window: each asks about its own unapplied edits, and one "Cancel" stops the quit.
    connect(ui.actionQuit, &QAction::triggered, qApp, &QApplication::closeAllWindows);
    connect(ui.actionImport, &QAction::triggered, m_importExport, &ImportExport::importWithDialog);
    connect(ui.actionImportExample, &QAction::triggered, m_importExport,
            &ImportExport::importDockerExample);
    connect(ui.actionExport, &QAction::triggered, m_importExport, &ImportExport::exportWithDialog);
    connect(ui.actionAddRule, &QAction::triggered, m_actions, &RuleActions::addRule);
    connect(ui.actionEditRule, &QAction::triggered, m_actions, &RuleActions::editSelected);
    connect(ui.actionFixRule, &QAction::triggered, m_actions, &RuleActions::fixSelected);
    connect(ui.actionDuplicate, &QAction::triggered, m_actions, &RuleActions::duplicateSelected);
    connect(ui.actionDelete, &QAction::triggered, m_actions, &RuleActions::deleteSelected);
    connect(ui.actionMoveUp, &QAction::triggered, m_actions, &RuleActions::moveSelectedUp);
    connect(ui.actionMoveDown, &QAction::triggered, m_actions, &RuleActions::moveSelectedDown);
    connect(ui.actionCopyCommand, &QAction::triggered, m_actions,
            &RuleActions::copySelectedAsCommand);
    connect(ui.actionFind, &QAction::triggered, this,
            [this] { currentPage()->ruleView()->focusSearch(); });
    const QList<QPair<QAction *, RuleWizard::Kind>> wizards = {
        {ui.actionWizardOnlyIp, RuleWizard::OnlyIp},
        {ui.actionWizardOnlySubnet, RuleWizard::OnlySubnet},
        {ui.actionWizardOnlyRange, RuleWizard::OnlyRange},
        {ui.actionWizardPublishedPort, RuleWizard::PublishedPort},
        {ui.actionWizardSourceDest, RuleWizard::SourceDestination},
        {ui.actionWizardPolicy, RuleWizard::RecommendedPolicy}};
    for (const auto &[action, kind] : wizards) {
        connect(action, &QAction::triggered, m_actions, [this, kind = kind] {
            showChain(QStringLiteral("filter"), QStringLiteral("DOCKER-USER"));
            m_actions->runWizard(kind);
        });
    }
    connect(ui.actionRefresh, &QAction::triggered, this, [this] {
        refresh();
        m_persistence->refreshSaved();
    });
    connect(ui.actionAutoRefresh, &QAction::toggled, this, [this](bool on) {
        if (on) {
            m_autoRefresh.start();
        } else {
            m_autoRefresh.stop();
        }
    });
    connect(ui.actionApply, &QAction::triggered, m_apply, [this] { m_apply->startApply(); });
    connect(m_apply, &ApplyController::busyChanged, this, &MainWindow::updateActions);
    connect(ui.actionSavePermanently, &QAction::triggered, m_persistence,
            &PersistenceController::savePermanently);
    connect(ui.actionRestoreSaved, &QAction::triggered, m_persistence,
            &PersistenceController::restoreSaved);
    connect(ui.actionTestPacket, &QAction::triggered, this,
            [this] { PacketTestDialog::showFor(this); });
    connect(ui.actionGuide, &QAction::triggered, this, [this] { GuideDialog::showFor(this); });
    connect(ui.actionAbout, &QAction::triggered, this, &MainWindow::about);
}

QStringList MainWindow::statusFields() const
{
    return m_statusFields->texts();
}

void MainWindow::showStatusMessage(const QString &message)
{
    // The status bar shares its width with the permanent fields and cuts a longer text off.
    const int room = statusBar()->width() - m_statusFields->width() -
                     4 * statusBar()->style()->pixelMetric(QStyle::PM_LayoutHorizontalSpacing);
    if (!message.contains(QLatin1Char('\n')) &&
        statusBar()->fontMetrics().horizontalAdvance(message) <= room) {
        statusBar()->showMessage(message, 10000);
        return;
    }
    statusBar()->clearMessage();
    m_messageBanner->showMessage(message);
}

void MainWindow::setHost(const QString &host, bool connected)
{
    m_host = host;
    m_apply->setHost(host);
    m_statusFields->setHost(host, connected);
    updateTitle();
}

void MainWindow::addTopBar(QWidget *bar)
{
    m_ui->centralLayout->insertWidget(0, bar);
}

void MainWindow::showFamily(Family family)
{
    m_ui->familyTabs->setCurrentWidget(page(family)); // currentChanged does the rest
}

void MainWindow::showExposure()
{
    m_ui->familyTabs->setCurrentWidget(m_exposure);
}

bool MainWindow::showRule(Family family, const QString &table, const QString &chain, int rule)
{
    showFamily(family);
    return page(family)->showRule(table, chain, rule);
}

void MainWindow::refresh()
{
    for (Family family : Workspace::families()) {
        requestSnapshot(int(family));
    }
}

void MainWindow::requestSnapshot(int family)
{
    bool &pending = m_refreshPending[slot(FamilyText::fromInt(family))];
    if (pending) {
        return; // one request at a time; auto-refresh must not pile them up
    }
    pending = true;
    m_helper->requestSnapshot(family);
}

void MainWindow::receiveSnapshot(const Snapshot &snapshot)
{
    const Family family = FamilyText::fromInt(snapshot.family);
    m_refreshPending[slot(family)] = false;
    if (!m_apply->consumeSnapshot(snapshot) &&
        m_workspace->session(family)->receiveSnapshot(snapshot) ==
            EditSession::Outcome::ChangedOutside) {
        page(family)->showChangedOutside();
    }
    m_persistence->snapshotArrived(family);
}

void MainWindow::receiveSnapshotError(int family, const HelperError &error)
{
    const Family f = FamilyText::fromInt(family);
    m_refreshPending[slot(f)] = false;
    if (m_workspace->session(f)->hasSnapshot() &&
        (m_autoRefresh.isActive() || error.kind() == HelperError::Kind::NotReachable)) {
        // Keep what is shown (and the edits on it); a failed background refresh, or a helper
        // out of reach (a lost connection, which the connection bar reports), only says so.
        showStatusMessage(error.title());
        return;
    }
    m_autoRefresh.stop();
    m_ui->actionAutoRefresh->setChecked(false);
    page(f)->showError(error);
}

void MainWindow::onSessionChanged(Family family)
{
    page(family)->updateFromSession();
    if (family == m_workspace->currentFamily()) {
        updateStatusBar();
    }
    updateTitle();
    updateActions();
}

void MainWindow::onCurrentFamilyChanged(Family family)
{
    // Both tables keep the same columns, and both pages the same split, whichever is shown.
    FamilyPage *shown = page(family);
    FamilyPage *hidden = page(FamilyText::other(family));
    shown->ruleView()->restoreHeaderState(hidden->ruleView()->saveHeaderState());
    shown->splitter()->restoreState(hidden->splitter()->saveState());
    m_ui->familyTabs->setCurrentWidget(shown);
    (family == Family::IPv6 ? m_ui->actionShowIPv6 : m_ui->actionShowIPv4)->setChecked(true);
    updateStatusBar();
    updateTitle();
    updateActions();
}

void MainWindow::onNoticeAction(Family family, Notice::Action action)
{
    switch (action) {
    case Notice::Action::None:
        break;
    case Notice::Action::Retry:
        refresh();
        break;
    case Notice::Action::CreateChain:
        m_apply->startApply(family, Userchain::ApplyCreateChain | Userchain::ApplyCreateJump);
        break;
    case Notice::Action::FixJump:
        m_apply->startApply(family, Userchain::ApplyCreateJump);
        break;
    case Notice::Action::Reload:
        m_workspace->session(family)->load(m_workspace->session(family)->pendingSnapshot());
        break;
    case Notice::Action::Rebase:
        m_workspace->session(family)->rebase(m_workspace->session(family)->pendingSnapshot());
        break;
    case Notice::Action::Review:
        m_apply->startApply(family, 0);
        break;
    }
}

bool MainWindow::showChain(const QString &table, const QString &chain)
{
    return currentPage()->showChain(table, chain);
}

void MainWindow::updateTitle()
{
    // The platform appends the application's display name ("… — Userchain") itself.
    const bool exposure = m_ui->familyTabs->currentWidget() == m_exposure;
    const QString family = FamilyText::name(m_workspace->currentFamily());
    if (m_host.isEmpty()) {
        setWindowTitle(exposure ? tr("Exposure[*]") : tr("DOCKER-USER (%1)[*]").arg(family));
    } else {
        // The host first: a title cut short in a task bar still names the machine.
        setWindowTitle(exposure ? tr("%1: Exposure[*]").arg(m_host)
                                : tr("%1: DOCKER-USER (%2)[*]").arg(m_host, family));
    }
    setWindowModified(m_workspace->isModified());
}

void MainWindow::updateActions()
{
    const FamilyPage *p = currentPage();
    // The Exposure tab edits nothing; Apply stays for edits made in the family tabs.
    const bool editing = p->isEditing() && m_ui->familyTabs->currentWidget() == p;
    const bool selected = editing && !p->ruleView()->selectedRows().isEmpty();
    for (QAction *a :
         {m_ui->actionAddRule, m_ui->actionImport, m_ui->actionImportExample, m_ui->actionExport,
          m_ui->actionFind, m_ui->actionWizardOnlyIp, m_ui->actionWizardOnlySubnet,
          m_ui->actionWizardOnlyRange, m_ui->actionWizardPublishedPort,
          m_ui->actionWizardSourceDest, m_ui->actionWizardPolicy, m_ui->actionTestPacket}) {
        a->setEnabled(editing);
    }
    for (QAction *a : {m_ui->actionEditRule, m_ui->actionDuplicate, m_ui->actionDelete,
                       m_ui->actionMoveUp, m_ui->actionMoveDown, m_ui->actionCopyCommand}) {
        a->setEnabled(selected);
    }
    const auto fix = selected ? m_actions->selectedFix() : std::nullopt;
    m_ui->actionFixRule->setEnabled(fix.has_value());
    m_ui->actionFixRule->setText(fix ? tr("F&ix: %1").arg(fix->fixSummary) : tr("F&ix rule"));
    m_ui->actionApply->setEnabled(!m_apply->isBusy() && (editing || m_workspace->isModified()));
    m_ui->actionSavePermanently->setEnabled(m_persistence->canSave() && !m_apply->isBusy());
    m_ui->actionRestoreSaved->setEnabled(m_persistence->canRestore(m_workspace->currentFamily()) &&
                                         !m_apply->isBusy());
    for (FamilyPage *page : m_pages) {
        m_ui->familyTabs->setTabText(m_ui->familyTabs->indexOf(page), page->tabText());
    }
}

QMenu *MainWindow::ruleContextMenu(int row)
{
    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("ruleContextMenu"));
    for (const Userchain::RuleLint &lint : m_actions->fixes(row)) {
        QAction *fix = menu->addAction(RowLints::icon(), tr("Fix: %1").arg(lint.fixSummary));
        fix->setToolTip(lint.reason);
        connect(fix, &QAction::triggered, m_actions,
                [this, row, lint] { m_actions->applyFix(row, lint); });
    }
    if (!menu->isEmpty()) {
        menu->addSeparator();
    }
    menu->addActions({m_ui->actionEditRule, m_ui->actionDuplicate, m_ui->actionDelete});
    menu->addSeparator();
    menu->addActions({m_ui->actionMoveUp, m_ui->actionMoveDown});
    menu->addSeparator();
    menu->addAction(m_ui->actionCopyCommand);
    return menu;
}

void MainWindow::updateStatusBar()
{
    const Family family = m_workspace->currentFamily();
    m_statusFields->update(session(), currentPage()->chainModel()->dockerChainCount(),
                           {m_persistence->stateText(family), m_persistence->stateToolTip(family),
                            m_persistence->isWarning(family)});
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray())) {
        // First start: the designed size, but never larger than the screen (1024 px laptops).
        const QRect screen = QGuiApplication::primaryScreen()->availableGeometry();
        resize(size().boundedTo(screen.size() * 0.95));
    }
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    const QByteArray splitter = settings.value(QStringLiteral("window/splitter")).toByteArray();
    const QByteArray header = settings.value(QStringLiteral("rules/header")).toByteArray();
    for (FamilyPage *page : m_pages) {
        page->splitter()->restoreState(splitter);
        page->ruleView()->restoreHeaderState(header);
    }
    m_ui->actionAutoRefresh->setChecked(
        settings.value(QStringLiteral("rules/autoRefresh"), false).toBool());
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("window/splitter"), currentPage()->splitter()->saveState());
    settings.setValue(QStringLiteral("rules/header"), currentPage()->ruleView()->saveHeaderState());
    settings.setValue(QStringLiteral("rules/autoRefresh"), m_ui->actionAutoRefresh->isChecked());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_workspace->isModified()) {
        QMessageBox box(QMessageBox::Question, tr("Discard changes?"),
                        tr("DOCKER-USER has changes that were not applied (%1). Quit anyway?")
                            .arg(m_workspace->modifiedFamilyNames().join(tr(", "))),
                        QMessageBox::Discard | QMessageBox::Cancel, this);
        box.setObjectName(QStringLiteral("discardQuestion"));
        box.setDefaultButton(QMessageBox::Cancel); // Enter must not throw edits away
        if (ModalRunner::exec(&box) != QMessageBox::Discard) {
            event->ignore();
            return;
        }
    }
    saveSettings();
    event->accept();
}

void MainWindow::about()
{
    QMessageBox box(QMessageBox::Information, tr("About Userchain"),
                    tr("<b>Userchain</b> %1<br>Edits Docker's DOCKER-USER chain of iptables and "
                       "ip6tables and shows Docker's own chains read-only. Changes reach the "
                       "system only through Apply, via the userchain-helper service.")
                        .arg(QCoreApplication::applicationVersion()),
                    QMessageBox::Ok, this);
    ModalRunner::exec(&box);
}

#include "mainwindow.h"

#include "applycontroller.h"
#include "chainlistmodel.h"
#include "chainview.h"
#include "editsession.h"
#include "helperclient.h"
#include "importexport.h"
#include "modalrunner.h"
#include "noticebar.h"
#include "ruleactions.h"
#include "ruletablemodel.h"
#include "ruletableview.h"
#include "stateexplainer.h"
#include "statepage.h"
#include "statusfields.h"
#include "ui_mainwindow.h"

#include <QCloseEvent>
#include <QMessageBox>
#include <QSettings>
#include <QTableView>
#include <QUndoStack>

using Userchain::Snapshot;

MainWindow::MainWindow(HelperClient *helper, QWidget *parent)
    : QMainWindow(parent), m_ui(new Ui::MainWindow), m_helper(helper),
      m_session(new EditSession(this)), m_chainModel(new ChainListModel(this))
{
    // The icons live in the static library; its resources must be registered by hand.
    Q_INIT_RESOURCE(userchain);
    m_ui->setupUi(this);
    setWindowIcon(QIcon::fromTheme(QStringLiteral("io.github.userchain.Userchain"),
                                   QIcon(QStringLiteral(":/icons/userchain.svg"))));
    m_ruleView = new RuleTableView(m_session->model(), m_ui->stack);
    m_chainView = new ChainView(m_ui->stack);
    m_statePage = new StatePage(m_ui->stack);
    m_ui->stack->addWidget(m_ruleView);
    m_ui->stack->addWidget(m_chainView);
    m_ui->stack->addWidget(m_statePage);
    m_notices = new NoticeBar(m_ui->rightPane);
    m_ui->rightLayout->insertWidget(0, m_notices);
    m_ui->chainTree->setModel(m_chainModel);
    m_ui->splitter->setStretchFactor(1, 1);
    m_ui->splitter->setSizes({240, 1020});

    m_actions = new RuleActions(m_session, m_ruleView, this, this);
    m_importExport = new ImportExport(m_session, this, this);
    m_apply = new ApplyController(m_session, helper, this, this);

    setupActions();
    m_statusFields = new StatusFields(this);
    statusBar()->addPermanentWidget(m_statusFields);

    connect(helper, &HelperClient::snapshotReady, this, &MainWindow::receiveSnapshot);
    connect(helper, &HelperClient::snapshotFailed, this, &MainWindow::receiveSnapshotError);
    connect(m_apply, &ApplyController::snapshotNeeded, this, &MainWindow::refresh);
    connect(m_session, &EditSession::snapshotChanged, this, &MainWindow::updateFromSession);
    connect(m_session, &EditSession::countersChanged, this, &MainWindow::updateFromSession);
    connect(m_session->undoStack(), &QUndoStack::indexChanged, this, [this] {
        updateTitle();
        updateActions();
    });
    connect(m_notices, &NoticeBar::actionTriggered, this, &MainWindow::onNoticeAction);
    connect(m_statePage, &StatePage::actionTriggered, this, &MainWindow::onNoticeAction);
    connect(m_ui->chainTree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &MainWindow::onChainSelected);
    connect(m_ruleView, &RuleTableView::linkActivated, this,
            [this](const QString &chain) { showChain(QStringLiteral("filter"), chain); });
    connect(m_chainView, &ChainView::linkActivated, this, &MainWindow::showChain);
    connect(m_ruleView, &RuleTableView::editRequested, m_actions, &RuleActions::editRule);
    connect(m_ruleView, &RuleTableView::selectionChanged, this, &MainWindow::updateActions);
    connect(m_actions, &RuleActions::statusMessage, this, &MainWindow::showStatusMessage);
    connect(m_importExport, &ImportExport::statusMessage, this, &MainWindow::showStatusMessage);
    connect(m_apply, &ApplyController::statusMessage, this, &MainWindow::showStatusMessage);
    connect(m_session->model(), &RuleTableModel::editRejected, this,
            [this](const QString &message) { statusBar()->showMessage(message, 8000); });
    m_autoRefresh.setInterval(5000);
    connect(&m_autoRefresh, &QTimer::timeout, this, &MainWindow::refresh);

    Notice reading;
    reading.id = QStringLiteral("reading");
    reading.title = tr("Reading the firewall…");
    reading.text = tr("Asking Userchain's helper for the filter and nat tables.");
    m_statePage->setNotice(reading);
    m_ui->stack->setCurrentWidget(m_statePage);
    restoreSettings();
    updateTitle();
    updateActions();
}

MainWindow::~MainWindow() = default;

QTreeView *MainWindow::chainTree() const
{
    return m_ui->chainTree;
}

QAction *MainWindow::action(const QString &objectName) const
{
    return findChild<QAction *>(objectName);
}

void MainWindow::setupActions()
{
    QUndoStack *undo = m_session->undoStack();
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
    connect(ui.actionQuit, &QAction::triggered, this, &QWidget::close);
    connect(ui.actionImport, &QAction::triggered, m_importExport, &ImportExport::importWithDialog);
    connect(ui.actionImportExample, &QAction::triggered, m_importExport,
            &ImportExport::importDockerExample);
    connect(ui.actionExport, &QAction::triggered, m_importExport, &ImportExport::exportWithDialog);
    connect(ui.actionAddRule, &QAction::triggered, m_actions, &RuleActions::addRule);
    connect(ui.actionEditRule, &QAction::triggered, m_actions, &RuleActions::editSelected);
    connect(ui.actionDuplicate, &QAction::triggered, m_actions, &RuleActions::duplicateSelected);
    connect(ui.actionDelete, &QAction::triggered, m_actions, &RuleActions::deleteSelected);
    connect(ui.actionMoveUp, &QAction::triggered, m_actions, &RuleActions::moveSelectedUp);
    connect(ui.actionMoveDown, &QAction::triggered, m_actions, &RuleActions::moveSelectedDown);
    connect(ui.actionCopyCommand, &QAction::triggered, m_actions,
            &RuleActions::copySelectedAsCommand);
    connect(ui.actionFind, &QAction::triggered, m_ruleView, &RuleTableView::focusSearch);
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
    connect(ui.actionRefresh, &QAction::triggered, this, &MainWindow::refresh);
    connect(ui.actionAutoRefresh, &QAction::toggled, this, [this](bool on) {
        if (on) {
            m_autoRefresh.start();
        } else {
            m_autoRefresh.stop();
        }
    });
    connect(ui.actionApply, &QAction::triggered, m_apply, [this] { m_apply->startApply(); });
    connect(m_apply, &ApplyController::busyChanged, this, &MainWindow::updateActions);
    connect(ui.actionAbout, &QAction::triggered, this, &MainWindow::about);
}

QStringList MainWindow::statusFields() const
{
    return m_statusFields->texts();
}

void MainWindow::showStatusMessage(const QString &message)
{
    statusBar()->showMessage(message, 10000);
}

void MainWindow::refresh()
{
    if (m_refreshPending) {
        return; // one request at a time; auto-refresh must not pile them up
    }
    m_refreshPending = true;
    m_helper->requestSnapshot(m_session->hasSnapshot() ? m_session->snapshot().family : 4);
}

void MainWindow::receiveSnapshot(const Snapshot &snapshot)
{
    m_refreshPending = false;
    if (m_apply->consumeSnapshot(snapshot)) {
        return;
    }
    switch (m_session->receiveSnapshot(snapshot)) {
    case EditSession::Outcome::Loaded:
    case EditSession::Outcome::CountersUpdated:
        break;
    case EditSession::Outcome::ChangedOutside:
        changedOutside();
        break;
    }
}

void MainWindow::receiveSnapshotError(const HelperError &error)
{
    m_refreshPending = false;
    if (m_session->hasSnapshot() && m_autoRefresh.isActive()) {
        // Keep what is shown; a failed background refresh only says so.
        statusBar()->showMessage(error.title(), 8000);
        return;
    }
    m_autoRefresh.stop();
    m_ui->actionAutoRefresh->setChecked(false);
    showNotices({StateExplainer::explain(error)});
}

void MainWindow::changedOutside()
{
    QVector<Notice> notices = StateExplainer::explain(m_session->snapshot());
    Notice n;
    n.id = QStringLiteral("changed-outside");
    n.severity = Notice::Severity::Warning;
    n.title = tr("DOCKER-USER changed outside Userchain");
    n.text = tr("The system's rules are no longer the ones your edits started from. Apply will "
                "refuse until you reload; reloading discards your edits (export them first to "
                "keep them).");
    n.action = Notice::Action::Reload;
    n.actionText = tr("Reload");
    notices.prepend(n);
    showNotices(notices);
}

void MainWindow::updateFromSession()
{
    const Snapshot &snapshot = m_session->snapshot();
    const QModelIndex current = m_ui->chainTree->currentIndex();
    const QString table = current.data(ChainListModel::TableRole).toString();
    const QString chain = current.data(ChainListModel::ChainRole).toString();
    m_chainModel->setSnapshot(snapshot);
    m_ui->chainTree->expandAll();
    showNotices(StateExplainer::explain(snapshot)); // may leave or show the state page
    if (m_ui->stack->currentWidget() != m_statePage) {
        if (chain.isEmpty() || !showChain(table, chain)) {
            showChain(QStringLiteral("filter"), QStringLiteral("DOCKER-USER"));
        }
    }
    updateStatusBar();
    updateTitle();
    updateActions();
}

void MainWindow::showNotices(const QVector<Notice> &notices)
{
    QVector<Notice> banner;
    const Notice *blocking = nullptr;
    for (const Notice &n : notices) {
        if (n.blocking && !blocking) {
            blocking = &n;
        } else {
            banner.append(n);
        }
    }
    m_notices->setNotices(banner);
    if (blocking) {
        m_statePage->setNotice(*blocking);
        m_ui->stack->setCurrentWidget(m_statePage);
    } else if (m_ui->stack->currentWidget() == m_statePage && m_session->hasSnapshot()) {
        showChain(QStringLiteral("filter"), QStringLiteral("DOCKER-USER"));
    }
    updateActions();
}

void MainWindow::onNoticeAction(Notice::Action action)
{
    switch (action) {
    case Notice::Action::None:
        break;
    case Notice::Action::Retry:
        refresh();
        break;
    case Notice::Action::CreateChain:
        m_apply->startApply(Userchain::ApplyCreateChain | Userchain::ApplyCreateJump);
        break;
    case Notice::Action::FixJump:
        m_apply->startApply(Userchain::ApplyCreateJump);
        break;
    case Notice::Action::Reload:
        m_session->load(m_session->pendingSnapshot());
        break;
    }
}

bool MainWindow::showChain(const QString &table, const QString &chain)
{
    const QModelIndex index = m_chainModel->chainIndex(table, chain);
    if (!index.isValid()) {
        return false;
    }
    if (m_ui->chainTree->currentIndex() != index) {
        m_ui->chainTree->setCurrentIndex(index); // onChainSelected() does the rest
    } else {
        onChainSelected();
    }
    return true;
}

void MainWindow::onChainSelected()
{
    const QModelIndex index = m_ui->chainTree->currentIndex();
    const QString table = index.data(ChainListModel::TableRole).toString();
    const QString chain = index.data(ChainListModel::ChainRole).toString();
    if (chain.isEmpty()) {
        return;
    }
    if (index.data(ChainListModel::EditableRole).toBool()) {
        m_ui->stack->setCurrentWidget(m_ruleView);
    } else if (const Userchain::ChainInfo *info = m_session->chain(table, chain)) {
        QSet<QString> names;
        for (const Userchain::ChainInfo &c : m_session->snapshot().chains) {
            if (c.table == table) {
                names.insert(c.name);
            }
        }
        m_chainView->showChain(*info, names);
        m_ui->stack->setCurrentWidget(m_chainView);
    }
    updateActions();
}

void MainWindow::updateTitle()
{
    setWindowTitle(tr("Userchain — DOCKER-USER[*]"));
    setWindowModified(m_session->hasSnapshot() && m_session->isModified());
}

void MainWindow::updateActions()
{
    const bool editing = m_session->hasSnapshot() && m_ui->stack->currentWidget() != m_statePage;
    const bool selected = editing && !m_ruleView->selectedRows().isEmpty();
    for (QAction *a :
         {m_ui->actionAddRule, m_ui->actionImport, m_ui->actionImportExample, m_ui->actionExport,
          m_ui->actionFind, m_ui->actionWizardOnlyIp, m_ui->actionWizardOnlySubnet,
          m_ui->actionWizardOnlyRange, m_ui->actionWizardPublishedPort,
          m_ui->actionWizardSourceDest, m_ui->actionWizardPolicy}) {
        a->setEnabled(editing);
    }
    for (QAction *a : {m_ui->actionEditRule, m_ui->actionDuplicate, m_ui->actionDelete,
                       m_ui->actionMoveUp, m_ui->actionMoveDown, m_ui->actionCopyCommand}) {
        a->setEnabled(selected);
    }
    m_ui->actionApply->setEnabled(editing && !m_apply->isBusy());
}

void MainWindow::updateStatusBar()
{
    m_statusFields->update(m_session, m_chainModel->dockerChainCount());
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    m_ui->splitter->restoreState(settings.value(QStringLiteral("window/splitter")).toByteArray());
    m_ruleView->restoreHeaderState(settings.value(QStringLiteral("rules/header")).toByteArray());
    m_ui->actionAutoRefresh->setChecked(
        settings.value(QStringLiteral("rules/autoRefresh"), false).toBool());
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("window/splitter"), m_ui->splitter->saveState());
    settings.setValue(QStringLiteral("rules/header"), m_ruleView->saveHeaderState());
    settings.setValue(QStringLiteral("rules/autoRefresh"), m_ui->actionAutoRefresh->isChecked());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_session->hasSnapshot() && m_session->isModified()) {
        QMessageBox box(QMessageBox::Question, tr("Discard changes?"),
                        tr("DOCKER-USER has changes that were not applied. Quit anyway?"),
                        QMessageBox::Discard | QMessageBox::Cancel, this);
        box.setObjectName(QStringLiteral("discardQuestion"));
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
                    tr("<b>Userchain</b> %1<br>Edits Docker's DOCKER-USER iptables chain and "
                       "shows Docker's own chains read-only. Changes reach the system only "
                       "through Apply, via the userchain-helper service.")
                        .arg(QCoreApplication::applicationVersion()),
                    QMessageBox::Ok, this);
    ModalRunner::exec(&box);
}

#pragma once

#include "dbustypes.h"
#include "familypage.h"
#include "notice.h"
#include "rule.h"
#include "workspace.h"

#include <QMainWindow>
#include <QTimer>
#include <array>
#include <memory>

class ApplyController;
class ExposureView;
class HelperClient;
class HelperError;
class ImportExport;
class PersistenceController;
class QMenu;
class QTabWidget;
class RuleActions;
class MessageBanner;
class StatusFields;
namespace Ui {
class MainWindow;
}

/**
 * The main window is wiring only: an IPv4 | IPv6 tab for each family (FamilyPage: chains,
 * notices, the DOCKER-USER table), the menus and toolbar from the form, and the controllers
 * behind them: RuleActions and ImportExport edit the family on screen through its undo stack,
 * ApplyController and PersistenceController talk to the helper. Snapshots arrive from
 * HelperClient (or, in tests, straight into receiveSnapshot) and go to their family's session.
 */
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(HelperClient *helper, QWidget *parent = nullptr);
    ~MainWindow() override;

    void receiveSnapshot(const Userchain::Snapshot &snapshot);
    void receiveSnapshotError(int family, const HelperError &error);
    /// Asks the helper for new snapshots of both families.
    void refresh();
    void requestSnapshot(int family);
    /// In the status bar if it fits there, else in the banner above the tabs (never cut off).
    void showStatusMessage(const QString &message);
    /// Shows `chain` of `table` of the family on screen; false if there is no such chain.
    bool showChain(const QString &table, const QString &chain);
    void showFamily(Userchain::Family family);

    Workspace *workspace() const { return m_workspace; }
    /// The session of the family on screen.
    EditSession *session() const { return m_workspace->current(); }
    FamilyPage *page(Userchain::Family family) const
    {
        return m_pages.at(family == Userchain::Family::IPv6 ? 1 : 0);
    }
    FamilyPage *currentPage() const { return page(m_workspace->currentFamily()); }
    RuleTableView *ruleTableView() const { return currentPage()->ruleView(); }
    ChainView *chainView() const { return currentPage()->chainView(); }
    QTreeView *chainTree() const { return currentPage()->chainTree(); }
    ChainListModel *chainListModel() const { return currentPage()->chainModel(); }
    NoticeBar *noticeBar() const { return currentPage()->noticeBar(); }
    StatePage *statePage() const { return currentPage()->statePage(); }
    QTabWidget *familyTabs() const;
    RuleActions *ruleActions() const { return m_actions; }
    ImportExport *importExport() const { return m_importExport; }
    ApplyController *applyController() const { return m_apply; }
    PersistenceController *persistence() const { return m_persistence; }
    QAction *action(const QString &objectName) const;
    /// The context menu of DOCKER-USER's `row` (family on screen): its fixes, then the Edit
    /// menu's actions. The caller owns it.
    QMenu *ruleContextMenu(int row);
    /// The status bar's permanent fields (see StatusFields::texts()).
    QStringList statusFields() const;
    MessageBanner *messageBanner() const { return m_messageBanner; }
    ExposureView *exposureView() const { return m_exposure; }
    /**
     * The remote host this window changes (BusTarget::displayName()), empty for this computer:
     * named in the title, the status bar and the apply review. `connected` false: the status
     * bar says the host is not reached now.
     */
    void setHost(const QString &host, bool connected = true);
    QString host() const { return m_host; }
    /// Puts `bar` (the ConnectionBar) above the tabs.
    void addTopBar(QWidget *bar);
    /// Shows the Exposure tab (the family tabs keep their family).
    void showExposure();
    /// Shows rule `rule` (1-based; 0: the policy) of `chain` in `family`'s tab, selected.
    bool showRule(Userchain::Family family, const QString &table, const QString &chain, int rule);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void setupActions();
    void onSessionChanged(Userchain::Family family);
    void onCurrentFamilyChanged(Userchain::Family family);
    void updateTitle();
    void updateActions();
    void updateStatusBar();
    void onNoticeAction(Userchain::Family family, Notice::Action action);
    void restoreSettings();
    void saveSettings() const;
    void about();

    std::unique_ptr<Ui::MainWindow> m_ui;
    HelperClient *m_helper;
    Workspace *m_workspace;
    std::array<FamilyPage *, 2> m_pages{};
    std::array<bool, 2> m_refreshPending{};
    RuleActions *m_actions;
    ImportExport *m_importExport;
    ApplyController *m_apply;
    PersistenceController *m_persistence;
    StatusFields *m_statusFields;
    MessageBanner *m_messageBanner;
    ExposureView *m_exposure;
    QTimer m_autoRefresh;
    QString m_host;
};

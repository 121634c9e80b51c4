#pragma once

#include "dbustypes.h"
#include "notice.h"

#include <QMainWindow>
#include <QTimer>
#include <memory>

class ApplyController;
class ChainListModel;
class ChainView;
class EditSession;
class HelperClient;
class HelperError;
class ImportExport;
class NoticeBar;
class QTreeView;
class RuleActions;
class RuleTableView;
class StatePage;
class StatusFields;
namespace Ui {
class MainWindow;
}

/**
 * The main window is wiring only: the chain list on the left; on the right the DOCKER-USER
 * table, one of Docker's chains, or a page that explains why there is nothing to show. Edits go
 * through RuleActions and ImportExport into the session's undo stack; ApplyController talks to
 * the helper. Snapshots arrive from HelperClient (or, in tests, straight into receiveSnapshot).
 */
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(HelperClient *helper, QWidget *parent = nullptr);
    ~MainWindow() override;

    void receiveSnapshot(const Userchain::Snapshot &snapshot);
    void receiveSnapshotError(const HelperError &error);
    /// Asks the helper for a new snapshot.
    void refresh();
    void showStatusMessage(const QString &message);
    /// Shows `chain` of `table` on the right; returns false if there is no such chain.
    bool showChain(const QString &table, const QString &chain);

    EditSession *session() const { return m_session; }
    RuleTableView *ruleTableView() const { return m_ruleView; }
    ChainView *chainView() const { return m_chainView; }
    QTreeView *chainTree() const;
    ChainListModel *chainListModel() const { return m_chainModel; }
    NoticeBar *noticeBar() const { return m_notices; }
    StatePage *statePage() const { return m_statePage; }
    RuleActions *ruleActions() const { return m_actions; }
    ImportExport *importExport() const { return m_importExport; }
    ApplyController *applyController() const { return m_apply; }
    QAction *action(const QString &objectName) const;
    /// The status bar's permanent fields: backend, Docker's chains, revision and refresh time.
    QStringList statusFields() const;

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void setupActions();
    void updateFromSession();
    void updateTitle();
    void updateActions();
    void updateStatusBar();
    void showNotices(const QVector<Notice> &notices);
    void onNoticeAction(Notice::Action action);
    void onChainSelected();
    void changedOutside();
    void restoreSettings();
    void saveSettings() const;
    void about();

    std::unique_ptr<Ui::MainWindow> m_ui;
    HelperClient *m_helper;
    EditSession *m_session;
    ChainListModel *m_chainModel;
    RuleTableView *m_ruleView;
    ChainView *m_chainView;
    StatePage *m_statePage;
    NoticeBar *m_notices;
    RuleActions *m_actions;
    ImportExport *m_importExport;
    ApplyController *m_apply;
    StatusFields *m_statusFields;
    QTimer m_autoRefresh;
    bool m_refreshPending = false;
};

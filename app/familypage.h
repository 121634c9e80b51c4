#pragma once

#include "notice.h"
#include "rule.h"

#include <QHash>
#include <QWidget>

class ChainListModel;
class ChainView;
class EditSession;
class HelperError;
class NoticeBar;
class QSplitter;
class QStackedWidget;
class QTreeView;
class RuleTableView;
class StatePage;

/**
 * Everything the window shows for one address family: the chain list on the left; on the
 * right the notices and either the DOCKER-USER table, one of Docker's chains, or a page that
 * explains why there is nothing to show. The window holds one per family, as tabs.
 */
class FamilyPage final : public QWidget
{
    Q_OBJECT
public:
    explicit FamilyPage(EditSession *session, QWidget *parent = nullptr);

    EditSession *session() const { return m_session; }
    Userchain::Family family() const;
    RuleTableView *ruleView() const { return m_ruleView; }
    ChainView *chainView() const { return m_chainView; }
    StatePage *statePage() const { return m_statePage; }
    NoticeBar *noticeBar() const { return m_notices; }
    QTreeView *chainTree() const { return m_chainTree; }
    ChainListModel *chainModel() const { return m_chainModel; }
    QSplitter *splitter() const { return m_splitter; }

    /// A snapshot is shown (the table or one of Docker's chains), not an explanation.
    bool isEditing() const;
    /// The DOCKER-USER table is on screen.
    bool isShowingRules() const;
    /// "IPv4", "IPv6 *" with unapplied edits, "IPv6 (none)" when there is nothing to edit.
    QString tabText() const;

    /// Shows `chain` of `table` on the right; returns false if there is no such chain.
    bool showChain(const QString &table, const QString &chain);
    /// showChain(), then rule `rule` (1-based) selected and scrolled to; 0: the chain alone.
    bool showRule(const QString &table, const QString &chain, int rule);
    /// The session's snapshot or counters changed.
    void updateFromSession();
    void showError(const HelperError &error);
    /**
     * The other family's session: its state changes the words of this page's notices (no IPv6
     * chains while IPv4 shows Docker's). The page follows that session's snapshots.
     */
    void setSibling(const EditSession *sibling);
    /// DOCKER-USER changed under the user's edits: say so, offer to rebase or reload.
    void showChangedOutside();

signals:
    void noticeAction(Notice::Action action);
    /// What is shown changed (page, chain, selection): actions and tab text may follow.
    void stateChanged();
    void editRequested(int row);

private:
    void showNotices(const QVector<Notice> &notices);
    /// StateExplainer's notices for this family, given what the other family shows.
    QVector<Notice> explainState() const;
    /// explainState(), after what a change outside Userchain means for the edits.
    QVector<Notice> sessionNotices() const;
    void onSiblingChanged();
    void onChainSelected();
    /// Notes on rules of `chain` that this host's state gives a meaning of their own.
    QHash<QString, QString> ruleNotes(const QString &table, const QString &chain) const;

    EditSession *m_session;
    ChainListModel *m_chainModel;
    QSplitter *m_splitter;
    QTreeView *m_chainTree;
    NoticeBar *m_notices;
    QStackedWidget *m_stack;
    RuleTableView *m_ruleView;
    ChainView *m_chainView;
    StatePage *m_statePage;
    const EditSession *m_sibling = nullptr;
    bool m_siblingHasDocker = false;
};

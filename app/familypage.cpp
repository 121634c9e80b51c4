#include "familypage.h"

#include "chainlistmodel.h"
#include "chainview.h"
#include "dockeruserintro.h"
#include "editsession.h"
#include "familytext.h"
#include "firewallmode.h"
#include "helpererror.h"
#include "lintwatcher.h"
#include "noticebar.h"
#include "rebasenotice.h"
#include "ruletableview.h"
#include "stateexplainer.h"
#include "statepage.h"

#include <QSet>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTreeView>
#include <QVBoxLayout>

using Userchain::Snapshot;

FamilyPage::FamilyPage(EditSession *session, QWidget *parent)
    : QWidget(parent), m_session(session), m_chainModel(new ChainListModel(this)),
      m_splitter(new QSplitter(Qt::Horizontal, this)), m_chainTree(new QTreeView(m_splitter)),
      m_notices(new NoticeBar), m_stack(new QStackedWidget),
      m_ruleView(new RuleTableView(session->model(), m_stack)), m_chainView(new ChainView(m_stack)),
      m_statePage(new StatePage(m_stack))
{
    const QString suffix = family() == Userchain::Family::IPv6 ? QStringLiteral("6") : QString();
    setObjectName(QStringLiteral("familyPage") + suffix);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_splitter);
    m_splitter->setChildrenCollapsible(false);
    m_chainTree->setObjectName(QStringLiteral("chainTree"));
    m_chainTree->setHeaderHidden(true);
    m_chainTree->setRootIsDecorated(false);
    m_chainTree->setItemsExpandable(false);
    m_chainTree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_chainTree->setMinimumWidth(200);
    m_chainTree->setModel(m_chainModel);
    m_chainTree->setAccessibleName(tr("%1 chains").arg(FamilyText::name(family())));
    m_chainTree->setAccessibleDescription(
        tr("DOCKER-USER, which you edit, and Docker's own chains, read-only"));
    m_ruleView->setFamilyName(FamilyText::name(family()));
    auto *right = new QWidget(m_splitter);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_notices);
    rightLayout->addWidget(m_stack, 1);
    m_notices->setParent(right);
    m_stack->setParent(right);
    m_stack->addWidget(m_ruleView);
    m_stack->addWidget(m_chainView);
    m_stack->addWidget(m_statePage);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({250, 1010});

    // The table's lints follow the edits (computed on a worker, see LintWatcher).
    new LintWatcher(session, this);
    connect(m_notices, &NoticeBar::actionTriggered, this, &FamilyPage::noticeAction);
    connect(m_statePage, &StatePage::actionTriggered, this, &FamilyPage::noticeAction);
    connect(m_chainTree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &FamilyPage::onChainSelected);
    connect(m_ruleView, &RuleTableView::linkActivated, this,
            [this](const QString &chain) { showChain(QStringLiteral("filter"), chain); });
    connect(m_chainView, &ChainView::linkActivated, this, &FamilyPage::showChain);
    connect(m_ruleView, &RuleTableView::editRequested, this, &FamilyPage::editRequested);
    connect(m_ruleView, &RuleTableView::selectionChanged, this, &FamilyPage::stateChanged);

    Notice reading;
    reading.id = QStringLiteral("reading");
    reading.title = tr("Reading the firewall…");
    reading.text = tr("Asking Userchain's helper for the %1 filter and nat tables.")
                       .arg(FamilyText::label(family()));
    m_statePage->setNotice(reading);
    m_stack->setCurrentWidget(m_statePage);
}

Userchain::Family FamilyPage::family() const
{
    return m_session->family();
}

bool FamilyPage::isEditing() const
{
    return m_session->hasSnapshot() && m_stack->currentWidget() != m_statePage;
}

bool FamilyPage::isShowingRules() const
{
    return isEditing() && m_stack->currentWidget() == m_ruleView;
}

QString FamilyPage::tabText() const
{
    const QString name = FamilyText::label(family());
    if (!m_session->hasSnapshot()) {
        return name;
    }
    if (m_session->isModified()) {
        return tr("%1 *").arg(name); // unapplied edits, like the title's [*]
    }
    if (m_stack->currentWidget() == m_statePage) {
        return tr("%1 (nothing to edit)").arg(name);
    }
    return name;
}

void FamilyPage::updateFromSession()
{
    const QModelIndex current = m_chainTree->currentIndex();
    const QString table = current.data(ChainListModel::TableRole).toString();
    const QString chain = current.data(ChainListModel::ChainRole).toString();
    m_chainModel->setSnapshot(m_session->snapshot());
    m_chainTree->expandAll();
    m_ruleView->intro()->setSnapshot(m_session->snapshot());
    showNotices(sessionNotices()); // may show the state page
    if (m_stack->currentWidget() != m_statePage) {
        if (chain.isEmpty() || !showChain(table, chain)) {
            showChain(QStringLiteral("filter"), QStringLiteral("DOCKER-USER"));
        }
    }
    emit stateChanged();
}

void FamilyPage::showError(const HelperError &error)
{
    showNotices({StateExplainer::explain(error)});
}

void FamilyPage::showChangedOutside()
{
    showNotices(sessionNotices());
}

QVector<Notice> FamilyPage::sessionNotices() const
{
    QVector<Notice> notices = explainState();
    // Until the user chooses, and after a rebase until the next apply or reload: the edits
    // stand on rules someone else changed, which the user must hear about first.
    if (m_session->isChangedOutside()) {
        notices.prepend(RebaseNotice::changedOutside(family()));
    } else if (m_session->rebaseSummary().rebased) {
        notices.prepend(RebaseNotice::rebased(family(), m_session->rebaseSummary()));
    }
    return notices;
}

void FamilyPage::setSibling(const EditSession *sibling)
{
    m_sibling = sibling;
    connect(sibling, &EditSession::snapshotChanged, this, &FamilyPage::onSiblingChanged);
    onSiblingChanged();
}

void FamilyPage::onSiblingChanged()
{
    // Only what changes the words: counters refresh every few seconds, and a notice such as
    // "changed outside" must stay until this family's own snapshot replaces it.
    const bool hasDocker =
        m_sibling->hasSnapshot() && StateExplainer::hasDockerChains(m_sibling->snapshot());
    if (hasDocker == m_siblingHasDocker) {
        return;
    }
    m_siblingHasDocker = hasDocker;
    if (m_session->hasSnapshot()) {
        showNotices(sessionNotices());
    }
}

QVector<Notice> FamilyPage::explainState() const
{
    return StateExplainer::explain(m_session->snapshot(), m_sibling && m_sibling->hasSnapshot()
                                                              ? m_sibling->snapshot()
                                                              : Userchain::Snapshot());
}

void FamilyPage::showNotices(const QVector<Notice> &notices)
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
        m_stack->setCurrentWidget(m_statePage);
    } else if (m_stack->currentWidget() == m_statePage && m_session->hasSnapshot()) {
        showChain(QStringLiteral("filter"), QStringLiteral("DOCKER-USER"));
    }
    emit stateChanged();
}

bool FamilyPage::showChain(const QString &table, const QString &chain)
{
    const QModelIndex index = m_chainModel->chainIndex(table, chain);
    if (!index.isValid()) {
        return false;
    }
    if (m_chainTree->currentIndex() != index) {
        m_chainTree->setCurrentIndex(index); // onChainSelected() does the rest
    } else {
        onChainSelected();
    }
    return true;
}

bool FamilyPage::showRule(const QString &table, const QString &chain, int rule)
{
    if (!showChain(table, chain))
        return false;
    if (rule <= 0)
        return true;
    if (m_stack->currentWidget() == m_ruleView) {
        m_ruleView->selectRows(rule - 1, 1);
    } else {
        QTableView *view = m_chainView->tableView();
        view->selectRow(rule - 1);
        view->scrollTo(view->model()->index(rule - 1, 0));
        view->setFocus();
    }
    return true;
}

QHash<QString, QString> FamilyPage::ruleNotes(const QString &table, const QString &chain) const
{
    // The jump that keeps a left-over DOCKER-USER alive is the one to look at in FORWARD.
    const FirewallMode::LeftOver leftOver = FirewallMode::leftOverDockerUser(m_session->snapshot());
    if (table != QLatin1String("filter") || chain != QLatin1String("FORWARD") ||
        leftOver != FirewallMode::LeftOver::Active) {
        return {};
    }
    return {{QStringLiteral("-j DOCKER-USER"),
             tr("Left over from Docker's iptables mode and still active: this jump sends every "
                "forwarded packet through DOCKER-USER. Docker in nftables mode neither adds nor "
                "removes it; it is gone when deleted or after a reboot.")}};
}

void FamilyPage::onChainSelected()
{
    const QModelIndex index = m_chainTree->currentIndex();
    const QString table = index.data(ChainListModel::TableRole).toString();
    const QString chain = index.data(ChainListModel::ChainRole).toString();
    if (chain.isEmpty()) {
        return;
    }
    if (index.data(ChainListModel::EditableRole).toBool()) {
        m_stack->setCurrentWidget(m_ruleView);
    } else if (const Userchain::ChainInfo *info = m_session->chain(table, chain)) {
        QSet<QString> names;
        for (const Userchain::ChainInfo &c : m_session->snapshot().chains) {
            if (c.table == table) {
                names.insert(c.name);
            }
        }
        m_chainView->showChain(*info, names, ruleNotes(table, chain), m_session->snapshot());
        m_stack->setCurrentWidget(m_chainView);
    }
    emit stateChanged();
}

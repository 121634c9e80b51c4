#include "ruletableview.h"

#include "dockeruserintro.h"
#include "layouthint.h"
#include "ruledelegate.h"
#include "rulefilterproxy.h"
#include "ruletable.h"
#include "ruletablemodel.h"

#include <QEvent>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QScopedValueRollback>
#include <QTableView>
#include <QVBoxLayout>

RuleTableView::RuleTableView(RuleTableModel *model, QWidget *parent)
    : QWidget(parent), m_model(model), m_proxy(new RuleFilterProxy(this)),
      m_intro(new DockerUserIntro(this)), m_hint(new LayoutHint(model, this)),
      m_search(new QLineEdit(this)), m_view(new RuleTable(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_intro);
    layout->addWidget(m_hint);
    m_search->setPlaceholderText(tr("Search rules (address, port, target, comment…)"));
    m_search->setClearButtonEnabled(true);
    m_search->setObjectName(QStringLiteral("searchBox"));
    m_search->setAccessibleName(tr("Search rules"));
    m_search->setAccessibleDescription(
        tr("Shows only the rules whose text contains what you type"));
    layout->addWidget(m_search);
    layout->addWidget(m_view, 1);

    m_proxy->setSourceModel(model);
    m_view->setObjectName(QStringLiteral("ruleTable"));
    m_view->setAccessibleName(tr("DOCKER-USER rules"));
    m_view->setAccessibleDescription(
        tr("The rules in the order the kernel tries them. F2 edits a cell, Ctrl+Up and "
           "Ctrl+Down move the selected rules, Delete removes them."));
    // Tab and Shift+Tab leave the table, as in every other field; arrow keys move inside it.
    m_view->setTabKeyNavigation(false);
    m_view->setModel(m_proxy);
    auto *delegate = new RuleDelegate(model, m_proxy, this);
    m_view->setItemDelegate(delegate);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                            QAbstractItemView::AnyKeyPressed);
    m_view->setDragEnabled(true);
    m_view->setAcceptDrops(true);
    m_view->setDropIndicatorShown(true);
    m_view->setDragDropMode(QAbstractItemView::InternalMove);
    m_view->setDefaultDropAction(Qt::MoveAction);
    m_view->setDragDropOverwriteMode(false);
    m_view->setAlternatingRowColors(false); // the "never hit" colour must stand out
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    // Fixed row heights: content-sized ones would visit all 50,000 rows.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    QHeaderView *header = m_view->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setStretchLastSection(false);
    header->setSectionsMovable(true);
    header->moveSection(header->visualIndex(RuleTableModel::PositionColumn), 0);
    // Content-sized columns look at this many rows, never at all 50,000.
    m_view->verticalHeader()->setResizeContentsPrecision(200);
    m_fitDelay.setSingleShot(true);
    connect(&m_fitDelay, &QTimer::timeout, this, &RuleTableView::fitColumns);
    connect(m_proxy, &QAbstractItemModel::modelReset, &m_fitDelay, qOverload<>(&QTimer::start));
    connect(m_proxy, &QAbstractItemModel::layoutChanged, &m_fitDelay, qOverload<>(&QTimer::start));
    connect(m_proxy, &QAbstractItemModel::rowsInserted, &m_fitDelay, qOverload<>(&QTimer::start));
    connect(m_proxy, &QAbstractItemModel::dataChanged, &m_fitDelay, qOverload<>(&QTimer::start));
    connect(header, &QHeaderView::sectionResized, this, [this] {
        if (!m_fitting) {
            m_userSized = true;
        }
    });

    // Filter once typing pauses, not on every key: a filter pass visits every rule.
    m_searchDelay.setSingleShot(true);
    m_searchDelay.setInterval(150);
    connect(m_search, &QLineEdit::textChanged, &m_searchDelay, qOverload<>(&QTimer::start));
    connect(&m_searchDelay, &QTimer::timeout, this,
            [this] { m_proxy->setSearchText(m_search->text()); });
    connect(delegate, &LinkDelegate::linkActivated, this, &RuleTableView::linkActivated);
    connect(m_view, &QAbstractItemView::doubleClicked, this, [this](const QModelIndex &index) {
        if (!(index.flags() & Qt::ItemIsEditable) &&
            index.data(RuleTableModel::LinkTargetRole).toString().isEmpty()) {
            emit editRequested(m_proxy->mapToSource(index).row());
        }
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &RuleTableView::selectionChanged);
    // The menu key opens it too, at the current row.
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        QModelIndex index = m_view->indexAt(pos);
        if (!index.isValid()) {
            index = m_view->currentIndex();
        }
        if (!index.isValid()) {
            return;
        }
        const int row = m_proxy->mapToSource(index).row();
        if (!selectedRows().contains(row)) {
            selectRows(row, 1);
        }
        emit contextMenuRequested(
            row, m_view->viewport()->mapToGlobal(
                     m_view->indexAt(pos).isValid() ? pos : m_view->visualRect(index).center()));
    });
}

QVector<int> RuleTableView::selectedRows() const
{
    QVector<int> rows;
    const QModelIndexList selected = m_view->selectionModel()->selectedRows();
    rows.reserve(selected.size());
    for (const QModelIndex &index : selected) {
        rows.append(m_proxy->mapToSource(index).row());
    }
    std::sort(rows.begin(), rows.end());
    return rows;
}

void RuleTableView::selectRows(int first, int count)
{
    QItemSelection selection;
    for (int row = first; row < first + count; ++row) {
        const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
        if (index.isValid()) {
            selection.select(index, index);
        }
    }
    m_view->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect |
                                                    QItemSelectionModel::Rows);
    const QModelIndex current = m_proxy->mapFromSource(m_model->index(first, 0));
    if (current.isValid()) {
        m_view->selectionModel()->setCurrentIndex(current, QItemSelectionModel::NoUpdate);
        m_view->scrollTo(current);
    }
}

void RuleTableView::focusSearch()
{
    m_search->setFocus();
    m_search->selectAll();
}

void RuleTableView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    // The hint's style sheet fixes its palette: it does not see the application's change.
    if (event->type() == QEvent::PaletteChange) {
        m_hint->restyle();
    }
}

void RuleTableView::setFamilyName(const QString &family)
{
    m_view->setAccessibleName(tr("DOCKER-USER rules (%1)").arg(family));
    m_search->setAccessibleName(tr("Search %1 rules").arg(family));
}

QByteArray RuleTableView::saveHeaderState() const
{
    return m_userSized ? m_view->horizontalHeader()->saveState() : QByteArray();
}

void RuleTableView::restoreHeaderState(const QByteArray &state)
{
    if (state.isEmpty()) {
        return;
    }
    {
        const QScopedValueRollback<bool> ours(m_fitting, true);
        m_view->horizontalHeader()->restoreState(state);
    }
    m_userSized = true;
}

void RuleTableView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    m_fitDelay.start();
}

void RuleTableView::fitColumns()
{
    const int available = m_view->viewport()->width();
    if (m_userSized || available <= 0) {
        return;
    }
    const QScopedValueRollback<bool> ours(m_fitting, true);
    QHeaderView *header = m_view->horizontalHeader();
    const QAbstractItemView *view = m_view; // sizeHintForColumn() is public there
    QVector<int> widths(RuleTableModel::ColumnCount, 0);
    QVector<int> least(RuleTableModel::ColumnCount, 0);
    int total = 0;
    for (int column = 0; column < RuleTableModel::ColumnCount; ++column) {
        if (header->isSectionHidden(column)) {
            continue;
        }
        least[column] = header->sectionSizeHint(column);
        widths[column] = qMax(least[column], view->sizeHintForColumn(column));
        total += widths[column];
    }
    if (total > available) {
        // Long text columns give up a share of what they have beyond their header, in
        // proportion, each still showing its start (the rest is in the tooltip), so that none
        // leaves the screen. The comment first, the source address last: it is what a rule of
        // DOCKER-USER is most often about. Interfaces and counters are short and keep theirs.
        const QVector<QVector<int>> stages = {
            {RuleTableModel::CommentColumn},
            {RuleTableModel::ProtocolColumn, RuleTableModel::StateColumn,
             RuleTableModel::TargetColumn, RuleTableModel::DestinationColumn},
            {RuleTableModel::SourceColumn}};
        int excess = total - available;
        for (const QVector<int> &stage : stages) {
            int spare = 0;
            for (int column : stage) {
                spare += widths[column] - least[column];
            }
            const int cut = qMin(excess, spare);
            for (int column : stage) {
                if (spare > 0) {
                    const int room = widths[column] - least[column];
                    widths[column] -= int((qint64(room) * cut + spare - 1) / spare);
                    widths[column] = qMax(widths[column], least[column]);
                }
            }
            excess -= cut;
            if (excess <= 0) {
                break;
            }
        }
    } else {
        widths[RuleTableModel::CommentColumn] += available - total;
    }
    for (int column = 0; column < RuleTableModel::ColumnCount; ++column) {
        if (!header->isSectionHidden(column)) {
            header->resizeSection(column, widths[column]);
        }
    }
}

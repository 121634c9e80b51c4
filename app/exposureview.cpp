#include "exposureview.h"

#include "editsession.h"
#include "familytext.h"
#include "ruletablemodel.h"
#include "themecolors.h"
#include "workspace.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QPointer>
#include <QScrollArea>
#include <QSplitter>
#include <QTableView>
#include <QThreadPool>
#include <QUndoStack>
#include <QVBoxLayout>

using Userchain::Family;

namespace {
/// Links in the details: "rule:FAMILY:TABLE:CHAIN:N", coloured by the palette in use (the
/// HTML parser would take the application's at parse time).
QString ruleLink(Family family, const Userchain::DecidingRule &r, const QPalette &palette)
{
    return QStringLiteral("<a style=\"color:%6\" href=\"rule:%1:%2:%3:%4\">%5</a>")
        .arg(int(family))
        .arg(r.table, r.chain)
        .arg(r.rule)
        .arg(Userchain::ExposureSummary::ruleName(r).toHtmlEscaped(),
             palette.color(QPalette::Link).name());
}
} // namespace

ExposureView::ExposureView(Workspace *workspace, QWidget *parent)
    : QWidget(parent), m_workspace(workspace), m_model(new ExposureModel(this)),
      m_title(new QLabel(tr("Who can reach your containers"), this)), m_intro(new QLabel(this)),
      m_status(new QLabel(this)), m_view(new QTableView(this)), m_details(new QLabel(this))
{
    setObjectName(QStringLiteral("exposureView"));
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    m_title->setFont(titleFont);
    m_intro->setText(tr("Each port Docker publishes and which new connections from outside reach "
                        "its container under the rules as the tables show them now, your "
                        "unapplied edits included. Traffic between containers on Docker's own "
                        "bridges is not counted. Select a port to see which rule decides each "
                        "part."));
    m_intro->setWordWrap(true);
    m_status->setObjectName(QStringLiteral("exposureStatus"));

    m_view->setObjectName(QStringLiteral("exposureTable"));
    m_view->setModel(m_model);
    m_view->setAccessibleName(tr("Published ports and who can reach them"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setWordWrap(true);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    // The answers get the room; port and container are short.
    QHeaderView *header = m_view->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Stretch);
    header->setSectionResizeMode(ExposureModel::PortColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(ExposureModel::ContainerColumn, QHeaderView::ResizeToContents);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);

    m_details->setObjectName(QStringLiteral("exposureDetails"));
    m_details->setWordWrap(true);
    m_details->setTextFormat(Qt::RichText);
    m_details->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_details->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_details->setAccessibleName(tr("Details of the selected port"));
    auto *detailsScroll = new QScrollArea(this);
    detailsScroll->setWidget(m_details);
    detailsScroll->setWidgetResizable(true);
    detailsScroll->setFrameShape(QFrame::NoFrame);

    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_view);
    split->addWidget(detailsScroll);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    split->setSizes({400, 400}); // the details are the answer; the table alone would take all
    split->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_intro);
    layout->addWidget(m_status);
    layout->addWidget(split, 1);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(150); // typing in a cell editor is one update, not one per key
    connect(&m_debounce, &QTimer::timeout, this, &ExposureView::start);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ExposureView::showDetails);
    connect(m_details, &QLabel::linkActivated, this, &ExposureView::onLink);
    for (Family family : Workspace::families()) {
        EditSession *session = m_workspace->session(family);
        connect(session, &EditSession::snapshotChanged, this, &ExposureView::scheduleUpdate);
        connect(session, &EditSession::dockerStateChanged, this, &ExposureView::scheduleUpdate);
        connect(session->undoStack(), &QUndoStack::indexChanged, this,
                &ExposureView::scheduleUpdate);
        connect(session->model(), &QAbstractItemModel::dataChanged, this,
                &ExposureView::scheduleUpdate);
    }
    showDetails();
}

void ExposureView::scheduleUpdate()
{
    m_dirty = true;
    if (isVisible())
        m_debounce.start();
}

void ExposureView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_dirty && !m_debounce.isActive())
        start();
}

void ExposureView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange)
        showDetails(); // the warning colour follows the palette
}

void ExposureView::start()
{
    if (m_running) {
        return; // finish() starts again: m_dirty stays set
    }
    m_dirty = false;
    m_running = true;
    m_status->setText(tr("Evaluating the rules…"));
    // Copies: the sessions change while the pool thread works.
    std::optional<Userchain::Snapshot> v4, v6;
    if (m_workspace->session(Family::IPv4)->hasSnapshot())
        v4 = m_workspace->session(Family::IPv4)->editedSnapshot();
    if (m_workspace->session(Family::IPv6)->hasSnapshot())
        v6 = m_workspace->session(Family::IPv6)->editedSnapshot();
    const quint64 generation = ++m_generation;
    QPointer<ExposureView> self(this);
    QThreadPool::globalInstance()->start([self, generation, v4, v6] {
        const QVector<ExposureModel::Row> rows =
            ExposureModel::build({v4 ? &*v4 : nullptr, v6 ? &*v6 : nullptr});
        // Back on the GUI thread, where `self` may be checked.
        QMetaObject::invokeMethod(
            qApp,
            [self, generation, rows] {
                if (self)
                    self->finish(generation, rows);
            },
            Qt::QueuedConnection);
    });
}

void ExposureView::finish(quint64 generation, const QVector<ExposureModel::Row> &rows)
{
    m_running = false;
    if (generation != m_generation)
        return;
    const int current = m_view->currentIndex().row();
    m_model->setRows(rows);
    if (!rows.isEmpty())
        m_view->selectRow(std::clamp(current, 0, int(rows.size()) - 1));
    m_view->resizeRowsToContents();
    const bool edited = m_workspace->isModified();
    m_status->setText(edited ? tr("Includes your unapplied edits (%1).")
                                   .arg(m_workspace->modifiedFamilyNames().join(tr(", ")))
                             : tr("The rules as they are in the kernel."));
    showDetails();
    if (m_dirty && isVisible()) {
        start();
        return;
    }
    emit updated();
}

void ExposureView::showDetails()
{
    const ExposureModel::Row *row = m_model->row(m_view->currentIndex().row());
    if (m_model->rowCount() == 0) {
        m_details->setText(
            m_running || m_dirty
                ? QString()
                : tr("<p><b>No published ports.</b> nat DOCKER has no DNAT rule in either "
                     "family: no container publishes a port, or Docker does not manage "
                     "iptables here.</p><p>When Docker's iptables (or ip6tables) is off, its "
                     "userland proxy serves published ports through filter INPUT, which "
                     "DOCKER-USER does not see.</p>"));
        return;
    }
    if (!row) {
        m_details->setText(tr("Select a port to see which rule decides each part."));
        return;
    }
    const QString warn = ThemeColors::errorText(palette()).name();
    QString html = QStringLiteral("<p><b>%1</b> → %2</p>")
                       .arg(row->port.toHtmlEscaped(), row->container.toHtmlEscaped());
    for (const QString &w : row->warnings)
        html += QStringLiteral("<p style=\"color:%1\">⚠ %2</p>").arg(warn, w.toHtmlEscaped());
    for (const auto &[cell, family] :
         {std::pair{&row->v4, Family::IPv4}, std::pair{&row->v6, Family::IPv6}}) {
        html += QStringLiteral("<p><b>%1:</b> %2")
                    .arg(FamilyText::name(family), ExposureModel::cellText(*cell).toHtmlEscaped());
        if (cell->kind == ExposureModel::Cell::Kind::Evaluated) {
            html += QStringLiteral(" <small>(%1)</small>")
                        .arg(tr("published by %1")
                                 .arg(ruleLink(family,
                                               {QStringLiteral("nat"), QStringLiteral("DOCKER"),
                                                cell->port.ruleNumber, cell->port.ruleText},
                                               palette())));
            html += QStringLiteral("</p><ul>");
            for (int i = 0; i < cell->summary.parts.size(); ++i)
                html +=
                    QStringLiteral("<li>%1</li>").arg(cell->summary.parts.at(i).toHtmlEscaped());
            if (cell->summary.parts.isEmpty())
                html += QStringLiteral("<li>%1</li>").arg(tr("no new connection reaches it"));
            html += QStringLiteral("</ul>");
            html += ruleList(tr("Let in by:"), family, cell->summary.rules);
            html += ruleList(tr("Kept out by:"), family, cell->summary.blockers);
        } else {
            html += QStringLiteral("</p>");
        }
    }
    m_details->setText(html);
}

QString ExposureView::ruleList(const QString &title, Family family,
                               const QVector<Userchain::DecidingRule> &rules) const
{
    if (rules.isEmpty())
        return {};
    QString html = QStringLiteral("<p>%1</p><ul>").arg(title.toHtmlEscaped());
    for (const Userchain::DecidingRule &r : rules)
        html += QStringLiteral("<li>%1: <code>%2</code></li>")
                    .arg(ruleLink(family, r, palette()), r.text.toHtmlEscaped());
    return html + QStringLiteral("</ul>");
}

void ExposureView::onLink(const QString &link)
{
    const QStringList f = link.split(QLatin1Char(':'));
    if (f.size() != 5 || f[0] != QLatin1String("rule"))
        return;
    emit ruleActivated(FamilyText::fromInt(f[1].toInt()), f[2], f[3], f[4].toInt());
}

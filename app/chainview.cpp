#include "chainview.h"

#include "chaindescriptions.h"
#include "chainrulesmodel.h"
#include "linkdelegate.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

ChainView::ChainView(QWidget *parent)
    : QWidget(parent), m_model(new ChainRulesModel(this)), m_title(new QLabel(this)),
      m_description(new QLabel(this)), m_view(new QTableView(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    m_title->setFont(titleFont);
    m_description->setObjectName(QStringLiteral("chainDescription"));
    m_description->setWordWrap(true);
    m_description->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_title);
    layout->addWidget(m_description);
    layout->addWidget(m_view, 1);

    m_view->setModel(m_model);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(ChainRulesModel::RuleColumn,
                                                     QHeaderView::Stretch);
    m_view->setObjectName(QStringLiteral("chainRulesView"));
    m_view->setTabKeyNavigation(false);
    m_view->setAccessibleName(tr("Rules of the chain (read-only)"));
    auto *delegate = new LinkDelegate(ChainRulesModel::LinkTargetRole, this);
    m_view->setItemDelegate(delegate);
    connect(delegate, &LinkDelegate::linkActivated, this,
            [this](const QString &chain) { emit linkActivated(table(), chain); });
}

void ChainView::showChain(const Userchain::ChainInfo &chain, const QSet<QString> &knownChains,
                          const QHash<QString, QString> &ruleNotes, const Userchain::Snapshot &host)
{
    m_model->setChain(chain, knownChains, ruleNotes);
    markTracedRules();
    const QString policy = chain.builtin ? tr("policy %1").arg(chain.policy) : tr("user chain");
    m_title->setText(tr("%1 — %2 table, %3, read-only").arg(chain.name, chain.table, policy));
    m_view->setAccessibleName(tr("Rules of %1 (read-only)").arg(chain.name));
    // Notes on what the rules use (an ipset, Docker 28's direct-routing drops), once each.
    QStringList notes;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QString note = m_model->index(row, 0).data(ChainRulesModel::NoteRole).toString();
        if (!note.isEmpty() && !notes.contains(note)) {
            notes << note;
        }
    }
    QString description = ChainDescriptions::describe(chain.table, chain.name, host);
    for (const QString &note : std::as_const(notes)) {
        description += QStringLiteral("\n") + note;
    }
    m_description->setText(description);
    m_view->resizeColumnToContents(ChainRulesModel::PositionColumn);
    m_view->resizeColumnToContents(ChainRulesModel::TargetColumn);
}

QString ChainView::table() const
{
    return m_model->chain().table;
}

QString ChainView::chainName() const
{
    return m_model->chain().name;
}

void ChainView::setTracedRules(const TracedRules &rules)
{
    m_traced = rules;
    markTracedRules();
}

void ChainView::markTracedRules()
{
    QSet<int> rows;
    for (int rule : m_traced.value({table(), chainName()})) {
        rows.insert(rule - 1);
    }
    m_model->setTracedRows(rows);
}

#include "layouthint.h"

#include "moverulescommand.h"
#include "ruletablemodel.h"
#include "themecolors.h"

#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QUndoStack>

LayoutHint::LayoutHint(RuleTableModel *model, QWidget *parent)
    : QFrame(parent), m_model(model), m_label(new QLabel(this)), m_fix(new QPushButton(this))
{
    setObjectName(QStringLiteral("layoutHint"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 3, 6, 3);
    m_label->setObjectName(QStringLiteral("layoutHintText"));
    m_label->setWordWrap(true);
    m_label->setTextFormat(Qt::RichText);
    m_fix->setObjectName(QStringLiteral("layoutHintFix"));
    layout->addWidget(m_label, 1);
    layout->addWidget(m_fix, 0, Qt::AlignVCenter);
    connect(m_fix, &QPushButton::clicked, this, &LayoutHint::moveUnreachableUp);
    connect(model, &RuleTableModel::reachabilityChanged, this, &LayoutHint::update);
    connect(model, &QAbstractItemModel::dataChanged, this, &LayoutHint::update);
    update();
}

QString LayoutHint::text() const
{
    return m_label->text();
}

void LayoutHint::update()
{
    const int rows = m_model->rowCount();
    const int ending = m_model->firstEndingRow();
    m_result =
        ChainLayout::analyse(rows, ending, ending >= 0 ? m_model->ruleAt(ending).spec : QString());
    const QString text = ChainLayout::explain(m_result);
    m_label->setText(text);
    const bool warning = ChainLayout::isWarning(m_result);
    if (warning != m_warningStyle) {
        // Restyling is not free; counters refresh every few seconds with the same result.
        m_warningStyle = warning;
        restyle();
    }
    m_fix->setVisible(m_result.kind == ChainLayout::Kind::Unreachable);
    m_fix->setText((m_result.unreachableCount == 1 ? tr("Move it above rule %1")
                                                   : tr("Move them above rule %1"))
                       .arg(m_result.endingRow + 1));
    setVisible(!text.isEmpty());
}

void LayoutHint::restyle()
{
    // The application's palette: this frame's own is the style sheet's, and stays as it is
    // when the application's changes (RuleTableView calls this then; setting the same sheet
    // again repolishes the frame with the new palette).
    setStyleSheet(m_warningStyle
                      ? ThemeColors::frameStyleSheet(objectName(), ThemeColors::Tone::Warning,
                                                     QGuiApplication::palette())
                      : QString());
}

void LayoutHint::moveUnreachableUp()
{
    if (m_result.kind != ChainLayout::Kind::Unreachable) {
        return;
    }
    QVector<int> rows;
    for (int r = m_result.endingRow + 1; r < m_model->rowCount(); ++r) {
        rows.append(r);
    }
    m_model->undoStack()->push(new MoveRulesCommand(
        m_model, rows, m_result.endingRow,
        (rows.size() == 1
             ? tr("Move the unreachable rule above rule %1")
             : tr("Move %n unreachable rules above rule %1", nullptr, int(rows.size())))
            .arg(m_result.endingRow + 1)));
}

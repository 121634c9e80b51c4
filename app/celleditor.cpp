#include "celleditor.h"

#include "themecolors.h"

#include <QEvent>

CellEditor::CellEditor(QWidget *parent) : QLineEdit(parent)
{
    setFrame(false);
    if (parent) {
        m_label = new QLabel(parent);
        m_label->setObjectName(QStringLiteral("cellProblem"));
        m_label->setWordWrap(true);
        m_label->setMargin(4);
        m_label->setAutoFillBackground(true);
        m_label->hide();
        restyle();
    }
}

CellEditor::~CellEditor()
{
    delete m_label.data();
}

void CellEditor::setProblem(const QString &problem)
{
    m_problem = problem;
    // Red text and the reason as the tooltip while typing; the label only once it matters.
    setStyleSheet(problem.isEmpty()
                      ? QString()
                      : QStringLiteral("QLineEdit { %1 }")
                            .arg(ThemeColors::textStyleSheet(ThemeColors::errorText(palette()))));
    setToolTip(problem);
    if (m_shown) {
        if (problem.isEmpty()) {
            m_label->hide();
            m_shown = false;
        } else {
            m_label->setText(problem);
            place();
        }
    }
}

void CellEditor::showProblem()
{
    if (!m_label || m_problem.isEmpty()) {
        return;
    }
    m_label->setText(m_problem);
    m_label->setAccessibleName(m_problem);
    place();
    m_label->show();
    m_label->raise();
    m_shown = true;
}

void CellEditor::place()
{
    QWidget *area = m_label->parentWidget();
    const int width = qMin(area->width(), qMax(this->width(), 320));
    const int height = m_label->heightForWidth(width);
    int x = qBound(0, this->x(), qMax(0, area->width() - width));
    // Below the cell, or above it where the viewport ends.
    int y = this->y() + this->height();
    if (y + height > area->height() && this->y() - height >= 0) {
        y = this->y() - height;
    }
    m_label->setGeometry(x, y, width, height);
}

void CellEditor::restyle()
{
    const QPalette p = palette();
    m_label->setStyleSheet(QStringLiteral("QLabel#cellProblem { %1 background: %2; border: 1px "
                                          "solid %3; }")
                               .arg(ThemeColors::textStyleSheet(ThemeColors::errorText(p)),
                                    ThemeColors::toneBackground(ThemeColors::Tone::Error, p).name(),
                                    ThemeColors::toneBorder(ThemeColors::Tone::Error, p).name()));
}

void CellEditor::moveEvent(QMoveEvent *event)
{
    QLineEdit::moveEvent(event);
    if (m_label && m_label->isVisible()) {
        place(); // the view scrolled, or a column was resized
    }
}

void CellEditor::resizeEvent(QResizeEvent *event)
{
    QLineEdit::resizeEvent(event);
    if (m_label && m_label->isVisible()) {
        place();
    }
}

void CellEditor::showEvent(QShowEvent *event)
{
    QLineEdit::showEvent(event);
    if (m_shown) {
        showProblem(); // scrolled back into view
    }
}

void CellEditor::hideEvent(QHideEvent *event)
{
    QLineEdit::hideEvent(event);
    if (m_label) {
        m_label->hide(); // scrolled out of view
    }
}

void CellEditor::changeEvent(QEvent *event)
{
    QLineEdit::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_label) {
        restyle();
    }
}

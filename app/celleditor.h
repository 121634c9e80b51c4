#pragma once

#include <QLabel>
#include <QLineEdit>
#include <QPointer>

/**
 * The in-place editor of a DOCKER-USER cell. While its text would not make a valid rule it
 * holds the reason (problem()); once the user tries to leave with that text, RuleTable keeps it
 * open and showProblem() puts the reason right below the cell, where the eye is, instead of
 * throwing the typed text away.
 */
class CellEditor final : public QLineEdit
{
    Q_OBJECT
public:
    explicit CellEditor(QWidget *parent);
    ~CellEditor() override;

    /// Why the text is refused (a sentence), or empty while it is fine. Hides a shown reason
    /// once the text is fine, and updates it as the user types.
    void setProblem(const QString &problem);
    QString problem() const { return m_problem; }
    /// Shows problem() at the cell; a no-op while there is none.
    void showProblem();
    /// The label below the cell that shows problem(); for tests.
    QLabel *problemLabel() const { return m_label; }

protected:
    void moveEvent(QMoveEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void place();
    void restyle();

    QString m_problem;
    /// A sibling in the view's viewport, not a child: a child would be clipped to the cell.
    QPointer<QLabel> m_label;
    bool m_shown = false; ///< showProblem() was called and the text is still refused
};

#pragma once

#include "chainlayout.h"

#include <QFrame>

class QLabel;
class QPushButton;
class RuleTableModel;

/**
 * One line above the DOCKER-USER table about how the chain ends (ChainLayout): empty as Docker
 * 28.2.2+ leaves it, Docker's final RETURN, or rules that are never reached, with a button that
 * moves those above the rule that ends the chain (one undoable step).
 */
class LayoutHint final : public QFrame
{
    Q_OBJECT
public:
    explicit LayoutHint(RuleTableModel *model, QWidget *parent = nullptr);

    const ChainLayout::Result &result() const { return m_result; }
    QString text() const;
    QPushButton *fixButton() const { return m_fix; }
    /// Moves the rules after the chain's end above it.
    void moveUnreachableUp();

    /// Gives the warning the colours of the application's palette (after it changed).
    void restyle();

private:
    void update();

    RuleTableModel *m_model;
    QLabel *m_label;
    QPushButton *m_fix;
    ChainLayout::Result m_result;
    bool m_warningStyle = false;
};

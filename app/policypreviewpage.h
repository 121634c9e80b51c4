#pragma once

#include <QWizardPage>

class QLabel;
class QPlainTextEdit;
class QRadioButton;
class RuleWizardPage;

/// Shows the policy's rules before they are used, and whether they replace or join the table.
class PolicyPreviewPage final : public QWizardPage
{
    Q_OBJECT
public:
    PolicyPreviewPage(RuleWizardPage *input, int currentRuleCount, QWidget *parent = nullptr);

    void initializePage() override;
    bool replaceTable() const;
    QRadioButton *replaceButton() const { return m_replace; }
    QRadioButton *addButton() const { return m_add; }
    QString previewText() const;
    /// What the policy does, in plain words.
    QString effectText() const;

private:
    RuleWizardPage *m_input;
    QPlainTextEdit *m_preview;
    QLabel *m_effect;
    QRadioButton *m_replace;
    QRadioButton *m_add;
};

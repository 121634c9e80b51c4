#pragma once

#include "wizardcontext.h"

#include <QStringList>
#include <QWizard>

class PolicyPreviewPage;
class RuleWizardPage;

/// A wizard that produces DOCKER-USER rules, exactly the ones of Docker's page.
class RuleWizard final : public QWizard
{
    Q_OBJECT
public:
    enum Kind {
        OnlyIp,
        OnlySubnet,
        OnlyRange,
        PublishedPort,
        SourceDestination,
        RecommendedPolicy
    };

    /// `currentRuleCount` is shown by the recommended policy's replace option.
    static RuleWizard *create(Kind kind, const WizardContext &context, int currentRuleCount,
                              QWidget *parent = nullptr);
    static QString title(Kind kind);

    Kind kind() const { return m_kind; }
    RuleWizardPage *inputPage() const { return m_input; }
    PolicyPreviewPage *previewPage() const { return m_preview; }
    /// The rules to add, canonical; empty unless the input is valid.
    QStringList rules() const;
    /**
     * The 0-based row where the rules go when they join the table: the context's insertion
     * row, or above an earlier rule that would catch their packets first (the page says so).
     */
    int insertionRow() const;
    /// True if the rules replace the table rather than join it (recommended policy only).
    bool replaceTable() const;
    /// The same rules for the other family, if the user asked for them there too (and the
    /// rules have no family-specific address); else empty.
    QStringList otherFamilyRules() const;
    /**
     * Grows the window (never shrinks it, and only up to the screen) to what the page needs at
     * the window's width: word-wrapped explanations, previews and warnings ask for height by
     * width, which a top-level window's layout does not honour by itself.
     */
    void fitToContent();

protected:
    void showEvent(QShowEvent *event) override;

private:
    RuleWizard(Kind kind, RuleWizardPage *input, QWidget *parent);

    Kind m_kind;
    RuleWizardPage *m_input;
    PolicyPreviewPage *m_preview = nullptr;
};

#pragma once

#include "wizardcontext.h"

#include <QStringList>
#include <QWizardPage>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;

/**
 * Base of the wizards' input pages: a form whose every change rebuilds the rules, checks them
 * with the library's parser and shows either the rules (as iptables-save will print them) or
 * the reason they are not valid; Finish stays disabled until they are.
 */
class RuleWizardPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit RuleWizardPage(const WizardContext &context, QWidget *parent = nullptr);

    /// The rules in canonical form; empty while the input is not valid.
    QStringList rules() const { return m_rules; }
    /// The problem shown to the user, or empty.
    QString message() const { return m_message; }
    bool isComplete() const override;
    /// "Also add to the other family" is ticked and possible (the rules have no address).
    bool alsoOtherFamily() const;
    /// The rules for the other family (same text); empty unless alsoOtherFamily().
    QStringList otherFamilyRules() const;
    QCheckBox *alsoOtherFamilyCheck() const { return m_alsoOther; }

protected:
    /**
     * Rule-spec texts for the input as it is, before parsing; return an empty list and set
     * `problem` when the input is incomplete in a way the parser would word badly.
     */
    virtual QStringList draftRules(QString *problem) const = 0;
    /// Subclasses call this after building their widgets and on every change.
    void revalidate();
    void setExplanation(const QString &text);
    QFormLayout *form() const { return m_form; }
    /**
     * A row of the form: `label` with its mnemonic ("External &interface:") becomes the
     * field's buddy, so Alt+letter reaches it, and, without "&" and ":", its accessible name.
     */
    void addField(const QString &label, QWidget *field, const QString &description = QString());
    /// A row whose label is a check box that enables the field.
    void addField(QCheckBox *toggle, QWidget *field, const QString &accessibleName);
    const WizardContext &context() const { return m_context; }
    /// An editable list of the host's interfaces (typing a name is allowed).
    QComboBox *makeInterfaceCombo();
    /// The name a screen reader says for a form label: "External &interface:" → "External
    /// interface".
    static QString accessibleLabel(const QString &label);
    /// A message if `text` is an address of the other family (see FamilyText), else empty.
    QString addressProblem(const QString &text) const;

    void changeEvent(QEvent *event) override;

private:
    void updateMessageColour();
    /// Tab reaches the form's fields first, then "also add", as they appear from top to bottom.
    void keepTabOrder(QWidget *field);

    WizardContext m_context;
    QLabel *m_explanation;
    QFormLayout *m_form;
    QLabel *m_preview;
    QLabel *m_messageLabel;
    QCheckBox *m_alsoOther;
    QLabel *m_alsoNote;
    QStringList m_rules;
    QStringList m_otherRules;
    QString m_message;
};

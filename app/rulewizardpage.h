#pragma once

#include "exposure.h"
#include "wizardcontext.h"

#include <QStringList>
#include <QWizardPage>
#include <optional>
#include <vector>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QRadioButton;

/**
 * Base of the wizards' input pages: a form whose every change rebuilds the rules, checks them
 * with the library's parser and shows either the rules (as iptables-save will print them) with
 * what they do in plain words, or the reason they are not valid; Finish stays disabled until
 * they are. The reason is shown only once the user has changed something: an empty form is not
 * a mistake.
 *
 * The page also checks where the rules go (WizardContext::insertionRow): if an earlier rule of
 * the table would catch their packets first (Userchain::Reachability), it says so and offers
 * the position above that rule, preselected.
 */
class RuleWizardPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit RuleWizardPage(const WizardContext &context, QWidget *parent = nullptr);

    /// The rules in canonical form; empty while the input is not valid.
    QStringList rules() const { return m_rules; }
    /// The problem with the input, or empty; shown once the user has changed something.
    QString message() const { return m_message; }
    /// What the rules do, in plain words; empty while the input is not valid.
    QString effect() const { return m_effect; }
    /**
     * The 0-based row of the table where the rules go: the context's insertion row, or the
     * row of the rule that would catch their packets first if the user keeps that choice.
     */
    int insertionRow() const;
    /// The 0-based row of the first rule above the insertion row that catches every packet of
    /// one of the new rules, or -1.
    int shadowingRow() const { return m_shadowingRow; }
    QRadioButton *insertAboveButton() const { return m_insertAbove; }
    QRadioButton *insertAsPlannedButton() const { return m_insertAsPlanned; }
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
    /// What the valid rules `rules()` do, in one or two plain sentences.
    virtual QString describeEffect() const = 0;
    /// Pages whose rules replace the table (the recommended policy) do not check positions.
    void setChecksPosition(bool on) { m_checksPosition = on; }
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
    /**
     * Offers "Keep replies to connections your containers open" (ticked) below the fields, for
     * pages whose DROP spares only the allowed sources: such a DROP on the external interface
     * would also take the replies that reach the containers' own outgoing connections from
     * anywhere else (RuleLints' "drops replies"). Call after the page's own fields.
     */
    void addKeepRepliesOption();
    /// " -m conntrack --ctdir ORIGINAL" while replies are kept, else empty; goes before " -j".
    QString keepRepliesMatch() const;
    /// What happens to the replies, one sentence for describeEffect(); `allowed` is the source
    /// whose replies pass either way.
    QString repliesEffect(const QString &allowed) const;
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
    /// Finds the first existing rule that would catch the packets of `rules` first.
    void updatePosition(const QVector<Userchain::Rule> &rules);
    /// The context's insertion row, within the table.
    int plannedRow() const;
    /// Tab reaches the form's fields first, then "also add", as they appear from top to bottom.
    void keepTabOrder(QWidget *field);

    WizardContext m_context;
    QLabel *m_explanation;
    QFormLayout *m_form;
    QLabel *m_preview;
    QLabel *m_effectLabel;
    QLabel *m_messageLabel;
    QLabel *m_positionLabel;
    QRadioButton *m_insertAbove;
    QRadioButton *m_insertAsPlanned;
    QCheckBox *m_alsoOther;
    QLabel *m_alsoNote;
    QCheckBox *m_keepReplies = nullptr;
    QStringList m_rules;
    QStringList m_otherRules;
    QString m_message;
    QString m_effect;
    /// Set by the first change the user makes; the message is shown from then on.
    bool m_touched = false;
    bool m_checksPosition = true;
    int m_shadowingRow = -1;
    /// The table's rules, parsed on first need (nullopt: does not parse).
    std::vector<std::optional<Userchain::Rule>> m_current;
    bool m_currentParsed = false;
    /// The table's exposure without the new rules (WizardExposure), made once per page.
    std::optional<QVector<Userchain::PortExposure>> m_exposureBefore;
};

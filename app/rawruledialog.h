#pragma once

#include "restorefile.h"

#include <QDialog>
#include <memory>
#include <optional>

namespace Ui {
class RawRuleDialog;
}

/**
 * Type a rule-spec, or paste a command as Docker's page writes it (`iptables -I DOCKER-USER
 * ...`), and see it checked as you type, by the same reader as a pasted import.
 */
class RawRuleDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit RawRuleDialog(Userchain::Family family, QWidget *parent = nullptr);
    ~RawRuleDialog() override;

    void setSpec(const QString &spec);
    QString typedText() const;
    /// The canonical text of a valid rule, else empty.
    QString spec() const { return m_canonical; }
    /// Lets a new rule's line make several rules (an address list, `-s A,B`): specs() has them.
    void setSeveralAllowed(bool allowed);
    /// Every rule of a valid line, in the order they stand in the chain afterwards (a list
    /// inserted with -I comes out reversed, as iptables inserts one rule after the other).
    QStringList specs() const { return m_specs; }
    bool isValid() const { return !m_canonical.isEmpty(); }
    /// For a valid command (not a bare rule-spec): its -A or -I, which says where the rule goes.
    std::optional<Userchain::ImportStep> command() const { return m_command; }
    QString message() const;
    void setSpecText(const QString &text); ///< for tests: as if typed
    /// Offers "also add to the other family" (for a new rule, when that family can be edited).
    void setOtherFamilyAvailable(bool available);
    /// The rule for the other family when that is offered, ticked and possible, else empty.
    QString otherFamilySpec() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void validate();
    QString problem(const Userchain::RuleLine &line) const;

    std::unique_ptr<Ui::RawRuleDialog> m_ui;
    Userchain::Family m_family;
    QString m_canonical;
    QStringList m_specs;
    bool m_severalAllowed = false;
    QString m_otherSpec;
    std::optional<Userchain::ImportStep> m_command;
    bool m_otherAvailable = false;
};

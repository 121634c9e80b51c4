#pragma once

#include "rule.h"

#include <QDialog>
#include <memory>

namespace Ui {
class RawRuleDialog;
}

/// Type a rule-spec and see it checked by the library's parser as you type.
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
    bool isValid() const { return !m_canonical.isEmpty(); }
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

    std::unique_ptr<Ui::RawRuleDialog> m_ui;
    Userchain::Family m_family;
    QString m_canonical;
    QString m_otherSpec;
    bool m_otherAvailable = false;
};

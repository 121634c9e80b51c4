#pragma once

#include "rulewizardpage.h"

class QComboBox;
class QLineEdit;

/**
 * "Open a published port":
 * `-p tcp|udp -m conntrack --ctorigdstport N --ctdir ORIGINAL [-s SUBNET] -j RETURN`.
 */
class PublishedPortPage final : public RuleWizardPage
{
    Q_OBJECT
public:
    explicit PublishedPortPage(const WizardContext &context, QWidget *parent = nullptr);
    QComboBox *protocolCombo() const { return m_protocol; }
    QComboBox *portCombo() const { return m_port; }
    QLineEdit *sourceEdit() const { return m_source; }

protected:
    QStringList draftRules(QString *problem) const override;

private:
    QComboBox *m_protocol;
    QComboBox *m_port;
    QLineEdit *m_source;
};

#pragma once

#include "rulewizardpage.h"

class QComboBox;
class QLineEdit;

/// "Allow only one IP": `-i IFACE ! -s IP [-m conntrack --ctdir ORIGINAL] -j DROP`.
class OnlyIpPage final : public RuleWizardPage
{
    Q_OBJECT
public:
    explicit OnlyIpPage(const WizardContext &context, QWidget *parent = nullptr);
    QComboBox *interfaceCombo() const { return m_interface; }
    QLineEdit *addressEdit() const { return m_address; }

protected:
    QStringList draftRules(QString *problem) const override;
    QString describeEffect() const override;

private:
    QComboBox *m_interface;
    QLineEdit *m_address;
};

#pragma once

#include "rulewizardpage.h"

class QComboBox;
class QLineEdit;

/// "Allow only a subnet": `-i IFACE ! -s CIDR [-m conntrack --ctdir ORIGINAL] -j DROP`.
class OnlySubnetPage final : public RuleWizardPage
{
    Q_OBJECT
public:
    explicit OnlySubnetPage(const WizardContext &context, QWidget *parent = nullptr);
    QComboBox *interfaceCombo() const { return m_interface; }
    QLineEdit *subnetEdit() const { return m_subnet; }

protected:
    QStringList draftRules(QString *problem) const override;
    QString describeEffect() const override;

private:
    QComboBox *m_interface;
    QLineEdit *m_subnet;
};

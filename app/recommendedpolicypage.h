#pragma once

#include "rulewizardpage.h"

class QComboBox;
class QLineEdit;

/**
 * "Start from the recommended policy": the example of Docker's page for one WAN interface:
 * established and related traffic, ports open to everyone, a port open to some subnets only,
 * everything else from the WAN dropped, and the final RETURN.
 */
class RecommendedPolicyPage final : public RuleWizardPage
{
    Q_OBJECT
public:
    explicit RecommendedPolicyPage(const WizardContext &context, QWidget *parent = nullptr);
    QComboBox *interfaceCombo() const { return m_interface; }
    QLineEdit *openPortsEdit() const { return m_openPorts; }
    QLineEdit *restrictedPortEdit() const { return m_restrictedPort; }
    QLineEdit *subnetsEdit() const { return m_subnets; }

protected:
    QStringList draftRules(QString *problem) const override;
    QString describeEffect() const override;

private:
    QComboBox *m_interface;
    QLineEdit *m_openPorts;
    QLineEdit *m_restrictedPort;
    QLineEdit *m_subnets;
};

#pragma once

#include "rulewizardpage.h"

class AddressInput;
class QComboBox;

/// "Source and destination": any of IP/subnet/range on each side, e.g. for a two-address host.
class SourceDestPage final : public RuleWizardPage
{
    Q_OBJECT
public:
    explicit SourceDestPage(const WizardContext &context, QWidget *parent = nullptr);
    AddressInput *sourceInput() const { return m_source; }
    AddressInput *destinationInput() const { return m_destination; }
    QComboBox *interfaceCombo() const { return m_interface; }
    QComboBox *targetCombo() const { return m_target; }

protected:
    QStringList draftRules(QString *problem) const override;
    QString describeEffect() const override;

private:
    AddressInput *m_source;
    AddressInput *m_destination;
    QComboBox *m_interface;
    QComboBox *m_target;
};

#pragma once

#include "rulewizardpage.h"

class QCheckBox;
class QComboBox;
class QLineEdit;

/// "Allow only a range": `-m iprange -i IFACE ! --src-range A-B [--dst-range C-D]
/// [-m conntrack --ctdir ORIGINAL] -j DROP`.
class OnlyRangePage final : public RuleWizardPage
{
    Q_OBJECT
public:
    explicit OnlyRangePage(const WizardContext &context, QWidget *parent = nullptr);
    QComboBox *interfaceCombo() const { return m_interface; }
    QLineEdit *sourceRangeEdit() const { return m_source; }
    QCheckBox *destinationCheck() const { return m_useDestination; }
    QLineEdit *destinationRangeEdit() const { return m_destination; }

protected:
    QStringList draftRules(QString *problem) const override;
    QString describeEffect() const override;

private:
    QComboBox *m_interface;
    QLineEdit *m_source;
    QCheckBox *m_useDestination;
    QLineEdit *m_destination;
};

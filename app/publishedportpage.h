#pragma once

#include "rulewizardpage.h"

class QComboBox;
class QLineEdit;

/**
 * "Open a published port", open to everyone:
 * `[-i IF] -p tcp|udp -m conntrack --ctorigdstport N --ctdir ORIGINAL -j RETURN`;
 * or only from some sources: one such RETURN with `-s SOURCE` for each, then the same match
 * without a source and `-j DROP`, so that nobody else reaches the port (on that interface).
 */
class PublishedPortPage final : public RuleWizardPage
{
    Q_OBJECT
public:
    explicit PublishedPortPage(const WizardContext &context, QWidget *parent = nullptr);
    QComboBox *protocolCombo() const { return m_protocol; }
    QComboBox *portCombo() const { return m_port; }
    QComboBox *interfaceCombo() const { return m_interface; }
    QLineEdit *sourceEdit() const { return m_source; }

protected:
    QStringList draftRules(QString *problem) const override;
    QString describeEffect() const override;

private:
    /// The port number as typed or picked ("8080"), trimmed.
    QString portText() const;
    /// The interface typed or picked; empty for "any interface".
    QString interfaceName() const;
    QStringList sources() const;

    QComboBox *m_protocol;
    QComboBox *m_port;
    QComboBox *m_interface;
    QLineEdit *m_source;
};

#include "onlyippage.h"

#include "familytext.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLineEdit>

OnlyIpPage::OnlyIpPage(const WizardContext &context, QWidget *parent)
    : RuleWizardPage(context, parent)
{
    setTitle(tr("Allow only one IP address"));
    setExplanation(tr("Drops traffic to your containers that arrives on the external interface "
                      "from any address but this one. Container-to-container traffic, which "
                      "does not come in on that interface, is not affected."));
    m_interface = makeInterfaceCombo();
    m_interface->setObjectName(QStringLiteral("interface"));
    m_address = new QLineEdit(this);
    m_address->setObjectName(QStringLiteral("address"));
    m_address->setPlaceholderText(FamilyText::example(FamilyText::exampleAddress(context.family)));
    addField(tr("External &interface:"), m_interface,
             tr("Where traffic from outside arrives, e.g. eth0"));
    addField(tr("&Allowed address:"), m_address,
             tr("The one address that may reach your containers"));
    addKeepRepliesOption();
    connect(m_address, &QLineEdit::textChanged, this, &OnlyIpPage::revalidate);
    revalidate();
}

QStringList OnlyIpPage::draftRules(QString *problem) const
{
    const QString iface = m_interface->currentText().trimmed();
    const QString address = m_address->text().trimmed();
    if (iface.isEmpty()) {
        *problem = tr("Choose or type the external interface (where traffic from outside "
                      "arrives).");
        return {};
    }
    if (address.isEmpty()) {
        *problem = tr("Enter the one address that may reach your containers.");
        return {};
    }
    if (address.contains(QLatin1Char('/')) || address.contains(QLatin1Char('-'))) {
        *problem = tr("Enter one address; the subnet and range wizards allow more.");
        return {};
    }
    if (const QString p = addressProblem(address); !p.isEmpty()) {
        *problem = p;
        return {};
    }
    return {QStringLiteral("-i %1 ! -s %2%3 -j DROP").arg(iface, address, keepRepliesMatch())};
}

QString OnlyIpPage::describeEffect() const
{
    const QString address = m_address->text().trimmed();
    return tr("Traffic arriving on %1 to any container is dropped unless it comes from %2; other "
              "interfaces are not affected.")
               .arg(m_interface->currentText().trimmed(), address) +
           QLatin1Char(' ') + repliesEffect(address);
}

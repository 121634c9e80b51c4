#include "onlysubnetpage.h"

#include "familytext.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLineEdit>

OnlySubnetPage::OnlySubnetPage(const WizardContext &context, QWidget *parent)
    : RuleWizardPage(context, parent)
{
    setTitle(tr("Allow only a subnet"));
    setExplanation(tr("Drops traffic to your containers that arrives on the external interface "
                      "from outside this subnet."));
    m_interface = makeInterfaceCombo();
    m_interface->setObjectName(QStringLiteral("interface"));
    m_subnet = new QLineEdit(this);
    m_subnet->setObjectName(QStringLiteral("subnet"));
    m_subnet->setPlaceholderText(FamilyText::example(FamilyText::exampleSubnet(context.family)));
    addField(tr("External &interface:"), m_interface,
             tr("Where traffic from outside arrives, e.g. eth0"));
    addField(tr("Allowed &subnet:"), m_subnet, tr("A network with its prefix length"));
    addKeepRepliesOption();
    connect(m_subnet, &QLineEdit::textChanged, this, &OnlySubnetPage::revalidate);
    revalidate();
}

QStringList OnlySubnetPage::draftRules(QString *problem) const
{
    const QString iface = m_interface->currentText().trimmed();
    const QString subnet = m_subnet->text().trimmed();
    if (iface.isEmpty()) {
        *problem = tr("Choose or type the external interface (where traffic from outside "
                      "arrives).");
        return {};
    }
    if (const QString p = addressProblem(subnet); !p.isEmpty()) {
        *problem = p;
        return {};
    }
    if (!subnet.contains(QLatin1Char('/'))) {
        *problem = tr("Enter the subnet with its prefix length, e.g. %1.")
                       .arg(FamilyText::exampleSubnet(context().family));
        return {};
    }
    return {QStringLiteral("-i %1 ! -s %2%3 -j DROP").arg(iface, subnet, keepRepliesMatch())};
}

QString OnlySubnetPage::describeEffect() const
{
    const QString subnet = m_subnet->text().trimmed();
    return tr("Traffic arriving on %1 to any container is dropped unless it comes from %2; other "
              "interfaces are not affected.")
               .arg(m_interface->currentText().trimmed(), subnet) +
           QLatin1Char(' ') + repliesEffect(subnet);
}

#include "recommendedpolicypage.h"

#include "familytext.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QRegularExpression>

namespace {
QStringList words(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[\\s,]+"));
    return text.split(separators, Qt::SkipEmptyParts);
}
} // namespace

RecommendedPolicyPage::RecommendedPolicyPage(const WizardContext &context, QWidget *parent)
    : RuleWizardPage(context, parent)
{
    setTitle(tr("Start from the recommended policy"));
    setExplanation(tr("Docker's example for a host facing the internet on one interface: replies "
                      "to existing connections pass, some published ports are open to all, one "
                      "is open to chosen subnets only, and everything else arriving on the WAN "
                      "interface is dropped. You will see the rules before they are used."));
    // Its rules replace the table by default, or go before its final RETURN as a whole policy.
    setChecksPosition(false);
    m_interface = makeInterfaceCombo();
    m_interface->setObjectName(QStringLiteral("interface"));
    m_openPorts = new QLineEdit(QStringLiteral("80 443"), this);
    m_openPorts->setObjectName(QStringLiteral("openPorts"));
    m_restrictedPort = new QLineEdit(QStringLiteral("8080"), this);
    m_restrictedPort->setObjectName(QStringLiteral("restrictedPort"));
    m_subnets = new QLineEdit(this);
    m_subnets->setObjectName(QStringLiteral("subnets"));
    m_subnets->setPlaceholderText(
        FamilyText::example(context.family == Userchain::Family::IPv6
                                ? QStringLiteral("2001:db8:1::/48 2001:db8:2::/48")
                                : QStringLiteral("192.0.2.0/24 198.51.100.0/24")));
    addField(tr("&WAN interface:"), m_interface, tr("The interface facing the internet"));
    addField(tr("Ports &open to everyone (TCP):"), m_openPorts,
             tr("Published ports, separated by spaces"));
    addField(tr("Port open to some &subnets (TCP):"), m_restrictedPort);
    addField(tr("Those s&ubnets:"), m_subnets, tr("Networks separated by spaces"));
    for (QLineEdit *edit : {m_openPorts, m_restrictedPort, m_subnets}) {
        connect(edit, &QLineEdit::textChanged, this, &RecommendedPolicyPage::revalidate);
    }
    revalidate();
}

QStringList RecommendedPolicyPage::draftRules(QString *problem) const
{
    const QString wan = m_interface->currentText().trimmed();
    if (wan.isEmpty()) {
        *problem = tr("Choose or type the WAN interface.");
        return {};
    }
    const QString origPort =
        QStringLiteral("-i %1 -p tcp -m conntrack --ctorigdstport %2 --ctdir ORIGINAL");
    QStringList rules;
    rules << QStringLiteral("-i %1 -m conntrack --ctstate RELATED,ESTABLISHED -j RETURN").arg(wan);
    for (const QString &port : words(m_openPorts->text())) {
        rules << origPort.arg(wan, port) + QStringLiteral(" -j RETURN");
    }
    const QString restricted = m_restrictedPort->text().trimmed();
    const QStringList subnets = words(m_subnets->text());
    if (!restricted.isEmpty() && subnets.isEmpty()) {
        *problem =
            tr("Enter the subnets that may reach port %1, or clear the port.").arg(restricted);
        return {};
    }
    for (const QString &subnet : subnets) {
        if (const QString p = addressProblem(subnet); !p.isEmpty()) {
            *problem = p;
            return {};
        }
    }
    if (!restricted.isEmpty()) {
        for (const QString &subnet : subnets) {
            rules << QStringLiteral("-s %1 ").arg(subnet) + origPort.arg(wan, restricted) +
                         QStringLiteral(" -j RETURN");
        }
    }
    rules << QStringLiteral("-i %1 -j DROP").arg(wan);
    rules << QStringLiteral("-j RETURN");
    return rules;
}

QString RecommendedPolicyPage::describeEffect() const
{
    const QString wan = m_interface->currentText().trimmed();
    QStringList parts;
    parts << tr("replies to existing connections pass");
    const QStringList open = words(m_openPorts->text());
    if (!open.isEmpty()) {
        parts << (open.size() == 1 ? tr("port %1 is open to everyone")
                                   : tr("ports %1 are open to everyone"))
                     .arg(open.join(QStringLiteral(", ")));
    }
    const QString restricted = m_restrictedPort->text().trimmed();
    if (!restricted.isEmpty()) {
        parts << tr("port %1 only from %2")
                     .arg(restricted, words(m_subnets->text()).join(QStringLiteral(", ")));
    }
    return tr("On %1: %2; everything else arriving on %1 is dropped. Other interfaces are not "
              "affected.")
        .arg(wan, parts.join(QStringLiteral("; ")));
}

#include "publishedportpage.h"

#include "familytext.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLineEdit>

PublishedPortPage::PublishedPortPage(const WizardContext &context, QWidget *parent)
    : RuleWizardPage(context, parent)
{
    setTitle(tr("Open a published port"));
    setExplanation(
        tr("Lets traffic to one of Docker's published host ports through (RETURN hands it on to "
           "Docker's own rules). Packets reach DOCKER-USER after Docker has rewritten their "
           "destination to the container, so --dport would see the container's port, not the "
           "one clients connect to: the rule matches the original destination port with "
           "conntrack's --ctorigdstport, and --ctdir ORIGINAL keeps replies from matching too."));
    m_port = new QComboBox(this);
    m_port->setObjectName(QStringLiteral("port"));
    m_port->setEditable(true);
    m_port->lineEdit()->setPlaceholderText(tr("e.g. 8080"));
    for (const PublishedPort &p : context.publishedPorts) {
        const QString bound =
            p.hostAddress.isEmpty() ? QString() : tr(", only on %1").arg(p.hostAddress);
        m_port->addItem(
            tr("%1 (%2%3, to container %4)").arg(p.hostPort, p.protocol, bound, p.container),
            QVariant::fromValue(QStringList{p.hostPort, p.protocol}));
    }
    m_port->setCurrentIndex(-1);
    // Made after the port, so that Tab goes through the form from top to bottom.
    m_protocol = new QComboBox(this);
    m_protocol->setObjectName(QStringLiteral("protocol"));
    m_protocol->addItems({QStringLiteral("tcp"), QStringLiteral("udp")});
    m_source = new QLineEdit(this);
    m_source->setObjectName(QStringLiteral("source"));
    m_source->setPlaceholderText(
        tr("optional, e.g. %1").arg(FamilyText::exampleSubnet(context.family)));
    addField(tr("Host &port:"), m_port,
             tr("A port Docker publishes on this host, or a port number"));
    addField(tr("P&rotocol:"), m_protocol);
    addField(tr("Only from &source:"), m_source,
             tr("Optional: an address or subnet; empty means everyone"));
    connect(m_port, &QComboBox::currentIndexChanged, this, [this](int index) {
        const QStringList data = m_port->itemData(index).toStringList();
        if (data.size() == 2) {
            m_protocol->setCurrentText(data.at(1)); // a published port comes with its protocol
        }
        revalidate();
    });
    connect(m_port, &QComboBox::editTextChanged, this, &PublishedPortPage::revalidate);
    connect(m_protocol, &QComboBox::currentTextChanged, this, &PublishedPortPage::revalidate);
    connect(m_source, &QLineEdit::textChanged, this, &PublishedPortPage::revalidate);
    revalidate();
}

QStringList PublishedPortPage::draftRules(QString *problem) const
{
    QString port = m_port->currentText().trimmed();
    // An offered entry reads "8080 (tcp, to ...)": its data holds the bare number.
    const int offered = m_port->findText(port);
    if (offered >= 0 && !m_port->itemData(offered).toStringList().isEmpty()) {
        port = m_port->itemData(offered).toStringList().constFirst();
    }
    const QString source = m_source->text().trimmed();
    bool ok = false;
    const int number = port.toInt(&ok);
    if (port.isEmpty()) {
        *problem = tr("Choose a published port or type a port number.");
        return {};
    }
    if (!ok || number < 1 || number > 65535) {
        *problem = tr("\"%1\" is not a port number (1-65535).").arg(port);
        return {};
    }
    if (const QString p = addressProblem(source); !p.isEmpty()) {
        *problem = p;
        return {};
    }
    QString spec = QStringLiteral("-p %1 -m conntrack --ctorigdstport %2 --ctdir ORIGINAL")
                       .arg(m_protocol->currentText())
                       .arg(number);
    if (!source.isEmpty()) {
        spec += QStringLiteral(" -s ") + source;
    }
    return {spec + QStringLiteral(" -j RETURN")};
}

#include "publishedportpage.h"

#include "familytext.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSignalBlocker>

PublishedPortPage::PublishedPortPage(const WizardContext &context, QWidget *parent)
    : RuleWizardPage(context, parent)
{
    setTitle(tr("Open a published port"));
    setExplanation(
        tr("Lets traffic to one of Docker's published host ports through (RETURN hands it on to "
           "Docker's own rules). Packets reach DOCKER-USER after Docker has rewritten their "
           "destination to the container, so --dport would see the container's port, not the "
           "one clients connect to: the rule matches the original destination port with "
           "conntrack's --ctorigdstport, and --ctdir ORIGINAL keeps replies from matching too. "
           "With sources, each gets its RETURN and a DROP for the port follows, so that nobody "
           "else reaches it."));
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
    m_interface = makeInterfaceCombo();
    m_interface->setObjectName(QStringLiteral("interface"));
    {
        const QSignalBlocker quiet(m_interface); // the fields below do not exist yet
        m_interface->insertItem(0, tr("any interface"));
        m_interface->setCurrentIndex(0);
    }
    m_source = new QLineEdit(this);
    m_source->setObjectName(QStringLiteral("source"));
    m_source->setPlaceholderText(
        tr("optional, e.g. %1; empty: everyone").arg(FamilyText::exampleSubnet(context.family)));
    addField(tr("Host &port:"), m_port,
             tr("A port Docker publishes on this host, or a port number"));
    addField(tr("P&rotocol:"), m_protocol);
    addField(tr("Arriving on &interface:"), m_interface,
             tr("Where the clients' traffic arrives; the other interfaces are not changed"));
    addField(tr("Only from &sources:"), m_source,
             tr("Optional: addresses or subnets, separated by commas or spaces; everyone else "
                "is dropped. Empty means everyone"));
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

QString PublishedPortPage::portText() const
{
    const QString port = m_port->currentText().trimmed();
    // An offered entry reads "8080 (tcp, to ...)": its data holds the bare number.
    const int offered = m_port->findText(port);
    if (offered >= 0 && !m_port->itemData(offered).toStringList().isEmpty()) {
        return m_port->itemData(offered).toStringList().constFirst();
    }
    return port;
}

QString PublishedPortPage::interfaceName() const
{
    const QString name = m_interface->currentText().trimmed();
    return name == m_interface->itemText(0) ? QString() : name;
}

QStringList PublishedPortPage::sources() const
{
    static const QRegularExpression separators(QStringLiteral("[\\s,]+"));
    return m_source->text().split(separators, Qt::SkipEmptyParts);
}

QStringList PublishedPortPage::draftRules(QString *problem) const
{
    const QString port = portText();
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
    const QStringList from = sources();
    for (const QString &source : from) {
        if (const QString p = addressProblem(source); !p.isEmpty()) {
            *problem = p;
            return {};
        }
    }
    const QString iface = interfaceName();
    // The parser puts -s and -i where iptables-save prints them.
    const QString match = (iface.isEmpty() ? QString() : QStringLiteral("-i %1 ").arg(iface)) +
                          QStringLiteral("-p %1 -m conntrack --ctorigdstport %2 --ctdir ORIGINAL")
                              .arg(m_protocol->currentText())
                              .arg(number);
    if (from.isEmpty()) {
        return {match + QStringLiteral(" -j RETURN")};
    }
    QStringList rules;
    for (const QString &source : from) {
        rules << QStringLiteral("-s %1 ").arg(source) + match + QStringLiteral(" -j RETURN");
    }
    // "Only from" means nobody else: without the DROP, everyone still reaches the port.
    rules << match + QStringLiteral(" -j DROP");
    return rules;
}

QString PublishedPortPage::describeEffect() const
{
    const QString port = portText();
    const QString protocol = m_protocol->currentText();
    QString what = QStringLiteral("%1/%2").arg(port, protocol);
    for (const PublishedPort &p : context().publishedPorts) {
        if (p.hostPort == port && p.protocol == protocol) {
            what = tr("%1/%2 (→ %3)").arg(port, protocol, p.container);
            break;
        }
    }
    const QString iface = interfaceName();
    const QStringList from = sources();
    if (from.isEmpty()) {
        return iface.isEmpty() ? tr("%1: open to everyone on any interface.").arg(what)
                               : tr("%1: open to everyone on %2; unchanged on other interfaces.")
                                     .arg(what, iface);
    }
    const QString who = from.join(QStringLiteral(", "));
    return iface.isEmpty()
               ? tr("%1: only from %2, on every interface; everyone else is dropped.")
                     .arg(what, who)
               : tr("%1: only from %2 on %3; unchanged on other interfaces.").arg(what, who, iface);
}

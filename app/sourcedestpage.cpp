#include "sourcedestpage.h"

#include "addressinput.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLineEdit>

SourceDestPage::SourceDestPage(const WizardContext &context, QWidget *parent)
    : RuleWizardPage(context, parent)
{
    setTitle(tr("Source and destination"));
    setExplanation(tr("Combines a source with a destination, for example when the host listens "
                      "on two addresses and the rule should apply to only one of them."));
    m_source = new AddressInput(this);
    m_source->setObjectName(QStringLiteral("source"));
    m_source->setFamily(context.family);
    m_source->setSideName(tr("Source"));
    m_destination = new AddressInput(this);
    m_destination->setObjectName(QStringLiteral("destination"));
    m_destination->setFamily(context.family);
    m_destination->setSideName(tr("Destination"));
    m_interface = makeInterfaceCombo();
    m_interface->setObjectName(QStringLiteral("interface"));
    m_interface->setCurrentIndex(-1);
    m_interface->lineEdit()->setPlaceholderText(tr("any (optional)"));
    m_target = new QComboBox(this);
    m_target->setObjectName(QStringLiteral("target"));
    m_target->addItem(tr("DROP (discard)"), QStringLiteral("DROP"));
    m_target->addItem(tr("RETURN (hand on to Docker's rules)"), QStringLiteral("RETURN"));
    m_target->addItem(tr("ACCEPT (final: skips Docker's checks)"), QStringLiteral("ACCEPT"));
    m_target->addItem(tr("REJECT (refuse with an error)"), QStringLiteral("REJECT"));
    addField(tr("&Source:"), m_source);
    addField(tr("&Destination:"), m_destination);
    addField(tr("Incoming &interface:"), m_interface, tr("Optional; empty means any interface"));
    addField(tr("&Action:"), m_target);
    connect(m_source, &AddressInput::changed, this, &SourceDestPage::revalidate);
    connect(m_destination, &AddressInput::changed, this, &SourceDestPage::revalidate);
    connect(m_target, &QComboBox::currentIndexChanged, this, &SourceDestPage::revalidate);
    revalidate();
}

QStringList SourceDestPage::draftRules(QString *problem) const
{
    if (m_source->kind() == AddressInput::Any && m_destination->kind() == AddressInput::Any) {
        *problem = tr("Choose a source, a destination, or both.");
        return {};
    }
    QString p = m_source->problem(tr("source"));
    if (p.isEmpty()) {
        p = m_destination->problem(tr("destination"));
    }
    if (!p.isEmpty()) {
        *problem = p;
        return {};
    }
    QStringList parts;
    const QString iface = m_interface->currentText().trimmed();
    if (!iface.isEmpty()) {
        parts << QStringLiteral("-i") << iface;
    }
    auto negation = [](const AddressInput *input) {
        return input->negated() ? QStringLiteral("! ") : QString();
    };
    const bool sourceRange = m_source->kind() == AddressInput::Range;
    const bool destinationRange = m_destination->kind() == AddressInput::Range;
    if (sourceRange || destinationRange) {
        parts << QStringLiteral("-m iprange"); // required by --src-range/--dst-range
    }
    if (m_source->kind() != AddressInput::Any) {
        parts << negation(m_source) +
                     (sourceRange ? QStringLiteral("--src-range ") : QStringLiteral("-s ")) +
                     m_source->text();
    }
    if (m_destination->kind() != AddressInput::Any) {
        parts << negation(m_destination) +
                     (destinationRange ? QStringLiteral("--dst-range ") : QStringLiteral("-d ")) +
                     m_destination->text();
    }
    parts << QStringLiteral("-j") << m_target->currentData().toString();
    return {parts.join(QLatin1Char(' '))};
}

QString SourceDestPage::describeEffect() const
{
    auto side = [](const AddressInput *input) {
        if (input->kind() == AddressInput::Any) {
            return tr("any address");
        }
        return input->negated() ? tr("anywhere but %1").arg(input->text()) : input->text();
    };
    const QString target = m_target->currentData().toString();
    QString verdict;
    if (target == QLatin1String("DROP")) {
        verdict = tr("is dropped");
    } else if (target == QLatin1String("RETURN")) {
        verdict = tr("is handed on to Docker's own rules");
    } else if (target == QLatin1String("ACCEPT")) {
        verdict = tr("is let through, skipping Docker's own checks");
    } else {
        verdict = tr("is refused with an error");
    }
    const QString iface = m_interface->currentText().trimmed();
    if (iface.isEmpty()) {
        return tr("Traffic from %1 to %2 %3, on any interface.")
            .arg(side(m_source), side(m_destination), verdict);
    }
    return tr("Traffic arriving on %1 from %2 to %3 %4; other interfaces are not affected.")
        .arg(iface, side(m_source), side(m_destination), verdict);
}

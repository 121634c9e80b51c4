#include "onlyrangepage.h"

#include "familytext.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLineEdit>

namespace {
bool looksLikeRange(const QString &text)
{
    return text.count(QLatin1Char('-')) == 1 && !text.startsWith(QLatin1Char('-')) &&
           !text.endsWith(QLatin1Char('-'));
}
} // namespace

OnlyRangePage::OnlyRangePage(const WizardContext &context, QWidget *parent)
    : RuleWizardPage(context, parent)
{
    setTitle(tr("Allow only a range of addresses"));
    setExplanation(tr("Drops traffic from outside the range. The iprange match (-m iprange) "
                      "that --src-range needs is added for you."));
    m_interface = makeInterfaceCombo();
    m_interface->setObjectName(QStringLiteral("interface"));
    m_source = new QLineEdit(this);
    m_source->setObjectName(QStringLiteral("sourceRange"));
    m_source->setPlaceholderText(FamilyText::example(FamilyText::exampleRange(context.family)));
    m_useDestination = new QCheckBox(tr("Only for traffic to this &destination range:"), this);
    m_useDestination->setObjectName(QStringLiteral("useDestination"));
    m_destination = new QLineEdit(this);
    m_destination->setObjectName(QStringLiteral("destinationRange"));
    m_destination->setPlaceholderText(FamilyText::example(
        context.family == Userchain::Family::IPv6 ? QStringLiteral("fd00:d0c::2-fd00:d0c::9")
                                                  : QStringLiteral("172.17.0.2-172.17.0.9")));
    m_destination->setEnabled(false);
    addField(tr("External &interface:"), m_interface,
             tr("Where traffic from outside arrives, e.g. eth0"));
    addField(tr("Allowed &range:"), m_source,
             tr("First and last address, e.g. %1").arg(FamilyText::exampleRange(context.family)));
    addField(m_useDestination, m_destination, tr("Destination range"));
    addKeepRepliesOption();
    connect(m_source, &QLineEdit::textChanged, this, &OnlyRangePage::revalidate);
    connect(m_destination, &QLineEdit::textChanged, this, &OnlyRangePage::revalidate);
    connect(m_useDestination, &QCheckBox::toggled, this, [this](bool on) {
        m_destination->setEnabled(on);
        revalidate();
    });
    revalidate();
}

QStringList OnlyRangePage::draftRules(QString *problem) const
{
    const QString iface = m_interface->currentText().trimmed();
    const QString source = m_source->text().trimmed();
    const QString destination = m_destination->text().trimmed();
    if (iface.isEmpty()) {
        *problem = tr("Choose or type the external interface (where traffic from outside "
                      "arrives).");
        return {};
    }
    if (const QString p = addressProblem(source); !p.isEmpty()) {
        *problem = p;
        return {};
    }
    if (!looksLikeRange(source)) {
        *problem = tr("Enter the allowed range as FIRST-LAST, e.g. %1.")
                       .arg(FamilyText::exampleRange(context().family));
        return {};
    }
    QString spec = QStringLiteral("-m iprange -i %1 ! --src-range %2").arg(iface, source);
    if (m_useDestination->isChecked()) {
        if (const QString p = addressProblem(destination); !p.isEmpty()) {
            *problem = p;
            return {};
        }
        if (!looksLikeRange(destination)) {
            *problem = tr("Enter the destination range as FIRST-LAST.");
            return {};
        }
        spec += QStringLiteral(" --dst-range ") + destination;
    }
    return {spec + keepRepliesMatch() + QStringLiteral(" -j DROP")};
}

QString OnlyRangePage::describeEffect() const
{
    const QString iface = m_interface->currentText().trimmed();
    const QString source = m_source->text().trimmed();
    const QString what =
        m_useDestination->isChecked()
            ? tr("Traffic arriving on %1 to %2 is dropped unless it comes from %3; other "
                 "destinations and interfaces are not affected.")
                  .arg(iface, m_destination->text().trimmed(), source)
            : tr("Traffic arriving on %1 to any container is dropped unless it comes from %2; "
                 "other interfaces are not affected.")
                  .arg(iface, source);
    return what + QLatin1Char(' ') + repliesEffect(source);
}

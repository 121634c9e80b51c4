#include "rulewizardpage.h"

#include "crossfamily.h"
#include "familytext.h"
#include "ruleparser.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

RuleWizardPage::RuleWizardPage(const WizardContext &context, QWidget *parent)
    : QWizardPage(parent), m_context(context), m_explanation(new QLabel(this)),
      m_form(new QFormLayout), m_preview(new QLabel(this)), m_messageLabel(new QLabel(this)),
      m_alsoOther(new QCheckBox(this)), m_alsoNote(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    m_explanation->setWordWrap(true);
    m_explanation->hide();
    layout->addWidget(m_explanation);
    layout->addLayout(m_form);
    auto *box =
        new QGroupBox(tr("Rules to add to %1").arg(FamilyText::label(context.family)), this);
    auto *boxLayout = new QVBoxLayout(box);
    m_preview->setObjectName(QStringLiteral("rulePreview"));
    m_preview->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_preview->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_preview->setWordWrap(true);
    boxLayout->addWidget(m_preview);
    layout->addWidget(box);
    m_messageLabel->setObjectName(QStringLiteral("ruleMessage"));
    m_messageLabel->setWordWrap(true);
    m_messageLabel->setStyleSheet(QStringLiteral("color: #b00020;"));
    layout->addWidget(m_messageLabel);
    m_alsoOther->setObjectName(QStringLiteral("alsoOtherFamily"));
    m_alsoOther->setVisible(context.otherFamilyAvailable);
    m_alsoOther->setText(
        tr("Also add to the %1 table").arg(FamilyText::label(FamilyText::other(context.family))));
    layout->addWidget(m_alsoOther);
    m_alsoNote->setObjectName(QStringLiteral("alsoOtherFamilyNote"));
    m_alsoNote->setWordWrap(true);
    m_alsoNote->setForegroundRole(QPalette::PlaceholderText);
    m_alsoNote->setText(tr("Only rules without an address (and without ICMP of one family) can "
                           "go to both tables: %1 addresses mean nothing to %2.")
                            .arg(FamilyText::name(context.family),
                                 FamilyText::tool(FamilyText::other(context.family))));
    m_alsoNote->hide();
    layout->addWidget(m_alsoNote);
    layout->addStretch(1);
}

bool RuleWizardPage::alsoOtherFamily() const
{
    return m_context.otherFamilyAvailable && m_alsoOther->isEnabled() && m_alsoOther->isChecked();
}

QStringList RuleWizardPage::otherFamilyRules() const
{
    return alsoOtherFamily() ? m_otherRules : QStringList();
}

QString RuleWizardPage::addressProblem(const QString &text) const
{
    return FamilyText::wrongFamilyProblem(text, m_context.family);
}

bool RuleWizardPage::isComplete() const
{
    return !m_rules.isEmpty();
}

void RuleWizardPage::setExplanation(const QString &text)
{
    m_explanation->setText(text);
    m_explanation->setVisible(!text.isEmpty());
}

QComboBox *RuleWizardPage::makeInterfaceCombo()
{
    auto *combo = new QComboBox(this);
    combo->setEditable(true);
    combo->addItems(m_context.interfaces);
    combo->lineEdit()->setPlaceholderText(tr("e.g. eth0"));
    connect(combo, &QComboBox::currentTextChanged, this, &RuleWizardPage::revalidate);
    return combo;
}

void RuleWizardPage::revalidate()
{
    QString problem;
    const QStringList drafts = draftRules(&problem);
    QStringList canonical;
    if (problem.isEmpty()) {
        for (const QString &draft : drafts) {
            Userchain::RuleError error;
            const auto rule = Userchain::RuleParser::parse(draft, m_context.family, &error);
            if (!rule) {
                problem = drafts.size() == 1
                              ? error.message
                              : tr("Rule %1: %2").arg(canonical.size() + 1).arg(error.message);
                break;
            }
            canonical << rule->toString();
        }
    }
    if (!problem.isEmpty()) {
        canonical.clear();
    }
    m_rules = canonical;
    m_message = problem;
    m_messageLabel->setText(problem);
    QStringList lines;
    for (const QString &spec : std::as_const(m_rules)) {
        lines << QStringLiteral("-A DOCKER-USER ") + spec;
    }
    m_preview->setText(lines.isEmpty() ? tr("(none yet)") : lines.join(QLatin1Char('\n')));
    // Only rules without an address mean the same in both families.
    const auto other = CrossFamily::translate(m_rules, m_context.family);
    m_otherRules = other.value_or(QStringList());
    m_alsoOther->setEnabled(other.has_value());
    m_alsoNote->setVisible(m_context.otherFamilyAvailable && !other && !m_rules.isEmpty());
    emit completeChanged();
}

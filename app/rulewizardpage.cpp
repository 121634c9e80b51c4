#include "rulewizardpage.h"

#include "ruleparser.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

RuleWizardPage::RuleWizardPage(const WizardContext &context, QWidget *parent)
    : QWizardPage(parent), m_context(context), m_explanation(new QLabel(this)),
      m_form(new QFormLayout), m_preview(new QLabel(this)), m_messageLabel(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    m_explanation->setWordWrap(true);
    m_explanation->hide();
    layout->addWidget(m_explanation);
    layout->addLayout(m_form);
    auto *box = new QGroupBox(tr("Rules to add"), this);
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
    layout->addStretch(1);
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
    emit completeChanged();
}

#include "rawruledialog.h"

#include "crossfamily.h"
#include "familytext.h"
#include "messagetext.h"
#include "restorefile.h"
#include "themecolors.h"
#include "ui_rawruledialog.h"

#include <QEvent>
#include <QFontDatabase>
#include <QPushButton>
#include <algorithm>

RawRuleDialog::RawRuleDialog(Userchain::Family family, QWidget *parent)
    : QDialog(parent), m_ui(new Ui::RawRuleDialog), m_family(family)
{
    m_ui->setupUi(this);
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_ui->specEdit->setFont(fixed);
    m_ui->chainLabel->setFont(fixed);
    m_ui->chainLabel->setText(FamilyText::tool(family) + QStringLiteral(" -A DOCKER-USER"));
    m_ui->alsoOtherFamilyCheck->setText(
        tr("A&lso add to the %1 table").arg(FamilyText::label(FamilyText::other(family))));
    m_ui->alsoOtherFamilyNote->setForegroundRole(QPalette::PlaceholderText);
    m_ui->alsoOtherFamilyNote->setText(
        tr("Only a rule without an address (and without ICMP of one family) can go to both "
           "tables."));
    m_ui->promptLabel->setText(
        tr("Type the %1 rule as you would after <tt>%2 -A DOCKER-USER</tt>, for example "
           "<tt>-i eth0 ! -s %3 -j DROP</tt>, or paste a whole <tt>%2</tt> command from "
           "Docker's page.")
            .arg(FamilyText::name(family), FamilyText::tool(family),
                 FamilyText::exampleAddress(family)));
    connect(m_ui->specEdit, &QLineEdit::textChanged, this, &RawRuleDialog::validate);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    validate();
}

RawRuleDialog::~RawRuleDialog() = default;

void RawRuleDialog::setSpec(const QString &spec)
{
    m_ui->specEdit->setText(spec);
}

void RawRuleDialog::setSpecText(const QString &text)
{
    m_ui->specEdit->setText(text);
}

void RawRuleDialog::setOtherFamilyAvailable(bool available)
{
    m_otherAvailable = available;
    m_ui->alsoOtherFamilyCheck->setVisible(available);
    validate();
}

QString RawRuleDialog::otherFamilySpec() const
{
    return m_otherAvailable && m_ui->alsoOtherFamilyCheck->isEnabled() &&
                   m_ui->alsoOtherFamilyCheck->isChecked()
               ? m_otherSpec
               : QString();
}

QString RawRuleDialog::typedText() const
{
    return m_ui->specEdit->text();
}

QString RawRuleDialog::message() const
{
    return m_ui->statusLabel->text();
}

void RawRuleDialog::changeEvent(QEvent *event)
{
    QDialog::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        validate(); // the message's colour follows a light or dark palette
    }
}

void RawRuleDialog::validate()
{
    const QString text = m_ui->specEdit->text().trimmed();
    m_canonical.clear();
    m_specs.clear();
    m_command.reset();
    if (text.isEmpty()) {
        m_ui->statusLabel->setText(tr("Type a rule."));
        m_ui->statusLabel->setStyleSheet(QString());
    } else {
        // As the import reads a pasted line: a rule-spec, or a whole command from Docker's page
        // ("sudo iptables -I DOCKER-USER ...").
        const Userchain::RuleLine line = Userchain::readRuleLine(text, m_family);
        if (line.rule) {
            m_canonical = line.rule->toString();
            m_specs = {m_canonical};
            if (line.command) {
                m_command = line.step;
            }
            m_ui->statusLabel->setText(
                tr("Valid. iptables-save will show it as: %1").arg(m_canonical));
            m_ui->statusLabel->setStyleSheet(
                ThemeColors::textStyleSheet(ThemeColors::successText(palette())));
        } else if (m_severalAllowed && line.rules.size() > 1) {
            for (const Userchain::Rule &rule : line.rules) {
                m_specs << rule.toString();
            }
            if (line.command) {
                m_command = line.step;
                if (line.step.insert) {
                    std::reverse(m_specs.begin(), m_specs.end());
                }
            }
            m_canonical = m_specs.first();
            m_ui->statusLabel->setText(
                tr("Valid: one rule per address of the list, as iptables makes them: %1")
                    .arg(m_specs.join(QStringLiteral("; "))));
            m_ui->statusLabel->setStyleSheet(
                ThemeColors::textStyleSheet(ThemeColors::successText(palette())));
        } else {
            m_ui->statusLabel->setText(problem(line));
            m_ui->statusLabel->setStyleSheet(
                ThemeColors::textStyleSheet(ThemeColors::errorText(palette())));
        }
    }
    // Only a single rule is offered for the other family (an address list has addresses).
    const auto other =
        m_specs.size() != 1 ? std::nullopt : CrossFamily::translate(m_canonical, m_family);
    m_otherSpec = other.value_or(QString());
    m_ui->alsoOtherFamilyCheck->setEnabled(other.has_value());
    m_ui->alsoOtherFamilyNote->setVisible(m_otherAvailable && !other && !m_canonical.isEmpty());
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(isValid());
}

void RawRuleDialog::setSeveralAllowed(bool allowed)
{
    m_severalAllowed = allowed;
    validate();
}

QString RawRuleDialog::problem(const Userchain::RuleLine &line) const
{
    // A command of the other family's tool: say in which table its rule belongs.
    if (line.toolFamily && *line.toolFamily != m_family) {
        const Userchain::Family family = *line.toolFamily;
        return tr("This is an %1 command: its rule belongs in the %2 table. Add it there, or "
                  "start the line with %3.")
            .arg(FamilyText::tool(family), FamilyText::name(family), FamilyText::tool(m_family));
    }
    // The library's message names the token at fault; a wrong family deserves words.
    const QString family = line.error.token.isEmpty()
                               ? QString()
                               : FamilyText::wrongFamilyProblem(line.error.token, m_family);
    return family.isEmpty() ? MessageText::sentence(line.error.message) : family;
}

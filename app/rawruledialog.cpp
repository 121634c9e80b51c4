#include "rawruledialog.h"

#include "ruleparser.h"
#include "ui_rawruledialog.h"

#include <QFontDatabase>
#include <QPushButton>

RawRuleDialog::RawRuleDialog(Userchain::Family family, QWidget *parent)
    : QDialog(parent), m_ui(new Ui::RawRuleDialog), m_family(family)
{
    m_ui->setupUi(this);
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_ui->specEdit->setFont(fixed);
    m_ui->chainLabel->setFont(fixed);
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

QString RawRuleDialog::typedText() const
{
    return m_ui->specEdit->text();
}

QString RawRuleDialog::message() const
{
    return m_ui->statusLabel->text();
}

void RawRuleDialog::validate()
{
    const QString text = m_ui->specEdit->text().trimmed();
    m_canonical.clear();
    if (text.isEmpty()) {
        m_ui->statusLabel->setText(tr("Type a rule."));
        m_ui->statusLabel->setStyleSheet(QString());
    } else {
        Userchain::RuleError error;
        if (const auto rule = Userchain::RuleParser::parse(text, m_family, &error)) {
            m_canonical = rule->toString();
            m_ui->statusLabel->setText(
                tr("Valid. iptables-save will show it as: %1").arg(m_canonical));
            m_ui->statusLabel->setStyleSheet(QStringLiteral("color: #0a7a2f;"));
        } else {
            // The library's message names the token at fault.
            m_ui->statusLabel->setText(error.message);
            m_ui->statusLabel->setStyleSheet(QStringLiteral("color: #b00020;"));
        }
    }
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(isValid());
}

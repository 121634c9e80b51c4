#include "policypreviewpage.h"

#include "rulewizardpage.h"

#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QRadioButton>
#include <QVBoxLayout>

PolicyPreviewPage::PolicyPreviewPage(RuleWizardPage *input, int currentRuleCount, QWidget *parent)
    : QWizardPage(parent), m_input(input), m_preview(new QPlainTextEdit(this)),
      m_effect(new QLabel(this)), m_replace(new QRadioButton(this)), m_add(new QRadioButton(this))
{
    setTitle(tr("Review the policy"));
    setSubTitle(tr("These rules go into DOCKER-USER in this order. Nothing reaches the system "
                   "until you Apply."));
    m_preview->setReadOnly(true);
    m_preview->setObjectName(QStringLiteral("policyPreview"));
    m_preview->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_preview->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_preview->setTabChangesFocus(true);
    m_preview->setAccessibleName(tr("Rules of the policy"));
    m_effect->setObjectName(QStringLiteral("ruleEffect"));
    m_effect->setWordWrap(true);
    m_effect->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_effect->setAccessibleName(tr("What the rules do"));
    m_replace->setObjectName(QStringLiteral("replaceTable"));
    m_replace->setText(tr("&Replace the table (its %n rules are removed; Undo brings them back)",
                          nullptr, currentRuleCount));
    m_add->setObjectName(QStringLiteral("addToTable"));
    m_add->setText(tr("&Add to the table, before its final RETURN"));
    m_replace->setChecked(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_preview, 1);
    layout->addWidget(m_effect);
    layout->addWidget(m_replace);
    layout->addWidget(m_add);
}

void PolicyPreviewPage::initializePage()
{
    QStringList lines;
    for (const QString &spec : m_input->rules()) {
        lines << QStringLiteral("-A DOCKER-USER ") + spec;
    }
    m_preview->setPlainText(lines.join(QLatin1Char('\n')));
    m_effect->setText(m_input->effect());
}

bool PolicyPreviewPage::replaceTable() const
{
    return m_replace->isChecked();
}

QString PolicyPreviewPage::previewText() const
{
    return m_preview->toPlainText();
}

QString PolicyPreviewPage::effectText() const
{
    return m_effect->text();
}

#include "applydialog.h"

#include "rulediff.h"
#include "ui_applydialog.h"

#include <QPushButton>

ApplyDialog::ApplyDialog(QWidget *parent) : QDialog(parent), m_ui(new Ui::ApplyDialog)
{
    m_ui->setupUi(this);
    m_ui->buttonBox->button(QDialogButtonBox::Apply)->setDefault(true);
    connect(m_ui->buttonBox->button(QDialogButtonBox::Apply), &QPushButton::clicked, this,
            &QDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_ui->confirmCheck, &QCheckBox::toggled, m_ui->secondsSpin, &QWidget::setEnabled);
}

ApplyDialog::~ApplyDialog() = default;

void ApplyDialog::setDiff(const RuleDiff &diff, const QString &extra)
{
    if (diff.isEmpty()) {
        m_ui->summaryLabel->setText(tr("DOCKER-USER stays as it is."));
    } else {
        m_ui->summaryLabel->setText(
            tr("DOCKER-USER will be replaced in one step: %1 added, %2 removed, %3 moved.")
                .arg(diff.added())
                .arg(diff.removed())
                .arg(diff.moved()));
    }
    m_diffText = diff.toText();
    QString html = QStringLiteral("<pre style=\"margin:0\">");
    for (const RuleDiff::Line &line : diff.lines()) {
        const QString text = (QStringLiteral("-A DOCKER-USER ") + line.spec).toHtmlEscaped();
        switch (line.kind) {
        case RuleDiff::Line::Kept:
            html += QStringLiteral("<span style=\"color:#555\">  %1</span>\n").arg(text);
            break;
        case RuleDiff::Line::Added:
            html += QStringLiteral("<span style=\"color:#0a7a2f\">+ %1</span>\n").arg(text);
            break;
        case RuleDiff::Line::Removed:
            html += QStringLiteral("<span style=\"color:#b00020\">- %1</span>\n").arg(text);
            break;
        case RuleDiff::Line::Moved:
            html += QStringLiteral("<span style=\"color:#8a5a00\">~ %1</span>  <i>%2</i>\n")
                        .arg(text, tr("moved from %1 to %2")
                                       .arg(line.oldPosition)
                                       .arg(line.newPosition)
                                       .toHtmlEscaped());
            break;
        }
    }
    html += QStringLiteral("</pre>");
    m_ui->diffView->setHtml(html);
    m_ui->extraLabel->setText(extra);
    m_ui->extraLabel->setVisible(!extra.isEmpty());
}

bool ApplyDialog::confirmEnabled() const
{
    return m_ui->confirmCheck->isChecked();
}

void ApplyDialog::setConfirmEnabled(bool enabled)
{
    m_ui->confirmCheck->setChecked(enabled);
}

uint ApplyDialog::confirmSeconds() const
{
    return uint(m_ui->secondsSpin->value());
}

void ApplyDialog::setConfirmSeconds(uint seconds)
{
    m_ui->secondsSpin->setValue(int(seconds));
}

QString ApplyDialog::diffText() const
{
    return m_diffText;
}

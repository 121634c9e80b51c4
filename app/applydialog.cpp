#include "applydialog.h"

#include "familytext.h"
#include "themecolors.h"
#include "ui_applydialog.h"

#include <QLabel>
#include <QPushButton>

using Userchain::RuleDiff;

namespace {
struct Counts
{
    int added = 0;
    int removed = 0;
    int moved = 0;
    bool isEmpty() const { return added + removed + moved == 0; }
};

Counts countsOf(const QVector<RuleDiff::Change> &lines)
{
    Counts c;
    for (const RuleDiff::Change &line : lines) {
        switch (line.kind) {
        case RuleDiff::Kind::Added:
            ++c.added;
            break;
        case RuleDiff::Kind::Removed:
            ++c.removed;
            break;
        case RuleDiff::Kind::Moved:
            ++c.moved;
            break;
        case RuleDiff::Kind::Kept:
            break;
        }
    }
    return c;
}

QString prefixOf(RuleDiff::Kind kind)
{
    switch (kind) {
    case RuleDiff::Kind::Added:
        return QStringLiteral("+ ");
    case RuleDiff::Kind::Removed:
        return QStringLiteral("- ");
    case RuleDiff::Kind::Moved:
        return QStringLiteral("~ ");
    case RuleDiff::Kind::Kept:
        break;
    }
    return QStringLiteral("  ");
}
} // namespace

ApplyDialog::ApplyDialog(QWidget *parent) : QDialog(parent), m_ui(new Ui::ApplyDialog)
{
    m_ui->setupUi(this);
    m_ui->buttonBox->button(QDialogButtonBox::Apply)->setDefault(true);
    connect(m_ui->buttonBox->button(QDialogButtonBox::Apply), &QPushButton::clicked, this,
            &QDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_ui->confirmCheck, &QCheckBox::toggled, m_ui->secondsSpin, &QWidget::setEnabled);
    connect(m_ui->confirmCheck, &QCheckBox::toggled, this, &ApplyDialog::updateConfirmHint);
    m_defaultHint = m_ui->confirmHint->text();
}

void ApplyDialog::setHost(const QString &host)
{
    m_host = host;
    if (host.isEmpty()) {
        delete m_hostLabel;
        m_hostLabel = nullptr;
    } else {
        if (!m_hostLabel) {
            m_hostLabel = new QLabel(this);
            m_hostLabel->setObjectName(QStringLiteral("applyHost"));
            m_hostLabel->setWordWrap(true);
            m_hostLabel->setTextFormat(Qt::RichText);
            m_hostLabel->setContentsMargins(6, 4, 6, 4);
            m_hostLabel->setStyleSheet(ThemeColors::frameStyleSheet(
                m_hostLabel->objectName(), ThemeColors::Tone::Info, palette()));
            m_ui->verticalLayout->insertWidget(0, m_hostLabel);
        }
        m_hostLabel->setText(tr("These rules go to <b>%1</b>, over ssh: its DOCKER-USER is "
                                "the one replaced.")
                                 .arg(host.toHtmlEscaped()));
    }
    setWindowTitle(host.isEmpty() ? tr("Review and apply")
                                  : tr("Review and apply to %1").arg(host));
    if (!host.isEmpty()) {
        m_ui->buttonBox->button(QDialogButtonBox::Apply)->setText(tr("&Apply to %1").arg(host));
    }
    updateConfirmHint();
}

void ApplyDialog::updateConfirmHint()
{
    if (m_host.isEmpty() || confirmEnabled()) {
        m_ui->confirmHint->setText(m_defaultHint);
        m_ui->confirmHint->setStyleSheet(QString());
        return;
    }
    // The one change a remote apply cannot take back by itself: ssh cut off by the new rules.
    m_ui->confirmHint->setText(
        tr("Without automatic revert, a rule that cuts off ssh leaves %1 out of reach from "
           "here until someone restores its rules at its console.")
            .arg(m_host));
    m_ui->confirmHint->setStyleSheet(
        ThemeColors::textStyleSheet(ThemeColors::errorText(palette())));
}

ApplyDialog::~ApplyDialog() = default;

void ApplyDialog::setReviews(const QVector<Review> &reviews, const QString &note)
{
    m_reviews = reviews;
    QStringList names;
    for (const Review &review : reviews) {
        names << FamilyText::name(review.family);
    }
    m_ui->summaryLabel->setText(
        reviews.size() == 1
            ? tr("DOCKER-USER (%1) will be replaced in one step.").arg(names.value(0))
            : tr("DOCKER-USER will be replaced in %1, one family after the other, each in one "
                 "step.")
                  .arg(names.join(tr(" and "))));
    const QPalette &p = palette();
    const QString kept = ThemeColors::dimText(p).name();
    const QString added = ThemeColors::successText(p).name();
    const QString removed = ThemeColors::errorText(p).name();
    const QString moved = ThemeColors::movedText(p).name();
    QString html;
    for (const Review &review : reviews) {
        const Counts c = countsOf(review.lines);
        const QString heading =
            c.isEmpty()
                ? tr("%1: the rules stay as they are.").arg(FamilyText::label(review.family))
                : tr("%1: %2 added, %3 removed, %4 moved.")
                      .arg(FamilyText::label(review.family))
                      .arg(c.added)
                      .arg(c.removed)
                      .arg(c.moved);
        html += QStringLiteral("<p style=\"margin:6px 0 2px 0\"><b>%1</b></p>")
                    .arg(heading.toHtmlEscaped());
        if (!review.extra.isEmpty()) {
            html += QStringLiteral("<p style=\"margin:0 0 2px 0\">%1</p>").arg(review.extra);
        }
        if (!review.exposure.isEmpty()) {
            html += QStringLiteral("<p style=\"margin:0 0 2px 0\">%1</p><ul style=\"margin:0\">")
                        .arg(tr("Who can reach the published ports:").toHtmlEscaped());
            for (const QString &line : review.exposure) {
                html += QStringLiteral("<li>%1</li>").arg(line.toHtmlEscaped());
            }
            html += QStringLiteral("</ul>");
        }
        html += QStringLiteral("<pre style=\"margin:0\">");
        for (const RuleDiff::Change &line : review.lines) {
            const QString text = (QStringLiteral("-A DOCKER-USER ") + line.spec).toHtmlEscaped();
            switch (line.kind) {
            case RuleDiff::Kind::Kept:
                html += QStringLiteral("<span style=\"color:%1\">  %2</span>\n").arg(kept, text);
                break;
            case RuleDiff::Kind::Added:
                html += QStringLiteral("<span style=\"color:%1\">+ %2</span>\n").arg(added, text);
                break;
            case RuleDiff::Kind::Removed:
                html += QStringLiteral("<span style=\"color:%1\">- %2</span>\n").arg(removed, text);
                break;
            case RuleDiff::Kind::Moved:
                html += QStringLiteral("<span style=\"color:%1\">~ %2</span>  <i>%3</i>\n")
                            .arg(moved, text,
                                 tr("moved from %1 to %2")
                                     .arg(line.oldIndex + 1)
                                     .arg(line.newIndex + 1)
                                     .toHtmlEscaped());
                break;
            }
        }
        html += QStringLiteral("</pre>");
    }
    m_ui->diffView->setHtml(html);
    m_ui->extraLabel->setText(note);
    m_ui->extraLabel->setVisible(!note.isEmpty());
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

QString ApplyDialog::plainDiff(const QVector<RuleDiff::Change> &lines)
{
    QStringList out;
    for (const RuleDiff::Change &line : lines) {
        out << prefixOf(line.kind) + QStringLiteral("-A DOCKER-USER ") + line.spec;
    }
    return out.join(QLatin1Char('\n'));
}

QString ApplyDialog::diffText(Userchain::Family family) const
{
    for (const Review &review : m_reviews) {
        if (review.family == family) {
            return plainDiff(review.lines);
        }
    }
    return QString();
}

QString ApplyDialog::diffText() const
{
    if (m_reviews.size() == 1) {
        return diffText(m_reviews.first().family);
    }
    QStringList out;
    for (const Review &review : m_reviews) {
        out << QStringLiteral("# ") + FamilyText::label(review.family) << diffText(review.family);
    }
    return out.join(QLatin1Char('\n'));
}

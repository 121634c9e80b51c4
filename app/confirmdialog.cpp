#include "confirmdialog.h"

#include "ui_confirmdialog.h"

ConfirmDialog::ConfirmDialog(QWidget *parent) : QDialog(parent), m_ui(new Ui::ConfirmDialog)
{
    m_ui->setupUi(this);
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &ConfirmDialog::tick);
    connect(m_ui->keepButton, &QPushButton::clicked, this, &ConfirmDialog::keep);
    connect(m_ui->revertButton, &QPushButton::clicked, this, &ConfirmDialog::revert);
}

ConfirmDialog::~ConfirmDialog() = default;

void ConfirmDialog::setFamily(const QString &familyLabel, const QString &next)
{
    setWindowTitle(tr("Keep these rules? (%1)").arg(familyLabel));
    QString text = tr("The new %1 DOCKER-USER rules are active. If containers are still "
                      "reachable as you expect, keep them; otherwise, or if you do nothing, the "
                      "previous rules come back.")
                       .arg(familyLabel);
    if (!next.isEmpty()) {
        text += QLatin1Char(' ') + next;
    }
    m_ui->explanationLabel->setText(text);
}

void ConfirmDialog::start(uint seconds)
{
    m_answered = false;
    m_remaining = int(seconds);
    m_ui->countdownBar->setRange(0, int(seconds));
    m_ui->countdownBar->setValue(int(seconds));
    m_ui->countdownLabel->setText(tr("Reverting in %n seconds.", nullptr, m_remaining));
    m_timer.start();
}

void ConfirmDialog::tick()
{
    --m_remaining;
    m_ui->countdownBar->setValue(std::max(0, m_remaining));
    m_ui->countdownLabel->setText(
        tr("Reverting in %n seconds.", nullptr, std::max(0, m_remaining)));
    if (m_remaining <= 0 && !m_answered) {
        finish();
        emit revertRequested(true);
    }
}

void ConfirmDialog::finish()
{
    m_answered = true;
    m_timer.stop();
    QDialog::done(QDialog::Rejected);
}

void ConfirmDialog::keep()
{
    if (m_answered) {
        return;
    }
    m_answered = true;
    m_timer.stop();
    QDialog::done(QDialog::Accepted);
    emit keepRequested();
}

void ConfirmDialog::revert()
{
    if (m_answered) {
        return;
    }
    finish();
    emit revertRequested(false);
}

void ConfirmDialog::reject()
{
    revert();
}

void ConfirmDialog::dismiss()
{
    if (!m_answered) {
        finish();
    }
}

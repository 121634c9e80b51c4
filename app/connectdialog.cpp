#include "connectdialog.h"

#include "recenthosts.h"
#include "themecolors.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

ConnectDialog::ConnectDialog(QWidget *parent)
    : QDialog(parent), m_intro(new QLabel(this)), m_host(new QComboBox(this)),
      m_error(new QLabel(this)), m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("connectDialog"));
    setWindowTitle(tr("Connect to Host"));
    m_intro->setText(
        tr("Userchain logs in with ssh as you would (your ~/.ssh/config, keys and agent) and "
           "talks to the Userchain helper installed there. The host opens in a window of its "
           "own."));
    m_intro->setWordWrap(true);
    m_host->setObjectName(QStringLiteral("hostCombo"));
    m_host->setEditable(true);
    m_host->setInsertPolicy(QComboBox::NoInsert);
    m_host->setMinimumContentsLength(28);
    m_host->addItems(RecentHosts::load());
    m_host->setCurrentIndex(-1);
    m_host->lineEdit()->setPlaceholderText(tr("[user@]host[:port]"));
    m_host->setAccessibleName(tr("Host"));
    m_host->setAccessibleDescription(tr("[user@]host[:port], or one of the recent hosts"));
    m_host->setToolTip(tr("An IPv6 address goes in brackets: [2001:db8::1]:2222"));
    m_error->setObjectName(QStringLiteral("hostError"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setStyleSheet(ThemeColors::textStyleSheet(ThemeColors::errorText(palette())));
    auto *form = new QFormLayout;
    auto *label = new QLabel(tr("&Host:"), this);
    label->setBuddy(m_host);
    form->addRow(label, m_host);
    form->addRow(QString(), m_error);
    QPushButton *connectButton = m_buttons->addButton(tr("C&onnect"), QDialogButtonBox::AcceptRole);
    connectButton->setObjectName(QStringLiteral("connectButton"));
    connectButton->setDefault(true);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_host, &QComboBox::editTextChanged, this, &ConnectDialog::validate);
    auto *layout = new QVBoxLayout(this);
    // Wide enough for the explanation in a few lines; the layout then gives it its height.
    setMinimumWidth(460);
    layout->addWidget(m_intro);
    layout->addLayout(form);
    layout->addStretch();
    layout->addWidget(m_buttons);
    validate();
}

void ConnectDialog::setIntro(const QString &text)
{
    m_intro->setText(text);
}

void ConnectDialog::setHostText(const QString &text)
{
    m_host->setEditText(text);
}

QString ConnectDialog::hostText() const
{
    return m_host->currentText().trimmed();
}

std::optional<Userchain::BusTarget> ConnectDialog::target() const
{
    QString ignored;
    return Userchain::BusTarget::parse(hostText(), &ignored);
}

QString ConnectDialog::errorText() const
{
    return m_error->text();
}

void ConnectDialog::validate()
{
    QString error;
    const bool empty = hostText().isEmpty();
    const bool valid = !empty && Userchain::BusTarget::parse(hostText(), &error);
    // Nothing typed yet is not a mistake: Connect stays off without a word.
    m_error->setText(empty || valid ? QString() : error);
    m_error->setVisible(!m_error->text().isEmpty());
    for (QAbstractButton *button : m_buttons->buttons()) {
        if (m_buttons->buttonRole(button) == QDialogButtonBox::AcceptRole) {
            button->setEnabled(valid);
        }
    }
}

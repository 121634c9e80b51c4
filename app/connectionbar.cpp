#include "connectionbar.h"

#include "themecolors.h"

#include <QEvent>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QVBoxLayout>

namespace {
/// ssh's last lines say why; earlier ones are mostly warnings about known hosts.
constexpr int MaxLines = 4;

QString lastLines(const QString &text)
{
    QStringList lines = text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    if (lines.size() > MaxLines) {
        lines = lines.mid(lines.size() - MaxLines);
    }
    return lines.join(QLatin1Char('\n'));
}
} // namespace

ConnectionBar::ConnectionBar(QWidget *parent)
    : QFrame(parent), m_title(new QLabel(this)), m_detail(new QLabel(this)),
      m_button(new QPushButton(this))
{
    setObjectName(QStringLiteral("connectionBar"));
    setFrameShape(QFrame::StyledPanel);
    setAccessibleName(tr("Connection"));
    m_title->setObjectName(QStringLiteral("connectionTitle"));
    m_title->setWordWrap(true);
    m_title->setTextFormat(Qt::PlainText);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_detail->setObjectName(QStringLiteral("connectionDetail"));
    m_detail->setWordWrap(true);
    m_detail->setTextFormat(Qt::PlainText);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_button->setObjectName(QStringLiteral("connectionAction"));
    auto *texts = new QVBoxLayout;
    texts->setSpacing(2);
    texts->addWidget(m_title);
    texts->addWidget(m_detail);
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(8, 4, 8, 4);
    row->addLayout(texts, 1);
    row->addWidget(m_button, 0, Qt::AlignVCenter);
    connect(m_button, &QPushButton::clicked, this, [this] {
        if (m_state == HostConnection::State::Connecting) {
            emit cancelRequested();
        } else {
            emit reconnectRequested();
        }
    });
    hide();
}

QString ConnectionBar::hintFor(const QString &message, const QString &host)
{
    if (message.contains(QLatin1String("ssh_askpass")) ||
        message.contains(QLatin1String("ssh-askpass"))) {
        return tr("ssh needed to ask something (a password or whether to trust the host key) "
                  "but found no program to ask with: install ssh-askpass, or log in once from a "
                  "terminal and use a key in ssh-agent.");
    }
    if (message.contains(QLatin1String("systemd-stdio-bridge"))) {
        return tr("%1 needs systemd-stdio-bridge (package systemd) for Userchain.").arg(host);
    }
    if (message.contains(QLatin1String("Host key verification failed"))) {
        return tr("ssh does not trust the host key of %1: check it, then log in once from a "
                  "terminal to accept it.")
            .arg(host);
    }
    return QString();
}

void ConnectionBar::showState(HostConnection::State state, const QString &host,
                              const QString &message)
{
    m_state = state;
    const QString where = host.isEmpty() ? tr("the system bus") : host;
    QStringList details;
    switch (state) {
    case HostConnection::State::Idle:
    case HostConnection::State::Connected:
        hide();
        return;
    case HostConnection::State::Connecting:
        m_title->setText(tr("Connecting to %1 over ssh…").arg(host));
        details << tr("If ssh needs a password, or must ask whether to trust the host key of "
                      "%1, it asks in a window of its own (ssh-askpass).")
                       .arg(host);
        m_button->setText(tr("&Cancel"));
        m_button->setToolTip(tr("Stop logging in to %1").arg(host));
        break;
    case HostConnection::State::Failed:
        m_title->setText(host.isEmpty() ? tr("Could not connect to the system bus.")
                                        : tr("Could not connect to %1 over ssh.").arg(host));
        details << lastLines(message) << hintFor(message, host);
        m_button->setText(tr("&Try again"));
        m_button->setToolTip(tr("Connect to %1 again").arg(where));
        break;
    case HostConnection::State::Lost:
        m_title->setText(tr("The connection to %1 was lost.").arg(where));
        details << lastLines(message)
                << tr("Your unapplied edits are kept. Reconnect to read the rules again and "
                      "apply them.");
        m_button->setText(tr("&Reconnect"));
        m_button->setToolTip(tr("Connect to %1 again (a new ssh session)").arg(where));
        break;
    }
    details.removeAll(QString());
    m_detail->setText(details.join(QLatin1Char('\n')));
    m_detail->setVisible(!details.isEmpty());
    m_button->setAccessibleName(m_button->text().remove(QLatin1Char('&')));
    restyle();
    show();
}

QString ConnectionBar::text() const
{
    if (isHidden()) {
        return QString();
    }
    return m_detail->isHidden() ? m_title->text()
                                : m_title->text() + QLatin1Char('\n') + m_detail->text();
}

void ConnectionBar::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    // Setting the style sheet sends a palette change of its own: react to the others only.
    if (event->type() == QEvent::PaletteChange && !m_restyling) {
        restyle();
    }
}

void ConnectionBar::restyle()
{
    const QScopedValueRollback<bool> busy(m_restyling, true);
    const ThemeColors::Tone tone =
        m_state == HostConnection::State::Connecting ? ThemeColors::Tone::Info
        : m_state == HostConnection::State::Lost     ? ThemeColors::Tone::Warning
                                                     : ThemeColors::Tone::Error;
    setStyleSheet(ThemeColors::frameStyleSheet(objectName(), tone, QGuiApplication::palette()));
}

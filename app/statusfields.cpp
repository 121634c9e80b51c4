#include "statusfields.h"

#include "editsession.h"
#include "elidinglabel.h"
#include "familytext.h"
#include "firewallmode.h"
#include "stateexplainer.h"
#include "themecolors.h"

#include <QEvent>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>

StatusFields::StatusFields(QWidget *parent)
    : QWidget(parent), m_host(new ElidingLabel(this)), m_family(new QLabel(this)),
      m_backend(new QLabel(this)), m_chains(new QLabel(this)), m_saved(new QLabel(this)),
      m_revision(new ElidingLabel(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(12);
    QFont bold = m_family->font();
    bold.setBold(true);
    m_family->setFont(bold);
    m_family->setObjectName(QStringLiteral("statusFamily"));
    m_saved->setObjectName(QStringLiteral("statusSaved"));
    m_saved->setContentsMargins(4, 0, 4, 0);
    m_host->setObjectName(QStringLiteral("statusHost"));
    m_host->setFont(bold);
    m_host->setContentsMargins(4, 0, 4, 0);
    m_host->hide();
    for (QLabel *label : {static_cast<QLabel *>(m_host), m_family, m_backend, m_chains, m_saved,
                          static_cast<QLabel *>(m_revision)}) {
        layout->addWidget(label);
    }
    update(nullptr, 0, {});
}

void StatusFields::update(const EditSession *session, int dockerChainCount, const Saved &saved)
{
    m_saved->setText(saved.text);
    m_saved->setToolTip(saved.toolTip);
    m_saved->setVisible(!saved.text.isEmpty());
    m_savedWarning = saved.warning;
    restyle();
    if (!session) {
        m_family->setText(QString());
        m_backend->setText(tr("Backend: —"));
        m_chains->setText(tr("Docker chains: —"));
        m_revision->setFullText(tr("Not loaded"));
        return;
    }
    m_family->setText(FamilyText::label(session->family()));
    if (!session->hasSnapshot()) {
        m_backend->setText(tr("Backend: —"));
        m_chains->setText(tr("Docker chains: —"));
        m_revision->setFullText(tr("Not loaded"));
        return;
    }
    const Userchain::Snapshot &s = session->snapshot();
    m_backend->setText(
        FirewallMode::dockerUsesNftables(s)
            ? tr("Backend: %1 · Docker: nftables").arg(StateExplainer::backendName(s.backend))
            : tr("Backend: %1").arg(StateExplainer::backendName(s.backend)));
    m_chains->setText(tr("Docker chains: %1").arg(dockerChainCount));
    // Cut when the window is narrow: the whole text stays in the tooltip.
    const QString revision =
        tr("Revision %1 · refreshed %2")
            .arg(s.revision.left(12), session->lastRefresh().time().toString(Qt::ISODate));
    m_revision->setFullText(revision);
    m_revision->setToolTip(revision);
}

void StatusFields::setHost(const QString &host, bool connected)
{
    // The other fields fill most of a 1024 px window already: a long name gives way (cut in
    // the middle, the user and domain ends stay), and the tooltip has it whole.
    m_host->setVisible(!host.isEmpty());
    // Offline: the frame turns to a warning (and the bar above the tabs says why); the name
    // keeps the little room there is.
    m_host->setFullText(host);
    m_host->setToolTip(
        connected ? tr("This window reads and changes the firewall of %1, over ssh.").arg(host)
                  : tr("Not connected to %1: see the bar above the tabs.").arg(host));
    m_host->setAccessibleName(connected ? tr("Host: %1").arg(host)
                                        : tr("Host: %1, not connected").arg(host));
    m_hostWarning = !connected;
    restyle(true);
}

void StatusFields::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    // The label's style sheet fixes its palette; this widget sees the application's change.
    if (event->type() == QEvent::PaletteChange) {
        restyle(true);
    }
}

void StatusFields::restyle(bool force)
{
    // A QLabel is a QFrame: the frame's selector fits it.
    const QString sheet =
        m_savedWarning
            ? ThemeColors::frameStyleSheet(m_saved->objectName(), ThemeColors::Tone::Warning,
                                           QGuiApplication::palette(), 3)
            : QString();
    // Status updates come every few seconds with auto-refresh; repolish only on a change.
    if (force || m_saved->styleSheet() != sheet) {
        m_saved->setStyleSheet(sheet);
    }
    const QString hostSheet =
        m_hostWarning
            ? ThemeColors::frameStyleSheet(m_host->objectName(), ThemeColors::Tone::Warning,
                                           QGuiApplication::palette(), 3)
            : QString();
    if (force || m_host->styleSheet() != hostSheet) {
        m_host->setStyleSheet(hostSheet);
    }
}

QStringList StatusFields::texts() const
{
    return {m_family->text(),       m_backend->text(),
            m_chains->text(),       m_saved->text(),
            m_revision->fullText(), m_host->isHidden() ? QString() : m_host->fullText()};
}

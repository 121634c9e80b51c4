#include "statusfields.h"

#include "editsession.h"
#include "familytext.h"
#include "firewallmode.h"
#include "stateexplainer.h"

#include <QHBoxLayout>
#include <QLabel>

StatusFields::StatusFields(QWidget *parent)
    : QWidget(parent), m_family(new QLabel(this)), m_backend(new QLabel(this)),
      m_chains(new QLabel(this)), m_saved(new QLabel(this)), m_revision(new QLabel(this))
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
    for (QLabel *label : {m_family, m_backend, m_chains, m_saved, m_revision}) {
        layout->addWidget(label);
    }
    update(nullptr, 0, {});
}

void StatusFields::update(const EditSession *session, int dockerChainCount, const Saved &saved)
{
    m_saved->setText(saved.text);
    m_saved->setToolTip(saved.toolTip);
    m_saved->setVisible(!saved.text.isEmpty());
    m_saved->setStyleSheet(saved.warning
                               ? QStringLiteral("QLabel { background: #fff4e0; border: "
                                                "1px solid #f0b050; border-radius: 3px; }")
                               : QString());
    if (!session) {
        m_family->setText(QString());
        m_backend->setText(tr("Backend: —"));
        m_chains->setText(tr("Docker chains: —"));
        m_revision->setText(tr("Not loaded"));
        return;
    }
    m_family->setText(FamilyText::label(session->family()));
    if (!session->hasSnapshot()) {
        m_backend->setText(tr("Backend: —"));
        m_chains->setText(tr("Docker chains: —"));
        m_revision->setText(tr("Not loaded"));
        return;
    }
    const Userchain::Snapshot &s = session->snapshot();
    m_backend->setText(
        FirewallMode::dockerUsesNftables(s)
            ? tr("Backend: %1 · Docker: nftables").arg(StateExplainer::backendName(s.backend))
            : tr("Backend: %1").arg(StateExplainer::backendName(s.backend)));
    m_chains->setText(tr("Docker chains: %1").arg(dockerChainCount));
    m_revision->setText(
        tr("Revision %1 · refreshed %2")
            .arg(s.revision.left(12), session->lastRefresh().time().toString(Qt::ISODate)));
}

QStringList StatusFields::texts() const
{
    return {m_family->text(), m_backend->text(), m_chains->text(), m_saved->text(),
            m_revision->text()};
}

#include "statusfields.h"

#include "editsession.h"
#include "stateexplainer.h"

#include <QHBoxLayout>
#include <QLabel>

StatusFields::StatusFields(QWidget *parent)
    : QWidget(parent), m_backend(new QLabel(this)), m_chains(new QLabel(this)),
      m_revision(new QLabel(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(12);
    for (QLabel *label : {m_backend, m_chains, m_revision}) {
        layout->addWidget(label);
    }
    update(nullptr, 0);
}

void StatusFields::update(const EditSession *session, int dockerChainCount)
{
    if (!session || !session->hasSnapshot()) {
        m_backend->setText(tr("Backend: —"));
        m_chains->setText(tr("Docker chains: —"));
        m_revision->setText(tr("Not loaded"));
        return;
    }
    const Userchain::Snapshot &s = session->snapshot();
    m_backend->setText(tr("Backend: %1").arg(StateExplainer::backendName(s.backend)));
    m_chains->setText(tr("Docker chains: %1").arg(dockerChainCount));
    m_revision->setText(
        tr("Revision %1 · refreshed %2")
            .arg(s.revision.left(12), session->lastRefresh().time().toString(Qt::ISODate)));
}

QStringList StatusFields::texts() const
{
    return {m_backend->text(), m_chains->text(), m_revision->text()};
}

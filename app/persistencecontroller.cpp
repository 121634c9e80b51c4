#include "persistencecontroller.h"

#include "applydialog.h"
#include "dbustypes.h"
#include "editsession.h"
#include "familytext.h"
#include "helperclient.h"
#include "modalrunner.h"
#include "rulediff.h"
#include "workspace.h"

#include <QCheckBox>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>

using Userchain::Family;

namespace {
const char *const SkipExplanationKey = "persistence/skipExplanation";

bool onlyDockersOwn(const QStringList &specs)
{
    // What Docker itself puts in DOCKER-USER: nothing (28.2.2+) or one RETURN (up to 28.2.1).
    return specs.isEmpty() || specs == QStringList{QStringLiteral("-j RETURN")};
}
} // namespace

PersistenceController::PersistenceController(Workspace *workspace, HelperClient *helper,
                                             QWidget *dialogParent, QObject *parent)
    : QObject(parent), m_workspace(workspace), m_helper(helper), m_dialogParent(dialogParent)
{
    connect(helper, &HelperClient::savedReady, this, &PersistenceController::onSavedReady);
    connect(helper, &HelperClient::savedFailed, this, &PersistenceController::onSavedFailed);
    connect(helper, &HelperClient::saved, this, &PersistenceController::onSaved);
    connect(helper, &HelperClient::saveFailed, this, &PersistenceController::onSaveFailed);
    connect(helper, &HelperClient::restored, this, &PersistenceController::onRestored);
    connect(helper, &HelperClient::restoreFailed, this, &PersistenceController::onRestoreFailed);
}

PersistenceController::Saved &PersistenceController::saved(Family family)
{
    return m_saved[family == Family::IPv6 ? 1 : 0];
}

const PersistenceController::Saved &PersistenceController::saved(Family family) const
{
    return m_saved.at(family == Family::IPv6 ? 1 : 0);
}

PersistenceController::State PersistenceController::state(Family family) const
{
    const EditSession *session = m_workspace->session(family);
    if (!session->isEditable() || !session->latestSnapshot().dockerUserExists) {
        return State::NotApplicable;
    }
    const Saved &s = saved(family);
    if (!s.known) {
        return State::Unknown;
    }
    const QStringList live = session->liveSpecs();
    if (!s.exists) {
        return onlyDockersOwn(live) ? State::Nothing : State::NeverSaved;
    }
    return s.rules == live ? State::Saved : State::Differs;
}

bool PersistenceController::isWarning(Family family) const
{
    const State s = state(family);
    return s == State::NeverSaved || s == State::Differs;
}

QString PersistenceController::stateText(Family family) const
{
    switch (state(family)) {
    case State::NotApplicable:
        return tr("Saved: —");
    case State::Unknown:
        return tr("Saved: unknown");
    case State::Nothing:
        return tr("Nothing to save");
    case State::NeverSaved:
        return tr("Not saved: lost at reboot");
    case State::Saved:
        return tr("Saved for reboot");
    case State::Differs:
        return tr("Unsaved changes since the last save");
    }
    return QString();
}

QString PersistenceController::stateToolTip(Family family) const
{
    const Saved &s = saved(family);
    const QString when =
        s.savedAt > 0
            ? QLocale().toString(QDateTime::fromMSecsSinceEpoch(s.savedAt), QLocale::ShortFormat)
            : QString();
    switch (state(family)) {
    case State::NotApplicable:
        return tr("There is no %1 DOCKER-USER to save.").arg(FamilyText::name(family));
    case State::Unknown:
        return s.error.isError() ? tr("Could not ask for the saved rules: %1").arg(s.error.title())
                                 : tr("Asking the helper for the saved rules…");
    case State::Nothing:
        return tr("DOCKER-USER holds only what Docker puts there, and nothing is saved.");
    case State::NeverSaved:
        return tr("The active %1 rules were never saved: they vanish at the next reboot. Use "
                  "Save permanently to keep them.")
            .arg(FamilyText::name(family));
    case State::Saved:
        return tr("The active %1 rules are saved (%2) and come back at boot.")
            .arg(FamilyText::name(family), when);
    case State::Differs:
        return tr("The active %1 rules differ from the ones saved on %2: after a reboot the saved "
                  "ones come back. Save permanently to keep the active ones, or restore the "
                  "saved ones.")
            .arg(FamilyText::name(family), when);
    }
    return QString();
}

QStringList PersistenceController::savedRules(Family family) const
{
    return saved(family).rules;
}

HelperError PersistenceController::error(Family family) const
{
    return saved(family).error;
}

bool PersistenceController::canSave() const
{
    if (isBusy()) {
        return false;
    }
    for (Family family : Workspace::families()) {
        if (state(family) != State::NotApplicable) {
            return true;
        }
    }
    return false;
}

bool PersistenceController::canRestore(Family family) const
{
    const State s = state(family);
    return !isBusy() && saved(family).exists && (s == State::Differs || s == State::Saved);
}

void PersistenceController::setBusy(int delta)
{
    m_busy = std::max(0, m_busy + delta);
    emit stateChanged();
}

void PersistenceController::snapshotArrived(Family family)
{
    if (!saved(family).requested && m_workspace->session(family)->isEditable()) {
        refreshSaved(family);
    }
    emit stateChanged(); // the live rules may have changed
}

void PersistenceController::refreshSaved()
{
    for (Family family : Workspace::families()) {
        if (m_workspace->session(family)->isEditable()) {
            refreshSaved(family);
        }
    }
}

void PersistenceController::refreshSaved(Family family)
{
    saved(family).requested = true;
    m_helper->requestSaved(int(family));
}

void PersistenceController::onSavedReady(int family, bool exists, const QStringList &rules,
                                         qint64 savedAt)
{
    Saved &s = saved(FamilyText::fromInt(family));
    s.known = true;
    s.exists = exists;
    s.rules = rules;
    s.savedAt = savedAt;
    s.error = HelperError();
    emit stateChanged();
}

void PersistenceController::onSavedFailed(int family, const HelperError &error)
{
    Saved &s = saved(FamilyText::fromInt(family));
    s.known = false;
    s.error = error;
    emit stateChanged();
}

void PersistenceController::tell(const QString &title, const QString &text, bool error)
{
    QMessageBox box(error ? QMessageBox::Critical : QMessageBox::Warning, title, text,
                    QMessageBox::Ok, m_dialogParent);
    box.setObjectName(QStringLiteral("persistenceMessage"));
    ModalRunner::exec(&box);
}

void PersistenceController::savePermanently()
{
    if (isBusy()) {
        return;
    }
    QVector<Family> families;
    QStringList parts;
    QStringList edited;
    for (Family family : Workspace::families()) {
        const EditSession *session = m_workspace->session(family);
        if (state(family) == State::NotApplicable) {
            continue;
        }
        families.append(family);
        const int count = int(session->liveSpecs().size());
        parts << (count == 1 ? tr("%1 (one rule)") : tr("%1 (%n rules)", nullptr, count))
                     .arg(FamilyText::name(family));
        if (session->isModified()) {
            edited << FamilyText::name(family);
        }
    }
    if (families.isEmpty()) {
        emit statusMessage(tr("There is no DOCKER-USER to save."));
        return;
    }
    QSettings settings;
    const bool explain = !settings.value(QLatin1String(SkipExplanationKey), false).toBool();
    if (explain || !edited.isEmpty()) {
        QString text =
            tr("Rules in DOCKER-USER live only in the kernel: they vanish at the next reboot, "
               "and Docker then starts with an empty DOCKER-USER. Save permanently writes the "
               "active rules of %1 to /etc/userchain; userchain-restore.service puts them back "
               "at boot and whenever Docker restarts.")
                .arg(parts.join(tr(" and ")));
        if (!edited.isEmpty()) {
            text += QStringLiteral("\n\n") +
                    tr("Your edits to %1 are not applied yet and are not saved: saving writes "
                       "the rules that are active now. Apply first to save your edits.")
                        .arg(edited.join(tr(" and ")));
        }
        QMessageBox box(QMessageBox::Question, tr("Save permanently"), text, QMessageBox::Cancel,
                        m_dialogParent);
        box.setObjectName(QStringLiteral("saveQuestion"));
        QPushButton *save = box.addButton(
            edited.isEmpty() ? tr("&Save") : tr("&Save the active rules"), QMessageBox::AcceptRole);
        box.setDefaultButton(save);
        auto *dontAsk = new QCheckBox(tr("&Do not explain this again"), &box);
        dontAsk->setChecked(!explain);
        box.setCheckBox(dontAsk);
        const int answer = ModalRunner::exec(&box);
        if (box.clickedButton() != save && answer != QMessageBox::Yes &&
            answer != QMessageBox::AcceptRole) {
            emit statusMessage(tr("Nothing was saved."));
            return;
        }
        settings.setValue(QLatin1String(SkipExplanationKey), dontAsk->isChecked());
    }
    emit statusMessage(tr("Saving… the system may ask for an administrator's password."));
    for (Family family : std::as_const(families)) {
        setBusy(+1);
        m_helper->save(int(family));
    }
}

void PersistenceController::onSaved(int family, const QString &path)
{
    const Family f = FamilyText::fromInt(family);
    setBusy(-1);
    emit statusMessage(tr("Saved the active %1 rules to %2; they come back at boot.")
                           .arg(FamilyText::name(f), path));
    refreshSaved(f);
}

void PersistenceController::onSaveFailed(int family, const HelperError &error)
{
    const Family f = FamilyText::fromInt(family);
    setBusy(-1);
    emit statusMessage(error.title());
    tell(tr("The %1 rules were not saved").arg(FamilyText::name(f)), explain(error, f, true),
         error.kind() != HelperError::Kind::Cancelled);
}

void PersistenceController::restoreSaved()
{
    const Family family = m_workspace->currentFamily();
    EditSession *session = m_workspace->session(family);
    const Saved &s = saved(family);
    if (isBusy() || !s.exists || !session->isEditable()) {
        return;
    }
    const QString name = FamilyText::name(family);
    const int count = int(s.rules.size());
    QString text =
        (count == 1 ? tr("Replace the active %1 DOCKER-USER with the one rule saved on %2? The "
                         "change takes effect at once.")
                    : tr("Replace the active %1 DOCKER-USER with the %n rules saved on %2? The "
                         "change takes effect at once.",
                         nullptr, count))
            .arg(name, QLocale().toString(QDateTime::fromMSecsSinceEpoch(s.savedAt),
                                          QLocale::ShortFormat));
    if (session->isModified()) {
        text +=
            QStringLiteral("\n\n") +
            tr("Your unapplied %1 edits are discarded (export them first to keep them).").arg(name);
    }
    QMessageBox box(QMessageBox::Question, tr("Restore saved %1 rules").arg(name), text,
                    QMessageBox::Cancel, m_dialogParent);
    box.setObjectName(QStringLiteral("restoreQuestion"));
    box.setDetailedText(
        Userchain::RuleDiff::format(Userchain::RuleDiff::withContext(session->liveSpecs(), s.rules),
                                    QStringLiteral("DOCKER-USER")));
    QPushButton *restore = box.addButton(tr("&Restore"), QMessageBox::AcceptRole);
    box.setDefaultButton(restore);
    const int answer = ModalRunner::exec(&box);
    if (box.clickedButton() != restore && answer != QMessageBox::Yes &&
        answer != QMessageBox::AcceptRole) {
        emit statusMessage(tr("Nothing was restored."));
        return;
    }
    if (session->isModified()) {
        session->load(session->latestSnapshot()); // as agreed: the edits go
    }
    const uint flags = session->latestSnapshot().dockerUserExists
                           ? 0u
                           : uint(Userchain::ApplyCreateChain | Userchain::ApplyCreateJump);
    setBusy(+1);
    emit statusMessage(tr("Restoring the saved %1 rules…").arg(name));
    m_helper->restoreSaved(int(family), flags);
}

void PersistenceController::onRestored(int family, const QString &newRevision)
{
    Q_UNUSED(newRevision);
    const Family f = FamilyText::fromInt(family);
    setBusy(-1);
    emit statusMessage(tr("The saved %1 rules are active again.").arg(FamilyText::name(f)));
    emit snapshotNeeded(family);
    refreshSaved(f);
}

void PersistenceController::onRestoreFailed(int family, const HelperError &error)
{
    const Family f = FamilyText::fromInt(family);
    setBusy(-1);
    emit statusMessage(error.title());
    tell(tr("The saved %1 rules were not restored").arg(FamilyText::name(f)),
         explain(error, f, false), error.kind() != HelperError::Kind::Cancelled);
    emit snapshotNeeded(family);
}

QString PersistenceController::explain(const HelperError &error, Family family, bool saving) const
{
    const QString name = FamilyText::name(family);
    QString text;
    switch (error.kind()) {
    case HelperError::Kind::NotAuthorized:
        text = saving ? tr("Saving rules for the next boot changes the system: it needs an "
                           "administrator's password (polkit action io.github.userchain.persist), "
                           "and the system did not allow it.")
                      : tr("Restoring rules changes the firewall: it needs an administrator's "
                           "password (polkit action io.github.userchain.apply), and the system "
                           "did not allow it.");
        break;
    case HelperError::Kind::Cancelled:
        text = saving ? tr("The authentication dialog was closed, so nothing was saved.")
                      : tr("The authentication dialog was closed, so nothing was restored.");
        break;
    case HelperError::Kind::InvalidRule:
        text = saving ? tr("The active %1 DOCKER-USER holds rules Userchain keeps verbatim "
                           "(they use extensions it does not know). Such rules cannot be written "
                           "to the saved file, so nothing was saved. Replace or delete them, "
                           "apply, and save again.")
                            .arg(name)
                      : tr("The saved %1 file holds a rule the helper refuses, so nothing was "
                           "restored. Save the active rules again to replace the file.")
                            .arg(name);
        break;
    case HelperError::Kind::ChainMissing:
        text = tr("There is no %1 DOCKER-USER chain: Docker has not created it.").arg(name);
        break;
    case HelperError::Kind::BackendUnavailable:
        text = tr("The helper cannot write %1 rules on this host (no backend it can write to).")
                   .arg(name);
        break;
    case HelperError::Kind::Busy:
        text = tr("Another program holds the xtables lock, or a confirmed apply is still waiting "
                  "to be kept. Try again in a moment.");
        break;
    default:
        return error.explanation();
    }
    if (!error.detail().isEmpty()) {
        text += QLatin1Char('\n') + tr("Details: %1").arg(error.detailText());
    }
    return text;
}

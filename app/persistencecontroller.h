#pragma once

#include "helpererror.h"
#include "rule.h"

#include <QDateTime>
#include <QObject>
#include <QStringList>
#include <array>

class HelperClient;
class QWidget;
class Workspace;

/**
 * "Save permanently" and "Restore saved rules": DOCKER-USER lives in the kernel only and is gone
 * after a reboot; the helper's Save writes the active rules of a family to /etc/userchain,
 * where userchain-restore.service finds them at boot. The controller also knows, per family,
 * whether the active rules differ from the saved ones (GetSaved against the helper's latest
 * snapshot), which the status bar shows. Errors are worded from the D-Bus error names.
 */
class PersistenceController final : public QObject
{
    Q_OBJECT
public:
    enum class State {
        NotApplicable, ///< no DOCKER-USER to save in this family
        Unknown,       ///< not asked yet, or GetSaved failed (see error())
        Nothing,       ///< nothing saved, and the chain holds only what Docker puts there
        NeverSaved,    ///< rules are active but were never saved: lost at reboot
        Saved,         ///< the saved rules are the active ones
        Differs,       ///< unsaved changes since the last save
    };

    PersistenceController(Workspace *workspace, HelperClient *helper, QWidget *dialogParent,
                          QObject *parent = nullptr);

    State state(Userchain::Family family) const;
    /// For the status bar: "Saved for reboot", "Unsaved changes since the last save", ...
    QString stateText(Userchain::Family family) const;
    QString stateToolTip(Userchain::Family family) const;
    /// True for the states that lose rules at reboot.
    bool isWarning(Userchain::Family family) const;
    QStringList savedRules(Userchain::Family family) const;
    HelperError error(Userchain::Family family) const;
    bool isBusy() const { return m_busy > 0; }
    bool canSave() const;
    bool canRestore(Userchain::Family family) const;

    /// A snapshot of `family` was taken in: asks for the saved rules the first time.
    void snapshotArrived(Userchain::Family family);
    /// Asks the helper for the saved rules of every family with a snapshot.
    void refreshSaved();
    void refreshSaved(Userchain::Family family);
    /// Explains, asks, and saves the active rules of every family that has DOCKER-USER.
    void savePermanently();
    /// Replaces the current family's active rules with the saved ones, after asking.
    void restoreSaved();

signals:
    void stateChanged();
    void statusMessage(const QString &message);
    /// The restore changed the kernel's rules: a new snapshot of `family` is due.
    void snapshotNeeded(int family);

private:
    struct Saved
    {
        bool requested = false;
        bool known = false;
        bool exists = false;
        QStringList rules;
        qint64 savedAt = 0;
        HelperError error;
    };

    Saved &saved(Userchain::Family family);
    const Saved &saved(Userchain::Family family) const;
    void onSavedReady(int family, bool exists, const QStringList &rules, qint64 savedAt);
    void onSavedFailed(int family, const HelperError &error);
    void onSaved(int family, const QString &path);
    void onSaveFailed(int family, const HelperError &error);
    void onRestored(int family, const QString &newRevision);
    void onRestoreFailed(int family, const HelperError &error);
    /// The words for a failed Save or RestoreSaved of `family`.
    QString explain(const HelperError &error, Userchain::Family family, bool saving) const;
    void tell(const QString &title, const QString &text, bool error);
    void setBusy(int delta);

    Workspace *m_workspace;
    HelperClient *m_helper;
    QWidget *m_dialogParent;
    std::array<Saved, 2> m_saved;
    int m_busy = 0;
};

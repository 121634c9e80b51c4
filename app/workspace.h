#pragma once

#include "rule.h"

#include <QObject>
#include <array>

class EditSession;
class QUndoGroup;

/**
 * The two edit sessions, IPv4 and IPv6, and which one the window shows.
 *
 * Each family has its own session and its own undo stack; a QUndoGroup makes Undo and Redo
 * follow the family on screen. Why not one shared stack: the families are separate chains with
 * separate revisions, applied separately, and Undo must never change a table the user is not
 * looking at. A rule added to both families at once is one command on each stack, named so in
 * each family's Edit menu.
 */
class Workspace final : public QObject
{
    Q_OBJECT
public:
    explicit Workspace(QObject *parent = nullptr);

    EditSession *session(Userchain::Family family) const;
    EditSession *current() const { return session(m_current); }
    Userchain::Family currentFamily() const { return m_current; }
    void setCurrentFamily(Userchain::Family family);
    QUndoGroup *undoGroup() const { return m_undoGroup; }
    /// IPv4 first.
    static std::array<Userchain::Family, 2> families();
    /// True if any family has edits that are not applied.
    bool isModified() const;
    /// "IPv4", "IPv6": the families with edits that are not applied.
    QStringList modifiedFamilyNames() const;

signals:
    void currentFamilyChanged(Userchain::Family family);

private:
    std::array<EditSession *, 2> m_sessions;
    QUndoGroup *m_undoGroup;
    Userchain::Family m_current = Userchain::Family::IPv4;
};

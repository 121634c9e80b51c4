#include "workspace.h"

#include "editsession.h"
#include "familytext.h"

#include <QUndoGroup>
#include <QUndoStack>

using Userchain::Family;

Workspace::Workspace(QObject *parent)
    : QObject(parent), m_sessions{new EditSession(Family::IPv4, this),
                                  new EditSession(Family::IPv6, this)},
      m_undoGroup(new QUndoGroup(this))
{
    for (EditSession *session : m_sessions) {
        m_undoGroup->addStack(session->undoStack());
    }
    m_undoGroup->setActiveStack(current()->undoStack());
}

std::array<Family, 2> Workspace::families()
{
    return {Family::IPv4, Family::IPv6};
}

EditSession *Workspace::session(Family family) const
{
    return m_sessions.at(family == Family::IPv6 ? 1 : 0);
}

void Workspace::setCurrentFamily(Family family)
{
    if (family == m_current) {
        return;
    }
    m_current = family;
    m_undoGroup->setActiveStack(current()->undoStack());
    emit currentFamilyChanged(family);
}

bool Workspace::isModified() const
{
    for (EditSession *session : m_sessions) {
        if (session->hasSnapshot() && session->isModified()) {
            return true;
        }
    }
    return false;
}

QStringList Workspace::modifiedFamilyNames() const
{
    QStringList names;
    for (EditSession *session : m_sessions) {
        if (session->hasSnapshot() && session->isModified()) {
            names << FamilyText::name(session->family());
        }
    }
    return names;
}

#pragma once

#include "rulewizard.h"

#include <QObject>
#include <optional>

class EditSession;
class QWidget;
class RuleTableView;

/**
 * The Edit and Rules menus: each action turns into one QUndoCommand on the session's stack.
 * Dialogs and wizards run through ModalRunner so tests can drive them.
 */
class RuleActions final : public QObject
{
    Q_OBJECT
public:
    RuleActions(EditSession *session, RuleTableView *view, QWidget *dialogParent,
                QObject *parent = nullptr);

    void addRule();
    void editRule(int row);
    void editSelected();
    void duplicateSelected();
    void deleteSelected();
    void moveSelectedUp();
    void moveSelectedDown();
    /// `iptables -I DOCKER-USER N ...` lines for the selection, on the clipboard.
    QString copySelectedAsCommand();
    void runWizard(RuleWizard::Kind kind);

    /// Adds canonical rules where new rules go (see insertionRow()) as one undoable step.
    void insertRules(const QStringList &specs, const QString &undoText);
    /**
     * Before the first selected rule; without a selection, before a final `-j RETURN` (which
     * must stay last to hand packets back to Docker), else at the end.
     */
    int insertionRow() const;

    /// For tests: fixed interfaces instead of the host's.
    void setInterfacesOverride(const QStringList &interfaces) { m_interfaces = interfaces; }
    WizardContext wizardContext() const;

signals:
    void statusMessage(const QString &message);

private:
    void moveSelected(int delta);

    EditSession *m_session;
    RuleTableView *m_view;
    QWidget *m_dialogParent;
    std::optional<QStringList> m_interfaces;
};

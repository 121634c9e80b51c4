#pragma once

#include "rulelints.h"
#include "rulewizard.h"

#include <QObject>
#include <array>
#include <optional>

class EditSession;
class QWidget;
class RuleTableView;
class Workspace;

/**
 * The Edit and Rules menus, for the family on screen: each action turns into one QUndoCommand
 * on that family's stack. A rule without a family-specific address can go to the other
 * family's table too ("also add to IPv6"): one more command, on the other family's stack.
 * Dialogs and wizards run through ModalRunner so tests can drive them.
 */
class RuleActions final : public QObject
{
    Q_OBJECT
public:
    RuleActions(Workspace *workspace, QWidget *dialogParent, QObject *parent = nullptr);

    /// The table view of `family`; the actions work on the selection of the current family's.
    void setView(Userchain::Family family, RuleTableView *view);

    void addRule();
    void editRule(int row);
    void editSelected();
    void duplicateSelected();
    void deleteSelected();
    void moveSelectedUp();
    void moveSelectedDown();
    /// `iptables -I DOCKER-USER N ...` (`ip6tables` for IPv6) for the selection, on the clipboard.
    QString copySelectedAsCommand();

    /// The lints of `row` (family on screen) that offer a fix.
    QVector<Userchain::RuleLint> fixes(int row) const;
    /// The first fix of the first selected rule, if there is one.
    std::optional<Userchain::RuleLint> selectedFix() const;
    /// Replaces `row` by the fix of `lint` as one undoable step; false if the lint no longer
    /// holds for the row's text.
    bool applyFix(int row, const Userchain::RuleLint &lint);
    void fixSelected();
    void runWizard(RuleWizard::Kind kind);

    /// Adds canonical rules where new rules go (see insertionRow()) as one undoable step.
    void insertRules(const QStringList &specs, const QString &undoText);
    /// The same into `family`'s table, which need not be the one on screen; at `row` (0-based)
    /// if >= 0.
    void insertRules(Userchain::Family family, const QStringList &specs, const QString &undoText,
                     int row = -1);
    /**
     * Before the first selected rule; without a selection, before a final `-j RETURN` (which
     * must stay last to hand packets back to Docker), else at the end.
     */
    int insertionRow() const;
    int insertionRow(Userchain::Family family) const;

    /// For tests: fixed interfaces instead of the host's.
    void setInterfacesOverride(const QStringList &interfaces) { m_interfaces = interfaces; }
    /// What the wizards offer, with the current table and insertionRow() of the family on screen.
    WizardContext wizardContext() const;
    /// The other family's table can take a rule too.
    bool otherFamilyEditable() const;

signals:
    void statusMessage(const QString &message);

private:
    EditSession *session() const;
    RuleTableView *view() const;
    RuleTableView *view(Userchain::Family family) const;
    void moveSelected(int delta);
    /// Puts `specs` into the other family as well, named for where they came from.
    void alsoInOtherFamily(const QStringList &specs, bool replace, const QString &undoText);

    Workspace *m_workspace;
    QWidget *m_dialogParent;
    std::array<RuleTableView *, 2> m_views{};
    std::optional<QStringList> m_interfaces;
};

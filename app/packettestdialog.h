#pragma once

#include "packetinput.h"
#include "ruleset.h"
#include "tracepath.h"

#include <QDialog>
#include <QPointer>
#include <QTimer>
#include <array>
#include <optional>

class ChainView;
class MainWindow;
class QComboBox;
class QLabel;
class QLineEdit;
class QScrollArea;
class TracePathView;
class Workspace;

/**
 * Firewall → Test a packet: the user describes one packet (family, source, interface, protocol,
 * port or published port, destination, new or established) and sees its way through the rules
 * as a picture (TracePathView), with the verdict and the tracer's notes in words. The rules on
 * the path are marked in the window's tables (RuleTableModel and ChainView) until the dialog
 * closes or the test changes.
 *
 * The test follows the table, not only the kernel: it runs PacketTracer on
 * EditSession::editedSnapshot(), and again after every edit (the undo stack's index), each new
 * snapshot and each counter refresh, so an edit shows its effect at once. Not modal: it stays
 * open beside the window.
 */
class PacketTestDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit PacketTestDialog(MainWindow *window);
    ~PacketTestDialog() override;

    /// Shows the window's dialog, made on first use, for the family on screen.
    static PacketTestDialog *showFor(MainWindow *window);

    Userchain::Family family() const;
    void setFamily(Userchain::Family family);
    /// The fields as typed.
    PacketInput input() const;
    /// The last answer; empty while the input has a problem.
    const TracePath &path() const { return m_path; }
    /// What is wrong with the input (shown under the fields), or empty.
    QString problem() const;
    TracePathView *pathView() const { return m_view; }
    /// Runs the test now; changes run it on the next turn of the event loop.
    void retrace();
    /// How often the rules were parsed for a test: once per change of the rules, not per key
    /// typed into the fields (a test of the cache below).
    int rulesetBuilds() const { return m_rulesetBuilds; }

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    QWidget *makeForm();
    /// The family's published ports and the interfaces its rules name, as choices.
    void fillChoices();
    void onPortChosen(int index);
    void scheduleRetrace();
    void touched();
    void showProblem(const QString &text, bool error);
    void showAnswer();
    /// Marks the path's rules in the family's tables; every other mark goes.
    void mark(const TracedRules &rules);
    /// The window shows `chain` of the dialog's family and selects `rule`.
    void showRule(const QString &table, const QString &chain, int rule);
    void restyle();
    /// The family's edited rules, parsed once per change of them (the fields change far more
    /// often than the rules, and 50,000 rules take a while to parse).
    const Userchain::Ruleset &ruleset();
    void forgetRuleset() { m_ruleset.reset(); }

    MainWindow *m_window;
    QPointer<Workspace> m_workspace; ///< gone first when the window closes for good
    std::array<QPointer<ChainView>, 2> m_chainViews;
    QComboBox *m_family = nullptr;
    QComboBox *m_state = nullptr;
    QLineEdit *m_source = nullptr;
    QComboBox *m_interface = nullptr;
    QComboBox *m_protocol = nullptr;
    QComboBox *m_port = nullptr;
    QLineEdit *m_destination = nullptr;
    QLabel *m_problem = nullptr;
    QLabel *m_verdict = nullptr;
    QScrollArea *m_scroll = nullptr;
    TracePathView *m_view = nullptr;
    QLabel *m_notes = nullptr;
    TracePath m_path;
    std::optional<Userchain::Ruleset> m_ruleset; ///< of family(); reset when its rules change
    int m_rulesetBuilds = 0;
    QTimer m_retrace;
    bool m_touched = false; ///< the user changed a field: problems are errors from now on
    bool m_problemIsError = false;
    QString m_autoDestination; ///< the destination a chosen published port filled in
};

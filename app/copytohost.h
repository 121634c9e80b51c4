#pragma once

#include <QObject>
#include <QStringList>

#include <array>

class MainWindow;

/**
 * Firewall → Apply These Rules to Another Host…: carries the DOCKER-USER tables of one window
 * (both families, as shown, unapplied edits included) to another host's window. The target's
 * window opens (or comes to the front), and once it has read its own rules, each family's table
 * there is replaced in one undoable step and the usual review starts: the diff is against the
 * target's current rules, and the apply there is confirmed by default, as every remote apply.
 *
 * A rule Userchain keeps verbatim (an extension it cannot read) cannot be carried: its kernel
 * bytes stay on the source host, so the copy is refused, naming the rules.
 */
class CopyToHost final : public QObject
{
    Q_OBJECT
public:
    /// Asks for the target host and starts; nothing happens if the user cancels.
    static void start(MainWindow *source);

    /**
     * The part after the dialog: `rules` per family (index 0 IPv4, 1 IPv6; empty list with
     * `present` false: that family is not carried) go to `target`'s window once it is loaded.
     */
    struct Tables
    {
        std::array<QStringList, 2> rules;
        std::array<bool, 2> present{};
        QString from; ///< the source host's name for the undo text ("this computer")
    };
    static void carry(const Tables &tables, MainWindow *target);

private:
    CopyToHost(const Tables &tables, MainWindow *target);
    /// Once every family the target can edit has its snapshot: replace and review.
    void tryCarry();

    Tables m_tables;
    MainWindow *m_target;
    bool m_done = false;
};

#pragma once

#include <QtGlobal>
#include <functional>

class QDialog;

/**
 * Runs every modal dialog of the GUI. In normal use it is QDialog::exec(); a test queues hooks
 * that take the place of the event loop, drive the dialog's widgets and return the result, the
 * way KeePassXC's MessageBox::setNextAnswer does. This keeps GUI tests free of sleeps and timers.
 */
class ModalRunner final
{
public:
    using Hook = std::function<int(QDialog *)>;

    /// Runs `dialog`: the next queued hook if there is one, else `dialog->exec()`.
    static int exec(QDialog *dialog);

    /// Queues a hook for the next modal dialog (first in, first out).
    static void pushHook(Hook hook);
    static void clearHooks();
    static int pendingHooks();

private:
    Q_DISABLE_COPY_MOVE(ModalRunner)
    ModalRunner() = default;
};

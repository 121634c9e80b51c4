#include "modalrunner.h"

#include <QDialog>
#include <QQueue>

namespace {
QQueue<ModalRunner::Hook> &hooks()
{
    static QQueue<ModalRunner::Hook> queue;
    return queue;
}
} // namespace

int ModalRunner::exec(QDialog *dialog)
{
    if (hooks().isEmpty()) {
        return dialog->exec();
    }
    const Hook hook = hooks().dequeue();
    const int result = hook(dialog);
    // QDialog::result() is what callers read after exec(); keep it consistent with the hook.
    dialog->setResult(result);
    return result;
}

void ModalRunner::pushHook(Hook hook)
{
    hooks().enqueue(std::move(hook));
}

void ModalRunner::clearHooks()
{
    hooks().clear();
}

int ModalRunner::pendingHooks()
{
    return hooks().size();
}

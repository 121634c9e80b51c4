#pragma once

#include <QDialog>
#include <QTimer>
#include <memory>

namespace Ui {
class ConfirmDialog;
}

/**
 * "Keep these rules?" with a countdown, as iptables-apply asks. Not run through exec(): the
 * apply goes on asynchronously, and when the time runs out the dialog asks for the revert by
 * itself (the helper's own timer restores the rules even if the GUI has gone).
 */
class ConfirmDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit ConfirmDialog(QWidget *parent = nullptr);
    ~ConfirmDialog() override;

    void start(uint seconds);
    /// Names the family whose rules are on trial ("IPv6 (ip6tables)") and what follows.
    void setFamily(const QString &familyLabel, const QString &next = QString());
    int remainingSeconds() const { return m_remaining; }
    void keep();   ///< as if Keep was clicked
    void revert(); ///< as if Revert was clicked
    /// Closes without asking for anything: the outcome is already known.
    void dismiss();

signals:
    void keepRequested();
    /// `timedOut`: nobody answered in time.
    void revertRequested(bool timedOut);

protected:
    void reject() override; ///< Escape or closing the window means Revert

private:
    void tick();
    void finish();

    std::unique_ptr<Ui::ConfirmDialog> m_ui;
    QTimer m_timer;
    int m_remaining = 0;
    bool m_answered = false;
};

#pragma once

#include <QWidget>

class EditSession;
class ElidingLabel;
class QLabel;

/**
 * The status bar's permanent fields for the family on screen: the family, the backend, how many
 * of Docker's chains, whether the active rules are saved for the next boot, revision and refresh.
 */
class StatusFields final : public QWidget
{
    Q_OBJECT
public:
    explicit StatusFields(QWidget *parent = nullptr);

    struct Saved
    {
        QString text;
        QString toolTip;
        bool warning = false; ///< rules would be lost at reboot
    };

    void update(const EditSession *session, int dockerChainCount, const Saved &saved);
    /// The remote host of the window, first in the bar (hidden for this computer); `connected`
    /// false says it is not reached now.
    void setHost(const QString &host, bool connected);
    /// Family, backend, Docker's chains, saved state, revision, host (empty for this computer).
    QStringList texts() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    /// `force`: set the sheet again even if unchanged, to repolish with a new palette.
    void restyle(bool force = false);

    ElidingLabel *m_host;
    QLabel *m_family;
    QLabel *m_backend;
    QLabel *m_chains;
    QLabel *m_saved;
    ElidingLabel *m_revision; ///< the least needed: gives way first (German fills 1024 px)
    bool m_savedWarning = false;
    bool m_hostWarning = false;
};

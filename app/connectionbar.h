#pragma once

#include "hostconnection.h"

#include <QFrame>

class QLabel;
class QPushButton;

/**
 * The bar above the tabs that says how the window's connection to its host stands, whenever it
 * is not simply connected: "Connecting to HOST over ssh…" with Cancel, a failed login with ssh's
 * words and Try again, or a lost connection with Reconnect (the edits stay meanwhile).
 */
class ConnectionBar final : public QFrame
{
    Q_OBJECT
public:
    explicit ConnectionBar(QWidget *parent = nullptr);

    /// `host`: BusTarget::displayName(), empty for this computer; `message`: ssh's or the bus's.
    void showState(HostConnection::State state, const QString &host, const QString &message);
    /// The heading and the details, as shown (empty while hidden).
    QString text() const;
    QPushButton *actionButton() const { return m_button; }

signals:
    void reconnectRequested();
    void cancelRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    /// A next step for what ssh said, where it is known, or empty.
    static QString hintFor(const QString &message, const QString &host);
    void restyle();

    QLabel *m_title;
    QLabel *m_detail;
    QPushButton *m_button;
    HostConnection::State m_state = HostConnection::State::Idle;
    bool m_restyling = false;
};

#pragma once

#include <QFrame>

class QLabel;
class QToolButton;

/**
 * A message too long for the status bar, where it would be cut off ("Your edits are still
 * h…"): a word-wrapped line above the tabs that stays until the user closes it (the button or
 * Escape) or the next message replaces it.
 */
class MessageBanner final : public QFrame
{
    Q_OBJECT
public:
    explicit MessageBanner(QWidget *parent = nullptr);

    void showMessage(const QString &text);
    QString text() const;

protected:
    void changeEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void restyle();

    QLabel *m_label;
    QToolButton *m_close;
    bool m_restyling = false;
};

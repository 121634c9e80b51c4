#pragma once

#include <QLabel>

/**
 * A one-line label that gives way: its minimum width is a few characters, and when it gets less
 * room than its text needs, the text is cut in the middle ("uc-memb…100.1"), whole in the
 * tooltip. For the status bar, whose permanent fields would otherwise widen the window beyond a
 * 1024 px screen.
 */
class ElidingLabel final : public QLabel
{
    Q_OBJECT
public:
    explicit ElidingLabel(QWidget *parent = nullptr);

    void setFullText(const QString &text);
    QString fullText() const { return m_fullText; }
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void elide();

    QString m_fullText;
};

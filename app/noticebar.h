#pragma once

#include "notice.h"

#include <QVector>
#include <QWidget>

class QVBoxLayout;

/// Non-blocking notices above the table, each with its action button.
class NoticeBar final : public QWidget
{
    Q_OBJECT
public:
    explicit NoticeBar(QWidget *parent = nullptr);

    void setNotices(const QVector<Notice> &notices);
    const QVector<Notice> &notices() const { return m_notices; }
    bool hasNotice(const QString &id) const;

signals:
    void actionTriggered(Notice::Action action);

protected:
    void changeEvent(QEvent *event) override;

private:
    /// Gives each notice the background of its severity in the palette in use.
    void restyle();

    QVBoxLayout *m_layout;
    QVector<Notice> m_notices;
};

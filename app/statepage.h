#pragma once

#include "notice.h"

#include <QWidget>

class QLabel;
class QPushButton;

/// Shown instead of the table when there is nothing to edit, saying why and what to do.
class StatePage final : public QWidget
{
    Q_OBJECT
public:
    explicit StatePage(QWidget *parent = nullptr);

    void setNotice(const Notice &notice);
    const Notice &notice() const { return m_notice; }

signals:
    void actionTriggered(Notice::Action action);

private:
    Notice m_notice;
    QLabel *m_title;
    QLabel *m_text;
    QLabel *m_code;
    QPushButton *m_button;
};

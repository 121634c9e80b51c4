#include "statepage.h"

#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

StatePage::StatePage(QWidget *parent)
    : QWidget(parent), m_title(new QLabel(this)), m_text(new QLabel(this)),
      m_button(new QPushButton(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->addStretch(1);
    QFont font = m_title->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 1.4);
    m_title->setFont(font);
    m_title->setAlignment(Qt::AlignCenter);
    m_title->setObjectName(QStringLiteral("stateTitle"));
    m_text->setWordWrap(true);
    m_text->setAlignment(Qt::AlignCenter);
    m_text->setMaximumWidth(640);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setObjectName(QStringLiteral("stateText"));
    m_button->setObjectName(QStringLiteral("stateAction"));
    layout->addWidget(m_title);
    layout->addWidget(m_text, 0, Qt::AlignHCenter);
    layout->addWidget(m_button, 0, Qt::AlignHCenter);
    layout->addStretch(2);
    connect(m_button, &QPushButton::clicked, this,
            [this] { emit actionTriggered(m_notice.action); });
}

void StatePage::setNotice(const Notice &notice)
{
    m_notice = notice;
    m_title->setText(notice.title);
    m_text->setText(notice.text);
    m_button->setText(notice.actionText);
    m_button->setVisible(notice.action != Notice::Action::None);
}

#include "statepage.h"

#include "noticetext.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

StatePage::StatePage(QWidget *parent)
    : QWidget(parent), m_title(new QLabel), m_text(new QLabel), m_code(new QLabel),
      m_button(new QPushButton)
{
    // A column of readable width in the middle. Word-wrapped labels get their height only from
    // a box layout that spans them: an alignment flag on the item would clip their text.
    auto *column = new QWidget(this);
    column->setMaximumWidth(680);
    auto *inner = new QVBoxLayout(column);
    inner->setContentsMargins(0, 0, 0, 0);
    QFont font = m_title->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 1.4);
    m_title->setFont(font);
    m_title->setAlignment(Qt::AlignCenter);
    m_title->setWordWrap(true);
    m_title->setObjectName(QStringLiteral("stateTitle"));
    m_text->setWordWrap(true);
    m_text->setAlignment(Qt::AlignCenter);
    m_text->setTextFormat(Qt::RichText);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setObjectName(QStringLiteral("stateText"));
    m_code->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_code->setTextFormat(Qt::PlainText);
    m_code->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_code->setFrameShape(QFrame::StyledPanel);
    m_code->setMargin(8);
    m_code->setObjectName(QStringLiteral("stateCode"));
    m_button->setObjectName(QStringLiteral("stateAction"));
    inner->addWidget(m_title);
    inner->addWidget(m_text);
    inner->addWidget(m_code);
    inner->addWidget(m_button, 0, Qt::AlignHCenter);

    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(column, 4);
    row->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addStretch(1);
    layout->addLayout(row);
    layout->addStretch(2);
    connect(m_button, &QPushButton::clicked, this,
            [this] { emit actionTriggered(m_notice.action); });
}

void StatePage::setNotice(const Notice &notice)
{
    m_notice = notice;
    m_title->setText(notice.title);
    m_text->setText(NoticeText::toHtml(notice.text));
    m_code->setText(notice.code);
    m_code->setVisible(!notice.code.isEmpty());
    m_button->setText(notice.actionText);
    m_button->setVisible(notice.action != Notice::Action::None);
}

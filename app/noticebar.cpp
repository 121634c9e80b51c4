#include "noticebar.h"

#include "noticetext.h"
#include "themecolors.h"

#include <QEvent>
#include <QFrame>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

NoticeBar::NoticeBar(QWidget *parent) : QWidget(parent), m_layout(new QVBoxLayout(this))
{
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(4);
    hide();
}

bool NoticeBar::hasNotice(const QString &id) const
{
    return std::any_of(m_notices.cbegin(), m_notices.cend(),
                       [&id](const Notice &n) { return n.id == id; });
}

void NoticeBar::setNotices(const QVector<Notice> &notices)
{
    m_notices = notices;
    while (QLayoutItem *item = m_layout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    for (const Notice &notice : notices) {
        auto *frame = new QFrame(this);
        frame->setObjectName(QStringLiteral("notice-") + notice.id);
        frame->setFrameShape(QFrame::StyledPanel);
        ThemeColors::Tone tone = ThemeColors::Tone::Info;
        if (notice.severity == Notice::Severity::Warning) {
            tone = ThemeColors::Tone::Warning;
        } else if (notice.severity == Notice::Severity::Error) {
            tone = ThemeColors::Tone::Error;
        }
        frame->setProperty("tone", int(tone));
        frame->setAccessibleName(notice.title);
        auto *row = new QHBoxLayout(frame);
        auto *label = new QLabel(frame);
        label->setWordWrap(true);
        label->setTextFormat(Qt::RichText);
        QString html = QStringLiteral("<b>%1</b><br>%2")
                           .arg(notice.title.toHtmlEscaped(), NoticeText::toHtml(notice.text));
        if (!notice.code.isEmpty()) {
            html += QStringLiteral("<pre>%1</pre>").arg(notice.code.toHtmlEscaped());
        }
        label->setText(html);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        row->addWidget(label, 1);
        if (notice.action != Notice::Action::None) {
            auto *button = new QPushButton(notice.actionText, frame);
            button->setObjectName(QStringLiteral("noticeAction-") + notice.id);
            button->setAccessibleDescription(notice.title);
            const Notice::Action action = notice.action;
            connect(button, &QPushButton::clicked, this,
                    [this, action] { emit actionTriggered(action); });
            row->addWidget(button, 0, Qt::AlignVCenter);
        }
        if (notice.secondAction != Notice::Action::None) {
            auto *button = new QPushButton(notice.secondActionText, frame);
            button->setObjectName(QStringLiteral("noticeSecondAction-") + notice.id);
            button->setAccessibleDescription(notice.title);
            const Notice::Action action = notice.secondAction;
            connect(button, &QPushButton::clicked, this,
                    [this, action] { emit actionTriggered(action); });
            row->addWidget(button, 0, Qt::AlignVCenter);
        }
        m_layout->addWidget(frame);
    }
    restyle();
    setVisible(!notices.isEmpty());
}

void NoticeBar::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        restyle();
    }
}

void NoticeBar::restyle()
{
    // A frame's style sheet fixes its palette, so the frames do not see the application's
    // palette change; this bar does, and sets their sheets again (also when unchanged: that
    // repolishes them with the new palette's text colours).
    const QPalette palette = QGuiApplication::palette();
    for (int i = 0; i < m_layout->count(); ++i) {
        QWidget *frame = m_layout->itemAt(i)->widget();
        if (!frame) {
            continue;
        }
        const auto tone = ThemeColors::Tone(frame->property("tone").toInt());
        frame->setStyleSheet(ThemeColors::frameStyleSheet(frame->objectName(), tone, palette));
    }
}

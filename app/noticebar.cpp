#include "noticebar.h"

#include <QFrame>
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
        QString colour = QStringLiteral("#e8f0fe");
        QString border = QStringLiteral("#8ab4f8");
        if (notice.severity == Notice::Severity::Warning) {
            colour = QStringLiteral("#fff4e0");
            border = QStringLiteral("#f0b050");
        } else if (notice.severity == Notice::Severity::Error) {
            colour = QStringLiteral("#fde7e9");
            border = QStringLiteral("#e07070");
        }
        frame->setStyleSheet(QStringLiteral("QFrame#%1 { background: %2; border: 1px solid %3; "
                                            "border-radius: 4px; }")
                                 .arg(frame->objectName(), colour, border));
        auto *row = new QHBoxLayout(frame);
        auto *label = new QLabel(frame);
        label->setWordWrap(true);
        label->setTextFormat(Qt::RichText);
        QString html =
            QStringLiteral("<b>%1</b><br>%2")
                .arg(notice.title.toHtmlEscaped(), notice.text.toHtmlEscaped().replace(
                                                       QLatin1Char('\n'), QStringLiteral("<br>")));
        if (!notice.code.isEmpty()) {
            html += QStringLiteral("<pre>%1</pre>").arg(notice.code.toHtmlEscaped());
        }
        label->setText(html);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        row->addWidget(label, 1);
        if (notice.action != Notice::Action::None) {
            auto *button = new QPushButton(notice.actionText, frame);
            button->setObjectName(QStringLiteral("noticeAction-") + notice.id);
            const Notice::Action action = notice.action;
            connect(button, &QPushButton::clicked, this,
                    [this, action] { emit actionTriggered(action); });
            row->addWidget(button, 0, Qt::AlignVCenter);
        }
        m_layout->addWidget(frame);
    }
    setVisible(!notices.isEmpty());
}

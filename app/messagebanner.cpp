#include "messagebanner.h"

#include "themecolors.h"

#include <QEvent>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QScopedValueRollback>
#include <QStyle>
#include <QToolButton>

MessageBanner::MessageBanner(QWidget *parent)
    : QFrame(parent), m_label(new QLabel(this)), m_close(new QToolButton(this))
{
    setObjectName(QStringLiteral("messageBanner"));
    setFrameShape(QFrame::StyledPanel);
    setAccessibleName(tr("Message"));
    m_label->setObjectName(QStringLiteral("messageText"));
    m_label->setWordWrap(true);
    m_label->setTextFormat(Qt::PlainText);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_close->setObjectName(QStringLiteral("messageClose"));
    m_close->setAutoRaise(true);
    m_close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    m_close->setToolTip(tr("Close this message (Esc)"));
    m_close->setAccessibleName(tr("Close message"));
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(8, 4, 4, 4);
    row->addWidget(m_label, 1);
    row->addWidget(m_close, 0, Qt::AlignTop);
    connect(m_close, &QToolButton::clicked, this, &QWidget::hide);
    restyle();
    hide();
}

void MessageBanner::showMessage(const QString &text)
{
    m_label->setText(text);
    show();
}

QString MessageBanner::text() const
{
    return isVisible() ? m_label->text() : QString();
}

void MessageBanner::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    // Setting the style sheet sends a palette change of its own: react to the others only.
    if (event->type() == QEvent::PaletteChange && !m_restyling) {
        restyle();
    }
}

void MessageBanner::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape) {
        hide();
        return;
    }
    QFrame::keyPressEvent(event);
}

void MessageBanner::restyle()
{
    const QScopedValueRollback<bool> busy(m_restyling, true);
    setStyleSheet(ThemeColors::frameStyleSheet(objectName(), ThemeColors::Tone::Info,
                                               QGuiApplication::palette()));
}

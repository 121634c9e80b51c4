#include "elidinglabel.h"

#include <QResizeEvent>

namespace {
/// Enough of the text to recognise it, however little room the status bar has.
constexpr int MinimumCharacters = 12;
/// A style sheet's border (ThemeColors::frameStyleSheet) is drawn inside the contents rect.
constexpr int BorderRoom = 4;
} // namespace

ElidingLabel::ElidingLabel(QWidget *parent) : QLabel(parent)
{
    setTextFormat(Qt::PlainText);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
}

void ElidingLabel::setFullText(const QString &text)
{
    m_fullText = text;
    updateGeometry();
    elide();
}

QSize ElidingLabel::sizeHint() const
{
    const QMargins m = contentsMargins();
    return {fontMetrics().horizontalAdvance(m_fullText) + m.left() + m.right() + BorderRoom,
            QLabel::sizeHint().height()};
}

QSize ElidingLabel::minimumSizeHint() const
{
    const QMargins m = contentsMargins();
    const int width = fontMetrics().averageCharWidth() * MinimumCharacters;
    return {std::min(width + BorderRoom, sizeHint().width() - m.left() - m.right()) + m.left() +
                m.right(),
            QLabel::minimumSizeHint().height()};
}

void ElidingLabel::resizeEvent(QResizeEvent *event)
{
    QLabel::resizeEvent(event);
    elide();
}

void ElidingLabel::elide()
{
    const QString shown =
        fontMetrics().elidedText(m_fullText, Qt::ElideMiddle, contentsRect().width() - BorderRoom);
    if (shown != text()) {
        setText(shown);
    }
}

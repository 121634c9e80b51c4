#include "tracepathview.h"

#include "themecolors.h"

#include <QEvent>
#include <QFontDatabase>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QScrollArea>

namespace {
constexpr int Margin = 8;
constexpr int Indent = 28; ///< per jump
constexpr int Pad = 8;     ///< inside a box
constexpr int Gap = 26;    ///< between boxes: room for the arrow
constexpr int Spacing = 4;
constexpr int MinWidth = 360;
constexpr int ArrowX = 22; ///< from a box's left edge
constexpr int TextFlags = Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop;

int wrappedHeight(const QFontMetrics &fm, int width, const QString &text)
{
    return fm.boundingRect(QRect(0, 0, qMax(1, width), 1 << 20), TextFlags, text).height();
}

/**
 * Rule text broken between its tokens only: line breaking by Unicode's rules would split
 * "--ctdir" after its dashes. A token wider than the line keeps a line of its own.
 */
QString breakBetweenTokens(const QFontMetrics &fm, int width, const QString &text)
{
    QStringList lines;
    QString line;
    for (const QString &token : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const QString longer = line.isEmpty() ? token : line + QLatin1Char(' ') + token;
        if (!line.isEmpty() && fm.horizontalAdvance(longer) > width) {
            lines << line;
            line = token;
        } else {
            line = longer;
        }
    }
    lines << line;
    return lines.join(QLatin1Char('\n'));
}

QColor verdictColor(Userchain::VerdictKind kind, const QPalette &palette)
{
    switch (kind) {
    case Userchain::VerdictKind::Accept:
        return ThemeColors::successText(palette);
    case Userchain::VerdictKind::Drop:
    case Userchain::VerdictKind::Reject:
        return ThemeColors::errorText(palette);
    case Userchain::VerdictKind::Unknown:
        break;
    }
    return ThemeColors::movedText(palette); // amber: neither way
}
} // namespace

TracePathView::TracePathView(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("tracePathView"));
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
    setAccessibleName(tr("Path of the tested packet"));
}

QFont TracePathView::ruleFont() const
{
    QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    fixed.setPointSizeF(font().pointSizeF());
    return fixed;
}

void TracePathView::setPath(const TracePath &path, const QSet<QPair<QString, QString>> &linkable)
{
    // Keep the keyboard on the same rule when the answer is computed again after an edit.
    const Item kept = m_current >= 0 ? m_items.at(m_current) : Item{-1, -1};
    m_path = path;
    m_linkable = linkable;
    m_items.clear();
    for (int b = 0; b < m_path.boxes().size(); ++b) {
        for (int l = 0; l < m_path.boxes().at(b).lines.size(); ++l) {
            m_items.append({b, l});
        }
    }
    m_current = -1;
    if (kept.box >= 0 && !m_items.isEmpty()) {
        m_current = qMax(0, itemOf(kept.box, kept.line));
    }
    setAccessibleDescription(m_path.describe());
    updateAccessibleName();
    relayout();
}

void TracePathView::clear()
{
    setPath(TracePath(), {});
}

int TracePathView::itemOf(int box, int line) const
{
    for (int i = 0; i < m_items.size(); ++i) {
        if (m_items.at(i).box == box && m_items.at(i).line == line) {
            return i;
        }
    }
    return -1;
}

QRect TracePathView::itemRect(int item) const
{
    if (item < 0 || item >= m_items.size() || m_items.at(item).box >= m_geometry.boxes.size()) {
        return QRect();
    }
    return m_geometry.boxes.at(m_items.at(item).box).lines.at(m_items.at(item).line).rect;
}

void TracePathView::setCurrentItem(int item)
{
    if (item < -1 || item >= m_items.size() || item == m_current) {
        return;
    }
    m_current = item;
    updateAccessibleName();
    // The rule under the keyboard must be on screen, and after the last one the verdict.
    for (QWidget *w = parentWidget(); w; w = w->parentWidget()) {
        if (auto *area = qobject_cast<QScrollArea *>(w)) {
            QRect r = itemRect(item);
            if (item == m_items.size() - 1 && m_geometry.verdict.isValid()) {
                r = r.united(m_geometry.verdict);
            }
            area->ensureVisible(r.center().x(), r.center().y(), 0, r.height() / 2 + Margin);
            break;
        }
    }
    update();
}

void TracePathView::updateAccessibleName()
{
    QString name = tr("Path of the tested packet");
    if (m_current >= 0) {
        const Item &it = m_items.at(m_current);
        const TracePath::Box &box = m_path.boxes().at(it.box);
        const TracePath::Line &line = box.lines.at(it.line);
        name = line.rule > 0 ? tr("%1 %2, rule %3: %4, %5")
                                   .arg(box.table, box.chain)
                                   .arg(line.rule)
                                   .arg(line.text, line.action)
                             : tr("%1 %2: %3").arg(box.table, box.chain, line.action);
    }
    if (accessibleName() != name) {
        setAccessibleName(name);
    }
}

bool TracePathView::isLinkable(int item) const
{
    if (item < 0 || item >= m_items.size()) {
        return false;
    }
    const TracePath::Box &box = m_path.boxes().at(m_items.at(item).box);
    return m_linkable.contains({box.table, box.chain});
}

void TracePathView::activate(int item)
{
    if (!isLinkable(item)) {
        return;
    }
    const Item &it = m_items.at(item);
    const TracePath::Box &box = m_path.boxes().at(it.box);
    emit ruleActivated(box.table, box.chain, box.lines.at(it.line).rule);
}

TracePathView::Geometry TracePathView::layoutFor(int width) const
{
    Geometry g;
    width = qMax(width, MinWidth);
    const QFontMetrics fm(font());
    QFont bold = font();
    bold.setBold(true);
    const QFontMetrics boldFm(bold);
    const QFontMetrics ruleFm(ruleFont());
    const int numberWidth = boldFm.horizontalAdvance(tr("rule %1").arg(999)) + Spacing;
    int y = Margin;
    for (const TracePath::Box &box : m_path.boxes()) {
        BoxGeometry bg;
        const int left = Margin + qMin(box.depth, 6) * Indent;
        const int w = width - Margin - left;
        const int inner = w - 2 * Pad;
        int by = y + Pad;
        bg.header = QRect(left + Pad, by, inner, boldFm.height());
        by += boldFm.height() + Spacing;
        for (const TracePath::Line &line : box.lines) {
            LineGeometry lg;
            const int textLeft = left + Pad + numberWidth;
            const int textWidth = inner - numberWidth - Spacing;
            const int textHeight =
                ruleFm
                    .boundingRect(QRect(0, 0, qMax(1, textWidth), 1 << 20),
                                  Qt::AlignLeft | Qt::AlignTop,
                                  breakBetweenTokens(ruleFm, textWidth, line.text))
                    .height();
            const int actionHeight =
                wrappedHeight(fm, textWidth, QStringLiteral("→ ") + line.action);
            lg.number = QRect(left + Pad, by + Spacing, numberWidth, boldFm.height());
            lg.text = QRect(textLeft, by + Spacing, textWidth, textHeight);
            lg.action = QRect(textLeft, lg.text.bottom() + 1 + 2, textWidth, actionHeight);
            lg.rect = QRect(left + Pad / 2, by, w - Pad, lg.action.bottom() + 1 + Spacing - by);
            by = lg.rect.bottom() + 1 + 2;
            bg.lines.append(lg);
        }
        if (!box.note.isEmpty()) {
            const int h = wrappedHeight(fm, inner, box.note);
            bg.note = QRect(left + Pad, by, inner, h);
            by += h + Spacing;
        }
        bg.rect = QRect(left, y, w, by + Pad - Spacing - y);
        y = bg.rect.bottom() + 1 + Gap;
        g.boxes.append(bg);
    }
    if (!m_path.verdictText().isEmpty()) {
        const int w = width - 2 * Margin;
        const int h = wrappedHeight(boldFm, w - 2 * Pad, m_path.verdictText());
        g.verdict = QRect(Margin, y, w, h + 2 * Pad);
        y = g.verdict.bottom() + 1;
    } else if (!g.boxes.isEmpty()) {
        y -= Gap;
    }
    g.height = y + Margin;
    return g;
}

void TracePathView::relayout()
{
    m_geometry = layoutFor(width());
    updateGeometry();
    update();
}

QSize TracePathView::sizeHint() const
{
    return QSize(560, heightForWidth(560));
}

QSize TracePathView::minimumSizeHint() const
{
    return QSize(MinWidth, 0);
}

int TracePathView::heightForWidth(int width) const
{
    return layoutFor(width).height;
}

void TracePathView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    m_geometry = layoutFor(width());
}

void TracePathView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange) {
        relayout();
    } else if (event->type() == QEvent::PaletteChange) {
        update();
    }
}

void TracePathView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette &pal = palette();
    p.fillRect(rect(), pal.color(QPalette::Base));
    QFont bold = font();
    bold.setBold(true);
    QFont italic = font();
    italic.setItalic(true);
    const QFont rules = ruleFont();
    const QColor arrow = ThemeColors::dimText(pal);

    auto drawArrow = [&](const QRect &from, const QRect &to) {
        // Down from the box above, across to the next one's column, down into it.
        const int x1 = from.left() + ArrowX;
        const int x2 = to.left() + ArrowX;
        const int mid = from.bottom() + 1 + Gap / 2;
        QPainterPath line;
        line.moveTo(x1, from.bottom() + 1);
        line.lineTo(x1, mid);
        line.lineTo(x2, mid);
        line.lineTo(x2, to.top() - 5);
        p.setPen(QPen(arrow, 1.6));
        p.setBrush(Qt::NoBrush);
        p.drawPath(line);
        QPainterPath head;
        head.moveTo(x2 - 5, to.top() - 6);
        head.lineTo(x2 + 5, to.top() - 6);
        head.lineTo(x2, to.top());
        head.closeSubpath();
        p.fillPath(head, arrow);
    };

    const QVector<TracePath::Box> &boxes = m_path.boxes();
    for (int b = 0; b < boxes.size() && b < m_geometry.boxes.size(); ++b) {
        const TracePath::Box &box = boxes.at(b);
        const BoxGeometry &bg = m_geometry.boxes.at(b);
        if (b + 1 < m_geometry.boxes.size()) {
            drawArrow(bg.rect, m_geometry.boxes.at(b + 1).rect);
        } else if (m_geometry.verdict.isValid()) {
            drawArrow(bg.rect, m_geometry.verdict);
        }
        const bool dockerUser =
            box.table == QLatin1String("filter") && box.chain == QLatin1String("DOCKER-USER");
        p.setPen(QPen(dockerUser ? pal.color(QPalette::Highlight) : pal.color(QPalette::Mid),
                      dockerUser ? 2 : 1));
        p.setBrush(pal.color(QPalette::Window));
        p.drawRoundedRect(QRectF(bg.rect).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4);

        p.setFont(bold);
        p.setPen(pal.color(QPalette::WindowText));
        const QString title = QStringLiteral("%1 %2").arg(box.table, box.chain);
        p.drawText(bg.header, Qt::AlignLeft | Qt::AlignVCenter, title);
        const int captionX = bg.header.left() + QFontMetrics(bold).horizontalAdvance(title) + 8;
        p.setFont(font());
        p.setPen(ThemeColors::dimText(pal));
        p.drawText(
            QRect(captionX, bg.header.top(), bg.header.right() - captionX, bg.header.height()),
            Qt::AlignLeft | Qt::AlignVCenter, QStringLiteral("— ") + TracePath::boxCaption(box));

        for (int l = 0; l < box.lines.size() && l < bg.lines.size(); ++l) {
            const TracePath::Line &line = box.lines.at(l);
            const LineGeometry &lg = bg.lines.at(l);
            const QColor fill = line.uncertain
                                    ? ThemeColors::toneBackground(ThemeColors::Tone::Warning, pal)
                                : line.rule > 0 ? ThemeColors::traceBackground(pal)
                                                : QColor();
            if (fill.isValid()) {
                p.setPen(Qt::NoPen);
                p.setBrush(fill);
                p.drawRoundedRect(lg.rect, 3, 3);
            }
            const int item = itemOf(b, l);
            const bool link = isLinkable(item);
            QFont number = bold;
            number.setUnderline(link);
            p.setFont(number);
            p.setPen(link ? pal.color(QPalette::Link) : pal.color(QPalette::Text));
            p.drawText(lg.number, Qt::AlignLeft | Qt::AlignTop,
                       line.rule > 0 ? tr("rule %1").arg(line.rule) : tr("policy"));
            p.setFont(rules);
            p.setPen(pal.color(QPalette::Text));
            p.drawText(lg.text, Qt::AlignLeft | Qt::AlignTop,
                       breakBetweenTokens(QFontMetrics(rules), lg.text.width(), line.text));
            p.setFont(italic);
            p.drawText(lg.action, TextFlags, QStringLiteral("→ ") + line.action);
            if (item == m_current && hasFocus()) {
                p.setPen(QPen(pal.color(QPalette::Highlight), 2));
                p.setBrush(Qt::NoBrush);
                p.drawRoundedRect(QRectF(lg.rect).adjusted(1, 1, -1, -1), 3, 3);
            }
        }
        if (bg.note.isValid()) {
            p.setFont(italic);
            p.setPen(ThemeColors::dimText(pal));
            p.drawText(bg.note, TextFlags, box.note);
        }
    }

    if (m_geometry.verdict.isValid()) {
        const QColor tone = verdictColor(m_path.verdict(), pal);
        p.setPen(QPen(tone, 2));
        p.setBrush(pal.color(QPalette::Window));
        p.drawRoundedRect(QRectF(m_geometry.verdict).adjusted(1, 1, -1, -1), 8, 8);
        p.setFont(bold);
        p.setPen(pal.color(QPalette::WindowText));
        p.drawText(m_geometry.verdict.adjusted(Pad, Pad, -Pad, -Pad), TextFlags,
                   m_path.verdictText());
    }
}

int TracePathView::itemAt(const QPoint &pos) const
{
    for (int i = 0; i < m_items.size(); ++i) {
        if (itemRect(i).contains(pos)) {
            return i;
        }
    }
    return -1;
}

void TracePathView::mouseMoveEvent(QMouseEvent *event)
{
    setCursor(isLinkable(itemAt(event->position().toPoint())) ? Qt::PointingHandCursor
                                                              : Qt::ArrowCursor);
    QWidget::mouseMoveEvent(event);
}

void TracePathView::mouseReleaseEvent(QMouseEvent *event)
{
    const int item = itemAt(event->position().toPoint());
    if (event->button() == Qt::LeftButton && item >= 0) {
        setCurrentItem(item);
        activate(item);
        return;
    }
    QWidget::mouseReleaseEvent(event);
}

void TracePathView::keyPressEvent(QKeyEvent *event)
{
    const int last = int(m_items.size()) - 1;
    switch (event->key()) {
    case Qt::Key_Up:
        setCurrentItem(qMax(0, m_current - 1));
        break;
    case Qt::Key_Down:
        setCurrentItem(qMin(last, m_current + 1));
        break;
    case Qt::Key_Home:
        setCurrentItem(last >= 0 ? 0 : -1);
        break;
    case Qt::Key_End:
        setCurrentItem(last);
        break;
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Space:
        activate(m_current);
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

void TracePathView::focusInEvent(QFocusEvent *event)
{
    QWidget::focusInEvent(event);
    if (m_current < 0 && !m_items.isEmpty()) {
        setCurrentItem(0);
    }
    update();
}

void TracePathView::focusOutEvent(QFocusEvent *event)
{
    QWidget::focusOutEvent(event);
    update();
}

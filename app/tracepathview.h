#pragma once

#include "tracepath.h"

#include <QSet>
#include <QWidget>

/**
 * The picture of a tested packet's way (TracePath): one box per chain visit, top to bottom and
 * indented by jumps, the rules that matched in each box (number, text and what they did),
 * arrows between the boxes, and the verdict at the end. Painted with the palette's colours and
 * the GUI's own ones (ThemeColors), so it follows the light and the dark scheme; it grows in
 * height with the path and lives in a scroll area.
 *
 * The rules are the widget's items: Up/Down (Home/End) move between them, Enter or a click
 * activates one (ruleActivated), and the accessible name says the rule under the keyboard while
 * the description reads the whole path.
 */
class TracePathView final : public QWidget
{
    Q_OBJECT
public:
    explicit TracePathView(QWidget *parent = nullptr);

    /// Shows `path`; rules of the chains in `linkable` can be activated (the window lists them).
    void setPath(const TracePath &path, const QSet<QPair<QString, QString>> &linkable);
    void clear();
    const TracePath &path() const { return m_path; }

    /// The items (rules) in order: box and line of each.
    int itemCount() const { return int(m_items.size()); }
    int currentItem() const { return m_current; }
    void setCurrentItem(int item);
    /// Where the item is drawn, in the widget's coordinates.
    QRect itemRect(int item) const;
    /// The item of the box's line, or -1.
    int itemOf(int box, int line) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;

signals:
    void ruleActivated(const QString &table, const QString &chain, int rule);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    struct LineGeometry
    {
        QRect rect;   ///< the whole line, inside its box
        QRect number; ///< "rule 2"
        QRect text;   ///< the rule-spec
        QRect action; ///< what it did
    };
    struct BoxGeometry
    {
        QRect rect;
        QRect header;
        QVector<LineGeometry> lines;
        QRect note;
    };
    struct Geometry
    {
        QVector<BoxGeometry> boxes;
        QRect verdict;
        int height = 0;
    };
    struct Item
    {
        int box;
        int line;
    };

    Geometry layoutFor(int width) const;
    void relayout();
    int itemAt(const QPoint &pos) const;
    bool isLinkable(int item) const;
    void activate(int item);
    void updateAccessibleName();
    QFont ruleFont() const;

    TracePath m_path;
    QSet<QPair<QString, QString>> m_linkable;
    QVector<Item> m_items;
    Geometry m_geometry;
    int m_current = -1;
};

#pragma once

#include <QHash>
#include <QIcon>
#include <QIconEngine>

class QWidget;

/**
 * Wraps an icon so that it stays visible on a dark palette: there its dark colours are drawn
 * as light ones of the same hue (the slate arrows of the tool bar would vanish on a dark tool
 * bar otherwise), as dark themes tint their icons. On a light palette it draws the icon as it
 * is. The choice is made when a pixmap is asked for, so a switch of colour scheme needs only a
 * repaint.
 */
class ThemedIconEngine final : public QIconEngine
{
public:
    explicit ThemedIconEngine(const QIcon &icon);

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override;
    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override;
    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state,
                         qreal scale) override;
    QSize actualSize(const QSize &size, QIcon::Mode mode, QIcon::State state) override;
    QList<QSize> availableSizes(QIcon::Mode mode, QIcon::State state) override;
    QIconEngine *clone() const override;
    QString key() const override;

    /// Gives every action under `root` that has an icon the themed version of it.
    static void themeActions(QWidget *root);
    /// The light counterpart of a dark colour; light colours stay as they are.
    static QColor forDarkBackground(const QColor &color);

private:
    QIcon m_icon;
    QHash<QString, QPixmap> m_cache;
};

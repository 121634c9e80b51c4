#include "themediconengine.h"

#include "themecolors.h"

#include <QAction>
#include <QImage>
#include <QPainter>
#include <QWidget>

ThemedIconEngine::ThemedIconEngine(const QIcon &icon) : m_icon(icon) {}

QColor ThemedIconEngine::forDarkBackground(const QColor &color)
{
    const float lightness = color.lightnessF();
    if (lightness >= 0.5f) {
        return color;
    }
    // Mirror the lightness: #37474f becomes a light slate, a deep blue a light blue.
    return QColor::fromHslF(color.hslHueF(), color.hslSaturationF(), 1.0f - lightness,
                            color.alphaF());
}

QPixmap ThemedIconEngine::scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state,
                                       qreal scale)
{
    const bool dark = ThemeColors::isDark();
    const QString key = QStringLiteral("%1x%2@%3/%4/%5/%6")
                            .arg(size.width())
                            .arg(size.height())
                            .arg(scale)
                            .arg(int(mode))
                            .arg(int(state))
                            .arg(dark);
    if (const auto it = m_cache.constFind(key); it != m_cache.constEnd()) {
        return *it;
    }
    QPixmap pixmap = m_icon.pixmap(size, scale, mode, state);
    if (dark && !pixmap.isNull()) {
        QImage image = pixmap.toImage().convertToFormat(QImage::Format_ARGB32);
        for (int y = 0; y < image.height(); ++y) {
            auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
            for (int x = 0; x < image.width(); ++x) {
                if (qAlpha(line[x]) != 0) {
                    line[x] = forDarkBackground(QColor::fromRgba(line[x])).rgba();
                }
            }
        }
        const qreal ratio = pixmap.devicePixelRatio();
        pixmap = QPixmap::fromImage(image);
        pixmap.setDevicePixelRatio(ratio);
    }
    m_cache.insert(key, pixmap);
    return pixmap;
}

QPixmap ThemedIconEngine::pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state)
{
    return scaledPixmap(size, mode, state, 1.0);
}

void ThemedIconEngine::paint(QPainter *painter, const QRect &rect, QIcon::Mode mode,
                             QIcon::State state)
{
    const qreal scale = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
    painter->drawPixmap(rect, scaledPixmap(rect.size(), mode, state, scale));
}

QSize ThemedIconEngine::actualSize(const QSize &size, QIcon::Mode mode, QIcon::State state)
{
    return m_icon.actualSize(size, mode, state);
}

QList<QSize> ThemedIconEngine::availableSizes(QIcon::Mode mode, QIcon::State state)
{
    return m_icon.availableSizes(mode, state);
}

QIconEngine *ThemedIconEngine::clone() const
{
    return new ThemedIconEngine(m_icon);
}

QString ThemedIconEngine::key() const
{
    return QStringLiteral("userchain-themed");
}

void ThemedIconEngine::themeActions(QWidget *root)
{
    const QList<QAction *> actions = root->findChildren<QAction *>();
    for (QAction *action : actions) {
        if (!action->icon().isNull()) {
            action->setIcon(QIcon(new ThemedIconEngine(action->icon())));
        }
    }
}

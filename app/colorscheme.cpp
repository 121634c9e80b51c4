#include "colorscheme.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>
#include <memory>

namespace {
const QString kSettingsKey = QStringLiteral("appearance/colorScheme");

struct Original
{
    bool captured = false;
    QString styleName;
};

Original &original()
{
    static Original o;
    return o;
}

ColorScheme::Scheme &currentScheme()
{
    static ColorScheme::Scheme scheme = ColorScheme::Scheme::System;
    return scheme;
}
} // namespace

ColorScheme::Scheme ColorScheme::saved()
{
    return fromKey(QSettings().value(kSettingsKey).toString());
}

void ColorScheme::save(Scheme scheme)
{
    QSettings().setValue(kSettingsKey, key(scheme));
}

ColorScheme::Scheme ColorScheme::current()
{
    return currentScheme();
}

QString ColorScheme::key(Scheme scheme)
{
    switch (scheme) {
    case Scheme::System:
        break;
    case Scheme::Light:
        return QStringLiteral("light");
    case Scheme::Dark:
        return QStringLiteral("dark");
    }
    return QStringLiteral("system");
}

ColorScheme::Scheme ColorScheme::fromKey(const QString &key)
{
    if (key == QLatin1String("light")) {
        return Scheme::Light;
    }
    if (key == QLatin1String("dark")) {
        return Scheme::Dark;
    }
    return Scheme::System;
}

QPalette ColorScheme::lightPalette()
{
    const std::unique_ptr<QStyle> fusion(QStyleFactory::create(QStringLiteral("Fusion")));
    return fusion ? fusion->standardPalette() : QPalette();
}

QPalette ColorScheme::darkPalette()
{
    const QColor window(0x2b, 0x2d, 0x30);
    const QColor base(0x1e, 0x1f, 0x22);
    const QColor text(0xe6, 0xe6, 0xe6);
    const QColor disabledText(0x80, 0x80, 0x80);
    const QColor highlight(0x2f, 0x65, 0xca);
    QPalette p(window);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x28, 0x2b));
    p.setColor(QPalette::ToolTipBase, QColor(0x3a, 0x3d, 0x41));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x35, 0x37, 0x3b));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x6e, 0x6e));
    p.setColor(QPalette::Light, QColor(0x4a, 0x4d, 0x52));
    p.setColor(QPalette::Midlight, QColor(0x3c, 0x3f, 0x43));
    p.setColor(QPalette::Mid, QColor(0x24, 0x26, 0x29));
    p.setColor(QPalette::Dark, QColor(0x1a, 0x1b, 0x1d));
    p.setColor(QPalette::Shadow, QColor(0x0a, 0x0a, 0x0a));
    p.setColor(QPalette::Highlight, highlight);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x7a, 0xb4, 0xff));
    p.setColor(QPalette::LinkVisited, QColor(0xc0, 0x9a, 0xff));
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText}) {
        p.setColor(QPalette::Disabled, role, disabledText);
    }
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x45, 0x48, 0x4d));
    p.setColor(QPalette::Disabled, QPalette::Base, window);
    return p;
}

void ColorScheme::apply(Scheme scheme)
{
    Original &o = original();
    if (!o.captured) {
        // What Qt chose from the desktop (or -style): the way back to "System".
        o.captured = true;
        o.styleName = QApplication::style()->name();
    }
    if (scheme == currentScheme()) {
        return;
    }
    currentScheme() = scheme;
    switch (scheme) {
    case Scheme::System:
        QApplication::setStyle(o.styleName);
        // An empty palette resolves to the style's and the desktop's own.
        QApplication::setPalette(QPalette());
        break;
    case Scheme::Light:
        QApplication::setStyle(QStringLiteral("Fusion"));
        QApplication::setPalette(lightPalette());
        break;
    case Scheme::Dark:
        QApplication::setStyle(QStringLiteral("Fusion"));
        QApplication::setPalette(darkPalette());
        break;
    }
}

void ColorScheme::bindActions(QAction *system, QAction *light, QAction *dark)
{
    auto *group = new QActionGroup(system->parent());
    const QList<QPair<QAction *, Scheme>> choices = {
        {system, Scheme::System}, {light, Scheme::Light}, {dark, Scheme::Dark}};
    for (const auto &[action, scheme] : choices) {
        group->addAction(action);
        action->setCheckable(true);
        action->setChecked(scheme == current());
        QObject::connect(action, &QAction::triggered, action, [scheme = scheme] {
            apply(scheme);
            save(scheme);
        });
    }
}

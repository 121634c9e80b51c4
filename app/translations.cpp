#include "translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

Translations::Translations(QObject *parent)
    : QObject(parent), m_app(new QTranslator(this)), m_qt(new QTranslator(this))
{}

Translations::~Translations()
{
    unload();
}

QString Translations::directory()
{
    return QStringLiteral(":/i18n");
}

bool Translations::load(const QLocale &locale)
{
    unload();
    // QTranslator tries the locale's UI languages in order ("de-DE", "de"), so LANGUAGE=fr:de
    // finds German when there is no French.
    if (!m_app->load(locale, QStringLiteral("userchain"), QStringLiteral("_"), directory())) {
        return false;
    }
    m_installed = QCoreApplication::installTranslator(m_app);
    // Qt's strings in the language Userchain speaks now, not in the locale's first choice.
    const QLocale language(m_app->language());
    if (m_qt->load(language, QStringLiteral("qtbase"), QStringLiteral("_"),
                   QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        m_qtInstalled = QCoreApplication::installTranslator(m_qt);
    }
    return m_installed;
}

void Translations::unload()
{
    if (m_qtInstalled) {
        QCoreApplication::removeTranslator(m_qt);
        m_qtInstalled = false;
    }
    if (m_installed) {
        QCoreApplication::removeTranslator(m_app);
        m_installed = false;
    }
}

QString Translations::language() const
{
    return m_installed ? m_app->language() : QString();
}

bool Translations::hasQtTranslation() const
{
    return m_qtInstalled;
}

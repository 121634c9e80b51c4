#pragma once

#include <QLocale>
#include <QObject>

class QTranslator;

/**
 * Userchain's translation for a locale (`userchain_LANG.qm`, built from
 * translations/userchain_LANG.ts and embedded under `:/i18n`) and Qt's own for the same language
 * (`qtbase_LANG.qm` from Qt's translations directory: the standard buttons, the wizard's Back/Next,
 * text field menus), installed on the application while this object lives. Without a Userchain
 * translation for the locale's languages nothing is installed: the GUI stays English throughout,
 * not half translated by Qt's strings. The core library's parser messages are translated too (they
 * appear in the editor's live validation); the command-line client and the helper install
 * no translator and stay English.
 */
class Translations final : public QObject
{
    Q_OBJECT
public:
    explicit Translations(QObject *parent = nullptr);
    ~Translations() override;

    /**
     * Installs the first of the locale's UI languages Userchain has a translation for, and
     * Qt's translation of that language when Qt has one. Returns false (and installs nothing)
     * when there is no Userchain translation, e.g. for English.
     */
    bool load(const QLocale &locale);
    /// Uninstalls what load() installed.
    void unload();
    /// The language loaded ("de"), or empty.
    QString language() const;
    /// Qt's own translation was found and installed as well.
    bool hasQtTranslation() const;

    /// Where Userchain's translations are: the resource folder `:/i18n`.
    static QString directory();

private:
    Q_DISABLE_COPY_MOVE(Translations)
    QTranslator *m_app;
    QTranslator *m_qt;
    bool m_installed = false;
    bool m_qtInstalled = false;
};

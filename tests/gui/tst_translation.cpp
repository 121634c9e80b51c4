// Translations: with the German translator installed, as main() installs it for a German system
// locale, the window's menus and actions, a wizard page and the raw editor's parser messages are
// German; with an English locale nothing is installed and all of it is English. The German file
// is complete and keeps every placeholder and mnemonic; the template has the same strings.
#include "chainlistmodel.h"
#include "editsession.h"
#include "fixturesnapshot.h"
#include "mainwindow.h"
#include "messagetext.h"
#include "rawruledialog.h"
#include "ruleparser.h"
#include "ruletablemodel.h"
#include "ruletableview.h"
#include "rulewizard.h"
#include "rulewizardpage.h"
#include "translations.h"
#include "windowharness.h"

#include <QAbstractButton>
#include <QFile>
#include <QLabel>
#include <QLibraryInfo>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QProcess>
#include <QRegularExpression>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QXmlStreamReader>
#include <memory>

using Userchain::Family;

namespace {
const char *ChildVariable = "USERCHAIN_TEST_LOCALE_CHILD";

struct Message
{
    QString context;
    QString source;
    QStringList translations; ///< one, or the numerus forms
    QString type;
    bool numerus = false;
};

QVector<Message> readTs(const QString &path, QString *language)
{
    QVector<Message> messages;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return messages;
    }
    QXmlStreamReader xml(&file);
    QString context;
    Message current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement()) {
            if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
                messages.append(current);
            }
            continue;
        }
        const auto name = xml.name();
        if (name == QLatin1String("TS")) {
            *language = xml.attributes().value(QStringLiteral("language")).toString();
        } else if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            current = Message();
            current.context = context;
            current.numerus =
                xml.attributes().value(QStringLiteral("numerus")) == QLatin1String("yes");
        } else if (name == QLatin1String("source")) {
            current.source = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            current.type = xml.attributes().value(QStringLiteral("type")).toString();
            if (!current.numerus) {
                current.translations << xml.readElementText();
            }
        } else if (name == QLatin1String("numerusform")) {
            current.translations << xml.readElementText();
        }
    }
    return messages;
}

QStringList placeholders(const QString &text)
{
    static const QRegularExpression marker(QStringLiteral("%(\\d+|n)"));
    QStringList found;
    for (auto it = marker.globalMatch(text); it.hasNext();) {
        found << it.next().captured(0);
    }
    found.removeDuplicates();
    found.sort();
    return found;
}

bool hasMnemonic(const QString &text)
{
    return text.contains(QRegularExpression(QStringLiteral("&[^&\\s]")));
}
} // namespace

class TestTranslation : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_config;
    std::unique_ptr<Translations> m_translations;

    QStringList menuTitles(MainWindow *window) const
    {
        QStringList titles;
        const QList<QAction *> actions = window->menuBar()->actions();
        for (const QAction *action : actions) {
            titles << action->text();
        }
        return titles;
    }

    /// Runs this test's `function` in a new process with LANG=`lang`, as a user's session
    /// would start the program; the child checks what main() would load.
    int runWithLang(const QString &function, const QString &lang)
    {
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("LC_ALL"));
        env.remove(QStringLiteral("LC_MESSAGES"));
        env.remove(QStringLiteral("LANGUAGE"));
        env.insert(QStringLiteral("LANG"), lang);
        env.insert(QString::fromLatin1(ChildVariable), QStringLiteral("1"));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        child.setProcessEnvironment(env);
        child.setProcessChannelMode(QProcess::MergedChannels);
        child.start(QCoreApplication::applicationFilePath(), {function});
        const bool finished = child.waitForFinished(60000);
        const int code =
            finished && child.exitStatus() == QProcess::NormalExit ? child.exitCode() : -1;
        if (code != 0) {
            qWarning("LANG=%s:\n%s", qPrintable(lang), child.readAll().constData());
        }
        return code;
    }

private slots:
    void initTestCase()
    {
        qputenv("XDG_CONFIG_HOME", m_config.path().toLocal8Bit());
        QCoreApplication::setOrganizationName(QStringLiteral("UserchainTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_gui_translation"));
        m_translations = std::make_unique<Translations>();
    }

    void cleanup() { m_translations->unload(); }

    void germanIsEmbedded()
    {
        QVERIFY(QFile::exists(Translations::directory() + QStringLiteral("/userchain_de.qm")));
        QVERIFY(m_translations->load(QLocale(QStringLiteral("de_DE"))));
        QVERIFY(m_translations->language().startsWith(QLatin1String("de")));
        // Qt's own German (qt6-translations-l10n) comes along when it is installed.
        const bool qtHasGerman = QFile::exists(QLibraryInfo::path(QLibraryInfo::TranslationsPath) +
                                               QStringLiteral("/qtbase_de.qm"));
        QCOMPARE(m_translations->hasQtTranslation(), qtHasGerman);
        // A German speaker who also reads French gets German; one who reads neither, nothing.
        QVERIFY(m_translations->load(QLocale(QStringLiteral("de_AT"))));
        QVERIFY(!m_translations->load(QLocale(QStringLiteral("fr_FR"))));
        QVERIFY(m_translations->language().isEmpty());
    }

    void englishInstallsNothing()
    {
        QVERIFY(!m_translations->load(QLocale(QStringLiteral("en_US"))));
        QVERIFY(!m_translations->load(QLocale::c()));
        QVERIFY(!m_translations->hasQtTranslation());
        WindowHarness harness;
        QVERIFY(harness.open(FixtureSnapshot::fromFile(FixtureSnapshot::userRulesCapture())));
        QCOMPARE(menuTitles(harness.window()),
                 (QStringList{"&File", "&Edit", "&View", "&Rules", "Fire&wall", "&Help"}));
        QCOMPARE(harness.window()->action(QStringLiteral("actionApply"))->text(),
                 QStringLiteral("&Apply…"));
        QCOMPARE(harness.window()->chainListModel()->index(0, 0).data().toString(),
                 QStringLiteral("Your rules"));
    }

    void germanWindow()
    {
        QVERIFY(m_translations->load(QLocale(QStringLiteral("de_DE"))));
        WindowHarness harness;
        QVERIFY(harness.open(FixtureSnapshot::fromFile(FixtureSnapshot::userRulesCapture())));
        MainWindow *window = harness.window();
        QCOMPARE(menuTitles(window), (QStringList{"&Datei", "&Bearbeiten", "&Ansicht", "&Regeln",
                                                  "&Firewall", "&Hilfe"}));
        QCOMPARE(window->action(QStringLiteral("actionApply"))->text(),
                 QStringLiteral("&Anwenden …"));
        QCOMPARE(window->action(QStringLiteral("actionAddRule"))->text(),
                 QStringLiteral("Regel &hinzufügen …"));
        QCOMPARE(window->action(QStringLiteral("actionSavePermanently"))->text(),
                 QStringLiteral("Dauerhaft &speichern …"));
        QCOMPARE(window->action(QStringLiteral("actionSchemeDark"))->text(),
                 QStringLiteral("&Dunkel"));
        QCOMPARE(window->action(QStringLiteral("actionUndo"))->text(),
                 QStringLiteral("&Rückgängig:"));
        QCOMPARE(window->chainListModel()->index(0, 0).data().toString(),
                 QStringLiteral("Ihre Regeln"));
        QCOMPARE(
            window->session()->model()->headerData(RuleTableModel::SourceColumn, Qt::Horizontal),
            QVariant(QStringLiteral("Quelle")));
        QCOMPARE(window->ruleTableView()->tableView()->accessibleName(),
                 QStringLiteral("DOCKER-USER-Regeln (IPv4)"));
        // The negation in words, as the table shows it.
        QCOMPARE(
            window->session()->model()->index(1, RuleTableModel::SourceColumn).data().toString(),
            QStringLiteral("nicht 192.168.1.1"));
        QVERIFY(window->statusFields().contains(QStringLiteral("Docker-Ketten: 3")));
        // German words are longer: the window still fits a 1024 px screen.
        QVERIFY2(window->minimumSizeHint().width() <= 1024,
                 qPrintable(QString::number(window->minimumSizeHint().width())));
    }

    void germanWizard()
    {
        QVERIFY(m_translations->load(QLocale(QStringLiteral("de_DE"))));
        WizardContext context;
        context.interfaces = {QStringLiteral("eth0")};
        std::unique_ptr<RuleWizard> wizard(RuleWizard::create(RuleWizard::OnlyIp, context, 0));
        wizard->show();
        auto *page = qobject_cast<RuleWizardPage *>(wizard->currentPage());
        QCOMPARE(wizard->windowTitle(), QStringLiteral("Nur eine IP-Adresse zulassen"));
        QCOMPARE(page->title(), QStringLiteral("Nur eine IP-Adresse zulassen"));
        QStringList labels;
        const QList<QLabel *> all = page->findChildren<QLabel *>();
        for (const QLabel *label : all) {
            if (label->buddy()) {
                labels << label->text();
            }
        }
        QCOMPARE(labels, (QStringList{"Externe &Schnittstelle:", "&Erlaubte Adresse:"}));
        QCOMPARE(wizard->buttonText(QWizard::FinishButton),
                 QStringLiteral("Zur &Tabelle hinzufügen"));
        QCOMPARE(
            page->message(),
            QStringLiteral("Geben Sie die eine Adresse ein, die Ihre Container erreichen darf."));
        auto *address = page->findChild<QLineEdit *>(QStringLiteral("address"));
        QCOMPARE(address->placeholderText(), QStringLiteral("z. B. 192.168.1.1"));
        QTest::keyClicks(address, QStringLiteral("2001:db8::1"));
        QCOMPARE(page->message(),
                 QStringLiteral("2001:db8::1 ist eine IPv6-Adresse, diese Regeln gelten aber für "
                                "IPv4 (iptables). Geben Sie eine IPv4-Adresse ein oder fügen Sie "
                                "die Regel im Reiter IPv6 hinzu."));
        address->clear();
        QTest::keyClicks(address, QStringLiteral("192.168.1.300"));
        QCOMPARE(page->message(), QStringLiteral("„192.168.1.300“ ist keine IPv4-Adresse"));
        if (m_translations->hasQtTranslation()) {
            QCOMPARE(wizard->button(QWizard::CancelButton)->text(), QStringLiteral("Abbrechen"));
        }
    }

    void germanParserMessages_data()
    {
        QTest::addColumn<QString>("rule");
        QTest::addColumn<QString>("english");
        QTest::addColumn<QString>("german");
        QTest::newRow("misspelt option") << "-p tcp --dprot 80 -j DROP"
                                         << "unknown option \"--dprot\" (did you mean --dport?)"
                                         << "Option „--dprot“ ist unbekannt (meinten Sie --dport?)";
        QTest::newRow("missing value") << "-s"
                                       << "\"-s\" needs a value"
                                       << "„-s“ erfordert einen Wert";
        QTest::newRow("port out of range")
            << "-p tcp --dport 70000 -j DROP"
            << "port \"70000\" is out of range (0 to 65535)"
            << "Port „70000“ liegt außerhalb des Bereichs (0 bis 65535)";
        QTest::newRow("match needs protocol") << "-m tcp --dport 22 -j DROP"
                                              << "\"-m tcp\" needs \"-p tcp\""
                                              << "„-m tcp“ erfordert „-p tcp“";
    }

    void germanParserMessages()
    {
        QFETCH(QString, rule);
        QFETCH(QString, english);
        QFETCH(QString, german);
        // The raw editor, live: the library's message in the GUI's language.
        QVERIFY(m_translations->load(QLocale(QStringLiteral("de_DE"))));
        {
            RawRuleDialog dialog(Family::IPv4);
            dialog.show();
            QCOMPARE(dialog.findChild<QLabel *>(QStringLiteral("ruleLabel"))->text(),
                     QStringLiteral("&Regel:"));
            QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("specEdit")), rule);
            QVERIFY(!dialog.isValid());
            QCOMPARE(dialog.message(), german);
        }
        // Without the translator (the CLI and the helper never install one): English.
        m_translations->unload();
        Userchain::RuleError error;
        QVERIFY(!Userchain::RuleParser::parse(rule, Family::IPv4, &error));
        QCOMPARE(error.message, english);
        RawRuleDialog dialog(Family::IPv4);
        QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("specEdit")), rule);
        // Standing alone, the message is a sentence.
        QCOMPARE(dialog.message(), MessageText::sentence(english));
    }

    void systemLocaleIsFollowed()
    {
        // In the child: what main() does with the system locale.
        if (qEnvironmentVariableIsSet(ChildVariable)) {
            const bool german = qgetenv("LANG").startsWith("de");
            QCOMPARE(m_translations->load(QLocale::system()), german);
            QCOMPARE(QCoreApplication::translate("MainWindow", "&File"),
                     german ? QStringLiteral("&Datei") : QStringLiteral("&File"));
            return;
        }
        QCOMPARE(
            runWithLang(QStringLiteral("systemLocaleIsFollowed"), QStringLiteral("de_DE.UTF-8")),
            0);
        QCOMPARE(
            runWithLang(QStringLiteral("systemLocaleIsFollowed"), QStringLiteral("en_GB.UTF-8")),
            0);
    }

    void germanFileIsComplete()
    {
        QString language;
        const QVector<Message> german =
            readTs(QStringLiteral(USERCHAIN_SOURCE_DIR "/translations/userchain_de.ts"), &language);
        QCOMPARE(language, QStringLiteral("de_DE"));
        QVERIFY(german.size() > 500);
        QStringList problems;
        for (const Message &m : german) {
            const QString where = m.context + QStringLiteral(": ") + m.source;
            if (!m.type.isEmpty()) {
                problems << QStringLiteral("%1 (%2)").arg(where, m.type);
                continue;
            }
            if (m.translations.size() != (m.numerus ? 2 : 1)) {
                problems << where + QStringLiteral(" (German has two plural forms)");
                continue;
            }
            for (const QString &t : m.translations) {
                if (t.trimmed().isEmpty() && !m.source.trimmed().isEmpty()) {
                    problems << where + QStringLiteral(" (empty)");
                } else if (placeholders(t) != placeholders(m.source) &&
                           !(m.numerus &&
                             placeholders(t + QStringLiteral("%n")) == placeholders(m.source))) {
                    problems << where + QStringLiteral(" (placeholders: %1)").arg(t);
                } else if (hasMnemonic(m.source) != hasMnemonic(t)) {
                    problems << where + QStringLiteral(" (mnemonic: %1)").arg(t);
                }
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));

        // The template for new translators: the same strings, no language, nothing translated.
        const QVector<Message> templ =
            readTs(QStringLiteral(USERCHAIN_SOURCE_DIR "/translations/userchain.ts"), &language);
        QVERIFY(language.isEmpty());
        QCOMPARE(templ.size(), german.size());
        for (int i = 0; i < templ.size(); ++i) {
            QCOMPARE(templ.at(i).context + templ.at(i).source,
                     german.at(i).context + german.at(i).source);
        }
    }
};

QTEST_MAIN(TestTranslation)
#include "tst_translation.moc"

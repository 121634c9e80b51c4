#include "guidedialog.h"

#include <QAction>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QFile>
#include <QLocale>
#include <QTextBrowser>
#include <QVBoxLayout>

GuideDialog::GuideDialog(QWidget *window) : QDialog(window), m_browser(new QTextBrowser(this))
{
    setObjectName(QStringLiteral("guideDialog"));
    setWindowTitle(tr("Userchain guide"));
    m_browser->setObjectName(QStringLiteral("guideBrowser"));
    m_browser->setAccessibleName(tr("Guide"));
    // Links are handled here: "action:" names a menu item, anything else opens outside.
    m_browser->setOpenLinks(false);
    m_browser->setSource(QUrl(QStringLiteral("qrc") + source()));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_browser, 1);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    connect(m_browser, &QTextBrowser::anchorClicked, this, &GuideDialog::openLink);
    resize(760, 640);
}

QString GuideDialog::source()
{
    const QString translated = QStringLiteral(":/guide/guide.%1.html")
                                   .arg(QLocale().name().section(QLatin1Char('_'), 0, 0));
    return QFile::exists(translated) ? translated : QStringLiteral(":/guide/guide.html");
}

GuideDialog *GuideDialog::showFor(QWidget *window)
{
    auto *dialog = window->findChild<GuideDialog *>(QString(), Qt::FindDirectChildrenOnly);
    if (!dialog) {
        dialog = new GuideDialog(window);
    }
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
    return dialog;
}

void GuideDialog::openLink(const QUrl &url)
{
    if (url.scheme() == QLatin1String("action")) {
        QAction *action = parentWidget()->findChild<QAction *>(url.path());
        if (action && action->isEnabled()) {
            parentWidget()->activateWindow();
            action->trigger();
        }
    } else if (url.scheme() == QLatin1String("qrc") || url.isRelative()) {
        m_browser->scrollToAnchor(url.fragment());
    } else {
        QDesktopServices::openUrl(url);
    }
}

#pragma once

#include <QDialog>

class QTextBrowser;
class QUrl;

/**
 * Help → Guide: what DOCKER-USER is and how to build each example of Docker's page here. The
 * guide is HTML in the Qt resources (offline, and the same for every install); its links to
 * menu items ("action:actionWizardOnlyIp") trigger that action of the window, so a reader can
 * go from an example straight to the wizard that builds it. Not modal: it stays open beside
 * the window.
 */
class GuideDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit GuideDialog(QWidget *window);

    /// Shows the window's guide, made on first use.
    static GuideDialog *showFor(QWidget *window);
    QTextBrowser *browser() const { return m_browser; }
    /// The guide's resource: the one in the UI language if there is one, else English.
    static QString source();

private:
    void openLink(const QUrl &url);

    QTextBrowser *m_browser;
};

#include "wizarddriver.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QLineEdit>
#include <QTest>

WizardContext WizardDriver::context()
{
    WizardContext c;
    c.interfaces = {QStringLiteral("eth0"), QStringLiteral("wlan0")};
    c.publishedPorts = {
        {QStringLiteral("tcp"), QStringLiteral("8080"), QString(), QStringLiteral("172.17.0.2:80")},
        {QStringLiteral("udp"), QStringLiteral("5353"), QString(),
         QStringLiteral("172.18.0.2:53")}};
    return c;
}

void WizardDriver::drive(QWidget *root, const QString &step)
{
    const QString path = step.section(QLatin1Char('='), 0, 0);
    const QString value = step.section(QLatin1Char('='), 1);
    QWidget *w = root;
    for (const QString &name : path.split(QLatin1Char('/'))) {
        w = w->findChild<QWidget *>(name);
        QVERIFY2(w, qPrintable(QStringLiteral("no widget ") + path));
    }
    if (auto *combo = qobject_cast<QComboBox *>(w)) {
        const int i = value.isEmpty() ? -1 : combo->findText(value, Qt::MatchStartsWith);
        if (i >= 0) {
            combo->setCurrentIndex(i); // picked from the list
        } else {
            QVERIFY2(combo->isEditable(), qPrintable(value));
            combo->lineEdit()->clear();
            QTest::keyClicks(combo->lineEdit(), value); // typed
        }
    } else if (auto *edit = qobject_cast<QLineEdit *>(w)) {
        edit->clear();
        QTest::keyClicks(edit, value);
    } else if (auto *button = qobject_cast<QAbstractButton *>(w)) {
        if (button->isChecked() != (value == QLatin1String("on"))) {
            QTest::mouseClick(button, Qt::LeftButton);
        }
    } else {
        QFAIL(qPrintable(QStringLiteral("cannot drive ") + path));
    }
}

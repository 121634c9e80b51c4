// Wizard tests: each wizard, driven through its widgets, produces exactly the rules of Docker's
// page in iptables-save's form; invalid input keeps Finish disabled with the message shown. The
// "only" wizards keep the replies to the containers' own connections unless told not to, so
// that RuleLints has nothing to say about their rules.
// (What the rules do and where they go: tst_wizardplacement.)
#include "fixturesnapshot.h"
#include "policypreviewpage.h"
#include "rawruledialog.h"
#include "rulelints.h"
#include "ruleset.h"
#include "rulewizard.h"
#include "rulewizardpage.h"
#include "wizarddriver.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTest>

class TestWizards : public QObject
{
    Q_OBJECT

private:
    WizardContext context() const { return WizardDriver::context(); }
    void drive(QWidget *root, const QString &step) { WizardDriver::drive(root, step); }

    bool finishEnabled(QWizard *wizard) const
    {
        return wizard->button(QWizard::FinishButton)->isEnabled();
    }

    WizardContext context6() const
    {
        WizardContext c = context();
        c.family = Userchain::Family::IPv6;
        c.publishedPorts = {{QStringLiteral("tcp"), QStringLiteral("8080"), QString(),
                             QStringLiteral("[fd49:efd7:54aa::1]:80")}};
        c.otherFamilyAvailable = true;
        return c;
    }

    /// RuleLints' "drops replies" for `rule` above Docker's RETURN, on a capture with published
    /// containers of `family`; nullopt if the linter finds nothing of the kind.
    static std::optional<Userchain::RuleLint> dropsReplies(int family, const QString &rule)
    {
        Userchain::Snapshot snapshot =
            FixtureSnapshot::fromFile(family == 6 ? FixtureSnapshot::mobyCapture(QStringLiteral(
                                                        "docker29.7.2-composed-portmap.v6.rules"))
                                                  : FixtureSnapshot::dockerCapture());
        FixtureSnapshot::setDockerUser(&snapshot, {rule, QStringLiteral("-j RETURN")});
        const auto lints =
            Userchain::RuleLints::compute(Userchain::Ruleset::fromSnapshot(snapshot));
        for (const Userchain::RuleLint &lint : lints) {
            if (lint.kind == Userchain::RuleLint::Kind::DropsReplies) {
                return lint;
            }
        }
        return std::nullopt;
    }

private slots:
    void wizard_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QStringList>("steps");
        QTest::addColumn<QStringList>("expected");
        QTest::addColumn<QString>("message"); // when invalid: part of the message shown
        // The "only" wizards keep replies by default (see keepRepliesOption).
        const QString ctdir = QStringLiteral("-m conntrack --ctdir ORIGINAL -j DROP");

        QTest::newRow("one IP") << int(RuleWizard::OnlyIp)
                                << QStringList{"interface=eth0", "address=192.168.1.1"}
                                << QStringList{"! -s 192.168.1.1/32 -i eth0 " + ctdir} << QString();
        QTest::newRow("one IP, typed interface")
            << int(RuleWizard::OnlyIp) << QStringList{"interface=ens3", "address=203.0.113.7"}
            << QStringList{"! -s 203.0.113.7/32 -i ens3 " + ctdir} << QString();
        QTest::newRow("one IP, no address")
            << int(RuleWizard::OnlyIp) << QStringList{"interface=eth0", "address=1", "address="}
            << QStringList() << QStringLiteral("Enter the one address");
        QTest::newRow("one IP, bad address")
            << int(RuleWizard::OnlyIp) << QStringList{"interface=eth0", "address=192.168.1.300"}
            << QStringList() << QStringLiteral("192.168.1.300");
        QTest::newRow("one IP, a subnet")
            << int(RuleWizard::OnlyIp) << QStringList{"interface=eth0", "address=192.168.1.0/24"}
            << QStringList() << QStringLiteral("subnet and range wizards");
        QTest::newRow("one IP, no interface")
            << int(RuleWizard::OnlyIp) << QStringList{"interface=", "address=192.168.1.1"}
            << QStringList() << QStringLiteral("external interface");

        QTest::newRow("subnet") << int(RuleWizard::OnlySubnet)
                                << QStringList{"interface=eth0", "subnet=192.168.1.0/24"}
                                << QStringList{"! -s 192.168.1.0/24 -i eth0 " + ctdir} << QString();
        QTest::newRow("subnet without prefix")
            << int(RuleWizard::OnlySubnet) << QStringList{"interface=eth0", "subnet=192.168.1.0"}
            << QStringList() << QStringLiteral("prefix length");
        QTest::newRow("subnet, bad prefix")
            << int(RuleWizard::OnlySubnet) << QStringList{"interface=eth0", "subnet=192.168.1.0/33"}
            << QStringList() << QStringLiteral("\"33\"");

        QTest::newRow("range")
            << int(RuleWizard::OnlyRange)
            << QStringList{"interface=eth0", "sourceRange=192.168.1.1-192.168.1.3"}
            << QStringList{"-i eth0 -m iprange ! --src-range 192.168.1.1-192.168.1.3 " + ctdir}
            << QString();
        QTest::newRow("range with destination")
            << int(RuleWizard::OnlyRange)
            << QStringList{"interface=eth0", "sourceRange=192.168.1.1-192.168.1.3",
                           "useDestination=on", "destinationRange=172.17.0.2-172.17.0.9"}
            << QStringList{"-i eth0 -m iprange ! --src-range 192.168.1.1-192.168.1.3 "
                           "--dst-range 172.17.0.2-172.17.0.9 " +
                           ctdir}
            << QString();
        QTest::newRow("range, one address")
            << int(RuleWizard::OnlyRange)
            << QStringList{"interface=eth0", "sourceRange=192.168.1.1"} << QStringList()
            << QStringLiteral("FIRST-LAST");
        QTest::newRow("range, destination missing")
            << int(RuleWizard::OnlyRange)
            << QStringList{"interface=eth0", "sourceRange=192.168.1.1-192.168.1.3",
                           "useDestination=on"}
            << QStringList() << QStringLiteral("destination range");

        QTest::newRow("published port offered")
            << int(RuleWizard::PublishedPort) << QStringList{"port=8080 (tcp"}
            << QStringList{"-p tcp -m conntrack --ctorigdstport 8080 --ctdir ORIGINAL -j RETURN"}
            << QString();
        // "Only from" lets the sources through and drops everyone else.
        QTest::newRow("published udp port from a subnet")
            << int(RuleWizard::PublishedPort)
            << QStringList{"port=5353 (udp", "source=192.168.1.0/24"}
            << QStringList{"-s 192.168.1.0/24 -p udp -m conntrack --ctorigdstport 5353 --ctdir "
                           "ORIGINAL -j RETURN",
                           "-p udp -m conntrack --ctorigdstport 5353 --ctdir ORIGINAL -j DROP"}
            << QString();
        QTest::newRow("published port from two sources on eth0")
            << int(RuleWizard::PublishedPort)
            << QStringList{"port=8080 (tcp", "interface=eth0", "source=10.11.11.0/24, 192.0.2.7"}
            << QStringList{"-s 10.11.11.0/24 -i eth0 -p tcp -m conntrack --ctorigdstport 8080 "
                           "--ctdir ORIGINAL -j RETURN",
                           "-s 192.0.2.7/32 -i eth0 -p tcp -m conntrack --ctorigdstport 8080 "
                           "--ctdir ORIGINAL -j RETURN",
                           "-i eth0 -p tcp -m conntrack --ctorigdstport 8080 --ctdir ORIGINAL -j "
                           "DROP"}
            << QString();
        QTest::newRow("published port open to everyone on eth0")
            << int(RuleWizard::PublishedPort) << QStringList{"port=8080 (tcp", "interface=eth0"}
            << QStringList{"-i eth0 -p tcp -m conntrack --ctorigdstport 8080 --ctdir ORIGINAL -j "
                           "RETURN"}
            << QString();
        QTest::newRow("typed port")
            << int(RuleWizard::PublishedPort) << QStringList{"port=9000", "protocol=udp"}
            << QStringList{"-p udp -m conntrack --ctorigdstport 9000 --ctdir ORIGINAL -j RETURN"}
            << QString();
        QTest::newRow("port not a number")
            << int(RuleWizard::PublishedPort) << QStringList{"port=http"} << QStringList()
            << QStringLiteral("not a port number");
        QTest::newRow("port, bad source")
            << int(RuleWizard::PublishedPort) << QStringList{"port=9000", "source=10.0.0.0/99"}
            << QStringList() << QStringLiteral("\"99\"");

        QTest::newRow("source range and destination")
            << int(RuleWizard::SourceDestination)
            << QStringList{"source/kind=Range", "source/value=192.168.1.1-192.168.1.3",
                           "destination/kind=Address", "destination/value=198.51.100.1"}
            << QStringList{"-d 198.51.100.1/32 -m iprange --src-range 192.168.1.1-192.168.1.3 -j "
                           "DROP"}
            << QString();
        QTest::newRow("negated subnet to an address")
            << int(RuleWizard::SourceDestination)
            << QStringList{"source/kind=Subnet",
                           "source/value=192.168.1.0/24",
                           "source/not=on",
                           "destination/kind=Address",
                           "destination/value=10.0.0.1",
                           "destination/not=on",
                           "interface=eth0",
                           "target=RETURN"}
            << QStringList{"! -s 192.168.1.0/24 ! -d 10.0.0.1/32 -i eth0 -j RETURN"} << QString();
        QTest::newRow("nothing chosen")
            << int(RuleWizard::SourceDestination) << QStringList{"interface=eth0"} << QStringList()
            << QStringLiteral("Choose a source");
        QTest::newRow("address that is a subnet")
            << int(RuleWizard::SourceDestination)
            << QStringList{"source/kind=Address", "source/value=10.0.0.0/8"} << QStringList()
            << QStringLiteral("one address");

        QTest::newRow("recommended policy")
            << int(RuleWizard::RecommendedPolicy)
            << QStringList{"interface=eth0", "subnets=192.0.2.0/24, 198.51.100.0/24"}
            << QStringList{"-i eth0 -m conntrack --ctstate RELATED,ESTABLISHED -j RETURN",
                           "-i eth0 -p tcp -m conntrack --ctorigdstport 80 --ctdir ORIGINAL -j "
                           "RETURN",
                           "-i eth0 -p tcp -m conntrack --ctorigdstport 443 --ctdir ORIGINAL -j "
                           "RETURN",
                           "-s 192.0.2.0/24 -i eth0 -p tcp -m conntrack --ctorigdstport 8080 "
                           "--ctdir ORIGINAL -j RETURN",
                           "-s 198.51.100.0/24 -i eth0 -p tcp -m conntrack --ctorigdstport 8080 "
                           "--ctdir ORIGINAL -j RETURN",
                           "-i eth0 -j DROP",
                           "-j RETURN"}
            << QString();
        QTest::newRow("policy without subnets")
            << int(RuleWizard::RecommendedPolicy) << QStringList{"interface=wlan0"} << QStringList()
            << QStringLiteral("Enter the subnets");
        QTest::newRow("policy with a bad port")
            << int(RuleWizard::RecommendedPolicy)
            << QStringList{"interface=eth0", "openPorts=80 99999", "restrictedPort="}
            << QStringList() << QStringLiteral("99999");
    }

    void wizard()
    {
        QFETCH(int, kind);
        QFETCH(QStringList, steps);
        QFETCH(QStringList, expected);
        QFETCH(QString, message);
        std::unique_ptr<RuleWizard> w(RuleWizard::create(RuleWizard::Kind(kind), context(), 3));
        w->show();
        QVERIFY(QTest::qWaitForWindowExposed(w.get()));
        for (const QString &step : std::as_const(steps)) {
            drive(w->currentPage(), step);
        }
        auto *messageLabel = w->currentPage()->findChild<QLabel *>(QStringLiteral("ruleMessage"));
        QVERIFY(messageLabel);
        if (!message.isEmpty()) {
            QVERIFY(w->rules().isEmpty());
            QVERIFY2(messageLabel->text().contains(message), qPrintable(messageLabel->text()));
            QVERIFY(messageLabel->isVisible());
            QVERIFY(!w->currentPage()->isComplete());
            if (w->kind() == RuleWizard::RecommendedPolicy) {
                QVERIFY(!w->button(QWizard::NextButton)->isEnabled());
            } else {
                QVERIFY(!finishEnabled(w.get()));
            }
            return;
        }
        QVERIFY2(messageLabel->text().isEmpty(), qPrintable(messageLabel->text()));
        QCOMPARE(w->rules(), expected);
        if (w->kind() == RuleWizard::RecommendedPolicy) {
            // Previewed before it is used; replace is the default, add is offered.
            QVERIFY(w->button(QWizard::NextButton)->isEnabled());
            w->next();
            QCOMPARE(w->currentPage(), static_cast<QWizardPage *>(w->previewPage()));
            QVERIFY(w->previewPage()->previewText().startsWith(QStringLiteral(
                "-A DOCKER-USER -i eth0 -m conntrack --ctstate RELATED,ESTABLISHED")));
            QCOMPARE(w->previewPage()->previewText().count(QLatin1Char('\n')), expected.size() - 1);
            QVERIFY(w->replaceTable());
            QTest::mouseClick(w->previewPage()->addButton(), Qt::LeftButton, {},
                              QPoint(6, w->previewPage()->addButton()->height() / 2));
            QVERIFY(!w->replaceTable());
        }
        QVERIFY(finishEnabled(w.get()));
        auto *preview = w->findChild<QLabel *>(QStringLiteral("rulePreview"));
        QVERIFY(preview->text().contains(QStringLiteral("-A DOCKER-USER ") + expected.first()));
        QTest::mouseClick(w->button(QWizard::FinishButton), Qt::LeftButton);
        QCOMPARE(w->result(), int(QDialog::Accepted));
    }

    void ipv6_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QStringList>("steps");
        QTest::addColumn<QStringList>("expected");
        QTest::addColumn<QString>("message");
        const QString ctdir = QStringLiteral("-m conntrack --ctdir ORIGINAL -j DROP");

        QTest::newRow("one address")
            << int(RuleWizard::OnlyIp) << QStringList{"interface=eth0", "address=2001:DB8::1"}
            << QStringList{"! -s 2001:db8::1/128 -i eth0 " + ctdir} << QString();
        QTest::newRow("one address, IPv4 given")
            << int(RuleWizard::OnlyIp) << QStringList{"interface=eth0", "address=192.168.1.1"}
            << QStringList() << QStringLiteral("192.168.1.1 is an IPv4 address");
        QTest::newRow("prefix") << int(RuleWizard::OnlySubnet)
                                << QStringList{"interface=eth0", "subnet=2001:db8:1::/64"}
                                << QStringList{"! -s 2001:db8:1::/64 -i eth0 " + ctdir}
                                << QString();
        QTest::newRow("prefix, host bits cleared")
            << int(RuleWizard::OnlySubnet) << QStringList{"interface=eth0", "subnet=fd00::5/8"}
            << QStringList{"! -s fd00::/8 -i eth0 " + ctdir} << QString();
        QTest::newRow("prefix too long")
            << int(RuleWizard::OnlySubnet) << QStringList{"interface=eth0", "subnet=fd00::/200"}
            << QStringList() << QStringLiteral("200");
        QTest::newRow("range with destination")
            << int(RuleWizard::OnlyRange)
            << QStringList{"interface=eth0", "sourceRange=2001:db8::1-2001:db8::3",
                           "useDestination=on", "destinationRange=fd00::2-fd00::9"}
            << QStringList{"-i eth0 -m iprange ! --src-range 2001:db8::1-2001:db8::3 "
                           "--dst-range fd00::2-fd00::9 " +
                           ctdir}
            << QString();
        QTest::newRow("range, IPv4 destination")
            << int(RuleWizard::OnlyRange)
            << QStringList{"interface=eth0", "sourceRange=2001:db8::1-2001:db8::3",
                           "useDestination=on", "destinationRange=10.0.0.1-10.0.0.2"}
            << QStringList() << QStringLiteral("is an IPv4 range");
        QTest::newRow("published port from a prefix")
            << int(RuleWizard::PublishedPort)
            << QStringList{"port=8080 (tcp", "source=2001:db8::/32"}
            << QStringList{"-s 2001:db8::/32 -p tcp -m conntrack --ctorigdstport 8080 --ctdir "
                           "ORIGINAL -j RETURN",
                           "-p tcp -m conntrack --ctorigdstport 8080 --ctdir ORIGINAL -j DROP"}
            << QString();
        QTest::newRow("published port, IPv4 source")
            << int(RuleWizard::PublishedPort) << QStringList{"port=8080 (tcp", "source=10.0.0.0/8"}
            << QStringList() << QStringLiteral("is an IPv4 network");
        QTest::newRow("source and destination")
            << int(RuleWizard::SourceDestination)
            << QStringList{"source/kind=Range", "source/value=2001:db8::1-2001:db8::9",
                           "destination/kind=Address", "destination/value=fd49:efd7:54aa::1"}
            << QStringList{"-d fd49:efd7:54aa::1/128 -m iprange --src-range "
                           "2001:db8::1-2001:db8::9 -j DROP"}
            << QString();
        QTest::newRow("source and destination, IPv4 subnet")
            << int(RuleWizard::SourceDestination)
            << QStringList{"source/kind=Subnet", "source/value=192.168.0.0/16"} << QStringList()
            << QStringLiteral("is an IPv4 network");
        QTest::newRow("recommended policy")
            << int(RuleWizard::RecommendedPolicy)
            << QStringList{"interface=eth0", "subnets=2001:db8:1::/48"}
            << QStringList{"-i eth0 -m conntrack --ctstate RELATED,ESTABLISHED -j RETURN",
                           "-i eth0 -p tcp -m conntrack --ctorigdstport 80 --ctdir ORIGINAL -j "
                           "RETURN",
                           "-i eth0 -p tcp -m conntrack --ctorigdstport 443 --ctdir ORIGINAL -j "
                           "RETURN",
                           "-s 2001:db8:1::/48 -i eth0 -p tcp -m conntrack --ctorigdstport 8080 "
                           "--ctdir ORIGINAL -j RETURN",
                           "-i eth0 -j DROP",
                           "-j RETURN"}
            << QString();
        QTest::newRow("recommended policy, IPv4 subnet")
            << int(RuleWizard::RecommendedPolicy)
            << QStringList{"interface=eth0", "subnets=192.0.2.0/24"} << QStringList()
            << QStringLiteral("is an IPv4 network");
    }

    void ipv6()
    {
        QFETCH(int, kind);
        QFETCH(QStringList, steps);
        QFETCH(QStringList, expected);
        QFETCH(QString, message);
        std::unique_ptr<RuleWizard> w(RuleWizard::create(RuleWizard::Kind(kind), context6(), 0));
        w->show();
        QVERIFY(QTest::qWaitForWindowExposed(w.get()));
        // Examples are the family's own.
        for (QLineEdit *edit : w->currentPage()->findChildren<QLineEdit *>()) {
            QVERIFY2(!edit->placeholderText().contains(QStringLiteral("192.168")),
                     qPrintable(edit->placeholderText()));
        }
        for (const QString &step : std::as_const(steps)) {
            drive(w->currentPage(), step);
        }
        auto *messageLabel = w->currentPage()->findChild<QLabel *>(QStringLiteral("ruleMessage"));
        if (!message.isEmpty()) {
            QVERIFY2(messageLabel->text().contains(message), qPrintable(messageLabel->text()));
            QVERIFY(w->rules().isEmpty());
            QVERIFY(!w->currentPage()->isComplete());
            return;
        }
        QVERIFY2(messageLabel->text().isEmpty(), qPrintable(messageLabel->text()));
        QCOMPARE(w->rules(), expected);
        QVERIFY(w->findChild<QGroupBox *>()->title().contains(QStringLiteral("IPv6")));
    }

    void keepRepliesOption_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("family");
        QTest::addColumn<QStringList>("steps");
        QTest::addColumn<QString>("docker"); // Docker's example, as iptables-save prints it
        QTest::addColumn<QString>("allowed");
        QTest::newRow("one IP") << int(RuleWizard::OnlyIp) << 4
                                << QStringList{"interface=eth0", "address=192.168.1.1"}
                                << QStringLiteral("! -s 192.168.1.1/32 -i eth0 -j DROP")
                                << QStringLiteral("192.168.1.1");
        QTest::newRow("subnet") << int(RuleWizard::OnlySubnet) << 4
                                << QStringList{"interface=eth0", "subnet=192.168.1.0/24"}
                                << QStringLiteral("! -s 192.168.1.0/24 -i eth0 -j DROP")
                                << QStringLiteral("192.168.1.0/24");
        QTest::newRow("range")
            << int(RuleWizard::OnlyRange) << 4
            << QStringList{"interface=eth0", "sourceRange=192.168.1.1-192.168.1.3"}
            << QStringLiteral("-i eth0 -m iprange ! --src-range 192.168.1.1-192.168.1.3 -j DROP")
            << QStringLiteral("192.168.1.1-192.168.1.3");
        QTest::newRow("range to the published container")
            << int(RuleWizard::OnlyRange) << 4
            << QStringList{"interface=eth0", "sourceRange=192.168.1.1-192.168.1.3",
                           "useDestination=on", "destinationRange=172.17.0.2-172.17.0.9"}
            << QStringLiteral("-i eth0 -m iprange ! --src-range 192.168.1.1-192.168.1.3 "
                              "--dst-range 172.17.0.2-172.17.0.9 -j DROP")
            << QStringLiteral("192.168.1.1-192.168.1.3");
        QTest::newRow("IPv6 prefix") << int(RuleWizard::OnlySubnet) << 6
                                     << QStringList{"interface=eth0", "subnet=2001:db8::/32"}
                                     << QStringLiteral("! -s 2001:db8::/32 -i eth0 -j DROP")
                                     << QStringLiteral("2001:db8::/32");
    }

    // Ticked by default, the rule drops only what starts outside and the linter agrees; Alt+K
    // unticks it for Docker's exact example, whose effect names the replies it drops too.
    void keepRepliesOption()
    {
        QFETCH(int, kind);
        QFETCH(int, family);
        QFETCH(QStringList, steps);
        QFETCH(QString, docker);
        QFETCH(QString, allowed);
        std::unique_ptr<RuleWizard> w(
            RuleWizard::create(RuleWizard::Kind(kind), family == 6 ? context6() : context(), 0));
        w->show();
        QApplication::setActiveWindow(w.get());
        QVERIFY(QTest::qWaitForWindowActive(w.get()));
        auto *page = qobject_cast<RuleWizardPage *>(w->currentPage());
        QVERIFY(page);
        auto *keep = page->findChild<QCheckBox *>(QStringLiteral("keepReplies"));
        QVERIFY(keep);
        QVERIFY(keep->isVisible());
        QVERIFY(keep->isChecked());
        QVERIFY(keep->focusPolicy() & Qt::TabFocus);
        QVERIFY(!keep->accessibleDescription().isEmpty());
        auto *note = page->findChild<QLabel *>(QStringLiteral("keepRepliesNote"));
        QVERIFY(note && note->isVisible());
        QCOMPARE(note->text(), keep->accessibleDescription());
        for (const QString &step : std::as_const(steps)) {
            drive(page, step);
        }

        const QString kept = QString(docker).replace(
            QStringLiteral(" -j DROP"), QStringLiteral(" -m conntrack --ctdir ORIGINAL -j DROP"));
        QCOMPARE(w->rules(), QStringList{kept});
        QVERIFY2(page->effect().endsWith(QStringLiteral(
                     "Replies to connections your containers open pass, from any address.")),
                 qPrintable(page->effect()));
        const auto lintOfKept = dropsReplies(family, kept);
        QVERIFY2(!lintOfKept, qPrintable(lintOfKept ? lintOfKept->reason : QString()));

        QTest::keyClick(w.get(), Qt::Key_K, Qt::AltModifier);
        QTRY_VERIFY(!keep->isChecked());
        QCOMPARE(w->rules(), QStringList{docker});
        QVERIFY2(page->effect().endsWith(
                     QStringLiteral("Replies to connections your containers open are dropped "
                                    "too, unless they come from %1.")
                         .arg(allowed)),
                 qPrintable(page->effect()));
        QVERIFY(w->findChild<QLabel *>(QStringLiteral("rulePreview"))
                    ->text()
                    .contains(QStringLiteral("-A DOCKER-USER ") + docker));
        QVERIFY(w->button(QWizard::FinishButton)->isEnabled());
        // The linter flags Docker's example, and its fix is what the wizard writes by default.
        const auto lintOfDocker = dropsReplies(family, docker);
        QVERIFY(lintOfDocker);
        QCOMPARE(lintOfDocker->fix, QStringList{kept});

        keep->setFocus(Qt::TabFocusReason);
        QTest::keyClick(keep, Qt::Key_Space);
        QVERIFY(keep->isChecked());
        QCOMPARE(w->rules(), QStringList{kept});
    }

    void alsoOtherFamily_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QStringList>("steps");
        QTest::addColumn<bool>("possible");
        QTest::newRow("published port, anyone")
            << int(RuleWizard::PublishedPort) << QStringList{"port=9000"} << true;
        QTest::newRow("published port, one subnet")
            << int(RuleWizard::PublishedPort) << QStringList{"port=9000", "source=10.0.0.0/8"}
            << false;
        QTest::newRow("policy without restricted port")
            << int(RuleWizard::RecommendedPolicy)
            << QStringList{"interface=eth0", "restrictedPort="} << true;
        QTest::newRow("policy with subnets")
            << int(RuleWizard::RecommendedPolicy)
            << QStringList{"interface=eth0", "subnets=192.0.2.0/24"} << false;
        QTest::newRow("one address")
            << int(RuleWizard::OnlyIp) << QStringList{"interface=eth0", "address=192.168.1.1"}
            << false;
    }

    void alsoOtherFamily()
    {
        QFETCH(int, kind);
        QFETCH(QStringList, steps);
        QFETCH(bool, possible);
        WizardContext c = context();
        c.otherFamilyAvailable = true;
        std::unique_ptr<RuleWizard> w(RuleWizard::create(RuleWizard::Kind(kind), c, 0));
        w->show();
        QVERIFY(QTest::qWaitForWindowExposed(w.get()));
        for (const QString &step : std::as_const(steps)) {
            drive(w->currentPage(), step);
        }
        QVERIFY(!w->rules().isEmpty());
        auto *also = w->currentPage()->findChild<QCheckBox *>(QStringLiteral("alsoOtherFamily"));
        QVERIFY(also->isVisible());
        QCOMPARE(also->isEnabled(), possible);
        QVERIFY(also->text().contains(QStringLiteral("IPv6 (ip6tables)")));
        QVERIFY(w->otherFamilyRules().isEmpty()); // not ticked yet
        also->setChecked(true);
        QCOMPARE(w->otherFamilyRules(), possible ? w->rules() : QStringList());

        // Without an editable IPv6 table, nothing is offered.
        std::unique_ptr<RuleWizard> plain(RuleWizard::create(RuleWizard::Kind(kind), context(), 0));
        plain->show();
        QVERIFY(!plain->currentPage()
                     ->findChild<QCheckBox *>(QStringLiteral("alsoOtherFamily"))
                     ->isVisible());
    }
    void rawEditorNamesTheFamily()
    {
        RawRuleDialog dialog(Userchain::Family::IPv6);
        dialog.show();
        auto *edit = dialog.findChild<QLineEdit *>(QStringLiteral("specEdit"));
        QCOMPARE(dialog.findChild<QLabel *>(QStringLiteral("chainLabel"))->text(),
                 QStringLiteral("ip6tables -A DOCKER-USER"));
        QTest::keyClicks(edit, QStringLiteral("-s 10.0.0.1 -j DROP"));
        QVERIFY(!dialog.isValid());
        QVERIFY2(dialog.message().contains(QStringLiteral("10.0.0.1 is an IPv4 address")),
                 qPrintable(dialog.message()));
        edit->clear();
        QTest::keyClicks(edit, QStringLiteral("-s 2001:db8::1 -p ipv6-icmp -j ACCEPT"));
        QVERIFY2(dialog.isValid(), qPrintable(dialog.message()));
        QCOMPARE(dialog.spec(), QStringLiteral("-s 2001:db8::1/128 -p ipv6-icmp -j ACCEPT"));
        QVERIFY(dialog.otherFamilySpec().isEmpty()); // not offered here
    }

    void rawEditorValidatesAsYouType()
    {
        RawRuleDialog dialog(Userchain::Family::IPv4);
        dialog.show();
        auto *edit = dialog.findChild<QLineEdit *>(QStringLiteral("specEdit"));
        auto *ok = dialog.findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"))
                       ->button(QDialogButtonBox::Ok);
        QTest::keyClicks(edit, QStringLiteral("-p tcp --dprot 80 -j DROP"));
        QVERIFY(!dialog.isValid());
        QVERIFY(!ok->isEnabled());
        QVERIFY2(dialog.message().contains(QStringLiteral("--dprot")),
                 qPrintable(dialog.message()));
        edit->clear();
        QTest::keyClicks(edit, QStringLiteral("-i eth0 ! -s 192.168.1.1 -j DROP"));
        QVERIFY(dialog.isValid());
        QVERIFY(ok->isEnabled());
        QCOMPARE(dialog.spec(), QStringLiteral("! -s 192.168.1.1/32 -i eth0 -j DROP"));
    }
};

QTEST_MAIN(TestWizards)
#include "tst_wizards.moc"

#include "packettestdialog.h"

#include "chainlistmodel.h"
#include "chainview.h"
#include "editsession.h"
#include "familypage.h"
#include "familytext.h"
#include "mainwindow.h"
#include "packettracer.h"
#include "ruleactions.h"
#include "ruleset.h"
#include "ruletablemodel.h"
#include "themecolors.h"
#include "tracepathview.h"
#include "workspace.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QUndoStack>
#include <QVBoxLayout>

using Userchain::Family;

namespace {
int slot(Family family)
{
    return family == Family::IPv6 ? 1 : 0;
}

QString protocolName(int protocol)
{
    return protocol == 17 ? QStringLiteral("udp") : QStringLiteral("tcp");
}

/// The names rules give in `-i`, wildcards left out: the interfaces packets are tested on.
QStringList interfacesNamed(const Userchain::Snapshot &snapshot)
{
    QStringList dockerUser, others;
    for (const Userchain::ChainInfo &chain : snapshot.chains) {
        QStringList &into = chain.name == QLatin1String("DOCKER-USER") ? dockerUser : others;
        for (const Userchain::RuleEntry &rule : chain.rules) {
            const QStringList tokens = rule.spec.split(QLatin1Char(' '), Qt::SkipEmptyParts);
            for (int i = 0; i + 1 < tokens.size(); ++i) {
                const QString &name = tokens.at(i + 1);
                if (tokens.at(i) == QLatin1String("-i") && !name.endsWith(QLatin1Char('+')) &&
                    !into.contains(name)) {
                    into << name;
                }
            }
        }
    }
    return dockerUser + others;
}
} // namespace

PacketTestDialog::PacketTestDialog(MainWindow *window)
    : QDialog(window), m_window(window), m_workspace(window->workspace())
{
    setObjectName(QStringLiteral("packetTestDialog"));
    setWindowTitle(tr("Test a packet"));
    for (Family f : Workspace::families()) {
        m_chainViews[slot(f)] = window->page(f)->chainView();
    }
    // Made first: the form comes first in the tab order, before the picture.
    QWidget *form = makeForm();
    auto *intro = new QLabel(
        tr("Follows one packet through the rules as the table shows them now, your edits not yet "
           "applied included, and marks the rules it matches in the window's tables."),
        this);
    intro->setWordWrap(true);
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("problem"));
    m_problem->setWordWrap(true);
    m_problem->setAccessibleName(tr("Problem with the packet"));
    m_problem->hide();
    m_verdict = new QLabel(this);
    m_verdict->setObjectName(QStringLiteral("verdictSummary"));
    m_verdict->setWordWrap(true);
    m_verdict->setMargin(6);
    m_verdict->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_verdict->setAccessibleName(tr("Verdict"));
    QFont bold = m_verdict->font();
    bold.setBold(true);
    m_verdict->setFont(bold);
    m_view = new TracePathView;
    m_scroll = new QScrollArea(this);
    m_scroll->setObjectName(QStringLiteral("pathScroll"));
    m_scroll->setWidgetResizable(true);
    m_scroll->setWidget(m_view);
    m_scroll->setFocusPolicy(Qt::NoFocus); // the picture itself takes the keyboard
    m_notes = new QLabel(this);
    m_notes->setObjectName(QStringLiteral("notes"));
    m_notes->setWordWrap(true);
    m_notes->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_notes->setAccessibleName(tr("Notes on the answer"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(form);
    layout->addWidget(m_problem);
    layout->addWidget(m_verdict);
    layout->addWidget(m_scroll, 1);
    layout->addWidget(m_notes);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    connect(m_view, &TracePathView::ruleActivated, this, &PacketTestDialog::showRule);

    m_retrace.setSingleShot(true);
    m_retrace.setInterval(0); // several changes in one turn (a rebase, a reload) test once
    connect(&m_retrace, &QTimer::timeout, this, &PacketTestDialog::retrace);
    for (Family f : Workspace::families()) {
        EditSession *session = m_workspace->session(f);
        auto follow = [this, f] {
            if (f == family()) {
                forgetRuleset();
                scheduleRetrace();
            }
        };
        // A new snapshot, or Docker's chains changed while DOCKER-USER stayed (other published
        // ports, another path).
        const auto reread = [this, f, follow] {
            if (f == family()) {
                forgetRuleset();
                fillChoices();
            }
            follow();
        };
        connect(session, &EditSession::snapshotChanged, this, reread);
        connect(session, &EditSession::dockerStateChanged, this, reread);
        // Counters change no answer, but the chains shown are filled again: mark them again.
        connect(session, &EditSession::countersChanged, this, [this, f] {
            if (f == family()) {
                scheduleRetrace();
            }
        });
        connect(session->undoStack(), &QUndoStack::indexChanged, this, follow);
    }
    setFamily(m_workspace->currentFamily());
    resize(660, 700);
    restyle();
}

PacketTestDialog::~PacketTestDialog()
{
    // QWidget deletes the children after this body, when the members are gone, and some of
    // them still talk while they die: an editable combo box losing the focus says "activated".
    const QList<QObject *> children = findChildren<QObject *>();
    for (QObject *child : children) {
        child->disconnect(this);
    }
}

QWidget *PacketTestDialog::makeForm()
{
    auto *form = new QWidget(this);
    auto *grid = new QGridLayout(form);
    grid->setContentsMargins(0, 0, 0, 0);
    m_family = new QComboBox(form);
    m_family->setObjectName(QStringLiteral("family"));
    for (Family f : Workspace::families()) {
        m_family->addItem(FamilyText::label(f), int(f));
    }
    m_state = new QComboBox(form);
    m_state->setObjectName(QStringLiteral("state"));
    m_state->addItem(tr("new connection (its first packet)"), false);
    m_state->addItem(tr("established connection (a later packet)"), true);
    m_source = new QLineEdit(form);
    m_source->setObjectName(QStringLiteral("source"));
    m_interface = new QComboBox(form);
    m_interface->setObjectName(QStringLiteral("interface"));
    m_interface->setEditable(true);
    m_interface->setInsertPolicy(QComboBox::NoInsert);
    m_interface->lineEdit()->setPlaceholderText(FamilyText::example(QStringLiteral("eth0")));
    m_protocol = new QComboBox(form);
    m_protocol->setObjectName(QStringLiteral("protocol"));
    m_protocol->addItem(QStringLiteral("tcp"), QStringLiteral("tcp"));
    m_protocol->addItem(QStringLiteral("udp"), QStringLiteral("udp"));
    m_protocol->addItem(tr("icmp (ping)"), QStringLiteral("icmp"));
    m_port = new QComboBox(form);
    m_port->setObjectName(QStringLiteral("port"));
    m_port->setEditable(true);
    m_port->setInsertPolicy(QComboBox::NoInsert);
    m_port->lineEdit()->setPlaceholderText(tr("a published port, or a number"));
    m_destination = new QLineEdit(form);
    m_destination->setObjectName(QStringLiteral("destination"));
    m_destination->setPlaceholderText(tr("optional; empty: an address of this host"));

    struct Field
    {
        QString label;
        QWidget *field;
        QString tip;
    };
    const QList<Field> fields = {
        {tr("&Family:"), m_family, tr("IPv4 follows the iptables rules, IPv6 the ip6tables ones")},
        {tr("S&tate:"), m_state,
         tr("A new connection passes Docker's DNAT and most rules; a later packet of an "
            "established one is let through by the RELATED,ESTABLISHED rules")},
        {tr("&Source address:"), m_source, tr("Where the packet comes from: one address")},
        {tr("Arriving on &interface:"), m_interface,
         tr("The interface the packet arrives on; the list holds this host's and those the rules "
            "name")},
        {tr("&Protocol:"), m_protocol, QString()},
        {tr("Destination p&ort:"), m_port,
         tr("The port the client connects to: one Docker publishes, or any number")},
        {tr("&Destination address:"), m_destination,
         tr("Optional: the address the client connects to; empty means an address of this "
            "host, as for a published port")}};
    for (int i = 0; i < fields.size(); ++i) {
        const Field &f = fields.at(i);
        auto *label = new QLabel(f.label, form);
        label->setBuddy(f.field);
        f.field->setToolTip(f.tip);
        f.field->setAccessibleDescription(f.tip);
        const int row = i / 2;
        const int column = (i % 2) * 2;
        grid->addWidget(label, row, column);
        // The destination address, alone on its row, may take the whole width.
        grid->addWidget(f.field, row, column + 1, 1, i == fields.size() - 1 ? 3 : 1);
    }
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(3, 1);

    connect(m_family, &QComboBox::currentIndexChanged, this, [this] {
        forgetRuleset();
        const Family f = family();
        // The other family's defaults and marks do not fit this one.
        if (m_source->text() == PacketInput::defaultSource(FamilyText::other(f))) {
            m_source->setText(PacketInput::defaultSource(f));
        }
        if (!m_autoDestination.isEmpty() && m_destination->text() == m_autoDestination) {
            m_destination->clear();
        }
        m_autoDestination.clear();
        fillChoices();
        scheduleRetrace();
    });
    connect(m_port, &QComboBox::activated, this, &PacketTestDialog::onPortChosen);
    connect(m_protocol, &QComboBox::currentIndexChanged, this, [this] {
        m_port->setEnabled(m_protocol->currentData().toString() != QLatin1String("icmp"));
        scheduleRetrace();
    });
    for (QComboBox *combo : {m_family, m_state, m_protocol, m_interface, m_port}) {
        connect(combo, &QComboBox::activated, this, &PacketTestDialog::touched);
    }
    for (QLineEdit *edit : {m_source, m_destination, m_interface->lineEdit(), m_port->lineEdit()}) {
        connect(edit, &QLineEdit::textEdited, this, &PacketTestDialog::touched);
        connect(edit, &QLineEdit::textChanged, this, &PacketTestDialog::scheduleRetrace);
    }
    connect(m_state, &QComboBox::currentIndexChanged, this, &PacketTestDialog::scheduleRetrace);
    return form;
}

PacketTestDialog *PacketTestDialog::showFor(MainWindow *window)
{
    auto *dialog = window->findChild<PacketTestDialog *>(QString(), Qt::FindDirectChildrenOnly);
    if (!dialog) {
        dialog = new PacketTestDialog(window);
    } else if (!dialog->isVisible()) {
        dialog->setFamily(window->workspace()->currentFamily());
    }
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
    return dialog;
}

Family PacketTestDialog::family() const
{
    return FamilyText::fromInt(m_family->currentData().toInt());
}

void PacketTestDialog::setFamily(Family family)
{
    const int index = m_family->findData(int(family));
    if (m_source->text().isEmpty()) {
        m_source->setText(PacketInput::defaultSource(family));
    }
    if (index == m_family->currentIndex()) {
        fillChoices();
        scheduleRetrace();
    } else {
        m_family->setCurrentIndex(index); // currentIndexChanged does the rest
    }
}

PacketInput PacketTestDialog::input() const
{
    PacketInput in;
    in.family = family();
    in.source = m_source->text();
    in.inInterface = m_interface->currentText();
    in.protocol = m_protocol->currentData().toString();
    in.port = m_port->currentText().trimmed();
    // A published port reads "8080/tcp to 172.17.0.2 port 80": its data holds the number.
    const int offered = m_port->findText(in.port);
    if (offered >= 0) {
        in.port = m_port->itemData(offered).toStringList().value(0);
    }
    in.destination = m_destination->text();
    in.established = m_state->currentData().toBool();
    return in;
}

void PacketTestDialog::fillChoices()
{
    if (!m_workspace) {
        return;
    }
    const Family f = family();
    const EditSession *session = m_workspace->session(f);
    const Userchain::Snapshot snapshot = session->editedSnapshot();
    const Userchain::Ruleset &ruleset = this->ruleset();

    const QSignalBlocker quietPort(m_port);
    const QString port = m_port->currentText();
    // Until the user changes something, the fields hold the defaults of the family shown.
    const bool defaults = !m_touched;
    m_port->clear();
    for (const Userchain::PublishedPort &p : ruleset.publishedPorts()) {
        if (p.protocol != 6 && p.protocol != 17) {
            continue;
        }
        QString text = tr("%1/%2 to %3 port %4")
                           .arg(p.hostPorts.first)
                           .arg(protocolName(p.protocol), p.containerAddress.toString(f))
                           .arg(p.containerPort);
        const QString bound = p.hostAddress ? p.hostAddress->toString(f) : QString();
        if (!bound.isEmpty()) {
            text += tr(", only on %1").arg(bound);
        }
        m_port->addItem(
            text, QStringList{QString::number(p.hostPorts.first), protocolName(p.protocol), bound});
    }
    if (defaults && m_port->count() > 0) {
        m_port->setCurrentIndex(0); // the first published port makes a useful first test
        onPortChosen(0);
    } else {
        m_port->setCurrentIndex(-1);
        m_port->setEditText(port);
    }

    const QSignalBlocker quietInterface(m_interface);
    const QString current = m_interface->currentText();
    QStringList names = m_window->ruleActions()->wizardContext().interfaces;
    for (const QString &name : interfacesNamed(snapshot)) {
        if (!names.contains(name)) {
            names << name;
        }
    }
    m_interface->clear();
    m_interface->addItems(names);
    m_interface->setCurrentIndex(-1);
    m_interface->setEditText(defaults || current.isEmpty() ? names.value(0, QStringLiteral("eth0"))
                                                           : current);
}

const Userchain::Ruleset &PacketTestDialog::ruleset()
{
    if (!m_ruleset) {
        ++m_rulesetBuilds;
        m_ruleset =
            Userchain::Ruleset::fromSnapshot(m_workspace->session(family())->editedSnapshot());
    }
    return *m_ruleset;
}

void PacketTestDialog::onPortChosen(int index)
{
    const QStringList data = m_port->itemData(index).toStringList();
    if (data.size() < 3) {
        return;
    }
    // A published port comes with its protocol, and with its address when bound to one.
    m_protocol->setCurrentIndex(m_protocol->findData(data.at(1)));
    if (m_destination->text().isEmpty() || m_destination->text() == m_autoDestination) {
        m_destination->setText(data.at(2));
        m_autoDestination = data.at(2);
    }
    scheduleRetrace();
}

void PacketTestDialog::touched()
{
    m_touched = true;
}

void PacketTestDialog::scheduleRetrace()
{
    if (isVisible()) {
        m_retrace.start();
    }
}

QString PacketTestDialog::problem() const
{
    return m_problem->isHidden() ? QString() : m_problem->text();
}

void PacketTestDialog::showProblem(const QString &text, bool error)
{
    m_problem->setText(text);
    m_problem->setVisible(!text.isEmpty());
    m_problemIsError = error;
    restyle();
}

void PacketTestDialog::retrace()
{
    m_retrace.stop();
    if (!m_workspace) {
        return;
    }
    const Family f = family();
    const EditSession *session = m_workspace->session(f);
    m_path = TracePath();
    if (!session->hasSnapshot() || session->latestSnapshot().chains.isEmpty()) {
        showProblem(
            tr("There are no %1 chains to follow: the %1 tab says why.").arg(FamilyText::name(f)),
            false);
        showAnswer();
        return;
    }
    QString error;
    const auto packet = input().toPacket(&error);
    if (!packet) {
        // Before the user has changed anything, a missing value is a hint, not an error.
        showProblem(error, m_touched);
        showAnswer();
        return;
    }
    showProblem(QString(), false);
    const Userchain::Trace trace = Userchain::PacketTracer::trace(ruleset(), *packet);
    m_path = TracePath::build(trace, ruleset(), *packet);
    showAnswer();
}

void PacketTestDialog::showAnswer()
{
    QSet<QPair<QString, QString>> linkable;
    const ChainListModel *chains = m_window->page(family())->chainModel();
    for (const TracePath::Box &box : m_path.boxes()) {
        if (chains->chainIndex(box.table, box.chain).isValid()) {
            linkable.insert({box.table, box.chain});
        }
    }
    m_view->setPath(m_path, linkable);
    m_verdict->setText(m_path.verdictText());
    m_verdict->setVisible(!m_path.isEmpty());
    m_scroll->setVisible(!m_path.isEmpty());
    QStringList notes;
    for (const QString &note : m_path.notes()) {
        notes << QStringLiteral("• ") + note;
    }
    m_notes->setText(notes.join(QLatin1Char('\n')));
    m_notes->setVisible(!notes.isEmpty());
    mark(m_path.tracedRules());
    restyle();
}

void PacketTestDialog::mark(const TracedRules &rules)
{
    if (!m_workspace) {
        return;
    }
    const QPair<QString, QString> dockerUser{QStringLiteral("filter"),
                                             QStringLiteral("DOCKER-USER")};
    for (Family f : Workspace::families()) {
        const TracedRules mine = f == family() ? rules : TracedRules();
        QSet<int> rows;
        for (int rule : mine.value(dockerUser)) {
            rows.insert(rule - 1);
        }
        m_workspace->session(f)->model()->setTracedRows(rows);
        if (ChainView *view = m_chainViews.at(slot(f))) {
            view->setTracedRules(mine);
        }
    }
}

void PacketTestDialog::showRule(const QString &table, const QString &chain, int rule)
{
    m_window->showRule(family(), table, chain, rule);
}

void PacketTestDialog::restyle()
{
    const QPalette &pal = palette();
    m_problem->setStyleSheet(ThemeColors::textStyleSheet(
        m_problemIsError ? ThemeColors::errorText(pal) : ThemeColors::dimText(pal)));
    ThemeColors::Tone tone = ThemeColors::Tone::Warning;
    if (m_path.verdict() == Userchain::VerdictKind::Accept) {
        tone = ThemeColors::Tone::Info;
    } else if (m_path.verdict() != Userchain::VerdictKind::Unknown) {
        tone = ThemeColors::Tone::Error;
    }
    m_verdict->setStyleSheet(ThemeColors::frameStyleSheet(m_verdict->objectName(), tone, pal));
}

void PacketTestDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    retrace();
}

void PacketTestDialog::hideEvent(QHideEvent *event)
{
    QDialog::hideEvent(event);
    m_retrace.stop();
    mark({}); // the marks belong to an open test
}

void PacketTestDialog::changeEvent(QEvent *event)
{
    QDialog::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        restyle();
    }
}

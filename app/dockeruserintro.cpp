#include "dockeruserintro.h"

#include "rowlegend.h"

#include <QGridLayout>
#include <QLabel>
#include <QSettings>
#include <QToolButton>

namespace {
const char *const HiddenKey = "rules/explanationHidden";

bool hasChain(const Userchain::Snapshot &snapshot, const QString &name)
{
    return std::any_of(snapshot.chains.cbegin(), snapshot.chains.cend(),
                       [&name](const Userchain::ChainInfo &c) {
                           return c.table == QLatin1String("filter") && c.name == name;
                       });
}
} // namespace

DockerUserIntro::DockerUserIntro(QWidget *parent)
    : QFrame(parent), m_text(new QLabel(this)), m_toggle(new QToolButton(this)),
      m_legend(new RowLegend(this))
{
    setObjectName(QStringLiteral("dockerUserIntro"));
    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(2, 2, 2, 4);
    layout->setVerticalSpacing(4);
    m_text->setObjectName(QStringLiteral("dockerUserExplanation"));
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::RichText);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_toggle->setObjectName(QStringLiteral("explanationToggle"));
    m_toggle->setCheckable(true);
    m_toggle->setAutoRaise(true);
    layout->addWidget(m_text, 0, 0);
    layout->addWidget(m_legend, 1, 0);
    layout->addWidget(m_toggle, 0, 1, 2, 1, Qt::AlignTop);
    layout->setColumnStretch(0, 1);
    connect(m_toggle, &QToolButton::toggled, this, [this](bool shown) {
        setExplanationShown(shown);
        QSettings().setValue(QLatin1String(HiddenKey), !shown);
    });
    setExplanationShown(!QSettings().value(QLatin1String(HiddenKey), false).toBool());
    setSnapshot({});
}

QString DockerUserIntro::text() const
{
    return m_text->text();
}

bool DockerUserIntro::isExplanationShown() const
{
    return !m_text->isHidden();
}

void DockerUserIntro::setExplanationShown(bool shown)
{
    m_text->setVisible(shown);
    const QSignalBlocker blocker(m_toggle);
    m_toggle->setChecked(shown);
    m_toggle->setText(shown ? tr("Hide explanation") : tr("What is DOCKER-USER?"));
    m_toggle->setToolTip(shown ? tr("Hide the explanation of DOCKER-USER; the legend stays")
                               : tr("Show what DOCKER-USER is and what its targets do"));
}

void DockerUserIntro::setSnapshot(const Userchain::Snapshot &snapshot)
{
    m_text->setText(explanation(snapshot));
}

QString DockerUserIntro::explanation(const Userchain::Snapshot &snapshot)
{
    // Where packets come from depends on the host: the jump's position, and whether Docker's
    // own rules start in DOCKER-FORWARD (Docker 28.0.1 and later) or in FORWARD itself.
    QString from;
    const QString docker = hasChain(snapshot, QStringLiteral("DOCKER-FORWARD"))
                               ? tr("before DOCKER-FORWARD and Docker's other chains")
                               : tr("before Docker's own rules");
    if (snapshot.forwardJumpPosition == 1) {
        from = tr("The first rule of FORWARD jumps here, so every packet the host forwards "
                  "passes these rules %1: traffic from outside to containers' published ports, "
                  "from containers out, and between Docker networks.")
                   .arg(docker);
    } else if (snapshot.forwardJumpPosition > 1) {
        from = tr("Rule %1 of FORWARD jumps here, so the packets the host forwards pass these "
                  "rules after FORWARD's first rules, %2.")
                   .arg(snapshot.forwardJumpPosition)
                   .arg(docker);
    } else {
        from = tr("FORWARD should jump here first, so that every packet the host forwards "
                  "(to and from containers) passes these rules %1.")
                   .arg(docker);
    }
    return tr("<b>DOCKER-USER</b> is the chain Docker leaves to you: Docker never changes the "
              "rules in it.") +
           QLatin1Char(' ') + from + QLatin1Char(' ') +
           tr("A packet is checked rule by rule until one matches: <b>RETURN</b> hands it on to "
              "Docker's rules (published ports open, networks kept apart), <b>DROP</b> discards "
              "it, <b>ACCEPT</b> lets it through at once, past Docker's own checks. A packet no "
              "rule matches goes on to Docker's rules, as with RETURN.");
}

#include "rulewizardpage.h"

#include "crossfamily.h"
#include "familytext.h"
#include "messagetext.h"
#include "reachability.h"
#include "ruleparser.h"
#include "themecolors.h"
#include "wizardexposure.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QRegularExpression>
#include <QStyle>
#include <QVBoxLayout>

RuleWizardPage::RuleWizardPage(const WizardContext &context, QWidget *parent)
    : QWizardPage(parent), m_context(context), m_explanation(new QLabel(this)),
      m_form(new QFormLayout), m_preview(new QLabel(this)), m_effectLabel(new QLabel(this)),
      m_messageLabel(new QLabel(this)), m_positionLabel(new QLabel(this)),
      m_insertAbove(new QRadioButton(this)), m_insertAsPlanned(new QRadioButton(this)),
      m_alsoOther(new QCheckBox(this)), m_alsoNote(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    m_explanation->setWordWrap(true);
    m_explanation->hide();
    layout->addWidget(m_explanation);
    layout->addLayout(m_form);
    auto *box =
        new QGroupBox(tr("Rules to add to %1").arg(FamilyText::label(context.family)), this);
    auto *boxLayout = new QVBoxLayout(box);
    m_preview->setObjectName(QStringLiteral("rulePreview"));
    m_preview->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_preview->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_preview->setWordWrap(true);
    boxLayout->addWidget(m_preview);
    layout->addWidget(box);
    m_preview->setAccessibleName(tr("Rules to add"));
    m_effectLabel->setObjectName(QStringLiteral("ruleEffect"));
    m_effectLabel->setWordWrap(true);
    m_effectLabel->setTextFormat(Qt::RichText); // the exposure lines go under the effect
    m_effectLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_effectLabel->setAccessibleName(tr("What the rules do"));
    m_effectLabel->hide();
    boxLayout->addWidget(m_effectLabel);
    m_messageLabel->setObjectName(QStringLiteral("ruleMessage"));
    m_messageLabel->setWordWrap(true);
    updateMessageColour();
    layout->addWidget(m_messageLabel);
    m_positionLabel->setObjectName(QStringLiteral("positionWarning"));
    m_positionLabel->setWordWrap(true);
    m_positionLabel->setTextFormat(Qt::RichText);
    m_insertAbove->setObjectName(QStringLiteral("insertAbove"));
    m_insertAsPlanned->setObjectName(QStringLiteral("insertAsPlanned"));
    m_insertAbove->setChecked(true);
    for (QWidget *w :
         {static_cast<QWidget *>(m_positionLabel), static_cast<QWidget *>(m_insertAbove),
          static_cast<QWidget *>(m_insertAsPlanned)}) {
        w->hide();
        layout->addWidget(w);
    }
    m_alsoOther->setObjectName(QStringLiteral("alsoOtherFamily"));
    m_alsoOther->setVisible(context.otherFamilyAvailable);
    m_alsoOther->setText(
        tr("Also add to the %1 table").arg(FamilyText::label(FamilyText::other(context.family))));
    m_alsoOther->setAccessibleDescription(
        tr("Adds the same rules to the other address family's DOCKER-USER; only possible for "
           "rules without an address"));
    layout->addWidget(m_alsoOther);
    m_alsoNote->setObjectName(QStringLiteral("alsoOtherFamilyNote"));
    m_alsoNote->setWordWrap(true);
    m_alsoNote->setForegroundRole(QPalette::PlaceholderText);
    m_alsoNote->setText(tr("Only rules without an address (and without ICMP of one family) can "
                           "go to both tables: %1 addresses mean nothing to %2.")
                            .arg(FamilyText::name(context.family),
                                 FamilyText::tool(FamilyText::other(context.family))));
    m_alsoNote->hide();
    layout->addWidget(m_alsoNote);
    layout->addStretch(1);
}

bool RuleWizardPage::alsoOtherFamily() const
{
    return m_context.otherFamilyAvailable && m_alsoOther->isEnabled() && m_alsoOther->isChecked();
}

QStringList RuleWizardPage::otherFamilyRules() const
{
    return alsoOtherFamily() ? m_otherRules : QStringList();
}

QString RuleWizardPage::addressProblem(const QString &text) const
{
    return FamilyText::wrongFamilyProblem(text, m_context.family);
}

bool RuleWizardPage::isComplete() const
{
    return !m_rules.isEmpty();
}

int RuleWizardPage::plannedRow() const
{
    const int count = int(m_context.currentRules.size());
    return m_context.insertionRow < 0 || m_context.insertionRow > count ? count
                                                                        : m_context.insertionRow;
}

int RuleWizardPage::insertionRow() const
{
    return m_shadowingRow >= 0 && m_insertAbove->isChecked() ? m_shadowingRow : plannedRow();
}

void RuleWizardPage::updatePosition(const QVector<Userchain::Rule> &rules)
{
    const int previous = m_shadowingRow;
    m_shadowingRow = -1;
    const int planned = plannedRow();
    if (m_checksPosition && !rules.isEmpty() && planned > 0) {
        // Parsed once per page: a table of thousands of rules costs one pass, not one a key.
        if (!m_currentParsed) {
            m_current.reserve(m_context.currentRules.size());
            for (const QString &spec : std::as_const(m_context.currentRules)) {
                m_current.push_back(Userchain::RuleParser::parse(spec, m_context.family));
            }
            m_currentParsed = true;
        }
        QVector<const Userchain::Rule *> earlier;
        earlier.reserve(planned);
        for (int i = 0; i < planned; ++i) {
            earlier.append(m_current.at(size_t(i)) ? &*m_current.at(size_t(i)) : nullptr);
        }
        m_shadowingRow = Userchain::Reachability::firstShadowing(earlier, rules);
    }
    const bool shadowed = m_shadowingRow >= 0;
    if (shadowed && m_shadowingRow != previous) {
        m_insertAbove->setChecked(true); // a new finding: the working position again
    }
    if (shadowed) {
        const int count = int(rules.size());
        // Without an English translation %n alone would read "1 rules": one text per case.
        const QString text =
            count == 1 ? tr("Rule %1 (<tt>%2</tt>) would catch these packets first: the new rule "
                            "would never run below it.")
                       : tr("Rule %1 (<tt>%2</tt>) would catch packets of the %n new rules "
                            "first: below it they would not do what they say.",
                            nullptr, count);
        m_positionLabel->setText(
            text.arg(m_shadowingRow + 1)
                .arg(m_context.currentRules.at(m_shadowingRow).toHtmlEscaped()));
        m_insertAbove->setText(tr("Insert ab&ove rule %1, where they take effect (recommended)")
                                   .arg(m_shadowingRow + 1));
        m_insertAsPlanned->setText(
            tr("Insert as rule %1 a&nyway (never reached)").arg(planned + 1));
    }
    m_positionLabel->setVisible(shadowed);
    m_insertAbove->setVisible(shadowed);
    m_insertAsPlanned->setVisible(shadowed);
}

void RuleWizardPage::setExplanation(const QString &text)
{
    m_explanation->setText(text);
    m_explanation->setVisible(!text.isEmpty());
}

QString RuleWizardPage::accessibleLabel(const QString &label)
{
    QString name = label;
    name.remove(QRegularExpression(QStringLiteral("&(?!&)")));
    name.replace(QStringLiteral("&&"), QStringLiteral("&"));
    while (name.endsWith(QLatin1Char(':')) || name.endsWith(QLatin1Char(' '))) {
        name.chop(1);
    }
    return name;
}

void RuleWizardPage::addField(const QString &label, QWidget *field, const QString &description)
{
    m_form->addRow(label, field); // the label becomes the field's buddy
    // A label's mnemonic focuses only a buddy that takes focus: a compound field (AddressInput)
    // lends it the control its focus goes to.
    if (field->focusPolicy() == Qt::NoFocus && field->focusProxy()) {
        if (auto *buddy = qobject_cast<QLabel *>(m_form->labelForField(field))) {
            buddy->setBuddy(field->focusProxy());
        }
    }
    field->setAccessibleName(accessibleLabel(label));
    if (!description.isEmpty()) {
        field->setAccessibleDescription(description);
    }
    keepTabOrder(field);
}

void RuleWizardPage::addField(QCheckBox *toggle, QWidget *field, const QString &accessibleName)
{
    m_form->addRow(toggle, field);
    field->setAccessibleName(accessibleName);
    keepTabOrder(field);
}

void RuleWizardPage::keepTabOrder(QWidget *field)
{
    // The base class made "also add" before the subclass made its fields, and a new widget
    // joins the tab chain at its end. A compound field (AddressInput) hands on from its last
    // focusable child.
    QWidget *last = field;
    if (field->focusPolicy() == Qt::NoFocus) {
        const QList<QWidget *> children = field->findChildren<QWidget *>();
        for (QWidget *child : children) {
            if (child->focusPolicy() & Qt::TabFocus) {
                last = child;
            }
        }
    }
    setTabOrder(last, m_alsoOther);
}

void RuleWizardPage::changeEvent(QEvent *event)
{
    QWizardPage::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        updateMessageColour();
    }
}

void RuleWizardPage::updateMessageColour()
{
    // From the page's palette: a dark red on a dark window would be unreadable.
    QPalette p = m_messageLabel->palette();
    p.setColor(QPalette::WindowText, ThemeColors::errorText(palette()));
    m_messageLabel->setPalette(p);
}

void RuleWizardPage::addKeepRepliesOption()
{
    m_keepReplies =
        new QCheckBox(tr("&Keep replies to connections your containers open (recommended)"), this);
    m_keepReplies->setObjectName(QStringLiteral("keepReplies"));
    m_keepReplies->setChecked(true);
    const QString description =
        tr("Adds -m conntrack --ctdir ORIGINAL: only connections from outside are dropped, not "
           "replies.");
    m_keepReplies->setAccessibleDescription(description);
    auto *note = new QLabel(description, this);
    note->setObjectName(QStringLiteral("keepRepliesNote"));
    note->setWordWrap(true);
    // Under the check box's text, not its box: the line belongs to it.
    note->setIndent(style()->pixelMetric(QStyle::PM_IndicatorWidth) +
                    style()->pixelMetric(QStyle::PM_CheckBoxLabelSpacing));
    m_form->addRow(m_keepReplies);
    m_form->addRow(note);
    keepTabOrder(m_keepReplies);
    connect(m_keepReplies, &QCheckBox::toggled, this, &RuleWizardPage::revalidate);
}

QString RuleWizardPage::keepRepliesMatch() const
{
    return m_keepReplies && m_keepReplies->isChecked()
               ? QStringLiteral(" -m conntrack --ctdir ORIGINAL")
               : QString();
}

QString RuleWizardPage::repliesEffect(const QString &allowed) const
{
    if (!m_keepReplies) {
        return QString();
    }
    return m_keepReplies->isChecked()
               ? tr("Replies to connections your containers open pass, from any address.")
               : tr("Replies to connections your containers open are dropped too, unless they "
                    "come from %1.")
                     .arg(allowed);
}

QComboBox *RuleWizardPage::makeInterfaceCombo()
{
    auto *combo = new QComboBox(this);
    combo->setEditable(true);
    combo->addItems(m_context.interfaces);
    combo->lineEdit()->setPlaceholderText(tr("e.g. eth0"));
    connect(combo, &QComboBox::currentTextChanged, this, &RuleWizardPage::revalidate);
    return combo;
}

void RuleWizardPage::revalidate()
{
    // Nothing the user does can happen before the page is shown: the calls made while the
    // page is being built must not show "Enter the address" in red before anything is typed.
    if (isVisible()) {
        m_touched = true;
    }
    QString problem;
    const QStringList drafts = draftRules(&problem);
    QStringList canonical;
    QVector<Userchain::Rule> parsed;
    if (problem.isEmpty()) {
        for (const QString &draft : drafts) {
            Userchain::RuleError error;
            const auto rule = Userchain::RuleParser::parse(draft, m_context.family, &error);
            if (!rule) {
                problem = drafts.size() == 1
                              ? MessageText::sentence(error.message)
                              : tr("Rule %1: %2").arg(canonical.size() + 1).arg(error.message);
                break;
            }
            canonical << rule->toString();
            parsed << *rule;
        }
    }
    if (!problem.isEmpty()) {
        canonical.clear();
        parsed.clear();
    }
    m_rules = canonical;
    m_message = problem;
    m_messageLabel->setText(m_touched ? problem : QString());
    m_messageLabel->setVisible(m_touched && !problem.isEmpty());
    m_effect = m_rules.isEmpty() ? QString() : describeEffect();
    updatePosition(parsed);
    // The evaluator's answer after the wizard's own words: it checks what they claim.
    const QStringList exposure =
        WizardExposure::changes(m_context, m_rules, insertionRow(), &m_exposureBefore);
    QString effect = m_effect.toHtmlEscaped();
    if (!exposure.isEmpty()) {
        effect += QStringLiteral("<br>%1<br>%2")
                      .arg(tr("Who can reach the published ports after Finish:").toHtmlEscaped(),
                           exposure.join(QStringLiteral("\n"))
                               .toHtmlEscaped()
                               .replace(QStringLiteral("\n"), QStringLiteral("<br>")));
    }
    m_effectLabel->setText(effect);
    m_effectLabel->setVisible(!m_effect.isEmpty());
    QStringList lines;
    for (const QString &spec : std::as_const(m_rules)) {
        lines << QStringLiteral("-A DOCKER-USER ") + spec;
    }
    m_preview->setText(lines.isEmpty() ? tr("(none yet)") : lines.join(QLatin1Char('\n')));
    // Only rules without an address mean the same in both families.
    const auto other = CrossFamily::translate(m_rules, m_context.family);
    m_otherRules = other.value_or(QStringList());
    m_alsoOther->setEnabled(other.has_value());
    m_alsoNote->setVisible(m_context.otherFamilyAvailable && !other && !m_rules.isEmpty());
    emit completeChanged();
}

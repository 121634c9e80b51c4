#include "addressinput.h"

#include "familytext.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLineEdit>

AddressInput::AddressInput(QWidget *parent)
    : QWidget(parent), m_kind(new QComboBox(this)), m_not(new QCheckBox(tr("not"), this)),
      m_value(new QLineEdit(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_kind->addItem(tr("Any"), Any);
    m_kind->addItem(tr("Address"), Address);
    m_kind->addItem(tr("Subnet"), Subnet);
    m_kind->addItem(tr("Range"), Range);
    m_not->setToolTip(tr("Match everything except this"));
    m_kind->setObjectName(QStringLiteral("kind"));
    m_not->setObjectName(QStringLiteral("not"));
    m_value->setObjectName(QStringLiteral("value"));
    layout->addWidget(m_kind);
    layout->addWidget(m_not);
    layout->addWidget(m_value, 1);
    // The form's label ("&Source:") is this widget's buddy: its mnemonic lands on the kind.
    setFocusProxy(m_kind);
    setSideName(tr("Address"));
    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        updatePlaceholder();
        emit changed();
    });
    connect(m_not, &QCheckBox::toggled, this, &AddressInput::changed);
    connect(m_value, &QLineEdit::textChanged, this, &AddressInput::changed);
    updatePlaceholder();
}

void AddressInput::setFamily(Userchain::Family family)
{
    m_family = family;
    updatePlaceholder();
}

void AddressInput::setSideName(const QString &side)
{
    setAccessibleName(side);
    m_kind->setAccessibleName(tr("%1: kind").arg(side));
    m_kind->setAccessibleDescription(tr("Any, one address, a subnet or a range"));
    m_not->setAccessibleName(tr("%1: not").arg(side));
    m_not->setAccessibleDescription(tr("Match everything except this"));
    m_value->setAccessibleName(tr("%1: address").arg(side));
}

AddressInput::Kind AddressInput::kind() const
{
    return Kind(m_kind->currentData().toInt());
}

void AddressInput::setKind(Kind kind)
{
    m_kind->setCurrentIndex(m_kind->findData(kind));
}

bool AddressInput::negated() const
{
    return m_not->isChecked();
}

void AddressInput::setNegated(bool negated)
{
    m_not->setChecked(negated);
}

QString AddressInput::text() const
{
    return m_value->text().trimmed();
}

void AddressInput::setText(const QString &text)
{
    m_value->setText(text);
}

void AddressInput::updatePlaceholder()
{
    const Kind k = kind();
    m_value->setEnabled(k != Any);
    m_not->setEnabled(k != Any);
    switch (k) {
    case Any:
        m_value->setPlaceholderText(QString());
        break;
    case Address:
        m_value->setPlaceholderText(FamilyText::example(FamilyText::exampleAddress(m_family)));
        break;
    case Subnet:
        m_value->setPlaceholderText(FamilyText::example(FamilyText::exampleSubnet(m_family)));
        break;
    case Range:
        m_value->setPlaceholderText(FamilyText::example(FamilyText::exampleRange(m_family)));
        break;
    }
}

QString AddressInput::problem(const QString &side) const
{
    const QString t = text();
    if (kind() != Any) {
        if (const QString p = FamilyText::wrongFamilyProblem(t, m_family); !p.isEmpty()) {
            return p;
        }
    }
    switch (kind()) {
    case Any:
        return QString();
    case Address:
        if (t.isEmpty()) {
            return tr("Enter the %1 address.").arg(side);
        }
        if (t.contains(QLatin1Char('/')) || t.contains(QLatin1Char('-'))) {
            return tr("The %1 must be one address; choose Subnet or Range for more.").arg(side);
        }
        return QString();
    case Subnet:
        if (!t.contains(QLatin1Char('/'))) {
            return tr("Enter the %1 subnet with its prefix length, e.g. %2.")
                .arg(side, FamilyText::exampleSubnet(m_family));
        }
        return QString();
    case Range:
        if (t.count(QLatin1Char('-')) != 1 || t.startsWith(QLatin1Char('-')) ||
            t.endsWith(QLatin1Char('-'))) {
            return tr("Enter the %1 range as FIRST-LAST, e.g. %2.")
                .arg(side, FamilyText::exampleRange(m_family));
        }
        return QString();
    }
    return QString();
}

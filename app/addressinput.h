#pragma once

#include "rule.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLineEdit;

/// One side of a rule's addresses: any, one address, a subnet or a range, optionally negated.
class AddressInput final : public QWidget
{
    Q_OBJECT
public:
    enum Kind { Any, Address, Subnet, Range };

    explicit AddressInput(QWidget *parent = nullptr);
    /// The family addresses must belong to; placeholders follow it.
    void setFamily(Userchain::Family family);
    /// Names the three controls for assistive technology: "Source" → "Source: kind", ...
    void setSideName(const QString &side);

    Kind kind() const;
    void setKind(Kind kind);
    bool negated() const;
    void setNegated(bool negated);
    QString text() const;
    void setText(const QString &text);
    QComboBox *kindCombo() const { return m_kind; }
    QLineEdit *valueEdit() const { return m_value; }
    QCheckBox *notCheck() const { return m_not; }

    /// A reason the text does not fit the kind ("192.168.1.0/24" is not one address) or the
    /// family, or empty.
    QString problem(const QString &side) const;

signals:
    void changed();

private:
    void updatePlaceholder();

    QComboBox *m_kind;
    QCheckBox *m_not;
    QLineEdit *m_value;
    Userchain::Family m_family = Userchain::Family::IPv4;
};

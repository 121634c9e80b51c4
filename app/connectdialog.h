#pragma once

#include "bustarget.h"

#include <QDialog>

#include <optional>

class QComboBox;
class QDialogButtonBox;
class QLabel;

/**
 * File → Connect to Host…: asks for `[USER@]HOST[:PORT]`, offers the recent hosts, and checks
 * the text as `--host` does (BusTarget::parse), saying what is wrong while Connect stays off.
 */
class ConnectDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit ConnectDialog(QWidget *parent = nullptr);

    /// The explanation above the host (by default: how Connect to Host works).
    void setIntro(const QString &text);
    void setHostText(const QString &text);
    QString hostText() const;
    /// The host typed, if it is one.
    std::optional<Userchain::BusTarget> target() const;
    /// Why the text is not a host, or empty.
    QString errorText() const;
    QComboBox *hostCombo() const { return m_host; }

private:
    void validate();

    QLabel *m_intro;
    QComboBox *m_host;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
};

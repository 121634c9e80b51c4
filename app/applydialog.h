#pragma once

#include <QDialog>
#include <memory>

class RuleDiff;
namespace Ui {
class ApplyDialog;
}

/// The review before Apply: the diff in iptables syntax and the confirmation setting.
class ApplyDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit ApplyDialog(QWidget *parent = nullptr);
    ~ApplyDialog() override;

    /// `extra`: what else Apply does (create the chain, restore the FORWARD jump), or empty.
    void setDiff(const RuleDiff &diff, const QString &extra);
    bool confirmEnabled() const;
    void setConfirmEnabled(bool enabled);
    uint confirmSeconds() const;
    void setConfirmSeconds(uint seconds);
    QString diffText() const;

private:
    std::unique_ptr<Ui::ApplyDialog> m_ui;
    QString m_diffText;
};

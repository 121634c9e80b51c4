#pragma once

#include "rule.h"
#include "rulediff.h"

#include <QDialog>
#include <memory>

class QLabel;

namespace Ui {
class ApplyDialog;
}

/**
 * The review before Apply: for each family that changes, its diff in iptables syntax (with the
 * kept rules for context, from core's RuleDiff::withContext), and the confirmation setting.
 */
class ApplyDialog final : public QDialog
{
    Q_OBJECT
public:
    /// One family's part of the review.
    struct Review
    {
        Userchain::Family family = Userchain::Family::IPv4;
        QVector<Userchain::RuleDiff::Change> lines; ///< RuleDiff::withContext()
        QString extra; ///< what else Apply does (create the chain, the jump), or empty
        /// What the change does to who can reach the published ports (ExposureSummary::changes),
        /// or one line saying nothing changes; empty when nothing is published.
        QStringList exposure;
    };

    explicit ApplyDialog(QWidget *parent = nullptr);
    ~ApplyDialog() override;

    /**
     * The remote host the rules go to (BusTarget::displayName()), named above the diff, in the
     * title and on the Apply button; without automatic revert the dialog warns that a rule
     * cutting off ssh cannot be undone from here. Empty: this computer.
     */
    void setHost(const QString &host);
    QString host() const { return m_host; }
    /// `note`: how the families are applied one after the other, or empty.
    void setReviews(const QVector<Review> &reviews, const QString &note = QString());
    bool confirmEnabled() const;
    void setConfirmEnabled(bool enabled);
    uint confirmSeconds() const;
    void setConfirmSeconds(uint seconds);
    /// The diff as text, `+ -A DOCKER-USER ...` lines; with several families, each under a
    /// `# IPv4 (iptables)` heading.
    QString diffText() const;
    QString diffText(Userchain::Family family) const;
    /// `+ -A DOCKER-USER ...` lines for `lines` (from RuleDiff::withContext()).
    static QString plainDiff(const QVector<Userchain::RuleDiff::Change> &lines);

private:
    void updateConfirmHint();

    std::unique_ptr<Ui::ApplyDialog> m_ui;
    QVector<Review> m_reviews;
    QString m_host;
    QLabel *m_hostLabel = nullptr;
    QString m_defaultHint;
};

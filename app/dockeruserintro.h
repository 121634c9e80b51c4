#pragma once

#include "dbustypes.h"

#include <QFrame>

class QLabel;
class QToolButton;
class RowLegend;

/**
 * The top of the DOCKER-USER page: what the chain is on the host shown (where packets come
 * from, what RETURN, DROP and ACCEPT do there) and the legend of the table's row styles. The
 * explanation can be hidden (remembered); the legend stays.
 */
class DockerUserIntro final : public QFrame
{
    Q_OBJECT
public:
    explicit DockerUserIntro(QWidget *parent = nullptr);

    /// Words the explanation for this host: the FORWARD jump's position, Docker's layout.
    void setSnapshot(const Userchain::Snapshot &snapshot);
    QString text() const;
    bool isExplanationShown() const;
    void setExplanationShown(bool shown);
    RowLegend *legend() const { return m_legend; }
    QToolButton *toggleButton() const { return m_toggle; }

    /// The explanation as rich text, for `snapshot`'s host.
    static QString explanation(const Userchain::Snapshot &snapshot);

private:
    QLabel *m_text;
    QToolButton *m_toggle;
    RowLegend *m_legend;
};

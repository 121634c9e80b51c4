#pragma once

#include "exposuremodel.h"
#include "rule.h"

#include <QTimer>
#include <QWidget>

class QLabel;
class QTableView;
class Workspace;

/**
 * "Who can reach my containers?": one row per published port, IPv4 and IPv6 side by side,
 * what users get wrong flagged, and for the selected port every part of the answer with the
 * rule that decides it as a link. It follows the tables as they are now, unapplied edits
 * included, so an edit shows its effect before Apply. The evaluation runs on a pool thread
 * (10,000 rules take over half a second) and only while the view is on screen.
 */
class ExposureView final : public QWidget
{
    Q_OBJECT
public:
    explicit ExposureView(Workspace *workspace, QWidget *parent = nullptr);

    ExposureModel *model() const { return m_model; }
    QTableView *tableView() const { return m_view; }
    QLabel *detailsLabel() const { return m_details; }
    /// The tables changed: evaluate again (soon, and only when shown).
    void scheduleUpdate();
    /// True while an evaluation is pending or running.
    bool isUpdating() const { return m_dirty || m_running; }

signals:
    /// A deciding rule was activated: show rule `rule` (1-based; 0: the policy) of `chain`.
    void ruleActivated(Userchain::Family family, const QString &table, const QString &chain,
                       int rule);
    /// A new answer is shown (tests wait for it).
    void updated();

protected:
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void start();
    void finish(quint64 generation, const QVector<ExposureModel::Row> &rows);
    void showDetails();
    void onLink(const QString &link);
    /// "TITLE" and one link per rule with its text; empty for no rules.
    QString ruleList(const QString &title, Userchain::Family family,
                     const QVector<Userchain::DecidingRule> &rules) const;

    Workspace *m_workspace;
    ExposureModel *m_model;
    QLabel *m_title;
    QLabel *m_intro;
    QLabel *m_status;
    QTableView *m_view;
    QLabel *m_details;
    QTimer m_debounce;
    quint64 m_generation = 0;
    bool m_dirty = true;
    bool m_running = false;
};

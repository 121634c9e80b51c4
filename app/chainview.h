#pragma once

#include "dbustypes.h"
#include "tracedrules.h"

#include <QWidget>

class ChainRulesModel;
class QLabel;
class QTableView;

/// The page for one of Docker's chains: what it is, why it is read-only, and its rules.
class ChainView final : public QWidget
{
    Q_OBJECT
public:
    explicit ChainView(QWidget *parent = nullptr);

    /// `ruleNotes`: see ChainRulesModel::setChain(); `host`: the snapshot `chain` is from, whose
    /// layout the description follows (ChainDescriptions::describe()).
    void showChain(const Userchain::ChainInfo &chain, const QSet<QString> &knownChains,
                   const QHash<QString, QString> &ruleNotes = {},
                   const Userchain::Snapshot &host = {});
    QString table() const;
    QString chainName() const;
    QTableView *tableView() const { return m_view; }
    /// The rules a tested packet matched, in any chain: those of the chain shown are marked,
    /// now and whenever another chain is shown.
    void setTracedRules(const TracedRules &rules);

signals:
    /// A jump target was clicked: show that chain of the same table.
    void linkActivated(const QString &table, const QString &chain);

private:
    void markTracedRules();

    ChainRulesModel *m_model;
    TracedRules m_traced;
    QLabel *m_title;
    QLabel *m_description;
    QTableView *m_view;
};

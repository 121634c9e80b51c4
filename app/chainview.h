#pragma once

#include "dbustypes.h"

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

signals:
    /// A jump target was clicked: show that chain of the same table.
    void linkActivated(const QString &table, const QString &chain);

private:
    ChainRulesModel *m_model;
    QLabel *m_title;
    QLabel *m_description;
    QTableView *m_view;
};

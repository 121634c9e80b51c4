#pragma once

#include <QSortFilterProxyModel>
#include <QStringList>

/**
 * The search box's filter over the DOCKER-USER table: every word typed must appear in the rule's
 * text or in one of its columns. It never sorts: a chain's order is its meaning.
 */
class RuleFilterProxy final : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit RuleFilterProxy(QObject *parent = nullptr);
    void setSearchText(const QString &text);
    QString searchText() const { return m_terms.join(QLatin1Char(' ')); }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QStringList m_terms;
};

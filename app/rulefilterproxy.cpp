#include "rulefilterproxy.h"

#include "ruletablemodel.h"

RuleFilterProxy::RuleFilterProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);
}

void RuleFilterProxy::setSearchText(const QString &text)
{
    const QStringList terms = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (terms == m_terms) {
        return;
    }
    m_terms = terms;
    invalidateRowsFilter();
}

bool RuleFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_terms.isEmpty()) {
        return true; // the common case, and the one that must stay cheap for 50,000 rules
    }
    const QString text = sourceModel()
                             ->index(sourceRow, 0, sourceParent)
                             .data(RuleTableModel::SearchTextRole)
                             .toString();
    for (const QString &term : m_terms) {
        if (!text.contains(term, Qt::CaseInsensitive)) {
            return false;
        }
    }
    return true;
}

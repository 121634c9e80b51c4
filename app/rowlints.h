#pragma once

#include "rulelints.h"
#include "rulerow.h"

#include <QCoreApplication>
#include <QHash>
#include <QIcon>
#include <QVector>

/**
 * The lints RuleLints found for the rows of the DOCKER-USER table, kept by row id: a moved row
 * keeps its lints until they are computed again, and an edited row (new text) shows none until
 * then, since a lint holds only for the text it was found for. RuleTableModel shows them.
 */
class RowLints final
{
    Q_DECLARE_TR_FUNCTIONS(RowLints)
public:
    /// Takes `lints`, whose rule numbers are positions in `rows` (the table when they were made).
    void set(const QVector<RuleRow> &rows, const QVector<Userchain::RuleLint> &lints);
    void clear() { m_byId.clear(); }
    bool isEmpty() const { return m_byId.isEmpty(); }
    /**
     * The lints that still hold for `row`'s text. `unreachable`: the table already shows the
     * row as never reached (after a rule that ends the chain), so "never matches" and
     * "redundant" are not said again.
     */
    QVector<Userchain::RuleLint> of(const RuleRow &row, bool unreachable) const;

    /// The marker of a row with lints (also the legend's), a resource.
    static constexpr const char *IconPath = ":/icons/lint.svg";
    static QIcon icon();
    /// The tooltip's lines for `lints`: each reason, and the fix where there is one.
    static QString toolTip(const QVector<Userchain::RuleLint> &lints);

private:
    QHash<quint64, QVector<Userchain::RuleLint>> m_byId;
};

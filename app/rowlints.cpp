#include "rowlints.h"

using Userchain::RuleLint;

void RowLints::set(const QVector<RuleRow> &rows, const QVector<RuleLint> &lints)
{
    m_byId.clear();
    for (const RuleLint &lint : lints) {
        if (lint.rule >= 0 && lint.rule < rows.size()) {
            m_byId[rows.at(lint.rule).id].append(lint);
        }
    }
}

QVector<RuleLint> RowLints::of(const RuleRow &row, bool unreachable) const
{
    const auto it = m_byId.constFind(row.id);
    if (it == m_byId.constEnd()) {
        return {};
    }
    QVector<RuleLint> out;
    for (const RuleLint &lint : *it) {
        const bool shadow =
            lint.kind == RuleLint::Kind::NeverMatches || lint.kind == RuleLint::Kind::Redundant;
        if (lint.spec == row.spec && !(unreachable && shadow)) {
            out.append(lint);
        }
    }
    return out;
}

QIcon RowLints::icon()
{
    return QIcon(QLatin1String(IconPath));
}

QString RowLints::toolTip(const QVector<RuleLint> &lints)
{
    QStringList lines;
    for (const RuleLint &lint : lints) {
        lines << tr("Check: %1").arg(lint.reason);
        if (lint.hasFix) {
            lines << tr("Fix (context menu or Edit menu): %1").arg(lint.fixSummary);
        }
    }
    return lines.join(QLatin1Char('\n'));
}

#pragma once

#include "rulelints.h"
#include "rulerow.h"

#include <QCoreApplication>
#include <QVariant>
#include <QVector>

/**
 * The cells of a DOCKER-USER row: what each column of RuleTableModel shows for a rule, which of
 * them can be edited in place, and the rule an in-place edit makes. Apart from the model so that
 * the model is about rows (order, undo, drag and drop) and this about one rule's words.
 */
class RuleCells final
{
    Q_DECLARE_TR_FUNCTIONS(RuleCells)
public:
    /// What the table knows about a row beyond its rule, for the tooltip.
    struct Marks
    {
        int endingRow = -1; ///< the row (0-based) that ends the chain before this one, or -1
        QVector<Userchain::RuleLint> lints;
        bool traced = false;   ///< matched by the packet of Test a packet
        bool neverHit = false; ///< see RuleTableModel::isNeverHit()
    };

    /// The text of `column` (a RuleTableModel::Column) for `row`; the position is the model's.
    static QVariant text(const RuleRow &row, int column);
    /// Whether `column` of `row` can be edited in place (others go to the rule dialog).
    static bool isEditable(const RuleRow &row, int column);
    /**
     * The text of `row` with the cell in `column` changed to `text` ("not ADDR" and "! ADDR"
     * negate, "any" or nothing clears), canonical and validated; an empty string with `error`
     * set when it is refused.
     */
    static QString withCell(const RuleRow &row, int column, const QString &text, QString *error);
    /// The row's tooltip: its rule line, then why it is marked, in the table's words.
    static QString toolTip(const RuleRow &row, const Marks &marks);
};

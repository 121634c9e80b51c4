#include "importplacement.h"

#include "ruletablemodel.h"

ImportPlacement::Result ImportPlacement::place(const QVector<Userchain::ImportStep> &steps,
                                               const QStringList &importedSpecs, int rowCount,
                                               const QString &finalSpec)
{
    // The table as the steps leave it: its own rows as -1, each new rule as its index.
    QVector<int> order(rowCount, -1);
    int finalAt = finalSpec.isEmpty() || rowCount == 0 ? -1 : rowCount - 1;
    Result result;
    for (const Userchain::ImportStep &step : steps) {
        if (!step.insert && finalAt >= 0 && importedSpecs.value(step.rule) == finalSpec) {
            ++result.skipped;
            continue;
        }
        // Appends go in just before the final rule: cheap even for thousands of them.
        const int at = step.insert ? qBound(0, step.position - 1, int(order.size()))
                                   : (finalAt >= 0 ? finalAt : int(order.size()));
        order.insert(at, step.rule);
        if (finalAt >= at) {
            ++finalAt;
        }
    }
    for (int row = 0; row < order.size(); ++row) {
        if (order.at(row) >= 0) {
            result.rows.append(row);
            result.rules.append(order.at(row));
        }
    }
    return result;
}

QString ImportPlacement::finalRule(const RuleTableModel *model)
{
    const int count = model->rowCount();
    return count > 0 && model->firstEndingRow() == count - 1 ? model->ruleAt(count - 1).spec
                                                             : QString();
}

int ImportPlacement::appendRow(const RuleTableModel *model)
{
    return finalRule(model).isEmpty() ? model->rowCount() : model->rowCount() - 1;
}

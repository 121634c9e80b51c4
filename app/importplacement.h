#pragma once

#include "restorefile.h"

#include <QStringList>
#include <QVector>

class RuleTableModel;

/**
 * Where imported rules go in a table that already holds some: in file order, each where its
 * command puts it, as iptables would (`-I` at its position, the top when it names none; `-A`
 * at the end), except that a table whose last rule ends the chain for every packet (Docker's
 * `-j RETURN`, a final DROP) keeps that rule last: appended after it, a rule would never run.
 * An appended rule that is that very final rule again is not added twice.
 */
class ImportPlacement final
{
public:
    struct Result
    {
        QVector<int> rows;  ///< ascending: the rows the new rules have afterwards
        QVector<int> rules; ///< for each of rows, the import's rule (index into its rules)
        int skipped = 0;    ///< appends left out: the table's final rule again
    };

    /**
     * rowCount: the rows the table has (0 for an import that replaces it); finalSpec: the
     * canonical text of its last rule when that rule ends the chain (finalRule()), else empty.
     */
    static Result place(const QVector<Userchain::ImportStep> &steps,
                        const QStringList &importedSpecs, int rowCount,
                        const QString &finalSpec = QString());

    /// The last rule of `model` if every packet that reaches it leaves the chain there.
    static QString finalRule(const RuleTableModel *model);
    /// Where `-A` puts a rule in `model`: the end, or before such a final rule.
    static int appendRow(const RuleTableModel *model);
};

#pragma once

#include "exposure.h"
#include "wizardcontext.h"

#include <QCoreApplication>
#include <QStringList>

/**
 * What a wizard's rules would do to who can reach the published ports, computed by the
 * evaluator (Exposure) on the table as it is with the new rules inserted where the wizard
 * puts them: "8080/tcp: anyone, any interface → only 10.11.11.0/24 on eth0". A wizard that
 * says "only from" shows here that it achieves it, in the words of the Exposure tab.
 */
class WizardExposure final
{
    Q_DECLARE_TR_FUNCTIONS(WizardExposure)
public:
    /// Above this many rules the wizard says nothing here: it is recomputed on every key.
    static constexpr int MaxRules = 2000;

    /// One line per port whose answer changes, "no change for any published port", or an
    /// empty list (no snapshot, nothing published, or too many rules to answer at once).
    /// `before`: the table's own exposure, computed on the first call and kept by the caller
    /// (the table under a wizard does not change while it is open; only the new rules do).
    static QStringList changes(const WizardContext &context, const QStringList &newRules, int row,
                               std::optional<QVector<Userchain::PortExposure>> *before);
};

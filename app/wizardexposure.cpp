#include "wizardexposure.h"

#include "exposuresummary.h"
#include "ruleset.h"

using Userchain::Exposure;
using Userchain::ExposureSummary;
using Userchain::Ruleset;

QStringList WizardExposure::changes(const WizardContext &context, const QStringList &newRules,
                                    int row,
                                    std::optional<QVector<Userchain::PortExposure>> *before)
{
    if (!context.snapshot || newRules.isEmpty() ||
        context.currentRules.size() + newRules.size() > MaxRules)
        return {};
    Userchain::Snapshot after = *context.snapshot;
    bool found = false;
    for (Userchain::ChainInfo &c : after.chains) {
        if (c.table != QLatin1String("filter") || c.name != QLatin1String("DOCKER-USER"))
            continue;
        found = true;
        const int at = row < 0 || row > c.rules.size() ? int(c.rules.size()) : row;
        for (int i = 0; i < newRules.size(); ++i) {
            Userchain::RuleEntry entry;
            entry.spec = newRules.at(i);
            c.rules.insert(at + i, entry);
        }
    }
    if (!found)
        return {}; // no DOCKER-USER yet: nothing would see the rules before Apply creates it
    const Ruleset rsAfter = Ruleset::fromSnapshot(after);
    const auto portsAfter = Exposure::compute(rsAfter);
    if (portsAfter.isEmpty())
        return {};
    if (!*before)
        *before = Exposure::compute(Ruleset::fromSnapshot(*context.snapshot));
    const QStringList lines =
        ExposureSummary::changes(**before, portsAfter, context.family, rsAfter.bridges());
    return lines.isEmpty() ? QStringList{tr("no change for any published port")} : lines;
}

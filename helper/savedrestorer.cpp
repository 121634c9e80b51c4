#include "savedrestorer.h"

namespace Userchain {

ChainWriter::Request SavedRestorer::request(Family family, const SavedRules &saved, uint flags)
{
    ChainWriter::Request request;
    request.family = family;
    request.createChain = flags & ApplyCreateChain;
    request.createJump = flags & ApplyCreateJump;
    request.dryRun = flags & ApplyDryRun;
    // Saved rules are all parsed rules (Save refuses verbatim ones), so resolve() only turns
    // them into backend rules, carrying over the counters of rules that stay; it is called
    // anyway so that there is one way to get there.
    request.rules = [family, items = saved.items](const BackendChain *current,
                                                  QVector<BackendRule> *rules, ApplyError *error) {
        return ApplyValidator::resolve(family, items, current, rules, error);
    };
    return request;
}

} // namespace Userchain

#include "snapshotnote.h"

namespace Userchain {

QString SnapshotNote::toString() const
{
    return args.isEmpty()
               ? code
               : code + QLatin1Char('(') + args.join(QLatin1String(", ")) + QLatin1Char(')');
}

} // namespace Userchain

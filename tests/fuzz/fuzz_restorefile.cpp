// libFuzzer target: any bytes as an iptables-restore file or a list of -A lines. The reader
// must never crash; every error carries a line inside the file; what it imports exports and
// re-imports unchanged.
#include "restorefile.h"

#include <QByteArray>
#include <QStringList>
#include <cstdint>
#include <cstdlib>

using namespace Userchain;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), int(size));
    const DockerUserImport result = importDockerUser(bytes, Family::IPv4);
    const int lines = int(bytes.count('\n')) + 1;
    for (const FileError &e : result.errors)
        if (e.line < 0 || e.line > lines || e.message.isEmpty())
            std::abort();
    if (!result.ok())
        return 0;
    QStringList specs;
    for (const Rule &r : result.rules)
        specs << r.toString();
    const DockerUserImport again = importDockerUser(exportDockerUser(specs), Family::IPv4);
    if (!again.ok() || again.rules != result.rules)
        std::abort();
    return 0;
}

#include "readcommands.h"

#include "blockinghelperclient.h"
#include "persistcommands.h"
#include "restorefile.h"
#include "snapshotprinter.h"

#include <QFile>
#include <QSaveFile>

#include <cstdio>

namespace Userchain {

namespace {

bool readSnapshot(Family family, Snapshot *snapshot, ExitCode *code)
{
    BlockingHelperClient client;
    BlockingHelperClient::Failure failure;
    if (client.snapshot(family, snapshot, &failure))
        return true;
    std::fprintf(stderr, "userchainctl: %s\n", qPrintable(BlockingHelperClient::describe(failure)));
    *code = failure.code;
    return false;
}

} // namespace

ExitCode ReadCommands::status(Family family)
{
    Snapshot snapshot;
    ExitCode code = ExitOk;
    if (!readSnapshot(family, &snapshot, &code))
        return code;
    std::fputs(qPrintable(SnapshotPrinter::status(snapshot)), stdout);
    std::fputs(qPrintable(PersistCommands::statusLines(family, snapshot)), stdout);
    return ExitOk;
}

ExitCode ReadCommands::show(Family family, const QString &chain, const QString &table,
                            bool counters)
{
    Snapshot snapshot;
    ExitCode code = ExitOk;
    if (!readSnapshot(family, &snapshot, &code))
        return code;
    const QByteArray text = SnapshotPrinter::save(snapshot, chain, table, counters);
    if (text.isEmpty() && !chain.isEmpty()) {
        std::fprintf(stderr, "userchainctl: no chain %s\n", qPrintable(chain));
        return ExitFailed;
    }
    std::fwrite(text.constData(), 1, size_t(text.size()), stdout);
    return ExitOk;
}

ExitCode ReadCommands::exportRules(Family family, const QString &outputFile)
{
    Snapshot snapshot;
    ExitCode code = ExitOk;
    if (!readSnapshot(family, &snapshot, &code))
        return code;
    const ChainInfo *chain = SnapshotPrinter::dockerUser(snapshot);
    if (!chain)
        std::fprintf(stderr,
                     "userchainctl: DOCKER-USER does not exist; exporting an empty chain\n");
    else {
        for (int i = 0; i < chain->rules.size(); ++i) {
            const RuleEntry &rule = chain->rules.at(i);
            if (!rule.verbatimId.isEmpty())
                std::fprintf(stderr,
                             "userchainctl: warning: \"%s\" uses extensions this tool does not "
                             "know (%s); exported as the kernel describes it\n",
                             qPrintable(rule.spec), qPrintable(rule.unknownExtensions));
            // A line iptables-restore would cut in two loads as something else: no file then.
            QString why;
            if (!restoreLineFits(rule.spec, &why)) {
                std::fprintf(stderr, "userchainctl: export: rule %d: %s\n", i + 1, qPrintable(why));
                return ExitInvalidInput;
            }
        }
    }
    const QByteArray data =
        exportDockerUser(SnapshotPrinter::dockerUserSpecs(snapshot), Family(snapshot.family));
    if (outputFile.isEmpty() || outputFile == QLatin1String("-")) {
        std::fwrite(data.constData(), 1, size_t(data.size()), stdout);
        return ExitOk;
    }
    // All or nothing: a half-written rules file would later load as a weaker firewall.
    QSaveFile file(outputFile);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
        std::fprintf(stderr, "userchainctl: %s: %s\n", qPrintable(outputFile),
                     qPrintable(file.errorString()));
        return ExitFailed;
    }
    return ExitOk;
}

} // namespace Userchain

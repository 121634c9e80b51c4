#include "checkcommand.h"

#include "rulefile.h"

#include <cstdio>

namespace Userchain {

ExitCode CheckCommand::run(const QString &fileName, Family family)
{
    QByteArray data;
    QString error;
    if (!RuleFile::read(fileName, &data, &error)) {
        std::fprintf(stderr, "userchainctl: %s\n", qPrintable(error));
        return ExitInvalidInput;
    }
    QVector<RuleFile::Entry> entries;
    QStringList errors;
    if (!RuleFile::import(fileName, data, family, {}, &entries, &errors)) {
        for (const QString &e : std::as_const(errors))
            std::fprintf(stderr, "%s\n", qPrintable(e));
        return ExitInvalidInput;
    }
    for (const RuleFile::Entry &entry : std::as_const(entries))
        std::printf("-A DOCKER-USER %s\n", entry.spec.toUtf8().constData());
    return ExitOk;
}

} // namespace Userchain

#include "checkcommand.h"

#include "restorefile.h"
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
    const DockerUserImport imported = importDockerUser(data, family);
    if (!imported.ok()) {
        for (const FileError &e : imported.errors)
            std::fprintf(stderr, "%s\n", qPrintable(e.toString(fileName)));
        return ExitInvalidInput;
    }
    for (const Rule &rule : imported.rules)
        std::printf("-A DOCKER-USER %s\n", rule.toString().toUtf8().constData());
    return ExitOk;
}

} // namespace Userchain

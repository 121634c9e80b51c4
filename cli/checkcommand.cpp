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
    // As the helper refuses them: a rule whose canonical line iptables-restore cannot take.
    QStringList lines;
    bool fits = true;
    for (int i = 0; i < imported.rules.size(); ++i) {
        const QString spec = imported.rules.at(i).toString();
        QString why;
        if (!restoreLineFits(spec, &why)) {
            const FileError refused{imported.lines.at(i), why};
            std::fprintf(stderr, "%s\n", qPrintable(refused.toString(fileName)));
            fits = false;
        }
        lines << spec;
    }
    if (!fits)
        return ExitInvalidInput;
    for (const QString &spec : std::as_const(lines))
        std::printf("-A DOCKER-USER %s\n", spec.toUtf8().constData());
    return ExitOk;
}

} // namespace Userchain

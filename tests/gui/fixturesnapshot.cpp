#include "fixturesnapshot.h"

#include "restorefile.h"
#include "ruleparser.h"

#include <QCryptographicHash>
#include <QFile>

using namespace Userchain;

QString FixtureSnapshot::dockerCapture()
{
    return QStringLiteral(USERCHAIN_FIXTURES_DIR
                          "/docker-20.10/docker20.10-legacy-with-containers.legacy.v4.rules");
}

QString FixtureSnapshot::userRulesCapture()
{
    return QStringLiteral(
        USERCHAIN_FIXTURES_DIR
        "/docker-20.10/docker20.10-legacy-user-rules-before-restart.legacy.v4.rules");
}

QString FixtureSnapshot::revisionOf(const QStringList &specs, int family)
{
    // The family is part of the revision, as in the helper: equal chains of the two families
    // must not share one.
    const QByteArray text =
        QByteArray::number(family) + '\n' + specs.join(QLatin1Char('\n')).toUtf8();
    return QString::fromLatin1(QCryptographicHash::hash(text, QCryptographicHash::Sha256).toHex());
}

QString FixtureSnapshot::mobyCapture(const QString &name)
{
    return QStringLiteral(USERCHAIN_FIXTURES_DIR "/docker-moby/") + name;
}

Snapshot FixtureSnapshot::fromFile(const QString &path, const QString &backend, int family)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        qFatal("cannot read fixture %s", qPrintable(path));
    }
    if (family == 0) {
        family = path.contains(QLatin1String(".v6.")) ? 6 : 4;
    }
    return fromData(file.readAll(), backend, family);
}

Snapshot FixtureSnapshot::fromData(const QByteArray &data, const QString &backend, int family)
{
    const Family f = family == 6 ? Family::IPv6 : Family::IPv4;
    RestoreFile file;
    QVector<FileError> errors;
    if (!RestoreFile::read(data, &file, &errors)) {
        qFatal("fixture does not read: %s", qPrintable(errors.value(0).message));
    }
    Snapshot snapshot;
    snapshot.backend = backend;
    snapshot.family = family;
    const QStringList builtins = {QStringLiteral("INPUT"), QStringLiteral("FORWARD"),
                                  QStringLiteral("OUTPUT"), QStringLiteral("PREROUTING"),
                                  QStringLiteral("POSTROUTING")};
    for (const RestoreChain &c : std::as_const(file.chains)) {
        ChainInfo info;
        info.table = c.table;
        info.name = c.name;
        info.policy = c.policy;
        info.builtin = builtins.contains(c.name);
        info.editable =
            c.table == QLatin1String("filter") && c.name == QLatin1String("DOCKER-USER");
        snapshot.chains.append(info);
    }
    int verbatim = 0;
    for (const RestoreCommand &command : std::as_const(file.commands)) {
        if (command.args.value(0) != QLatin1String("-A")) {
            continue;
        }
        const QString chain = command.args.value(1);
        RuleEntry entry;
        if (const auto rule = RuleParser::parseArgs(command.args.mid(2), f)) {
            entry.spec = rule->toString();
        } else {
            entry.spec = command.args.mid(2).join(QLatin1Char(' '));
            entry.verbatimId = QStringLiteral("verbatim-%1").arg(++verbatim);
            entry.unknownExtensions = QStringLiteral("unknown");
        }
        for (ChainInfo &info : snapshot.chains) {
            if (info.table == command.table && info.name == chain) {
                info.rules.append(entry);
            }
        }
    }
    for (const ChainInfo &info : std::as_const(snapshot.chains)) {
        if (info.table == QLatin1String("filter") && info.name == QLatin1String("DOCKER-USER")) {
            snapshot.dockerUserExists = true;
            QStringList specs;
            for (const RuleEntry &e : info.rules) {
                specs << e.spec;
            }
            snapshot.revision = revisionOf(specs, family);
        }
        if (info.table == QLatin1String("filter") && info.name == QLatin1String("FORWARD")) {
            for (int i = 0; i < info.rules.size(); ++i) {
                if (info.rules.at(i).spec == QLatin1String("-j DOCKER-USER")) {
                    snapshot.forwardJumpPosition = i + 1;
                    break;
                }
            }
        }
    }
    return snapshot;
}

void FixtureSnapshot::setDockerUser(Snapshot *snapshot, const QStringList &specs)
{
    for (ChainInfo &info : snapshot->chains) {
        if (info.table == QLatin1String("filter") && info.name == QLatin1String("DOCKER-USER")) {
            info.rules.clear();
            for (const QString &spec : specs) {
                RuleEntry e;
                e.spec = spec;
                e.packets = 3;
                e.bytes = 180;
                info.rules.append(e);
            }
        }
    }
    snapshot->revision = revisionOf(specs, snapshot->family);
}

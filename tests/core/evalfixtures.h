#pragma once

// Shared by the evaluator's tests: a Docker capture with DOCKER-USER replaced.

#include "ruleset.h"

#include <QFile>
#include <QStringList>
#include <QTest>

inline QString fixturePath(const QString &name)
{
    return QStringLiteral(USERCHAIN_FIXTURES_DIR "/") + name;
}

/// The capture `fixture` (relative to tests/data/fixtures) with DOCKER-USER holding `userRules`
/// (rule-specs, in order); `ipset` optionally names an `ipset save` file next to it.
inline std::optional<Userchain::Ruleset> loadFixture(const QString &fixture,
                                                     const QStringList &userRules,
                                                     Userchain::Family family,
                                                     const QString &ipset = QString())
{
    using namespace Userchain;
    QFile f(fixturePath(fixture));
    if (!f.open(QIODevice::ReadOnly)) {
        qWarning() << "cannot read" << f.fileName();
        return std::nullopt;
    }
    QVector<FileError> errors;
    auto rs = Ruleset::fromSave(f.readAll(), family, &errors);
    if (!rs) {
        for (const FileError &e : errors)
            qWarning() << e.toString(fixture);
        return std::nullopt;
    }
    if (!ipset.isEmpty()) {
        QFile s(fixturePath(ipset));
        QString error;
        if (!s.open(QIODevice::ReadOnly) || !rs->addIpsets(s.readAll(), &error)) {
            qWarning() << "cannot read" << s.fileName() << error;
            return std::nullopt;
        }
    }
    rs->addChain(
        {QStringLiteral("filter"), QStringLiteral("DOCKER-USER"), QStringLiteral("-"), {}});
    for (const QString &spec : userRules) {
        QString error;
        if (!rs->appendRule(QStringLiteral("filter"), QStringLiteral("DOCKER-USER"), spec,
                            &error)) {
            qWarning() << spec << error;
            return std::nullopt;
        }
    }
    return rs;
}

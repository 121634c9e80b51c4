#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

/// What each of Docker's chains does, and why it must not be edited: one line each.
class ChainDescriptions final
{
    Q_DECLARE_TR_FUNCTIONS(ChainDescriptions)
public:
    /// Docker's filter chains in the order Docker's own docs list them (28.x chains included).
    static QStringList dockerFilterChains();
    /// True for a filter chain Docker creates (known by name or by the DOCKER prefix).
    static bool isDockerChain(const QString &name);
    static QString describe(const QString &table, const QString &chain);
};

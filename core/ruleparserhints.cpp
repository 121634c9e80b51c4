#include "ruleparserhints.h"

#include "extensions.h"

#include <QVector>
#include <algorithm>

namespace Userchain {

namespace {

/// Optimal string alignment distance: a swapped pair of letters ("dprot") counts as one edit.
int editDistance(const QString &a, const QString &b)
{
    const int n = a.size(), m = b.size();
    QVector<QVector<int>> d(n + 1, QVector<int>(m + 1));
    for (int i = 0; i <= n; ++i)
        d[i][0] = i;
    for (int j = 0; j <= m; ++j)
        d[0][j] = j;
    for (int i = 1; i <= n; ++i) {
        for (int j = 1; j <= m; ++j) {
            const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    }
    return d[n][m];
}

} // namespace

const QStringList &RuleParserHints::mainOptions()
{
    static const QStringList opts = {QStringLiteral("-s"),
                                     QStringLiteral("--source"),
                                     QStringLiteral("--src"),
                                     QStringLiteral("-d"),
                                     QStringLiteral("--destination"),
                                     QStringLiteral("--dst"),
                                     QStringLiteral("-i"),
                                     QStringLiteral("--in-interface"),
                                     QStringLiteral("-o"),
                                     QStringLiteral("--out-interface"),
                                     QStringLiteral("-p"),
                                     QStringLiteral("--protocol"),
                                     QStringLiteral("-f"),
                                     QStringLiteral("--fragment"),
                                     QStringLiteral("-m"),
                                     QStringLiteral("--match"),
                                     QStringLiteral("-j"),
                                     QStringLiteral("--jump"),
                                     QStringLiteral("-g"),
                                     QStringLiteral("--goto")};
    return opts;
}

/**
 * mainOptions().contains(arg), asked for every token: the short options by their letter, the
 * long ones (all starting with "--") from the list.
 */
bool RuleParserHints::isMainOption(const QString &arg)
{
    if (arg.size() < 2 || arg.at(0) != QLatin1Char('-'))
        return false;
    if (arg.size() == 2) {
        switch (arg.at(1).unicode()) {
        case 's':
        case 'd':
        case 'i':
        case 'o':
        case 'p':
        case 'f':
        case 'm':
        case 'j':
        case 'g':
            return true;
        default:
            return false;
        }
    }
    return arg.at(1) == QLatin1Char('-') && mainOptions().contains(arg);
}

/// The closest known option name, for "did you mean".
QString RuleParserHints::suggestion(const QString &token, Family family)
{
    if (token.size() > 64)
        return QString();
    QString best;
    // Only near misses: one edit for short names, more for long ones.
    int bestDistance = std::max(1, int(token.size()) / 4) + 1;
    auto consider = [&](const QString &candidate) {
        const int d = editDistance(token, candidate);
        if (d < bestDistance) {
            bestDistance = d;
            best = candidate;
        }
    };
    for (const QString &o : mainOptions())
        if (o.startsWith(QLatin1String("--")))
            consider(o);
    for (const ExtensionSpec &spec : Extensions::all()) {
        if (!spec.parseable || !(family == Family::IPv4 ? spec.ipv4 : spec.ipv6))
            continue;
        for (const OptionSpec &o : spec.options) {
            consider(o.name);
            for (const QString &a : o.aliases)
                consider(a);
        }
    }
    return best;
}

/// The extensions (other than those loaded) that define an option: for "needs -m X".
QStringList RuleParserHints::ownersOf(const QString &option, Family family)
{
    QStringList owners;
    for (const ExtensionSpec &spec : Extensions::all())
        if (spec.parseable && (family == Family::IPv4 ? spec.ipv4 : spec.ipv6) &&
            spec.findOption(option))
            owners << spec.name;
    return owners;
}

} // namespace Userchain

#pragma once

#include <QStringList>

/**
 * The hosts connected to lately, newest first, as the user typed them (`[USER@]HOST[:PORT]`),
 * kept in QSettings for File → Connect to Host….
 */
class RecentHosts final
{
public:
    static constexpr int MaxHosts = 10;

    static QStringList load();
    /// Puts `host` first (once), and forgets the oldest beyond MaxHosts.
    static void add(const QString &host);
    static void clear();

private:
    Q_DISABLE_COPY_MOVE(RecentHosts)
    RecentHosts() = default;
};

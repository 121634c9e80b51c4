#pragma once

#include <QHash>
#include <QString>

namespace Userchain {

/**
 * How many calls the helper holds at once, and how many bytes of arguments they keep.
 *
 * Why: a call is held, with its message, while polkit answers (up to minutes when it asks for
 * a password), and any local user may call. libdbus stops reading a connection once the
 * messages it has handed out and not yet freed pass 63 MiB, and a held call keeps its
 * message (QDBusMessage refers to libdbus's). Unbounded, two or three large calls from a
 * stranger would stop the helper from reading anything else: every other client would hang,
 * and an administrator's Confirm would not arrive in time. So calls are counted per sender
 * (the unique bus name) and in total, and large arguments against a budget well below what
 * makes libdbus stop reading; a call over a limit is answered Busy at once, which releases
 * its message.
 */
class CallLimiter final
{
public:
    /// Calls one client may have in flight: the GUI has at most four reads (two families,
    /// live and saved) and a change at once.
    static constexpr int MaxPerSender = 6;
    /// Calls of all clients together.
    static constexpr int MaxTotal = 256;
    /// Arguments of all held calls together. With a 32 MiB message (the system bus's largest)
    /// being read besides, this stays below libdbus's 63 MiB.
    static constexpr qint64 MaxHeldBytes = 24 * 1024 * 1024;
    /// Calls below this size are bounded by the counts alone.
    static constexpr qint64 SmallCallBytes = 64 * 1024;

    /// Counts a call of sender holding bytes of arguments; false (and *why) if it is one too
    /// many, in which case nothing is counted.
    bool admit(const QString &sender, qint64 bytes, QString *why);
    /// The call admitted with these arguments has been answered.
    void release(const QString &sender, qint64 bytes);

    int inFlight() const { return m_total; }
    qint64 heldBytes() const { return m_heldBytes; }

private:
    static qint64 counted(qint64 bytes) { return bytes < SmallCallBytes ? 0 : bytes; }

    QHash<QString, int> m_perSender;
    int m_total = 0;
    qint64 m_heldBytes = 0;
};

} // namespace Userchain

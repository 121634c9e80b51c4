#pragma once

#include <QByteArray>
#include <QDBusUnixFileDescriptor>
#include <QString>

#include <optional>

namespace Userchain {

/**
 * Bulk data passed over D-Bus as a file descriptor (type "h") instead of in the message: a
 * sealed memfd. Why: the bus daemon and libdbus move a message a couple of kilobytes per
 * main-loop turn, so the megabytes of a long rule list cost milliseconds on every hop, while a
 * descriptor costs the same at any size. Sealing (no write, grow or shrink) makes the content
 * fixed once sent, so the receiver reads exactly what the sender wrote, and reading it can
 * never block (it is memory, not a pipe or a file on a slow filesystem).
 */
class SealedMemfd final
{
public:
    /// A sealed memfd holding data; invalid with error set if the kernel refuses one.
    static QDBusUnixFileDescriptor create(const QByteArray &data, QString *error);

    /**
     * The content of a descriptor received over D-Bus: it must be a sealed memfd of at most
     * maxBytes (anything else is refused, so a caller cannot hand over a pipe that never ends
     * or a file that changes while it is read).
     */
    static std::optional<QByteArray> read(const QDBusUnixFileDescriptor &fd, qint64 maxBytes,
                                          QString *error);
};

} // namespace Userchain

#pragma once

#include "packet.h"

#include <QCoreApplication>
#include <QString>
#include <optional>

/**
 * What the user typed into "Test a packet", as text, and the packet it describes. The checks
 * are those of `userchainctl trace` (one source address, one interface and not a wildcard, a port
 * for tcp and udp), worded for the dialog: each error names the field and says what to type.
 */
class PacketInput final
{
    Q_DECLARE_TR_FUNCTIONS(PacketInput)
public:
    enum class Field { None, Source, Interface, Port, Destination };

    Userchain::Family family = Userchain::Family::IPv4;
    QString source;
    QString inInterface;
    QString protocol = QStringLiteral("tcp"); ///< "tcp", "udp" or "icmp"
    QString port;                             ///< the destination port the client addresses
    QString destination;                      ///< empty: an address of this host
    bool established = false;                 ///< a packet of a connection already made

    /// The packet, or nothing with `error` (a sentence) and the `field` it is about.
    std::optional<Userchain::Packet> toPacket(QString *error, Field *field = nullptr) const;

    /// A public-looking source for the family: 203.0.113.7 or 2001:db8::7 (documentation).
    static QString defaultSource(Userchain::Family family);

private:
    /// One address of the family, or a sentence that says what `text` is instead.
    std::optional<Userchain::IpAddress> address(const QString &label, const QString &text,
                                                QString *error) const;
};

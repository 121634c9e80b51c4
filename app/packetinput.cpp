#include "packetinput.h"

#include "addresses.h"
#include "familytext.h"

using Userchain::Family;
using Userchain::IpAddress;
using Userchain::Packet;

QString PacketInput::defaultSource(Family family)
{
    // Documentation ranges (RFC 5737, RFC 3849): they look like the internet and are nobody's.
    return family == Family::IPv6 ? QStringLiteral("2001:db8::7") : QStringLiteral("203.0.113.7");
}

std::optional<IpAddress> PacketInput::address(const QString &label, const QString &text,
                                              QString *error) const
{
    if (const auto a = IpAddress::parse(text, family)) {
        return a;
    }
    const Family other = FamilyText::other(family);
    const QString first = text.section(QLatin1Char('/'), 0, 0).section(QLatin1Char('-'), 0, 0);
    if (IpAddress::parse(first, other)) {
        *error = tr("%1: %2 is an %3 address, but the packet is %4. Choose %3 as the family, or "
                    "type an %4 address such as %5.")
                     .arg(label, text, FamilyText::name(other), FamilyText::name(family),
                          defaultSource(family));
    } else if (text.contains(QLatin1Char('/')) || text.contains(QLatin1Char('-'))) {
        *error = tr("%1: a packet has one address; %2 is a network or a range. Type one address "
                    "such as %3.")
                     .arg(label, text, defaultSource(family));
    } else {
        *error = tr("%1: \"%2\" is not an %3 address (e.g. %4).")
                     .arg(label, text, FamilyText::name(family), defaultSource(family));
    }
    return std::nullopt;
}

std::optional<Packet> PacketInput::toPacket(QString *error, Field *field) const
{
    Field ignored;
    Field &where = field ? *field : ignored;
    where = Field::None;
    Packet p;
    p.family = family;

    const QString src = source.trimmed();
    where = Field::Source;
    if (src.isEmpty()) {
        *error = tr("Type the packet's source address, e.g. %1.").arg(defaultSource(family));
        return std::nullopt;
    }
    const auto srcAddress = address(tr("Source"), src, error);
    if (!srcAddress) {
        return std::nullopt;
    }
    p.src = *srcAddress;

    const QString in = inInterface.trimmed();
    where = Field::Interface;
    if (in.isEmpty()) {
        *error = tr("Type the interface the packet arrives on, e.g. eth0.");
        return std::nullopt;
    }
    QString problem;
    if (!Userchain::Addresses::isValidInterface(in, &problem)) {
        *error = tr("Interface: %1").arg(problem);
        return std::nullopt;
    }
    if (in.endsWith(QLatin1Char('+'))) {
        *error = tr("Interface: a packet arrives on one interface; \"%1\" is a wildcard that "
                    "rules use. Type a name such as eth0.")
                     .arg(in);
        return std::nullopt;
    }
    p.inInterface = in;

    where = Field::Port;
    if (protocol == QLatin1String("icmp")) {
        // An echo request, as ping sends: the ICMP packet people test a host with.
        p.protocol = family == Family::IPv4 ? 1 : 58;
        p.icmpType = family == Family::IPv4 ? 8 : 128;
        p.icmpCode = 0;
    } else {
        p.protocol = protocol == QLatin1String("udp") ? 17 : 6;
        const QString text = port.trimmed();
        bool ok = false;
        const int number = text.toInt(&ok);
        if (text.isEmpty()) {
            *error = tr("Choose a published port or type the destination port (1 to 65535).");
            return std::nullopt;
        }
        // A leading zero is refused as in rules: iptables would read "010" as octal.
        if (!ok || number < 1 || number > 65535 || text.startsWith(QLatin1Char('0')) ||
            text.startsWith(QLatin1Char('+'))) {
            *error = tr("Port: \"%1\" is not a port number (1 to 65535).").arg(text);
            return std::nullopt;
        }
        p.dport = number;
    }

    const QString dst = destination.trimmed();
    where = Field::Destination;
    if (!dst.isEmpty()) {
        const auto dstAddress = address(tr("Destination"), dst, error);
        if (!dstAddress) {
            return std::nullopt;
        }
        p.dst = *dstAddress;
    }
    p.state = established ? Userchain::CtState::Established : Userchain::CtState::New;
    where = Field::None;
    error->clear();
    return p;
}

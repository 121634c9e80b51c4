#include "bustarget.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace Userchain {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Userchain::BusTarget", text);
}

/// The program that connects to the system bus on the server (package systemd on Debian).
const QString BridgeCommand = QStringLiteral("systemd-stdio-bridge");

/// A value in a D-Bus address: bytes outside the "optionally escaped" set become %XX (D-Bus
/// specification, "Server Addresses").
QString escapeAddressValue(const QString &value)
{
    QString out;
    for (const char c : value.toUtf8()) {
        const auto u = static_cast<unsigned char>(c);
        if ((u >= '0' && u <= '9') || (u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') ||
            u == '-' || u == '_' || u == '/' || u == '.' || u == '*')
            out += QLatin1Char(c);
        else
            out += QStringLiteral("%%1").arg(uint(u), 2, 16, QLatin1Char('0'));
    }
    return out;
}

} // namespace

std::optional<BusTarget> BusTarget::parse(const QString &spec, QString *error)
{
    // Why so strict: the host is handed to ssh as an argument. "--" keeps it from being read
    // as an option, and these character sets keep anything surprising (spaces, quotes,
    // "-oProxyCommand=...", "%" tokens of ssh_config) out of it to begin with.
    static const QRegularExpression userPattern(QStringLiteral("^[A-Za-z0-9_][A-Za-z0-9._-]*$"));
    static const QRegularExpression hostPattern(QStringLiteral("^[A-Za-z0-9_][A-Za-z0-9._-]*$"));
    static const QRegularExpression ipv6Pattern(QStringLiteral("^[0-9A-Fa-f:.]+$"));

    BusTarget target;
    QString rest = spec.trimmed();
    if (rest.isEmpty()) {
        *error = tr("no host given");
        return std::nullopt;
    }
    const qsizetype at = rest.indexOf(QLatin1Char('@'));
    if (at >= 0) {
        target.m_user = rest.left(at);
        rest = rest.mid(at + 1);
        if (!userPattern.match(target.m_user).hasMatch() || target.m_user.size() > 64) {
            *error = tr("\"%1\" is not a user name").arg(target.m_user);
            return std::nullopt;
        }
    }
    QString portText;
    if (rest.startsWith(QLatin1Char('['))) {
        const qsizetype close = rest.indexOf(QLatin1Char(']'));
        if (close < 0) {
            *error = tr("\"%1\": missing ]").arg(spec);
            return std::nullopt;
        }
        target.m_host = rest.mid(1, close - 1);
        const QString after = rest.mid(close + 1);
        if (!after.isEmpty()) {
            if (!after.startsWith(QLatin1Char(':'))) {
                *error = tr("\"%1\": only :PORT may follow ]").arg(spec);
                return std::nullopt;
            }
            portText = after.mid(1);
        }
        if (!ipv6Pattern.match(target.m_host).hasMatch() ||
            !target.m_host.contains(QLatin1Char(':'))) {
            *error = tr("\"%1\" is not an IPv6 address").arg(target.m_host);
            return std::nullopt;
        }
    } else {
        const qsizetype colon = rest.indexOf(QLatin1Char(':'));
        if (colon >= 0 && rest.indexOf(QLatin1Char(':'), colon + 1) >= 0) {
            *error = tr("\"%1\": write an IPv6 address in brackets, as [%1]").arg(rest);
            return std::nullopt;
        }
        target.m_host = colon >= 0 ? rest.left(colon) : rest;
        if (colon >= 0)
            portText = rest.mid(colon + 1);
        if (!hostPattern.match(target.m_host).hasMatch() || target.m_host.size() > 253) {
            *error = tr("\"%1\" is not a host name or address").arg(target.m_host);
            return std::nullopt;
        }
    }
    if (!portText.isNull()) {
        bool ok = false;
        const int port = portText.toInt(&ok);
        if (!ok || port < 1 || port > 65535 || portText.startsWith(QLatin1Char('+'))) {
            *error = tr("\"%1\" is not a port (1 to 65535)").arg(portText);
            return std::nullopt;
        }
        target.m_port = port;
    }
    return target;
}

QString BusTarget::displayName() const
{
    if (!isRemote())
        return QString();
    QString name = m_user.isEmpty() ? QString() : m_user + QLatin1Char('@');
    name +=
        m_host.contains(QLatin1Char(':')) ? QLatin1Char('[') + m_host + QLatin1Char(']') : m_host;
    if (m_port)
        name += QLatin1Char(':') + QString::number(m_port);
    return name;
}

QStringList BusTarget::sshArguments() const
{
    // -x: no X11 forwarding, -T: no terminal on the server (the bridge speaks binary D-Bus).
    QStringList args{QStringLiteral("-xT")};
    if (m_port)
        args << QStringLiteral("-p") << QString::number(m_port);
    args << QStringLiteral("--") << (m_user.isEmpty() ? m_host : m_user + QLatin1Char('@') + m_host)
         << BridgeCommand;
    return args;
}

QStringList BusTarget::announcingSshArguments() const
{
    QStringList args = sshArguments();
    // ssh notices a dead network only when it writes: ask the server every 15 s, and give up
    // after two unanswered asks, so that a window left open learns within 45 s.
    args.insert(1, QStringLiteral("-oServerAliveInterval=15"));
    args.insert(2, QStringLiteral("-oServerAliveCountMax=2"));
    // A fixed text for the server's shell, no part of it from the user: the line comes only
    // once ssh has logged in and the shell runs, and exec hands the stream to the bridge.
    args.last() = QStringLiteral("echo %1; exec %2")
                      .arg(QString::fromLatin1(readyLine()).trimmed(), BridgeCommand);
    return args;
}

QByteArray BusTarget::readyLine()
{
    return QByteArrayLiteral("userchain-ssh-ready\n");
}

QString BusTarget::unixSocketAddress(const QString &path)
{
    return QStringLiteral("unix:path=") + escapeAddressValue(path);
}

QString BusTarget::address() const
{
    if (!isRemote())
        return QString();
    // libdbus runs `path` with execvp, so ssh is found on PATH, as a user would run it.
    QString address = QStringLiteral("unixexec:path=ssh");
    const QStringList args = sshArguments();
    for (int i = 0; i < args.size(); ++i)
        address += QStringLiteral(",argv%1=%2").arg(i + 1).arg(escapeAddressValue(args.at(i)));
    return address;
}

QString BusTarget::connectionName() const
{
    return QStringLiteral("userchain-ssh:") + address();
}

QDBusConnection BusTarget::connect() const
{
    if (!isRemote())
        return QDBusConnection::systemBus();
    return QDBusConnection::connectToBus(address(), connectionName());
}

void BusTarget::disconnect() const
{
    if (isRemote())
        QDBusConnection::disconnectFromBus(connectionName());
}

bool BusTarget::passesDescriptors(const QDBusConnection &bus)
{
    return bus.isConnected() &&
           (bus.connectionCapabilities() & QDBusConnection::UnixFileDescriptorPassing);
}

QString BusTarget::groupRulesPath()
{
    return QStringLiteral(USERCHAIN_GROUP_RULES_PATH);
}

} // namespace Userchain

#include "dockercontainers.h"

#include "ipaddress.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QRegularExpression>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <limits>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

namespace Userchain {

namespace {

/// Docker's status line and headers are a few hundred bytes.
constexpr qsizetype MaxHeaderBytes = 64 * 1024;

QString errnoText(int e)
{
    return QString::fromLocal8Bit(std::strerror(e));
}

/// What is known of a response so far: complete (with its body), failed, or waiting for more.
struct HttpParse
{
    bool complete = false;
    bool failed = false;
    QByteArray body;
    QString error;
};

HttpParse failure(const QString &error)
{
    HttpParse p;
    p.failed = true;
    p.error = error;
    return p;
}

/// Chunked transfer coding from `at`: complete, failed, or more data needed.
HttpParse dechunk(const QByteArray &data, qsizetype at, bool atEof)
{
    HttpParse p;
    for (;;) {
        const qsizetype lineEnd = data.indexOf("\r\n", at);
        if (lineEnd < 0)
            return atEof ? failure(QStringLiteral("the reply ends inside a chunk")) : p;
        // A size in hex, perhaps followed by ";extension".
        const QByteArray sizeText = data.mid(at, lineEnd - at).split(';').value(0).trimmed();
        bool ok = false;
        const qint64 size = sizeText.toLongLong(&ok, 16);
        if (!ok || size < 0 || size > DockerContainers::MaxReplyBytes ||
            p.body.size() + size > DockerContainers::MaxReplyBytes)
            return failure(QStringLiteral("a chunk of the reply is malformed or too large"));
        at = lineEnd + 2;
        if (size == 0) {
            // Trailers (none expected) end with an empty line.
            if (data.indexOf("\r\n", at) < 0)
                return atEof ? failure(QStringLiteral("the reply ends inside a chunk")) : p;
            p.complete = true;
            return p;
        }
        if (data.size() < at + size + 2)
            return atEof ? failure(QStringLiteral("the reply ends inside a chunk")) : p;
        p.body += data.mid(at, size);
        if (data.mid(at + size, 2) != "\r\n")
            return failure(QStringLiteral("a chunk of the reply is malformed"));
        at += size + 2;
    }
}

HttpParse parseHttp(const QByteArray &data, bool atEof)
{
    const qsizetype headerEnd = data.indexOf("\r\n\r\n");
    if (headerEnd < 0) {
        if (atEof || data.size() > MaxHeaderBytes)
            return failure(QStringLiteral("no complete HTTP reply"));
        return {};
    }
    if (headerEnd > MaxHeaderBytes)
        return failure(QStringLiteral("the reply's headers are too large"));
    const QList<QByteArray> lines = data.left(headerEnd).split('\n');
    static const QRegularExpression statusLine(QStringLiteral("^HTTP/1\\.[01] (\\d{3})( |\\r?$)"));
    const auto status = statusLine.match(QString::fromLatin1(lines.value(0).trimmed()));
    if (!status.hasMatch())
        return failure(QStringLiteral("not an HTTP reply"));
    if (status.captured(1) != QLatin1String("200"))
        return failure(QStringLiteral("Docker answered HTTP status %1").arg(status.captured(1)));
    std::optional<qint64> length;
    bool chunked = false;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-length") {
            bool ok = false;
            length = value.toLongLong(&ok);
            if (!ok || *length < 0)
                return failure(QStringLiteral("the reply's length is malformed"));
        } else if (name == "transfer-encoding") {
            chunked = value.toLower().contains("chunked");
        }
    }
    const qsizetype bodyStart = headerEnd + 4;
    if (chunked)
        return dechunk(data, bodyStart, atEof);
    if (length) {
        if (*length > DockerContainers::MaxReplyBytes)
            return failure(QStringLiteral("the reply is larger than %1 bytes")
                               .arg(DockerContainers::MaxReplyBytes));
        if (data.size() - bodyStart < *length)
            return atEof ? failure(QStringLiteral("the reply is shorter than it says"))
                         : HttpParse();
        HttpParse p;
        p.complete = true;
        p.body = data.mid(bodyStart, *length);
        return p;
    }
    if (!atEof)
        return {};
    HttpParse p;
    p.complete = true;
    p.body = data.mid(bodyStart);
    return p;
}

/// Waits for events on fd until deadline; false with error set on timeout or failure.
bool waitFor(int fd, short events, const QDeadlineTimer &deadline, QString *error)
{
    for (;;) {
        const qint64 left = deadline.remainingTime();
        if (left == 0) {
            *error = QStringLiteral("Docker did not answer within %1 ms")
                         .arg(DockerContainers::TimeoutMs);
            return false;
        }
        pollfd p{fd, events, 0};
        const int ready = ::poll(&p, 1, int(left));
        if (ready > 0)
            return true;
        if (ready < 0 && errno != EINTR) {
            *error = QStringLiteral("poll failed: %1").arg(errnoText(errno));
            return false;
        }
    }
}

class Fd
{
public:
    explicit Fd(int fd) : m_fd(fd) {}
    ~Fd()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    Q_DISABLE_COPY_MOVE(Fd)
    int get() const { return m_fd; }

private:
    int m_fd;
};

/// Docker's container names: a letter or digit, then letters, digits, `_`, `.`, `-`.
bool isContainerName(const QString &name)
{
    static const QRegularExpression valid(QStringLiteral("^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,254}$"));
    return valid.match(name).hasMatch();
}

/// A network's name as shown; names from the reply are untrusted text.
QString networkName(const QString &name)
{
    if (name.size() > 255)
        return {};
    for (const QChar c : name)
        if (!c.isPrint())
            return {};
    return name;
}

} // namespace

QString DockerContainers::defaultSocket()
{
    // As DockerDaemonConfig::defaultPath: the environment is the helper's own, set by whoever
    // started it as root; callers never name a path.
    const QByteArray env = qgetenv("USERCHAIN_DOCKER_SOCKET");
    return env.isEmpty() ? QStringLiteral("/run/docker.sock") : QString::fromLocal8Bit(env);
}

QString DockerContainers::defaultPidFile()
{
    const QByteArray env = qgetenv("USERCHAIN_DOCKER_PIDFILE");
    return env.isEmpty() ? QStringLiteral("/run/docker.pid") : QString::fromLocal8Bit(env);
}

bool DockerContainers::isRunning(const QString &pidFile)
{
    QFile file(pidFile);
    // A pid file is a number and a newline; anything else is not dockerd's.
    if (!file.open(QIODevice::ReadOnly))
        return false;
    bool ok = false;
    const qint64 pid = file.read(32).trimmed().toLongLong(&ok);
    if (!ok || pid <= 0 || pid > std::numeric_limits<pid_t>::max())
        return false;
    return ::kill(pid_t(pid), 0) == 0 || errno == EPERM;
}

std::optional<QByteArray> DockerContainers::exchange(const QString &socketPath,
                                                     const QByteArray &request, QString *error)
{
    const QDeadlineTimer deadline(TimeoutMs);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    const QByteArray path = QFile::encodeName(socketPath);
    if (path.isEmpty() || size_t(path.size()) >= sizeof(address.sun_path)) {
        *error = QStringLiteral("the socket path is empty or too long");
        return std::nullopt;
    }
    std::memcpy(address.sun_path, path.constData(), size_t(path.size()));
    const Fd fd(::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0));
    if (fd.get() < 0) {
        *error = QStringLiteral("cannot open a unix socket: %1").arg(errnoText(errno));
        return std::nullopt;
    }
    // A unix socket connects at once or not at all (EAGAIN: its backlog is full).
    if (::connect(fd.get(), reinterpret_cast<const sockaddr *>(&address), sizeof(address)) != 0) {
        *error = QStringLiteral("cannot connect to %1: %2").arg(socketPath, errnoText(errno));
        return std::nullopt;
    }
    for (qsizetype sent = 0; sent < request.size();) {
        if (!waitFor(fd.get(), POLLOUT, deadline, error))
            return std::nullopt;
        const ssize_t n = ::send(fd.get(), request.constData() + sent,
                                 size_t(request.size() - sent), MSG_NOSIGNAL);
        if (n < 0 && errno != EAGAIN && errno != EINTR) {
            *error = QStringLiteral("cannot send to %1: %2").arg(socketPath, errnoText(errno));
            return std::nullopt;
        }
        sent += n > 0 ? n : 0;
    }
    QByteArray reply;
    char buffer[65536];
    for (;;) {
        if (!waitFor(fd.get(), POLLIN, deadline, error))
            return std::nullopt;
        const ssize_t n = ::recv(fd.get(), buffer, sizeof(buffer), 0);
        if (n < 0) {
            if (errno == EAGAIN || errno == EINTR)
                continue;
            *error = QStringLiteral("cannot read from %1: %2").arg(socketPath, errnoText(errno));
            return std::nullopt;
        }
        reply.append(buffer, n);
        if (reply.size() > MaxReplyBytes + MaxHeaderBytes) {
            *error = QStringLiteral("the reply is larger than %1 bytes").arg(MaxReplyBytes);
            return std::nullopt;
        }
        // Docker closes the connection after the reply (HTTP/1.0, "Connection: close"); a
        // reply that says where it ends is complete without waiting for that.
        const HttpParse p = parseHttp(reply, n == 0);
        if (p.failed) {
            *error = p.error;
            return std::nullopt;
        }
        if (p.complete)
            return p.body;
    }
}

std::optional<QByteArray> DockerContainers::httpBody(const QByteArray &response, QString *error)
{
    const HttpParse p = parseHttp(response, true);
    if (p.failed)
        *error = p.error;
    return p.complete ? std::optional<QByteArray>(p.body) : std::nullopt;
}

std::optional<QList<ContainerAddress>> DockerContainers::read(const QString &socketPath,
                                                              const QString &pidFile, Family family,
                                                              QString *error)
{
    if (!isRunning(pidFile)) {
        *error = QStringLiteral("Docker is not running (no live process in %1)").arg(pidFile);
        return std::nullopt;
    }
    // HTTP/1.0 and "Connection: close": the reply is not chunked and the connection ends with
    // it, so nothing is left open. Only running containers (Docker's default for this call).
    const QByteArray request = QByteArrayLiteral("GET /v1.41/containers/json HTTP/1.0\r\n"
                                                 "Host: docker\r\n"
                                                 "User-Agent: userchain-helper\r\n"
                                                 "Connection: close\r\n\r\n");
    const auto body = exchange(socketPath, request, error);
    if (!body)
        return std::nullopt;
    return parse(*body, family, error);
}

std::optional<QList<ContainerAddress>> DockerContainers::parse(const QByteArray &json,
                                                               Family family, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isArray()) {
        *error = QStringLiteral("the reply is not a JSON list of containers");
        return std::nullopt;
    }
    const bool v4 = family == Family::IPv4;
    const int bits = v4 ? 32 : 128;
    const QString addressKey =
        v4 ? QStringLiteral("IPAddress") : QStringLiteral("GlobalIPv6Address");
    const QString prefixKey =
        v4 ? QStringLiteral("IPPrefixLen") : QStringLiteral("GlobalIPv6PrefixLen");
    const QString gatewayKey = v4 ? QStringLiteral("Gateway") : QStringLiteral("IPv6Gateway");
    QList<ContainerAddress> out;
    const QJsonArray containers = doc.array();
    for (const QJsonValue &value : containers) {
        const QJsonObject container = value.toObject();
        const QJsonValue settings = container.value(QStringLiteral("NetworkSettings"));
        const QJsonValue networks = settings.toObject().value(QStringLiteral("Networks"));
        // A running container always has these; without them its addresses are not known.
        if (!value.isObject() || !settings.isObject() || !networks.isObject()) {
            *error = QStringLiteral("a container without its network settings");
            return std::nullopt;
        }
        // The first name is the container's own; others ("/a/b") are legacy links.
        QString name = container.value(QStringLiteral("Names")).toArray().at(0).toString();
        if (name.startsWith(QLatin1Char('/')))
            name.remove(0, 1);
        if (!isContainerName(name))
            name.clear();
        const QJsonObject byName = networks.toObject();
        for (auto it = byName.begin(); it != byName.end(); ++it) {
            const QJsonObject network = it.value().toObject();
            const QString addressText = network.value(addressKey).toString();
            if (addressText.isEmpty())
                continue; // not on this network in this family (host, none, IPv4 only, ...)
            const auto address = IpAddress::parse(addressText, family);
            const QJsonValue prefix = network.value(prefixKey);
            const QString gatewayText = network.value(gatewayKey).toString();
            const auto gateway = IpAddress::parse(gatewayText, family);
            if (!address || !prefix.isDouble() || prefix.toInt(-1) < 0 || prefix.toInt() > bits ||
                (!gatewayText.isEmpty() && !gateway)) {
                *error = QStringLiteral("an address Docker gives cannot be read");
                return std::nullopt;
            }
            if (out.size() >= MaxAddresses) {
                *error = QStringLiteral("more than %1 container addresses").arg(MaxAddresses);
                return std::nullopt;
            }
            out.append({name, networkName(it.key()), address->toString(family), prefix.toInt(),
                        gateway ? gateway->toString(family) : QString()});
        }
    }
    return out;
}

} // namespace Userchain

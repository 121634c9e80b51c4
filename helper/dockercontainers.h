#pragma once

#include "dbustypes.h"
#include "rule.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <optional>

namespace Userchain {

/**
 * The running containers' addresses, from Docker's Engine API over its unix socket
 * (`GET /v1.41/containers/json`: API 1.41 is what Debian 12's docker.io 20.10 speaks, and later
 * daemons still answer it). With them a client can tell that an address on a Docker bridge
 * belongs to no running container, which Docker's iptables rules cannot say (they name only
 * containers that publish ports).
 *
 * The helper runs as root and the reply is not to be trusted: whoever may use Docker names the
 * containers and networks, and the socket may belong to something that only looks like Docker.
 * So the exchange is bounded in time (TimeoutMs, for connect, request and reply together) and
 * size (MaxReplyBytes), the reply is parsed as untrusted JSON, and every address must parse.
 * Anything unexpected means "not read", never a partial list: a container left out would make
 * its address look unused. Runs on a BackendWorker, never on the D-Bus thread.
 */
class DockerContainers final
{
public:
    static constexpr qint64 MaxReplyBytes = 4 * 1024 * 1024;
    static constexpr int TimeoutMs = 2000;
    /// Addresses of one family over all containers and networks; more: not read.
    static constexpr int MaxAddresses = 10000;

    /// The socket: /run/docker.sock, or `$USERCHAIN_DOCKER_SOCKET` (the sandbox, tests).
    static QString defaultSocket();
    /// dockerd's pid file: /run/docker.pid, or `$USERCHAIN_DOCKER_PIDFILE` (the sandbox, tests).
    static QString defaultPidFile();

    /**
     * Whether the process pidFile names runs. Why ask before connecting: on systemd hosts
     * docker.socket listens on /run/docker.sock while Docker is stopped, and a connection would
     * start Docker, which then writes its chains: a read must not change the firewall.
     */
    static bool isRunning(const QString &pidFile);

    /**
     * Asks Docker at socketPath for the running containers, if the dockerd of pidFile runs,
     * and returns their addresses of family (each container once per network it has such an
     * address on); nullopt with error set when Docker does not run, did not answer, or not as
     * Docker does.
     */
    static std::optional<QList<ContainerAddress>>
    read(const QString &socketPath, const QString &pidFile, Family family, QString *error);

    /// The body of `/containers/json` (a JSON array of containers) → the addresses of family.
    static std::optional<QList<ContainerAddress>> parse(const QByteArray &json, Family family,
                                                        QString *error);

    /**
     * The body of an HTTP/1.x response with status 200: delimited by Content-Length, chunked,
     * or the end of the connection. nullopt with error for any other status or a torn reply.
     */
    static std::optional<QByteArray> httpBody(const QByteArray &response, QString *error);

private:
    static std::optional<QByteArray> exchange(const QString &socketPath, const QByteArray &request,
                                              QString *error);
};

} // namespace Userchain

// DockerContainers without Docker: the reply of GET /containers/json as Docker 20.10 writes it,
// and what a socket that only looks like Docker may send (untrusted JSON, HTTP framing, size
// and time bounds). Anything unexpected is "not read", never a partial list.
// tests/helper/docker-containers.sh asks a real dockerd.

#include "dockercontainers.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QtTest>

#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace Userchain;

namespace {

/// A container as Docker 20.10's /containers/json lists it (the fields read, and some others).
QByteArray container(const QByteArray &names, const QByteArray &networks)
{
    return R"({"Id":"4f3c","Names":)" + names +
           R"(,"Image":"busybox","State":"running","HostConfig":{"NetworkMode":"default"},)"
           R"("NetworkSettings":{"Networks":)" +
           networks + "}}";
}

const QByteArray Bridge =
    R"({"bridge":{"IPAMConfig":null,"Links":null,"Aliases":null,"NetworkID":"8bf3e4c2c08c",)"
    R"("EndpointID":"e1","Gateway":"172.17.0.1","IPAddress":"172.17.0.2","IPPrefixLen":16,)"
    R"("IPv6Gateway":"fd00::1","GlobalIPv6Address":"fd00::2","GlobalIPv6PrefixLen":64,)"
    R"("MacAddress":"02:42:ac:11:00:02","DriverOpts":null}})";

/// "name network address/prefix gateway" for each address read.
QStringList describe(const std::optional<QList<ContainerAddress>> &list)
{
    QStringList out;
    if (!list)
        return {QStringLiteral("not read")};
    for (const ContainerAddress &c : *list)
        out << QStringLiteral("%1 %2 %3/%4 %5")
                   .arg(c.name, c.network, c.address)
                   .arg(c.prefixLength)
                   .arg(c.gateway);
    return out;
}

/// A unix socket that answers one connection with `reply` (and then closes it) or, with
/// `hold`, reads the request and keeps the connection open without a word.
class FakeDocker
{
public:
    FakeDocker(const QString &path, QByteArray reply, bool hold = false)
    {
        m_fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        const QByteArray bytes = QFile::encodeName(path);
        std::memcpy(address.sun_path, bytes.constData(), size_t(bytes.size()));
        if (::bind(m_fd, reinterpret_cast<const sockaddr *>(&address), sizeof(address)) != 0 ||
            ::listen(m_fd, 1) != 0)
            qFatal("cannot listen on %s", bytes.constData());
        m_thread = std::thread([this, reply = std::move(reply), hold]() {
            const int client = ::accept(m_fd, nullptr, nullptr);
            if (client < 0)
                return;
            char buffer[4096];
            const ssize_t n = ::recv(client, buffer, sizeof(buffer), 0);
            m_request = QByteArray(buffer, n > 0 ? int(n) : 0);
            if (hold) {
                // Until the client gives up and closes its end.
                while (::recv(client, buffer, sizeof(buffer), 0) > 0) {
                }
            } else {
                for (qsizetype sent = 0; sent < reply.size();) {
                    const ssize_t w = ::send(client, reply.constData() + sent,
                                             size_t(reply.size() - sent), MSG_NOSIGNAL);
                    if (w <= 0)
                        break;
                    sent += w;
                }
            }
            ::close(client);
        });
    }
    ~FakeDocker()
    {
        finish();
        ::close(m_fd);
    }
    Q_DISABLE_COPY_MOVE(FakeDocker)
    /// Waits for the exchange to end; the request as received.
    QByteArray finish()
    {
        if (m_thread.joinable())
            m_thread.join();
        return m_request;
    }

private:
    int m_fd = -1;
    std::thread m_thread;
    QByteArray m_request;
};

/// A pid file naming this very process: "dockerd runs".
QString runningPidFile(const QTemporaryDir &dir)
{
    const QString path = dir.filePath(QStringLiteral("docker.pid"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(QByteArray::number(::getpid()) + '\n') <= 0)
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

QByteArray http200(const QByteArray &body)
{
    return "HTTP/1.0 200 OK\r\nApi-Version: 1.41\r\nContent-Type: application/json\r\n"
           "Server: Docker/20.10.24+dfsg1 (linux)\r\n\r\n" +
           body;
}

} // namespace

class TestDockerContainers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void httpBody_data();
    void httpBody();
    void readsFromTheSocket();
    void noDocker();
    void silentSocketTimesOut();
    void oversizedReplyIsRefused();
    void stoppedDockerIsNotAsked();
};

void TestDockerContainers::parse_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("family");
    QTest::addColumn<QStringList>("expected");
    const QByteArray web = container(R"(["/web"])", Bridge);
    QTest::newRow("none running") << QByteArray("[]") << 4 << QStringList{};
    QTest::newRow("one on the default bridge")
        << "[" + web + "]" << 4 << QStringList{"web bridge 172.17.0.2/16 172.17.0.1"};
    QTest::newRow("its IPv6 address")
        << "[" + web + "]" << 6 << QStringList{"web bridge fd00::2/64 fd00::1"};
    QTest::newRow("two networks, legacy link names")
        << "[" +
               container(R"(["/db","/web/db"])",
                         R"({"backend":{"Gateway":"172.18.0.1","IPAddress":"172.18.0.2",)"
                         R"("IPPrefixLen":16},"frontend":{"Gateway":"","IPAddress":"172.19.0.5",)"
                         R"("IPPrefixLen":24}})") +
               "]"
        << 4 << QStringList{"db backend 172.18.0.2/16 172.18.0.1", "db frontend 172.19.0.5/24 "};
    QTest::newRow("host network: no address")
        << "[" + container(R"(["/h"])", R"({"host":{"IPAddress":"","IPPrefixLen":0}})") + "]" << 4
        << QStringList{};
    QTest::newRow("a name Docker would not give")
        << "[" + container(R"(["/<b>x</b>"])", Bridge) + "]" << 4
        << QStringList{" bridge 172.17.0.2/16 172.17.0.1"};
    QTest::newRow("not a list") << QByteArray(R"({"message":"page not found"})") << 4
                                << QStringList{"not read"};
    QTest::newRow("not JSON") << QByteArray("[{") << 4 << QStringList{"not read"};
    QTest::newRow("an element that is no container")
        << QByteArray("[1]") << 4 << QStringList{"not read"};
    QTest::newRow("no network settings")
        << QByteArray(R"([{"Names":["/x"]}])") << 4 << QStringList{"not read"};
    QTest::newRow("an address that does not parse")
        << "[" + container(R"(["/x"])", R"({"n":{"IPAddress":"172.17.0.999","IPPrefixLen":16}})") +
               "]"
        << 4 << QStringList{"not read"};
    QTest::newRow("a prefix out of range")
        << "[" + container(R"(["/x"])", R"({"n":{"IPAddress":"172.17.0.9","IPPrefixLen":33}})") +
               "]"
        << 4 << QStringList{"not read"};
    QTest::newRow("a prefix that is no number")
        << "[" + container(R"(["/x"])", R"({"n":{"IPAddress":"172.17.0.9","IPPrefixLen":"16"}})") +
               "]"
        << 4 << QStringList{"not read"};
    QTest::newRow("deeply nested") << QByteArray(100000, '[') << 4 << QStringList{"not read"};
}

void TestDockerContainers::parse()
{
    QFETCH(QByteArray, json);
    QFETCH(int, family);
    QFETCH(QStringList, expected);
    QString error;
    const auto list =
        DockerContainers::parse(json, family == 6 ? Family::IPv6 : Family::IPv4, &error);
    QCOMPARE(describe(list), expected);
    QCOMPARE(error.isEmpty(), list.has_value());
}

void TestDockerContainers::httpBody_data()
{
    QTest::addColumn<QByteArray>("response");
    QTest::addColumn<QByteArray>("body"); ///< "(none)": refused
    QTest::newRow("to the end") << http200("[]") << QByteArray("[]");
    QTest::newRow("content length")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n[]garbage") << QByteArray("[]");
    QTest::newRow("chunked") << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                                           "1\r\n[\r\n1;x=y\r\n]\r\n0\r\n\r\n")
                             << QByteArray("[]");
    QTest::newRow("not found") << QByteArray("HTTP/1.1 404 Not Found\r\n\r\n{}")
                               << QByteArray("(none)");
    QTest::newRow("not HTTP") << QByteArray("SSH-2.0-OpenSSH\r\n\r\n") << QByteArray("(none)");
    QTest::newRow("torn headers") << QByteArray("HTTP/1.1 200 OK\r\nContent-")
                                  << QByteArray("(none)");
    QTest::newRow("shorter than it says")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n[]") << QByteArray("(none)");
    QTest::newRow("torn chunk")
        << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n10\r\n[]")
        << QByteArray("(none)");
    QTest::newRow("huge chunk")
        << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nffffffff\r\n")
        << QByteArray("(none)");
    QTest::newRow("huge length") << QByteArray(
                                        "HTTP/1.1 200 OK\r\nContent-Length: 99999999999\r\n\r\n")
                                 << QByteArray("(none)");
}

void TestDockerContainers::httpBody()
{
    QFETCH(QByteArray, response);
    QFETCH(QByteArray, body);
    QString error;
    const auto got = DockerContainers::httpBody(response, &error);
    QCOMPARE(got.value_or("(none)"), body);
    QCOMPARE(error.isEmpty(), got.has_value());
}

void TestDockerContainers::readsFromTheSocket()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("docker.sock"));
    FakeDocker docker(path, http200("[" + container(R"(["/web"])", Bridge) + "]"));
    QString error;
    const auto list = DockerContainers::read(path, runningPidFile(dir), Family::IPv4, &error);
    QVERIFY2(list, qPrintable(error));
    QCOMPARE(describe(list), QStringList{"web bridge 172.17.0.2/16 172.17.0.1"});
    // The API version Debian 12's docker.io 20.10 speaks; only running containers (no ?all).
    QVERIFY(docker.finish().startsWith("GET /v1.41/containers/json HTTP/1.0\r\n"));
}

void TestDockerContainers::noDocker()
{
    QTemporaryDir dir;
    QString error;
    QVERIFY(!DockerContainers::read(dir.filePath(QStringLiteral("docker.sock")),
                                    runningPidFile(dir), Family::IPv4, &error));
    QVERIFY2(error.contains(QLatin1String("cannot connect")), qPrintable(error));
    QVERIFY(!DockerContainers::read(QString(300, QLatin1Char('x')), runningPidFile(dir),
                                    Family::IPv4, &error));
}

void TestDockerContainers::silentSocketTimesOut()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("docker.sock"));
    FakeDocker docker(path, {}, true);
    QElapsedTimer timer;
    timer.start();
    QString error;
    QVERIFY(!DockerContainers::read(path, runningPidFile(dir), Family::IPv4, &error));
    const qint64 elapsed = timer.elapsed();
    QVERIFY2(error.contains(QLatin1String("did not answer")), qPrintable(error));
    QVERIFY2(elapsed >= DockerContainers::TimeoutMs - 50 &&
                 elapsed < DockerContainers::TimeoutMs + 1000,
             qPrintable(QStringLiteral("%1 ms").arg(elapsed)));
}

void TestDockerContainers::oversizedReplyIsRefused()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("docker.sock"));
    const QByteArray huge =
        http200("[" + QByteArray(DockerContainers::MaxReplyBytes + 100000, ' ') + "]");
    FakeDocker docker(path, huge);
    QString error;
    QVERIFY(!DockerContainers::read(path, runningPidFile(dir), Family::IPv4, &error));
    QVERIFY2(error.contains(QLatin1String("larger than")), qPrintable(error));
}

// docker.socket listens while Docker is stopped and would start it on a connection (and
// Docker starting writes its chains): without a live dockerd in the pid file, no connection.
void TestDockerContainers::stoppedDockerIsNotAsked()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("docker.sock"));
    const int listener = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    const QByteArray bytes = QFile::encodeName(path);
    std::memcpy(address.sun_path, bytes.constData(), size_t(bytes.size()));
    QVERIFY(::bind(listener, reinterpret_cast<const sockaddr *>(&address), sizeof(address)) == 0);
    QVERIFY(::listen(listener, 4) == 0);

    const pid_t child = ::fork();
    if (child == 0)
        ::_exit(0);
    QVERIFY(child > 0);
    QCOMPARE(::waitpid(child, nullptr, 0), child);
    const QString pidFile = dir.filePath(QStringLiteral("docker.pid"));
    for (const QByteArray &content : {QByteArray(), QByteArray::number(child) + '\n',
                                      QByteArray("dockerd\n"), QByteArray("-1\n")}) {
        QFile file(pidFile);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(content);
        file.close();
        QString error;
        QVERIFY(!DockerContainers::read(path, pidFile, Family::IPv4, &error));
        QVERIFY2(error.contains(QLatin1String("not running")), qPrintable(error));
    }
    QString error;
    QVERIFY(!DockerContainers::read(path, dir.filePath(QStringLiteral("none.pid")), Family::IPv4,
                                    &error));
    pollfd pending{listener, POLLIN, 0};
    QCOMPARE(::poll(&pending, 1, 0), 0); // nobody connected
    ::close(listener);
}

QTEST_GUILESS_MAIN(TestDockerContainers)
#include "tst_dockercontainers.moc"

#include "sealedmemfd.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace Userchain {

namespace {
constexpr int RequiredSeals = F_SEAL_WRITE | F_SEAL_GROW | F_SEAL_SHRINK;

QString systemError(const char *what)
{
    return QStringLiteral("%1: %2").arg(QLatin1String(what),
                                        QString::fromLocal8Bit(strerror(errno)));
}
} // namespace

QDBusUnixFileDescriptor SealedMemfd::create(const QByteArray &data, QString *error)
{
    const int fd = memfd_create("userchain", MFD_CLOEXEC | MFD_ALLOW_SEALING);
    if (fd < 0) {
        *error = systemError("memfd_create");
        return {};
    }
    qsizetype written = 0;
    while (written < data.size()) {
        const ssize_t n = ::write(fd, data.constData() + written, size_t(data.size() - written));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            *error = systemError("write");
            ::close(fd);
            return {};
        }
        written += n;
    }
    if (fcntl(fd, F_ADD_SEALS, RequiredSeals | F_SEAL_SEAL) != 0) {
        *error = systemError("F_ADD_SEALS");
        ::close(fd);
        return {};
    }
    QDBusUnixFileDescriptor result(fd); // duplicates it
    ::close(fd);
    return result;
}

std::optional<QByteArray> SealedMemfd::read(const QDBusUnixFileDescriptor &fd, qint64 maxBytes,
                                            QString *error)
{
    if (!fd.isValid()) {
        *error = QStringLiteral("no file descriptor");
        return std::nullopt;
    }
    const int seals = fcntl(fd.fileDescriptor(), F_GET_SEALS);
    if (seals < 0 || (seals & RequiredSeals) != RequiredSeals) {
        *error = QStringLiteral("the file descriptor is not a sealed memfd");
        return std::nullopt;
    }
    struct stat st = {};
    if (fstat(fd.fileDescriptor(), &st) != 0) {
        *error = systemError("fstat");
        return std::nullopt;
    }
    if (st.st_size > maxBytes) {
        *error = QStringLiteral("larger than %1 bytes").arg(maxBytes);
        return std::nullopt;
    }
    QByteArray data(qsizetype(st.st_size), Qt::Uninitialized);
    qsizetype done = 0;
    // pread: the sender's file offset is shared with this duplicate and means nothing here.
    while (done < data.size()) {
        const ssize_t n =
            pread(fd.fileDescriptor(), data.data() + done, size_t(data.size() - done), done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            *error = n == 0 ? QStringLiteral("shorter than announced") : systemError("read");
            return std::nullopt;
        }
        done += n;
    }
    return data;
}

} // namespace Userchain

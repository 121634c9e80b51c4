#include "persistentstore.h"

#include "restorefile.h"
#include "rulerefusal.h"
#include "savedfilecache.h"

#include <QFile>
#include <QRandomGenerator>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace Userchain {

namespace {

// At most this many errors of a bad file are reported; the first ones say enough.
constexpr int MaxReportedErrors = 10;
// Attempts at a fresh temporary name before giving up (each is 64 random bits).
constexpr int TempNameAttempts = 8;

QString systemError(int err)
{
    return QString::fromLocal8Bit(strerror(err));
}

ApplyError failed(const QString &message)
{
    return {QLatin1String(DBusError::Failed), message};
}

ApplyError invalid(const QString &message)
{
    return {QLatin1String(DBusError::InvalidRule), message};
}

/// An InvalidRule of one refusal (see RuleRefusal): where, why, and the fallback words.
ApplyError invalid(RuleRefusal::Where where, int number, const char *reason, const QString &text,
                   const QStringList &args = {})
{
    return invalid(RuleRefusal{where, number, -1, {}, QLatin1String(reason), args, text}.toLine());
}

/// A file or directory the helper may trust: its own (root's), and nobody else may write it.
bool trustworthy(const struct stat &st)
{
    return st.st_uid == ::geteuid() && (st.st_mode & (S_IWGRP | S_IWOTH)) == 0;
}

bool writeAll(int fd, const QByteArray &data)
{
    qint64 done = 0;
    while (done < data.size()) {
        const ssize_t n = ::write(fd, data.constData() + done, size_t(data.size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        done += n;
    }
    return true;
}

/// Closes a descriptor when it goes out of scope.
class FdGuard final
{
public:
    explicit FdGuard(int fd) : m_fd(fd) {}
    ~FdGuard()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    Q_DISABLE_COPY_MOVE(FdGuard)
    int get() const { return m_fd; }
    /// Close now and report close()'s result (a write error may only show here).
    int close()
    {
        const int fd = m_fd;
        m_fd = -1;
        return ::close(fd);
    }

private:
    int m_fd;
};

} // namespace

QString PersistentStore::defaultDirectory()
{
    // Why a fixed path and no environment override: the file is loaded as root at every boot;
    // where it lives is the helper's decision alone. Tests run in a mount namespace whose /etc
    // is a throwaway overlay (scripts/sandbox), so they use this very path.
    return QStringLiteral("/etc/userchain");
}

QString PersistentStore::fileName(Family family)
{
    return family == Family::IPv6 ? QStringLiteral("docker-user.v6.rules")
                                  : QStringLiteral("docker-user.v4.rules");
}

PersistentStore::PersistentStore(const QString &directory) : m_directory(directory) {}

QString PersistentStore::path(Family family) const
{
    return m_directory + QLatin1Char('/') + fileName(family);
}

bool PersistentStore::specsToSave(const BackendChain &chain, QStringList *specs, ApplyError *error)
{
    specs->clear();
    specs->reserve(chain.rules.size());
    for (int i = 0; i < chain.rules.size(); ++i) {
        const BackendRule &rule = chain.rules.at(i);
        // Why verbatim rules block saving instead of being skipped: the kernel keeps them, so
        // the live firewall has them; a saved copy without them would silently restore a
        // different (possibly weaker) firewall at boot, and their text cannot be loaded again.
        if (!rule.raw.isEmpty()) {
            *error = invalid(
                RuleRefusal::Where::Rule, i + 1, RefusalReason::KeptVerbatim,
                QStringLiteral("\"%1\" uses extensions Userchain does not know (%2); its "
                               "text cannot be loaded again, so DOCKER-USER cannot be saved "
                               "permanently. Replace or remove this rule first.")
                    .arg(rule.displaySpec, rule.unknownExtensions),
                {rule.unknownExtensions});
            return false;
        }
        // A rule added outside (iptables' command line has no such bound) may be longer than
        // iptables-restore, and the saved file's own reader, take as one line.
        QString spec = rule.rule.toString();
        QString why;
        if (!restoreLineFits(spec, &why)) {
            *error = invalid(RuleRefusal::Where::Rule, i + 1, RefusalReason::RestoreLine,
                             QStringLiteral("%1; DOCKER-USER cannot be saved permanently. "
                                            "Shorten or remove this rule first.")
                                 .arg(why));
            return false;
        }
        specs->append(std::move(spec));
    }
    return true;
}

bool PersistentStore::parse(Family family, const QByteArray &data, const QString &fileName,
                            SavedRules *out, ApplyError *error)
{
    if (data.size() > MaxFileBytes) {
        *error = failed(QStringLiteral("%1: larger than %2 bytes").arg(fileName).arg(MaxFileBytes));
        return false;
    }
    // Why only the restore form is accepted, although import also reads plain "-A" lines: an
    // empty or truncated file would then be a valid empty rule list and a restore would flush
    // DOCKER-USER. The export form ends in COMMIT and declares the chain, so a damaged file is
    // refused instead.
    RestoreFile structure;
    QVector<FileError> errors;
    if (RestoreFile::read(data, &structure, &errors)) {
        const bool declared = std::any_of(structure.chains.cbegin(), structure.chains.cend(),
                                          [](const RestoreChain &chain) {
                                              return chain.table == QLatin1String("filter") &&
                                                     chain.name == QLatin1String("DOCKER-USER");
                                          });
        if (!declared)
            errors.append({1, QStringLiteral("not a saved DOCKER-USER: no \"*filter\" table "
                                             "declaring \":DOCKER-USER - [0:0]\"")});
    }
    DockerUserImport imported;
    if (errors.isEmpty()) {
        // existingChains null: jump targets are checked where the rules are loaded, by the
        // kernel in the one atomic commit, exactly as for Apply.
        imported = importDockerUser(data, family, nullptr);
        errors = imported.errors;
        // Why other chains are refused rather than skipped: Save never writes them, so they
        // were added by hand, by someone who expects them restored; saying so beats silently
        // restoring less than the file shows.
        for (const FileError &note : std::as_const(imported.notes))
            errors.append({note.line,
                           note.message + QStringLiteral("; a saved file holds DOCKER-USER only")});
    }
    if (!errors.isEmpty()) {
        QList<RuleRefusal> refusals;
        for (int i = 0; i < errors.size() && i < MaxReportedErrors; ++i)
            refusals << RuleRefusal{RuleRefusal::Where::Line,
                                    errors.at(i).line,
                                    -1,
                                    {},
                                    QLatin1String(RefusalReason::File),
                                    {},
                                    errors.at(i).toString(fileName)};
        if (errors.size() > MaxReportedErrors) {
            const int more = int(errors.size()) - MaxReportedErrors;
            refusals << RuleRefusal{RuleRefusal::Where::More,
                                    more,
                                    -1,
                                    {},
                                    {},
                                    {},
                                    QStringLiteral("%1: %2 more errors").arg(fileName).arg(more)};
        }
        *error = invalid(RuleRefusal::toMessage(refusals));
        return false;
    }

    // The same bounds as an Apply from a client (the saved file is root's, but it is still
    // text that reaches the kernel). The rules were parsed by importDockerUser, with the very
    // parser an Apply uses, so they are not parsed again.
    if (imported.rules.size() > ApplyValidator::MaxRules) {
        *error = {QLatin1String(DBusError::InvalidArgument),
                  QStringLiteral("%1: too many rules: %2 (at most %3)")
                      .arg(fileName)
                      .arg(imported.rules.size())
                      .arg(ApplyValidator::MaxRules)};
        return false;
    }
    QVector<ApplyValidator::Item> items(imported.rules.size());
    QStringList specs;
    specs.reserve(imported.rules.size());
    for (int i = 0; i < imported.rules.size(); ++i) {
        ApplyValidator::Item &item = items[i];
        item.text = imported.rules.at(i).toString();
        if (item.text.toUtf8().size() > ApplyValidator::MaxRuleBytes) {
            *error = invalid(
                RuleRefusal::Where::Line, imported.lines.at(i), RefusalReason::TooLong,
                FileError{
                    imported.lines.at(i),
                    QStringLiteral("rule longer than %1 bytes").arg(ApplyValidator::MaxRuleBytes)}
                    .toString(fileName),
                {QString::number(ApplyValidator::MaxRuleBytes)});
            return false;
        }
        QString why;
        if (!restoreLineFits(item.text, &why)) {
            *error =
                invalid(RuleRefusal::Where::Line, imported.lines.at(i), RefusalReason::RestoreLine,
                        FileError{imported.lines.at(i), why}.toString(fileName));
            return false;
        }
        item.rule = std::move(imported.rules[i]);
        specs.append(item.text);
    }

    out->exists = true;
    out->specs = std::move(specs);
    out->items = std::move(items);
    return true;
}

bool PersistentStore::failClosed() const
{
    bool missing = false;
    ApplyError error;
    FdGuard dir(openDirectory(false, &missing, &error));
    if (dir.get() < 0)
        return false;
    // Only root's own regular file counts, as for the saved rules.
    struct stat st;
    return ::fstatat(dir.get(), FailClosedFile, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
           S_ISREG(st.st_mode) && trustworthy(st);
}

int PersistentStore::openDirectory(bool create, bool *missing, ApplyError *error) const
{
    const QByteArray dir = QFile::encodeName(m_directory);
    bool created = false;
    if (create) {
        if (::mkdir(dir.constData(), 0755) == 0)
            created = true;
        else if (errno != EEXIST) {
            *error =
                failed(QStringLiteral("cannot create %1: %2").arg(m_directory, systemError(errno)));
            return -1;
        }
    }
    // O_NOFOLLOW: a symlink in place of the directory would send the file somewhere else.
    const int fd = ::open(dir.constData(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) {
        const int err = errno;
        if (err == ENOENT && missing) {
            *missing = true;
            return -1;
        }
        *error = failed(QStringLiteral("cannot open %1: %2").arg(m_directory, systemError(err)));
        return -1;
    }
    // The helper runs with UMask=0077 under systemd; the directory is meant to be readable.
    if (created && ::fchmod(fd, 0755) != 0) {
        *error = failed(QStringLiteral("chmod %1: %2").arg(m_directory, systemError(errno)));
        ::close(fd);
        return -1;
    }
    struct stat st;
    if (::fstat(fd, &st) != 0 || !trustworthy(st)) {
        // Why: whoever can write the directory can swap the file for one of their own, and the
        // file decides the firewall at boot.
        *error = failed(QStringLiteral("%1 is not owned by root or is writable by others; "
                                       "refusing to use it")
                            .arg(m_directory));
        ::close(fd);
        return -1;
    }
    return fd;
}

bool PersistentStore::save(Family family, const QStringList &specs, ApplyError *error) const
{
    const QString target = path(family);
    const QByteArray data = exportDockerUser(specs, family);
    // What is written must load again: checked before anything touches the disk.
    SavedRules check;
    if (!parse(family, data, target, &check, error))
        return false;

    FdGuard dir(openDirectory(true, nullptr, error));
    if (dir.get() < 0)
        return false;

    const QByteArray name = QFile::encodeName(fileName(family));
    QByteArray tempName;
    int fd = -1;
    for (int attempt = 0; attempt < TempNameAttempts && fd < 0; ++attempt) {
        // A hidden name next to the target, so that rename() replaces it atomically (same file
        // system) and the restore, which opens the fixed name only, never sees a partial file.
        tempName = '.' + name + '.' +
                   QByteArray::number(QRandomGenerator::system()->generate64(), 16) + ".tmp";
        // O_EXCL | O_NOFOLLOW: never write through something that was already there.
        fd = ::openat(dir.get(), tempName.constData(),
                      O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY, 0644);
        if (fd < 0 && errno != EEXIST)
            break;
    }
    if (fd < 0) {
        *error = failed(QStringLiteral("cannot create a temporary file in %1: %2")
                            .arg(m_directory, systemError(errno)));
        return false;
    }
    FdGuard file(fd);
    QString problem;
    // fchmod: the creation mode is filtered by the umask (0077 in the systemd unit), but the
    // saved rules are meant to be readable, like the rest of /etc.
    if (::fchmod(file.get(), 0644) != 0)
        problem = QStringLiteral("chmod: %1").arg(systemError(errno));
    else if (!writeAll(file.get(), data))
        problem = QStringLiteral("write: %1").arg(systemError(errno));
    else if (::fsync(file.get()) != 0)
        problem = QStringLiteral("fsync: %1").arg(systemError(errno));
    else if (file.close() != 0)
        problem = QStringLiteral("close: %1").arg(systemError(errno));
    else if (::renameat(dir.get(), tempName.constData(), dir.get(), name.constData()) != 0)
        problem = QStringLiteral("rename: %1").arg(systemError(errno));
    if (!problem.isEmpty()) {
        ::unlinkat(dir.get(), tempName.constData(), 0);
        *error = failed(QStringLiteral("cannot write %1: %2").arg(target, problem));
        return false;
    }
    // The rename itself is durable only once the directory is on disk.
    if (::fsync(dir.get()) != 0) {
        *error = failed(QStringLiteral("fsync %1: %2").arg(m_directory, systemError(errno)));
        return false;
    }
    return true;
}

bool PersistentStore::load(Family family, SavedRules *out, ApplyError *error,
                           SavedFileCache *cache) const
{
    *out = SavedRules();
    bool missing = false;
    FdGuard dir(openDirectory(false, &missing, error));
    if (missing)
        return true;
    if (dir.get() < 0)
        return false;

    const QString target = path(family);
    // O_NONBLOCK: a FIFO in place of the file must not hang the boot; it is refused below.
    FdGuard file(::openat(dir.get(), QFile::encodeName(fileName(family)).constData(),
                          O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY));
    if (file.get() < 0) {
        if (errno == ENOENT)
            return true;
        *error = failed(QStringLiteral("cannot open %1: %2").arg(target, systemError(errno)));
        return false;
    }
    struct stat st;
    if (::fstat(file.get(), &st) != 0 || !S_ISREG(st.st_mode)) {
        *error = failed(QStringLiteral("%1 is not a regular file").arg(target));
        return false;
    }
    // Why ownership and mode are checked: this file decides the firewall at boot, loaded by
    // root with no one watching. A file someone else could have written is not root's choice.
    if (!trustworthy(st)) {
        *error = failed(QStringLiteral("%1 is not owned by root or is writable by others; "
                                       "refusing to load it")
                            .arg(target));
        return false;
    }
    if (st.st_size > MaxFileBytes) {
        *error = failed(QStringLiteral("%1: larger than %2 bytes").arg(target).arg(MaxFileBytes));
        return false;
    }
    // The checks above run on every call (ownership and mode can change without the content);
    // the content's are the ones worth keeping.
    if (cache) {
        if (const std::optional<SavedFileCache::Outcome> kept = cache->find(family, st)) {
            *out = kept->rules;
            *error = kept->error;
            return kept->ok;
        }
    }
    // Read in chunks up to one byte more than allowed: the file may grow after fstat, and a
    // small file (the usual case, read on every GetSaved) should not cost 16 MiB of memory.
    QByteArray data;
    char chunk[64 * 1024];
    while (data.size() <= MaxFileBytes) {
        const ssize_t n = ::read(file.get(), chunk, sizeof chunk);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            *error = failed(QStringLiteral("cannot read %1: %2").arg(target, systemError(errno)));
            return false;
        }
        if (n == 0)
            break;
        data.append(chunk, int(n));
    }

    const bool ok = parse(family, data, target, out, error);
    if (ok)
        out->savedAtMs = qint64(st.st_mtim.tv_sec) * 1000 + st.st_mtim.tv_nsec / 1000000;
    // Kept only when the bytes read are the file fstat described (it did not grow meanwhile).
    if (cache && data.size() == st.st_size)
        cache->store(family, st, {ok, ok ? *out : SavedRules(), ok ? ApplyError() : *error});
    return ok;
}

} // namespace Userchain
